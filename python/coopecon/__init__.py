"""coopecon: Vietnam's cooperative economy as an event-sourced registry.

    >>> import coopecon
    >>> registry = coopecon.load("examples/registry.json")
    >>> registry.snapshot("2024-12-31").to_pandas()

The compiled core is ``coopecon._core``; this package is the API around it. Everything here is a plain Python
function or class, so it pickles (for Dask and multiprocessing) by reference.
"""

from . import _core
from .errors import (
    DuplicateError,
    Error,
    FileError,
    IntegrityError,
    InvalidValueError,
    MissingFieldError,
    ParseError,
    RuleViolation,
    UnknownFieldError,
    UnknownNameError,
    UsageError,
    WrongTypeError,
    Cancelled,
)
from . import areas, datasets, indicators, operations, scoring
from .datasets import synthesize
from .indicators import report
from .labels import enumerations, label, labels, names
from .law import Framework, Reform, check, compare_findings
from .registry import Registry, load, loads
from .csv_import import CsvImport, SkippedRow, csv_mappings, read_csv
from .snapshot import NO_DATE, Snapshot
from . import simulation
from .simulation import Scenario, calibrate, compare, differences, quantiles, run_scenarios, simulate, to_xarray

#: The version of the library and package (the CMake project's version).
__version__: str = _core.__version__

__all__ = [
    "Registry",
    "areas",
    "datasets",
    "synthesize",
    "indicators",
    "operations",
    "scoring",
    "report",
    "Framework",
    "Reform",
    "check",
    "compare_findings",
    "Snapshot",
    "load",
    "loads",
    "read_csv",
    "csv_mappings",
    "CsvImport",
    "SkippedRow",
    "label",
    "labels",
    "names",
    "enumerations",
    "NO_DATE",
    "Error",
    "ParseError",
    "InvalidValueError",
    "WrongTypeError",
    "MissingFieldError",
    "UnknownFieldError",
    "UnknownNameError",
    "DuplicateError",
    "RuleViolation",
    "IntegrityError",
    "FileError",
    "UsageError",
    "Cancelled",
    "simulation",
    "Scenario",
    "simulate",
    "compare",
    "run_scenarios",
    "quantiles",
    "differences",
    "to_xarray",
    "calibrate",
]
