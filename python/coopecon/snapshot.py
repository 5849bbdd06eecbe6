"""Snapshots: the state of every organisation of a registry at the end of one date, column by column.

Row i is the organisation ``ids[i]``. :attr:`Snapshot.columns` are read-only numpy views on the C++ columns,
made without copying: enumerated values as their integer codes (the positions of their names in
:func:`coopecon.names`), dates as days since 1970-01-01 with :data:`NO_DATE` when there is none, areas as
indexes into :attr:`Snapshot.area_codes`, money in đồng. :meth:`Snapshot.to_pandas` labels all of that.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from .errors import make_error
from .labels import enumerations, names

if TYPE_CHECKING:
    import pandas

__all__ = ["Snapshot", "NO_DATE"]

#: The day count of a date that did not happen, in date columns.
NO_DATE: int = _core.NO_DATE

_NAT = np.iinfo(np.int64).min  # numpy's NaT, as an int64


#: Columns that hold what an organisation is, known before its registration too.
_IDENTITY_COLUMNS = frozenset({"kind", "sector", "area"})
#: Year columns that hold 0 when there is no such year yet.
_YEAR_COLUMNS = ("financial_year", "assessment_year", "sanction_year")
#: The results of the latest closed financial year, which mean nothing before the first one.
_FINANCIAL_YEAR_RESULTS = ("revenue", "costs", "pre_tax_profit", "internal_revenue", "workers", "wages")


def _datetimes(days: np.ndarray) -> np.ndarray:
    """Day counts as datetime64[D], with NaT for NO_DATE."""
    wide = days.astype(np.int64)
    wide[days == NO_DATE] = _NAT
    return wide.view("datetime64[D]")


class Snapshot:
    """The state of every organisation at the end of :attr:`as_of`. Made by :meth:`coopecon.Registry.snapshot`."""

    def __init__(self, cpp: _core.Snapshot) -> None:
        self._cpp = cpp

    @property
    def as_of(self) -> datetime.date:
        return self._cpp.as_of

    @property
    def columns(self) -> dict[str, np.ndarray]:
        """Column name → read-only numpy array sharing the snapshot's memory (its base keeps it alive)."""
        return self._cpp.columns

    @property
    def ids(self) -> list[str]:
        """The organisation id of each row."""
        return self._cpp.ids

    @property
    def area_codes(self) -> list[str]:
        """The area code of each value of the ``area`` column."""
        return self._cpp.area_codes

    @staticmethod
    def roles() -> dict[str, str]:
        """What each column holds: an enumeration name, ``"area"``, ``"date"``, ``"flag"``, ``"bits"``,
        ``"money"`` or ``"number"``."""
        return dict(_core.snapshot_columns)

    def __len__(self) -> int:
        return len(self._cpp)

    def __repr__(self) -> str:
        return f"<coopecon.Snapshot as of {self.as_of.isoformat()}: {len(self)} organizations>"

    def to_pandas(self) -> "pandas.DataFrame":
        """A DataFrame indexed by organisation id, with honest missing values.

        ``registered`` is True once the organisation is registered (on or before :attr:`as_of`); ``existing``
        is True when it is registered and not terminated, as the indicators count "existing" (hiện có). Before
        its registration an organisation has no state: its status and every other state column are missing
        (categorical NaN, ``<NA>``, ``NaT``); only ``kind``, ``sector`` and ``area`` are known. A year that
        has not happened yet (no closed financial year, never assessed, never sanctioned) is ``<NA>``, and so
        are the assessment's scheme and points, and the year's results (revenue … wages).

        Enumerations and areas are categoricals of their names and codes, dates datetime64 (NaT when absent),
        flags the nullable ``boolean``, numbers nullable ``Int32`` and money nullable ``Int64`` (đồng). The
        categories are complete (every status, every area of the registry's catalogue), so frames of
        different dates concatenate; group with ``observed=True`` to leave out empty ones.

            >>> frame = registry.snapshot("2023-08-31").to_pandas()
            >>> frame[frame["existing"]].groupby(["kind", "status"], observed=True).size()
        """
        import pandas as pd

        enums = set(enumerations())
        columns = self.columns
        registered = columns["exists"].astype(bool)
        unregistered = ~registered
        terminated = names("LegalStatus").index("terminated")
        data: dict[str, Any] = {
            "registered": registered,
            "existing": registered & (columns["status"] != terminated),
        }
        # Years that are 0 when nothing happened, and the columns that mean nothing without them.
        never = {year: columns[year] == 0 for year in _YEAR_COLUMNS}
        never["assessment_scheme"] = never["assessment_points"] = never["assessment_year"]
        for result in _FINANCIAL_YEAR_RESULTS:
            never[result] = never["financial_year"]
        for name, column in columns.items():
            if name == "exists":
                continue
            role = _core.snapshot_columns[name]
            missing = unregistered if name not in _IDENTITY_COLUMNS else np.zeros(len(column), dtype=bool)
            if name in never:
                missing = missing | never[name]
            if role in enums:
                codes = np.where(missing, -1, column)
                data[name] = pd.Categorical.from_codes(codes, categories=names(role))
            elif role == "area":
                data[name] = pd.Categorical.from_codes(column, categories=self.area_codes)
            elif role == "flag":
                data[name] = pd.arrays.BooleanArray(column.astype(bool), missing)
            elif role == "date":
                data[name] = _datetimes(np.where(missing, NO_DATE, column))
            elif role == "money":
                data[name] = pd.arrays.IntegerArray(column.astype(np.int64), missing)
            elif role == "bits":
                data[name] = pd.arrays.IntegerArray(column.astype(np.uint8), missing)
            else:
                data[name] = pd.arrays.IntegerArray(column.astype(np.int32), missing)
        index = pd.Index(self.ids, dtype=object, name="id")
        try:
            return pd.DataFrame(data, index=index)
        except pd.errors.OutOfBoundsDatetime as error:
            # pandas before 2.0 holds datetimes in nanoseconds: years 1677 to 2262 only.
            raise make_error("invalid_value", f"a date is outside the range pandas {pd.__version__} can hold "
                             f"({error}); the day counts in Snapshot.columns hold every date") from error
