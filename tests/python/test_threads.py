"""Threads: registry calls release the GIL, reads run side by side, and a change never tears a read."""

import concurrent.futures
import threading

import numpy as np

import coopecon

from conftest import D, cooperative_a


def many_cooperatives(count):
    registry = coopecon.Registry()
    organizations = []
    for i in range(count):
        org = cooperative_a()
        org["id"] = f"HTX-{i:05d}"
        organizations.append(org)
    registry.add(organizations)
    return registry


def test_snapshots_computed_on_two_threads_at_once_are_equal():
    registry = many_cooperatives(2000)
    start = threading.Barrier(2)

    def compute(date):
        start.wait()
        return registry.snapshot(date)

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(compute, [D(2022, 7, 1), D(2022, 7, 1)])
    assert first.ids == second.ids
    for name, column in first.columns.items():
        assert np.array_equal(column, second.columns[name]), name
    assert (first.columns["status"] == coopecon.names("LegalStatus").index("suspended")).all()


def test_reads_see_a_change_whole_or_not_at_all():
    registry = many_cooperatives(500)
    ids = registry.ids()
    batch = [(org_id, {"date": "2023-03-20", "type": "assembly_held", "kind": "annual"}) for org_id in ids]
    before, after = np.int32((D(2021, 3, 20) - D(1970, 1, 1)).days), np.int32((D(2023, 3, 20) - D(1970, 1, 1)).days)
    seen = []

    def read():
        for _ in range(20):
            column = registry.snapshot("2023-12-31").columns["last_annual_assembly"]
            seen.append(column.copy())

    readers = [threading.Thread(target=read) for _ in range(2)]
    for thread in readers:
        thread.start()
    registry.append_many(batch)
    for thread in readers:
        thread.join()
    assert registry.event_count == 500 * 7
    assert all((column == before).all() or (column == after).all() for column in seen)
