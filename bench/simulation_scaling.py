"""Scaling of scenario runs from Python: 1 → 2 engine threads in one process, and 1 → 2 Dask worker processes
(docs/performance.md, "Simulation from Python"), measured in the same process one after the other, with a
control that shows how many cores the machine gave at the time.

    PYTHONPATH=$PWD/build/release/python /usr/bin/python3 bench/simulation_scaling.py [RUNS [ROUNDS]]

The configurations are interleaved over several rounds; for each: the best wall time, every round's, and the
median CPU time (this process's threads, or the Dask workers' processes). The frames of every configuration are
checked equal. The control is a pure-Python loop in 1 and in 2 processes at once: on two free cores both take
the same wall time, so the control's "speed-up" says how much of a second core the machine gave.
"""

import multiprocessing
import os
import subprocess
import sys
import time

import coopecon

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
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


def dask_cpu(client):
    return sum(client.run(time.process_time).values())


def on_dask(registry, client):
    before = dask_cpu(client)
    frame, wall, _ = timed(lambda: coopecon.run_scenarios(registry, SCENARIOS, executor=client, blocks=8, **OPTIONS))
    return frame, wall, dask_cpu(client) - before


def main():
    import distributed

    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    print(f"machine: {os.cpu_count()} CPUs, {model}")
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    registry = coopecon.datasets.ca_mau_2023()
    for call in ("first", "second"):  # the first call in a process also reads the embedded data, once
        _, setup, setup_cpu = timed(lambda: coopecon.simulate(registry, **{**OPTIONS, "runs": 1, "months": 1}))
        print(f"{call} call of one month of one run (calibration, start states): {setup:.3f} s wall, "
              f"{setup_cpu:.3f} s CPU")
    names = ["control: pure-Python loop, 1 process", "control: the same in 2 processes at once",
             "compare, 1 engine thread", "compare, 2 engine threads",
             "run_scenarios, Dask 1 worker process x 1 thread, 8 blocks",
             "run_scenarios, Dask 2 worker processes x 1 thread, 8 blocks"]
    measured: dict = {name: [] for name in names}
    frames = []
    clusters = [distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
                for n in (1, 2)]
    clients = [distributed.Client(cluster) for cluster in clusters]
    try:
        for client in clients:  # the workers import the package and receive the registry once before timing
            coopecon.run_scenarios(registry, SCENARIOS, executor=client, **{**OPTIONS, "runs": 4})
        for _ in range(ROUNDS):  # interleaved, so that a change of the machine's load touches every configuration
            measured[names[0]].append((control(1), float("nan")))
            measured[names[1]].append((control(2), float("nan")))
            for threads, name in zip((1, 2), names[2:4]):
                frame, wall, cpu = timed(lambda: coopecon.compare(registry, SCENARIOS, threads=threads, **OPTIONS))
                measured[name].append((wall, cpu))
                frames.append(frame)
            for client, name in zip(clients, names[4:]):
                frame, wall, cpu = on_dask(registry, client)
                measured[name].append((wall, cpu))
                frames.append(frame)
    finally:
        for client, cluster in zip(clients, clusters):
            client.close()
            cluster.close()
    assert all(f.equals(frames[0]) for f in frames), "the configurations disagree"
    print(f"{RUNS} runs x 60 months of Cà Mau (baseline), {ROUNDS} rounds; frames equal in every configuration")
    print(f"{'configuration':62} {'best wall s':>11} {'walls s':>20} {'CPU s':>7}")
    best = {}
    for name in names:
        walls = [w for w, _ in measured[name]]
        cpus = sorted(c for _, c in measured[name])
        best[name] = min(walls)
        print(f"{name:62} {best[name]:11.2f} {' '.join(f'{w:.2f}' for w in walls):>20} {cpus[len(cpus) // 2]:7.2f}")
    print("best-wall speed-up 1 -> 2: control {:.2f}x (2.00 on two free cores), threads {:.2f}x, Dask workers "
          "{:.2f}x".format(2 * best[names[0]] / best[names[1]], best[names[2]] / best[names[3]],
                           best[names[4]] / best[names[5]]))
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
