"""Law as data: legal frameworks, reforms and the compliance check.

    >>> import coopecon
    >>> law = coopecon.Framework.vietnam()
    >>> law.value("min_members_cooperative", "2025-01-01")
    5
    >>> reformed = law.apply(coopecon.Reform.load("data/reforms/min-members-seven-from-2026.json"))
    >>> registry = coopecon.load("examples/registry.json", framework=reformed)
    >>> coopecon.check(registry, "2027-01-01")          # one row per finding

A framework is immutable: :meth:`Framework.apply` returns a new one and leaves the original as it was. A reform
(docs/reforms.md) is checked completely when it is loaded; every problem is reported at once with its place.
The rules, their articles and the values under each Law are listed in docs/legal-rules.md.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, Mapping, Optional, Sequence, Tuple, Union

from . import _core
from .types import DateLike, PathLike

if TYPE_CHECKING:
    import pandas

    from .registry import Registry

__all__ = ["Framework", "Reform", "check", "compare_findings", "SEVERITIES", "COMPLIANCE_RULES", "PARAMETERS"]


#: Severities from the least to the most severe.
SEVERITIES = ("notice", "unknown", "at_risk", "due")
#: The compliance rule ids, in the order findings list them.
COMPLIANCE_RULES = tuple(_core.compliance_rules())
#: The parameters of a framework.
PARAMETERS = tuple(_core.parameter_names())

_CONSEQUENCES = ("revocation_ground", "compulsory_dissolution", "termination_ground", "administrative_lapse")


class Framework:
    """A legal framework: every legal number as a dated timeline with its reference, and every rule's legal
    basis. ``Framework.vietnam()`` is the one compiled into the library."""

    def __init__(self, cpp: _core.Framework) -> None:
        self._cpp = cpp

    @classmethod
    def vietnam(cls) -> "Framework":
        """Vietnam's Laws on Cooperatives 2012 (to 2024-06-30) and 2023 (from 2024-07-01) with their decrees."""
        return cls(_core.Framework.vietnam())

    @classmethod
    def load(cls, path: PathLike) -> "Framework":
        """Reads a full framework file (format coopecon-law), checking its structure and every value."""
        return cls(_core.Framework.load(path))

    @classmethod
    def loads(cls, text: str, file_name: str = "<string>") -> "Framework":
        """Reads a framework file's text; `file_name` names it in errors."""
        return cls(_core.Framework.loads(text, file_name))

    def apply(self, reform: "Reform") -> "Framework":
        """A new framework with `reform` applied: its periods replace what was in force for their dates."""
        if not isinstance(reform, Reform):
            raise TypeError(f"expected a coopecon.Reform, got {type(reform).__name__}")
        return Framework(self._cpp.apply_reform(reform.text, reform.file_name))

    @property
    def title(self) -> str:
        return self._cpp.title

    @property
    def title_vi(self) -> str:
        """The title in Vietnamese (the English one when the framework has none)."""
        return self._cpp.title_vi

    def value(self, parameter: str, date: DateLike) -> Optional[int]:
        """The value of `parameter` in force on `date`, or None when it is not in force then."""
        return self._cpp.value(parameter, date)

    def timeline(self, parameter: str) -> list[dict[str, Any]]:
        """Every period of `parameter`: ``from``, ``until`` (None: open-ended), ``value``, ``reference``,
        ``unconfirmed``."""
        return self._cpp.timeline(parameter)

    def basis(self, rule: str, date: DateLike) -> str:
        """The legal basis of `rule` (a transition-table row or a compliance rule id) on `date`."""
        return self._cpp.basis(rule, date)

    def regime(self, date: DateLike) -> Optional[str]:
        """The id of the law in force on `date` (``law_2012``, ``law_2023``), or None."""
        return self._cpp.regime(date)

    def dumps(self) -> str:
        """The framework file's text (format coopecon-law)."""
        return self._cpp.dumps()

    def __repr__(self) -> str:
        return f"<coopecon.Framework {self.title!r}>"


class Reform:
    """A reform (format coopecon-reform): new periods for parameters, rule bases or regimes. It is checked on
    its own when created; :meth:`Framework.apply` checks it against the framework too."""

    def __init__(self, text: str, file_name: str = "<string>") -> None:
        self._title = _core.check_reform(text, file_name)
        self._text = text
        self._file_name = file_name

    @classmethod
    def load(cls, path: PathLike) -> "Reform":
        """Reads a reform file; problems name it with line and column."""
        return cls(_core.read_text(path), os.fspath(path))

    @classmethod
    def loads(cls, text: str, file_name: str = "<string>") -> "Reform":
        return cls(text, file_name)

    @classmethod
    def from_dict(cls, reform: Mapping[str, Any]) -> "Reform":
        """A reform from a dict shaped like the file; ``format`` and ``version`` may be left out. Dates may be
        ``datetime.date``. Problems name the dict's field paths."""
        document = {"format": "coopecon-reform", "version": 1, **reform}
        return cls(json.dumps(document, ensure_ascii=False, indent=2, default=str), "<dict>")

    @property
    def title(self) -> str:
        return self._title

    @property
    def text(self) -> str:
        return self._text

    @property
    def file_name(self) -> str:
        return self._file_name

    def __repr__(self) -> str:
        return f"<coopecon.Reform {self.title!r}>"


