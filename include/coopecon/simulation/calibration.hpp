#pragma once
// Rates estimated from a registry's own history: for each hazard and group (kind, sector, region, province,
// age band), the events in a window over the exposure in it — organisation-months spent in the statuses the
// hazard applies to — with an exact Poisson confidence interval (Garwood); for the hazards that are shares per
// occasion (an annual assembly missed, a report missed, a dissolution completed on a dossier), the share with
// a Wilson interval. docs/simulation.md gives the formulas.

#include <coopecon/core/date.hpp>
#include <coopecon/export.hpp>
#include <coopecon/registry/registry.hpp>
#include <coopecon/simulation/rates.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace coopecon::simulation {

enum class CalibrationKey : std::uint8_t { kind, sector, region, province, age_band };
BOOST_DESCRIBE_ENUM(CalibrationKey, kind, sector, region, province, age_band)

struct CalibrationOptions {
    std::optional<Date> from;  // first day of the window; default: 36 months before `until`
    std::optional<Date> until; // last day; default: the registry's info().as_of, else its latest event
    std::vector<CalibrationKey> by{CalibrationKey::kind, CalibrationKey::sector};  // groups of the estimates
    double confidence = 0.95;
    /// Below this exposure (organisation-months) a kind-and-sector rate falls back to the kind's pooled rate,
    /// and below it for the kind too, to default_rates().
    double min_exposure = 120;
};

/// One estimate: a hazard in a group.
struct RateEstimate {
    Hazard hazard = Hazard::suspension;
    std::vector<std::string> group;  // one code per key of CalibrationOptions::by (enumerator name, area code,
                                     // age band "0-1", "1-3", "3-5", "5-10", "10+" in years)
    std::int64_t events = 0;         // or occasions with the outcome, for shares
    double exposure = 0;             // organisation-months, or occasions for shares
    double rate = 0;                 // events / exposure (NaN without exposure)
    double lower = 0, upper = 0;     // confidence interval
};

struct Calibration {
    Date from, until;
    Rates rates;                            // by kind and sector, with the fallbacks above
    std::vector<RateEstimate> estimates;    // by the requested groups
};

/// Estimates the rates of a registry's history in a window. Throws Error (usage) for an empty window.
COOPECON_EXPORT Calibration calibrate(const Registry& registry, const CalibrationOptions& options = {});

/// Exact (Garwood) interval for a Poisson rate: k events in `exposure`, at `confidence`.
COOPECON_EXPORT std::pair<double, double> poisson_interval(std::int64_t k, double exposure, double confidence = 0.95);
/// Wilson score interval for a proportion: k of n, at `confidence`.
COOPECON_EXPORT std::pair<double, double> wilson_interval(std::int64_t k, std::int64_t n, double confidence = 0.95);

}  // namespace coopecon::simulation
