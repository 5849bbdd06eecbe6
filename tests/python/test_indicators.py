"""Indicators from Python: the catalogue's metadata, tables and the standard report as DataFrames, user-defined
indicators from dict specs with field-path errors. Figures are counted by hand from conftest's small registry:
HTX-A (Cà Mau, 8 members), THT-B (Ngọc Hiển district of Cà Mau, 3 members, from 2023-05-10), HTX-C (Hà Nội,
5 members, registered 2024-03-01 and dissolved 2024-12-01)."""

import datetime
import html
import pickle

import numpy as np
import pandas as pd
import pytest

import coopecon
from coopecon import indicators


def row(frame, **codes):
    mask = np.ones(len(frame), dtype=bool)
    for key, code in codes.items():
        mask &= frame[key].to_numpy() == code
    assert mask.sum() == 1, f"no single row {codes} in\n{frame}"
    return frame[mask].iloc[0]


def test_catalogue_has_metadata_in_both_languages():
    frame = indicators.catalogue()
    assert {"organizations", "active_rate", "members_per_cooperative", "growth", "ntm_13_1_communes"} <= set(frame.index)
    assert list(frame.columns) == ["label_en", "label_vi", "unit", "decimals", "definition", "practice", "reference",
                                   "provisional"]
    assert frame.loc["suspended", "label_vi"] == "Tạm ngừng kinh doanh"
    assert frame.loc["active_rate", "unit"] == "percent"
    assert (frame["label_en"] != "").all() and (frame["label_vi"] != "").all()
    assert set(frame["practice"]) <= {"statistics_office", "ministry", "ilo_guidelines", "law", "scoring"}
    assert frame.loc["class_good", "provisional"]


def test_compute_by_kind(small_registry):
    frame = indicators.compute(small_registry, ["organizations", "members", "new", "dissolved", "net_change"],
                               start="2024-01-01", end=datetime.date(2024, 12, 31), by="kind", lang="vi")
    assert list(frame.columns) == ["kind", "kind_label", "organizations", "members", "new", "dissolved", "net_change",
                                   "total"]
    total = row(frame, total=True)
    assert (total["organizations"], total["members"], total["new"], total["dissolved"], total["net_change"]) == (2, 11, 1, 1, 0)
    assert total["kind_label"] == "Tổng số"
    cooperative = row(frame, kind="cooperative")
    assert cooperative["kind_label"] == "Hợp tác xã"
    assert (cooperative["organizations"], cooperative["new"], cooperative["dissolved"]) == (1, 1, 1)
    assert frame.attrs["labels"]["members"] == "Thành viên"
    assert frame["organizations"].dtype == np.int64


def test_provinces_in_2023_and_2025_units(small_registry):
    units_2023 = indicators.compute(small_registry, ["organizations"], "2024-01-01", "2024-12-31", by="province",
                                    units_as_of="2023-12-31")
    assert list(units_2023["province"]) == ["P96", "total"]  # P01's only cooperative ended: an empty group
    assert row(units_2023, province="P96")["organizations"] == 2
    with_empty = indicators.compute(small_registry, ["organizations"], "2024-01-01", "2024-12-31", by="province",
                                    units_as_of="2023-12-31", empty_groups=True)
    assert list(with_empty["province"]) == ["P01", "P96", "total"]
    units_2025 = indicators.compute(small_registry, ["organizations"], "2024-01-01", "2024-12-31", by="province",
                                    units_as_of="2025-07-01")
    assert list(units_2025["province"]) == ["P96-2025", "total"]
    assert row(units_2025, province="P96-2025")["province_label"] == "Cà Mau (from 2025-07-01)"  # not the old P96


def test_series(small_registry):
    frame = indicators.compute(small_registry, ["organizations", "new"], "2024-01-01", "2024-12-31", period="quarter")
    assert list(frame["period"]) == list(pd.period_range("2024Q1", "2024Q4", freq="Q"))
    assert list(frame["period_label"]) == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
    assert list(frame["new"]) == [1, 0, 0, 0]
    assert list(frame["organizations"]) == [3, 3, 3, 2]


