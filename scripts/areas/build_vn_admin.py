#!/usr/bin/env python3
"""Builds data/areas/vn-admin.json (format "coopecon-areas", version 2) from three public git repositories and the
hand-maintained scripts/areas/overrides.json. Standard library only; needs the `git` command.

    /usr/bin/python3 scripts/areas/build_vn_admin.py \
        --dvhcvn PATH/daohoangson/dvhcvn --history PATH/daohoangson/dvhcvn-historical-data \
        --reform PATH/dvhcvn/20250701
    /usr/bin/python3 scripts/areas/build_vn_admin.py --sources PATH --check

`--sources PATH` stands for the three options when the clones are PATH/OWNER/NAME; `--check` writes nothing and
exits with status 1, naming the first line that differs, when the committed files are not what the sources give.
Each PATH is a clone (a work tree or a bare/mirror git directory) that contains the commit pinned in
overrides.json ("pins"); the files are read from that commit with `git show`, never from the work tree:

- daohoangson/dvhcvn: data/dvhcvn.json and data/date.txt at the pinned commit (the GSO list dated 01/03/2025:
  63 provinces, 696 districts, 10,047 communes), and every earlier version of those two files in the history of
  the pinned commit (dated snapshots from 01/11/2021 to 01/01/2025);
- daohoangson/dvhcvn-historical-data: data.json and key.txt at every commit of the pinned commit's history
  (the GSO list as of each date on which it changed, 2004-08-31 to 2021-07-01);
- dvhcvn/20250701: input/docs/1027_CTK-CSCL.md (the 3,321 new communes and their codes), input/docs/915_CTK-CSCL.csv
  (the 34 provincial codes), input/docs/<1654…1687>_NQ-UBTVQH15.md (the resolutions' text), mapping/splits.json
  and mapping/merges.json (the machine-assisted old → new mapping, corrected by overrides.json).

Writes the data file (--output) and a report of how the mapping compares with the resolutions' text (--report).
The output depends only on those inputs: running the script twice gives identical bytes.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import resolutions  # noqa: E402

LAST_OLD_DAY = "2025-06-30"
FIRST_NEW_DAY = "2025-07-01"

DISTRICT_KINDS = {"Huyện": "district", "Quận": "urban_district", "Thị xã": "town", "Thành phố": "city"}
COMMUNE_KINDS = {"Xã": "commune", "Phường": "ward", "Thị trấn": "township", "Đặc khu": "special_zone"}
PREFIXES = ["Thành phố", "Thị xã", "Thị trấn", "Đặc khu", "Huyện", "Quận", "Phường", "Xã", "Tỉnh"]
AREA_KEYS = ["code", "official_code", "name", "name_en", "full_name", "level", "kind", "region", "parent",
             "valid_from", "valid_to"]


class Git:
    def __init__(self, path, commit):
        self.path, self.commit = path, commit
        self.run("cat-file", "-e", commit + "^{commit}")

    def run(self, *args):
        r = subprocess.run(["git", "-C", self.path, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if r.returncode != 0:
            raise SystemExit(f"git {' '.join(args)} in {self.path} failed: {r.stderr.decode(errors='replace')}")
        return r.stdout

    def show(self, path, commit=None):
        return self.run("show", f"{commit or self.commit}:{path}").decode("utf-8")

    def blob(self, path, commit):
        return self.run("rev-parse", f"{commit}:{path}").decode().strip()

    def history(self, *paths):
        """Commits of the pinned commit's history (oldest first), restricted to `paths` if given."""
        out = self.run("rev-list", "--reverse", "--topo-order", self.commit, "--", *paths).decode().split()
        return out


def nfc(s):
    return unicodedata.normalize("NFC", s)


def ascii_name(s):
    s = s.replace("đ", "d").replace("Đ", "D").replace("’", "'").replace("‘", "'")
    s = "".join(ch for ch in unicodedata.normalize("NFD", s) if not unicodedata.combining(ch))
    if not s.isascii():
        raise SystemExit(f"no ASCII form for {s!r}")
    return s


