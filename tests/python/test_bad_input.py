"""The hostile catalogue, tests/bad_input/, through Python: every file the table marks with a Python error class is
refused by the Python reader of its format with that class and exactly the problems the library reports (those
``coopecon validate`` prints for a registry); every valid one is read."""

import json
import os
import pathlib

import pytest

import coopecon
from coopecon import _core

CATALOGUE = pathlib.Path(os.environ.get("COOPECON_SOURCE_DIR", pathlib.Path(__file__).parents[2])) / "tests" / "bad_input"
CASES = [c for c in json.loads((CATALOGUE / "catalogue.json").read_text(encoding="utf-8"))["cases"] if c.get("python")]


def read(reader, path):
    """The file read by the Python reader of its format."""
    if reader == "registry":
        return coopecon.load(path)
    if reader == "csv":
        return coopecon.read_csv(path)
    if reader == "law":
        return coopecon.Framework.load(path)
    if reader == "reform":
        return coopecon.Framework.vietnam().apply(coopecon.Reform.load(path))
    if reader == "scenario":
        return coopecon.Scenario.load(path)
    if reader == "mapping":
        return coopecon.read_csv("ok_organizations.csv", mapping=path)
    text = pathlib.Path(path).read_text(encoding="utf-8")
    if reader == "scoring":
        return coopecon.scoring.ScoringRules.loads(text, path)
    if reader == "indicator_spec":
        return _core.indicator_spec(text)
    raise AssertionError(f"{path}: unknown reader {reader}")


def test_the_table_has_python_cases_of_every_format():
    assert len(CASES) >= 80
    assert {c.get("reader", "registry") for c in CASES} == {
        "registry", "csv", "law", "reform", "scenario", "mapping", "scoring", "indicator_spec"}


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_python_refuses_with_the_library_problems(case, monkeypatch):
    monkeypatch.chdir(CATALOGUE)
    reader = case.get("reader", "registry")
    if case["python"] == "accepted":
        read(reader, case["file"])
        return
    # Without a list of its own, the case's problems are the CLI's output without its summary line.
    expected = case["problems"] if "problems" in case else case["stdout"][:-1]
    with pytest.raises(getattr(coopecon, case["python"])) as refused:
        read(reader, case["file"])
    assert str(refused.value).splitlines() == expected
