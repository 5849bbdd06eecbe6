"""Pickling, as Dask and multiprocessing ship objects: registries as their file text, snapshots as columns, and
the package's functions by reference (pybind11 2.10 functions themselves cannot be pickled)."""

import concurrent.futures
import multiprocessing
import pickle

import pytest

import coopecon
from coopecon import _core


def test_a_registry_pickles_as_its_file_text(example_registry):
    copy = pickle.loads(pickle.dumps(example_registry, protocol=pickle.HIGHEST_PROTOCOL))
    assert type(copy) is coopecon.Registry
    assert copy.dumps() == example_registry.dumps()
    assert copy.info == example_registry.info
    version, text = example_registry._cpp.__getstate__()
    assert (version, text) == (1, example_registry.dumps())


def test_a_registry_pickle_of_an_unknown_version_is_refused(small_registry):
    cls = type(small_registry._cpp)
    registry = cls.__new__(cls)
    with pytest.raises(coopecon.InvalidValueError, match="unknown pickle version 2"):
        registry.__setstate__((2, small_registry.dumps()))
    with pytest.raises(coopecon.ParseError):
        registry.__setstate__((1, "{"))


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
