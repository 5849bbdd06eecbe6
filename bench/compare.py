"""The standard report in C++ (coopecon_bench) and in pandas, side by side, in one run.

Runs the benchmarks of the chosen scales with COOPECON_BENCH_EXPORT set, so that the same process that times
the library also writes the snapshots the report reads, the registry's event table and the report it computed;
then times two pandas versions: the report on those snapshots (bench/pandas_report.py), against the library's
report from snapshots, and the replay of the event table to the same two states followed by the same report
(bench/pandas_replay.py), against the library's snapshots and report, which start from the registry's events
too. Checks that every figure of both is the library's, and prints the times and their ratios.

    /usr/bin/python3 bench/compare.py build/bench/coopecon_bench [national_30k] [world_3m]

Exits 1 when a figure differs.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pandas_replay  # noqa: E402  (beside this script)
import pandas_report  # noqa: E402

SCALES = ["national_30k", "world_3m"]


def cxx_times(bench, scales, folder):
    """{(benchmark, scale): median run} from one run of coopecon_bench (times in milliseconds)."""
    pattern = "^(snapshot|snapshot_and_report|report_from_snapshots)/(" + "|".join(scales) + ")(/|$)"
    out = Path(folder) / "cxx.json"
    subprocess.run([bench, f"--benchmark_filter={pattern}", "--benchmark_repetitions=3",
                    "--benchmark_report_aggregates_only=true", f"--benchmark_out={out}",
                    "--benchmark_out_format=json"],
                   check=True, env=dict(os.environ, COOPECON_BENCH_EXPORT=str(folder)))
    return {tuple(b["run_name"].split("/")[:2]): b
            for b in json.loads(out.read_text())["benchmarks"] if b.get("aggregate_name") == "median"}


def main(bench, scales):
    with tempfile.TemporaryDirectory(prefix="coopecon-bench-") as folder:
        runs = cxx_times(bench, scales, folder)
        rows, failed = [], False
        for scale in scales:
            manifest, wall, cpu, compared, problems = pandas_report.run(Path(folder) / scale)
            _, replay_wall, replay_cpu, replay_compared, replay_problems = pandas_replay.run(Path(folder) / scale)
            for p in problems[:20]:
                print(f"{scale}, pandas report from snapshots: {p}")
            for p in replay_problems[:20]:
                print(f"{scale}, pandas replay and report: {p}")
            failed = failed or bool(problems) or bool(replay_problems)
            full, only = runs[("snapshot_and_report", scale)], runs[("report_from_snapshots", scale)]
            same = lambda n, differ: f"all {n} equal" if not differ else f"{len(differ)} of {n} differ"
            rows.append((scale, manifest, full, only, (wall, cpu), (replay_wall, replay_cpu),
                         f"{same(compared, problems)}; {same(replay_compared, replay_problems)}"))
    print()
    print("Times in seconds, CPU (wall). The ratios divide CPU times.")
    print()
    print("| scale | organisations | events | bytes/event (histories) | C++ snapshots + report | "
          "pandas replay + report | pandas / C++, end to end | C++ report from snapshots | "
          "pandas report from snapshots | pandas / C++, report only | figures (from snapshots; replayed) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    s = lambda run, key: run[key] / 1e3  # the benchmarks report milliseconds
    for scale, manifest, full, only, (wall, cpu), (replay_wall, replay_cpu), same in rows:
        print(f"| {scale} | {manifest['organizations']:,} | {manifest['events']:,} | {full['bytes_per_event']:.1f} "
              f"({full['history_bytes_per_event']:.1f}) | "
              f"{s(full, 'cpu_time'):.3f} ({s(full, 'real_time'):.3f}) | {replay_cpu:.3f} ({replay_wall:.3f}) | "
              f"{replay_cpu / s(full, 'cpu_time'):.1f} | "
              f"{s(only, 'cpu_time'):.4f} ({s(only, 'real_time'):.4f}) | {cpu:.3f} ({wall:.3f}) | "
              f"{cpu / s(only, 'cpu_time'):.1f} | {same} |")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: /usr/bin/python3 bench/compare.py PATH/TO/coopecon_bench [" + "] [".join(SCALES) + "]")
    chosen = sys.argv[2:] or SCALES
    unknown = [s for s in chosen if s not in SCALES]
    if unknown:
        sys.exit(f"unknown scale {unknown[0]}; the scales are {', '.join(SCALES)}")
    sys.exit(main(sys.argv[1], chosen))
