"""The hand-written stubs of coopecon._core name exactly what the module has, and the package is typed."""

import ast
import pathlib

import coopecon
from coopecon import _core

PACKAGE = pathlib.Path(coopecon.__file__).parent


def stub_names():
    tree = ast.parse((PACKAGE / "_core.pyi").read_text(encoding="utf-8"))
    top, members = set(), {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            top.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            top.add(node.target.id)
        elif isinstance(node, ast.ClassDef):
            top.add(node.name)
            members[node.name] = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
    return top, members


def public(names):
    return {n for n in names if not n.startswith("_")}


def test_stubs_match_the_module():
    top, members = stub_names()
    assert top == public(dir(_core)) | {"__version__"}
    # pybind11 gives every class an __init__ (one that raises when there is no constructor), so it is checked by
    # constructing instead.
    special = {"__len__", "__contains__", "__getstate__", "__setstate__"}
    for cls, names in members.items():
        own = {n for n in vars(getattr(_core, cls)) if not n.startswith("_") or n in special}
        assert names - {"__init__"} == own, cls
    assert isinstance(_core.Registry(), _core.Registry)


def test_the_package_is_typed():
    assert (PACKAGE / "py.typed").is_file()
