"""The standard report of coopecon (indicators/report.hpp, as ``coopecon report`` prints it), written in
idiomatic pandas: boolean masks and masked value columns on the snapshot frames, then one ``groupby("kind")``
sum per snapshot, then the indicators as column arithmetic on the sums.

It reads what ``coopecon_bench`` exports when COOPECON_BENCH_EXPORT names a folder (bench/pandas_export.hpp):
the two snapshots the report reads (the day before the period and its end), the commune of every area, and the
report the library computed, which ``check`` compares figure by figure.

    /usr/bin/python3 bench/pandas_report.py FOLDER/world_3m
"""

import json
import math
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

KINDS = ["cooperative_group", "cooperative", "union_of_cooperatives"]  # OrgKind codes
STATUSES = ["active", "suspended", "revoked_tax_enforcement", "in_dissolution", "in_reorganization",
            "in_bankruptcy", "terminated"]  # LegalStatus codes
ENDINGS = {"dissolution": 1, "bankruptcy": 2, "reorganization": 3}  # Ending codes
CERTIFICATIONS = {"vietgap": 0, "globalgap": 1, "organic": 2}  # bits of the certifications column
CLASSES = ["good", "fair", "average", "weak"]  # ClassificationClass codes
NO_DATE = np.iinfo(np.int32).min
NO_COMMUNE = np.iinfo(np.uint32).max
TT09_2017 = 1  # ClassificationScheme code
EPOCH = np.datetime64("1970-01-01", "D")


