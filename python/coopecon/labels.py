"""Names and labels of enumerations.

Enumerated values (kinds, statuses, sectors, event types …) are plain strings in Python, spelled as in C++ and
in the JSON formats: ``"active"``, ``"cooperative"``. These functions give each enumeration's names, in value
order (the order of pandas categories), and the English or official Vietnamese label of a name.
"""

from __future__ import annotations

from typing import Optional

from . import _core

__all__ = ["enumerations", "names", "label", "labels"]


def enumerations() -> tuple[str, ...]:
    """The enumerations whose values appear as names: ``("LegalStatus", "OrgKind", "Sector", …)``."""
    return _core.enumerations()


def names(enum: str) -> tuple[str, ...]:
    """The names of `enum` (e.g. ``"LegalStatus"``) in value order."""
    return _core.names(enum)


def label(name: str, lang: str = "vi", *, enum: Optional[str] = None, kind: Optional[str] = None) -> str:
    """The label of an enumerator name in ``"vi"`` (official Vietnamese term) or ``"en"``.

    Without `enum`, the labelled enumerations are searched in the order LegalStatus, OrgKind, Sector, MemberKind,
    MemberType, EventType, Ending, so ``label("suspended")`` is the status. `kind` words a status as the decree
    does for that kind of organisation: ``label("in_dissolution", kind="cooperative_group")``.
    """
    return _core.label(name, lang, enum=enum, kind=kind)


def labels(enum: str, lang: str = "vi") -> dict[str, str]:
    """Every name of a labelled enumeration with its label, e.g. to rename pandas categories."""
    return _core.labels(enum, lang)
