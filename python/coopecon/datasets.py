"""Synthetic registries made in memory, by the generator behind ``coopecon synth`` (docs/synthetic-data.md).

    >>> import coopecon
    >>> registry = coopecon.datasets.ca_mau_2023()          # the embedded Cà Mau dataset, as the CLI reports it
    >>> registry.snapshot("2023-08-31").to_pandas()
    >>> national = coopecon.synthesize("vietnam_2022", seed=7)
    >>> bench = coopecon.synthesize("world", organizations=10_000)

Every organisation, name, member and event is invented; the totals of each profile are calibrated to published
figures (``registry.info["synthetic"]`` is True). The same profile and seed always give the same registry.
"""

from __future__ import annotations

import os
from typing import Optional, Union

from . import _core
from .registry import Registry

__all__ = ["ca_mau_2023", "synthesize", "PROFILES", "DEFAULT_SEED"]

#: The names of the built-in profiles.
PROFILES: tuple[str, ...] = tuple(_core.builtin_profiles)
#: The seed used when none is given (the CLI's default too).
DEFAULT_SEED: int = _core.default_seed


def synthesize(profile: Union[str, "os.PathLike[str]"], seed: int = DEFAULT_SEED, *,
               organizations: Optional[int] = None) -> Registry:
    """A synthetic registry from a built-in profile (``"ca_mau_2023"``, ``"vietnam_2022"``, ``"world"``) or a
    profile file (an ``os.PathLike``, format of data/simulation/*.json). ``organizations`` sizes the
    ``world`` profile; the others have the sizes of their published figures.

        >>> coopecon.synthesize("world", seed=1, organizations=1_000)
        <coopecon.Registry: 1000 organizations, … events>
    """
    if isinstance(profile, str):
        return Registry._wrap(_core.synthesize_builtin(profile, seed, organizations))
    if organizations is not None:
        raise TypeError("organizations sizes the built-in world profile only; a profile file has its own size")
    return Registry._wrap(_core.synthesize_file(os.fspath(profile), seed))


def ca_mau_2023(seed: int = DEFAULT_SEED) -> Registry:
    """The embedded dataset: Cà Mau province, calibrated so that on 2023-08-31 it has exactly 281 cooperatives
    (247 active, 34 suspended) with 4,292 members, one union and 987 cooperative groups with 14,560 members —
    the registry ``coopecon report`` reports on by default. Histories run from 1997 to 2025-12-31.

        >>> frame = coopecon.datasets.ca_mau_2023().snapshot("2023-08-31").to_pandas()
        >>> frame.groupby(["kind", "status"], observed=True).size()["cooperative", "active"]
        247
    """
    return synthesize("ca_mau_2023", seed)
