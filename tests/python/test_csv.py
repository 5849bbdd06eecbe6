"""CSV import from Python: paths, text and DataFrames; English and Vietnamese headers; all or nothing; skipped
rows reported as a DataFrame; the event export of the example equals the JSON registry."""

import datetime
import re

import pandas
import pytest

import coopecon
from conftest import EXAMPLE, SOURCE_DIR

D = datetime.date

ORGS_EN = (
    "ID,Name,Kind,Area code,Sector,Registered on,Status,Official members\n"
    "HTX-1,Hợp tác xã Một,cooperative,D968,agriculture,2019-01-10,active,7\n"
    "HTX-2,Hợp tác xã Hai,cooperative,D968,mining,2019-01-10,active,7\n"
)


def test_example_organizations_with_vietnamese_headers():
    imported = coopecon.read_csv(SOURCE_DIR / "examples" / "organizations.csv")
    assert imported.mapping == "organizations-vi"
    assert imported.skipped == []
    frame = imported.registry.snapshot("2025-06-30").to_pandas()
    assert len(frame) == 4
    state = imported.registry.state_at("CM-HTX-0101", "2025-06-30")
    assert state["status"] == "active"
    assert state["charter_capital"] == 1_200_000_000


def test_event_export_equals_the_json_registry():
    imported = coopecon.read_csv(str(SOURCE_DIR / "examples" / "registry-events.csv"), "events")
    expected = coopecon.load(EXAMPLE)
    assert imported.registry.events("CM-HTX-0001") == expected.events("CM-HTX-0001")
    assert len(imported.registry) == len(expected)


def test_a_wrong_row_refuses_the_text_with_line_column_and_organization():
    with pytest.raises(coopecon.UnknownNameError) as caught:
        coopecon.read_csv(ORGS_EN)
    (problem,) = caught.value.problems
    assert (problem["line"], problem["column"]) == (3, 5)
    assert problem["path"] == 'column "Sector" (sector)'
    assert problem["organization"] == "HTX-2"
    assert problem["message"].startswith('"mining" is not one of the allowed values')


def test_skipped_rows_are_reported_as_a_dataframe():
    imported = coopecon.read_csv(ORGS_EN, skip_bad_rows=True)
    assert imported.registry.ids() == ["HTX-1"]
    assert [(s.line, s.organization) for s in imported.skipped] == [(3, "HTX-2")]
    frame = imported.skipped_frame()
    assert list(frame.columns) == ["line", "organization", "problem_line", "column", "path", "message"]
    assert frame.loc[0, "column"] == 5


def test_a_dataframe_is_read_by_its_column_names():
    frame = pandas.DataFrame(
        {
            "Mã tổ chức": ["HTX-1"],
            "Tên tổ chức": ["Hợp tác xã Tân Hưng"],
            "Loại hình": ["Hợp tác xã"],
            "Mã địa bàn": ["D968"],
            "Lĩnh vực": ["Xây dựng"],
            "Ngày đăng ký": ["12/03/2018"],
            "Tình trạng pháp lý": ["Đang hoạt động"],
            "Thành viên chính thức": [9],
        }
    )
    imported = coopecon.read_csv(frame)
    assert imported.mapping == "organizations-vi"
    assert imported.registry.state_at("HTX-1", D(2024, 1, 1))["members"]["total"] == 9


def test_mappings_by_name_or_as_a_dict():
    assert {m["name"] for m in coopecon.csv_mappings()} == {
        "organizations-en", "organizations-vi", "events-en", "events-vi"}
    own = {
        "format": "coopecon-csv-mapping", "version": 1, "rows": "organizations", "date_format": "YYYY-MM-DD",
        "delimiter": ";",
        "columns": {"id": "id", "name": "name", "kind": "kind", "area": "area", "sector": "sector",
                    "since": "registered_on", "status": "status"},
    }
    text = "id;name;kind;area;sector;since;status\nHTX-1;Hợp tác xã Một;cooperative;D968;other;2020-01-01;active\n"
    assert len(coopecon.read_csv(text, mapping=own).registry) == 1
    with pytest.raises(coopecon.UsageError, match="is for organizations rows, not events rows"):
        coopecon.read_csv(text, "events", mapping=own)
    with pytest.raises(coopecon.UnknownFieldError):  # the header is not that of event rows
        coopecon.read_csv(ORGS_EN, mapping="events-en")
    with pytest.raises(coopecon.UnknownNameError):
        coopecon.read_csv(ORGS_EN, rows="members")


