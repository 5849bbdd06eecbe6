#pragma once
// Policy scenarios: the cooperative economy projected month by month from a registry through the same rules
// as real data, with Monte Carlo runs.
//
// Every run starts from the state of each organisation at `start` (replayed from its history), then draws what
// happens to it from monthly rates (simulation/rates.hpp) as competing risks: waiting times from the rates, so
// that an organisation costs work only when something happens to it. Yearly records (annual assemblies,
// financial years, reports, classification) are scheduled per organisation; the registration office acts on
// the due dates of the compliance rules (compliance/due_dates.hpp), by revocation or, where the law in force
// lets it, compulsory dissolution; dissolutions complete on a dossier or by lapse after the period the law
// gives. Every event is validated by Replay::step against the transition table of the framework in force (the
// registry's, or the scenario's reform applied to it) before it is applied: there is no second copy of the
// rules. docs/simulation.md describes the model.
//
// Randomness comes from the seed tree: run r draws from SeedTree(seed).child("run").child(r), and within it
// each organisation from its own child, so results do not depend on the number of threads, and a baseline and
// a scenario with the same seed share their random numbers wherever the scenario changes nothing (paired
// differences).

#include <coopecon/core/cancellation.hpp>
#include <coopecon/core/date.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/export.hpp>
#include <coopecon/indicators/group_key.hpp>
#include <coopecon/registry/registry.hpp>
#include <coopecon/simulation/rates.hpp>
#include <coopecon/simulation/scenario.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace coopecon::simulation {

/// Runs stop at the next month boundary when their token is set; the worker threads are joined and the call
/// throws Cancelled (the library's token and exception, core/cancellation.hpp).
using coopecon::CancellationToken;
using coopecon::Cancelled;

/// Called after each run completes with (runs done, runs in all). Calls come from the worker threads, one at a
/// time (they are serialised), with `done` going up by one from call to call.
using Progress = std::function<void(std::size_t done, std::size_t total)>;

struct RunOptions {
    std::optional<Date> start;   // the state at the end of this day is the starting point; default: the
                                 // registry's info().as_of, else its latest event date
    std::int32_t months = 60;    // months projected after start
    std::int32_t runs = 100;     // Monte Carlo runs
    std::int32_t first_run = 0;  // the runs are numbers first_run … first_run + runs - 1 of the seed tree, so that
                                 // workers given ranges of one seed compute exactly the rows of one process
    std::uint64_t seed = 1;      // root of the seed tree
    unsigned threads = 0;        // worker threads; 0: one per hardware thread. Results do not depend on it.
    std::vector<std::string> indicators;     // catalogue ids; empty: the standard set (standard_indicator_ids)
    std::vector<indicators::GroupKey> by;    // grouping of the indicators; empty: totals only
    std::int32_t report_every = 1;           // months between indicator dates (1: every month end)
    std::optional<Rates> rates;              // default: calibrated from the registry's own history
    bool keep_events = false;                // keep every simulated event (for project())
};

/// The indicators computed when RunOptions::indicators is empty.
COOPECON_EXPORT std::vector<std::string> standard_indicator_ids();

/// A tidy table: one row per (run, date, indicator, group), columns of equal length. Indicator ids and group
/// codes are dictionary-encoded (`indicator[i]` indexes `indicator_ids`), as pandas categoricals are.
struct SeriesTable {
    std::vector<std::string> indicator_ids;
    std::vector<std::string> group_codes;   // "total" for totals; several keys joined by "|"
    std::vector<std::string> group_keys;    // the grouping keys' ids, in order
    std::vector<std::int32_t> run;
    std::vector<std::uint64_t> seed;        // the root seed of every row's run
    std::vector<Date> date;
    std::vector<std::uint16_t> indicator;
    std::vector<std::uint32_t> group;
    std::vector<double> value;              // NaN where a ratio has no denominator

    std::size_t rows() const noexcept { return value.size(); }
    /// The value of one row, found by run, date, indicator id and group code; NaN when absent.
    double at(std::int32_t run, Date date, std::string_view indicator, std::string_view group = "total") const;
};

/// Quantiles across runs, one row per (date, indicator, group): linear interpolation between order statistics
/// (numpy's default, Hyndman and Fan type 7) over the runs with a value.
struct QuantileTable {
    std::vector<std::string> indicator_ids;
    std::vector<std::string> group_codes;
    std::vector<std::string> group_keys;
    std::vector<Date> date;
    std::vector<std::uint16_t> indicator;
    std::vector<std::uint32_t> group;
    std::vector<std::int32_t> runs;  // runs with a value
    std::vector<double> mean, p5, p50, p95;

    std::size_t rows() const noexcept { return date.size(); }
    /// The row of (date, indicator, group), or rows() when absent.
    std::size_t find(Date date, std::string_view indicator, std::string_view group = "total") const;
};

/// What the runs did, added up over all of them.
struct RunStats {
    std::int64_t organisation_months = 0;   // organisations existing at a month's start, summed over months
    std::int64_t events = 0;                // events applied (validated by Replay::step)
    std::int64_t refused = 0;               // events the transition table refused (not applied)
    std::int64_t office_actions = 0;        // revocations and compulsory dissolutions by the office
    std::int64_t programme_actions = 0;     // organisations a programme dissolved or merged
    std::int64_t founded = 0;
    double seconds = 0;                     // wall time of the whole call
};

struct Results {
    std::string scenario;
    Date start;
    std::int32_t months = 0;
    std::int32_t runs = 0;
    std::uint64_t seed = 0;
    SeriesTable series;
    QuantileTable quantiles;
    RunStats stats;
};

/// Monte Carlo runs of `scenario` from `start`. Throws Error listing every problem of the scenario or the
/// options before anything runs (a reform is applied to the registry's framework, and must fit it); throws
/// Cancelled when `cancel` is set, after every worker has stopped.
COOPECON_EXPORT Results run(const Registry& start, const Scenario& scenario, const RunOptions& options,
                            const Progress& progress = {}, const CancellationToken* cancel = nullptr);

/// A baseline and a scenario run with the same seeds, and their difference per paired run.
struct Comparison {
    Results baseline;
    Results scenario;
    SeriesTable difference;          // scenario - baseline, row by row
    QuantileTable difference_quantiles;
};

COOPECON_EXPORT Comparison compare(const Registry& start, const Scenario& baseline, const Scenario& scenario,
                                   const RunOptions& options, const Progress& progress = {},
                                   const CancellationToken* cancel = nullptr);

/// Quantiles of a tidy table across its runs.
COOPECON_EXPORT QuantileTable quantiles(const SeriesTable& series);

/// `scenario` − `baseline`, row by row, paired by (run, date, indicator id, group code); a row the baseline lacks
/// counts its value as 0. The rows and dictionaries are the scenario's.
COOPECON_EXPORT SeriesTable difference(const SeriesTable& baseline, const SeriesTable& scenario);

/// Every problem run() would refuse `scenario` for on `start`, before it runs: the scenario's own checks, area
/// codes of its targets that the registry's catalogue lacks, and a reform that does not fit the registry's
/// framework. Paths are those of the scenario's JSON form (programmes[0].target.areas[1]).
COOPECON_EXPORT Problems check(const Scenario& scenario, const Registry& start);

/// One run (number `run` of the seed tree) kept as a registry: the start registry's organisations with their
/// histories, the simulated events appended, and the organisations founded, all recorded through
/// Registry::add under the scenario's framework, so every history is validated once more.
COOPECON_EXPORT Registry project(const Registry& start, const Scenario& scenario, const RunOptions& options,
                                 std::int32_t run = 0);

}  // namespace coopecon::simulation
