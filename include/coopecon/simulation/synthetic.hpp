#pragma once
// Synthetic registries: populations of organisations with whole event histories, generated from a profile
// (simulation/profile.hpp) and a seed, and recorded through Registry::add like any other data, so that every
// history is validated against the transition table and the integrity rules.
//
// Generation has three steps.
//  1. Plan, per population: the state at as_of, where the published figures are — every organisation's fate
//     (live at as_of or terminated before it), registration date, sector and seat, which live ones are
//     suspended, how many members of each kind each has. Exact totals are split by apportion(); selections are
//     samples of exact size. Organisations are then numbered in order of registration.
//  2. History to as_of, per organisation: the events that lead to the planned state, conditioned on it.
//     Organisations are independent, so batches are generated on several threads.
//  3. After as_of, up to history_until: one run of the dynamics (simulation/engine.hpp) from the registry at
//     as_of, with rates from the profile's expected numbers, so the years after the calibration date pass
//     through the same transition table, legal framework and compliance due dates as any projection.
//
// Every number drawn comes from the seed tree SeedTree(seed).child(id_prefix).child(step).child(plan index),
// where the plan index is fixed before any ordering, and the run of step 3 from SeedTree(seed).child(
// "dynamics"): the output does not depend on the number of threads, on the batch size, or on the order in
// which organisations are generated.

#include <coopecon/core/date.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/model/area_catalog.hpp>
#include <coopecon/registry/registry.hpp>
#include <coopecon/simulation/profile.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace coopecon::simulation {

/// The seed used when none is given (the CLI's default too).
inline constexpr std::uint64_t default_seed = 20230831;

struct SynthesisOptions {
    std::size_t batch = 20'000;  // organisations per Registry::add: bounds the memory of histories in flight
    unsigned threads = 0;        // generating threads; 0: one per hardware thread. The output is the same.
    std::shared_ptr<const law::Framework> law;  // default: Vietnam's embedded framework (law::vietnam())
    std::shared_ptr<const AreaCatalog> areas;   // default: Vietnam's embedded areas (vietnam_areas())
};

/// Maximum points of the 15 criteria of Thông tư 01/2020/TT-BKHĐT, in order. Groups I and II (60 points) are
/// from the circular; the split of group III's 40 points over TC10–TC15 is an assumption (UNCONFIRMED).
inline constexpr std::array<std::int32_t, 15> tt01_2020_criterion_maxima{7, 6, 11, 6, 8, 6, 6, 6, 4, 8, 8, 8, 6, 6, 4};

/// The last financial year (calendar year) closed on or before `d`.
constexpr std::int32_t latest_closed_year(Date d) noexcept {
    return d.month() == 12 && d.day() == 31 ? d.year() : d.year() - 1;
}

/// A registry generated from `profile` and `seed`: the same profile and seed give the same registry, whatever
/// the options. Throws Error when the profile cannot be met (e.g. more suspended organisations than qualify);
/// a generated history that the registry refused would be a bug and is reported as the registry's Error.
COOPECON_EXPORT Registry synthesize(const Profile& profile, std::uint64_t seed, const SynthesisOptions& options);

COOPECON_EXPORT Registry synthesize(const Profile& profile, std::uint64_t seed = default_seed);

}  // namespace coopecon::simulation
