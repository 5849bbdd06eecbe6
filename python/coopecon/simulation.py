"""Policy scenarios: the cooperative economy projected month by month, as Monte Carlo runs in tidy DataFrames.

    >>> import coopecon
    >>> registry = coopecon.datasets.ca_mau_2023()                      # the embedded Cà Mau registry
    >>> frame = coopecon.compare(registry, [None, "data/scenarios/dissolve-suspended.json"],
    ...                          start="2025-12-31", months=60, runs=200, seed=7)
    >>> coopecon.quantiles(frame)                                       # p5, p50, p95 by scenario, date, indicator
    >>> coopecon.differences(frame)                                     # scenario - baseline, paired by run

A frame has one row per run, date and indicator (and group, with ``by``; and scenario, from :func:`compare` and
:func:`run_scenarios`): columns ``scenario``, ``run``, ``seed``, ``date``, ``indicator``, ``group`` and
``value``. Run ``r`` of seed ``s`` draws the same numbers in every scenario, on any number of threads or
machines, so scenarios are compared run by run and a run split over workers gives exactly the rows of one
process. The C++ engine does the work without the GIL; docs/simulation.md describes the model.
"""

from __future__ import annotations

import datetime
import json
import numbers
import os
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Optional, Sequence, Union

from . import _core
from .errors import DuplicateError, UsageError, WrongTypeError, make_error

if TYPE_CHECKING:
    import pandas
    import xarray

    from .registry import Registry

__all__ = [
    "Scenario",
    "CancellationToken",
    "simulate",
    "compare",
    "run_scenarios",
    "quantiles",
    "differences",
    "to_xarray",
    "calibrate",
    "standard_indicators",
    "hazards",
]

DateLike = Union[datetime.date, str]
PathLike = Union[str, "os.PathLike[str]"]
ProgressLike = Union[bool, None, Callable[[int, int], Any]]

CancellationToken = _core.CancellationToken
"""Set with ``token.cancel()`` from any thread: the simulations given it stop at their next month boundary and
raise :class:`coopecon.Cancelled`."""


class Scenario:
    """A policy scenario: an optional reform (a change of legal parameters from a date), programmes acting on a
    targeted group, and rate overrides (format ``coopecon-scenario``, docs/simulation.md). It is checked whole
    when read: every problem is reported at once with its field path (``programmes[0].factor``) and, from a
    file, its line and column. A scenario pickles with its reform's text, so workers need neither file."""

    def __init__(self, cpp: _core.Scenario) -> None:
        self._cpp = cpp

    @classmethod
    def baseline(cls) -> "Scenario":
        """No reform, no programme, no override: the rates as calibrated from the registry."""
        return cls(_core.Scenario.baseline())

    @classmethod
    def load(cls, path: PathLike) -> "Scenario":
        """Reads a scenario file; a reform file it names is read relative to it."""
        return cls(_core.Scenario.load(path))

    @classmethod
    def loads(cls, text: str, file_name: str = "<string>", base: PathLike = ".") -> "Scenario":
        """Reads a scenario's text; a reform file it names is read relative to `base`."""
        return cls(_core.Scenario.loads(text, file_name, base))

    @classmethod
    def from_dict(cls, scenario: Mapping[str, Any], base: PathLike = ".") -> "Scenario":
        """A scenario given as a dict shaped as the file (``format`` and ``version`` may be left out); dates may
        be ``datetime.date``. A reform file it names is read relative to `base`."""
        full = {"format": "coopecon-scenario", "version": 1, **scenario}
        return cls(_core.Scenario.from_dict(full, base))

    @property
    def name(self) -> str:
        return self._cpp.name

    @property
    def title(self) -> str:
        return self._cpp.title

    @property
    def reform_file(self) -> Optional[str]:
        """The reform file as the scenario names it, or None."""
        return self._cpp.reform_file

    def dumps(self) -> str:
        """The scenario file's text."""
        return self._cpp.dumps()

    def to_dict(self) -> dict:
        """The scenario as a dict shaped as the file."""
        return json.loads(self._cpp.dumps())

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Scenario) and self.dumps() == other.dumps()
                and self._cpp.reform_text == other._cpp.reform_text)

    def __hash__(self) -> int:
        return hash(self.dumps())

    def __repr__(self) -> str:
        return f"<coopecon.Scenario {self.name!r}: {self.title}>"


ScenarioLike = Union[None, Scenario, PathLike, Mapping[str, Any]]


