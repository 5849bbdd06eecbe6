#pragma once
// A policy scenario: a name, an optional reform (a change of legal parameters from a date: law/reform.hpp),
// programmes that act on a targeted group of organisations from a date, and rate overrides. A scenario is
// small plain data, so it copies and pickles cheaply; it is read from JSON (format "coopecon-scenario",
// version 1; docs/simulation.md gives every key) and checked whole before a run: every problem is reported
// with its field path and, from a file, its line:column.

#include <coopecon/core/date.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/reform.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>
#include <coopecon/simulation/rates.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coopecon::simulation {

/// Which organisations a programme or a rate override concerns. An empty list means "any".
struct Target {
    std::vector<OrgKind> kinds;
    std::vector<Sector> sectors;
    std::vector<std::string> areas;  // area codes: an organisation seated in one of them or in a unit below it
    bool operator==(const Target&) const = default;
};
BOOST_DESCRIBE_STRUCT(Target, (), (kinds, sectors, areas))

enum class ProgrammeType : std::uint8_t {
    rate_change,         // multiplies `hazard` by `factor` for the target from `from` (to `until`)
    dissolve_suspended,  // dissolves every target organisation suspended for more than `months` months
    consolidate_weak,    // merges target cooperatives classed weak into a stronger one of the same area
};
BOOST_DESCRIBE_ENUM(ProgrammeType, rate_change, dissolve_suspended, consolidate_weak)

/// How a programme ends an organisation.
enum class ProgrammeAction : std::uint8_t {
    voluntary_dissolution,  // its members resolve to dissolve (the programme persuades and supports them)
    revocation,             // the registration office revokes its registration (compulsory dissolution)
};
BOOST_DESCRIBE_ENUM(ProgrammeAction, voluntary_dissolution, revocation)

struct Programme {
    std::string id;
    ProgrammeType type = ProgrammeType::rate_change;
    Date from;                   // first day it acts
    std::optional<Date> until;   // last day it acts; open-ended when absent
    Target target;
    std::optional<Hazard> hazard;            // rate_change: the rate changed
    std::optional<double> factor;            // rate_change: its multiplier (1.2 = +20 %)
    std::optional<std::int32_t> months;      // dissolve_suspended: suspended for more than this many months
    std::optional<ProgrammeAction> action;   // dissolve_suspended: default voluntary_dissolution
    std::optional<double> share_per_year;    // consolidate_weak: share of the weak merged per year (default 1)
    bool operator==(const Programme&) const = default;
};
BOOST_DESCRIBE_STRUCT(Programme, (),
                      (id, type, from, until, target, hazard, factor, months, action, share_per_year))

/// An absolute rate for a hazard, for the targeted kinds and sectors (areas are not used here).
struct RateOverride {
    Hazard hazard = Hazard::suspension;
    Target target;
    double value = 0;
    bool operator==(const RateOverride&) const = default;
};
BOOST_DESCRIBE_STRUCT(RateOverride, (), (hazard, target, value))

struct Scenario {
    std::string name;                         // e.g. baseline
    std::string title;
    std::optional<std::string> reform_file;   // as written in the file (relative to it)
    std::optional<law::Reform> reform;        // the reform read from it, or given by a caller
    std::vector<Programme> programmes;
    std::vector<RateOverride> rates;
    bool operator==(const Scenario& o) const {
        return name == o.name && title == o.title && reform_file == o.reform_file && programmes == o.programmes &&
               rates == o.rates && reform.has_value() == o.reform.has_value();
    }
};

/// The baseline: no reform, no programme, no override.
inline Scenario baseline_scenario() { return Scenario{"baseline", "Baseline: rates as calibrated", {}, {}, {}, {}}; }

/// Every problem of the scenario on its own (programme fields that its type needs or does not take, values
/// out of range, inverted periods, duplicate ids), with the paths of its JSON form (programmes[1].factor).
/// Area codes are checked when a run starts, against the registry's catalogue.
COOPECON_EXPORT Problems check(const Scenario& scenario);

/// Reads a scenario from JSON text; `file` names it in problems and `base` is the folder a relative
/// reform_file is read from. Throws Error listing every problem with file:line:column.
COOPECON_EXPORT Scenario read_scenario(std::string_view text, std::string_view file,
                                       const std::filesystem::path& base = {});
/// Reads the scenario file at `path` (a reform file is read relative to its folder).
COOPECON_EXPORT Scenario read_scenario_file(const std::filesystem::path& path);
/// Gives problems found later in a scenario read from the file at `path` (such as those of
/// check(scenario, registry): unknown area codes, a reform that does not fit) the file's name and the
/// line:column of their field paths. Throws Error when the file cannot be read.
COOPECON_EXPORT void locate_in_file(Problems& problems, const std::filesystem::path& path);
/// The scenario as JSON text, which read_scenario reads back (the reform as its file name only).
COOPECON_EXPORT std::string write_scenario(const Scenario& scenario);

}  // namespace coopecon::simulation
