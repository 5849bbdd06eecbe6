"""coopecon.run_scenarios: blocks of runs on any executor give exactly the frame of one process."""

import asyncio
import concurrent.futures
import warnings

import distributed
import numpy as np
import pandas as pd
import pytest

import coopecon
from coopecon import simulation

from conftest import SOURCE_DIR

SCENARIOS = [None, SOURCE_DIR / "data" / "scenarios" / "dissolve-suspended.json",
             SOURCE_DIR / "data" / "scenarios" / "min-members-seven-from-2026.json"]
OPTIONS = dict(start="2025-12-31", months=12, runs=10, seed=11, by="kind", progress=False)


@pytest.fixture(scope="module")
def ca_mau():
    return coopecon.datasets.ca_mau_2023()


@pytest.fixture(scope="module")
def serial(ca_mau):
    return coopecon.run_scenarios(ca_mau, SCENARIOS, **OPTIONS)


def test_blocks_cover_the_runs_in_order():
    assert simulation.blocks_of(10, 3) == [(0, 3), (3, 3), (6, 4)]
    assert simulation.blocks_of(2, 5) == [(0, 1), (1, 1)]
    assert simulation.blocks_of(7, 1) == [(0, 7)]


def test_serial_blocks_are_the_frame_of_compare(ca_mau, serial):
    assert list(serial["scenario"].cat.categories) == ["baseline", "dissolve-suspended", "min-members-seven"]
    pd.testing.assert_frame_equal(serial, coopecon.compare(ca_mau, SCENARIOS, **OPTIONS))
    pd.testing.assert_frame_equal(serial, coopecon.run_scenarios(ca_mau, SCENARIOS, blocks=4, **OPTIONS))


def test_a_thread_pool_gives_exactly_the_serial_frame(ca_mau, serial):
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        pd.testing.assert_frame_equal(serial, coopecon.run_scenarios(ca_mau, SCENARIOS, executor=pool, **OPTIONS))
        # a submit function will do as well, with blocks of any size
        pd.testing.assert_frame_equal(
            serial, coopecon.run_scenarios(ca_mau, SCENARIOS, executor=pool.submit, blocks=3, **OPTIONS))


def test_a_process_pool_gives_exactly_the_serial_frame(ca_mau, serial):
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        pd.testing.assert_frame_equal(serial, coopecon.run_scenarios(ca_mau, SCENARIOS, executor=pool, **OPTIONS))


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # tornado's make_current, inside distributed 2022.12
def test_a_dask_cluster_gives_exactly_the_serial_frame(ca_mau, serial):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        frame = coopecon.run_scenarios(ca_mau, SCENARIOS, executor=client, **OPTIONS)
        by_submit = coopecon.run_scenarios(ca_mau, SCENARIOS, executor=client.submit, blocks=3, **OPTIONS)
        pids = set(client.run(lambda: __import__("os").getpid()).values())
    close_the_event_loop_left_behind()
    assert len(pids) == 2
    pd.testing.assert_frame_equal(serial, frame)
    pd.testing.assert_frame_equal(serial, by_submit)


def close_the_event_loop_left_behind():
    """distributed 2022.12 leaves an event loop set on this thread, unclosed: close it now rather than warn at
    exit."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            loop = asyncio.get_event_loop_policy().get_event_loop()
        except RuntimeError:  # none is set
            return
    loop.close()
    asyncio.set_event_loop(None)


def test_different_seeds_give_different_outcomes(ca_mau, serial):
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        other = coopecon.run_scenarios(ca_mau, SCENARIOS, executor=pool, **{**OPTIONS, "seed": 12})
    assert other.shape == serial.shape
    assert not np.array_equal(other["value"].to_numpy(), serial["value"].to_numpy())


def test_every_scenario_is_checked_before_any_block_is_sent(ca_mau):
    bad = {"name": "bad", "programmes": [{"id": "p", "type": "rate_change", "from": "2026-01-01",
                                          "target": {"areas": ["XX99"]}, "hazard": "founding", "factor": 2}]}
    sent = []
    with pytest.raises(coopecon.UnknownNameError) as caught:
        coopecon.run_scenarios(ca_mau, [None, bad], executor=lambda *task: sent.append(task), **OPTIONS)
    assert caught.value.problems[0]["path"] == "scenarios[1].programmes[0].target.areas[0]"
    assert sent == []
