"""The types the package's functions take, for annotations: dates, collections of dates and paths.

A date is a ``datetime.date``, ISO text ``"YYYY-MM-DD"``, or a datetime at midnight as pandas and numpy hold
dates (``pandas.Timestamp``, ``datetime.datetime``, ``numpy.datetime64``); a time of day other than midnight is
refused with :class:`coopecon.InvalidValueError` rather than cut to its date.
"""

from __future__ import annotations

import datetime
import os
from typing import Iterable, Union

import numpy as np

__all__ = ["DateLike", "DatesLike", "PathLike"]

#: One date (pandas.Timestamp is a datetime.datetime).
DateLike = Union[datetime.date, str, np.datetime64]
#: Several dates: a list of dates, a pandas.DatetimeIndex, or a numpy datetime64 array.
DatesLike = Union[Iterable[DateLike], np.ndarray]
#: A file name.
PathLike = Union[str, "os.PathLike[str]"]
