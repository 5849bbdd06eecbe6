"""coopecon.check as a DataFrame with typed columns, frameworks and reforms from Python, and registries under a
reformed framework (docs/legal-rules.md, docs/reforms.md)."""

import datetime
import pickle

import numpy as np
import pandas as pd
import pytest

import coopecon
from conftest import SOURCE_DIR

D = datetime.date
REFORMS = SOURCE_DIR / "data" / "reforms"


def cooperative(id_, members, registered="2024-08-01", events=()):
    return {
        "id": id_, "registration_code": id_, "name": "Hợp tác xã " + id_, "kind": "cooperative", "area": "P96",
        "sector": "agriculture",
        "events": [
            {"date": registered, "type": "registered", "charter_capital": 0},
            {"date": registered, "type": "members_joined", "kind": "official", "member_type": "individual",
             "count": members, "foreign_investors": 0, "capital": 0},
            *events,
        ],
    }


@pytest.fixture
def registry():
    r = coopecon.Registry()
    r.add([cooperative("HTX-4", 4), cooperative("HTX-6", 6, registered="2023-01-02"),
           cooperative("HTX-5", 5, events=[{"date": "2025-04-10", "type": "assembly_held", "kind": "annual"}])])
    return r


def test_check_gives_one_typed_row_per_finding(registry):
    frame = coopecon.check(registry, "2025-08-02")
    assert list(frame.columns) == ["organization", "rule", "severity", "consequence", "legal_basis",
                                   "legal_basis_vi", "began", "counted_from", "threshold", "months", "observed",
                                   "limit", "message", "message_vi", "projected", "area"]
    assert frame.dtypes["began"] == np.dtype("datetime64[ns]")
    assert frame.dtypes["threshold"] == np.dtype("datetime64[ns]")
    assert frame.dtypes["months"] == np.dtype("int32")
    assert frame.dtypes["observed"] == np.dtype("float64")
    assert str(frame.dtypes["limit"]) == "Int64"
    assert frame["severity"].cat.ordered
    assert list(frame["severity"].cat.categories) == ["notice", "unknown", "at_risk", "due"]
    assert frame.dtypes["projected"] == np.dtype("bool")
    assert list(frame["rule"].cat.categories) == list(coopecon.law.COMPLIANCE_RULES)

    row = frame[(frame.organization == "HTX-4") & (frame.rule == "compliance.below_minimum_members")].iloc[0]
    assert row.severity == "due"
    assert row.consequence == "revocation_ground"
    assert row.legal_basis == "Law 17/2023/QH15 Art 103.1d; Decree 92/2024/NĐ-CP Art 53"
    assert row.began == pd.Timestamp("2024-08-01")
    assert row.counted_from == pd.Timestamp("2024-08-02")
    assert row.threshold == pd.Timestamp("2025-08-02")
    assert row.months == 12
    assert row.observed == 4.0
    assert row.limit == 5
    assert row.message.startswith("4 official members, below the minimum of 5 since 2024-08-01")
    assert row.message_vi.startswith("4 thành viên chính thức, dưới mức tối thiểu 5 từ 01/08/2024")
    assert row.legal_basis_vi == "điểm d khoản 1 Điều 103 Luật 17/2023/QH15; Điều 53 Nghị định 92/2024/NĐ-CP"
    assert row.projected  # the data end with the latest event, 2025-04-10


def test_rules_without_a_measure_have_nan_and_missing_limits(registry):
    frame = coopecon.check(registry, "2026-03-01")
    row = frame[(frame.organization == "HTX-4") & (frame.rule == "compliance.no_annual_assembly")].iloc[0]
    assert np.isnan(row.observed)
    assert row.limit is pd.NA


def test_the_last_day_of_the_twelve_months_is_at_risk_and_the_next_due(registry):
    def severity(date):
        frame = coopecon.check(registry, date)
        rows = frame[(frame.organization == "HTX-4") & (frame.rule == "compliance.below_minimum_members")]
        return list(rows.severity)

    assert severity("2025-08-01") == ["at_risk"]
    assert severity("2025-08-02") == ["due"]


def test_without_a_date_check_and_explain_judge_at_the_registrys_data_as_of(registry):
    assert registry.data_as_of == max(e["date"] for org in registry for e in registry.events(org))
    assert coopecon.check(registry).equals(coopecon.check(registry, registry.data_as_of))
    registry.info = dict(registry.info, as_of=datetime.date(2025, 8, 2))
    assert registry.data_as_of == datetime.date(2025, 8, 2)
    assert set(coopecon.check(registry).severity) >= {"due"}


