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
import html
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Sequence, Union

from . import _core, areas
from .errors import make_error
from .labels import labels as labels_of
from .labels import names
from .types import DateLike

if TYPE_CHECKING:
    import pandas

    from .registry import Registry

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


#: The enumeration behind a grouping key, whose names are the key's complete categories.
_KEY_ENUMS = {"kind": "OrgKind", "status": "LegalStatus", "sector": "Sector"}
_TOTAL = "total"
#: Rows that total a grouping key: "total", and in a report's tables by kind the row of cooperatives and unions
#: that stands in its place (groups and cooperatives are not added up).
_TOTALS = (_TOTAL, "cooperatives_and_unions")


def _period(code: str) -> "pandas.Period":
    """A period id ("2023", "2023-Q1", "2023-01") as a pandas Period of a year, quarter or month."""
    import pandas as pd

    if "-Q" in code:
        return pd.Period(code.replace("-", ""), freq="Q")
    return pd.Period(code, freq="M" if "-" in code else "Y")


def _categories(key_id: str, codes: list) -> list:
    """A key's categories: every name of its enumeration, or the codes in table order; "total" last."""
    seen = list(dict.fromkeys(c for c in codes if c not in (_TOTAL, "")))  # "": rows with no value of the key
    if key_id in _KEY_ENUMS:
        complete = list(names(_KEY_ENUMS[key_id]))
        seen = complete + [c for c in seen if c not in complete]
    return seen + [_TOTAL]


def _frame(table: dict, lang: str, empty_groups: bool = False) -> "pandas.DataFrame":
    """A table as a DataFrame: categorical keys (with their labels), a pandas Period for ``period``, one column
    per indicator, and ``total`` on the rows that total a grouping key.

    Empty groups — every count 0 and every ratio without a denominator — are left out unless `empty_groups`;
    then every category of each key (all kinds, statuses, sectors; the areas and periods seen) gets a row.
    """
    import numpy as np
    import pandas as pd

    keys = table["keys"]
    data: dict[str, Any] = {}
    for key in keys:
        if key["id"] == "period":
            data["period"] = pd.PeriodIndex([_period(c) for c in key["codes"]]) if key["codes"] else \
                pd.PeriodIndex([], freq="M")
        else:
            data[key["id"]] = pd.Categorical(key["codes"], categories=_categories(key["id"], key["codes"]))
        data[key["id"] + "_label"] = key["labels_" + lang]
        if key["id"] in areas.LEVELS:  # units that share a name (Cà Mau before and after 2025) told apart
            names_of = areas.labels(lang)
            data[key["id"] + "_label"] = [names_of.get(c, l) for c, l in zip(key["codes"], key["labels_" + lang])]
    for value in table["values"]:
        data[value["id"]] = value["values"]
    grouped = [k for k in keys if k["id"] != "period"]
    total = np.zeros(len(table["totals"]), dtype=bool)
    for key in grouped:
        total |= np.isin(np.asarray(key["codes"], dtype=object), _TOTALS)
    data["total"] = total
    frame = pd.DataFrame(data)
    values = [v["id"] for v in table["values"]]
    if empty_groups and grouped:
        frame = _with_every_group(frame, keys, table["values"], lang)
    elif values:
        integral = [v["id"] for v in table["values"] if v["values"].dtype.kind == "i"]
        reals = [v for v in values if v not in integral]
        empty = (frame[integral] == 0).all(axis=1) & frame[reals].isna().all(axis=1) & ~frame["total"]
        frame = frame[~empty].reset_index(drop=True)
    frame.attrs["title"] = table["title_" + lang]
    frame.attrs["labels"] = {v["id"]: v["label_" + lang] for v in table["values"]}
    frame.attrs["units"] = {v["id"]: v["unit"] for v in table["values"]}
    return frame


def _with_every_group(frame: "pandas.DataFrame", keys: list, values: list, lang: str) -> "pandas.DataFrame":
    """`frame` with a row for every combination of its keys' categories (within each period), counts 0 and
    ratios NaN where the table had none, in the categories' order; the totals rows after them."""
    import pandas as pd

    key_ids = [k["id"] for k in keys]
    levels, labels = [], {}
    for key_id in key_ids:
        labels[key_id] = dict(zip(frame[key_id], frame[key_id + "_label"]))
        if key_id == "period":
            levels.append(list(dict.fromkeys(frame["period"])))
        else:
            levels.append([c for c in frame[key_id].cat.categories if c not in _TOTALS])
            if key_id in _KEY_ENUMS:
                labels[key_id] = {**labels_of(_KEY_ENUMS[key_id], lang), **labels[key_id]}
    body = frame[~frame["total"]].astype({k: object for k in key_ids if k != "period"}).set_index(key_ids)
    every = pd.MultiIndex.from_product(levels, names=key_ids) if len(key_ids) > 1 else \
        pd.Index(levels[0], name=key_ids[0])
    full = body.reindex(every).reset_index()
    for value in values:
        if value["values"].dtype.kind == "i":
            full[value["id"]] = full[value["id"]].fillna(0).astype("int64")
    for key_id in key_ids:
        if key_id != "period":
            full[key_id] = pd.Categorical(full[key_id], categories=frame[key_id].cat.categories)
        full[key_id + "_label"] = [labels[key_id].get(c, str(c)) for c in full[key_id]]
    full["total"] = False
    full = pd.concat([full[frame.columns], frame[frame["total"]]], ignore_index=True)
    if key_ids[0] == "period":  # a series: each period's rows together, its totals last
        full = full.sort_values("period", kind="stable").reset_index(drop=True)
    return full


