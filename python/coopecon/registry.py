"""The registry: organisations with their append-only event logs, under Vietnam's law and administrative areas.

Values go in and come out shaped as in the registry file (docs/registry-format.md): an organisation is a dict
with ``id``, ``registration_code``, ``name``, ``kind``, ``area``, ``sector``, ``members`` and ``events``; an
event is a dict with ``date``, ``type`` and that type's keys. Dates are ``datetime.date`` (ISO text is accepted
where a date goes in); enumerated values are their names. Input is read by the same reader as files, so a
mistake is reported with its field path (``organizations[0].events[1].date``) as a :class:`coopecon.Error`.

Every change is all-or-nothing, and every call that works on the registry releases the GIL: reads from several
threads run in parallel, and a change waits for them.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Optional, Sequence, Tuple, Union

from . import _core
from .types import DateLike, DatesLike, PathLike
from .snapshot import Snapshot

if TYPE_CHECKING:
    from .law import Framework

__all__ = ["Registry", "load", "loads"]



def _law(framework: Optional["Framework"]) -> Optional[_core.Framework]:
    return None if framework is None else framework._cpp


class Registry:
    """Organisations and their event logs. ``Registry()`` is empty, under Vietnam's law and areas;
    ``Registry(framework=...)`` judges histories under another framework (coopecon.Framework)."""

    def __init__(self, framework: Optional["Framework"] = None) -> None:
        self._cpp = _core.Registry(_law(framework))

    @classmethod
    def _wrap(cls, cpp: _core.Registry) -> "Registry":
        registry = cls.__new__(cls)
        registry._cpp = cpp
        return registry

    # ---- files ------------------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: PathLike, framework: Optional["Framework"] = None) -> "Registry":
        """Reads a registry in any of its forms, told apart by the file's first bytes: the registry file (every
        problem in it is reported at once, with line and column), its binary form, a SQLite database, or, for a
        name ending in .csv, a CSV export read strictly (docs/registry-format.md). Histories are judged under
        `framework` (default: Vietnam's)."""
        return cls._wrap(_core.Registry.load(path, _law(framework)))

    @classmethod
    def loads(cls, text: str, file_name: str = "<string>", framework: Optional["Framework"] = None) -> "Registry":
        """Reads a registry file's text; `file_name` names it in errors."""
        return cls._wrap(_core.Registry.loads(text, file_name, _law(framework)))

    def save(self, path: PathLike) -> None:
        """Writes the registry file; an existing file is replaced only once the new one is complete."""
        self._cpp.save(path)

    def dumps(self) -> str:
        """The registry file's text, byte for byte what the C++ library and the CLI write."""
        return self._cpp.dumps()

    # ---- changes (all-or-nothing) -----------------------------------------------------------------------

    def add(self, organizations: Union[Mapping[str, Any], Sequence[Mapping[str, Any]]]) -> None:
        """Adds an organisation, or a list of them, with members and events. Problems are reported with the
        paths ``organizations[i]…`` of the list (a single dict is ``organizations[0]``)."""
        self._cpp.add(organizations)

    def append(self, organization: str, event: Mapping[str, Any]) -> None:
        """Appends an event, validated against the organisation's state at its date and every later event."""
        self._cpp.append(organization, event)

    def append_many(self, entries: Iterable[Tuple[str, Mapping[str, Any]]]) -> None:
        """Appends (organization id, event) pairs together: all are recorded or none. Problems name an entry
        by its position, ``[k]``."""
        self._cpp.append_many(entries if isinstance(entries, (list, tuple)) else list(entries))

    def add_member(self, organization: str, member: Mapping[str, Any]) -> None:
        """Adds a named member (``id``, ``name``, ``type``, ``foreign_investor``, optional ``organization``)
        to the member list; admitting them is a ``member_joined`` event."""
        self._cpp.add_member(organization, member)

    # ---- reads ------------------------------------------------------------------------------------------

    def state_at(self, organization: str, date: DateLike) -> dict[str, Any]:
        """The organisation's state at the end of `date`: status, kind, members by kind and type, capital,
        latest financial year … Before its registration, ``registered`` is False and ``status`` None."""
        return self._cpp.state_at(organization, date)

    def explain(self, organization: str, date: Optional[DateLike] = None, *, across_law_change: str = "by_rule",
                lang: str = "en") -> dict[str, Any]:
        """Why the organisation has the findings it has at the end of `date` (default: :attr:`data_as_of`):
        ``history`` (its status changes and their causes), ``findings`` (each with the ``events`` of the day its
        condition arose, ``counted_from``, ``period_last_day``, ``threshold`` and the ``parameters`` in force
        with their values and articles), and ``text``, the same as ``coopecon explain`` prints."""
        return _core.explain(self._cpp, organization, date, across_law_change, lang)

    @property
    def data_as_of(self) -> datetime.date:
        """The date the data run to: ``info["as_of"]``, else the latest event's date. ``check``, ``report`` and
        ``explain`` judge the registry at it when no date is given."""
        return self._cpp.data_as_of

    def events(self, organization: str) -> list[dict[str, Any]]:
        """The organisation's events in date order, as dicts that :meth:`append` accepts."""
        return self._cpp.events(organization)

    def organization(self, organization: str) -> dict[str, Any]:
        """The organisation's identity (``id``, ``registration_code``, ``name``, ``kind``, ``area``, ``sector``,
        ``history_from``, ``data_until``), ``kind_at_registration`` and its ``members``. ``kind`` is the kind
        after its recorded events (a group converted into a cooperative is a ``cooperative``);
        ``kind_at_registration`` is the kind it was registered as, the ``kind`` of a registry file. :meth:`add`
        takes this dict back: ``kind_at_registration`` is then the kind registered, and ``kind`` must be what the
        events make of it."""
        return self._cpp.organization(organization)

    def snapshot(self, date: DateLike, *, threads: Optional[int] = None) -> Snapshot:
        """Every organisation's state at the end of `date`, as columns. The histories are replayed in parts on
        `threads` threads (default: one per core); the snapshot is the same on any number.

            >>> frame = registry.snapshot("2023-08-31").to_pandas()
            >>> frame.groupby(["kind", "status"], observed=True).size()
        """
        return Snapshot(self._cpp.snapshot(date, threads))

    def snapshots(self, dates: DatesLike, *, threads: Optional[int] = None) -> list[Snapshot]:
        """Snapshots at strictly increasing dates (ends of periods, say), from one replay of each history:
        faster than one :meth:`snapshot` per date. `dates` may be a list, a ``pandas.DatetimeIndex`` or a numpy
        datetime64 array. Replayed on `threads` threads as :meth:`snapshot` is.

            >>> registry.snapshots(pd.date_range("2023-01-01", "2023-12-31", freq="Q"))
        """
        return [Snapshot(cpp) for cpp in self._cpp.snapshots(list(dates), threads)]

    def ids(self) -> list[str]:
        """Organisation ids in registry order, which is the row order of snapshots."""
        return self._cpp.ids()

    @property
    def event_count(self) -> int:
        return self._cpp.event_count

    @property
    def framework(self) -> "Framework":
        """The legal framework the histories are judged under."""
        from .law import Framework

        return Framework(self._cpp.framework)

    @property
    def info(self) -> dict[str, Any]:
        """``title``, ``source``, ``synthetic``, ``as_of`` (the last day the data cover, or None) and
        ``history_from`` (every event from this day on is recorded, earlier ones may be missing; None: the
        histories are complete from registration), ``title_vi`` and ``source_vi`` (the same in Vietnamese, or
        None). docs/registry-format.md."""
        return self._cpp.info

    @info.setter
    def info(self, value: Mapping[str, Any]) -> None:
        self._cpp.info = dict(value)

    def __len__(self) -> int:
        return len(self._cpp)

    def __contains__(self, organization: object) -> bool:
        return isinstance(organization, str) and organization in self._cpp

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids())

    def __repr__(self) -> str:
        return f"<coopecon.Registry: {len(self)} organizations, {self.event_count} events>"


def load(path: PathLike, framework: Optional["Framework"] = None) -> Registry:
    """Reads a registry file, its binary form, a SQLite database or a CSV export (see :meth:`Registry.load`).

        >>> registry = coopecon.load("examples/registry.json")
        >>> registry.state_at("CM-HTX-0001", "2024-12-31")["status"]
        'active'
    """
    return Registry.load(path, framework)


def loads(text: str, file_name: str = "<string>", framework: Optional["Framework"] = None) -> Registry:
    """Reads a registry file's text (see :meth:`Registry.loads`)."""
    return Registry.loads(text, file_name, framework)
