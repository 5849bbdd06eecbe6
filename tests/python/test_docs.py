"""docs/python.md runs: its Python code blocks are executed in order, in one namespace, in an empty directory
holding a copy of examples/registry.json, so the page cannot drift from the package."""

import pathlib
import re
import shutil

from conftest import EXAMPLE, SOURCE_DIR

DOC = SOURCE_DIR / "docs" / "python.md"


def python_blocks(text):
    return re.findall(r"^```python\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)


def test_every_python_block_of_the_guide_runs(tmp_path, monkeypatch):
    blocks = python_blocks(DOC.read_text(encoding="utf-8"))
    assert len(blocks) >= 3
    (tmp_path / "examples").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "examples" / "registry.json")
    monkeypatch.chdir(tmp_path)
    namespace = {"__name__": "__main__"}
    for number, block in enumerate(blocks, 1):
        exec(compile(block, f"{DOC.name} block {number}", "exec"), namespace)
    assert pathlib.Path("copy.json").read_bytes() == EXAMPLE.read_bytes()


def test_the_readme_python_example_runs(tmp_path, monkeypatch):
    readme = SOURCE_DIR / "README.md"
    blocks = python_blocks(readme.read_text(encoding="utf-8"))
    assert len(blocks) == 1
    (tmp_path / "examples").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "examples" / "registry.json")
    monkeypatch.chdir(tmp_path)
    namespace = {"__name__": "__main__"}
    exec(compile(blocks[0], "README.md python block", "exec"), namespace)
    assert len(namespace["frame"]) == len(namespace["registry"])
    assert list(namespace["findings"].columns[:2]) == ["organization", "rule"]
