// Simulation: scenarios, Monte Carlo runs and calibration. Tables cross as dicts of
// numpy columns (codes and their dictionaries for text); coopecon/simulation.py makes the DataFrames.
//
// A run goes on a thread of its own, which holds the registry's shared lock and never the GIL, while the
// calling thread passes progress to the Python callback and lets Python's signal handlers run
// (interruptible.hpp): Ctrl-C raises KeyboardInterrupt after the runs are cancelled and joined.

#include "bindings.hpp"
#include "date_caster.hpp"
#include "from_python.hpp"
#include "interruptible.hpp"
#include "shared_registry.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/core/text_file.hpp>
#include <coopecon/law/reform_json.hpp>
#include <coopecon/simulation/calibration.hpp>
#include <coopecon/simulation/engine.hpp>
#include <coopecon/simulation/scenario.hpp>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <boost/json/serialize.hpp>

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace coopecon::python {

namespace {

namespace sim = coopecon::simulation;

constexpr int scenario_pickle_version = 1;

/// A scenario with the text of its reform file, so that it pickles whole: a worker on another machine needs
/// neither the scenario file nor the reform file.
struct ScenarioHandle {
    std::shared_ptr<const sim::Scenario> scenario;
    std::optional<std::string> reform_text;
};

ScenarioHandle with_reform_text(sim::Scenario s, const std::filesystem::path& base) {
    std::optional<std::string> reform_text;
    if (s.reform_file) reform_text = read_text_file(base / *s.reform_file);
    return {std::make_shared<const sim::Scenario>(std::move(s)), std::move(reform_text)};
}

ScenarioHandle scenario_load(const std::filesystem::path& path) {
    py::gil_scoped_release release;
    return with_reform_text(sim::read_scenario_file(path), path.parent_path());
}

ScenarioHandle scenario_loads(const std::string& text, const std::string& file_name,
                              const std::filesystem::path& base) {
    py::gil_scoped_release release;
    return with_reform_text(sim::read_scenario(text, file_name, base), base);
}

/// A scenario from a dict shaped as the file. Its problems are reported by field path alone (a line and
/// column of the dict's JSON text would point at nothing the caller wrote); those of a reform file keep theirs.
ScenarioHandle scenario_from_dict(py::handle obj, const std::filesystem::path& base) {
    constexpr std::string_view dict_name = "<dict>";
    Problems conversion;
    const auto value = to_json_value(obj, "", conversion);
    throw_if_any(std::move(conversion));
    const auto text = boost::json::serialize(value);
    py::gil_scoped_release release;
    try {
        return with_reform_text(sim::read_scenario(text, dict_name, base), base);
    } catch (const Error& e) {
        Problems problems = e.problems();
        for (auto& p : problems)
            if (p.file == dict_name) {
                p.file.clear();
                p.line = p.column = 0;
            }
        throw Error(std::move(problems));
    }
}

py::tuple scenario_get_state(const ScenarioHandle& self) {
    sim::Scenario without_reform = *self.scenario;
    without_reform.reform_file.reset();
    without_reform.reform.reset();
    return py::make_tuple(scenario_pickle_version, sim::write_scenario(without_reform), self.scenario->reform_file,
                          self.reform_text);
}

ScenarioHandle scenario_set_state(const py::tuple& state) {
    const auto bad = [](const std::string& why) {
        return Error(ErrorCode::invalid_value, "cannot unpickle a coopecon Scenario: " + why);
    };
    if (state.size() != 4 || !py::isinstance<py::int_>(state[0]) || !py::isinstance<py::str>(state[1]))
        throw bad("expected a tuple (version, text, reform file, reform text)");
    if (const auto version = state[0].cast<int>(); version != scenario_pickle_version)
        throw bad("unknown pickle version " + std::to_string(version));
    const auto text = state[1].cast<std::string>();
    const auto reform_file = state[2].cast<std::optional<std::string>>();
    const auto reform_text = state[3].cast<std::optional<std::string>>();
    if (reform_file.has_value() != reform_text.has_value()) throw bad("a reform file without its text");
    py::gil_scoped_release release;
    auto s = sim::read_scenario(text, "<pickle>");
    if (reform_file) {
        s.reform_file = reform_file;
        s.reform = law::read_reform(*reform_text, *reform_file);
    }
    return {std::make_shared<const sim::Scenario>(std::move(s)), reform_text};
}

/// Set from Python (another thread, a GUI) to stop a simulation, which then raises coopecon.Cancelled.
using SharedToken = std::shared_ptr<sim::CancellationToken>;

/// Runs `work(registry, progress, token)` on a thread of its own (interruptible.hpp), passing its progress to the
/// Python callback and an external token's cancellation to the run's.
template <class Result, class Work>
Result run_watched(const SharedRegistry& registry, Work work, const py::object& progress,
                   const SharedToken& external) {
    struct Done {
        std::mutex mutex;
        std::size_t done = 0, total = 0;
    } shared;
    std::size_t reported = 0;
    try {
        return run_interruptible(
            [&](Interruptible& call) {
                const sim::Progress report = [&](std::size_t done, std::size_t total) {
                    {
                        std::lock_guard lock(shared.mutex);
                        shared.done = done;
                        shared.total = total;
                    }
                    call.wake();
                };
                return registry.read_off_gil([&](const Registry& r) -> Result { return work(r, report, &call.token()); });
            },
            [&](CancellationToken& token) {
                std::size_t done = 0, total = 0;
                {
                    std::lock_guard lock(shared.mutex);
                    done = shared.done;
                    total = shared.total;
                }
                if (done != reported && !progress.is_none()) progress(done, total);
                reported = done;
                if (external && external->cancelled()) token.cancel();
            });
    } catch (const sim::Cancelled& e) {
        py::list problems;
        for (const auto& p : e.problems()) problems.append(problem_to_python(p));
        const py::object cls = py::module_::import("coopecon.errors").attr("Cancelled");
        PyErr_SetObject(cls.ptr(), cls(e.what(), problems).ptr());
        throw py::error_already_set();
    }
}

template <class T>
py::array_t<T> simulation_column(const std::vector<T>& values) {
    py::array_t<T> out(static_cast<py::ssize_t>(values.size()));
    std::copy(values.begin(), values.end(), out.mutable_data());
    return out;
}

/// Days since 1970-01-01, as numpy's datetime64[D] counts them.
py::array_t<std::int64_t> simulation_days(const std::vector<Date>& dates) {
    py::array_t<std::int64_t> out(static_cast<py::ssize_t>(dates.size()));
    auto* data = out.mutable_data();
    for (std::size_t i = 0; i < dates.size(); ++i) data[i] = dates[i].days_since_epoch();
    return out;
}

py::dict simulation_series(const sim::SeriesTable& t) {
    py::dict out;
    out["run"] = simulation_column(t.run);
    out["seed"] = simulation_column(t.seed);
    out["date"] = simulation_days(t.date);
    out["indicator"] = simulation_column(t.indicator);
    out["indicator_ids"] = t.indicator_ids;
    out["group"] = simulation_column(t.group);
    out["group_codes"] = t.group_codes;
    out["group_keys"] = t.group_keys;
    out["value"] = simulation_column(t.value);
    return out;
}

py::dict simulation_stats(const sim::RunStats& s) {
    py::dict out;
    out["organisation_months"] = s.organisation_months;
    out["events"] = s.events;
    out["refused"] = s.refused;
    out["office_actions"] = s.office_actions;
    out["programme_actions"] = s.programme_actions;
    out["founded"] = s.founded;
    out["seconds"] = s.seconds;
    return out;
}

py::dict simulation_run(const SharedRegistry& registry, const ScenarioHandle& scenario, std::optional<Date> start,
                  std::int32_t months, std::int32_t runs, std::int32_t first_run, std::uint64_t seed,
                  unsigned threads, std::int32_t every, const std::vector<std::string>& indicators,
                  const std::vector<std::string>& by, const py::object& progress, const SharedToken& cancel) {
    sim::RunOptions o;
    o.start = start;
    o.months = months;
    o.runs = runs;
    o.first_run = first_run;
    o.seed = seed;
    o.threads = threads;
    o.report_every = every;
    o.indicators = indicators;
    for (const auto& key : by) o.by.push_back(indicators::GroupKey::parse(key));
    const auto results = run_watched<sim::Results>(
        registry,
        [&](const Registry& r, const sim::Progress& p, const sim::CancellationToken* token) {
            return sim::run(r, *scenario.scenario, o, p, token);
        },
        progress, cancel);
    py::dict out = simulation_series(results.series);
    out["scenario"] = results.scenario;
    out["start"] = date_to_python(results.start);
    out["stats"] = simulation_stats(results.stats);
    return out;
}

/// Every problem that would stop a run of any of the scenarios on `registry` (their own checks, area codes the
/// registry lacks, a reform that does not fit its framework), found before anything runs. With `numbered`, paths
/// start with the scenario's place in the list: scenarios[1].programmes[0].target.areas[0].
void simulation_check(const SharedRegistry& registry, const std::vector<ScenarioHandle>& scenarios, bool numbered) {
    registry.read([&](const Registry& r) {
        Problems all;
        for (std::size_t i = 0; i < scenarios.size(); ++i)
            for (auto& p : sim::check(*scenarios[i].scenario, r)) {
                if (numbered) p.path = "scenarios[" + std::to_string(i) + "]" + (p.path.empty() ? "" : "." + p.path);
                all.push_back(std::move(p));
            }
        throw_if_any(std::move(all));
    });
}

py::dict simulation_calibrate(const SharedRegistry& registry, std::optional<Date> from, std::optional<Date> until,
                   const std::vector<std::string>& by, double confidence, double min_exposure) {
    sim::CalibrationOptions o;
    o.from = from;
    o.until = until;
    o.by.clear();
    for (const auto& key : by) {
        const auto k = enum_from_name<sim::CalibrationKey>(key);
        if (!k)
            throw Error(ErrorCode::unknown_name, json::in_quotes(key) + " is not a calibration key: " +
                                                     enum_names_list<sim::CalibrationKey>());
        o.by.push_back(*k);
    }
    o.confidence = confidence;
    o.min_exposure = min_exposure;
    const auto c = registry.read([&](const Registry& r) { return sim::calibrate(r, o); });

    const auto n = c.estimates.size();
    py::list hazard;
    std::vector<py::list> groups(by.size());
    std::vector<std::int64_t> events(n);
    std::vector<double> exposure(n), rate(n), lower(n), upper(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& e = c.estimates[i];
        hazard.append(std::string(enum_name(e.hazard)));
        for (std::size_t k = 0; k < groups.size(); ++k) groups[k].append(e.group[k]);
        events[i] = e.events;
        exposure[i] = e.exposure;
        rate[i] = e.rate;
        lower[i] = e.lower;
        upper[i] = e.upper;
    }
    py::dict out;
    out["from"] = date_to_python(c.from);
    out["until"] = date_to_python(c.until);
    out["hazard"] = hazard;
    py::dict group_columns;
    for (std::size_t k = 0; k < groups.size(); ++k) group_columns[py::str(by[k])] = groups[k];
    out["groups"] = group_columns;
    out["events"] = simulation_column(events);
    out["exposure"] = simulation_column(exposure);
    out["rate"] = simulation_column(rate);
    out["lower"] = simulation_column(lower);
    out["upper"] = simulation_column(upper);
    return out;
}

std::vector<std::string> simulation_hazard_names() {
    std::vector<std::string> out;
    for (const auto h : enum_values<sim::Hazard>()) out.emplace_back(enum_name(h));
    return out;
}

}  // namespace

void bind_simulation(py::module_& m) {
    py::class_<ScenarioHandle>(m, "Scenario", "A policy scenario: a reform, programmes and rate overrides.")
        .def_static("baseline", [] { return ScenarioHandle{std::make_shared<const sim::Scenario>(sim::baseline_scenario()), {}}; },
                    "No reform, no programme, no override.")
        .def_static("load", &scenario_load, py::arg("path"),
                    "Reads and checks a scenario file (format coopecon-scenario); its reform is read relative to it.")
        .def_static("loads", &scenario_loads, py::arg("text"), py::arg("file_name") = "<string>",
                    py::arg("base") = std::filesystem::path(),
                    "Reads and checks a scenario's text; a reform file is read relative to `base`.")
        .def_static("from_dict", &scenario_from_dict, py::arg("scenario"), py::arg("base") = std::filesystem::path(),
                    "Reads and checks a scenario given as a dict shaped as the file; problems name field paths.")
        .def("dumps", [](const ScenarioHandle& self) { return sim::write_scenario(*self.scenario); },
             "The scenario file's text (the reform as its file name).")
        .def_property_readonly("name", [](const ScenarioHandle& self) { return self.scenario->name; })
        .def_property_readonly("title", [](const ScenarioHandle& self) { return self.scenario->title; })
        .def_property_readonly("reform_file", [](const ScenarioHandle& self) { return self.scenario->reform_file; })
        .def_property_readonly("reform_text", [](const ScenarioHandle& self) { return self.reform_text; })
        .def(py::pickle(&scenario_get_state, &scenario_set_state));

    py::class_<sim::CancellationToken, SharedToken>(m, "CancellationToken",
                                                    "Set from any thread to stop the simulations given it.")
        .def(py::init<>())
        .def("cancel", &sim::CancellationToken::cancel)
        .def_property_readonly("cancelled", &sim::CancellationToken::cancelled);

    m.def("simulate", &simulation_run, py::arg("registry"), py::arg("scenario"), py::arg("start"), py::arg("months"),
          py::arg("runs"), py::arg("first_run"), py::arg("seed"), py::arg("threads"), py::arg("every"),
          py::arg("indicators"), py::arg("by"), py::arg("progress"), py::arg("cancel"),
          "Monte Carlo runs first_run … first_run + runs - 1 of `seed`: the tidy table as columns, the scenario's "
          "name, the start date and the runs' statistics. `progress(done, total)` is called on this thread.");
    m.def("check_scenarios", &simulation_check, py::arg("registry"), py::arg("scenarios"), py::arg("numbered"),
          "Raises an Error listing every problem that would stop a run of the scenarios on the registry.");
    m.def("calibrate", &simulation_calibrate, py::arg("registry"), py::arg("from_"), py::arg("until"), py::arg("by"),
          py::arg("confidence"), py::arg("min_exposure"),
          "Rates estimated from the registry's history with their confidence intervals, as columns.");
    m.def("standard_indicator_ids", &sim::standard_indicator_ids, "The indicators a simulation computes by default.");
    m.def("hazards", &simulation_hazard_names, "The hazards of the simulation's rates, in order.");
}

}  // namespace coopecon::python
