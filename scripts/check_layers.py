#!/usr/bin/env python3
"""Checks that the folders are the layers (docs/contributing.md):

- a header or source of layer L includes coopecon headers of L and of the layers below it only;
- no public header includes Boost.JSON or the internal JSON layer, which only src/ may use;
- a public header of layer L declares its names in the namespace of L: `coopecon` for the vocabulary layers
  (core, model, history, registry), `coopecon::L` for the others, private code in a nested `detail`; a block of
  forward declarations of names of lower layers may open their namespace.

Prints every violation as file:line: message and exits 1 when there is one. Run from anywhere:
    /usr/bin/python3 scripts/check_layers.py
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LAYERS = ["core", "json", "model", "law", "history", "registry", "compliance", "operations",
          "indicators", "scoring", "simulation", "io"]
VOCABULARY = {"core", "model", "history", "registry"}
RANK = {name: i for i, name in enumerate(LAYERS)}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')
NAMESPACE = re.compile(r'^namespace\s+([A-Za-z_:]+(?:::inline\s+\w+)?)\s*\{')


def layer_of_include(target: str):
    """The layer an #include names: <coopecon/L/...> (public) or "L/..." (a private header under src/)."""
    parts = target.split("/")
    if parts[0] == "coopecon" and len(parts) > 2:
        return parts[1]
    if parts[0] in RANK and len(parts) > 1:
        return parts[0]
    return None


FORWARD = re.compile(r'^\s*(class|struct)\s+\w+;\s*$')


def only_forward_declarations(lines, start):
    """Whether the namespace block opened on lines[start] holds nothing but forward declarations."""
    for line in lines[start + 1:]:
        if line.startswith("}"):
            return True
        if line.strip() and not FORWARD.match(line):
            return False
    return False


def check_file(path: pathlib.Path, layer: str, public: bool, problems: list):
    rel = path.relative_to(ROOT)
    own = "coopecon" if layer in VOCABULARY else f"coopecon::{layer}"
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        m = INCLUDE.match(line)
        if m:
            target = m.group(1)
            used = layer_of_include(target)
            if used is not None and RANK[used] > RANK[layer]:
                problems.append(f"{rel}:{number}: layer {layer} includes {target} of the higher layer {used}")
            if public and (target.startswith("boost/json") or used == "json") and layer != "json":
                problems.append(f"{rel}:{number}: a public header includes {target}; JSON belongs in src/")
            continue
        m = NAMESPACE.match(line)
        if m and public:
            name = m.group(1)
            allowed = {own, own + "::detail", "detail"} | ({"coopecon::detail"} if layer in VOCABULARY else set())
            if name == "coopecon" and only_forward_declarations(lines, number - 1):
                continue
            if name not in allowed and not name.startswith(("boost", "std", "pybind11")):
                problems.append(f"{rel}:{number}: namespace {name} in layer {layer}; expected {own}")


def main() -> int:
    problems: list = []
    for base, public in ((ROOT / "include" / "coopecon", True), (ROOT / "src", False)):
        for layer in LAYERS:
            folder = base / layer
            if not folder.is_dir():
                continue
            for path in sorted(folder.rglob("*")):
                if path.suffix in (".hpp", ".cpp"):
                    check_file(path, layer, public and layer != "json", problems)
        stray = [p for p in base.iterdir() if p.is_dir() and p.name not in LAYERS and p.name != "cli"]
        problems += [f"{p.relative_to(ROOT)}: a folder that is not a layer" for p in stray]
    for p in problems:
        print(p)
    if not problems:
        print(f"layers: {len(LAYERS)} layers, every include and namespace in place")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
