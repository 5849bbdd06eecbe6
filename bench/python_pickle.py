"""Pickling a registry from Python: the binary form (pickle version 2) against the registry file's text
(version 1), in wall and CPU time, for a synthetic world registry of N organisations (default 1,000,000).

    PYTHONPATH=$PWD/build/release/python /usr/bin/python3 bench/python_pickle.py 1000000
"""

import pickle
import resource
import sys
import time

import coopecon


def timed(label, f):
    wall, cpu = time.perf_counter(), time.process_time()
    out = f()
    print(f"{label}: {time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU")
    return out


def main(organizations: int, text_too: bool) -> None:
    registry = timed(f"synthesize world {organizations:,}", lambda: coopecon.synthesize(
        "world", seed=1, organizations=organizations))
    print(f"{len(registry):,} organizations, {registry.event_count:,} events")
    data = timed("binary dumps (pickle v2)", lambda: pickle.dumps(registry, protocol=pickle.HIGHEST_PROTOCOL))
    copy = timed("binary loads (pickle v2)", lambda: pickle.loads(data))
    assert len(copy) == len(registry)
    print(f"binary: {len(data) / 1e6:.0f} MB")
    del copy, data
    if text_too:
        text = timed("file text dumps (pickle v1)", registry.dumps)
        timed("file text loads (pickle v1)", lambda: coopecon.loads(text))
        print(f"text: {len(text.encode()) / 1e6:.0f} MB")
    print(f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6:.2f} GB")


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    main(count, text_too="--text" in sys.argv)
