"""The package installs with standard tools and no package index: pip into a virtual environment that sees
Debian's numpy and pandas, and `python3 -m build` to a wheel. The compiled core is taken from the build tree
under test (COOPECON_CMAKE_BUILD_DIR, setup.py), so the test compiles nothing and stays fast and offline."""

import os
import pathlib
import re
import shutil
import subprocess
import sys
import zipfile

import pytest

import coopecon
from conftest import SOURCE_DIR

# The package under test is <build>/python/coopecon in a CMake build tree (links, so not resolved).
BUILD_DIR = pathlib.Path(coopecon.__file__).parent.parent.parent.absolute()
CMAKE_VERSION = re.search(r"project\(coopecon\s+VERSION\s+([0-9.]+)",
                          (SOURCE_DIR / "CMakeLists.txt").read_text(encoding="utf-8")).group(1)


def test_the_version_is_the_cmake_projects():
    assert coopecon.__version__ == CMAKE_VERSION


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The files a Python build reads, copied out of the source tree (setuptools writes build/ and egg-info)."""
    assert (BUILD_DIR / "CMakeCache.txt").is_file(), f"the package under test is not in a CMake build tree: {BUILD_DIR}"
    root = tmp_path_factory.mktemp("project")
    for name in ["pyproject.toml", "setup.py", "CMakeLists.txt", "README.md"]:
        shutil.copy(SOURCE_DIR / name, root / name)
    shutil.copytree(SOURCE_DIR / "python" / "coopecon", root / "python" / "coopecon",
                    ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    return root


def environment():
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PIP_INDEX_URL")}
    env.update(COOPECON_CMAKE_BUILD_DIR=str(BUILD_DIR), PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
               PYTHONDONTWRITEBYTECODE="1")
    return env


def run(args, cwd):
    result = subprocess.run(args, cwd=cwd, env=environment(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_pip_installs_into_a_venv_and_the_package_imports_from_outside_the_tree(project, tmp_path):
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], cwd=tmp_path)
    python = str(venv / "bin" / "python")
    run([python, "-m", "pip", "install", "--no-build-isolation", str(project)], cwd=tmp_path)
    out = run([python, "-c", "import coopecon, importlib.metadata, pandas; "
                             "print(coopecon.__file__); print(importlib.metadata.version('coopecon')); "
                             "print(coopecon.__version__); print(len(coopecon.datasets.ca_mau_2023()))"],
              cwd=tmp_path)
    where, metadata_version, version, organizations = out.split()
    assert pathlib.Path(where).is_relative_to(venv)
    assert metadata_version == version == CMAKE_VERSION
    assert organizations == "1703"
    assert re.search(rf"^coopecon\s+{re.escape(CMAKE_VERSION)}$", run([python, "-m", "pip", "list"], cwd=tmp_path),
                     flags=re.MULTILINE)


def test_build_makes_a_wheel(project, tmp_path):
    run([sys.executable, "-m", "build", "--no-isolation", "--wheel", "--outdir", str(tmp_path), str(project)],
        cwd=tmp_path)
    (wheel,) = tmp_path.glob(f"coopecon-{CMAKE_VERSION}-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert any(re.fullmatch(r"coopecon/_core\..*\.so", n) for n in names)
    assert {"coopecon/__init__.py", "coopecon/py.typed", "coopecon/_core.pyi"} <= set(names)
    metadata = zipfile.ZipFile(wheel).read(f"coopecon-{CMAKE_VERSION}.dist-info/METADATA").decode()
    assert f"Version: {CMAKE_VERSION}" in metadata and "Requires-Dist: numpy" in metadata

