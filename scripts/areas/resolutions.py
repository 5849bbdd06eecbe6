"""Reads the commune-level clauses of Resolutions 1654–1687/NQ-UBTVQH15 (2025), as converted to Markdown in the
dvhcvn/20250701 repository (input/docs/<number>_NQ-UBTVQH15.md), without any model or fuzzy matching.

Each clause of Article 1 has the form

    N. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã A, xã B và một phần diện tích tự nhiên, quy mô
       dân số của xã C thành xã mới có tên gọi là **xã D**.

The parser returns, per clause, the new unit's kind and name and the list of cited old units, each with the way it
is cited: "full" (its whole territory), "part" (a part of it) or "rest" (what remains of it after the clauses it
names). It also reads the closing clause "Sau khi sắp xếp, tỉnh X có N đơn vị hành chính cấp xã ... và K xã không
thực hiện sắp xếp là ..." (the number of units and the units left as they were) and renaming clauses ("Đổi tên xã X
thành xã Y").

Standard library only.
"""

import re
import unicodedata

KIND_WORDS = ("thị trấn", "đặc khu", "phường", "xã")

_TONE_OLD_TO_NEW = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}


_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9", "x": "10"}


def name_key(name):
    """A key for comparing Vietnamese names: NFC, lower case, one space, one hyphen style, one apostrophe, and the
    tone mark of oa/oe/uy on the first vowel (the "Hoà" / "Hòa" spellings compare equal; "quý" is left alone)."""
    s = unicodedata.normalize("NFC", name).lower().replace("ð", "đ").replace("’", "'").replace("‘", "'")
    s = re.sub(r"\s*-\s*", " - ", s)
    s = " ".join(s.split())
    out = []
    i = 0
    while i < len(s):
        pair = s[i:i + 2]
        if pair in _TONE_OLD_TO_NEW and not (pair[0] == "u" and i > 0 and s[i - 1] == "q"):
            out.append(_TONE_OLD_TO_NEW[pair])
            i += 2
        else:
            out.append(s[i])
            i += 1
    s = "".join(out).replace("uơ", "ươ").replace("qư", "qu")
    words = []
    for w in s.split(" "):
        w = _ROMAN.get(w, w)
        m = re.match(r"^(qu|[^aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]+)([yýỳỷỹỵ])$", w)
        if m:
            w = m.group(1) + "iíìỉĩị"["yýỳỷỹỵ".index(m.group(2))]
        words.append(w)
    return " ".join(words)


def loose_key(name):
    """name_key without spaces, hyphens, apostrophes and diacritics (đ as d), and "Nông trường" as "NT": for
    matching a cited name to one of the units the mapping already names, never to pick a unit among all."""
    s = name_key(name).replace("nông trường", "nt").replace("n.t", "nt")
    s = re.sub(r"k\b", "c", s)
    s = unicodedata.normalize("NFD", s.replace("đ", "d"))
    return "".join(ch for ch in s if ch.isalnum() and not unicodedata.combining(ch))


def _paragraphs(text):
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\\.", ".").replace("\\-", "-").replace("\\'", "'").replace("\\", " ")
    for para in re.split(r"\n\s*\n", text):
        yield " ".join(para.split())


_CLAUSE = re.compile(r"^(\d+)\.\s*(.*)$")
_TARGET = re.compile(
    r"\s*thành\s*(?:xã|phường|đặc khu)(?:\s*mới)?\s*có tên gọi\s*là\s*\**\s*((?i:xã|phường|đặc khu))\s*(.+?)\s*\**\s*\.?\s*$")
# a clause that omits "mới có tên gọi là" ("... thành xã Ninh Thạnh Lợi.")
_TARGET_SHORT = re.compile(r"\s*thành\s*(xã|phường|đặc khu)\s+([^,]+?)\s*\**\s*\.?\s*$")
_RENAME = re.compile(r"^Đổi tên (xã|phường) (.+?) thành \**\s*(xã|phường) (.+?)\s*\**\.?$", re.IGNORECASE)
_SUMMARY = re.compile(r"^Sau khi sắp xếp, (?:tỉnh|thành phố) (.+?) có (\d+) đơn vị hành chính cấp xã(.*)$",
                      re.IGNORECASE)


