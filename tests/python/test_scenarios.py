"""Legal scenarios written by hand from the Laws (tests/scenarios/*.json, docs/legal-rules.md "Scenario
tests"): each one is a small registry and the statuses and findings the law gives on chosen dates. Every file
is one test; a failure names the file, the date, the organisation and what differs."""

import datetime
import json

import pytest

import coopecon

from conftest import SOURCE_DIR

SCENARIOS = sorted((SOURCE_DIR / "tests" / "scenarios").glob("*.json"))
SCENARIO_KEYS = {"title", "basis", "info", "organizations", "expect", "refused"}
EXPECT_KEYS = {"date", "organization", "status", "findings", "across_law_change", "note"}
FINDING_KEYS = {"rule", "severity", "threshold", "counted_from", "consequence"}
REFUSED_KEYS = {"organization", "rule", "path", "message", "note"}


def load(path):
    scenario = json.loads(path.read_text(encoding="utf-8"))
    unknown = set(scenario) - SCENARIO_KEYS
    assert not unknown, f"{path.name}: unknown keys {sorted(unknown)}; allowed: {sorted(SCENARIO_KEYS)}"
    for key in ("title", "basis", "organizations", "expect"):
        assert key in scenario, f"{path.name}: '{key}' is missing"
    for k, e in enumerate(scenario["expect"]):
        where = f"{path.name}: expect[{k}]"
        assert not set(e) - EXPECT_KEYS, f"{where}: unknown keys {sorted(set(e) - EXPECT_KEYS)}"
        assert {"date", "organization"} <= set(e), f"{where}: 'date' and 'organization' are required"
        assert "status" in e or "findings" in e, f"{where}: give 'status', 'findings' or both"
        for f in e.get("findings", []):
            assert not set(f) - FINDING_KEYS, f"{where}: unknown finding keys {sorted(set(f) - FINDING_KEYS)}"
            assert {"rule", "severity"} <= set(f), f"{where}: a finding needs 'rule' and 'severity'"
    for k, r in enumerate(scenario.get("refused", [])):
        where = f"{path.name}: refused[{k}]"
        assert not set(r) - REFUSED_KEYS, f"{where}: unknown keys {sorted(set(r) - REFUSED_KEYS)}"
        assert {"organization", "rule", "path"} <= set(r), f"{where}: 'organization', 'rule' and 'path' are required"
    return scenario


def registry_of(scenario, organizations=None):
    info = scenario.get("info", {"title": scenario["title"], "source": scenario["basis"], "synthetic": True})
    text = json.dumps({"format": "coopecon-registry", "version": 1, "info": info,
                       "organizations": scenario["organizations"] if organizations is None else organizations})
    return coopecon.loads(text)


def check_refused(path, scenario, refused):
    """The registry with one more organisation is refused: exactly one problem, naming that organisation, the
    rule and the field path (given from the organisation on, e.g. events[2])."""
    org = refused["organization"]
    where = f"{path.name}: refused {org['id']}" + (f" ({refused['note']})" if "note" in refused else "")
    with pytest.raises(coopecon.Error) as caught:
        registry_of(scenario, scenario["organizations"] + [org])
    problems = caught.value.problems
    assert len(problems) == 1, f"{where}: {len(problems)} problems, expected 1:\n  {caught.value}"
    (problem,) = problems
    expected_path = f"organizations[{len(scenario['organizations'])}].{refused['path']}"
    got = (problem["organization"], problem["rule"], problem["path"])
    assert got == (org["id"], refused["rule"], expected_path), f"{where}: got {got}:\n  {caught.value}"
    if "message" in refused:
        assert refused["message"] in problem["message"], f"{where}: message {problem['message']!r}"


def test_there_are_scenarios_for_every_threshold_rule():
    assert len(SCENARIOS) >= 25
    rules = set()
    for path in SCENARIOS:
        for e in load(path)["expect"]:
            rules.update(f["rule"] for f in e.get("findings", []))
    duration_and_immediate = {"compliance.not_operating", "compliance.below_minimum_members",
                              "compliance.foreign_official_members", "compliance.capital_share_official",
                              "compliance.capital_share_associates", "compliance.capital_share_foreign",
                              "compliance.no_annual_assembly", "compliance.group_below_minimum_members",
                              "compliance.annual_assembly_late", "compliance.suspension_notice_late",
                              "compliance.group_suspension_notice_late"}
    assert duration_and_immediate <= rules, f"no scenario finds {sorted(duration_and_immediate - rules)}"


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario(path):
    scenario = load(path)
    for refused in scenario.get("refused", []):
        check_refused(path, scenario, refused)
    reg = registry_of(scenario)
    for e in scenario["expect"]:
        date = datetime.date.fromisoformat(e["date"])
        org = e["organization"]
        where = f"{path.name}: {org} on {e['date']}" + (f" ({e['note']})" if "note" in e else "")
        if "status" in e:
            state = reg.state_at(org, date)
            assert state["status"] == e["status"], f"{where}: status {state['status']}, expected {e['status']}"
        if "findings" not in e:
            continue
        found = coopecon.check(reg, date, across_law_change=e.get("across_law_change", "by_rule"))
        found = found[found["organization"] == org]
        got = [{"rule": r.rule, "severity": r.severity, "threshold": r.threshold.date().isoformat(),
                "counted_from": r.counted_from.date().isoformat(), "consequence": r.consequence,
                "message": r.message} for r in found.itertuples()]
        expected = e["findings"]
        shown = "\n  ".join(f"{g['rule']} {g['severity']} threshold {g['threshold']} counted from "
                            f"{g['counted_from']}: {g['message']}" for g in got) or "none"
        assert len(got) == len(expected), f"{where}: {len(got)} findings, expected {len(expected)}:\n  {shown}"
        for want in expected:
            match = [g for g in got if all(g[k] == v for k, v in want.items())]
            assert match, f"{where}: no finding {want}; found:\n  {shown}"
