"""coopecon.operations: dissolution, reorganisation, conversion and bankruptcy as registry operations that
return the recorded events as a DataFrame, or raise naming the rule and legal basis and change nothing; and the
order of asset distribution (docs/operations.md)."""

import datetime

import numpy as np
import pandas as pd
import pytest

import coopecon
from coopecon import operations

D = datetime.date


def cooperative(id_, registered="2020-03-01", named=("M1", "M2", "M3"), fund=300_000_000):
    """9 counted official members (900 million), named official members, charter capital 1.2 billion and an
    indivisible fund reported with 2024."""
    return {
        "id": id_, "registration_code": "code-" + id_, "name": "Hợp tác xã " + id_, "kind": "cooperative",
        "area": "P96", "sector": "agriculture",
        "members": [{"id": m, "name": "Thành viên " + m, "type": "individual", "foreign_investor": False}
                    for m in named],
        "events": [
            {"date": registered, "type": "registered", "charter_capital": 1_200_000_000},
            {"date": registered, "type": "members_joined", "kind": "official", "member_type": "individual",
             "count": 9, "foreign_investors": 0, "capital": 900_000_000},
            *({"date": registered, "type": "member_joined", "member": m, "kind": "official",
               "capital": 100_000_000} for m in named),
            {"date": "2024-12-31", "type": "financial_year_closed", "year": 2024, "revenue": 0, "costs": 0,
             "pre_tax_profit": 0, "internal_revenue": 0, "workers": 0, "wages": 0, "indivisible_fund": fund},
        ],
    }


def group(id_, registered="2024-08-01", members=5):
    return {
        "id": id_, "registration_code": "code-" + id_, "name": "Tổ hợp tác " + id_, "kind": "cooperative_group",
        "area": "P96", "sector": "agriculture",
        "events": [
            {"date": registered, "type": "registered", "charter_capital": 0},
            {"date": registered, "type": "members_joined", "kind": "official", "member_type": "household",
             "count": members, "foreign_investors": 0, "capital": 0},
        ],
    }


@pytest.fixture
def registry():
    r = coopecon.Registry()
    r.add([cooperative("HTX-A"), cooperative("HTX-R", named=("R1",), fund=40_000_000), group("THT")])
    return r


def refused(registry, error, operation):
    """Runs `operation`, which must raise `error`; the registry must be exactly as it was."""
    before = registry.dumps()
    with pytest.raises(error) as info:
        operation()
    assert registry.dumps() == before
    return info.value


def test_a_voluntary_dissolution_returns_its_events_as_a_dataframe(registry):
    frame = operations.dissolve_voluntarily(registry, "HTX-A", "2025-01-10", approval_percent=70,
                                            completed_on=D(2025, 3, 1))
    assert list(frame.columns) == ["organization", "created", "date", "type", "event"]
    assert frame.dtypes["date"] == np.dtype("datetime64[ns]")
    assert frame.dtypes["created"] == np.dtype(bool)
    assert list(frame.type) == ["dissolution_resolved", "dissolution_completed"]
    assert list(frame.date) == [pd.Timestamp("2025-01-10"), pd.Timestamp("2025-03-01")]
    assert not frame.created.any()
    assert frame.event[0] == {"date": D(2025, 1, 10), "type": "dissolution_resolved", "basis": "members_resolution",
                              "approval_percent": 70}
    assert registry.state_at("HTX-A", "2025-02-28")["status"] == "in_dissolution"
    after = registry.state_at("HTX-A", "2025-03-01")
    assert (after["status"], after["ended_by"]) == ("terminated", "dissolution")


def test_art61_2d_64_percent_is_refused_with_rule_and_basis_and_65_resolves(registry):
    error = refused(registry, coopecon.RuleViolation,
                    lambda: operations.dissolve_voluntarily(registry, "HTX-A", "2025-01-10", approval_percent=64))
    problem = error.problems[0]
    assert (problem["organization"], problem["event"], problem["date"], problem["rule"]) == \
        ("HTX-A", "dissolution_resolved", D(2025, 1, 10), "T6")
    assert problem["legal_basis"] == "Law 17/2023/QH15 Art 61.2d, 98; Decree 92/2024/NĐ-CP Art 50.1"
    operations.dissolve_voluntarily(registry, "HTX-A", "2025-01-10", approval_percent=65)
    assert registry.state_at("HTX-A", "2025-01-10")["status"] == "in_dissolution"


def test_art98_7b_the_replay_terminates_the_day_after_six_months_and_a_record_before_is_refused(registry):
    # Six months from 2025-01-11 end on 2025-07-10 (Civil Code Art 147.2, 148.3).
    operations.dissolve_voluntarily(registry, "HTX-A", "2025-01-10", approval_percent=70)
    error = refused(registry, coopecon.RuleViolation,
                    lambda: operations.complete_dissolution(registry, "HTX-A", "2025-07-10", by="lapse"))
    assert error.problems[0]["rule"] == "T8"
    assert "not before 2025-07-11" in str(error)
    assert registry.state_at("HTX-A", "2025-07-10")["status"] == "in_dissolution"
    assert registry.state_at("HTX-A", "2025-07-11")["status"] == "terminated"
    operations.complete_dissolution(registry, "HTX-A", "2025-07-11", by="lapse")  # the office's record of it


