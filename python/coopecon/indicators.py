"""Indicators and tables as pandas DataFrames.

    >>> import coopecon
    >>> coopecon.indicators.catalogue()                      # metadata of the standard indicators
    >>> coopecon.report(registry, "2023-08-31", by="province").tables["status"]
    >>> coopecon.indicators.compute(registry, ["cooperatives", {"id": "large", "expression": {...}}],
    ...                             start="2023-01-01", end="2023-08-31", by=["kind"])

A user-defined indicator is a dict (the JSON spec of docs/indicators.md), parsed by the C++ library into the
same definition as the catalogue's, so a mistake is reported with its field path
(``expression.share.part.kind[1]: unknown kind 'coop'…``) as a :class:`coopecon.Error`.

Table frames have, per grouping key, a column of codes (``kind``: ``cooperative``…) and one of labels
(``kind_label``) in the chosen language, one column per indicator named by its id, and a ``total`` flag on
totals rows. ``frame.attrs["labels"]`` maps each indicator id to its label, ``frame.attrs["units"]`` to its unit.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from . import _core
from .types import DateLike

__all__ = ["catalogue", "spec", "compute", "report", "Report"]

IndicatorLike = Union[str, Mapping[str, Any]]


def catalogue() -> "pandas.DataFrame":
    """The standard indicators' metadata: id, English and Vietnamese labels, unit, decimals, definition, the
    practice it follows (statistics office, ministry, ILO guidelines, law, scoring), reference, provisional."""
    import pandas as pd

    return pd.DataFrame(_core.indicator_catalogue()).set_index("id")


def spec(definition: Mapping[str, Any]) -> dict:
    """Checks a user-defined indicator; returns its metadata or raises with every problem's field path."""
    return _core.indicator_spec(_to_json(definition))


def _to_json(definition: Mapping[str, Any]) -> str:
    return json.dumps(definition, ensure_ascii=False, default=str)


def _items(indicators: Iterable[IndicatorLike]) -> list:
    return [item if isinstance(item, str) else {"json": _to_json(item)} for item in indicators]


def _keys(by: Union[None, str, Sequence[str]]) -> list:
    if by is None:
        return []
    return [by] if isinstance(by, str) else list(by)


def _frame(table: dict, lang: str) -> "pandas.DataFrame":
    import pandas as pd

    data = {}
    for key in table["keys"]:
        data[key["id"]] = key["codes"]
        data[key["id"] + "_label"] = key["labels_" + lang]
    for value in table["values"]:
        data[value["id"]] = value["values"]
    data["total"] = table["totals"]
    frame = pd.DataFrame(data)
    frame.attrs["title"] = table["title_" + lang]
    frame.attrs["labels"] = {v["id"]: v["label_" + lang] for v in table["values"]}
    frame.attrs["units"] = {v["id"]: v["unit"] for v in table["values"]}
    return frame


def compute(registry, indicators: Iterable[IndicatorLike], start: DateLike, end: DateLike,
            by: Union[None, str, Sequence[str]] = None, *, units_as_of: Optional[DateLike] = None,
            period: Optional[str] = None, totals: bool = True, lang: str = "en") -> "pandas.DataFrame":
    """Indicators (catalogue ids or spec dicts) over the period [start, end], grouped by province, district,
    commune, kind, sector, status or size; with ``period`` ("month", "quarter", "year") a series of calendar
    periods from start to end, a ``period`` column first. Areas are reported in the units valid on
    ``units_as_of`` (default: the end)."""
    table = _core.compute_indicators(registry._cpp, _items(indicators), start, end, _keys(by),
                                     units_as_of, period, totals)
    return _frame(table, lang)


@dataclass
class Report:
    """The standard report: ``headline`` (by kind) and ``tables`` by id (status, members, change, results,
    classification, certification, and series when a period was given), as DataFrames; ``text`` is the
    report as the CLI prints it in the chosen format."""

    as_of: datetime.date
    start: datetime.date
    units_as_of: datetime.date
    synthetic: bool
    headline: "pandas.DataFrame"
    tables: dict = field(default_factory=dict)
    text: str = ""


def report(registry, as_of: Optional[DateLike] = None, by: Union[str, Sequence[str]] = "kind", *,
           start: Optional[DateLike] = None, period: Optional[str] = None, units_as_of: Optional[DateLike] = None,
           format: str = "text", lang: str = "en") -> Report:
    """The standard report of ``registry`` as of a date (default: the registry's own as-of date), its change
    table over [start, as_of] (default start: 1 January of that year)."""
    result = _core.indicator_report(registry._cpp, as_of, start, _keys(by), period, units_as_of, format, lang)
    return Report(
        as_of=result["as_of"],
        start=result["start"],
        units_as_of=result["units_as_of"],
        synthetic=result["synthetic"],
        headline=_frame(result["headline"], lang),
        tables={t["id"]: _frame(t, lang) for t in result["tables"]},
        text=result["rendered"],
    )
