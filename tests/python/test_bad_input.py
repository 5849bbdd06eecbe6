"""The hostile catalogue, tests/bad_input/, through Python: every registry file the table marks with a Python error
class is refused by ``coopecon.load`` with that class and exactly the problems ``coopecon validate`` prints."""

import json
import os
import pathlib

import pytest

import coopecon

CATALOGUE = pathlib.Path(os.environ.get("COOPECON_SOURCE_DIR", pathlib.Path(__file__).parents[2])) / "tests" / "bad_input"
CASES = [c for c in json.loads((CATALOGUE / "catalogue.json").read_text(encoding="utf-8"))["cases"] if c.get("python")]


def test_the_table_has_python_cases():
    assert len(CASES) >= 3


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_python_refuses_with_the_cli_problems(case, monkeypatch):
    monkeypatch.chdir(CATALOGUE)
    error_class = getattr(coopecon, case["python"])
    path = case["file"]
    with pytest.raises(error_class) as refused:
        if path.endswith(".csv"):
            coopecon.read_csv(path)
        else:
            coopecon.load(path)
    assert str(refused.value).splitlines() == case["stdout"][:-1]  # the CLI's problems, without its summary line