def test_explain_gives_the_history_events_parameters_and_days_counted(registry):
    e = registry.explain("HTX-4", "2025-08-02")
    assert e["organization"] == "HTX-4" and e["as_of"] == datetime.date(2025, 8, 2)
    assert e["history"][0] == {"date": datetime.date(2024, 8, 1), "status": "active", "cause": "registered"}
    f = next(x for x in e["findings"] if x["rule"] == "compliance.below_minimum_members")
    assert f["severity"] == "due"
    assert (f["began"], f["counted_from"], f["period_last_day"], f["threshold"]) == (
        datetime.date(2024, 8, 1), datetime.date(2024, 8, 2), datetime.date(2025, 8, 1), datetime.date(2025, 8, 2))
    assert {"date": datetime.date(2024, 8, 1), "type": "members_joined"} in f["events"]
    months = next(p for p in f["parameters"] if p["name"] == "below_minimum_members_months")
    assert (months["value"], months["on"]) == (12, datetime.date(2025, 8, 1))
    assert months["reference"].startswith("Law 17/2023/QH15 Art 103.1d")
    assert "Counted from 2024-08-02" in e["text"]
    assert "tại ngày 02/08/2025" in registry.explain("HTX-4", "2025-08-02", lang="vi")["text"]
    with pytest.raises(coopecon.UnknownNameError):
        registry.explain("nope", "2025-08-02")


def test_six_members_below_in_2023_compliant_in_2025(registry):
    in_2023 = coopecon.check(registry, "2024-06-30")
    in_2025 = coopecon.check(registry, "2025-06-30")
    below = "compliance.below_minimum_members"
    assert list(in_2023[(in_2023.organization == "HTX-6") & (in_2023.rule == below)].consequence) == \
        ["compulsory_dissolution"]
    assert in_2025[(in_2025.organization == "HTX-6") & (in_2025.rule == below)].empty


def test_options_and_severity_filter(registry):
    assert set(coopecon.check(registry, "2025-08-01", severity="due").severity) == {"due"}
    kept = coopecon.check(registry, "2024-07-01", across_law_change="keep_start")
    assert "HTX-6" not in set(kept[kept.rule == "compliance.below_minimum_members"].organization)
    with pytest.raises(coopecon.UnknownNameError, match="is not a severity"):
        coopecon.check(registry, "2025-08-01", severity="urgent")
    with pytest.raises(coopecon.UsageError, match="at_risk_months must be from 0 to 1200, not -1"):
        coopecon.check(registry, "2025-08-01", at_risk_months=-1)


def test_no_findings_is_an_empty_frame_with_the_same_columns():
    frame = coopecon.check(coopecon.Registry(), "2025-01-01")
    assert frame.empty
    assert len(frame.columns) == 16
    assert frame.dtypes["threshold"] == np.dtype("datetime64[ns]")


def test_framework_values_and_reform_from_a_file():
    law = coopecon.Framework.vietnam()
    assert law.value("min_members_cooperative", "2024-06-30") == 7
    assert law.value("min_members_cooperative", D(2024, 7, 1)) == 5
    assert law.value("foreign_member_limit_months", "2024-01-01") is None
    assert law.regime("2024-07-01") == "law_2023"
    assert law.basis("compliance.no_annual_assembly", "2023-01-01") == "Law 23/2012/QH13 Art 54.2c"
    reform = coopecon.Reform.load(REFORMS / "min-members-seven-from-2026.json")
    assert reform.title == "Hypothetical: seven official members again from 2026"
    reformed = law.apply(reform)
    assert reformed.value("min_members_cooperative", "2026-01-01") == 7
    assert law.value("min_members_cooperative", "2026-01-01") == 5  # the original is untouched
    assert [p["value"] for p in reformed.timeline("min_members_cooperative")] == [7, 5, 7]


def test_reform_from_a_dict_and_its_problems():
    reform = coopecon.Reform.from_dict({
        "title": "grace",
        "parameters": {"below_minimum_members_months": [
            {"from": D(2026, 1, 1), "until": None, "value": 18, "reference": "r", "unconfirmed": False}]},
    })
    assert coopecon.Framework.vietnam().apply(reform).value("below_minimum_members_months", "2026-02-01") == 18
    with pytest.raises(coopecon.InvalidValueError) as error:
        coopecon.Reform.from_dict({"title": "bad", "parameters": {"max_foreign_capital_percent": [
            {"from": "2026-01-01", "until": None, "value": 120, "reference": "r", "unconfirmed": False}]}})
    problem = error.value.problems[0]
    assert problem["path"] == "parameters.max_foreign_capital_percent[0].value"
    assert problem["message"] == "a percentage must be from 0 to 100, not 120"
    with pytest.raises(coopecon.FileError):
        coopecon.Reform.load(REFORMS / "no-such-reform.json")
    with pytest.raises(TypeError):
        coopecon.Framework.vietnam().apply({"title": "not a Reform"})


