#pragma once
// The catalogue of standard indicators, as the statistics office (GSO), the Ministry of Planning and Investment
// and provincial collective-economy plans report them, with the ILO guidelines' categories kept apart
// (members, work) and the Law's definitions where it has one (domain reference §8).
//
// Stocks count organisations that exist at the end of the period (registered, not terminated: "hiện có");
// flows count events within the period; growth compares with the end of the previous period. Member figures
// add up every kind of membership of the organisations in the group: group the table by kind to keep
// cooperatives, unions (whose members are cooperatives) and cooperative groups apart, or use the
// kind-specific indicators.
//
// The catalogue is data, data/indicators/catalogue.json (compiled into the library), each indicator with its
// labels, unit, definition, practice and reference and its expression written as a user-defined spec
// (spec.hpp); it is read once. Its filter keys "effective" and "ntm_13_1_qualifying" stand for the scoring
// hooks' effective classes and NTM 13.1 qualifying organisations, filled in from the hooks given here.

#include <coopecon/export.hpp>
#include <coopecon/indicators/indicator.hpp>
#include <coopecon/indicators/scoring_hooks.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace coopecon::indicators {

/// The standard indicators; those on classification, NTM and OCOP follow `hooks` (provisional).
COOPECON_EXPORT std::vector<Indicator> catalogue(const ScoringHooks& hooks = {});

/// The catalogue's indicator with this id; an Error listing the known ids otherwise.
COOPECON_EXPORT Indicator catalogue_indicator(std::string_view id, const ScoringHooks& hooks = {});

/// The catalogue's indicators with these ids, in this order.
COOPECON_EXPORT std::vector<Indicator> catalogue_indicators(const std::vector<std::string>& ids,
                                                            const ScoringHooks& hooks = {});

}  // namespace coopecon::indicators
