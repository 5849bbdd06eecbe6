"""Another law on the same registry, without reloading it: check(registry, date, law=framework or reform), and
compare_findings(a, b) by rule, severity and area."""


import pandas as pd
import pytest

import coopecon
from conftest import SOURCE_DIR

REFORM = SOURCE_DIR / "data" / "reforms" / "min-members-seven-from-2026.json"
BELOW = "compliance.below_minimum_members"


def cooperative(org_id, members, area="D971"):
    return {"id": org_id, "registration_code": org_id, "name": org_id, "kind": "cooperative", "area": area,
            "sector": "agriculture",
            "events": [{"date": "2024-08-01", "type": "registered", "charter_capital": 0},
                       {"date": "2024-08-01", "type": "members_joined", "kind": "official",
                        "member_type": "individual", "count": members, "foreign_investors": 0, "capital": 0}]}


@pytest.fixture
def registry():
    registry = coopecon.Registry()
    registry.add([cooperative("HTX-6", 6), cooperative("HTX-7", 7), cooperative("HTX-5", 5, area="D972")])
    return registry


def test_a_reform_applies_without_reloading(registry):
    reform = coopecon.Reform.load(REFORM)
    now = coopecon.check(registry, "2027-01-01")
    reformed = coopecon.check(registry, "2027-01-01", law=reform)
    assert BELOW not in set(now["rule"])
    below = reformed[reformed["rule"] == BELOW]
    # Six and five members are below the reform's seven; seven is not.
    assert sorted(below["organization"]) == ["HTX-5", "HTX-6"]
    assert (below["limit"] == 7).all() and (below["began"] == pd.Timestamp("2026-01-01")).all()
    # The registry keeps its own law.
    assert registry.framework.value("min_members_cooperative", "2027-01-01") == 5
    assert coopecon.check(registry, "2027-01-01").equals(now)


def test_the_same_findings_as_a_registry_loaded_under_the_reformed_law(registry):
    law = coopecon.Framework.vietnam().apply(coopecon.Reform.load(REFORM))
    loaded = coopecon.loads(registry.dumps(), framework=law)
    for date in ["2025-12-31", "2026-10-31", "2026-11-01", "2027-01-01"]:
        assert coopecon.check(registry, date, law=law).equals(coopecon.check(loaded, date)), date


def test_both_sides_of_the_reforms_first_day(registry):
    reform = coopecon.Reform.load(REFORM)
    before = coopecon.check(registry, "2025-12-31", law=reform)
    assert BELOW not in set(before["rule"])
    # Twelve months below the minimum from 2026-01-01: at risk two months before, due on the threshold.

    def severities(date):
        findings = coopecon.check(registry, date, law=reform)
        return set(findings.loc[findings["rule"] == BELOW, "severity"])

    assert severities("2026-10-31") == set()
    assert severities("2026-11-01") == severities("2026-12-31") == {"at_risk"}
    assert severities("2027-01-01") == {"due"}


def test_compare_findings_by_rule_severity_and_area(registry):
    reform = coopecon.Reform.load(REFORM)
    now = coopecon.check(registry, "2027-01-01")
    reformed = coopecon.check(registry, "2027-01-01", law=reform)
    table = coopecon.compare_findings(now, reformed, names=("now", "reform"))
    assert list(table.columns) == ["now", "reform", "change"]
    assert table.index.names == ["rule", "severity", "area"]
    assert table.loc[(BELOW, "due", "D971"), "change"] == 1
    assert table.loc[(BELOW, "due", "D972")].tolist() == [0, 1, 1]
    assert table["change"].sum() == len(reformed) - len(now)
    by_rule = coopecon.compare_findings(now, reformed, by=["rule"])
    assert by_rule.loc[BELOW, "b"] == 2
    with pytest.raises(KeyError, match="province"):
        coopecon.compare_findings(now, reformed, by=["province"])


def test_law_must_be_a_framework_or_a_reform(registry):
    with pytest.raises(TypeError, match="Framework or coopecon.Reform"):
        coopecon.check(registry, "2027-01-01", law="min-members-seven-from-2026.json")
