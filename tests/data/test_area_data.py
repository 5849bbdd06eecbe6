"""Checks data/areas/vn-admin.json with scripts/areas/check_vn_admin.py (loaded by path; no compiled package needed).

Run: /usr/bin/python3 -m pytest -q tests/data/test_area_data.py
"""

import importlib.util
import json
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "areas" / "vn-admin.json"


def _load_checker():
    spec = importlib.util.spec_from_file_location("check_vn_admin", ROOT / "scripts" / "areas" / "check_vn_admin.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_vn_admin = _load_checker()


@pytest.fixture(scope="module")
def lines():
    return DATA.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def doc():
    return json.loads(DATA.read_text(encoding="utf-8"))


def test_committed_file_passes_every_check():
    errors, summary = check_vn_admin.check(DATA)
    assert errors == []
    assert summary["provinces_before"] == 63 and summary["provinces_after"] == 34
    assert summary["districts"] == 696
    assert summary["communes_before"] == 10047 and summary["communes_after"] == 3321


def test_binh_thuan_districts_and_communes(doc):
    areas = {a["code"]: a for a in doc["areas"]}
    districts = [f"D{c}" for c in range(593, 603)]
    assert all(areas[d]["parent"] == "P60" for d in districts)
    communes = [a for a in doc["areas"] if a["parent"] in districts]
    assert len(communes) == 121
    assert all(a["valid_to"] == "2025-06-30" and a["valid_from"] <= "2022-01-01" for a in communes)
    successors = {c["from"]: c["to"] for c in doc["crosswalk"] if not c["part"]}
    assert {areas[successors[a["code"]]]["parent"] for a in communes} == {"P68-2025"}
    assert {successors[d] for d in districts} == {"P68-2025"}


def test_existing_codes_kept(doc):
    codes = {a["code"] for a in doc["areas"]}
    assert {"P01", "P28", "P46", "P96", "P96-2025", "D964", "D971", "D973"} <= codes


def _write(tmp_path, text):
    path = tmp_path / "vn-admin.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_dropped_commune_fails(tmp_path, lines):
    i = next(i for i, l in enumerate(lines) if '"code": "C22915"' in l)
    errors, _ = check_vn_admin.check(_write(tmp_path, "\n".join(lines[:i] + lines[i + 1:])))
    assert any("communes on 2025-06-30" in e for e in errors)
    assert any("old province 60" in e for e in errors)


def test_a_duplicate_key_fails(tmp_path, lines):
    i = next(i for i, l in enumerate(lines) if '"code": "D964"' in l)
    broken = lines[:i] + [lines[i].replace('"level": "district"', '"level": "district", "level": "district"')] + lines[i + 1:]
    errors, _ = check_vn_admin.check(_write(tmp_path, "\n".join(broken)))
    assert errors and "duplicate" in errors[0]


def test_a_successor_in_the_wrong_province_fails(tmp_path, lines):
    i = next(i for i, l in enumerate(lines) if l.strip().startswith('{"from": "C22915"'))
    broken = list(lines)
    broken[i] = '    {"from": "C22915", "to": "C32014-2025", "on": "2025-07-01", "part": false},'
    errors, _ = check_vn_admin.check(_write(tmp_path, "\n".join(broken)))
    assert any("C22915: successor C32014-2025 is not a commune of P68-2025" in e for e in errors)


def test_a_second_primary_successor_fails(tmp_path, lines):
    i = next(i for i, l in enumerate(lines) if l.strip().startswith('{"from": "C32014"'))
    extra = '    {"from": "C32014", "to": "C32248-2025", "on": "2025-07-01", "part": false},'
    errors, _ = check_vn_admin.check(_write(tmp_path, "\n".join(lines[:i] + [extra] + lines[i:])))
    assert any("two primary successors" in e for e in errors)
