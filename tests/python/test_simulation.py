"""coopecon.simulation: scenarios, Monte Carlo frames, quantiles, paired differences, xarray, calibration,
progress, Ctrl-C and cancellation."""

import _thread
import datetime
import os
import pickle
import threading
import time

import numpy as np
import pandas as pd
import pytest

import coopecon
from coopecon import _core, simulation

from conftest import SOURCE_DIR

SCENARIOS = SOURCE_DIR / "data" / "scenarios"
START = "2025-12-31"


@pytest.fixture(scope="module")
def ca_mau():
    return coopecon.datasets.ca_mau_2023()


def small(registry, scenario=None, **options):
    arguments = dict(start=START, months=6, runs=6, seed=7, progress=False)
    arguments.update(options)
    return coopecon.simulate(registry, scenario, **arguments)


def test_the_embedded_ca_mau_registry_is_the_start_of_the_examples(ca_mau):
    assert ca_mau.info["synthetic"] and ca_mau.info["as_of"] == datetime.date(2023, 8, 31)
    assert len(ca_mau) == 1703
    assert coopecon.synthesize("world", seed=3, organizations=200).dumps() == \
        coopecon.synthesize("world", seed=3, organizations=200).dumps()
    with pytest.raises(coopecon.UnknownNameError, match="mars"):
        coopecon.synthesize("mars")


# ---- scenarios --------------------------------------------------------------------------------------------

def test_a_scenario_reads_from_a_file_a_dict_and_text_alike():
    from_file = coopecon.Scenario.load(SCENARIOS / "dissolve-suspended.json")
    assert from_file.name == "dissolve-suspended" and from_file.reform_file is None
    from_dict = coopecon.Scenario.from_dict({
        "name": "dissolve-suspended", "title": from_file.title,
        "programmes": [{"id": "dissolve-long-suspended", "type": "dissolve_suspended",
                        "from": datetime.date(2026, 1, 1),
                        "target": {"kinds": ["cooperative", "union_of_cooperatives"]},
                        "months": 12, "action": "voluntary_dissolution"}]})
    assert from_dict == from_file
    assert coopecon.Scenario.loads(from_file.dumps()) == from_file
    assert from_file.to_dict()["programmes"][0]["months"] == 12


def test_a_scenario_with_a_reform_pickles_with_the_reform_text(tmp_path, monkeypatch):
    scenario = coopecon.Scenario.load(SCENARIOS / "min-members-seven-from-2026.json")
    assert scenario.reform_file == "../reforms/min-members-seven-from-2026.json"
    monkeypatch.chdir(tmp_path)  # the reform file is not reachable from here: the pickle must carry it
    copy = pickle.loads(pickle.dumps(scenario))
    assert copy == scenario and copy.reform_file == scenario.reform_file


def test_a_bad_scenario_dict_names_every_field_path():
    with pytest.raises(coopecon.Error) as caught:
        coopecon.Scenario.from_dict({
            "name": "bad",
            "programmes": [{"id": "p", "type": "rate_change", "from": "2026-01-01", "hazard": "founding",
                            "factor": -1},
                           {"id": "p", "type": "dissolve_suspended", "from": "2026-13-01", "months": 12}]})
    paths = [p["path"] for p in caught.value.problems]
    assert "programmes[0].factor" in paths and "programmes[1].from" in paths
    assert all(p["file"] is None and p["line"] is None for p in caught.value.problems)
    assert "programmes[0].factor" in str(caught.value)


def test_a_scenario_dict_of_the_wrong_shape_is_refused_at_its_path():
    with pytest.raises(coopecon.UnknownFieldError) as caught:
        coopecon.Scenario.from_dict({"name": "x", "programs": []})
    assert caught.value.problems[0]["path"] == "programs"
    with pytest.raises(coopecon.WrongTypeError) as caught:
        coopecon.Scenario.from_dict({"name": "x", "programmes": [{"id": object()}]})
    assert caught.value.problems[0]["path"] == "programmes[0].id"
    with pytest.raises(coopecon.WrongTypeError):
        coopecon.simulate(coopecon.Registry(), 42, progress=False)


