"""threads= in Python: snapshots, the report, a computed series and the compliance check of a registry large enough
to be split into parts are the same on one thread and on two; a thread count below one is refused."""

import pytest

import coopecon


@pytest.fixture(scope="module")
def large_registry():
    # Above twice the smallest part (16,384 organisations), so that two threads really split the work.
    return coopecon.synthesize("world", seed=3, organizations=40_000)


def test_snapshots_are_the_same_on_one_thread_and_two(large_registry):
    one = large_registry.snapshot("2024-06-30", threads=1).to_pandas()
    assert large_registry.snapshot("2024-06-30", threads=2).to_pandas().equals(one)
    assert large_registry.snapshot("2024-06-30").to_pandas().equals(one)
    both = large_registry.snapshots(["2020-12-31", "2024-06-30"], threads=2)
    assert both[1].to_pandas().equals(one)


def test_the_report_series_and_check_are_the_same_on_one_thread_and_two(large_registry):
    one = coopecon.report(large_registry, "2024-06-30", by="province", period="year", start="2021-01-01", threads=1)
    two = coopecon.report(large_registry, "2024-06-30", by="province", period="year", start="2021-01-01", threads=2)
    assert two.text == one.text
    series = [coopecon.indicators.compute(large_registry, ["organizations", "members"], "2021-01-01", "2024-06-30",
                                          by="kind", period="quarter", threads=n) for n in (1, 2)]
    assert series[1].equals(series[0])
    findings = [coopecon.check(large_registry, "2024-06-30", threads=n) for n in (1, 2)]
    assert len(findings[0]) > 0 and findings[1].equals(findings[0])


@pytest.mark.parametrize("threads", [0, -2])
def test_fewer_than_one_thread_is_refused(large_registry, threads):
    with pytest.raises(coopecon.Error, match="threads must be at least 1"):
        large_registry.snapshot("2024-06-30", threads=threads)
    with pytest.raises(coopecon.Error, match="threads must be at least 1"):
        coopecon.check(large_registry, threads=threads)
