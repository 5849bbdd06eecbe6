"""Every notebook in notebooks/ runs from top to bottom without an error, headless, in a fresh kernel.

Notebooks are stored without outputs; each checks its own key results with assert statements, so a notebook
whose figures stop saying what its text says fails here. They are executed through nbclient's Python API (the
Debian nbclient 0.7.2 has no command line), in the notebooks/ folder as Jupyter would run them, with the
kernel of /usr/bin/python3 (python3-ipykernel) and the built package on PYTHONPATH (set by CTest).
"""

import asyncio
import os

import nbclient
import nbformat
import pytest

from conftest import SOURCE_DIR

NOTEBOOKS = sorted((SOURCE_DIR / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_the_notebook_runs(path, monkeypatch):
    # The kernel is another process: it needs the package on an absolute PYTHONPATH, and no debugger noise.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        os.path.abspath(p) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p))
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    monkeypatch.setenv("MPLBACKEND", "agg")
    notebook = nbformat.read(path, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), \
        f"{path.name} is stored with outputs; clear them before committing"
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    asyncio.run(client.async_execute())  # in a loop of its own, closed after
    errors = [output for cell in notebook.cells for output in cell.get("outputs", [])
              if output.get("output_type") == "error"]
    assert not errors