def _scenario(value: ScenarioLike) -> Scenario:
    """A :class:`Scenario` from None (the baseline), a Scenario, a file path or a dict."""
    if value is None:
        return Scenario.baseline()
    if isinstance(value, Scenario):
        return value
    if isinstance(value, (str, os.PathLike)):
        return Scenario.load(value)
    if isinstance(value, Mapping):
        return Scenario.from_dict(value)
    raise WrongTypeError(f"a scenario is None (the baseline), a coopecon.Scenario, a file path or a dict, "
                         f"not {type(value).__name__}")


def _scenarios(values: Iterable[ScenarioLike]) -> list[Scenario]:
    if isinstance(values, (str, os.PathLike, Mapping, Scenario)) or values is None:
        raise WrongTypeError("scenarios is a list of scenarios (None for the baseline, a Scenario, a path or a dict)")
    out = [_scenario(v) for v in values]
    if not out:
        raise UsageError("no scenario given")
    names = [s.name for s in out]
    for i, name in enumerate(names):
        if name in names[:i]:
            raise DuplicateError(f"scenarios[{i}]: the scenario name {name!r} is given twice; "
                                 f"names label the rows of the results")
    return out


# ---- progress ---------------------------------------------------------------------------------------------

class _Progress:
    """One progress display for a whole call: a tqdm bar when tqdm is installed and `progress` is True, the
    caller's function when it is callable, nothing otherwise. `part(offset)` gives the engine's callback for a
    part of the work that starts `offset` runs in."""

    def __init__(self, progress: ProgressLike, total: int, desc: str) -> None:
        self.total = total
        self.bar = None
        self.function: Optional[Callable[[int, int], Any]] = None
        if callable(progress) and not isinstance(progress, bool):
            self.function = progress
        elif progress:
            try:
                import tqdm
            except ImportError:
                return
            self.bar = tqdm.tqdm(total=total, desc=desc, unit="run")

    def part(self, offset: int) -> Optional[Callable[[int, int], None]]:
        if self.bar is None and self.function is None:
            return None
        return lambda done, _total: self.update(offset + done)

    def update(self, done: int) -> None:
        if self.bar is not None:
            self.bar.update(done - self.bar.n)
        if self.function is not None:
            self.function(done, self.total)

    def __enter__(self) -> "_Progress":
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


# ---- frames -----------------------------------------------------------------------------------------------

def _frame(table: dict, by: Sequence[str]) -> "pandas.DataFrame":
    import pandas as pd

    data: dict[str, Any] = {
        "run": table["run"],
        "seed": table["seed"],
        "date": table["date"].astype("datetime64[D]").astype("datetime64[ns]"),
        "indicator": pd.Categorical.from_codes(table["indicator"].astype("int32"), table["indicator_ids"]),
    }
    if by:
        groups = pd.Categorical.from_codes(table["group"].astype("int64"), table["group_codes"])
        data["group"] = groups.set_categories(sorted(table["group_codes"]))
    data["value"] = table["value"]
    return pd.DataFrame(data)


def _concat(frames: Sequence["pandas.DataFrame"]) -> "pandas.DataFrame":
    """Frames of blocks or scenarios one after the other, their categories united (groups sorted, so the result
    does not depend on which block saw a group first)."""
    import pandas as pd

    frames = list(frames)
    if len(frames) == 1:
        return frames[0]
    categorical = [c for c in frames[0].columns if isinstance(frames[0][c].dtype, pd.CategoricalDtype)]
    for column in categorical:
        categories: list = []
        for f in frames:
            categories += [c for c in f[column].cat.categories if c not in categories]
        if column == "group":
            categories.sort()
        frames = [f.assign(**{column: f[column].cat.set_categories(categories)}) for f in frames]
    return pd.concat(frames, ignore_index=True)


def _with_scenario(frame: "pandas.DataFrame", name: str, names: Sequence[str]) -> "pandas.DataFrame":
    import pandas as pd

    frame.insert(0, "scenario", pd.Categorical([name] * len(frame), categories=list(names)))
    return frame


def _options(months: int, runs: int, seed: int, start: Optional[DateLike], threads: Optional[int], every: int,
             indicators: Optional[Sequence[str]], by: Union[None, str, Sequence[str]]) -> dict:
    if isinstance(by, str):
        by = [by]
    if not (isinstance(seed, numbers.Integral) and not isinstance(seed, bool) and 0 <= seed < 2**64):
        raise make_error("usage", f"the seed must be a whole number from 0 to 2**64 - 1, not {seed!r}", path="seed")
    if threads is not None and not (isinstance(threads, numbers.Integral) and threads >= 0):
        raise make_error("usage", f"threads must be a whole number from 0 up (0: every core), not {threads!r}",
                         path="threads")
    return {"months": months, "runs": runs, "seed": int(seed), "start": start, "threads": int(threads or 0),
            "every": every, "indicators": list(indicators or []), "by": list(by or [])}


