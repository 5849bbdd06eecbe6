"""Scoring: classification of cooperatives, New Rural Development criterion 13.1 and OCOP stars.

    >>> import coopecon
    >>> from coopecon import scoring
    >>> registry = coopecon.load("examples/registry.json")
    >>> scoring.classify(registry, 2023)                        # Thông tư 01/2020/TT-BKHĐT
    >>> scoring.classify(registry, 2023, scheme="tt09_2017")    # Thông tư 09/2017/TT-BNNPTNT
    >>> rules = scoring.ScoringRules.vietnam().with_max_points("tt01_2020", {"TC10": 10, "TC15": 4})
    >>> scoring.ntm_13_1(registry, 2023, rules=rules)

The rules are dated data (data/scoring/vn-scoring.json); every number carries its legal basis and the ones the
domain reference could not confirm are flagged (:meth:`ScoringRules.unconfirmed`) and can be replaced. The rules,
their articles and tests are listed in docs/scoring.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional

from . import _core
from .types import DateLike

if TYPE_CHECKING:
    import pandas

    from .registry import Registry

__all__ = ["ScoringRules", "classify", "ntm_13_1", "ocop_products", "SCHEMES", "CLASSES", "RATINGS"]


#: The classification schemes: Thông tư 01/2020/TT-BKHĐT and Thông tư 09/2017/TT-BNNPTNT.
SCHEMES = ("tt01_2020", "tt09_2017")
#: Classes from the best: tốt, khá, trung bình, yếu.
CLASSES = ("good", "fair", "average", "weak")
#: Whether an organisation was rated, or why not.
RATINGS = ("rated", "not_assessed", "too_new", "suspended_too_long", "out_of_scope", "invalid_points", "no_rules")


class ScoringRules:
    """Classification, NTM 13.1 and OCOP rules. Immutable: each ``with_…`` returns new rules, checked whole
    (maxima adding up to the total, bands in order …)."""

    def __init__(self, cpp: _core.ScoringRules) -> None:
        self._cpp = cpp

    @classmethod
    def vietnam(cls) -> "ScoringRules":
        """Vietnam's rules, compiled into the library."""
        return cls(_core.ScoringRules.vietnam())

    @classmethod
    def loads(cls, text: str, file_name: str = "<string>") -> "ScoringRules":
        """Rules from a file's text (format coopecon-scoring); `file_name` names it in errors."""
        return cls(_core.ScoringRules.loads(text, file_name))

    def dumps(self) -> str:
        """The rules file's text (format coopecon-scoring), which :meth:`loads` reads back."""
        return self._cpp.dumps()

    @property
    def title(self) -> str:
        return self._cpp.title

    def scheme(self, scheme: str, year: int) -> Optional[dict[str, Any]]:
        """The version of `scheme` that applies to an assessment of `year` (criteria with their maximum points,
        bands, who is not rated, scope, ``from``, ``until``, ``reference``), or None."""
        return self._cpp.scheme(scheme, year)

    def unconfirmed(self) -> "pandas.DataFrame":
        """Every UNCONFIRMED number or period: ``path``, ``value``, ``reference``."""
        import pandas as pd

        return pd.DataFrame(self._cpp.unconfirmed(), columns=["path", "value", "reference"])

    def with_max_points(self, scheme: str, points: Mapping[str, int]) -> "ScoringRules":
        """New rules with the maximum points of criteria replaced, e.g. group III of Thông tư 01/2020
        (``{"TC10": 10, …}``); the maxima must still add up to the total."""
        return ScoringRules(self._cpp.with_max_points(scheme, dict(points)))

    def with_bands(self, scheme: str, good: int, fair: int, average: int) -> "ScoringRules":
        """New rules with the lower bounds of good, fair and average replaced (weak below `average`)."""
        return ScoringRules(self._cpp.with_bands(scheme, good, fair, average))

    def with_effective(self, classes: Iterable[str]) -> "ScoringRules":
        """New rules in which NTM criterion 13.1 counts these classes as effective (default good and fair)."""
        return ScoringRules(self._cpp.with_effective(list(classes)))

    def with_ocop_bands(self, min_scores: Iterable[int]) -> "ScoringRules":
        """New rules with the minimum OCOP scores of 5, 4, 3 and 2 stars."""
        return ScoringRules(self._cpp.with_ocop_bands(list(min_scores)))

    def with_ocop_certificate_months(self, months: int) -> "ScoringRules":
        """New rules in which an OCOP certificate is valid for `months` months."""
        return ScoringRules(self._cpp.with_ocop_certificate_months(months))

    def ocop_stars(self, score: int, on: DateLike) -> Optional[int]:
        """The stars an OCOP score of 0–100 gets under the rules in force on `on`, or None."""
        return self._cpp.ocop_stars(score, on)

    def __reduce__(self) -> tuple[Any, tuple[str, str]]:
        return (ScoringRules.loads, (self.dumps(), "<pickle>"))

    def __repr__(self) -> str:
        return f"<coopecon.ScoringRules {self.title!r}>"


