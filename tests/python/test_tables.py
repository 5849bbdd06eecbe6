"""Indicator tables as pandas users expect them: categorical keys with complete categories, pandas Periods,
totals marked only on totals rows, empty groups on request, and a short repr for reports."""

import pandas as pd
import pytest

import coopecon
from coopecon import indicators


@pytest.fixture(scope="module")
def by_district_and_status(ca_mau):
    return coopecon.report(ca_mau, "2023-08-31", by=["district", "status"])


def test_keys_are_categoricals_with_every_category(ca_mau):
    frame = indicators.compute(ca_mau, ["cooperatives"], "2023-01-01", "2023-08-31", by=["kind", "district"])
    assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)
    assert list(frame["kind"].cat.categories) == list(coopecon.names("OrgKind")) + ["total"]
    assert isinstance(frame["district"].dtype, pd.CategoricalDtype)
    assert "D971" in frame["district"].cat.categories
    # The categories survive filtering, so a groupby can still see every kind.
    counts = frame[~frame["total"]].groupby("kind", observed=False)["cooperatives"].sum()
    assert counts["cooperative"] == 281 and counts["union_of_cooperatives"] == 0


def test_periods_are_pandas_periods(ca_mau):
    for period, freq, first in [("month", "M", "2023-01"), ("quarter", "Q", "2023Q1"), ("year", "Y", "2023")]:
        frame = indicators.compute(ca_mau, ["cooperatives"], "2023-01-01", "2023-12-31", period=period)
        assert isinstance(frame["period"].dtype, pd.PeriodDtype), period
        assert frame["period"].iloc[0] == pd.Period(first, freq=freq)
    quarters = indicators.compute(ca_mau, ["cooperatives"], "2023-01-01", "2023-12-31", period="quarter")
    # 281 on 2023-08-31, the calibration date; September is a month of the dynamics.
    assert 275 <= quarters.set_index("period").loc[pd.Period("2023Q3", "Q"), "cooperatives"] <= 295


def test_a_series_without_groups_has_no_totals_rows(ca_mau):
    series = indicators.compute(ca_mau, ["cooperatives"], "2023-01-01", "2023-12-31", period="quarter")
    assert len(series) == 4 and not series["total"].any()
    by_kind = indicators.compute(ca_mau, ["cooperatives"], "2023-01-01", "2023-12-31", by="kind", period="quarter")
    assert by_kind["total"].sum() == 4
    assert (by_kind.loc[by_kind["total"], "kind"] == "total").all()


def test_empty_groups_are_left_out_unless_asked_for(ca_mau, by_district_and_status):
    status = by_district_and_status.tables["status"]
    body = status[~status["total"]]
    # No district has a terminated row any more: terminated organisations are not existing ones.
    assert "terminated" not in set(body["status"])
    assert ((body["organizations"] > 0)).all()
    every = coopecon.report(ca_mau, "2023-08-31", by=["district", "status"], empty_groups=True).tables["status"]
    every_body = every[~every["total"]]
    assert len(every_body) == 9 * len(coopecon.names("LegalStatus"))
    terminated = every_body[every_body["status"] == "terminated"]
    assert len(terminated) == 9 and (terminated["organizations"] == 0).all()
    assert terminated["active_rate"].isna().all() and (terminated["status_label"] == "Terminated").all()
    assert every.loc[every["total"], "organizations"].sum() == status.loc[status["total"], "organizations"].sum()


def test_report_repr_is_short_and_notebooks_get_html(by_district_and_status):
    text = repr(by_district_and_status)
    assert text.startswith("<coopecon.Report as of 2023-08-31") and len(text) < 400
    assert "status " in text and "synthetic" in text
    html = by_district_and_status._repr_html_()
    assert html.startswith("<iframe") and "&lt;table" in html
