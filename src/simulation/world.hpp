#pragma once
// The dynamics of one simulation run (private to src/simulation): the setup shared by every run of a call,
// and the run itself, which advances day by day through a calendar of scheduled items.

#include <coopecon/compliance/conditions.hpp>
#include <coopecon/core/date.hpp>
#include <coopecon/history/replay.hpp>
#include <coopecon/indicators/engine.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/law_calendar.hpp>
#include <coopecon/registry/registry.hpp>
#include <coopecon/simulation/engine.hpp>
#include <coopecon/simulation/random.hpp>
#include <coopecon/simulation/rates.hpp>
#include <coopecon/simulation/scenario.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace coopecon::simulation::detail {

inline constexpr double days_per_month = 30.436875;
inline constexpr std::uint8_t unrated_class = 0xFF;

/// A programme ready to run: its targets resolved against the registry's areas.
struct ResolvedProgramme {
    Programme spec;
    std::uint8_t kinds = 0xFF;       // bit per OrgKind
    std::uint16_t sectors = 0xFFFF;  // bit per Sector
    std::vector<std::uint8_t> in_area;  // per AreaIndex; empty: every area

    bool active_on(Date d) const noexcept { return d >= spec.from && (!spec.until || d <= *spec.until); }
    bool targets(OrgKind k, Sector s, AreaIndex a) const noexcept {
        return ((kinds >> static_cast<unsigned>(k)) & 1u) && ((sectors >> static_cast<unsigned>(s)) & 1u) &&
               (in_area.empty() || (a < in_area.size() && in_area[a]));
    }
};

/// What an existing organisation brings into every run.
struct Initial {
    std::optional<Date> assembly_from;  // no_annual_assembly counted from (open condition at start)
    std::optional<Date> below_from;     // below_minimum_members / group_below_minimum_members: began
    std::optional<Date> below_counted;  // and its first day counted (compliance::ConditionPeriod)
    std::uint8_t cls = unrated_class;   // classification class at start (0 good … 3 weak)
};

/// Founding in one stretch of time between programme boundaries, per kind and sector.
struct FoundingEpoch {
    Date from;
    std::array<std::array<double, sector_count>, kind_count> per_month{};
    std::array<std::array<std::optional<WeightedChoice>, sector_count>, kind_count> areas;
};

/// Everything the runs of one call share, read-only.
struct Setup {
    const Registry* registry = nullptr;
    std::shared_ptr<const law::Framework> law;
    std::unique_ptr<law::LawCalendar> calendar;
    Rates rates;
    Date start, end;
    std::int32_t months = 0;
    std::vector<Date> month_ends;          // month_ends[m]: end of month m (m = 0 is start)
    std::vector<std::int32_t> report_months;  // indices into month_ends at which indicators are computed
    std::vector<ResolvedProgramme> programmes;
    std::vector<Date> boundaries;          // days on which a programme starts or stops: hazards are redrawn
    std::vector<FoundingEpoch> founding;
    std::vector<AreaIndex> founding_area_list;  // the areas founding weights refer to
    std::vector<Replay> replays;           // existing organisations at start
    std::vector<Initial> initial;
    std::vector<Sector> sectors;
    std::vector<AreaIndex> areas;
    std::vector<std::vector<std::uint32_t>> coops_by_area;  // existing cooperatives by seat (for mergers)
    std::vector<Date> minimum_changes;     // in (start, end]: days a minimum number of members changes
    // Indicators are computed over a catalogue of only the areas the organisations can be seated in (with their
    // ancestors and successors), so that each period's group-by does not map the whole country's communes.
    std::shared_ptr<const AreaCatalog> report_areas;
    std::vector<AreaIndex> report_area_of;  // registry AreaIndex -> report_areas index
    indicators::Query query;
    SnapshotColumns columns = SnapshotColumns::none();
    bool keep_events = false;
    std::uint64_t seed = 0;
};

/// Builds the setup (validating the scenario and options). Throws Error listing every problem.
Setup make_setup(const Registry& reg, const Scenario& scenario, const RunOptions& options);

/// One run's output.
struct RunOutput {
    // Tidy rows with run-local dictionaries.
    std::vector<std::string> indicator_ids;
    std::vector<std::string> group_codes;
    std::vector<std::string> group_keys;
    std::vector<Date> date;
    std::vector<std::uint16_t> indicator;
    std::vector<std::uint32_t> group;
    std::vector<double> value;
    RunStats stats;
    // With keep_events: new organisations (kind, sector, area, id) and every simulated event by organisation.
    struct Founded {
        OrgKind kind;
        Sector sector;
        AreaIndex area;
        std::string id;
    };
    std::vector<Founded> founded;
    std::vector<std::pair<std::uint32_t, Event>> events;
};

/// Runs number `run` of the setup. Returns false when `cancel` was set (between months).
bool simulate(const Setup& setup, std::int32_t run, RunOutput& out, const CancellationToken* cancel);

}  // namespace coopecon::simulation::detail
