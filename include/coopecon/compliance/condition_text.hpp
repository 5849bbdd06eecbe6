#pragma once
// A compliance rule's condition in words, as a finding's message begins: the rule's text
// (law::RuleInfo::condition) with the period's figures, limit and dates in place of its placeholders.

#include <coopecon/compliance/conditions.hpp>
#include <coopecon/core/date.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/compliance_rule.hpp>

#include <string>

namespace coopecon::compliance {

/// "4 official members, below the minimum of 5" for rule `r` over period `p`, judged on `as_of`. Throws
/// std::logic_error when the rule's text names a placeholder it does not know or one the period lacks.
COOPECON_EXPORT std::string condition_text(law::Rule r, const ConditionPeriod& p, Date as_of, Lang lang);

}  // namespace coopecon::compliance
