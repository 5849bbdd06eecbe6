#!/usr/bin/env python3
"""Checks that every relative link of README.md and docs/*.md, and every docs/*.md a source file names, points
at a file of the repository, so that moving or deleting a page cannot leave a dangling reference.

Prints every dangling link as file:line: target and exits 1 when there is one. Run from anywhere:
    /usr/bin/python3 scripts/check_doc_links.py
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LINK = re.compile(r'\]\(([^)#\s]+)(?:#[^)]*)?\)')
DOC_NAME = re.compile(r'(?<![\w/.-])docs/[\w.-]+\.md\b')
SOURCES = ["include", "src", "python", "scripts", "tests", "bench", "examples", "data", "CMakeLists.txt"]


def main() -> int:
    problems = []
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for page in pages:
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            for target in LINK.findall(line):
                if "://" in target or target.startswith("mailto:"):
                    continue
                if not (page.parent / target).exists():
                    problems.append(f"{page.relative_to(ROOT)}:{number}: {target}")
    files = []
    for name in SOURCES:
        path = ROOT / name
        files += [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    for path in files:
        if path.suffix not in {".hpp", ".cpp", ".py", ".pyi", ".txt", ".json", ".cmake", ".md"}:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            for target in DOC_NAME.findall(line):
                if not (ROOT / target).exists():
                    problems.append(f"{path.relative_to(ROOT)}:{number}: {target}")
    for p in problems:
        print(p)
    print(f"doc links: {len(pages)} pages and {len(files)} files read, {len(problems)} dangling")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