def test_user_defined_indicator_from_a_dict(small_registry):
    large = {"id": "households_share", "label": {"en": "Household members", "vi": "Thành viên hộ gia đình"},
             "unit": "percent", "decimals": 1,
             "expression": {"ratio": {"numerator": {"sum": {"field": "household_members", "filter": {"existing": True}}},
                                      "denominator": {"sum": {"field": "members", "filter": {"existing": True}}},
                                      "scale": 100}}}
    assert indicators.spec(large)["label_vi"] == "Thành viên hộ gia đình"
    frame = indicators.compute(small_registry, [large, "organizations"], "2024-01-01", "2024-12-31")
    assert frame["households_share"].iloc[0] == pytest.approx(4 / 11 * 100)
    assert frame["households_share"].dtype == np.float64


def test_user_defined_indicator_errors_name_their_field_paths():
    bad = {"id": "x", "expression": {"share": {"part": {"kind": ["cooperative", "coop"]}, "base": {"existing": False}}}}
    with pytest.raises(coopecon.Error) as caught:
        indicators.spec(bad)
    message = str(caught.value)
    assert "expression.share.part.kind[1]: unknown kind 'coop'" in message
    assert "expression.share.base.existing: expected true" in message
    with pytest.raises(coopecon.Error, match="unknown indicator 'nope'"):
        indicators.compute(coopecon.Registry(), ["nope"], "2024-01-01", "2024-12-31")


def test_report_as_dataframes(small_registry):
    report = coopecon.report(small_registry, "2024-12-31", by="province")
    assert report.as_of == datetime.date(2024, 12, 31)
    assert report.start == datetime.date(2024, 1, 1)
    assert not report.synthetic
    assert list(report.tables) == ["status", "members", "change", "results", "classification", "certification"]
    assert row(report.headline, kind="cooperative")["organizations"] == 1
    assert row(report.tables["status"], province="P96")["organizations"] == 2
    assert report.text.startswith("Collective economy, as of 2024-12-31.\nCooperatives: 1 (1 active, 0 suspended), "
                                  "8 members, 8.0 members per cooperative; active 100.0 %, suspended 0.0 %.\n")
    series = coopecon.report(small_registry, "2024-12-31", period="month", lang="vi", format="md")
    # per month: cooperatives, groups and, in place of a total, cooperatives and unions
    assert len(series.tables["series"]) == 12 * 3
    assert "## Kinh tế tập thể, đến ngày 31/12/2024." in series.text


def test_report_as_an_html_page_in_either_language(small_registry):
    report = coopecon.report(small_registry, "2024-12-31", period="quarter")
    page = report.to_html()
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<h1>Collective economy, as of 2024-12-31</h1>" in page
    assert page.count("<svg ") == 4 and page.count("<caption ") == 8
    vi = report.to_html("vi")
    assert vi.startswith('<!DOCTYPE html>\n<html lang="vi">')
    assert "<h1>Kinh tế tập thể, đến ngày 31/12/2024</h1>" in vi
    # The default is the report's own language; the page is the command line's.
    assert coopecon.report(small_registry, "2024-12-31", lang="vi").to_html() == \
        coopecon.report(small_registry, "2024-12-31", format="html", lang="vi").text
    with pytest.raises(coopecon.Error, match="unknown language 'fr'"):
        report.to_html("fr")


def test_report_shows_itself_in_a_notebook_in_a_frame_of_its_own(small_registry):
    report = coopecon.report(small_registry, "2024-12-31")
    shown = report._repr_html_()
    assert shown.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')
    assert "<style" not in shown  # the page's stylesheet stays inside the frame
    assert html.unescape(shown[len('<iframe srcdoc="'):shown.index('" title=')]) == report.to_html()
    assert pickle.loads(pickle.dumps(report)).to_html("vi") == report.to_html("vi")
