"""The pandas replay of bench/pandas_replay.py, which bench/compare.py times against the library at 3 million
organisations: on a small registry of the same world profile, its states equal the library's snapshots column
by column, and the standard report computed from them (bench/pandas_report.py) equals the library's figure by
figure. Here the event table is built from the public ``Registry.events``; the benchmark writes the same table
from C++ (bench/pandas_events.hpp)."""

import datetime
import json
import sys

import numpy as np
import pandas as pd
import pytest

import coopecon
from conftest import SOURCE_DIR

sys.path.insert(0, str(SOURCE_DIR / "bench"))
import pandas_replay  # noqa: E402
import pandas_report  # noqa: E402

EPOCH = datetime.date(1970, 1, 1)
INT32_BLANK = np.iinfo(np.int32).min
# The enumeration of each coded payload key the replay reads (assembly_held's `kind` is an AssemblyKind).
CODED = {"kind": "MemberKind", "member_type": "MemberType", "certification": "Certification"}


def event_table(registry):
    """The registry's event table in the columns the replay reads, blank where a type has no such key."""
    codes = {key: {name: code for code, name in enumerate(coopecon.names(enum))} for key, enum in CODED.items()}
    codes["assembly_kind"] = {name: code for code, name in enumerate(coopecon.names("AssemblyKind"))}
    rows = []
    for i, org in enumerate(registry.ids()):
        for e in registry.events(org):
            row = {"organization": i, "date": (e["date"] - EPOCH).days, "type": pandas_replay.CODE[e["type"]]}
            for key in pandas_replay.EVENT_COLUMNS[3:]:
                value = e.get(key)
                if isinstance(value, datetime.date):
                    value = (value - EPOCH).days
                elif key in CODED and value is not None:
                    value = codes["assembly_kind" if e["type"] == "assembly_held" else key][value]
                row[key] = (255 if key in CODED else INT32_BLANK) if value is None else value
            rows.append(row)
    dtypes = {"organization": "uint32", "type": "uint8", **{k: "uint8" for k in CODED}}
    events = pd.DataFrame(rows, columns=pandas_replay.EVENT_COLUMNS)
    return events.astype({c: dtypes.get(c, "int64") for c in events.columns}).astype({"date": "int32"})


@pytest.fixture(scope="module")
def world():
    registry = coopecon.synthesize("world", seed=7, organizations=1_500)
    snapshot = registry.snapshot("2024-12-31")
    kinds = coopecon.names("OrgKind")
    organizations = pd.DataFrame({
        "kind": np.array([kinds.index(registry.organization(o)["kind_at_registration"]) for o in registry.ids()],
                         dtype="uint8"),
        "area": snapshot.columns["area"],
    })
    return registry, event_table(registry), organizations


def test_codes_are_the_librarys():
    assert pandas_replay.EVENT_TYPES == list(coopecon.names("EventType"))
    assert pandas_report.STATUSES == list(coopecon.names("LegalStatus"))
    assert pandas_report.KINDS == list(coopecon.names("OrgKind"))


@pytest.mark.parametrize("on", ["2022-06-30", "2023-12-31", "2024-07-15", "2024-12-31"])
def test_replayed_states_are_the_snapshots(world, on):
    registry, events, organizations = world
    snapshot = registry.snapshot(on).columns
    state = pandas_replay.state_on(events, organizations, on)
    exists = snapshot["exists"] == 1
    assert exists.sum() > 300
    np.testing.assert_array_equal(state["exists"], snapshot["exists"])
    for column in state.columns:
        np.testing.assert_array_equal(state[column].to_numpy()[exists], snapshot[column][exists], err_msg=column)
    # Some are suspended on the day, some were and are active again: the replay sees both.
    assert (state["status"][exists] == 1).any() and (state["status_since"] > state["registered_on"]).any()


def test_report_from_the_replay_is_the_librarys(world):
    registry, events, organizations = world
    library = json.loads(coopecon.report(registry, format="json").text)
    manifest = {"before": "2023-12-31", "as_of": "2024-12-31", "period_start": "2024-01-01"}
    # No organisation of this profile is assessed, so none counts towards a commune's rural criterion.
    communes = np.full(len(registry.snapshot("2024-12-31").area_codes), pandas_report.NO_COMMUNE, dtype="uint32")
    tables = pandas_replay.standard_report(events, organizations, communes, manifest)
    compared, problems = pandas_report.check(tables, library)
    assert compared == 116 and problems == []


def test_event_types_it_does_not_replay_are_refused(world):
    _, events, organizations = world
    dissolution = events.iloc[[0]].assign(type=pandas_replay.CODE["dissolution_resolved"], date=20_000)
    with pytest.raises(ValueError, match="does not replay dissolution_resolved"):
        pandas_replay.state_on(pd.concat([events, dissolution]), organizations, "2024-12-31")
