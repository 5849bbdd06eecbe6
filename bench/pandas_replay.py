"""The registry replayed in pandas: from the event table to every organisation's state on a date, with the columns
the standard report reads, so that bench/pandas_report.py can run on it instead of on the library's snapshots.

The event table is one row per event in registry order (organisations in row order, each one's events in date
order, events of one day in the order they were recorded), with ``organization`` (row index), ``date`` (days
since 1970-01-01), ``type`` (code of EventType) and one column per payload key; ``coopecon_bench`` writes it
beside the snapshots when COOPECON_BENCH_EXPORT names a folder (bench/pandas_events.hpp). The replay is written
as a pandas user would: per event type, one selection of the rows up to the date, then groupby sums, cumulative
flags, ``drop_duplicates(keep="last")`` for "the latest", and a reindex onto every organisation.

It replays the event types of the synthetic world profile: registration, suspension and resumption (with a
notice that runs out by itself), counted members joining and leaving, financial years, certifications and
sanctions; the events that change no column the report reads are skipped. Any other type (named members,
dissolutions with their lapse periods and restorations, conversions, reorganisations, assessments, OCOP) raises
ValueError rather than giving a wrong figure.

    /usr/bin/python3 bench/pandas_replay.py FOLDER/world_3m
"""

import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pandas_report  # noqa: E402  (beside this script)
from pandas_report import NO_DATE, STATUSES, day_count  # noqa: E402

EVENT_TYPES = ["registered", "suspended", "resumed", "member_joined", "member_left", "members_joined", "members_left",
               "assembly_held", "report_filed", "financial_year_closed", "capital_changed", "business_line_suspended",
               "reorganization_started", "reorganization_completed", "converted_to_cooperative",
               "dissolution_resolved", "dissolution_cancelled", "dissolution_completed", "registration_revoked",
               "revocation_withdrawn", "bankruptcy_opened", "bankruptcy_declared", "address_flag_set",
               "address_flag_cleared", "assessed", "certified", "ocop_rated", "sanctioned"]  # EventType codes
MEMBER_KINDS = ["official_members", "capital_associates", "non_capital_associates"]  # by MemberKind code
MEMBER_TYPES = ["individual_members", "household_members", "legal_entity_members", "cooperative_members"]  # MemberType
RESULTS = ["revenue", "pre_tax_profit", "internal_revenue", "workers", "wages"]  # of the latest financial year
REPLAYED = {"registered", "suspended", "resumed", "members_joined", "members_left", "financial_year_closed",
            "certified", "sanctioned"}
# They change only columns the report does not read (last assembly and report, charter capital, the address flag).
NO_REPORTED_EFFECT = {"assembly_held", "report_filed", "capital_changed", "business_line_suspended",
                      "address_flag_set", "address_flag_cleared"}
# The payload columns the replay reads.
EVENT_COLUMNS = ["organization", "date", "type", "until", "kind", "member_type", "count", "year", *RESULTS,
                 "certification", "valid_until"]
CODE = {name: code for code, name in enumerate(EVENT_TYPES)}
SUSPENDED, RESUMED, MEMBERS_JOINED = CODE["suspended"], CODE["resumed"], CODE["members_joined"]


