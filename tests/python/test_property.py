"""Property tests (Hypothesis) of the registry as an event log: organisations with random histories, many of them
refused by the law or the integrity rules, are added one batch at a time, and whatever is accepted must replay the
same way however it is read back. The settings are fixed and derandomised, so every run tries the same examples in
a few seconds:

- what the registry accepts replays consistently: added at once or one by one, the registries are the same;
- save → load → save gives the same bytes (the text and the file on disk);
- a refused batch or event leaves the registry byte-identical;
- the event rows written by ``coopecon convert --to csv`` read back to the same organisations and events.
"""

import datetime
import os
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coopecon

D = datetime.date
FIXED = settings(max_examples=25, derandomize=True, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def organization(draw, number):
    """An organisation registered between 2014 and 2023 whose later events (members joining and leaving,
    assemblies, financial years) may break the law or the registry's integrity rules."""
    kind = draw(st.sampled_from(["cooperative", "cooperative_group"]))
    registered = draw(st.dates(D(2014, 1, 1), D(2023, 12, 31)))
    members = draw(st.integers(1, 12))
    events = [
        {"date": registered, "type": "registered", "charter_capital": draw(st.integers(0, 10**10))},
        {"date": registered, "type": "members_joined", "kind": "official", "member_type": "individual",
         "count": members, "foreign_investors": 0, "capital": draw(st.integers(0, 10**9))},
    ]
    later = draw(st.lists(st.tuples(st.integers(1, 600), st.integers(0, 3), st.integers(1, 9),
                                    st.integers(0, 9 * 10**18)), max_size=6))
    day = registered
    for step, what, count, amount in sorted(later):
        day = min(day + datetime.timedelta(days=step), D(2024, 12, 31))
        if what == 0:
            events.append({"date": day, "type": "members_joined", "kind": "official", "member_type": "individual",
                           "count": count, "foreign_investors": 0, "capital": amount % 10**9})
        elif what == 1:
            events.append({"date": day, "type": "members_left", "kind": "official", "member_type": "individual",
                           "count": count, "foreign_investors": 0, "capital": 0})
        elif what == 2:
            events.append({"date": day, "type": "assembly_held", "kind": "annual"})
        else:
            events.append({"date": day, "type": "financial_year_closed", "year": day.year, "revenue": amount,
                           "costs": amount // 2, "pre_tax_profit": amount - amount // 2, "internal_revenue": 0,
                           "workers": count, "wages": 0, "indivisible_fund": 0})
    return {"id": f"ORG-{number}", "registration_code": f"{number:010d}", "name": f"Hợp tác xã Thử {number}",
            "kind": kind, "area": "D973", "sector": "agriculture", "events": events}


@st.composite
def batches(draw):
    """Batches of one to three organisations with distinct ids."""
    sizes = draw(st.lists(st.integers(1, 3), min_size=1, max_size=4))
    out, number = [], 0
    for size in sizes:
        batch = []
        for _ in range(size):
            number += 1
            batch.append(draw(organization(number)))
        out.append(batch)
    return out


def add_what_is_accepted(batches_):
    """A registry with every batch that is accepted, each refused one leaving it byte-identical; and the batches
    accepted."""
    registry, accepted = coopecon.Registry(), []
    for batch in batches_:
        before = registry.dumps()
        try:
            registry.add(batch)
        except coopecon.Error:
            assert registry.dumps() == before  # all or nothing
            continue
        accepted.append(batch)
    return registry, accepted


@FIXED
@given(batches())
def test_what_is_accepted_replays_the_same_way_however_it_is_added(batches_):
    registry, accepted = add_what_is_accepted(batches_)
    at_once = coopecon.Registry()
    at_once.add([org for batch in accepted for org in batch])
    assert at_once.dumps() == registry.dumps()
    one_by_one = coopecon.Registry()
    for batch in accepted:
        for org in batch:
            one_by_one.add(org)
    assert one_by_one.dumps() == registry.dumps()
    for org_id in registry.ids():
        assert one_by_one.state_at(org_id, "2025-12-31") == registry.state_at(org_id, "2025-12-31")


@FIXED
@given(batches_=batches())
def test_save_load_save_gives_the_same_bytes(tmp_path_factory, batches_):
    registry, _ = add_what_is_accepted(batches_)
    text = registry.dumps()
    assert coopecon.loads(text).dumps() == text
    path = tmp_path_factory.mktemp("saved") / "registry.json"
    registry.save(path)
    again = coopecon.load(path)
    assert again.dumps() == text
    again.save(path)
    assert path.read_text(encoding="utf-8") == text


@FIXED
@given(batches(), st.integers(0, 3), st.integers(1, 10**6))
def test_a_refused_event_leaves_the_registry_byte_identical(batches_, which, count):
    registry, accepted = add_what_is_accepted(batches_)
    ids = registry.ids()
    before = registry.dumps()
    bad_events = [
        {"date": "2030-01-01", "type": "members_left", "kind": "official", "member_type": "individual",
         "count": count + 10**7, "foreign_investors": 0, "capital": 0},  # more than ever joined
        {"date": "2013-01-01", "type": "assembly_held", "kind": "annual"},  # before any registration
        {"date": "2030-01-01", "type": "members_joined", "kind": "official", "member_type": "individual",
         "count": 2**31 - 1, "foreign_investors": 0, "capital": 0},  # a count that overflows the total
        {"date": "2030-01-01", "type": "no_such_event"},
    ]
    for org_id in ids[:2] or ["ORG-none"]:
        with pytest.raises(coopecon.Error):
            registry.append(org_id, bad_events[which])
        assert registry.dumps() == before
    with pytest.raises(coopecon.Error):
        registry.add([org for batch in accepted for org in batch][:1] or [{"id": ""}])  # an id given twice
    assert registry.dumps() == before


def cli():
    return os.environ.get("COOPECON_CLI")


@pytest.mark.skipif(not os.environ.get("COOPECON_CLI"), reason="needs the command-line tool (run through ctest)")
@settings(FIXED, max_examples=10)  # a command per example
@given(batches_=batches())
def test_event_rows_read_back_to_the_same_registry(tmp_path_factory, batches_):
    registry, _ = add_what_is_accepted(batches_)
    if not registry.ids():
        return
    folder = tmp_path_factory.mktemp("csv")
    registry.save(folder / "registry.json")
    subprocess.run([cli(), "convert", str(folder / "registry.json"), "--to", "csv", "--out",
                    str(folder / "events.csv")], check=True, capture_output=True)
    imported = coopecon.read_csv(folder / "events.csv").registry
    assert imported.ids() == registry.ids()
    for org_id in registry.ids():
        assert imported.events(org_id) == registry.events(org_id)
        assert imported.state_at(org_id, "2025-12-31") == registry.state_at(org_id, "2025-12-31")
