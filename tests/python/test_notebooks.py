"""Every notebook of notebooks/ runs headlessly, through nbclient's API (Debian's nbclient 0.7 has no
`python3 -m nbclient`), in a kernel of the Debian interpreter that imports the package under test.

A code cell may declare what it must show, in its metadata:
``"coopecon": {"expected_output": ["text", …], "expected_image": true}`` — each text must appear in the cell's
printed or displayed text, and a chart cell must display a PNG. Notebooks are stored without outputs.
"""

import asyncio
import os
import pathlib

import pytest

import coopecon
from conftest import SOURCE_DIR

nbformat = pytest.importorskip("nbformat", reason="scripts/setup installs python3-nbformat")
nbclient = pytest.importorskip("nbclient", reason="scripts/setup installs python3-nbclient")

NOTEBOOKS = sorted((SOURCE_DIR / "notebooks").glob("*.ipynb"))
# The kernel is another process started in the notebooks' folder: it finds the package through an absolute
# PYTHONPATH (the folder holding the imported package, not resolved, so the build tree's links stay).
PACKAGE_PARENT = str(pathlib.Path(coopecon.__file__).parent.parent.absolute())


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 4


def cell_text(cell):
    parts = []
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            parts.append(output["text"])
        elif output["output_type"] in ("execute_result", "display_data"):
            parts.append(output["data"].get("text/plain", ""))
    return "".join(parts)


def has_image(cell):
    return any("image/png" in output.get("data", {}) for output in cell.get("outputs", []))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_notebook_is_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: clear the outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_notebook_runs_and_shows_its_key_outputs(path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in (PACKAGE_PARENT, os.environ.get("PYTHONPATH")) if p))
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # debugpy's warnings about frozen modules
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    # Raises CellExecutionError, with the cell and its traceback, when a cell fails. The loop is the call's own
    # and closed after, so none is left unclosed whatever loop an earlier test (Dask) set.
    asyncio.run(client.async_execute())
    checked = 0
    for number, cell in enumerate(notebook.cells):
        expected = cell.get("metadata", {}).get("coopecon", {})
        text = cell_text(cell)
        for snippet in expected.get("expected_output", []):
            assert snippet in text, f"{path.name} cell {number}: {snippet!r} not in {text!r}"
            checked += 1
        if expected.get("expected_image"):
            assert has_image(cell), f"{path.name} cell {number}: no chart"
            checked += 1
    assert checked > 0, f"{path.name} declares no key output"