def load(folder, columns=EVENT_COLUMNS):
    """The event table and the organisations' attributes of an export: (manifest, events, organisations)."""
    folder = Path(folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    if manifest["event_types"] != EVENT_TYPES:
        raise ValueError("the export's event types are not the ones this replay knows")
    read = lambda part, dtypes, names: pd.DataFrame(
        {name: np.fromfile(folder / part / f"{name}.bin", dtype=dtypes[name]) for name in names})
    events = read("events", manifest["event_columns"], columns)
    organizations = read("organizations", manifest["organization_columns"], manifest["organization_columns"])
    return manifest, events, organizations


def check_types(events):
    """Raises ValueError when the table holds an event type the replay does not replay."""
    present = {EVENT_TYPES[code] for code in events["type"].value_counts().index}
    unknown = present - REPLAYED - NO_REPORTED_EFFECT
    if unknown:
        raise ValueError(f"the pandas replay does not replay {', '.join(sorted(unknown))} events")


def rows(events, types, columns, on):
    """The events of these types dated on or before day `on`, with the organisation, date, type and `columns`."""
    of_type = np.logical_or.reduce([events["type"] == CODE[t] for t in types])
    return events.loc[of_type & (events["date"] <= on), ["organization", "date", "type", *columns]]


def registration_and_status(events, organizations, on):
    """exists, kind, area, registered_on, status and status_since at the end of day `on`."""
    everyone = organizations.index
    registered_on = rows(events, ["registered"], [], on).set_index("organization")["date"].reindex(everyone)
    state = pd.DataFrame({"exists": registered_on.notna().astype("uint8"), "kind": organizations["kind"],
                          "area": organizations["area"],
                          "registered_on": registered_on.fillna(NO_DATE).astype("int32")})
    # A suspension lasts to its notice's `until`; a notice given while suspended extends it; resumed ends it.
    s = rows(events, ["suspended", "resumed"], ["until"], on)
    same_organization = s["organization"].eq(s["organization"].shift())
    previous_until = s["until"].shift().where(same_organization & s["type"].shift().eq(SUSPENDED))
    starts = s["type"].eq(SUSPENDED) & ~(s["date"] <= previous_until)
    # Each organisation's first suspension event starts one, so the fill never crosses organisations.
    s = s.assign(since=s["date"].where(starts).ffill()).drop_duplicates("organization", keep="last")
    s = s.set_index("organization")
    suspension = s["type"].eq(SUSPENDED)
    suspended = suspension & (s["until"] >= on)
    status = suspended.astype("uint8") * STATUSES.index("suspended")  # or active
    since = s["since"].where(suspended, (s["until"] + 1).where(suspension, s["date"]))
    state["status"] = status.reindex(everyone, fill_value=STATUSES.index("active")).astype("uint8")
    state["status_since"] = since.reindex(everyone).fillna(state["registered_on"]).astype("int32")
    return state


def state_on(events, organizations, on_iso):
    """Every organisation's state at the end of `on_iso`, in the columns the standard report reads."""
    on = day_count(on_iso)
    check_types(events)
    everyone = organizations.index
    state = registration_and_status(events, organizations, on)

    m = rows(events, ["members_joined", "members_left"], ["kind", "member_type", "count"], on)
    change = m["count"].where(m["type"] == MEMBERS_JOINED, -m["count"])
    for key, names in [("kind", MEMBER_KINDS), ("member_type", MEMBER_TYPES)]:
        counts = change.groupby([m["organization"], m[key]]).sum().unstack(fill_value=0)
        counts = counts.reindex(index=everyone, columns=range(len(names)), fill_value=0).astype("int32")
        state = state.join(counts.set_axis(names, axis=1))

    # The latest financial year closed by then (each year is closed once).
    fy = rows(events, ["financial_year_closed"], ["year", *RESULTS], on)
    latest = fy[fy["year"] == fy.groupby("organization")["year"].transform("max")].set_index("organization")
    latest = latest.rename(columns={"year": "financial_year"})[["financial_year", *RESULTS]]
    state = state.join(latest.reindex(everyone, fill_value=0))

    # Bit c when the latest certificate of certification c is valid on the day (no end: valid).
    c = rows(events, ["certified"], ["certification", "valid_until"], on)
    c = c.drop_duplicates(["organization", "certification"], keep="last")
    held = c[(c["valid_until"] == NO_DATE) | (c["valid_until"] >= on)]
    bits = (2 ** held["certification"].astype("int64")).groupby(held["organization"]).sum()
    state["certifications"] = bits.reindex(everyone, fill_value=0).astype("uint8")

    sanctions = rows(events, ["sanctioned"], [], on).drop_duplicates("organization", keep="last")
    year = pd.to_datetime(sanctions["date"], unit="D").dt.year
    state["sanction_year"] = year.set_axis(sanctions["organization"]).reindex(everyone, fill_value=0).astype("int32")

    # What only the refused event types set: nobody terminated, converted, assessed or OCOP-rated.
    state = state.assign(ended_by=np.uint8(0), converted_on=np.int32(NO_DATE), assessment_year=np.int32(0),
                         assessment_scheme=np.uint8(0), assessment_points=np.int32(0),
                         **{c: np.int32(0) for c in ["ocop_1_star", "ocop_2_stars", "ocop_3_stars", "ocop_4_stars",
                                                     "ocop_5_stars"]})
    return state


def standard_report(events, organizations, communes, manifest):
    """The standard report from the event table: the state the day before the period (only what the report reads
    of it) and at its end, then bench/pandas_report.py's report on them."""
    before = registration_and_status(events, organizations, day_count(manifest["before"]))
    end = state_on(events, organizations, manifest["as_of"])
    return pandas_report.standard_report(before, end, communes, manifest["period_start"], manifest["as_of"])


def run(folder, repetitions=3):
    """Loads an export's event table, times the replay and report (median of `repetitions`, wall and CPU seconds)
    and checks the report against the library's. Returns (manifest, wall, CPU, figures compared, differences)."""
    manifest, events, organizations = load(folder)
    communes = np.fromfile(Path(folder) / "commune_of_area.bin", dtype="<u4")
    wall, cpu = [], []
    for _ in range(repetitions):
        began, began_cpu = time.perf_counter(), time.process_time()
        tables = standard_report(events, organizations, communes, manifest)
        wall.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    median = lambda xs: sorted(xs)[len(xs) // 2]
    compared, problems = pandas_report.check(tables, json.loads((Path(folder) / "report.json").read_text()))
    return manifest, median(wall), median(cpu), compared, problems


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: /usr/bin/python3 bench/pandas_replay.py EXPORT_FOLDER")
    manifest, wall, cpu, compared, problems = run(sys.argv[1])
    print(f"{manifest['organizations']} organisations, {manifest['events']} events: pandas replay and report in "
          f"{wall:.3f} s ({cpu:.3f} s CPU); "
          + (f"all {compared} figures as the library's" if not problems else f"{len(problems)} of {compared} differ"))
    for p in problems[:20]:
        print("  " + p)
    sys.exit(1 if problems else 0)