def test_a_gap_against_the_framework_is_reported_with_line_and_column():
    reform = coopecon.Reform.load(SOURCE_DIR / "tests" / "law" / "reforms" / "gap_before_the_law.json")
    with pytest.raises(coopecon.Error) as error:
        coopecon.Framework.vietnam().apply(reform)
    gap = error.value.problems[0]
    assert gap["line"] == 6
    assert gap["message"].startswith("nothing would be in force from 2021-01-01 to 2024-06-30")


def test_registry_under_a_reformed_framework(tmp_path):
    law = coopecon.Framework.vietnam().apply(coopecon.Reform.load(REFORMS / "min-members-seven-from-2026.json"))
    registry = coopecon.Registry(framework=law)
    registry.add(cooperative("HTX-6", 6))
    assert registry.framework.value("min_members_cooperative", "2026-01-01") == 7
    frame = coopecon.check(registry, "2027-01-01")
    row = frame[frame.rule == "compliance.below_minimum_members"].iloc[0]
    assert (row.severity, row.limit, row.began) == ("due", 7, pd.Timestamp("2026-01-01"))
    # The framework travels with the registry: through a pickle and through a file read under it.
    again = pickle.loads(pickle.dumps(registry))
    assert again.framework.value("min_members_cooperative", "2026-01-01") == 7
    path = tmp_path / "r.json"
    registry.save(path)
    assert coopecon.load(path, framework=law).framework.value("min_members_cooperative", "2030-01-01") == 7
    assert coopecon.load(path).framework.value("min_members_cooperative", "2030-01-01") == 5


def test_framework_files_are_checked(tmp_path):
    text = coopecon.Framework.vietnam().dumps()
    assert coopecon.Framework.loads(text).value("min_members_union", "2025-01-01") == 3
    bad = text.replace('"value": 65,', '"value": 165,', 1)
    path = tmp_path / "law.json"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(coopecon.InvalidValueError, match="a percentage must be from 0 to 100, not 165"):
        coopecon.Framework.load(path)
    assert pickle.loads(pickle.dumps(coopecon.Framework.vietnam())).dumps() == text


def test_a_partial_history_gives_unknown_findings_and_a_date_after_the_data_end_projected_ones():
    # History complete from 2024-01-01, data until 2025-12-31: the no-assembly count from 2015 relies on days not
    # recorded; from 2024-01-01 the 18 months are reached by 2025-07-01 at the latest.
    r = coopecon.Registry()
    r.add([cooperative("HTX-OLD", 9, registered="2015-01-10")])
    r.info = {**r.info, "as_of": D(2025, 12, 31), "history_from": D(2024, 1, 1)}

    def assembly(date):
        frame = coopecon.check(r, date)
        return frame[frame.rule == "compliance.no_annual_assembly"].iloc[0]

    before, after = assembly("2025-06-30"), assembly("2025-07-01")
    assert (before.severity, before.threshold) == ("unknown", pd.Timestamp("2025-07-01"))
    assert (after.severity, after.counted_from) == ("due", pd.Timestamp("2024-01-01"))
    assert not after.projected
    assert assembly("2026-01-01").projected and not assembly("2025-12-31").projected
    assert set(coopecon.check(r, "2025-06-30", severity="at_risk").severity) <= {"at_risk", "due"}
    explained = r.explain("HTX-OLD", "2026-01-01")
    assert (explained["history_from"], explained["data_until"]) == (D(2024, 1, 1), D(2025, 12, 31))
    assert explained["findings"][0]["projected"]
    assert "findings after it are projected" in explained["text"]
    assert "Counted from 2024-01-01 (the first day of the complete history" in explained["text"]
    unknown = r.explain("HTX-OLD", "2025-06-30")["text"]
    assert "The history is complete only from 2024-01-01; counted from it, the period of 18 months ends on " \
           "2025-06-30 (Art 148.3); the consequence follows from 2025-07-01" in unknown


def test_the_framework_title_and_legal_bases_in_vietnamese():
    law = coopecon.Framework.vietnam()
    assert law.title_vi == "Việt Nam: Luật Hợp tác xã 2012 và 2023 cùng các nghị định hướng dẫn"
    r = coopecon.Registry()
    r.add([cooperative("HTX-4", 4)])
    explained = r.explain("HTX-4", "2025-08-02", lang="vi")
    assert explained["findings"][0]["legal_basis"].startswith("điểm d khoản 1 Điều 103 Luật 17/2023/QH15")
    assert "Tổ chức HTX-4 tại ngày 02/08/2025" in explained["text"]
