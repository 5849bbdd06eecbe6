"""Errors: one class per error code, the C++ message as str(), every problem as a dict."""

import json
import os
import pickle
import subprocess

import pytest

import coopecon
from coopecon import errors

from conftest import D, cooperative_a


def test_one_class_per_error_code_all_value_errors():
    classes = {code: errors.error_class(code) for code in coopecon.names("ErrorCode")}
    assert len(set(classes.values())) == len(classes)
    for code, cls in classes.items():
        assert cls.code == code
        assert issubclass(cls, coopecon.Error)
        assert cls.__name__ in coopecon.__all__
    assert issubclass(coopecon.Error, ValueError)
    assert issubclass(coopecon.WrongTypeError, TypeError)
    assert classes["syntax"] is coopecon.ParseError
    assert classes["rule_violation"] is coopecon.RuleViolation
    assert classes["io"] is coopecon.FileError


def test_a_rule_violation_names_organisation_event_date_rule_and_legal_basis(small_registry):
    with pytest.raises(coopecon.RuleViolation) as caught:
        small_registry.append("HTX-A", {"date": "2023-03-01", "type": "resumed"})
    (problem,) = caught.value.problems
    assert problem["code"] == "rule_violation"
    assert problem["organization"] == "HTX-A"
    assert problem["event"] == "resumed"
    assert problem["date"] == D(2023, 3, 1)
    assert problem["rule"] and problem["legal_basis"]
    assert problem["path"] is None and problem["file"] is None and problem["line"] is None
    assert str(caught.value) == (
        f"organization HTX-A, event resumed on 2023-03-01: {problem['message']} "
        f"[rule {problem['rule']}; {problem['legal_basis']}]")


def test_an_integrity_error(small_registry):
    with pytest.raises(coopecon.IntegrityError) as caught:
        small_registry.append("HTX-C", {"date": "2025-01-01", "type": "assembly_held", "kind": "annual"})
    assert caught.value.problems[0]["rule"].startswith("integrity.")


def test_a_syntax_error_has_line_and_column():
    with pytest.raises(coopecon.ParseError) as caught:
        coopecon.loads('{"format": "coopecon-registry",\n "version": 1,,}', "broken.json")
    (problem,) = caught.value.problems
    assert (problem["file"], problem["line"], problem["column"]) == ("broken.json", 2, 15)
    assert str(caught.value) == f"broken.json:2:15: {problem['message']}"


def test_a_missing_file_is_a_file_error(tmp_path):
    missing = tmp_path / "missing.json"
    with pytest.raises(coopecon.FileError) as caught:
        coopecon.load(missing)
    assert caught.value.problems[0]["file"] == str(missing)


def test_every_problem_of_a_file_is_reported_with_the_text_of_the_command_line_tool(tmp_path):
    broken = cooperative_a()
    broken["kind"] = "company"
    broken["events"][1]["count"] = "seven"
    resumed_while_active = cooperative_a()
    resumed_while_active["id"] = "HTX-A2"
    resumed_while_active["events"].append({"date": "2023-03-01", "type": "resumed"})
    info = {"title": "Broken", "source": "tests", "synthetic": True, "as_of": None}
    document = {"format": "coopecon-registry", "version": 1, "info": info,
                "organizations": [broken, resumed_while_active]}
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document, default=str, indent=2, ensure_ascii=False), encoding="utf-8")

    with pytest.raises(coopecon.Error) as caught:
        coopecon.load(str(path))
    problems = caught.value.problems
    assert [p["code"] for p in problems] == ["unknown_name", "wrong_type", "rule_violation"]
    assert [p["path"] for p in problems] == [
        "organizations[0].kind", "organizations[0].events[1].count", "organizations[1].events[6]"]
    assert all(p["file"] == str(path) and p["line"] > 0 and p["column"] > 0 for p in problems)
    assert type(caught.value) is coopecon.UnknownNameError  # the class of the first problem

    cli = os.environ.get("COOPECON_CLI")
    if cli is None:
        pytest.skip("COOPECON_CLI is not set (run through ctest)")
    run = subprocess.run([cli, "validate", str(path)], capture_output=True, text=True, check=False)
    assert run.returncode == 1
    lines = (run.stdout + run.stderr).splitlines()
    assert lines[-1] == f"3 problems in {path}"
    assert "\n".join(lines[:-1]) == str(caught.value)


def test_errors_pickle_with_their_problems(small_registry):
    with pytest.raises(coopecon.Error) as caught:
        small_registry.append("HTX-A", {"date": "2023-03-01", "type": "resumed"})
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is coopecon.RuleViolation
    assert str(copy) == str(caught.value)
    assert copy.problems == caught.value.problems