def clean_full_name(raw, fixes):
    """NFC, single spaces, and the unit word in its usual case ("Thị Trấn X" → "Thị trấn X")."""
    s = " ".join(nfc(raw).split())
    for p in PREFIXES:
        if s.lower().startswith(p.lower() + " ") and not s.startswith(p + " "):
            s = p + s[len(p):]
            break
    if s != raw:
        fixes.append((raw, s))
    return s


def split_name(full, prefix):
    if not full.startswith(prefix + " "):
        raise SystemExit(f"{full!r} does not start with {prefix!r}")
    short = full[len(prefix) + 1:]
    # a bare number is not a name: "Phường 8" stays "Phường 8"
    return full if re.fullmatch(r"[0-9]+", short) else short


def gso_date(s):
    d, m, y = s.strip().split("/")
    return f"{y}-{int(m):02d}-{int(d):02d}"


def load_snapshots(hist, dv):
    """[(date, {district: province}, {commune: (district, full name, type)})] in date order: the historical GSO lists
    (one per date on which the list changed), then the dvhcvn versions dated after the last of them."""
    snaps = {}
    last_blob = None
    for c in hist.history():
        key = hist.show("key.txt", c).strip()
        blob = hist.blob("data.json", c)
        if blob == last_blob:
            continue
        last_blob = blob
        data = json.loads(hist.show("data.json", c))
        if not any(p.get("level2s") for p in data):
            continue  # the first commit holds provinces only
        snaps[f"{key[:4]}-{key[4:6]}-{key[6:]}"] = data
    last_hist = max(snaps)
    for c in dv.history("data/dvhcvn.json"):
        if not dv.run("ls-tree", c, "data/date.txt").strip():
            continue  # the first commits carry no date
        date = gso_date(dv.show("data/date.txt", c))
        if date <= last_hist:
            continue
        snaps[date] = json.loads(dv.show("data/dvhcvn.json", c))["data"]  # a later version of a date wins
    out = []
    for date in sorted(snaps):
        dist, comm = {}, {}
        for p in snaps[date]:
            for d in p.get("level2s") or []:
                dist[d["level2_id"]] = p["level1_id"]
                for c in d.get("level3s") or []:
                    comm[c["level3_id"]] = (d["level2_id"], nfc(c["name"]), c["type"])
        out.append((date, dist, comm))
    return out


def run_start(snaps, which, code):
    """The date of the first snapshot of the unbroken run of snapshots, ending with the last one, that list `code`;
    None when the run reaches the first snapshot."""
    i = len(snaps) - 1
    while i >= 0 and code in snaps[i][which]:
        i -= 1
    if i == len(snaps) - 1:
        raise SystemExit(f"{code} is not in the last snapshot")
    return None if i < 0 else snaps[i + 1][0]


def parse_1027(text):
    rows, province = [], None
    for line in nfc(text).splitlines():
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3:
            continue
        if not cells[0] and not cells[1] and cells[2]:
            province = cells[2]
            continue
        if re.fullmatch(r"\d+", cells[0]):
            name = " ".join(re.sub(r"<br>", " ", cells[2]).split())
            rows.append({"stt": int(cells[0]), "code": cells[1], "name": name, "heading": province})
    return rows