def test_decree92_art50_6_cancelling_restores_the_previous_status(registry):
    registry.append("HTX-A", {"date": "2025-01-01", "type": "suspended", "until": "2025-10-31"})
    operations.dissolve_voluntarily(registry, "HTX-A", "2025-02-01", approval_percent=65)
    error = refused(registry, coopecon.IntegrityError,
                    lambda: operations.cancel_dissolution(registry, "HTX-A", "2025-08-02"))
    assert error.problems[0]["rule"] == "integrity.after_termination"  # it lapsed on 2025-08-02
    frame = operations.cancel_dissolution(registry, "HTX-A", "2025-08-01")  # the last day of the six months
    assert list(frame.type) == ["dissolution_cancelled"]
    assert registry.state_at("HTX-A", "2025-08-01")["status"] == "suspended"


def test_compulsory_dissolution_by_revocation_and_by_court(registry):
    frame = operations.dissolve_compulsorily(registry, "HTX-A", "2025-01-10", ground="no_annual_assembly",
                                             completed_on="2025-07-11", completed_by="lapse")
    assert list(frame.type) == ["registration_revoked", "dissolution_completed"]
    assert registry.state_at("HTX-A", "2025-07-10")["status"] == "in_dissolution"
    assert registry.state_at("HTX-A", "2025-07-11")["status"] == "terminated"
    operations.dissolve_compulsorily(registry, "HTX-R", "2025-01-10", basis="court_decision")
    assert registry.state_at("HTX-R", "2025-01-10")["status"] == "in_dissolution"
    error = refused(registry, coopecon.RuleViolation,
                    lambda: operations.dissolve_compulsorily(registry, "THT", "2025-01-10", ground="tax_enforcement"))
    assert (error.problems[0]["rule"], error.problems[0]["path"]) == ("T13", "ground")


def test_art92_division_creates_successors_and_ends_the_organisation(registry):
    frame = operations.divide(
        registry, {"organization": "HTX-A", "approval_percent": 70},
        [{"id": "HTX-B", "registration_code": "B", "name": "Hợp tác xã B", "share": 2, "members": ["M1", "M2"]},
         {"id": "HTX-C", "registration_code": "C", "name": "Hợp tác xã C", "share": 1, "members": ["M3"]}],
        resolved_on="2025-03-01", completed_on="2025-06-01")
    assert set(frame[frame.created].organization) == {"HTX-B", "HTX-C"}
    assert list(frame[frame.organization == "HTX-A"].type)[-1] == "reorganization_completed"
    a = registry.state_at("HTX-A", "2025-06-01")
    assert (a["status"], a["ended_by"], a["indivisible_fund"]) == ("terminated", "reorganization", 0)
    b, c = (registry.state_at(x, "2025-06-01") for x in ("HTX-B", "HTX-C"))
    assert (b["members"]["total"], c["members"]["total"]) == (6 + 2, 3 + 1)
    assert (b["charter_capital"], c["charter_capital"]) == (800_000_000, 400_000_000)
    assert (b["indivisible_fund"], c["indivisible_fund"]) == (200_000_000, 100_000_000)


def test_art92_a_division_into_one_is_refused(registry):
    error = refused(registry, coopecon.RuleViolation, lambda: operations.divide(
        registry, "HTX-A", [{"id": "HTX-B", "registration_code": "B", "name": "B", "members": ["M1", "M2", "M3"]}],
        resolved_on="2025-03-01", completed_on="2025-06-01"))
    problem = error.problems[0]
    assert (problem["rule"], problem["path"]) == ("T15", "successors")
    assert problem["legal_basis"] == "Law 17/2023/QH15 Art 92–95; Decree 92/2024/NĐ-CP Art 52.1"


def test_art93_split_off_art94_consolidation_and_art95_merger(registry):
    operations.split_off(registry, "HTX-A", [{"id": "HTX-S", "registration_code": "S", "name": "S", "members": ["M3"]}],
                         retained_share=2, resolved_on="2025-03-01", completed_on="2025-04-01")
    assert registry.state_at("HTX-A", "2025-04-01")["status"] == "active"
    assert registry.state_at("HTX-S", "2025-04-01")["indivisible_fund"] == 100_000_000

    operations.consolidate(registry, ["HTX-A", "HTX-S"], {"id": "HTX-E", "registration_code": "E", "name": "E"},
                           resolved_on="2025-05-01", completed_on="2025-06-01")
    e = registry.state_at("HTX-E", "2025-06-01")
    assert (e["members"]["total"], e["charter_capital"], e["indivisible_fund"]) == (12, 1_200_000_000, 300_000_000)

    operations.merge(registry, "HTX-R", ["HTX-E"], resolved_on="2025-07-01", completed_on="2025-08-01")
    r = registry.state_at("HTX-R", "2025-08-01")
    assert (r["members"]["total"], r["charter_capital"], r["indivisible_fund"]) == (22, 2_400_000_000, 340_000_000)
    assert registry.state_at("HTX-E", "2025-08-01")["ended_by"] == "reorganization"