def test_a_bad_scenario_file_is_reported_with_line_and_column(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "coopecon-scenario", "version": 1, "name": "bad",\n'
                    ' "programmes": [{"id": "p", "type": "consolidate_weak", "target": {},\n'
                    '                 "from": "2026-01-01", "share_per_year": 2}]}\n', encoding="utf-8")
    with pytest.raises(coopecon.InvalidValueError) as caught:
        coopecon.Scenario.load(path)
    problem = caught.value.problems[0]
    assert problem["file"] == str(path) and problem["line"] == 3 and problem["path"] == "programmes[0].share_per_year"
    with pytest.raises(coopecon.FileError):
        coopecon.Scenario.load(tmp_path / "missing.json")


def test_unknown_areas_are_reported_when_a_run_starts(ca_mau):
    scenario = coopecon.Scenario.from_dict({
        "name": "nowhere", "programmes": [{"id": "p", "type": "rate_change", "from": "2026-01-01",
                                            "target": {"areas": ["XX99"]}, "hazard": "founding", "factor": 2}]})
    with pytest.raises(coopecon.Error) as caught:
        small(ca_mau, scenario)
    assert caught.value.problems[0]["path"] == "programmes[0].target.areas[0]"


@pytest.mark.parametrize("options, error, where", [
    (dict(months=0), coopecon.UsageError, "months"),
    (dict(runs=0), coopecon.UsageError, "runs"),
    (dict(every=0), coopecon.UsageError, "report_every"),
    (dict(indicators=["nope"]), coopecon.UsageError, "indicators"),
    (dict(by="planet"), coopecon.UnknownNameError, "planet"),
    (dict(start="2025-02-30"), coopecon.InvalidValueError, "2025-02-30"),
    (dict(seed=-1), coopecon.UsageError, "seed"),
    (dict(seed=2**64), coopecon.UsageError, "seed"),
    (dict(threads=-1), coopecon.UsageError, "threads"),
])
def test_bad_options_are_refused_before_anything_runs(ca_mau, options, error, where):
    events = ca_mau.event_count
    with pytest.raises(error, match=where):
        small(ca_mau, **options)
    assert ca_mau.event_count == events


def test_a_bad_pickled_scenario_is_refused():
    text = coopecon.Scenario.baseline().dumps()
    for state, message in [((2, text, None, None), "pickle version 2"),
                           ((1, text, "reform.json", None), "reform file without its text"),
                           ((1, 42), "expected a tuple")]:
        blank = _core.Scenario.__new__(_core.Scenario)
        with pytest.raises(coopecon.InvalidValueError, match=message):
            blank.__setstate__(state)


# ---- runs -------------------------------------------------------------------------------------------------

