"""Scaling of scenario runs from Python: 1 → 2 engine threads in one process, and 1 → 2 Dask worker processes
(docs/performance.md, "Simulation from Python"), measured in the same process one after the other, with a
control that shows how many cores the machine gave at the time.

    PYTHONPATH=$PWD/build/release/python /usr/bin/python3 bench/simulation_scaling.py [RUNS]

For each configuration: wall time, CPU time (this process's threads, or the Dask workers' processes) and runs per
second. The frames of every configuration are checked equal. The control is a pure-Python loop in 1 and in 2
processes at once: on a quiet 2-core machine both take the same wall time.
"""

import multiprocessing
import os
import subprocess
import sys
import time

import coopecon

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
OPTIONS = dict(start="2025-12-31", months=60, runs=RUNS, seed=7, progress=False)
SCENARIOS = [None]


def spin(n=20_000_000):
    x = 0
    for i in range(n):
        x += i
    return x


def control(processes):
    began = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        pool.map(spin, [20_000_000] * processes)
    return time.perf_counter() - began


def timed(call):
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def on_dask(registry, workers):
    import distributed

    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        coopecon.run_scenarios(registry, SCENARIOS, executor=client, **{**OPTIONS, "runs": 2 * workers})  # warm up
        cpu_before = sum(client.run(time.process_time).values())
        frame, wall, _ = timed(lambda: coopecon.run_scenarios(registry, SCENARIOS, executor=client, blocks=8,
                                                              **OPTIONS))
        cpu = sum(client.run(time.process_time).values()) - cpu_before
    return frame, wall, cpu


def main():
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    print(f"machine: {os.cpu_count()} CPUs, {model}")
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    print(f"control, a pure-Python loop: 1 process {control(1):.2f} s, 2 processes at once {control(2):.2f} s")
    registry = coopecon.simulation.synthesize("ca_mau_2023")
    _, setup, setup_cpu = timed(lambda: coopecon.simulate(registry, **{**OPTIONS, "runs": 1, "months": 1}))
    print(f"setup of one call (calibration, start states) and one month of one run: {setup:.3f} s wall, "
          f"{setup_cpu:.3f} s CPU")
    rows = []
    frames = {}
    for threads in (1, 2):
        frame, wall, cpu = timed(lambda: coopecon.compare(registry, SCENARIOS, threads=threads, **OPTIONS))
        frames[f"{threads} thread(s)"] = frame
        rows.append((f"compare, {threads} engine thread(s)", wall, cpu))
    for workers in (1, 2):
        frame, wall, cpu = on_dask(registry, workers)
        frames[f"{workers} Dask worker(s)"] = frame
        rows.append((f"run_scenarios, Dask {workers} worker process(es) x 1 thread, 8 blocks", wall, cpu))
    first = next(iter(frames.values()))
    assert all(f.equals(first) for f in frames.values()), "the configurations disagree"
    print(f"{RUNS} runs x 60 months of Cà Mau (baseline), frames equal in every configuration")
    print(f"{'configuration':70} {'wall s':>8} {'CPU s':>8} {'runs/s':>8}")
    for name, wall, cpu in rows:
        print(f"{name:70} {wall:8.2f} {cpu:8.2f} {RUNS / wall:8.1f}")
    print("speed-up 1 -> 2 threads: {:.2f}x; 1 -> 2 Dask workers: {:.2f}x".format(
        rows[0][1] / rows[1][1], rows[2][1] / rows[3][1]))
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
