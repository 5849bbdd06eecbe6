"""Pickling, as Dask and multiprocessing ship objects: registries in their binary form (versioned; the file text of
version 1 still loads), snapshots as columns, and the package's functions by reference (pybind11 2.10 functions
themselves cannot be pickled)."""

import concurrent.futures
import multiprocessing
import pathlib
import pickle

import pytest

import coopecon
from coopecon import _core


KEPT = pathlib.Path(__file__).parent / "data" / "example-registry-v2.pickle"


def test_a_registry_pickles_in_binary_form(example_registry):
    copy = pickle.loads(pickle.dumps(example_registry, protocol=pickle.HIGHEST_PROTOCOL))
    assert type(copy) is coopecon.Registry
    assert copy.dumps() == example_registry.dumps()
    assert copy.info == example_registry.info
    version, data = example_registry._cpp.__getstate__()
    assert version == 2 and isinstance(data, bytes) and data.startswith(b"COOPREG\0")
    assert len(data) < len(example_registry.dumps().encode()) / 3


def test_a_pickle_kept_from_this_version_loads(example_registry):
    # Written by pickle.dumps(coopecon.load("examples/registry.json"), protocol=4) with version 2.
    assert pickle.loads(KEPT.read_bytes()).dumps() == example_registry.dumps()


def test_a_version_1_pickle_of_file_text_still_loads(example_registry):
    cls = type(example_registry._cpp)
    registry = cls.__new__(cls)
    registry.__setstate__((1, example_registry.dumps()))
    assert registry.dumps() == example_registry.dumps()


def test_the_framework_and_extra_areas_travel_with_the_pickle(tmp_path):
    law = coopecon.Framework.vietnam().apply(coopecon.Reform.load(
        pathlib.Path(__file__).resolve().parents[2] / "data" / "reforms" / "min-members-seven-from-2026.json"))
    registry = coopecon.Registry(framework=law)
    registry.add({"id": "HTX-1", "registration_code": "1", "name": "Một", "kind": "cooperative", "area": "P96",
                  "sector": "agriculture",
                  "events": [{"date": "2024-08-01", "type": "registered", "charter_capital": 0}]})
    copy = pickle.loads(pickle.dumps(registry))
    assert copy.framework.value("min_members_cooperative", "2026-01-01") == 7
    assert copy.dumps() == registry.dumps()


def test_bad_pickles_are_refused_and_never_crash(small_registry):
    cls = type(small_registry._cpp)
    version, data = small_registry._cpp.__getstate__()

    def unpickle(state):
        registry = cls.__new__(cls)
        registry.__setstate__(state)
        return registry

    with pytest.raises(coopecon.InvalidValueError, match="unknown pickle version 3"):
        unpickle((3, data))
    with pytest.raises(coopecon.InvalidValueError, match="unknown pickle version 2"):
        unpickle((2, small_registry.dumps()))  # text under the binary version
    with pytest.raises(coopecon.ParseError):
        unpickle((1, "{"))
    with pytest.raises(coopecon.InvalidValueError, match="does not begin with COOPREG"):
        unpickle((2, b"PK" + data[2:]))
    with pytest.raises(coopecon.InvalidValueError, match="version 9"):
        unpickle((2, data[:8] + bytes([9, 0, 0, 0]) + data[12:]))
    # Every truncation is refused; every single corrupted byte is refused or gives a registry, never a crash.
    for end in range(len(data)):
        with pytest.raises(coopecon.Error):
            unpickle((2, data[:end]))
    for at in range(12, len(data)):
        corrupted = bytearray(data)
        corrupted[at] ^= 0xFF
        try:
            unpickle((2, bytes(corrupted)))
        except coopecon.Error:
            pass


def test_package_functions_pickle_by_reference():
    for function in [coopecon.load, coopecon.loads, coopecon.label, coopecon.labels, coopecon.names,
                     coopecon.Registry.snapshot, coopecon.Snapshot.to_pandas]:
        assert pickle.loads(pickle.dumps(function)) is function
    with pytest.raises(TypeError):
        pickle.dumps(_core.label)  # why the package wraps every function


def count_active(registry, date):
    """A task as a worker would run it: everything it gets and returns is pickled."""
    frame = registry.snapshot(date).to_pandas()
    return int((frame["status"] == "active").sum())


def test_registries_go_to_worker_processes_and_back(example_registry):
    date = example_registry.info["as_of"]
    context = multiprocessing.get_context("spawn")  # as Dask's workers start
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        remote_count = pool.submit(count_active, example_registry, date).result(timeout=120)
        label = pool.submit(coopecon.label, "active", "vi").result(timeout=60)
        returned = pool.submit(coopecon.loads, example_registry.dumps()).result(timeout=60)
    assert remote_count == count_active(example_registry, date)
    assert label == "Đang hoạt động"
    assert returned.dumps() == example_registry.dumps()