def _run(registry: "Registry", s: Scenario, options: dict, first_run: int, runs: int,
         progress: Optional[Callable[[int, int], None]], cancel: Optional[CancellationToken]) -> "pandas.DataFrame":
    table = _core.simulate(registry._cpp, s._cpp, options["start"], options["months"], runs, first_run,
                           options["seed"], options["threads"], options["every"], options["indicators"],
                           options["by"], progress, cancel)
    frame = _frame(table, options["by"])
    frame.attrs.update(start=table["start"], months=options["months"], seed=options["seed"],
                       stats={table["scenario"]: table["stats"]})
    return frame


def _finish(frame: "pandas.DataFrame", parts: Sequence["pandas.DataFrame"]) -> "pandas.DataFrame":
    """Attributes of the whole: start, months, seed, and the runs' statistics per scenario added up."""
    stats: dict[str, dict] = {}
    for part in parts:
        for name, s in part.attrs["stats"].items():
            total = stats.setdefault(name, dict.fromkeys(s, 0))
            for key, value in s.items():
                total[key] += value
    frame.attrs = {"start": parts[0].attrs["start"], "months": parts[0].attrs["months"],
                   "seed": parts[0].attrs["seed"], "stats": stats}
    return frame


# ---- runs -------------------------------------------------------------------------------------------------

def simulate(registry: "Registry", scenario: ScenarioLike = None, months: int = 60, runs: int = 1000, seed: int = 1,
             start: Optional[DateLike] = None, threads: Optional[int] = None, every: int = 1,
             progress: ProgressLike = True, *, indicators: Optional[Sequence[str]] = None,
             by: Union[None, str, Sequence[str]] = None, first_run: int = 0,
             cancel: Optional[CancellationToken] = None) -> "pandas.DataFrame":
    """Monte Carlo runs of a scenario from the state of `registry` at the end of `start` (default: the
    registry's as-of date), `months` months on, the indicators (default: :func:`standard_indicators`) at every
    `every`-th month end, grouped by `by` (province, district, kind, sector, status, size) when given.

    Runs are numbered ``first_run`` to ``first_run + runs - 1`` of `seed` and spread over `threads` threads
    (default: every core); the result does not depend on the number of threads. `progress`: True for a tqdm bar
    (when tqdm is installed), a function called with (runs done, runs in all), or False. Ctrl-C stops the runs
    and raises KeyboardInterrupt; ``cancel.cancel()`` from another thread raises :class:`coopecon.Cancelled`;
    either way nothing partial is returned."""
    s = _scenario(scenario)
    options = _options(months, runs, seed, start, threads, every, indicators, by)
    _core.check_scenarios(registry._cpp, [s._cpp], False)
    with _Progress(progress, runs, s.name) as bar:
        frame = _run(registry, s, options, first_run, runs, bar.part(0), cancel)
    return frame


def compare(registry: "Registry", scenarios: Iterable[ScenarioLike], months: int = 60, runs: int = 1000, seed: int = 1,
            start: Optional[DateLike] = None, threads: Optional[int] = None, every: int = 1,
            progress: ProgressLike = True, *, indicators: Optional[Sequence[str]] = None,
            by: Union[None, str, Sequence[str]] = None,
            cancel: Optional[CancellationToken] = None) -> "pandas.DataFrame":
    """Every scenario (None for the baseline, a :class:`Scenario`, a path or a dict) run with the same seeds, in
    one frame with a ``scenario`` column in the order given; see :func:`simulate` for the rest. Every scenario
    is checked against the registry before anything runs; problems name it (``scenarios[1].programmes[0]…``). Run r of one
    scenario and run r of another draw the same numbers wherever the scenarios do not differ, so
    :func:`differences` pairs them."""
    chosen = _scenarios(scenarios)
    names = [s.name for s in chosen]
    options = _options(months, runs, seed, start, threads, every, indicators, by)
    _core.check_scenarios(registry._cpp, [s._cpp for s in chosen], True)
    parts = []
    with _Progress(progress, runs * len(chosen), "scenarios") as bar:
        for i, s in enumerate(chosen):
            parts.append(_with_scenario(_run(registry, s, options, 0, runs, bar.part(i * runs), cancel), s.name, names))
    return _finish(_concat(parts), parts)


