"""Registry operations: the procedures of the Law on Cooperatives as all-or-nothing changes to a registry.

    >>> import coopecon
    >>> from coopecon import operations
    >>> registry = coopecon.load("examples/registry.json")
    >>> operations.dissolve_voluntarily(registry, "CM-HTX-0002", "2025-01-10", approval_percent=70,
    ...                                 completed_on="2025-03-01")          # the events recorded

Each operation appends the events the procedure consists of and returns them as a DataFrame (``organization``,
``created`` — True for the history of an organisation the operation formed —, ``date``, ``type``, ``event``,
the event's dict). A refused operation raises the coopecon error whose message names the organisation, event,
date, rule and legal basis, and leaves the registry exactly as it was. The rules, their articles and tests are
in docs/operations.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Sequence, Union

from . import _core
from .types import DateLike

if TYPE_CHECKING:
    import pandas

    from .registry import Registry

__all__ = [
    "dissolve_voluntarily", "cancel_dissolution", "complete_dissolution", "dissolve_compulsorily", "divide",
    "split_off", "consolidate", "merge", "convert_to_cooperative", "open_bankruptcy", "declare_bankruptcy",
    "distribute_assets", "Distribution",
]

#: A party to a reorganisation: an organisation id, or ``{"organization": id, "approval_percent": n}``.
PartyLike = Union[str, Mapping[str, Any]]

_RECORDED_COLUMNS = ["organization", "created", "date", "type", "event"]


def _frame(rows: list[dict[str, Any]]) -> "pandas.DataFrame":
    import pandas as pd

    return pd.DataFrame({
        "organization": pd.Series([r["organization"] for r in rows], dtype=object),
        "created": pd.Series([r["created"] for r in rows], dtype=bool),
        "date": pd.to_datetime(pd.Series([r["event"]["date"] for r in rows], dtype=object)),
        "type": pd.Series([r["event"]["type"] for r in rows], dtype=object),
        "event": pd.Series([r["event"] for r in rows], dtype=object),
    }, columns=_RECORDED_COLUMNS)


def _party(p: PartyLike) -> dict[str, Any]:
    if isinstance(p, str):
        return {"organization": p, "approval_percent": None}
    return {"approval_percent": None, **p}


def _new_organization(n: Mapping[str, Any]) -> dict[str, Any]:
    """An organisation a reorganisation forms: ``id``, ``registration_code``, ``name`` and optionally ``area``
    and ``sector`` (by default those of the first predecessor)."""
    return {"area": None, "sector": None, **n}


def _successor(s: Mapping[str, Any]) -> dict[str, Any]:
    """``{"id", "registration_code", "name", [area, sector], "share": 1, "members": [named member ids]}``."""
    s = dict(s)
    share = s.pop("share", 1)
    members = list(s.pop("members", []))
    return {"organization": _new_organization(s), "share": share, "members": members}


def dissolve_voluntarily(registry: "Registry", organization: str, resolved_on: DateLike, *,
                         approval_percent: Optional[int] = None, completed_on: Optional[DateLike] = None,
                         completed_by: str = "dossier") -> "pandas.DataFrame":
    """Voluntary dissolution (Law 17/2023/QH15 Art 98): the general assembly's resolution (65 % of the votes
    present from 2024-07-01, Art 61.2d) and, with `completed_on`, the termination on the dossier or
    (``completed_by="lapse"``) 6 months after the resolution (Art 98.7b)."""
    return _frame(_core.dissolve_voluntarily(registry._cpp, {
        "organization": organization, "resolved_on": resolved_on, "approval_percent": approval_percent,
        "completed_on": completed_on, "completed_by": completed_by}))


def cancel_dissolution(registry: "Registry", organization: str, on: DateLike) -> "pandas.DataFrame":
    """The general assembly cancels its dissolution resolution within 6 months (Decree 92/2024/NĐ-CP Art 50.6);
    the status before the dissolution returns."""
    return _frame(_core.cancel_dissolution(registry._cpp, organization, on))


def complete_dissolution(registry: "Registry", organization: str, on: DateLike, by: str = "dossier") -> "pandas.DataFrame":
    """A dissolution in progress ends in termination: ``by="dossier"`` or ``"lapse"`` (6 months after it began,
    Art 98.7b, 99.3)."""
    return _frame(_core.complete_dissolution(registry._cpp, organization, on, by))


def dissolve_compulsorily(registry: "Registry", organization: str, ordered_on: DateLike, *, basis: str = "revocation",
                          ground: Optional[str] = None, completed_on: Optional[DateLike] = None,
                          completed_by: str = "dossier") -> "pandas.DataFrame":
    """Compulsory dissolution (Art 97.1b, 99): ``basis="revocation"`` with a `ground` of Art 103.1,
    ``"court_decision"``, or ``"authority_decision"`` (the People's Committee, 2012 Law Art 54.2 only); with
    `completed_on`, the termination too."""
    return _frame(_core.dissolve_compulsorily(registry._cpp, {
        "organization": organization, "ordered_on": ordered_on, "basis": basis, "ground": ground,
        "completed_on": completed_on, "completed_by": completed_by}))


def divide(registry: "Registry", organization: PartyLike, successors: Sequence[Mapping[str, Any]], *, completed_on: DateLike,
           resolved_on: Optional[DateLike] = None) -> "pandas.DataFrame":
    """Division (chia, Art 92): the organisation ends and two or more new ones share its counted members,
    charter capital and indivisible fund by their ``share``; each named member goes to the successor that lists
    them. Each successor: ``{"id", "registration_code", "name", "share", "members"}``. With `resolved_on` the
    resolution (65 %) is recorded too."""
    return _frame(_core.divide(registry._cpp, {
        "organization": _party(organization), "resolved_on": resolved_on, "completed_on": completed_on,
        "successors": [_successor(s) for s in successors]}))


def split_off(registry: "Registry", organization: PartyLike, successors: Sequence[Mapping[str, Any]], *,
              completed_on: DateLike, retained_share: int = 1,
              resolved_on: Optional[DateLike] = None) -> "pandas.DataFrame":
    """Split-off (tách, Art 93): the organisation continues with `retained_share`; one or more new organisations
    take the rest; named members not listed by a successor stay."""
    return _frame(_core.split_off(registry._cpp, {
        "organization": _party(organization), "resolved_on": resolved_on, "completed_on": completed_on,
        "retained_share": retained_share, "successors": [_successor(s) for s in successors]}))


def consolidate(registry: "Registry", organizations: Iterable[PartyLike], successor: Mapping[str, Any], *,
                completed_on: DateLike, resolved_on: Optional[DateLike] = None) -> "pandas.DataFrame":
    """Consolidation (hợp nhất, Art 94): two or more organisations of one kind end and `successor`
    (``{"id", "registration_code", "name"}``) takes their members, charter capital and indivisible funds."""
    return _frame(_core.consolidate(registry._cpp, {
        "organizations": [_party(p) for p in organizations], "resolved_on": resolved_on,
        "completed_on": completed_on, "successor": _new_organization(successor)}))


def merge(registry: "Registry", receiving: PartyLike, absorbed: Iterable[PartyLike], *, completed_on: DateLike,
          resolved_on: Optional[DateLike] = None) -> "pandas.DataFrame":
    """Merger (sáp nhập, Art 95): the absorbed organisations end; `receiving` continues with their members,
    charter capital and indivisible funds."""
    return _frame(_core.merge(registry._cpp, {
        "receiving": _party(receiving), "absorbed": [_party(p) for p in absorbed], "resolved_on": resolved_on,
        "completed_on": completed_on}))


def convert_to_cooperative(registry: "Registry", organization: str, on: DateLike, consenting_members: int) -> "pandas.DataFrame":
    """A cooperative group becomes a cooperative keeping its id and code (Art 108): from 2024-07-01, at least
    12 months after its registration (Art 108.1b), with every member agreeing (Art 108.1c)."""
    return _frame(_core.convert_to_cooperative(registry._cpp, {
        "organization": organization, "converted_on": on, "consenting_members": consenting_members}))


def open_bankruptcy(registry: "Registry", organization: str, opened_on: DateLike, *,
                    declared_on: Optional[DateLike] = None) -> "pandas.DataFrame":
    """The court opens bankruptcy proceedings (Art 102) and, with `declared_on`, declares it bankrupt."""
    return _frame(_core.open_bankruptcy(registry._cpp, {
        "organization": organization, "opened_on": opened_on, "declared_on": declared_on}))


def declare_bankruptcy(registry: "Registry", organization: str, on: DateLike) -> "pandas.DataFrame":
    """The court declares the organisation bankrupt: it is terminated (Art 102)."""
    return _frame(_core.declare_bankruptcy(registry._cpp, organization, on))


@dataclass(frozen=True)
class Distribution:
    """How a dissolved organisation's assets are paid out (Law 17/2023/QH15 Art 101).

    ``classes``: one row per priority class in the order paid (``priority``, ``claimed``, ``paid``,
    ``shortfall``); ``claims``: one row per claim as given (``priority``, ``creditor``, ``claimed``, ``paid``);
    ``members``: one row per member (``member``, ``kind``, ``capital``, ``paid``)."""

    classes: "pandas.DataFrame"
    claims: "pandas.DataFrame"
    members: "pandas.DataFrame"
    to_members: int
    to_state: int
    unallocated: int
    shortfall: int
    legal_basis: str


_CLAIM_CLASSES = ("dissolution_costs", "worker_entitlements", "taxes", "other_debts")


def distribute_assets(organization: str, assets: int, claims: Iterable[Mapping[str, Any]] = (),
                      members: Iterable[Mapping[str, Any]] = (), *, state_supported: int = 0) -> Distribution:
    """Pays `assets` (đồng) in the order of Art 101: (a) dissolution costs, (b) workers' wages, severance and
    insurance, (c) taxes, (d) other debts — a class that cannot be paid in full is paid pro rata —, then the
    remainder to official and capital-contributing associate members by capital. `state_supported` (indivisible
    assets formed from State support) goes to the State. Each claim: ``{"priority", "creditor", "amount"}``;
    each member: ``{"member", "kind", "capital"}``."""
    import pandas as pd

    d = _core.distribute_assets({"organization": organization, "assets": assets, "state_supported": state_supported,
                                 "claims": list(claims), "members": list(members)})

    def table(rows: list[Any], columns: list[str], categorical: Mapping[str, Sequence[str]]) -> "pandas.DataFrame":
        frame = pd.DataFrame(rows, columns=columns)
        for column, categories in categorical.items():
            frame[column] = pd.Categorical(frame[column], categories=categories)
        for column in columns:
            if column not in categorical and column not in ("creditor", "member"):
                frame[column] = frame[column].astype("int64")
        return frame

    return Distribution(
        classes=table(d["classes"], ["priority", "claimed", "paid", "shortfall"], {"priority": _CLAIM_CLASSES}),
        claims=table(d["claims"], ["priority", "creditor", "claimed", "paid"], {"priority": _CLAIM_CLASSES}),
        members=table(d["members"], ["member", "kind", "capital", "paid"],
                      {"kind": ("official", "capital_associate", "non_capital_associate")}),
        to_members=d["to_members"], to_state=d["to_state"], unallocated=d["unallocated"], shortfall=d["shortfall"],
        legal_basis=d["legal_basis"])
