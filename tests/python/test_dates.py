"""Dates in every form pandas and numpy hold them: datetime.date, ISO text, pandas.Timestamp, numpy.datetime64,
DatetimeIndex and datetime64 arrays for several dates; a time of day other than midnight is refused clearly."""

import datetime

import numpy as np
import pandas as pd
import pytest

import coopecon

D = datetime.date

SAME_DAY = [D(2024, 12, 31), "2024-12-31", pd.Timestamp("2024-12-31"), datetime.datetime(2024, 12, 31),
            np.datetime64("2024-12-31"), np.datetime64("2024-12-31T00:00:00.000000000"),
            pd.Timestamp("2024-12-31", tz="Asia/Ho_Chi_Minh")]


@pytest.mark.parametrize("date", SAME_DAY, ids=lambda d: type(d).__name__ + ":" + str(d))
def test_every_form_of_a_date_is_the_same_date(small_registry, date):
    assert small_registry.snapshot(date).as_of == D(2024, 12, 31)
    assert small_registry.state_at("HTX-A", date)["status"] == "active"


@pytest.mark.parametrize("bad, message", [
    (pd.Timestamp("2024-12-31 10:30"), "2024-12-31 10:30:00 has a time of day"),
    (pd.Timestamp("2024-12-31 00:00:00.000000001"), "has a time of day"),
    (datetime.datetime(2024, 12, 31, 0, 0, 1), "has a time of day"),
    (np.datetime64("2024-12-31T00:00:01"), "2024-12-31T00:00:01 has a time of day"),
    (pd.NaT, "NaT"),
    (np.datetime64("NaT"), "NaT"),
    (np.datetime64("10000-01-01"), "outside the years 0001 to 9999"),
])
def test_a_time_of_day_or_no_date_is_refused(small_registry, bad, message):
    with pytest.raises(coopecon.InvalidValueError, match=message):
        small_registry.snapshot(bad)


def test_many_dates_from_pandas_and_numpy(small_registry):
    ends = pd.date_range("2024-01-01", "2024-12-31", freq="Q")
    expected = [D(2024, 3, 31), D(2024, 6, 30), D(2024, 9, 30), D(2024, 12, 31)]
    for dates in (ends, ends.values, list(ends), ends.to_series(), np.array(expected, dtype="datetime64[D]")):
        assert [s.as_of for s in small_registry.snapshots(dates)] == expected


def test_the_librarys_own_dates_go_back_in(small_registry):
    findings = coopecon.check(small_registry, "2024-12-31")
    if len(findings) == 0:  # the small registry may have none; the example always has some
        pytest.fail("expected findings")
    threshold = findings["threshold"].iloc[0]
    assert small_registry.snapshot(threshold).as_of == threshold.date()
    frame = small_registry.snapshot("2024-12-31").to_pandas()
    registered = frame.loc["HTX-A", "registered_on"]
    assert small_registry.state_at("HTX-A", registered)["registered"]


def test_dates_inside_events_take_every_form():
    registry = coopecon.Registry()
    registry.add({"id": "HTX-T", "registration_code": "1", "name": "Timestamps", "kind": "cooperative",
                  "area": "P96", "sector": "agriculture",
                  "events": [{"date": pd.Timestamp("2024-08-01"), "type": "registered", "charter_capital": 0},
                             {"date": np.datetime64("2024-08-01"), "type": "members_joined", "kind": "official",
                              "member_type": "individual", "count": 7, "foreign_investors": 0, "capital": 0}]})
    assert registry.events("HTX-T")[1]["date"] == D(2024, 8, 1)
    with pytest.raises(coopecon.InvalidValueError) as caught:
        registry.append("HTX-T", {"date": pd.Timestamp("2025-01-01 08:00"), "type": "assembly_held",
                                  "kind": "annual"})
    assert caught.value.problems[0]["path"].endswith("date")
