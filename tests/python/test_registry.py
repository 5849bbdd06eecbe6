"""Registry: files byte for byte, changes all-or-nothing, states checked against figures computed by hand."""

import pytest

import coopecon

from conftest import D, cooperative_a, cooperative_c, group_b


def test_load_and_dumps_are_byte_identical_to_the_file(example_path):
    text = example_path.read_text(encoding="utf-8")
    registry = coopecon.Registry.load(example_path)
    assert registry.dumps() == text
    assert coopecon.loads(text).dumps() == text
    assert coopecon.load(str(example_path)).dumps() == text


def test_save_writes_the_same_bytes(example_registry, example_path, tmp_path):
    out = tmp_path / "copy.json"
    example_registry.save(out)
    assert out.read_bytes() == example_path.read_bytes()
    example_registry.save(str(out))
    assert coopecon.load(out).dumps() == example_registry.dumps()


def test_a_built_registry_round_trips_through_text(small_registry):
    text = small_registry.dumps()
    assert coopecon.loads(text).dumps() == text


def test_size_ids_membership_and_info(small_registry, example_registry):
    assert len(small_registry) == 3
    assert small_registry.ids() == ["HTX-A", "THT-B", "HTX-C"]
    assert list(small_registry) == small_registry.ids()
    assert "THT-B" in small_registry and "HTX-Z" not in small_registry and 3 not in small_registry
    assert small_registry.event_count == 6 + 2 + 4
    assert repr(small_registry) == "<coopecon.Registry: 3 organizations, 12 events>"
    assert small_registry.info == {"title": "", "source": "", "synthetic": False, "as_of": None,
                                   "history_from": None, "title_vi": None, "source_vi": None}
    small_registry.info = {"title": "Sample", "source": "tests", "synthetic": True, "as_of": "2024-12-31"}
    assert small_registry.info == {"title": "Sample", "source": "tests", "synthetic": True, "as_of": D(2024, 12, 31),
                                   "history_from": None, "title_vi": None, "source_vi": None}
    small_registry.info = {**small_registry.info, "source_vi": "thử nghiệm"}
    assert small_registry.info["source_vi"] == "thử nghiệm"
    small_registry.info = {**small_registry.info, "history_from": "2020-01-01"}
    assert small_registry.info["history_from"] == D(2020, 1, 1)
    assert example_registry.info["as_of"] == D(2025, 6, 30)


def test_state_of_a_suspended_cooperative(small_registry):
    state = small_registry.state_at("HTX-A", D(2022, 7, 1))
    assert state["registered"] and state["kind"] == "cooperative"
    assert (state["status"], state["status_since"], state["suspended_until"]) == (
        "suspended", D(2022, 6, 1), D(2022, 12, 31))
    assert state["registered_on"] == D(2020, 1, 15)
    assert state["members"] == {
        "total": 8,
        "by_kind": {"official": 7, "capital_associate": 1, "non_capital_associate": 0},
        "by_type": {"individual": 7, "household": 1, "legal_entity": 0, "cooperative": 0},
        "foreign_official": 0,
        "capital_official": 350_000_000,
        "capital_associates": 50_000_000,
        "capital_foreign": 0,
    }
    assert state["charter_capital"] == 500_000_000
    assert state["last_annual_assembly"] == D(2021, 3, 20) and state["last_report"] is None
    assert state["latest_financials"] == {
        "year": 2021, "revenue": 1_000_000_000, "costs": 900_000_000, "pre_tax_profit": 100_000_000,
        "internal_revenue": 400_000_000, "workers": 5, "wages": 300_000_000, "indivisible_fund": 10_000_000}


def test_a_suspension_ends_after_its_last_notified_day(small_registry):
    assert small_registry.state_at("HTX-A", "2022-12-31")["status"] == "suspended"
    state = small_registry.state_at("HTX-A", "2023-01-01")
    assert (state["status"], state["status_since"], state["suspended_until"]) == ("active", D(2023, 1, 1), None)


def test_state_before_registration_and_after_dissolution(small_registry):
    before = small_registry.state_at("THT-B", D(2023, 5, 9))
    assert not before["registered"]
    assert before["status"] is None and before["registered_on"] is None and before["members"]["total"] == 0
    assert before["kind"] == "cooperative_group"
    assert small_registry.state_at("HTX-C", D(2024, 11, 30))["status"] == "in_dissolution"
    after = small_registry.state_at("HTX-C", D(2024, 12, 1))
    assert (after["status"], after["status_since"], after["ended_by"]) == ("terminated", D(2024, 12, 1), "dissolution")