def load(folder):
    """The export of one registry: (manifest, before frame, end frame, commune of every area)."""
    folder = Path(folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    frame = lambda part: pd.DataFrame({name: np.fromfile(folder / part / f"{name}.bin", dtype=dtype)
                                       for name, dtype in manifest["columns"].items()})
    communes = np.fromfile(folder / "commune_of_area.bin", dtype="<u4")
    return manifest, frame("before"), frame("end"), communes


def day_count(iso):
    return int((np.datetime64(iso, "D") - EPOCH).astype(np.int64))


def organisation_flags(s, as_of_year, period_start, communes):
    """Per registered organisation: the masks and masked values the indicators add up."""
    s = s[s["exists"] == 1]
    live = s["status"] != STATUSES.index("terminated")
    latest_year = as_of_year - 1
    members = s["official_members"].astype("int64") + s["capital_associates"] + s["non_capital_associates"]
    # Members are counted in groups and cooperatives; a union's members are cooperatives, counted apart.
    with_members = live & s["kind"].isin([KINDS.index("cooperative_group"), KINDS.index("cooperative")])
    union = live & (s["kind"] == KINDS.index("union_of_cooperatives"))
    results = live & (s["financial_year"] >= latest_year)
    rated = live & (s["assessment_year"] >= latest_year) & (s["assessment_year"] != 0)
    points = s["assessment_points"]
    weak_by_sanction = (s["assessment_scheme"] == TT09_2017) & (s["sanction_year"] == s["assessment_year"])
    klass = pd.Series(np.select([weak_by_sanction, points >= 80, points >= 65, points >= 50], [3, 0, 1, 2], 3),
                      index=s.index).where(rated, -1)
    effective = klass.isin([0, 1])
    terminated_in_period = ~live & (s["status_since"] >= period_start)
    status = s["status"]
    commune = pd.Series(communes[s["area"].to_numpy()], index=s.index)
    ntm = live & (s["kind"] == KINDS.index("cooperative")) & (status == 0) & effective
    ocop = [f"ocop_{k}_star" + ("s" if k > 1 else "") for k in range(1, 6)]
    live_sum = lambda column: s[column].astype("int64").where(live, 0)
    members_sum = lambda column: s[column].astype("int64").where(with_members, 0)
    results_sum = lambda column: s[column].astype("int64").where(results, 0)
    flags = pd.DataFrame({
        "kind": s["kind"],
        "organizations": live,
        **{name: live & (status == code) for code, name in enumerate(STATUSES[:-1])},
        "new": s["registered_on"] >= period_start,
        **{name: terminated_in_period & (s["ended_by"] == ENDINGS[ending])
           for name, ending in [("dissolved", "dissolution"), ("bankrupt", "bankruptcy"),
                                ("merged", "reorganization")]},
        "converted": (s["converted_on"] != NO_DATE) & (s["converted_on"] >= period_start),
        "member_organizations": with_members,
        "members": members.where(with_members, 0),
        **{name: members_sum(name) for name in ["official_members", "capital_associates", "non_capital_associates",
                                                "individual_members", "household_members", "legal_entity_members"]},
        "workers": live_sum("workers"),
        "member_cooperatives": s["cooperative_members"].astype("int64").where(union, 0),
        "with_results": results,
        **{f"results_{name}": results_sum(name)
           for name in ["revenue", "pre_tax_profit", "wages", "workers", "internal_revenue"]},
        "rated": rated,
        **{f"class_{name}": klass == code for code, name in enumerate(CLASSES)},
        "effective": rated & effective,
        **{f"{name}_certified": live & ((s["certifications"] & (1 << bit)) != 0)
           for name, bit in CERTIFICATIONS.items()},
        "ocop_products": sum(live_sum(c) for c in ocop),
        **{c: live_sum(c) for c in ocop},
        "ntm_commune": commune.where(ntm & (commune != NO_COMMUNE)),
        # Who reports each figure: where nobody of a row does, the figure is no data rather than 0.
        "reports_members": with_members,
        "reports_member_cooperatives": union,
        "reports_workers": live & (s["financial_year"] >= 1),
        "reports_revenue": results & (s["revenue"] >= 1),
        "reports_profit": results & (s["pre_tax_profit"] != 0),
        "reports_wages": results & (s["wages"] >= 1),
        "reports_internal_revenue": results & (s["internal_revenue"] >= 1),
        "reports_certification": live & ((s["certifications"] & sum(1 << b for b in CERTIFICATIONS.values())) != 0),
        "reports_ocop": live & (sum(live_sum(c) for c in ocop) >= 1),
    })
    return flags


def ratio(numerator, denominator, scale=1.0):
    return (numerator / denominator.where(denominator != 0)) * scale


# The figures that are no data in a row where no organisation reports them (the catalogue's reported_by).
REPORTED_BY = {
    "reports_members": ["members", "official_members", "capital_associates", "non_capital_associates",
                        "individual_members", "household_members", "legal_entity_members", "members_per_organization"],
    "reports_member_cooperatives": ["member_cooperatives"],
    "reports_workers": ["workers"],
    "reports_revenue": ["average_revenue"],
    "reports_profit": ["average_pre_tax_profit"],
    "reports_wages": ["average_worker_income"],
    "reports_internal_revenue": ["internal_transaction_ratio"],
    "reports_certification": ["vietgap_share", "globalgap_share", "organic_share"],
    "reports_ocop": ["ocop_products", "ocop_1_star", "ocop_2_stars", "ocop_3_stars", "ocop_4_stars", "ocop_5_stars"],
}


def standard_report(before, end, communes, period_start_iso, as_of_iso):
    """The report's tables as {table id: DataFrame indexed by kind code, with a "total" row}."""
    start = day_count(period_start_iso)
    now = organisation_flags(end, int(as_of_iso[:4]), start, communes)
    sums = now.drop(columns="ntm_commune").groupby("kind").sum()
    # The previous period is read only for the organisations existing at its end.
    registered_before = before[before["exists"] == 1]
    previous = ((registered_before["status"] != STATUSES.index("terminated"))
                .groupby(registered_before["kind"]).sum().rename("organizations_before"))
    ntm = now.dropna(subset=["ntm_commune"]).groupby("kind")["ntm_commune"].nunique()
    # Groups are the kinds registered in either snapshot, in code order; the total row adds them up.
    sums = sums.join(previous, how="outer").fillna(0).astype("int64").sort_index()
    sums["ntm_13_1_communes"] = ntm.reindex(sums.index, fill_value=0).astype("int64")
    # The totals row is cooperatives and unions: it would otherwise add cooperative groups to cooperatives.
    coops_and_unions = sums.index.isin([KINDS.index("cooperative"), KINDS.index("union_of_cooperatives")])
    sums.loc["total"] = sums.loc[coops_and_unions].sum()
    sums.loc["total", "ntm_13_1_communes"] = now.loc[now["kind"] != KINDS.index("cooperative_group"),
                                                     "ntm_commune"].nunique()
    sums.index = [KINDS[k] if k != "total" else k for k in sums.index]

    t = sums.assign(
        active_rate=ratio(sums["active"], sums["organizations"], 100),
        suspended_rate=ratio(sums["suspended"], sums["organizations"], 100),
        members_per_organization=ratio(sums["members"], sums["member_organizations"]),
        net_change=sums["organizations"] - sums["organizations_before"],
        growth=ratio(sums["organizations"] - sums["organizations_before"], sums["organizations_before"], 100),
        average_revenue=ratio(sums["results_revenue"], sums["with_results"], 1e-6),
        average_pre_tax_profit=ratio(sums["results_pre_tax_profit"], sums["with_results"], 1e-6),
        average_worker_income=ratio(sums["results_wages"], sums["results_workers"], 1e-6),
        internal_transaction_ratio=ratio(sums["results_internal_revenue"], sums["results_revenue"], 100),
        effective_share=ratio(sums["effective"], sums["rated"], 100),
        **{f"{name}_share": ratio(sums[f"{name}_certified"], sums["organizations"], 100)
           for name in CERTIFICATIONS},
    )
    layout = {
        "headline": ["organizations", "active", "suspended", "members", "member_cooperatives", "workers",
                     "members_per_organization", "active_rate", "suspended_rate"],
        "status": ["organizations", "active", "suspended", "revoked_tax_enforcement", "in_dissolution",
                   "in_reorganization", "in_bankruptcy", "active_rate", "suspended_rate"],
        "members": ["members", "official_members", "capital_associates", "non_capital_associates",
                    "individual_members", "household_members", "legal_entity_members", "member_cooperatives",
                    "workers", "members_per_organization"],
        "change": ["organizations_before", "new", "converted", "dissolved", "bankrupt", "merged", "organizations",
                   "net_change", "growth"],
        "results": ["with_results", "average_revenue", "average_pre_tax_profit", "average_worker_income",
                    "internal_transaction_ratio"],
        "classification": ["rated", "class_good", "class_fair", "class_average", "class_weak", "effective_share",
                           "ntm_13_1_communes"],
        "certification": ["vietgap_share", "globalgap_share", "organic_share", "ocop_products", "ocop_1_star",
                          "ocop_2_stars", "ocop_3_stars", "ocop_4_stars", "ocop_5_stars"],
    }
    for reports, figures in REPORTED_BY.items():
        t[figures] = t[figures].astype("float64").where(sums[reports] != 0)
    return {table: t[columns] for table, columns in layout.items()}


def check(tables, report_json):
    """(figures compared, differences) between the pandas tables and the library's report."""
    problems, compared = [], 0
    for table in report_json["tables"]:
        frame = tables.get(table["id"])
        if frame is None:
            problems.append(f"{table['id']}: no such table in pandas")
            continue
        for row in table["rows"]:
            key = "total" if row["total"] else row["kind"]
            for column in frame.columns:
                expected, got = row[column], frame.at[key, column]
                compared += 1
                same = (expected is None and (got is None or math.isnan(got))) or (
                    expected is not None and not math.isnan(got) and math.isclose(got, expected, rel_tol=1e-9))
                if not same:
                    problems.append(f"{table['id']}.{key}.{column}: library {expected}, pandas {got}")
    return compared, problems


def run(folder, repetitions=3):
    """Loads an export, times the pandas report (median of `repetitions`, wall and CPU seconds) and checks it
    against the library's. Returns (manifest, wall seconds, CPU seconds, figures compared, differences)."""
    manifest, before, end, communes = load(folder)
    wall, cpu = [], []
    for _ in range(repetitions):
        began, began_cpu = time.perf_counter(), time.process_time()
        tables = standard_report(before, end, communes, manifest["period_start"], manifest["as_of"])
        wall.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    median = lambda xs: sorted(xs)[len(xs) // 2]
    compared, problems = check(tables, json.loads((Path(folder) / "report.json").read_text()))
    return manifest, median(wall), median(cpu), compared, problems


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: /usr/bin/python3 bench/pandas_report.py EXPORT_FOLDER")
    manifest, wall, cpu, compared, problems = run(sys.argv[1])
    print(f"{manifest['organizations']} organisations: pandas report in {wall:.3f} s ({cpu:.3f} s CPU); "
          + (f"all {compared} figures as the library's" if not problems else f"{len(problems)} of {compared} differ"))
    for p in problems[:20]:
        print("  " + p)
    sys.exit(1 if problems else 0)