def test_a_mistake_in_the_description_is_reported_at_its_path(registry):
    error = refused(registry, coopecon.UnknownFieldError, lambda: operations.divide(
        registry, "HTX-A", [{"id": "HTX-B", "registration_code": "B", "name": "B", "colour": "red"}] * 2,
        completed_on="2025-06-01"))
    assert error.problems[0]["path"] == "successors[0].organization.colour"


def test_art108_conversion_keeps_the_code_after_twelve_months_with_every_member(registry):
    early = refused(registry, coopecon.RuleViolation,
                    lambda: operations.convert_to_cooperative(registry, "THT", "2025-08-01", consenting_members=5))
    assert early.problems[0]["rule"] == "C1"  # the last day of the twelve months
    short = refused(registry, coopecon.RuleViolation,
                    lambda: operations.convert_to_cooperative(registry, "THT", "2025-08-02", consenting_members=4))
    assert "4 of 5 members agreed" in str(short)
    operations.convert_to_cooperative(registry, "THT", "2025-08-02", consenting_members=5)
    assert registry.state_at("THT", "2025-08-02")["kind"] == "cooperative"
    identity = registry.organization("THT")
    assert identity["registration_code"] == "code-THT"
    # The kind it has now, and the kind it was registered as (a registry file's "kind").
    assert (identity["kind"], identity["kind_at_registration"]) == ("cooperative", "cooperative_group")
    copy = coopecon.Registry()
    copy.add({**identity, "events": registry.events("THT")})
    assert copy.organization("THT")["kind"] == "cooperative"
    assert copy.events("THT") == registry.events("THT")
    with pytest.raises(coopecon.InvalidValueError, match="kind cooperative is not what its events make"):
        coopecon.Registry().add({**identity, "id": "X", "events": registry.events("THT")[:-1]})


def test_art108_art4_7_a_group_below_the_founding_minimum_does_not_convert():
    # Four official members, all agreeing: the cooperative it would become needs five (Law 17/2023/QH15 Art 4.7).
    registry = coopecon.Registry()
    registry.add([group("THT4", members=4), group("THT5")])
    four = refused(registry, coopecon.RuleViolation,
                   lambda: operations.convert_to_cooperative(registry, "THT4", "2025-08-02", consenting_members=4))
    (problem,) = four.problems
    assert (problem["organization"], problem["rule"], problem["event"]) == ("THT4", "C1", "converted_to_cooperative")
    assert problem["message"] == ("the group has 4 official members on 2025-08-02; the cooperative it becomes must be "
                                  "founded with at least 5 official members (Law 17/2023/QH15 Art 4.7)")
    operations.convert_to_cooperative(registry, "THT5", "2025-08-02", consenting_members=5)
    assert registry.state_at("THT5", "2025-08-02")["kind"] == "cooperative"


def test_art102_bankruptcy(registry):
    frame = operations.open_bankruptcy(registry, "HTX-A", "2025-02-01")
    assert list(frame.type) == ["bankruptcy_opened"]
    operations.declare_bankruptcy(registry, "HTX-A", "2025-09-01")
    state = registry.state_at("HTX-A", "2025-09-01")
    assert (state["status"], state["ended_by"]) == ("terminated", "bankruptcy")
    refused(registry, coopecon.RuleViolation, lambda: operations.open_bankruptcy(registry, "THT", "2025-02-01"))


def test_art101_assets_pay_each_class_in_order_then_members_by_capital():
    d = operations.distribute_assets(
        "HTX-A", 500,
        claims=[{"priority": "other_debts", "creditor": "supplier", "amount": 300},
                {"priority": "dissolution_costs", "creditor": "liquidator", "amount": 100},
                {"priority": "worker_entitlements", "creditor": "workers", "amount": 200},
                {"priority": "taxes", "creditor": "tax office", "amount": 100}],
        members=[{"member": "A", "kind": "official", "capital": 1}], state_supported=50)
    assert list(d.classes.priority) == ["dissolution_costs", "worker_entitlements", "taxes", "other_debts"]
    assert list(d.classes.paid) == [100, 200, 100, 100]
    assert list(d.classes.shortfall) == [0, 0, 0, 200]
    assert list(d.claims.paid) == [100, 100, 200, 100]
    assert d.claims.dtypes["paid"] == np.dtype("int64")
    assert (d.to_members, d.to_state, d.shortfall) == (0, 50, 200)
    assert d.legal_basis == "Law 17/2023/QH15 Art 101"
    with pytest.raises(coopecon.InvalidValueError, match="negative"):
        operations.distribute_assets("HTX-A", -1)
