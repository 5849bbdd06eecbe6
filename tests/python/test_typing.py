"""The package is completely annotated and passes Debian's mypy; help() speaks Python, not C++; the main entry
points carry examples."""

import inspect
import pydoc
import subprocess
import sys

import pytest

import coopecon
from coopecon import _core, datasets, indicators, law, operations, scoring, simulation
from conftest import SOURCE_DIR

MODULES = [coopecon, datasets, indicators, law, operations, scoring, simulation, coopecon.registry, coopecon.snapshot,
           coopecon.csv_import, coopecon.labels, coopecon.errors]


def test_mypy_finds_no_issue(tmp_path):
    pytest.importorskip("mypy", reason="scripts/setup installs python3-mypy")
    # The sources (with _core.pyi), checked with the settings of pyproject.toml; the cache out of the tree.
    result = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(SOURCE_DIR / "pyproject.toml"),
                             "--cache-dir", str(tmp_path / "cache"), str(SOURCE_DIR / "python" / "coopecon")],
                            capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found")


def public_functions():
    for module in MODULES:
        for name in getattr(module, "__all__", []):
            value = getattr(module, name)
            if inspect.isfunction(value):
                yield f"{module.__name__}.{name}", value
            elif inspect.isclass(value) and value.__module__.startswith("coopecon"):
                for member_name, member in vars(value).items():
                    if inspect.isfunction(member) and not member_name.startswith("_"):
                        yield f"{module.__name__}.{name}.{member_name}", member


def test_every_public_function_is_annotated_and_documented():
    seen = 0
    for name, function in public_functions():
        signature = inspect.signature(function)
        for parameter in signature.parameters.values():
            if parameter.name not in ("self", "cls"):
                assert parameter.annotation is not inspect.Parameter.empty, f"{name}({parameter.name})"
        assert signature.return_annotation is not inspect.Signature.empty, name
        assert inspect.getdoc(function), name
        seen += 1
    assert seen > 50


@pytest.mark.parametrize("function", [coopecon.load, coopecon.Registry.snapshot, coopecon.Registry.snapshots,
                                      coopecon.Snapshot.to_pandas, coopecon.check, coopecon.compare_findings,
                                      coopecon.report, indicators.compute, coopecon.synthesize,
                                      datasets.ca_mau_2023, coopecon.read_csv])
def test_entry_points_show_an_example(function):
    assert ">>>" in inspect.getdoc(function)


@pytest.mark.parametrize("module", [_core] + MODULES, ids=lambda m: m.__name__)
def test_help_shows_no_cpp_names(module):
    text = pydoc.render_doc(module, renderer=pydoc.plaintext)
    for cpp in ("::", "std::", "coopecon::python"):
        assert cpp not in text, [line for line in text.splitlines() if cpp in line][:3]