def test_a_simulation_is_a_tidy_frame_of_run_date_and_indicator(ca_mau):
    frame = small(ca_mau)
    indicators = simulation.standard_indicators()
    assert list(frame.columns) == ["run", "seed", "date", "indicator", "value"]
    assert len(frame) == 6 * 6 * len(indicators)
    assert list(frame["indicator"].cat.categories) == indicators
    assert sorted(frame["run"].unique()) == list(range(6)) and set(frame["seed"]) == {7}
    assert list(frame["date"].unique()) == list(pd.to_datetime(
        ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"]))
    assert frame.attrs["start"] == datetime.date(2025, 12, 31) and frame.attrs["stats"]["baseline"]["refused"] == 0
    # The counts add up: organisations are cooperatives, groups and the union.
    wide = frame.pivot_table(index=["run", "date"], columns="indicator", values="value", observed=True)
    assert (wide["organizations"] >= wide["cooperatives"] + wide["cooperative_groups"]).all()


def test_results_do_not_depend_on_threads_and_runs_keep_their_numbers(ca_mau):
    one = small(ca_mau, threads=1)
    pd.testing.assert_frame_equal(one, small(ca_mau, threads=2))
    part = small(ca_mau, runs=3, first_run=2)
    pd.testing.assert_frame_equal(part, one[one["run"].between(2, 4)].reset_index(drop=True))


def test_different_seeds_give_different_outcomes(ca_mau):
    a, b = small(ca_mau, seed=7), small(ca_mau, seed=8)
    assert not np.array_equal(a["value"].to_numpy(), b["value"].to_numpy())
    pd.testing.assert_frame_equal(a, small(ca_mau, seed=7))


def test_indicators_grouped_and_every_third_month(ca_mau):
    frame = small(ca_mau, indicators=["cooperatives"], by="kind", every=3)
    assert list(frame.columns) == ["run", "seed", "date", "indicator", "group", "value"]
    assert list(frame["date"].unique()) == list(pd.to_datetime(["2026-03-31", "2026-06-30"]))
    totals = frame[frame["group"] == "total"].set_index(["run", "date"])["value"]
    cooperatives = frame[frame["group"] == "cooperative"].set_index(["run", "date"])["value"]
    pd.testing.assert_series_equal(totals, cooperatives)


def test_quantiles_are_numpys_across_runs(ca_mau):
    frame = small(ca_mau, runs=9)
    table = coopecon.quantiles(frame, [0.05, 0.5, 0.95])
    row = table[(table["indicator"] == "members") & (table["date"] == pd.Timestamp("2026-06-30"))].iloc[0]
    values = frame[(frame["indicator"] == "members") & (frame["date"] == pd.Timestamp("2026-06-30"))]["value"]
    assert row[0.05] == pytest.approx(np.quantile(values, 0.05))
    assert row[0.95] == pytest.approx(np.quantile(values, 0.95))
    assert row["mean"] == pytest.approx(values.mean())
    assert len(table) == 6 * len(simulation.standard_indicators())


def test_differences_are_paired_by_run(ca_mau):
    frame = coopecon.compare(ca_mau, [None, SCENARIOS / "dissolve-suspended.json"], start=START, months=24,
                             runs=6, seed=7, progress=False)
    assert list(frame["scenario"].cat.categories) == ["baseline", "dissolve-suspended"]
    base = frame[frame["scenario"] == "baseline"].drop(columns="scenario").reset_index(drop=True)
    pd.testing.assert_frame_equal(base, small(ca_mau, months=24))  # compare runs each with the same seeds
    delta = coopecon.differences(frame)
    scen = frame[frame["scenario"] == "dissolve-suspended"].reset_index(drop=True)
    np.testing.assert_array_equal(delta["value"].to_numpy(), scen["value"].to_numpy() - base["value"].to_numpy())
    # Nothing happens before the programme starts: the runs are identical until then.
    before = delta[delta["date"] < pd.Timestamp("2026-01-01")]
    assert len(before) == 0 or (before["value"] == 0).all()
    # The programme dissolves: fewer cooperatives than the paired baseline run, never more.
    cooperatives = delta[(delta["indicator"] == "cooperatives") & (delta["date"] == delta["date"].max())]
    assert (cooperatives["value"] <= 0).all() and (cooperatives["value"] < 0).any()
    pd.testing.assert_frame_equal(coopecon.differences(base, scen), delta)
    with pytest.raises(coopecon.UsageError, match="different seeds"):
        coopecon.differences(base, small(ca_mau, months=24, seed=8))
    with pytest.raises(coopecon.UsageError, match="scenario column"):
        coopecon.differences(base)


def test_compare_checks_every_scenario_before_running_any(ca_mau):
    nowhere = {"name": "nowhere", "programmes": [{"id": "p", "type": "rate_change", "from": "2026-01-01",
                                                  "target": {"areas": ["XX99"]}, "hazard": "founding", "factor": 2}]}
    calls = []
    with pytest.raises(coopecon.UnknownNameError) as caught:
        coopecon.compare(ca_mau, [None, SCENARIOS / "credit-support.json", nowhere], start=START, months=3, runs=2,
                         progress=lambda done, total: calls.append(done))
    assert [p["path"] for p in caught.value.problems] == ["scenarios[2].programmes[0].target.areas[0]"]
    assert calls == []


def test_scenario_names_label_the_rows_and_must_differ(ca_mau):
    with pytest.raises(coopecon.DuplicateError, match="scenarios\\[1\\]"):
        coopecon.compare(ca_mau, [None, SCENARIOS / "baseline.json"], runs=1, progress=False)


def test_to_xarray_has_run_date_and_indicator_dimensions(ca_mau):
    frame = coopecon.compare(ca_mau, [None, SCENARIOS / "credit-support.json"], start=START, months=3, runs=4,
                             seed=3, progress=False)
    dataset = coopecon.to_xarray(frame)
    assert dict(dataset["value"].sizes) == {"scenario": 2, "run": 4, "date": 3, "indicator": 11}
    assert list(dataset["indicator"].values) == simulation.standard_indicators()
    one = frame.iloc[37]
    assert dataset["value"].sel(scenario=one["scenario"], run=one["run"], date=one["date"],
                                indicator=one["indicator"]).item() == one["value"]
    assert dataset.attrs["seed"] == 3 and dataset.attrs["start"] == "2025-12-31"


def test_calibration_gives_rates_with_confidence_intervals(ca_mau):
    rates = coopecon.calibrate(ca_mau, until="2025-12-31")
    assert list(rates.columns) == ["hazard", "kind", "sector", "events", "exposure", "rate", "lower", "upper"]
    assert rates.attrs["from"] == datetime.date(2023, 1, 1) and rates.attrs["until"] == datetime.date(2025, 12, 31)
    measured = rates[rates["exposure"] > 0]
    assert ((measured["lower"] <= measured["rate"]) & (measured["rate"] <= measured["upper"])).all()
    suspension = rates[(rates["hazard"] == "suspension") & (rates["kind"] == "cooperative")
                       & (rates["sector"] == "agriculture")].iloc[0]
    assert suspension["rate"] == pytest.approx(suspension["events"] / suspension["exposure"])
    by_kind = coopecon.calibrate(ca_mau, until="2025-12-31", by="kind", confidence=0.99)
    assert list(by_kind.columns[:2]) == ["hazard", "kind"]
    with pytest.raises(coopecon.UnknownNameError, match="calibration key"):
        coopecon.calibrate(ca_mau, by=["district"])


# ---- progress, Ctrl-C and cancellation --------------------------------------------------------------------

def test_a_progress_function_sees_every_run(ca_mau):
    seen = []
    small(ca_mau, runs=5, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (5, 5) and all(t == 5 for _, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    seen.clear()
    coopecon.compare(ca_mau, [None, SCENARIOS / "dissolve-suspended.json"], start=START, months=3, runs=4,
                     progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (8, 8)


def test_the_progress_bar_is_tqdm_when_installed_and_silent_otherwise(ca_mau, capsys, monkeypatch):
    small(ca_mau, runs=2, progress=True)
    assert "2/2" in capsys.readouterr().err
    monkeypatch.setitem(__import__("sys").modules, "tqdm", None)  # as if tqdm were not installed
    small(ca_mau, runs=2, progress=True)
    assert capsys.readouterr().err == ""


def threads_of_this_process():
    return len(os.listdir("/proc/self/task"))


def test_ctrl_c_stops_the_runs_and_raises_keyboard_interrupt(ca_mau):
    before = threads_of_this_process()
    timer = threading.Timer(0.5, _thread.interrupt_main)
    began = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        small(ca_mau, months=60, runs=5000, threads=2)  # about a minute if not stopped
    timer.join()
    assert time.monotonic() - began < 15  # the 5,000 runs take over a minute of CPU
    assert threads_of_this_process() == before


def test_an_exception_in_the_progress_function_stops_the_runs(ca_mau):
    def give_up(done, total):
        raise RuntimeError("enough")

    with pytest.raises(RuntimeError, match="enough"):
        small(ca_mau, months=60, runs=5000, progress=give_up)


def test_a_cancellation_token_raises_cancelled(ca_mau):
    token = simulation.CancellationToken()
    threading.Timer(0.3, token.cancel).start()
    with pytest.raises(coopecon.Cancelled) as caught:
        small(ca_mau, months=60, runs=5000, cancel=token)
    assert isinstance(caught.value, coopecon.UsageError) and caught.value.problems[0]["code"] == "usage"
    assert token.cancelled


def test_the_gil_is_free_while_runs_go_on(ca_mau):
    counted = 0
    worker = threading.Thread(target=small, args=(ca_mau,), kwargs=dict(months=60, runs=60))
    worker.start()
    while worker.is_alive():
        counted += 1
    worker.join()
    assert counted > 10_000
