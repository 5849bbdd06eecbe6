#pragma once
// A baseline and any number of scenarios run from one registry with the same seeds, and the summary people read:
// per indicator, the quantiles (p5, p50, p95) over the runs at each reported date for every scenario, and the
// quantiles of each scenario's difference from the baseline, paired run by run. The summary renders as aligned
// text, Markdown, CSV (one tidy table) or JSON with the library's table renderer (indicators/render.hpp).

#include <coopecon/core/date.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/export.hpp>
#include <coopecon/indicators/render.hpp>
#include <coopecon/indicators/table.hpp>
#include <coopecon/registry/registry.hpp>
#include <coopecon/simulation/engine.hpp>
#include <coopecon/simulation/scenario.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace coopecon::simulation {

/// One scenario's runs and, except for the baseline, their paired difference from the baseline's.
struct ScenarioOutcome {
    std::string name;
    std::string title;
    Results results;
    SeriesTable difference;               // scenario − baseline by run, date, indicator and group; empty for the baseline
    QuantileTable difference_quantiles;   // its quantiles; empty for the baseline
};

struct Projection {
    std::string registry;     // the start registry's title
    bool synthetic = false;   // the start registry is synthetic
    Date start;               // the state at the end of this day is the starting point
    std::int32_t months = 0;
    std::int32_t runs = 0;
    std::int32_t every = 1;   // months between reported dates
    std::uint64_t seed = 0;
    std::vector<ScenarioOutcome> outcomes;  // the baseline first
};

/// Runs the baseline and every scenario (`options.runs` runs each, the same seeds), after checking all of them
/// (run() refuses nothing that this does not refuse first, before any run). Rates not given in `options` are
/// calibrated once from the registry's history and shared. Scenario names must differ from each other and from
/// the baseline's, as they name the rows. Progress counts the runs of every scenario in one total; cancellation
/// throws Cancelled after every worker has stopped.
COOPECON_EXPORT Projection project_scenarios(const Registry& start, const Scenario& baseline,
                                             const std::vector<Scenario>& scenarios, const RunOptions& options,
                                             const Progress& progress = {},
                                             const CancellationToken* cancel = nullptr);

/// One table per indicator (id: the indicator's), rows (scenario, date) in the order of the outcomes, columns
/// p5, p50, p95 and the difference's p5, p50, p95 (missing for the baseline). Totals only: a grouped run's
/// groups are left out.
COOPECON_EXPORT std::vector<indicators::Table> projection_tables(const Projection& projection);

/// Every indicator in one tidy table: keys indicator, scenario, date; the columns of projection_tables.
COOPECON_EXPORT indicators::Table projection_table(const Projection& projection);

/// Text and Markdown: a heading (registry, start, months, runs, seed, scenarios) and the tables of
/// projection_tables; CSV: projection_table alone; JSON: the heading's fields and the tables.
COOPECON_EXPORT std::string render(const Projection& projection, indicators::Format format, Lang lang);

}  // namespace coopecon::simulation