def check(registry: "Registry", as_of: Optional[DateLike] = None, *, law: Union[None, Framework, Reform] = None,
          severity: str = "notice", at_risk_months: int = 2, notice_months: int = 12,
          across_law_change: str = "by_rule", threads: Optional[int] = None) -> "pandas.DataFrame":
    """The compliance findings of every active or suspended organisation at the end of `as_of` (default: the
    registry's ``data_as_of``, its own as_of date else its latest event, as the command line): one row per
    finding, in registry order, then rule order (docs/legal-rules.md).

    Columns: ``organization``, ``rule``, ``severity`` (ordered: notice < unknown < at_risk < due; ``unknown``
    when the count relies on days before the organisation's ``history_from``), ``consequence``, ``legal_basis``
    and ``legal_basis_vi`` (the citation in Vietnamese), ``began``, ``counted_from``, ``threshold``
    (datetime64; for an unknown finding the day it is reached at the latest), ``months`` (the threshold's
    length, 0 for none), ``observed`` (float, NaN when the rule measures nothing), ``limit`` (nullable Int64),
    ``message``, ``message_vi``, ``projected`` (bool: `as_of` is after the organisation's data end) and ``area``
    (the organisation's seat, a categorical of area codes).

    `law` applies another framework's rules, or a reform of the registry's own framework, to the same registry
    without loading it again (the histories are read as recorded; they are not validated again under it).
    `severity` leaves out findings less severe; `at_risk_months` is how long before a threshold a finding is
    at_risk; `notice_months` how long a lapse stays a notice; `across_law_change` is ``"by_rule"`` (months served
    under the old law count where the new law gives the same ground the same length, docs/legal-rules.md),
    ``"restart"`` (a condition continuing into a new law is counted again from its first day) or
    ``"keep_start"``. The organisations are checked in parts on `threads` threads (default: one per core); the
    findings are the same on any number.

        >>> reform = coopecon.Reform.load("data/reforms/min-members-seven-from-2026.json")
        >>> coopecon.compare_findings(coopecon.check(registry, "2027-01-01"),
        ...                           coopecon.check(registry, "2027-01-01", law=reform))
    """
    import numpy as np
    import pandas as pd

    if isinstance(law, Reform):
        law = registry.framework.apply(law)
    elif law is not None and not isinstance(law, Framework):
        raise TypeError(f"law must be a coopecon.Framework or coopecon.Reform, not {type(law).__name__}")
    columns = _core.check(registry._cpp, as_of, at_risk_months, notice_months, across_law_change, severity,
                          None if law is None else law._cpp, threads)

    def dates(days: Any) -> Any:
        return np.asarray(days, dtype="datetime64[D]").astype("datetime64[ns]")

    def texts(name: str) -> "pd.Series":  # a column of few distinct strings, sent once each with codes
        return pd.Series(np.array(columns[name + "_texts"], dtype=object)[columns[name]], dtype=object)

    return pd.DataFrame({
        "organization": pd.Series(columns["organization"], dtype=object),
        "rule": pd.Categorical.from_codes(columns["rule"], categories=COMPLIANCE_RULES),
        "severity": pd.Categorical.from_codes(columns["severity"], categories=SEVERITIES, ordered=True),
        "consequence": pd.Categorical.from_codes(columns["consequence"], categories=_CONSEQUENCES),
        "legal_basis": texts("legal_basis"),
        "legal_basis_vi": texts("legal_basis_vi"),
        "began": dates(columns["began"]),
        "counted_from": dates(columns["counted_from"]),
        "threshold": dates(columns["threshold"]),
        "months": columns["months"],
        "observed": columns["observed"],
        "limit": pd.arrays.IntegerArray(columns["limit"], ~columns["has_limit"]),
        "message": pd.Series(columns["message"], dtype=object),
        "message_vi": pd.Series(columns["message_vi"], dtype=object),
        "projected": columns["projected"],
        "area": pd.Categorical.from_codes(columns["area"], categories=columns["area_codes"]),
    })


def compare_findings(a: "pandas.DataFrame", b: "pandas.DataFrame",
                     by: Sequence[str] = ("rule", "severity", "area"),
                     names: Tuple[str, str] = ("a", "b")) -> "pandas.DataFrame":
    """Two sets of findings (of :func:`check`: two laws, two dates, two registries) counted side by side: one
    row per combination of `by` found in either, with the counts of each (columns named by `names`) and
    ``change`` (second − first), largest changes first.

        >>> coopecon.compare_findings(coopecon.check(registry, "2027-01-01"),
        ...                           coopecon.check(registry, "2027-01-01", law=reform), names=("now", "reform"))
    """
    import pandas as pd

    keys = list(by)
    missing = [k for k in keys if k not in a.columns or k not in b.columns]
    if missing:
        raise KeyError(f"findings have no column {', '.join(missing)}; by may name {', '.join(a.columns)}")

    def counts(findings: "pd.DataFrame") -> "pd.Series":
        return findings.astype({k: object for k in keys}).groupby(keys).size()

    first, second = names
    out = pd.concat([counts(a).rename(first), counts(b).rename(second)], axis=1).fillna(0).astype("int64")
    out["change"] = out[second] - out[first]
    order = out["change"].abs().sort_values(ascending=False, kind="stable").index
    return out.loc[order]
