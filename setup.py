"""Builds coopecon._core with CMake for setuptools (pyproject.toml has the rest of the package's metadata).

The module is configured and built in setuptools' build folder, with the interpreter that runs the build, and
copied where setuptools puts extensions. COOPECON_CMAKE_BUILD_DIR names an already configured build tree
(for example build/release) whose _core is built and taken instead, which saves compiling the library again.
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


def cmake_version() -> str:
    """The version of CMakeLists.txt's project(), the one version of the library, CLI and package."""
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"project\(coopecon\s+VERSION\s+([0-9.]+)", text).group(1)


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        given = os.environ.get("COOPECON_CMAKE_BUILD_DIR")
        build = pathlib.Path(given).resolve() if given else pathlib.Path(self.build_temp).resolve() / "cmake"
        if not given:
            subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                            f"-DPython_EXECUTABLE={sys.executable}", "-DCOOPECON_BUILD_PYTHON=ON",
                            "-DCOOPECON_BUILD_TESTS=OFF", "-DCOOPECON_BUILD_CLI=OFF"], check=True)
        subprocess.run(["cmake", "--build", str(build), "--target", "_core", "--parallel",
                        os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", "2")], check=True)
        built = sorted((build / "python" / "coopecon").glob("_core.*.so"))
        if not built:
            raise RuntimeError(f"CMake built no _core module in {build / 'python' / 'coopecon'}")
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)


setup(version=cmake_version(), ext_modules=[Extension("coopecon._core", sources=[])],
      cmdclass={"build_ext": CMakeBuild})
