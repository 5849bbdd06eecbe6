#!/usr/bin/env python3
"""Checks data/areas/vn-admin.json (format "coopecon-areas", version 2). Standard library only.

    /usr/bin/python3 scripts/areas/check_vn_admin.py [path/to/vn-admin.json]

Exit status 0 and a one-line summary when every check passes; exit status 1 and one line per failure otherwise.
The expected unit counts below come from the sources (the GSO list dated 01/03/2025 for the units valid on
2025-06-30; 1027/CTK-CSCL and the closing clauses of Resolutions 1654–1687/NQ-UBTVQH15 for the units from
2025-07-01), so an edit that drops or adds a unit fails.
"""

import datetime
import json
import os
import re
import sys
import unicodedata

LAST_OLD_DAY = "2025-06-30"
FIRST_NEW_DAY = "2025-07-01"

TOP_KEYS = ["format", "version", "title", "sources", "licences", "regions", "areas", "crosswalk"]
AREA_KEYS = ["code", "official_code", "name", "name_en", "full_name", "level", "kind", "region", "parent",
             "valid_from", "valid_to"]
CROSSWALK_KEYS = ["from", "to", "on", "part"]
KINDS = {"province": {"province", "city"},
         "district": {"district", "urban_district", "town", "city"},
         "commune": {"commune", "ward", "township", "special_zone"}}
CODE_FORMS = {"province": r"P(\d\d)(-2025)?", "district": r"D(\d{3})", "commune": r"C(\d{5})(-2025)?"}

TOTAL_DISTRICTS = 696
TOTAL_COMMUNES_BEFORE = 10047
TOTAL_COMMUNES_AFTER = 3321

# old province code: (districts, communes) valid on 2025-06-30 (GSO list dated 01/03/2025)
BEFORE = {
    "01": (30, 526), "02": (11, 193), "04": (10, 161), "06": (8, 108), "08": (7, 137), "10": (9, 151),
    "11": (10, 129), "12": (8, 106), "14": (12, 200), "15": (9, 168), "17": (10, 151), "19": (9, 172),
    "20": (11, 194), "22": (13, 171), "24": (10, 195), "25": (13, 207), "26": (9, 121), "27": (8, 121),
    "30": (12, 207), "31": (15, 167), "33": (10, 139), "34": (8, 242), "35": (6, 98), "36": (9, 175),
    "37": (7, 125), "38": (26, 549), "40": (20, 412), "42": (12, 210), "44": (8, 145), "45": (10, 119),
    "46": (9, 134), "48": (8, 47), "49": (17, 234), "51": (13, 170), "52": (11, 155), "54": (9, 106),
    "56": (9, 132), "58": (7, 62), "60": (10, 121), "62": (10, 102), "64": (17, 218), "66": (15, 180),
    "67": (8, 71), "68": (10, 141), "70": (11, 111), "72": (9, 94), "74": (9, 91), "75": (11, 159),
    "77": (7, 77), "79": (22, 273), "80": (15, 186), "82": (11, 164), "83": (9, 148), "84": (9, 104),
    "86": (8, 102), "87": (12, 141), "89": (11, 155), "91": (15, 143), "92": (9, 80), "93": (8, 75),
    "94": (11, 108), "95": (7, 64), "96": (9, 100),
}
# new province code: communes from 2025-07-01 (1027/CTK-CSCL; equal to each resolution's closing clause)
AFTER = {
    "01": 126, "04": 56, "08": 124, "11": 45, "12": 38, "14": 75,
    "15": 99, "19": 92, "20": 65, "22": 54, "24": 99, "25": 148,
    "31": 114, "33": 104, "37": 129, "38": 166, "40": 130, "42": 69,
    "44": 78, "46": 40, "48": 94, "51": 96, "52": 135, "56": 65,
    "66": 102, "68": 124, "75": 95, "79": 168, "80": 96, "82": 102,
    "86": 124, "91": 102, "92": 103, "96": 64,
}
# J6: four Cà Mau districts start (2003-12-06) before their province record (2004-01-01)
STARTS_BEFORE_PARENT = {"D969", "D971", "D972", "D973"}
# codes other parts of the project refer to
MUST_EXIST = ["P01", "P28", "P96", "P96-2025", "D964", "D966", "D967", "D968", "D969", "D970", "D971", "D972",
              "D973"] + [f"D{c}" for c in range(593, 603)]