def test_events_come_back_in_the_shape_append_takes(small_registry):
    events = small_registry.events("HTX-C")
    assert events == [
        {"date": D(2024, 3, 1), "type": "registered", "charter_capital": 1_000_000_000, "formed_by": None,
         "predecessors": [], "indivisible_fund": None},
        {"date": D(2024, 3, 1), "type": "members_joined", "kind": "official", "member_type": "individual",
         "count": 5, "foreign_investors": 0, "capital": 1_000_000_000},
        {"date": D(2024, 9, 1), "type": "dissolution_resolved", "basis": "members_resolution",
         "approval_percent": 80},
        {"date": D(2024, 12, 1), "type": "dissolution_completed", "by": "dossier"},
    ]
    copy = coopecon.Registry()
    for org_id in small_registry:
        record = small_registry.organization(org_id)
        record["events"] = small_registry.events(org_id)
        copy.add(record)
    assert copy.dumps() == small_registry.dumps()


def test_organization_gives_identity_and_members(small_registry):
    assert small_registry.organization("HTX-A") == {
        "id": "HTX-A", "registration_code": "6101000001", "name": "Hợp tác xã Nông nghiệp A", "kind": "cooperative",
        "area": "P96", "sector": "agriculture", "history_from": None, "data_until": None,
        "kind_at_registration": "cooperative",
        "members": [{"id": "M1", "name": "Lê Thị Một", "type": "household", "foreign_investor": False,
                     "organization": None}]}
    with pytest.raises(coopecon.UnknownNameError, match="^organization HTX-Z: no organization with this id$"):
        small_registry.organization("HTX-Z")


def test_append_and_add_member(small_registry):
    small_registry.add_member("HTX-A", {"id": "M2", "name": "Trần Văn Hai", "type": "individual",
                                        "foreign_investor": False, "organization": None})
    small_registry.append("HTX-A", {"date": D(2023, 2, 1), "type": "member_joined", "member": "M2",
                                    "kind": "official", "capital": 60_000_000})
    state = small_registry.state_at("HTX-A", "2023-02-01")
    assert state["members"]["by_kind"]["official"] == 8
    assert state["members"]["capital_official"] == 410_000_000
    with pytest.raises(coopecon.DuplicateError):
        small_registry.add_member("HTX-A", {"id": "M2", "name": "again", "type": "individual",
                                            "foreign_investor": False})


def test_append_many_is_all_or_nothing(small_registry):
    before = (small_registry.events("HTX-A"), small_registry.events("THT-B"), small_registry.event_count)
    valid = ("THT-B", {"date": "2024-01-20", "type": "assembly_held", "kind": "annual"})
    resumed_while_active = ("HTX-A", {"date": "2023-03-01", "type": "resumed"})
    with pytest.raises(coopecon.RuleViolation) as caught:
        small_registry.append_many([valid, resumed_while_active])
    assert caught.value.problems[0]["path"] == "[1]"
    assert (small_registry.events("HTX-A"), small_registry.events("THT-B"), small_registry.event_count) == before

    small_registry.append_many(entry for entry in [valid, ("HTX-A", {"date": "2023-03-20", "type": "assembly_held",
                                                                      "kind": "annual"})])
    assert small_registry.event_count == before[2] + 2
    assert small_registry.state_at("THT-B", "2024-12-31")["last_annual_assembly"] == D(2024, 1, 20)


def test_add_is_all_or_nothing(small_registry):
    duplicate = cooperative_a()
    fresh = group_b()
    fresh["id"] = "THT-D"
    with pytest.raises(coopecon.DuplicateError) as caught:
        small_registry.add([fresh, duplicate])
    assert caught.value.problems[0]["path"] == "organizations[1].id"
    assert len(small_registry) == 3 and "THT-D" not in small_registry


def test_a_single_organisation_is_organizations_0():
    registry = coopecon.Registry()
    registry.add(cooperative_c())
    bad = group_b()
    bad["events"][1]["count"] = -1
    with pytest.raises(coopecon.Error) as caught:
        registry.add(bad)
    assert caught.value.problems[0]["path"].startswith("organizations[0].events[1]")


def test_numpy_integers_and_tuples_are_taken_as_numbers_and_lists():
    import numpy as np

    org = group_b()
    org["events"] = tuple(org["events"])
    org["events"][1]["count"] = np.int16(3)
    registry = coopecon.Registry()
    registry.add((org,))
    assert registry.state_at("THT-B", "2023-05-10")["members"]["total"] == 3
