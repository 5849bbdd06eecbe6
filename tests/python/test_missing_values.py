"""Snapshots as DataFrames with honest missing values: before its registration an organisation has no state,
a year that has not happened is missing, and terminated organisations are registered but not existing."""

import datetime

import pandas as pd

import coopecon

D = datetime.date


def test_the_readme_groupby_counts_the_published_active_cooperatives(ca_mau):
    frame = ca_mau.snapshot("2023-08-31").to_pandas()
    counts = frame.groupby(["kind", "status"], observed=True).size()
    assert counts["cooperative", "active"] == 247
    assert counts["cooperative", "suspended"] == 34
    assert counts["cooperative_group", "active"] == 987
    # Those registered later are in the frame, with no status, so they are in no group.
    later = frame[~frame["registered"]]
    assert len(later) > 0 and later["status"].isna().all()
    assert counts.sum() == frame["registered"].sum()


def test_existing_means_what_the_indicators_mean(ca_mau):
    frame = ca_mau.snapshot("2023-08-31").to_pandas()
    terminated = frame["status"] == "terminated"
    assert terminated.sum() > 0
    assert (frame["registered"] & ~terminated).equals(frame["existing"])
    headline = coopecon.report(ca_mau, "2023-08-31").headline
    existing_cooperatives = ((frame["kind"] == "cooperative") & frame["existing"]).sum()
    assert existing_cooperatives == 281
    assert headline.set_index("kind").loc["cooperative", "organizations"] == existing_cooperatives


def test_before_registration_every_state_column_is_missing(small_registry):
    frame = small_registry.snapshot(D(2023, 1, 1)).to_pandas()
    later = frame.loc["THT-B"]
    assert not later["registered"] and not later["existing"]
    assert later["kind"] == "cooperative_group" and later["area"] == "D973" and later["sector"] == "trade_services"
    for column in frame.columns.drop(["registered", "existing", "kind", "area", "sector"]):
        assert pd.isna(later[column]), column
    assert frame.loc["HTX-A", "official_members"] == 7 and not frame.loc["HTX-A", "not_at_address"]


def test_years_that_did_not_happen_are_missing(small_registry):
    frame = small_registry.snapshot(D(2024, 12, 31)).to_pandas()
    # HTX-A closed 2021; THT-B never closed a year: no year, no results.
    assert frame.loc["HTX-A", "financial_year"] == 2021 and frame.loc["HTX-A", "revenue"] == 1_000_000_000
    assert pd.isna(frame.loc["THT-B", "financial_year"]) and pd.isna(frame.loc["THT-B", "revenue"])
    assert pd.isna(frame.loc["THT-B", "workers"])
    # Nobody was ever assessed or sanctioned.
    assert frame["assessment_year"].isna().all() and frame["assessment_scheme"].isna().all()
    assert frame["assessment_points"].isna().all() and frame["sanction_year"].isna().all()
    assert frame["financial_year"].dtype == "Int32" and frame["revenue"].dtype == "Int64"


def test_an_assessed_organisation_has_its_scheme(ca_mau):
    frame = ca_mau.snapshot("2025-12-31").to_pandas()
    assessed = frame["assessment_year"].notna()
    assert assessed.any() and frame.loc[assessed, "assessment_scheme"].notna().all()
    assert frame.loc[~assessed, "assessment_scheme"].isna().all()


def test_frames_of_several_dates_concatenate(small_registry):
    frames = [s.to_pandas() for s in small_registry.snapshots(["2023-01-01", "2024-12-31"])]
    both = pd.concat(frames, keys=["2023", "2024"])
    assert isinstance(both["status"].dtype, pd.CategoricalDtype) and both["official_members"].dtype == "Int32"
    assert both["status"].isna().sum() == 2