def compute(registry: "Registry", indicators: Iterable[IndicatorLike], start: DateLike, end: DateLike,
            by: Union[None, str, Sequence[str]] = None, *, units_as_of: Optional[DateLike] = None,
            period: Optional[str] = None, totals: bool = True, empty_groups: bool = False,
            lang: str = "en", threads: Optional[int] = None) -> "pandas.DataFrame":
    """Indicators (catalogue ids or spec dicts) over the period [start, end], grouped by province, district,
    commune, region, kind, sector, status or size; with ``period`` ("month", "quarter", "year") a series of
    calendar periods from start to end, a ``period`` column (pandas Period) first. Areas are reported in the
    units valid on ``units_as_of`` (default: the end). Groups with nothing in them are left out unless
    ``empty_groups``; the keys are categoricals, so ``groupby(..., observed=False)`` still sees them. The
    organisations are replayed in parts on ``threads`` threads (default: one per core); the table is the same on
    any number.

        >>> coopecon.indicators.compute(registry, ["cooperatives"], "2023-01-01", "2023-12-31",
        ...                             by="district", period="quarter")
    """
    table = _core.compute_indicators(registry._cpp, _items(indicators), start, end, _keys(by),
                                     units_as_of, period, totals, threads)
    return _frame(table, lang, empty_groups)


@dataclass(repr=False)
class Report:
    """The standard report: ``headline`` (by kind) and ``tables`` by id (status, members, change, results,
    classification, certification, and series when a period was given), as DataFrames; ``text`` is the
    report as the CLI prints it in the chosen format; ``to_html()`` is the page of ``--format html``, which
    notebooks show. Its ``repr`` is one line."""

    as_of: datetime.date
    start: datetime.date
    units_as_of: datetime.date
    synthetic: bool
    headline: "pandas.DataFrame"
    tables: dict = field(default_factory=dict)
    text: str = ""
    _lang: str = field(default="en", repr=False)
    _pages: dict = field(default_factory=dict, repr=False, compare=False)

    def to_html(self, lang: Optional[str] = None) -> str:
        """The report as one HTML page that loads nothing from outside: headline figures, charts as inline SVG,
        then every table, in English ("en") or Vietnamese ("vi"); default: the language of the report."""
        lang = self._lang if lang is None else lang
        if lang not in self._pages:
            raise make_error("unknown_name", f"unknown language '{lang}'; expected en or vi")
        return self._pages[lang]

    def _repr_html_(self) -> str:
        # In a frame of its own, so that the page's stylesheet does not restyle the notebook around it.
        page = html.escape(self.to_html(), quote=True)
        return (f'<iframe srcdoc="{page}" title="{html.escape(self.headline.attrs.get("title", ""))}" '
                'style="width: 100%; height: 720px; border: 1px solid #d7dde3;"></iframe>')

    def _summary(self) -> str:
        kind = "synthetic data" if self.synthetic else "data"
        return (f"as of {self.as_of.isoformat()} (changes from {self.start.isoformat()}, areas of "
                f"{self.units_as_of.isoformat()}), {kind}")

    def __repr__(self) -> str:
        tables = ", ".join(f"{name} {len(t)}×{t.shape[1]}" for name, t in self.tables.items())
        return f"<coopecon.Report {self._summary()}: tables {tables}>"


def report(registry: "Registry", as_of: Optional[DateLike] = None, by: Union[str, Sequence[str]] = "kind", *,
           start: Optional[DateLike] = None, period: Optional[str] = None, units_as_of: Optional[DateLike] = None,
           empty_groups: bool = False, format: str = "text", lang: str = "en",
           threads: Optional[int] = None) -> Report:
    """The standard report of ``registry`` as of a date (default: the registry's own as-of date), its change
    table over [start, as_of] (default start: 1 January of that year). Tables are as :func:`compute` gives
    them, on ``threads`` threads as it does.

        >>> coopecon.report(registry, "2023-08-31", by="district").tables["status"]
    """
    result = _core.indicator_report(registry._cpp, as_of, start, _keys(by), period, units_as_of, format, lang,
                                  threads)
    return Report(
        as_of=result["as_of"],
        start=result["start"],
        units_as_of=result["units_as_of"],
        synthetic=result["synthetic"],
        headline=_frame(result["headline"], lang, empty_groups),
        tables={t["id"]: _frame(t, lang, empty_groups) for t in result["tables"]},
        text=result["rendered"],
        _lang=lang,
        _pages=result["html"],
    )
