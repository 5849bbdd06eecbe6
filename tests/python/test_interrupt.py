"""Ctrl-C in a long call: the report, a computed series, snapshots and the compliance check run without the GIL,
and a SIGINT sent to the process raises KeyboardInterrupt within a second, after the work has stopped (no thread
of it is left). Each call runs in a child process that the test interrupts with a real SIGINT."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

CHILD = textwrap.dedent("""
    import os, sys, time
    import coopecon

    registry = coopecon.synthesize("world", seed=5, organizations=40_000)
    calls = {
        # 1,100 monthly periods of 40,000 organisations: a minute or more if not stopped
        "report": lambda: coopecon.report(registry, "2025-12-31", period="month", start="1935-01-01", threads=2),
        "compute": lambda: coopecon.indicators.compute(registry, ["organizations", "members"], "1935-01-01",
                                                       "2025-12-31", by="province", period="month", threads=2),
        # the check of 40,000 organisations, again and again: each call must be interruptible
        "check": lambda: [coopecon.check(registry, threads=2) for _ in range(10_000)],
        "snapshots": lambda: [registry.snapshots(["2020-12-31", "2025-12-31"], threads=2) for _ in range(10_000)],
    }
    call = calls[sys.argv[1]]
    threads = len(os.listdir("/proc/self/task"))
    print("started", flush=True)
    try:
        call()
        print("finished", flush=True)
    except KeyboardInterrupt:
        print("interrupted", len(os.listdir("/proc/self/task")) - threads, flush=True)
""")


@pytest.mark.parametrize("call", ["report", "compute", "check", "snapshots"])
def test_sigint_raises_keyboard_interrupt_within_a_second(call):
    with subprocess.Popen([sys.executable, "-c", CHILD, call], stdout=subprocess.PIPE, text=True) as child:
        try:
            assert child.stdout.readline().strip() == "started"
            time.sleep(1.0)  # well inside the call
            sent = time.monotonic()
            child.send_signal(signal.SIGINT)
            line = child.stdout.readline().split()
            answered = time.monotonic() - sent
            assert child.wait(timeout=30) == 0
        finally:
            child.kill()
    assert line == ["interrupted", "0"], line  # KeyboardInterrupt, and no thread of the work is left
    assert answered < 1.0
