#pragma once
// Whether an assessment's points fit its scheme: one number per criterion, in the scheme's order, each from 0
// to the criterion's maximum. The registry records assessments as given (the maxima of some criteria are
// UNCONFIRMED and may be replaced); they are judged here, against the rules in use.

#include <coopecon/core/error.hpp>
#include <coopecon/export.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/scoring/rules.hpp>

#include <optional>
#include <string>

namespace coopecon::scoring {

/// Every problem with `a`'s points under `version` (the scheme in force for its year). Each names the
/// organisation, the field path (points, points[i]), the rule and the legal basis of the maximum.
COOPECON_EXPORT Problems check_points(const Assessed& a, const Dated<SchemeRules>& version,
                                     const std::string& organization, std::optional<Date> assessed_on = std::nullopt);

}  // namespace coopecon::scoring