def _run_block(registry: "Registry", s: Scenario, options: dict, first_run: int, runs: int) -> "pandas.DataFrame":
    """One block of runs on a worker (a plain function of the package, so that it pickles by reference)."""
    return _run(registry, s, options, first_run, runs, None, None)


def _workers(executor: Any) -> int:
    """How many tasks an executor runs at once, when it says; else 4."""
    if hasattr(executor, "nthreads"):  # a Dask distributed Client
        return max(1, sum(executor.nthreads().values()))
    return max(1, getattr(executor, "_max_workers", 4))


def blocks_of(runs: int, blocks: int) -> list[tuple[int, int]]:
    """Runs 0 … runs - 1 split into `blocks` consecutive ranges (first run, number of runs), as even as can be."""
    blocks = max(1, min(blocks, runs))
    edges = [b * runs // blocks for b in range(blocks + 1)]
    return [(edges[b], edges[b + 1] - edges[b]) for b in range(blocks) if edges[b + 1] > edges[b]]


def run_scenarios(registry: "Registry", scenarios: Iterable[ScenarioLike], *, runs: int = 1000, months: int = 60,
                  seed: int = 1, start: Optional[DateLike] = None, every: int = 1,
                  indicators: Optional[Sequence[str]] = None, by: Union[None, str, Sequence[str]] = None,
                  executor: Any = None, blocks: Optional[int] = None, threads: Optional[int] = None,
                  progress: ProgressLike = True) -> "pandas.DataFrame":
    """:func:`compare` spread over an executor: any ``concurrent.futures`` executor (threads or processes), a
    Dask ``distributed.Client``, or a ``submit`` function (``client.submit``). Each scenario's runs are split by
    run number into `blocks` ranges (default: twice the executor's workers); each block is a task given the
    registry (pickled; scattered once to a Dask cluster), the scenario and its first run, and computes exactly
    the rows that one process computes for those runs. The result equals :func:`compare`'s for the same
    arguments, frame for frame. `threads` per task defaults to 1 with an executor (the executor gives the
    parallelism); without one, the blocks run here one after the other on every core.

    Ctrl-C while waiting cancels the tasks not yet started and raises KeyboardInterrupt; tasks already running
    finish on their worker and are dropped."""
    chosen = _scenarios(scenarios)
    names = [s.name for s in chosen]
    if executor is not None and threads is None:
        threads = 1
    options = _options(months, runs, seed, start, threads, every, indicators, by)
    _core.check_scenarios(registry._cpp, [s._cpp for s in chosen], True)
    ranges = blocks_of(runs, blocks or (1 if executor is None else 2 * _workers(executor)))
    work = [(s, first, count) for s in chosen for first, count in ranges]
    parts: list = []
    with _Progress(progress, runs * len(chosen), "scenarios") as bar:
        if executor is None:
            done = 0
            for s, first, count in work:
                parts.append(_run(registry, s, options, first, count, bar.part(done), None))
                done += count
        else:
            submit = executor.submit if hasattr(executor, "submit") else executor
            # A Dask client (or its submit method) gets the registry once, scattered to every worker.
            scatter = getattr(executor, "scatter", None) or getattr(getattr(executor, "__self__", None), "scatter", None)
            shipped = scatter(registry, broadcast=True) if scatter else registry
            futures = [submit(_run_block, shipped, s, options, first, count) for s, first, count in work]
            try:
                done = 0
                for future, (_, _, count) in zip(futures, work):
                    parts.append(future.result())
                    done += count
                    bar.update(done)
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
    per_scenario = len(ranges)  # parts are in the order of `work`: scenario by scenario, blocks in run order
    frames = [_with_scenario(_concat(parts[i * per_scenario:(i + 1) * per_scenario]), s.name, names)
              for i, s in enumerate(chosen)]
    return _finish(_concat(frames), parts)


# ---- results ----------------------------------------------------------------------------------------------

def _keys(frame: "pandas.DataFrame") -> list[str]:
    return [k for k in ("scenario", "date", "indicator", "group") if k in frame.columns]


def quantiles(frame: "pandas.DataFrame", q: Sequence[float] = (0.05, 0.5, 0.95)) -> "pandas.DataFrame":
    """The quantiles `q` of each (scenario, date, indicator, group) across runs, over the runs with a value:
    linear interpolation between order statistics (numpy's default, as the C++ engine's). One row per key,
    one column per quantile (named by it), and ``mean``."""
    keys = _keys(frame)
    grouped = frame.groupby(keys, observed=True, sort=False)["value"]
    out = grouped.quantile(list(q)).unstack()
    out.columns = list(q)
    out["mean"] = grouped.mean()
    return out.reset_index()


def differences(baseline: "pandas.DataFrame", scenario: Optional["pandas.DataFrame"] = None) -> "pandas.DataFrame":
    """Scenario minus baseline, paired by run (and date, indicator, group). Either two frames of the same seed
    and runs (the scenario frame may hold several scenarios), or one frame from :func:`compare` or
    :func:`run_scenarios`, whose first scenario is the baseline."""
    if scenario is None:
        if "scenario" not in baseline.columns:
            raise UsageError("differences(frame) needs a frame with a scenario column (from compare or "
                             "run_scenarios); otherwise give the baseline frame and the scenario frame")
        first = baseline["scenario"].cat.categories[0]
        scenario = baseline[baseline["scenario"] != first]
        baseline = baseline[baseline["scenario"] == first]
    if "scenario" in scenario.columns:
        scenario = scenario.assign(scenario=scenario["scenario"].cat.remove_unused_categories())
    if "scenario" in baseline.columns and baseline["scenario"].nunique() > 1:
        raise UsageError("the baseline frame holds several scenarios; select one")
    if set(baseline["seed"].unique()) != set(scenario["seed"].unique()):
        raise UsageError("differences are paired by run: the baseline and the scenario were run with different "
                         "seeds")
    if set(baseline["run"].unique()) != set(scenario["run"].unique()):
        raise UsageError("differences are paired by run: the baseline and the scenario have different runs")
    keys = ["run"] + [k for k in _keys(scenario) if k != "scenario"]
    paired = scenario.merge(baseline[keys + ["value"]], on=keys, how="left", suffixes=("", "_baseline"))
    paired["value"] = paired["value"] - paired.pop("value_baseline")
    paired.attrs = dict(scenario.attrs)
    return paired


def to_xarray(frame: "pandas.DataFrame") -> "xarray.Dataset":
    """The frame as an xarray Dataset with one variable, ``value``, over the dimensions (scenario,) run, date,
    indicator (, group); the seed and start as attributes. Needs xarray (Debian: python3-xarray)."""
    dims = [d for d in ("scenario", "run", "date", "indicator", "group") if d in frame.columns]
    plain = frame[dims + ["value"]].copy()
    for d in dims:  # xarray coordinates of plain values, in the frame's order of appearance
        if str(plain[d].dtype) == "category":
            plain[d] = plain[d].astype(object)
    dataset = plain.set_index(dims).to_xarray()
    for d in ("scenario", "indicator", "group"):
        if d in dims:
            dataset = dataset.reindex({d: list(dict.fromkeys(plain[d]))})
    dataset.attrs = {k: v for k, v in frame.attrs.items() if k in ("months", "seed")}
    if "start" in frame.attrs:
        dataset.attrs["start"] = frame.attrs["start"].isoformat()
    return dataset


# ---- calibration -----------------------------------------------------------------

def calibrate(registry: "Registry", from_: Optional[DateLike] = None, until: Optional[DateLike] = None,
              by: Sequence[str] = ("kind", "sector"), confidence: float = 0.95,
              min_exposure: float = 120) -> "pandas.DataFrame":
    """The rates of the registry's own history in the window [from_, until] (default: the 36 months up to its
    as-of date): per hazard and group of `by` (kind, sector, region, province, age_band), the events, the
    exposure (organisation-months, or occasions for shares), the rate and its confidence interval (exact
    Poisson for rates, Wilson for shares; docs/simulation.md gives the formulas)."""
    import pandas as pd

    result = _core.calibrate(registry._cpp, from_, until, [by] if isinstance(by, str) else list(by), confidence,
                             min_exposure)
    data: dict[str, Any] = {"hazard": pd.Categorical(result["hazard"], categories=hazards())}
    data.update(result["groups"])
    for column in ("events", "exposure", "rate", "lower", "upper"):
        data[column] = result[column]
    frame = pd.DataFrame(data)
    frame.attrs.update({"from": result["from"], "until": result["until"], "confidence": confidence})
    return frame


def standard_indicators() -> list[str]:
    """The indicators a simulation computes when none are named."""
    return _core.standard_indicator_ids()


def hazards() -> list[str]:
    """The hazards of the simulation's rates, in order (docs/simulation.md, "Rates")."""
    return _core.hazards()