def _cited_units(pred):
    """Splits the predecessor text of a clause into (kind, name, how, hint) items."""
    pred = pred.replace("**", "")
    # words the conversion to Markdown glued together
    pred = re.sub(r"\)(?=\S)", ") ", pred)
    pred = re.sub(r"(?<=\S)\(", " (", pred)
    pred = re.sub(r",(?=\S)", ", ", pred)
    pred = re.sub(r"(?<=\w)(và|sau khi|của)(?=\s)", r" \1", pred)
    pred = re.sub(r"(?<=\w)và(?=các|xã|phường|thị trấn)", " và ", pred)
    pred = re.sub(r"\bvà(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝ])", "và ", pred)
    pred = re.sub(r"(?<=\w)và(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝ])", " và ", pred)
    pred = re.sub(r"(?<=[a-zđàáảãạăâèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ])(xã|và)(?=\s)", r" \1", pred)
    pred = re.sub(r"\b(và|của|các|lại)(?=xã|phường|thị trấn|các|của)", r"\1 ", pred)
    pred = re.sub(r"\b(xã|phường|thị trấn)(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝ0-9])", r"\1 ", pred)
    pred = re.sub(r"\b(xã|phường|thị trấn) \1\b", r"\1", pred)
    # a missing comma before the next unit ("thị trấn Thiên Cầm xã Nam Phúc Thăng")
    pred = re.sub(r"(?<!các)(?<!của)(?<!và)(?<=\w) (?=(?:xã|phường|thị trấn) [A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝ0-9])", ", ", pred)
    # the cross-references add nothing to what is cited
    pred = re.sub(r",?\s*sau\s*khi\s*(?:thực hiện\s*)?sắp\s*xếp\s*theo\s*quy\s*định\s*tại\s*(?:các\s*)?khoản\s*\d+"
                  r"(?:\s*(?:,|và)\s*(?:khoản\s*)?\d+)*\s*(?:của\s*)?(?:Điều\s*này)?", " ", pred)
    pred = re.sub(r"(?:toàn bộ|một phần) diện tích(?: tự nhiên)?(?:,| và)? (?:toàn bộ |một phần )?quy mô dân(?:\s*số)?(?:\s*còn lại)?(?:\s*của)?",
                  lambda m: " §PART§ " if m.group(0).startswith("một phần") else " §FULL§ ", pred)
    pred = re.sub(r"một phần diện tích tự nhiên(?: của)?", " §PART§ ", pred)
    pred = re.sub(r"(?:toàn bộ )?phần còn lại\s*của(?: của)?", " §REST§ ", pred)
    pred = re.sub(r"^toàn bộ ", " §FULL§ ", pred.strip())
    items = []
    how = "full"
    kind = None
    # split on commas and on "và" (and), outside parentheses
    parts, depth, start = [], 0, 0
    i = 0
    while i < len(pred):
        ch = pred[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = re.match(r",\s*|\s+và\s+", pred[i:])
            if m and (ch == "," or ch.isspace()):
                parts.append(pred[start:i])
                i += m.end()
                start = i
                continue
        i += 1
    parts.append(pred[start:])
    for raw in parts:
        tok = raw.strip()
        while True:
            m = re.match(r"§(FULL|PART|REST)§\s*", tok)
            if not m:
                break
            how = {"FULL": "full", "PART": "part", "REST": "rest"}[m.group(1)]
            tok = tok[m.end():]
        tok = re.sub(r"^của\s+", "", tok.strip())
        if not tok:
            continue
        hint = None
        m = re.search(r"\s*\(([^)]*)\)\s*$", tok)
        if m:
            inner = m.group(1).strip()
            h = re.match(r"(?:thuộc\s+)?((?:huyện|quận|thị xã|thành phố|tỉnh)\b.*)$", inner, re.IGNORECASE)
            if h:
                hint = h.group(1)
            tok = tok[:m.start()].strip()
        tok = re.sub(r"\s*\([^)]*\)", "", tok).strip()
        m = re.match(r"(?:các\s+)?(thị trấn|đặc khu|phường|xã|huyện)\s+(.*)$", tok, re.IGNORECASE)
        if m:
            kind = m.group(1).lower()
            tok = m.group(2).strip()
        if not tok or kind is None:
            items.append(("?", raw.strip(), how, hint))
            continue
        items.append((kind, tok, how, hint))
    return items


def parse_resolution(text):
    """Returns {"clauses": [...], "renames": [...], "summary": {...} or None} for one resolution's text."""
    clauses, renames, summary = [], [], None
    in_article_1 = False
    for para in _paragraphs(text):
        if re.match(r"^\**\s*Điều 1\b", para):
            in_article_1 = True
            continue
        if re.match(r"^\**\s*Điều 2\b", para):
            in_article_1 = False
            continue
        if not in_article_1:
            continue
        m = _CLAUSE.match(para)
        if not m:
            continue
        number, body = int(m.group(1)), m.group(2).replace("**", " ").strip()
        body = " ".join(body.split())
        s = _SUMMARY.match(body)
        if s:
            unchanged = []
            u = re.search(r"không thực hiện sắp xếp là (.*?)\.?$", s.group(3))
            if u:
                unchanged = [(k, n, h, hint) for k, n, h, hint in _cited_units(u.group(1))]
            summary = {"province": s.group(1).strip(), "units": int(s.group(2)), "unchanged": unchanged}
            continue
        r = _RENAME.match(body)
        if r:
            renames.append({"clause": number, "old": (r.group(1).lower(), r.group(2).strip()),
                            "new": (r.group(3).lower(), r.group(4).strip())})
            continue
        t = _TARGET.search(body) or _TARGET_SHORT.search(body)
        if not t:
            clauses.append({"clause": number, "error": "no target", "text": body})
            continue
        head = body[:t.start()]
        h = re.match(r"^(?:Sắp\s*xếp|Nhập)\s*(.*)$", head)
        if not h:
            clauses.append({"clause": number, "error": "no verb", "text": body})
            continue
        pred = h.group(1)
        pred = re.sub(r"^(?:bộ|toàn bộ) diện tích tự nhiên(?:,| và) quy mô dân số\s*(?:của )?", " §FULL§ ", pred)
        pred = re.sub(r"^toàn bộ (?=(?:xã|phường|thị trấn)\b)", " §FULL§ ", pred)
        pred = re.sub(r"^của ", "", pred)
        clauses.append({"clause": number, "kind": t.group(1).lower(), "name": t.group(2).strip(" *."),
                        "cited": _cited_units(pred), "text": body})
    return {"clauses": clauses, "renames": renames, "summary": summary}


def split_kind(full_name):
    """("xã" | "phường" | "thị trấn" | "đặc khu", short name) of a full commune-level name."""
    m = re.match(r"(thị trấn|đặc khu|phường|xã)\s+(.*)$", full_name, re.IGNORECASE)
    if not m:
        raise ValueError(f"no unit word in {full_name!r}")
    return m.group(1).lower(), m.group(2)


def verify_mapping(parsed, old_units, new_units, successors):
    """Compares a commune mapping with the resolutions' text.

    parsed: {new province code: parse_resolution(...) result};
    old_units: {old code: {"name", "district_name", "new_province"}};
    new_units: {new code: {"name", "province"}};
    successors: {old code: [new codes]} (the mapping to check).

    A cited name is first compared exactly (name_key) with the old units of the new province's territory; if that
    finds none among the units the mapping gives the new unit, it is compared loosely (loose_key) with those units
    only. A clause where exactly one cited name and exactly one unit of the mapping remain unmatched pairs them (a
    spelling the old list writes differently). Returns a dict of counters and lists for the report.
    """
    preds = {}
    for o, news in successors.items():
        for n in news:
            preds.setdefault(n, set()).add(o)
    by_prov = {}
    for o, u in old_units.items():
        by_prov.setdefault(u["new_province"], {}).setdefault(
            (split_kind(u["name"])[0], name_key(split_kind(u["name"])[1])), []).append(o)
    out = {"clauses": 0, "exact": 0, "loose": [], "paired": [], "conflicts": [], "kind_of_citation": [],
           "unmatched_cited": [], "unmatched_mapped": [], "cited": {}, "unchanged_ok": 0, "unchanged_bad": [],
           "renames": 0, "summary_counts": [], "targets_missing": [], "districts_cited": []}

    def resolve(prov, kind, nm, hint, allowed):
        cands = by_prov.get(prov, {}).get((kind, name_key(nm)), [])
        if hint and len(cands) > 1:
            narrowed = [c for c in cands if loose_key(hint) in loose_key(old_units[c]["district_name"])]
            cands = narrowed or cands
        inside = sorted(c for c in cands if c in allowed)
        if inside:
            return inside, "exact"
        loose = sorted(c for c in allowed if c in old_units
                       and loose_key(split_kind(old_units[c]["name"])[1]) == loose_key(nm))
        same_kind = [c for c in loose if split_kind(old_units[c]["name"])[0] == kind]
        loose = same_kind or loose
        if loose:
            return loose, "loose"
        return cands, "outside" if cands else "none"

    for prov, r in sorted(parsed.items()):
        new_by_name = {}
        for n, u in new_units.items():
            if u["province"] == prov:
                k, nm = split_kind(u["name"])
                new_by_name.setdefault((k, name_key(nm)), []).append(n)
        s = r["summary"]
        units_here = sum(1 for u in new_units.values() if u["province"] == prov)
        out["summary_counts"].append((prov, s["units"] if s else None, units_here))
        for c in r["clauses"]:
            if "error" in c:
                out["targets_missing"].append((prov, c["clause"], c["error"]))
                continue
            targets = new_by_name.get((c["kind"], name_key(c["name"])), [])
            if len(targets) != 1:
                out["targets_missing"].append((prov, c["clause"], c["name"]))
                continue
            out["clauses"] += 1
            new = targets[0]
            allowed = preds.get(new, set())
            matched, left_cited = set(), []
            for kind, nm, how, hint in c["cited"]:
                if kind == "huyện":
                    # a whole district (an island district that became a special zone)
                    ds = [o for o, u in old_units.items() if u["new_province"] == prov
                          and loose_key(u["district_name"]).endswith(loose_key(nm))]
                    for o in ds:
                        matched.add(o)
                        out["cited"].setdefault(o, []).append((new, "full", prov, c["clause"]))
                    out["exact"] += 1 if ds else 0
                    if not ds:
                        out["districts_cited"].append((prov, c["clause"], new, f"{kind} {nm}"))
                    continue
                if kind == "?":
                    left_cited.append((kind, nm, how))
                    continue
                found, way = resolve(prov, kind, nm, hint, allowed)
                if way in ("exact", "loose"):
                    o = found[0]
                    matched.add(o)
                    out["cited"].setdefault(o, []).append((new, how, prov, c["clause"]))
                    if way == "exact":
                        out["exact"] += 1
                    else:
                        out["loose"].append((prov, c["clause"], f"{kind} {nm}", old_units[o]["name"], o))
                elif way == "outside":
                    out["conflicts"].append((prov, c["clause"], new, f"{kind} {nm}", found))
                    for o in found[:1]:
                        out["cited"].setdefault(o, []).append((new, how, prov, c["clause"]))
                else:
                    left_cited.append((kind, nm, how))
            left_mapped = sorted(o for o in allowed if o not in matched and o in old_units
                                 and old_units[o]["new_province"] == prov)
            if len(left_cited) == 1 and len(left_mapped) == 1 and left_cited[0][0] != "?":
                o = left_mapped[0]
                out["paired"].append((prov, c["clause"], f"{left_cited[0][0]} {left_cited[0][1]}", old_units[o]["name"], o))
                out["cited"].setdefault(o, []).append((new, left_cited[0][2], prov, c["clause"]))
                continue
            for kind, nm, how in left_cited:
                out["unmatched_cited"].append((prov, c["clause"], new, f"{kind} {nm}"))
            for o in left_mapped:
                out["unmatched_mapped"].append((prov, c["clause"], new, o))
        for kind, nm, how, hint in (s["unchanged"] if s else []):
            cands = by_prov.get(prov, {}).get((kind, name_key(nm)), [])
            if hint and len(cands) > 1:
                cands = [c for c in cands if loose_key(hint) in loose_key(old_units[c]["district_name"])] or cands
            # the unit left as it was: its only successor has it as the only predecessor
            ok = [c for c in cands if len(successors.get(c, [])) == 1 and preds[successors[c][0]] == {c}]
            if not ok:
                ok = [c for c in old_units if old_units[c]["new_province"] == prov and len(successors.get(c, [])) == 1
                      and preds[successors[c][0]] == {c} and loose_key(split_kind(old_units[c]["name"])[1]) == loose_key(nm)]
            if len(ok) == 1:
                out["unchanged_ok"] += 1
                out["cited"].setdefault(ok[0], []).append((successors[ok[0]][0], "unchanged", prov, None))
            else:
                out["unchanged_bad"].append((prov, f"{kind} {nm}", cands))
        for rn in r["renames"]:
            k, nm = rn["old"]
            cands = [c for c in by_prov.get(prov, {}).get((k, name_key(nm)), [])
                     if len(successors.get(c, [])) == 1]
            if len(cands) == 1:
                out["renames"] += 1
                out["cited"].setdefault(cands[0], []).append((successors[cands[0]][0], "renamed", prov, rn["clause"]))
            else:
                out["unchanged_bad"].append((prov, f"{k} {nm} (renamed)", cands))
    # how each citation compares with the mapping's successors
    for o, cites in out["cited"].items():
        got = set(successors.get(o, []))
        for new, how, prov, clause in cites:
            if new not in got:
                out["conflicts"].append((prov, clause, new, old_units[o]["name"], [o]))
        cited_news = {new for new, _, _, _ in cites}
        if how_split(cites) and len(got) != len(cited_news):
            out["kind_of_citation"].append((o, sorted(got), sorted(cited_news)))
    out["never_cited"] = sorted(o for o in old_units if o not in out["cited"])
    return out


def how_split(cites):
    return any(how in ("part", "rest") for _, how, _, _ in cites)