def day_after(s):
    return (datetime.date.fromisoformat(s) + datetime.timedelta(days=1)).isoformat()


def valid_on(a, d):
    return a["valid_from"] <= d and (a["valid_to"] is None or d <= a["valid_to"])


def ascii_name(s):
    s = s.replace("đ", "d").replace("Đ", "D").replace("’", "'").replace("‘", "'")
    return "".join(ch for ch in unicodedata.normalize("NFD", s) if not unicodedata.combining(ch))


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    dup = sorted({k for k in keys if keys.count(k) > 1})
    if dup:
        raise ValueError(f"duplicate keys {dup}")
    return dict(pairs)


def check(path):
    """Returns the list of failures (empty when the file passes) and a summary dict."""
    errors = []
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return [f"not UTF-8: {e}"], {}
    if text != unicodedata.normalize("NFC", text):
        errors.append("the text is not in Unicode NFC")
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicates)
    except ValueError as e:
        return errors + [f"not strict JSON: {e}"], {}
    if list(doc) != TOP_KEYS:
        errors.append(f"top-level keys are {list(doc)}, expected {TOP_KEYS}")
        return errors, {}
    if doc["format"] != "coopecon-areas" or doc["version"] != 2:
        errors.append("format/version is not coopecon-areas/2")
    areas, crosswalk = doc["areas"], doc["crosswalk"]
    regions = {r["id"] for r in doc["regions"]}

    # layout: one line per record
    lines = text.split("\n")
    record_lines = [l for l in lines if l.startswith("    {")]
    if len(record_lines) != len(doc["regions"]) + len(areas) + len(crosswalk) + len(doc["licences"]):
        errors.append("not every record of regions/licences/areas/crosswalk is on a line of its own")

    # ---- records
    by_code = {}
    for i, a in enumerate(areas):
        where = f"areas[{i}] {a.get('code')}"
        if list(a) != AREA_KEYS:
            errors.append(f"{where}: keys {list(a)}, expected {AREA_KEYS}")
            continue
        if a["code"] in by_code:
            errors.append(f"{where}: code appears twice")
        by_code[a["code"]] = a
        lvl = a["level"]
        if lvl not in KINDS:
            errors.append(f"{where}: unknown level {lvl}")
            continue
        if a["kind"] not in KINDS[lvl]:
            errors.append(f"{where}: kind {a['kind']} is not a {lvl} kind")
        m = re.fullmatch(CODE_FORMS[lvl], a["code"])
        if not m or m.group(1) != a["official_code"]:
            errors.append(f"{where}: code does not fit level {lvl} and official code {a['official_code']}")
        if (lvl == "province") != (a["region"] is not None) or (a["region"] is not None and a["region"] not in regions):
            errors.append(f"{where}: region must be a region id on provinces and null elsewhere")
        if (lvl == "province") != (a["parent"] is None):
            errors.append(f"{where}: parent must be null on provinces only")
        for k in ("name", "full_name"):
            if not isinstance(a[k], str) or not a[k] or a[k] != " ".join(a[k].split()):
                errors.append(f"{where}: bad {k} {a[k]!r}")
        if not a["full_name"].endswith(a["name"]):
            errors.append(f"{where}: full name {a['full_name']!r} does not end with the name {a['name']!r}")
        if not a["name_en"].isascii() or a["name_en"] != ascii_name(a["name"]):
            errors.append(f"{where}: name_en {a['name_en']!r} is not the ASCII form of {a['name']!r}")
        try:
            datetime.date.fromisoformat(a["valid_from"])
            if a["valid_to"] is not None:
                datetime.date.fromisoformat(a["valid_to"])
                if a["valid_to"] < a["valid_from"]:
                    errors.append(f"{where}: valid_to before valid_from")
        except (TypeError, ValueError):
            errors.append(f"{where}: bad dates")
        if a["code"].endswith("-2025") and a["valid_from"] != FIRST_NEW_DAY:
            errors.append(f"{where}: a -2025 record must start on {FIRST_NEW_DAY}")
    if errors:
        return errors, {}
    for c in MUST_EXIST:
        if c not in by_code:
            errors.append(f"{c} is missing")

    # ---- parents
    for a in areas:
        if a["parent"] is None:
            continue
        p = by_code.get(a["parent"])
        if p is None:
            errors.append(f"{a['code']}: parent {a['parent']} does not exist")
            continue
        before = a["valid_from"] <= LAST_OLD_DAY
        want = {"district": "province", "commune": "district" if before else "province"}[a["level"]]
        if p["level"] != want:
            errors.append(f"{a['code']}: parent {p['code']} is a {p['level']}, expected a {want}")
        if a["level"] == "commune" and before and a["valid_to"] != LAST_OLD_DAY:
            errors.append(f"{a['code']}: a commune of the district era must end on {LAST_OLD_DAY}")
        starts_ok = p["valid_from"] <= a["valid_from"] or a["code"] in STARTS_BEFORE_PARENT
        ends_ok = p["valid_to"] is None or (a["valid_to"] is not None and a["valid_to"] <= p["valid_to"])
        if not (starts_ok and ends_ok):
            errors.append(f"{a['code']}: parent {p['code']} is not valid over {a['valid_from']}..{a['valid_to']}")
    for a in areas:  # no cycles
        seen, x = set(), a
        while x is not None and x["parent"] is not None:
            if x["code"] in seen:
                errors.append(f"{a['code']}: cycle in parents")
                break
            seen.add(x["code"])
            x = by_code.get(x["parent"])

    # ---- counts
    def count(level, day):
        return [a for a in areas if a["level"] == level and valid_on(a, day)]
    prov_old, prov_new = count("province", LAST_OLD_DAY), count("province", FIRST_NEW_DAY)
    if len(prov_old) != 63:
        errors.append(f"{len(prov_old)} provinces on {LAST_OLD_DAY}, expected 63")
    if len(prov_new) != 34 or sum(1 for a in prov_new if a["kind"] == "city") != 6:
        errors.append(f"{len(prov_new)} provinces on {FIRST_NEW_DAY}, expected 34 of which 6 cities")
    dist_old, comm_old = count("district", LAST_OLD_DAY), count("commune", LAST_OLD_DAY)
    if count("district", FIRST_NEW_DAY):
        errors.append(f"districts valid on {FIRST_NEW_DAY}")
    comm_new = count("commune", FIRST_NEW_DAY)
    for got, want, what in ((len(dist_old), TOTAL_DISTRICTS, "districts on 2025-06-30"),
                            (len(comm_old), TOTAL_COMMUNES_BEFORE, "communes on 2025-06-30"),
                            (len(comm_new), TOTAL_COMMUNES_AFTER, "communes on 2025-07-01")):
        if got != want:
            errors.append(f"{got} {what}, expected {want}")
    per_old = {}
    for d in dist_old:
        per_old.setdefault(by_code[d["parent"]]["official_code"], [0, 0])[0] += 1
    for c in comm_old:
        per_old.setdefault(by_code[by_code[c["parent"]]["parent"]]["official_code"], [0, 0])[1] += 1
    for p, want in BEFORE.items():
        got = tuple(per_old.get(p, (0, 0)))
        if got != want:
            errors.append(f"old province {p}: {got[0]} districts and {got[1]} communes, expected {want[0]} and {want[1]}")
    per_new = {}
    for c in comm_new:
        k = by_code[c["parent"]]["official_code"]
        per_new[k] = per_new.get(k, 0) + 1
    if per_new != AFTER:
        diff = sorted(k for k in set(per_new) | set(AFTER) if per_new.get(k) != AFTER.get(k))
        errors.append(f"communes per new province differ for {diff}")

    # ---- crosswalk
    primary, entries = {}, {}
    for i, c in enumerate(crosswalk):
        where = f"crosswalk[{i}] {c.get('from')}→{c.get('to')}"
        if list(c) != CROSSWALK_KEYS or not isinstance(c["part"], bool):
            errors.append(f"{where}: keys must be {CROSSWALK_KEYS} with a boolean part")
            continue
        f, t = by_code.get(c["from"]), by_code.get(c["to"])
        if f is None or t is None:
            errors.append(f"{where}: unknown area")
            continue
        if (c["from"], c["to"]) in entries:
            errors.append(f"{where}: appears twice")
        entries[(c["from"], c["to"])] = c
        if f["valid_to"] is None or c["on"] != day_after(f["valid_to"]):
            errors.append(f"{where}: on {c['on']} is not the day after {c['from']} ends")
        if not valid_on(t, c["on"]):
            errors.append(f"{where}: {c['to']} is not valid on {c['on']}")
        if not c["part"]:
            if c["from"] in primary:
                errors.append(f"{where}: {c['from']} has two primary successors")
            primary[c["from"]] = c["to"]
    for a in areas:
        if a["valid_to"] is not None and a["code"] not in primary:
            errors.append(f"{a['code']}: ends on {a['valid_to']} without a primary successor")
    for a in areas:  # no cycles through primary successors
        seen, x = set(), a["code"]
        while x in primary:
            if x in seen:
                errors.append(f"{a['code']}: cycle in the crosswalk")
                break
            seen.add(x)
            x = primary[x]
    # every old unit goes into the new province its old province merged into
    new_province = {}
    for p in prov_old:
        new_province[p["code"]] = p["code"] if p["valid_to"] is None else primary.get(p["code"])
    if sorted(set(new_province.values())) != sorted(p["code"] for p in prov_new):
        errors.append("the old provinces do not map onto the 34 new ones")
    has_communes = {c["parent"] for c in comm_old}
    for d in dist_old:
        to = by_code.get(primary.get(d["code"]))
        want = new_province[d["parent"]]
        # a district with communes maps to the new province; one without communes (an island district) to the
        # special zone it became, a commune of that province
        ok = to is not None and (to["code"] == want if d["code"] in has_communes
                                 else to["kind"] == "special_zone" and to["parent"] == want)
        if not ok:
            errors.append(f"{d['code']}: primary successor {primary.get(d['code'])} is not {want} (or its special zone)")
        if any(e[0] == d["code"] and e[1] != primary.get(d["code"]) for e in entries):
            errors.append(f"{d['code']}: a district has one successor only")
    successors_of = {}
    for (f, t) in entries:
        successors_of.setdefault(f, []).append(t)
    predecessors = {t for (f, t) in entries if by_code[f]["level"] == "district"}
    for c in comm_old:
        want = new_province[by_code[c["parent"]]["parent"]]
        for t in successors_of.get(c["code"], []):
            predecessors.add(t)
            if by_code[t]["level"] != "commune" or by_code[t]["parent"] != want:
                errors.append(f"{c['code']}: successor {t} is not a commune of {want}")
    for c in comm_new:
        if c["code"] not in predecessors:
            errors.append(f"{c['code']}: no old commune maps to it")

    summary = {"areas": len(areas), "crosswalk": len(crosswalk), "provinces_before": len(prov_old),
               "provinces_after": len(prov_new), "districts": len(dist_old), "communes_before": len(comm_old),
               "communes_after": len(comm_new), "part_entries": sum(1 for c in crosswalk if c["part"]),
               "split_communes": len({c["from"] for c in crosswalk if c["part"]}), "bytes": len(raw)}
    return errors, summary


def main():
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "areas", "vn-admin.json")
    path = sys.argv[1] if len(sys.argv) > 1 else default
    errors, summary = check(path)
    if errors:
        for e in errors[:200]:
            print(f"{os.path.relpath(path)}: {e}", file=sys.stderr)
        if len(errors) > 200:
            print(f"... and {len(errors) - 200} more", file=sys.stderr)
        print(f"{len(errors)} check(s) failed", file=sys.stderr)
        return 1
    print("ok: " + ", ".join(f"{k} {v}" for k, v in summary.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
