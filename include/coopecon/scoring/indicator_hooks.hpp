#pragma once
// The indicators' scoring hooks (indicators/scoring_hooks.hpp) built from the scoring rules, so the standard
// classification, effective-share and NTM 13.1 indicators follow the same data as scoring::classify and
// scoring::ntm_13_1, including replaced bands or effective classes:
//
//     indicators::Query q;  q.scoring = scoring::indicator_hooks(rules);
//     auto table = indicators::compute(registry, q, period);   // with indicators::catalogue(q.scoring)
//
// The indicators classify from snapshot columns (the latest assessment's total and the year of the latest
// sanction); the not-rated rules that need the event history (operating under 12 months, suspended more than 3
// months) are applied by scoring::classify only.

#include <coopecon/export.hpp>
#include <coopecon/indicators/scoring_hooks.hpp>
#include <coopecon/scoring/rules.hpp>

#include <memory>

namespace coopecon::scoring {

/// Hooks that class an assessment by the bands of its scheme for its year (the nearest version for years
/// outside every version), make it weak when the scheme says a sanction in that year does, and count as
/// effective, for NTM 13.1, the classes and kinds of the latest version of the criterion.
COOPECON_EXPORT indicators::ScoringHooks indicator_hooks(std::shared_ptr<const Rules> rules = vietnam());

}  // namespace coopecon::scoring