def _rules(rules: Optional[ScoringRules]) -> _core.ScoringRules:
    return (rules or ScoringRules.vietnam())._cpp


def classify(registry: "Registry", year: int, *, scheme: str = "tt01_2020",
             rules: Optional[ScoringRules] = None) -> "pandas.DataFrame":
    """Every organisation's classification for `year`, in registry order: those assessed under `scheme` for the
    year and those the scheme rates (its kinds and sectors).

    Columns: ``organization``, ``year``, ``scheme``, ``rating`` (rated, or why not: not_assessed, too_new —
    under 12 months old at the end of the year —, suspended_too_long — more than 3 months in the year —,
    out_of_scope, invalid_points, no_rules), ``class`` (ordered good > fair > average > weak; missing when not
    rated), ``points`` (nullable Int64), ``sanctioned``, ``suspended_days``, ``reason``, ``legal_basis``,
    ``unconfirmed``."""
    import pandas as pd

    rows = _core.classify(registry._cpp, year, scheme, _rules(rules))
    columns = ["organization", "year", "scheme", "rating", "class", "points", "sanctioned", "suspended_days",
               "reason", "legal_basis", "unconfirmed"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["year"] = frame["year"].astype("int32")
    frame["scheme"] = pd.Categorical(frame["scheme"], categories=SCHEMES)
    frame["rating"] = pd.Categorical(frame["rating"], categories=RATINGS)
    frame["class"] = pd.Categorical(frame["class"], categories=CLASSES[::-1], ordered=True)
    frame["points"] = frame["points"].astype("Int64")
    frame["sanctioned"] = frame["sanctioned"].astype(bool)
    frame["suspended_days"] = frame["suspended_days"].astype("int32")
    frame["unconfirmed"] = frame["unconfirmed"].astype(bool)
    return frame


def ntm_13_1(registry: "Registry", year: int, *, rules: Optional[ScoringRules] = None) -> "pandas.DataFrame":
    """New Rural Development criterion 13.1 for every commune with a cooperative seated in it, in area order:
    it is met with at least one effective cooperative (by default, rated good or fair; see
    :meth:`ScoringRules.with_effective`).

    Columns: ``commune``, ``name``, ``cooperatives``, ``active``, ``rated``, ``effective`` (counts), ``meets``,
    ``effective_organizations`` (list of ids), ``reason``, ``legal_basis``, ``unconfirmed``."""
    import pandas as pd

    rows = _core.ntm_13_1(registry._cpp, year, _rules(rules))
    columns = ["commune", "name", "cooperatives", "active", "rated", "effective", "meets", "effective_organizations",
               "reason", "legal_basis", "unconfirmed"]
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("cooperatives", "active", "rated", "effective"):
        frame[column] = frame[column].astype("int32")
    for column in ("meets", "unconfirmed"):
        frame[column] = frame[column].astype(bool)
    return frame


def ocop_products(registry: "Registry", as_of: DateLike, *, rules: Optional[ScoringRules] = None) -> "pandas.DataFrame":
    """Every OCOP product at its latest rating on or before `as_of`: stars from the score bands in force on the
    rating date, and whether its certificate (from 3 stars, 36 months) is valid on `as_of`.

    Columns: ``organization``, ``product``, ``rated_on``, ``valid_until`` (datetime64), ``score``, ``stars``
    (nullable Int64), ``certified``, ``valid``, ``reason``, ``legal_basis``, ``unconfirmed``."""
    import pandas as pd

    rows = _core.ocop_products(registry._cpp, as_of, _rules(rules))
    columns = ["organization", "product", "rated_on", "valid_until", "score", "stars", "certified", "valid", "reason",
               "legal_basis", "unconfirmed"]
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("rated_on", "valid_until"):
        frame[column] = pd.to_datetime(frame[column].astype(object))
    for column in ("score", "stars"):
        frame[column] = frame[column].astype("Int64")
    for column in ("certified", "valid", "unconfirmed"):
        frame[column] = frame[column].astype(bool)
    return frame