def test_the_python_block_of_the_csv_guide_runs(monkeypatch):
    doc = (SOURCE_DIR / "docs" / "csv-import.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"^```python\n(.*?)^```$", doc, flags=re.MULTILINE | re.DOTALL)
    monkeypatch.chdir(SOURCE_DIR)
    namespace = {"__name__": "__main__"}
    exec(compile(block, "csv-import.md python block", "exec"), namespace)
    assert len(namespace["frame"]) == 4
    assert list(namespace["problems"]["organization"]) == ["HTX-2"] * 4 + ["HTX-3"]


@pytest.mark.parametrize("export", ["organizations.csv", "registry-events.csv"])
def test_a_dataframe_read_with_pandas_defaults_loads_like_the_file(example_path, export):
    path = example_path.parent / export
    frame = pandas.read_csv(path)  # whole-number columns with empty cells become float64 with NaN
    assert (frame.dtypes == "float64").any()
    from_frame = coopecon.read_csv(frame).registry
    from_file = coopecon.read_csv(path).registry
    assert from_frame.ids() == from_file.ids()
    for org_id in from_file:
        assert from_frame.events(org_id) == from_file.events(org_id)


def test_a_float_with_a_fraction_in_a_dataframe_is_still_refused():
    frame = pandas.DataFrame({"Mã tổ chức": ["HTX-1", "HTX-2"], "Tên tổ chức": ["Một", "Hai"],
                              "Loại hình": ["Hợp tác xã"] * 2, "Mã địa bàn": ["D968"] * 2,
                              "Lĩnh vực": ["Xây dựng"] * 2, "Ngày đăng ký": ["12/03/2018"] * 2,
                              "Tình trạng pháp lý": ["Đang hoạt động"] * 2, "Thành viên chính thức": [9.5, None]})
    with pytest.raises(coopecon.InvalidValueError, match=r'"9\.5"'):
        coopecon.read_csv(frame)
    frame["Thành viên chính thức"] = [9.0, 7.0]
    assert coopecon.read_csv(frame).registry.state_at("HTX-2", D(2024, 1, 1))["members"]["total"] == 7


def test_an_export_brings_the_units_the_catalogue_lacks(tmp_path):
    # Phường Bình Hưng of Phan Thiết ended on 2025-01-01, so the embedded catalogue lacks it: the code is reported
    # once for its two rows, with a hint, and an areas file beside the export adds it.
    text = ("ID,Name,Kind,Area code,Sector,Registered on,Status,Official members\n"
            "BT-1,Hợp tác xã Một,cooperative,C22939,agriculture,2019-01-10,active,7\n"
            "BT-2,Hợp tác xã Hai,cooperative,C22939,agriculture,2019-01-10,active,7\n")
    with pytest.raises(coopecon.UnknownNameError) as refused:
        coopecon.read_csv(text)
    assert len(refused.value.problems) == 1
    assert "unknown area code C22939 (2 rows of 2 organizations: lines 2, 3)" in str(refused.value)
    areas = tmp_path / "areas.json"
    areas.write_text('{"format": "coopecon-areas", "version": 2, "title": "t", "areas": [{"code": "C22939", '
                     '"official_code": "22939", "name": "Bình Hưng", "name_en": "Binh Hung", "full_name": '
                     '"Phường Bình Hưng", "level": "commune", "kind": "ward", "region": null, "parent": "D593", '
                     '"valid_from": "2004-01-01", "valid_to": "2024-12-31"}]}', encoding="utf-8")
    imported = coopecon.read_csv(text, areas=areas)
    assert len(imported.registry) == 2
    report = coopecon.report(imported.registry, "2022-12-31", by="district")
    assert report.text.startswith("CSV import of <string>, Bình Thuận province, as of 2022-12-31.\n")
    areas.write_text(areas.read_text(encoding="utf-8").replace('"D593"', '"D999"'), encoding="utf-8")
    with pytest.raises(coopecon.Error, match=r"areas.json:1:\d+: areas\[0\]\.parent: unknown parent area D999"):
        coopecon.read_csv(text, areas=areas)