def dump(doc):
    """2-space indentation, one line per record of the arrays of objects."""
    def one(v):
        return json.dumps(v, ensure_ascii=False, separators=(", ", ": "))
    lines = ["{"]
    items = list(doc.items())
    for i, (k, v) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if isinstance(v, list):
            lines.append(f"  {one(k)}: [")
            for j, x in enumerate(v):
                lines.append(f"    {one(x)}{',' if j < len(v) - 1 else ''}")
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {one(k)}: {one(v)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", help="a folder holding the three clones as OWNER/NAME (daohoangson/dvhcvn, "
                    "daohoangson/dvhcvn-historical-data, dvhcvn/20250701), instead of naming each")
    ap.add_argument("--dvhcvn", help="clone of daohoangson/dvhcvn")
    ap.add_argument("--history", help="clone of daohoangson/dvhcvn-historical-data")
    ap.add_argument("--reform", help="clone of dvhcvn/20250701")
    ap.add_argument("--overrides", default=os.path.join(HERE, "overrides.json"))
    ap.add_argument("--output", default=os.path.join(HERE, "..", "..", "data", "areas", "vn-admin.json"))
    ap.add_argument("--report", default=os.path.join(HERE, "crosswalk_report.md"))
    ap.add_argument("--check", action="store_true",
                    help="write nothing: exit with status 1 if the output or the report would change")
    args = ap.parse_args()
    for attr, repo in (("dvhcvn", "daohoangson/dvhcvn"), ("history", "daohoangson/dvhcvn-historical-data"),
                       ("reform", "dvhcvn/20250701")):
        if getattr(args, attr) is None:
            if args.sources is None:
                ap.error(f"--{attr} or --sources is required")
            setattr(args, attr, os.path.join(args.sources, repo))

    ov = json.load(open(args.overrides, encoding="utf-8"))
    pins = ov["pins"]
    dv = Git(args.dvhcvn, pins["daohoangson/dvhcvn"])
    hist = Git(args.history, pins["daohoangson/dvhcvn-historical-data"])
    ref = Git(args.reform, pins["dvhcvn/20250701"])
    floor = ov["earliest_valid_from"]
    name_fixes = []

    # ---- provinces (hand-maintained; checked against the GSO list)
    provinces = ov["provinces"]
    by_code = {a["code"]: a for a in provinces}
    gso = json.loads(dv.show("data/dvhcvn.json"))
    if gso_date(dv.show("data/date.txt")) != ov["old_list_date"]:
        raise SystemExit("the pinned GSO list is not dated " + ov["old_list_date"])
    old_provinces = [a for a in provinces if a["valid_from"] <= LAST_OLD_DAY and (a["valid_to"] or "9") >= LAST_OLD_DAY]
    if len(old_provinces) != 63 or len(gso["data"]) != 63:
        raise SystemExit("63 provinces expected on 2025-06-30")
    for p in gso["data"]:
        a = by_code.get("P" + p["level1_id"])
        gname = re.sub(r"^(Tỉnh|Thành phố) ", "", nfc(p["name"]))
        if a is None or (a["name"] != gname and a["code"] not in ov["province_name_exceptions"]):
            raise SystemExit(f"province {p['level1_id']} {p['name']} differs from the overrides")
    successor_province = {c["from"]: c["to"] for c in ov["province_crosswalk"] if c["on"] == FIRST_NEW_DAY}
    new_province_of = {}  # old province code (2 digits) -> code of the record valid on 2025-07-01
    for a in old_provinces:
        new_province_of[a["official_code"]] = a["code"] if a["valid_to"] is None else successor_province[a["code"]]

    # ---- the 34 provinces from 2025-07-01 (915/CTK-CSCL) against the records
    new_provinces = sorted(a["code"] for a in provinces if a["valid_from"] <= FIRST_NEW_DAY and a["valid_to"] is None)
    codes_915 = [l.split(",")[1] for l in nfc(ref.show("input/docs/915_CTK-CSCL.csv")).splitlines()[1:] if l.strip()]
    if sorted(by_code[c]["official_code"] for c in new_provinces) != sorted(codes_915) or len(codes_915) != 34:
        raise SystemExit("the 34 provincial codes of 915/CTK-CSCL differ from the province records")
    record_of_new_code = {by_code[c]["official_code"]: c for c in new_provinces}

    # ---- districts and communes valid on 2025-06-30
    snaps = load_snapshots(hist, dv)
    kind_fix = ov["commune_kind_corrections"]
    districts, communes = [], []
    old_units = {}
    for p in gso["data"]:
        pcode = "P" + p["level1_id"]
        for d in p["level2s"]:
            full = clean_full_name(d["name"], name_fixes)
            code = "D" + d["level2_id"]
            start = run_start(snaps, 1, d["level2_id"])
            vf = ov["district_valid_from"].get(code) or max(start or floor, floor, by_code[pcode]["valid_from"])
            districts.append({"code": code, "official_code": d["level2_id"], "name": split_name(full, d["type"]),
                              "full_name": full, "level": "district", "kind": DISTRICT_KINDS[d["type"]],
                              "region": None, "parent": pcode, "valid_from": vf, "valid_to": LAST_OLD_DAY,
                              "_first_seen": start})
            for c in d["level3s"]:
                full = clean_full_name(c["name"], name_fixes)
                typ = c["type"]
                if c["level3_id"] in kind_fix:
                    typ = kind_fix[c["level3_id"]]["type"]
                start = run_start(snaps, 2, c["level3_id"])
                communes.append({"code": "C" + c["level3_id"], "official_code": c["level3_id"],
                                 "name": split_name(full, typ), "full_name": full, "level": "commune",
                                 "kind": COMMUNE_KINDS[typ], "region": None, "parent": code,
                                 "valid_from": max(start or floor, floor, vf), "valid_to": LAST_OLD_DAY,
                                 "_first_seen": start})
                old_units[c["level3_id"]] = {"name": full, "district_name": clean_full_name(d["name"], []),
                                             "new_province": by_code[new_province_of[p["level1_id"]]]["official_code"],
                                             "old_province": p["level1_id"]}

    # ---- communes from 2025-07-01 (1027/CTK-CSCL), checked against the mapping's list of new units
    rows = parse_1027(ref.show("input/docs/1027_CTK-CSCL.md"))
    merges = json.loads(ref.show("mapping/merges.json"))["data"]
    splits = json.loads(ref.show("mapping/splits.json"))["data"]
    new_in_mapping = {c["level2_id"]: (p["level1_id"], nfc(c["name"])) for p in merges for c in p["level2s"]}
    new_units = {}
    new_communes = []
    for r in rows:
        if r["code"] in new_units:
            raise SystemExit(f"new code {r['code']} listed twice")
        prov = new_in_mapping.get(r["code"], (None, None))[0]
        if new_in_mapping.get(r["code"], (None, None))[1] != r["name"]:
            raise SystemExit(f"1027/CTK-CSCL and the mapping differ on {r['code']} {r['name']}")
        kind_word = next(p for p in COMMUNE_KINDS if r["name"].startswith(p + " "))
        new_units[r["code"]] = {"name": r["name"], "province": prov}
        new_communes.append({"code": "C" + r["code"] + "-2025", "official_code": r["code"],
                             "name": split_name(r["name"], kind_word), "full_name": r["name"], "level": "commune",
                             "kind": COMMUNE_KINDS[kind_word], "region": None, "parent": record_of_new_code[prov],
                             "valid_from": FIRST_NEW_DAY, "valid_to": None})
    if len(new_units) != len(new_in_mapping):
        raise SystemExit("1027/CTK-CSCL and the mapping list different new units")

    # ---- the old -> new commune mapping, with the corrections
    source_successors = {}
    commune_less = {}
    for p in merges:
        for c in p["level2s"]:
            for x in c["merges"]:
                if len(x["old_id"]) == 3:
                    commune_less[x["old_id"]] = c["level2_id"]
    for p in splits:
        for c in p["level3s"]:
            source_successors[c["level3_id"]] = [x["new_id"] for x in c["splits"]]
    if set(source_successors) != set(old_units):
        raise SystemExit("the mapping does not cover exactly the communes of the GSO list")
    successors = {o: list(v) for o, v in source_successors.items()}
    corrections = ov["successor_corrections"]
    for fix in corrections:
        o = fix["old"]
        if source_successors[o] != fix["source_had"]:
            raise SystemExit(f"correction for {o}: the source has {source_successors[o]}, not {fix['source_had']}")
        successors[o] = list(fix["new"])

    # ---- compare with the resolutions' text
    parsed = {}
    new_provinces_by_key = {}
    for n, u in new_units.items():
        new_provinces_by_key.setdefault(resolutions.name_key(u["name"]), []).append(u["province"])
    for num in range(1654, 1688):
        r = resolutions.parse_resolution(ref.show(f"input/docs/{num}_NQ-UBTVQH15.md"))
        votes = collections.Counter()
        for c in r["clauses"]:
            if "kind" in c:
                votes.update(new_provinces_by_key.get(resolutions.name_key(f"{c['kind']} {c['name']}"), []))
        prov = votes.most_common(1)[0][0]
        r["number"] = num
        parsed[prov] = r
    if len(parsed) != 34:
        raise SystemExit("could not tell the province of every resolution")
    report = resolutions.verify_mapping(parsed, old_units, new_units, successors)
    before = resolutions.verify_mapping(parsed, old_units, new_units, source_successors)

    # ---- primary successor of every split commune
    cited = report["cited"]
    primary_rule = collections.Counter()
    first_listed = []
    crosswalk_communes = []
    for o in sorted(old_units):
        news = successors[o]
        prov_needed = old_units[o]["new_province"]
        for n in news:
            if new_units[n]["province"] != prov_needed:
                raise SystemExit(f"{o} maps to {n} outside the new province {prov_needed}")
        if o in ov["primary_successor"]:
            first, rule = ov["primary_successor"][o]["new"], "override"
        elif len(news) == 1:
            first, rule = news[0], "single"
        elif o in news:
            first, rule = o, "same code"
        else:
            rest = sorted({n for n, how, _, _ in cited.get(o, []) if how == "rest" and n in news})
            same = [n for n in news if resolutions.name_key(resolutions.split_kind(new_units[n]["name"])[1])
                    == resolutions.name_key(resolutions.split_kind(old_units[o]["name"])[1])]
            if len(rest) == 1:
                first, rule = rest[0], "remainder"
            elif len(same) == 1:
                first, rule = same[0], "same name"
            else:
                first, rule = news[0], "first listed"
                first_listed.append((o, news))
        primary_rule[rule] += 1
        crosswalk_communes.append({"from": "C" + o, "to": "C" + first + "-2025", "on": FIRST_NEW_DAY, "part": False})
        for n in sorted(set(news) - {first}):
            crosswalk_communes.append({"from": "C" + o, "to": "C" + n + "-2025", "on": FIRST_NEW_DAY, "part": True})

    # ---- the document
    crosswalk = [dict(c, part=False) for c in ov["province_crosswalk"]]
    for d in districts:
        # a district without communes became one special zone as a whole (J9): it maps to that zone
        zone = commune_less.get(d["official_code"])
        if zone is not None and new_units[zone]["province"] != by_code[new_province_of[d["parent"][1:]]]["official_code"]:
            raise SystemExit(f"{d['code']} and its special zone {zone} lie in different provinces")
        to = "C" + zone + "-2025" if zone else new_province_of[d["parent"][1:]]
        crosswalk.append({"from": d["code"], "to": to, "on": FIRST_NEW_DAY, "part": False})
    crosswalk += crosswalk_communes
    areas = []
    for a in provinces + districts + communes + new_communes:
        rec = dict(a)
        rec["name_en"] = ascii_name(rec["name"])
        areas.append({k: rec[k] for k in AREA_KEYS})
    doc = {"format": "coopecon-areas", "version": 2, "title": ov["title"], "sources": ov["sources"],
           "licences": ov["licences"], "regions": ov["regions"], "areas": areas, "crosswalk": crosswalk}
    text = dump(doc)
    json.loads(text)
    same = emit(args.output, text, args.check)

    # ---- the report
    stats = {
        "districts": len(districts), "communes_before": len(communes), "communes_after": len(new_communes),
        "splits": sum(1 for o in successors if len(successors[o]) > 1),
        "crosswalk": len(crosswalk), "part_entries": sum(1 for c in crosswalk if c["part"]),
        "primary_rule": dict(sorted(primary_rule.items())),
        "first_seen": collections.Counter("first snapshot" if a["_first_seen"] is None else a["_first_seen"][:4]
                                          for a in communes),
        "district_first_seen": collections.Counter("first snapshot" if a["_first_seen"] is None
                                                   else a["_first_seen"][:4] for a in districts),
        "snapshots": [s[0] for s in snaps],
        "first_listed": first_listed,
    }
    same = emit(args.report, report_text(pins, stats, report, before, corrections, name_fixes, old_units, new_units,
                 successors, commune_less, parsed), args.check) and same
    if args.check:
        if not same:
            raise SystemExit(1)
        print(f"{args.output} and {args.report} are what the sources give")
        return
    print(f"wrote {args.output}: {len(areas)} areas, {len(crosswalk)} crosswalk entries, {len(text.encode())} bytes")


def emit(path, text, check):
    """Writes `text` to `path`; with `check`, compares instead, printing the first line that differs."""
    if not check:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        return True
    try:
        with open(path, encoding="utf-8", newline="") as f:
            old = f.read()
    except OSError as e:
        print(f"{path}: cannot be read ({e.strerror})")
        return False
    if old == text:
        return True
    old_lines, new_lines = old.split("\n"), text.split("\n")
    n = next((i for i, (a, b) in enumerate(zip(old_lines, new_lines)) if a != b), min(len(old_lines), len(new_lines)))
    print(f"{path}:{n + 1}: differs from what the sources give")
    print(f"  committed: {old_lines[n] if n < len(old_lines) else '(end of file)'}")
    print(f"  rebuilt:   {new_lines[n] if n < len(new_lines) else '(end of file)'}")
    return False


def report_text(pins, stats, after, before, corrections, name_fixes, old_units, new_units, successors,
                 commune_less, parsed):
    def unit(o):
        return f"{o} {old_units[o]['name']} ({old_units[o]['district_name']})"

    def new(n):
        return f"{n} {new_units[n]['name']}"
    res_of = {prov: r["number"] for prov, r in parsed.items()}
    L = ["# How the old → new commune mapping compares with the resolutions",
         "",
         "Generated by `scripts/areas/build_vn_admin.py`; do not edit. Sources: " +
         ", ".join(f"{k} @ {v}" for k, v in sorted(pins.items())) + ".",
         "",
         "## Counts",
         "",
         f"- districts valid on 2025-06-30: {stats['districts']}; communes valid on 2025-06-30: "
         f"{stats['communes_before']}; communes from 2025-07-01: {stats['communes_after']}",
         f"- old communes split between several new communes: {stats['splits']}; crosswalk entries: "
         f"{stats['crosswalk']}, of which {stats['part_entries']} with part = true",
         f"- how the primary successor was chosen: " +
         ", ".join(f"{k} {v}" for k, v in stats["primary_rule"].items()),
         f"- dated GSO snapshots used for valid_from: {len(stats['snapshots'])}, from {stats['snapshots'][0]} to "
         f"{stats['snapshots'][-1]}",
         "- communes by the year of the first snapshot of their unbroken run (\"first snapshot\": listed since "
         f"{stats['snapshots'][0]}): " + ", ".join(f"{k} {v}" for k, v in sorted(stats["first_seen"].items())),
         "- districts likewise: " + ", ".join(f"{k} {v}" for k, v in sorted(stats["district_first_seen"].items())),
         "- split communes whose primary successor is only the first one the source lists (no same code, no "
         "remainder clause, no same name): " + ("; ".join(f"{unit(o)} → {', '.join(new(n) for n in ns)}"
                                                       for o, ns in stats["first_listed"]) or "none"),
         "",
         "## Comparison with the text of Resolutions 1654–1687/NQ-UBTVQH15",
         "",
         "| | source mapping | after the corrections |",
         "|---|---|---|"]
    rows = [("clauses read (new units formed by a clause)", "clauses"),
            ("cited units found exactly in the mapping", "exact")]
    for label, k in rows:
        L.append(f"| {label} | {before[k]} | {after[k]} |")
    for label, k in [("cited units found with a spelling difference (diacritics, spacing)", "loose"),
                     ("cited units paired by elimination (one cited, one mapped left in the clause)", "paired"),
                     ("conflicts (a cited unit that the mapping sends elsewhere)", "conflicts"),
                     ("cited names not found", "unmatched_cited"),
                     ("mapped units the clause does not cite", "unmatched_mapped"),
                     ("unchanged or renamed units not confirmed", "unchanged_bad"),
                     ("old units cited nowhere", "never_cited")]:
        L.append(f"| {label} | {len(before[k])} | {len(after[k])} |")
    L.append(f"| units the resolutions leave as they were, confirmed | {before['unchanged_ok']} | {after['unchanged_ok']} |")
    L.append(f"| renamed units, confirmed | {before['renames']} | {after['renames']} |")
    L += ["", "Units per province after the reform (the resolution's closing clause, and the 1027/CTK-CSCL list):", ""]
    bad = [(p, a, b) for p, a, b in after["summary_counts"] if a != b]
    L.append("all 34 equal" if not bad else "differences: " + ", ".join(f"{p}: {a} vs {b}" for p, a, b in bad))
    L += ["", "## Corrections applied (overrides.json, successor_corrections)", ""]
    for fix in corrections:
        o = fix["old"]
        L.append(f"- {unit(o)}: source {', '.join(new(n) for n in fix['source_had'])} → "
                 f"{', '.join(new(n) for n in fix['new'])}. {fix['evidence']}")
    L += ["", "## Remaining conflicts", ""]
    L += [f"- {p} (res. {res_of[p]}) clause {cl}: cites {name} in {new(n)}; the mapping sends {', '.join(unit(o) for o in os_)} elsewhere"
          for p, cl, n, name, os_ in after["conflicts"]] or ["none"]
    L += ["", "## Cited names matched with a spelling difference or by elimination", ""]
    for p, cl, cited, oldname, o in after["loose"] + after["paired"]:
        L.append(f"- res. {res_of[p]} clause {cl}: \"{cited}\" = {unit(o)}")
    L += ["", "## Cited names not found, and mapped units a clause does not cite", ""]
    for p, cl, n, name in after["unmatched_cited"]:
        L.append(f"- res. {res_of[p]} clause {cl} ({new(n)}): \"{name}\" not found")
    for p, cl, n, o in after["unmatched_mapped"]:
        L.append(f"- res. {res_of[p]} clause {cl} ({new(n)}): the mapping adds {unit(o)}")
    L += ["", "## Unchanged or renamed units not confirmed", ""]
    L += [f"- res. {res_of[p]}: {name} (candidates {', '.join(c) or 'none'})" for p, name, c in after["unchanged_bad"]] or ["none"]
    L += ["", "## Old units no clause cites (successor taken from the source mapping, not verified)", ""]
    for o in after["never_cited"]:
        L.append(f"- {unit(o)} → {', '.join(new(n) for n in successors[o])}")
    L += ["", "## Districts without communes (each became a special zone as a whole; the crosswalk maps the district "
          "to it)", ""]
    L += [f"- res. {res_of[p]} clause {cl}: {name} forms {new(n)}" for p, cl, n, name in after["districts_cited"]]
    for d, n in sorted(commune_less.items()):
        L.append(f"- D{d} → {new(n)}")
    L += ["", "## Names normalised (spaces, case of the unit word)", ""]
    L += [f"- \"{a}\" → \"{b}\"" for a, b in sorted(set(name_fixes))]
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    main()
