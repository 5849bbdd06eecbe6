"""Administrative areas: units with their codes, names in both languages, levels, parents, regions and validity
dates, the socio-economic regions, and the crosswalk from ended units to their successors (docs/areas.md).

    >>> from coopecon import areas
    >>> areas.catalogue().loc["P96-2025", ["name", "level", "region", "valid_from"]]
    >>> areas.crosswalk().query("from_ == 'P95'")
    >>> areas.label("P96"), areas.label("P96-2025")
    ('Cà Mau (đến 2025-06-30)', 'Cà Mau (từ 2025-07-01)')

On 2025-07-01 Vietnam's 63 provinces became 34 and the district level ended; a unit is a territory over a
period, so the Cà Mau of 2023 (``P96``) and the merged Cà Mau of 2025 (``P96-2025``) are two units. Where units
of one level share a name over different periods, :func:`label` adds the period that tells them apart, and
indicator tables use those labels.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Optional

from . import _core

if TYPE_CHECKING:
    import pandas

    from .registry import Registry

__all__ = ["catalogue", "regions", "crosswalk", "label", "labels", "LEVELS"]

#: The levels from the top: tỉnh, huyện, xã.
LEVELS = ("province", "district", "commune")


@functools.lru_cache(maxsize=1)
def _vietnam() -> dict[str, Any]:
    return _core.area_catalogue(None)


def _raw(registry: Optional["Registry"]) -> dict[str, Any]:
    return _vietnam() if registry is None else _core.area_catalogue(registry._cpp)


def catalogue(registry: Optional["Registry"] = None) -> "pandas.DataFrame":
    """Every unit of the catalogue (default: Vietnam's; a registry's may add communes), indexed by ``code``:
    ``official_code``, ``name`` (Vietnamese), ``name_en`` (without diacritics), ``full_name``, ``level``
    (ordered categorical province < district < commune), ``kind``, ``parent``, ``province`` (the enclosing
    province), ``region`` (the province's socio-economic region), ``valid_from`` and ``valid_to`` (datetime64,
    NaT while still valid), and ``label`` (the name, with its period where a unit of the level with the same name
    has another).

        >>> areas.catalogue().query("level == 'province' and valid_to.isna()").shape[0]
        34
    """
    import pandas as pd

    frame = pd.DataFrame(_raw(registry)["areas"]).set_index("code")
    parent = frame["parent"].to_dict()
    level = frame["level"].to_dict()

    def province_of(code: str) -> Optional[str]:
        while code is not None and level.get(code) != "province":
            code = parent.get(code)
        return code

    frame["province"] = [province_of(code) for code in frame.index]
    frame["region"] = frame["province"].map(frame["region"].to_dict())
    frame["level"] = pd.Categorical(frame["level"], categories=LEVELS, ordered=True)
    for column in ("valid_from", "valid_to"):
        frame[column] = pd.to_datetime(frame[column])
    frame["label"] = _labels(frame, "vi")
    columns = ["official_code", "name", "name_en", "full_name", "level", "kind", "parent", "province", "region",
               "valid_from", "valid_to", "label"]
    return frame[columns]


def _labels(frame: "pandas.DataFrame", lang: str) -> list[str]:
    """Each unit's name, with its period when a unit of its level with the same name has another period: the
    last day of an ended unit, the first day of one still valid."""
    import pandas as pd

    since, until = ("từ", "đến") if lang == "vi" else ("from", "until")
    ended = frame["valid_to"].notna()
    valid_to = pd.to_datetime(frame["valid_to"]).dt.strftime("%Y-%m-%d")
    valid_from = pd.to_datetime(frame["valid_from"]).dt.strftime("%Y-%m-%d")
    period = (f" ({until} " + valid_to + ")").where(ended, f" ({since} " + valid_from + ")")
    # Units of one name and level over different periods (not namesakes of the same time in other provinces).
    shared = period.groupby([frame["level"], frame["name"]], observed=True).transform("nunique") > 1
    return list((frame["name"] + period.where(shared, "")).tolist())


@functools.lru_cache(maxsize=2)
def _vietnam_labels(lang: str) -> dict[str, str]:
    import pandas as pd

    frame = pd.DataFrame(_vietnam()["areas"]).set_index("code")
    return dict(zip(frame.index, _labels(frame, lang)))


def labels(lang: str = "vi") -> dict[str, str]:
    """Area code → :func:`label` of every unit of Vietnam's catalogue."""
    return dict(_vietnam_labels(lang))


def label(code: str, lang: str = "vi") -> str:
    """The name of a unit of Vietnam's catalogue, with the period that tells it apart from a unit of its level
    with the same name and another period: ``"Cà Mau (đến 2025-06-30)"`` and ``"Cà Mau (từ 2025-07-01)"`` (``lang="en"``:
    "until", "from"). Raises KeyError for an unknown code."""
    return _vietnam_labels(lang)[code]


def regions() -> "pandas.DataFrame":
    """The six socio-economic regions (vùng kinh tế – xã hội) of the statistics office, indexed by ``id``, with
    ``name_vi`` and ``name_en``."""
    import pandas as pd

    return pd.DataFrame(_vietnam()["regions"]).set_index("id")


def crosswalk(registry: Optional["Registry"] = None) -> "pandas.DataFrame":
    """Every succession: ``from_`` (the ended unit), ``to`` (its successor), ``on`` (the successor's first day)
    and ``part`` (True when the successor received only part of the territory; each ended unit has one primary
    successor, which its figures are reported in)."""
    import pandas as pd

    frame = pd.DataFrame(_raw(registry)["crosswalk"], columns=["from", "to", "on", "part"])
    frame = frame.rename(columns={"from": "from_"})
    frame["on"] = pd.to_datetime(frame["on"])
    frame["part"] = frame["part"].fillna(False).astype(bool)
    return frame
