#pragma once
// A compliance rule's condition in words, as a finding's message begins: the rule's text
// (law::RuleInfo::condition) with the period's figures, limit and dates in place of its placeholders.

#include <coopecon/compliance/conditions.hpp>
#include <coopecon/core/date.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/compliance_rule.hpp>
#include <coopecon/model/organization_kind.hpp>

#include <string>

namespace coopecon::compliance {

/// "4 official members, below the minimum of 5" for rule `r` over period `p` of an organisation of `kind`, judged
/// on `as_of`; a union's official members are its member cooperatives (Law 17/2023/QH15 Art 4.8) and are named
/// so. Dates are written as `lang` writes them (core/date_text.hpp). Throws std::logic_error when the rule's text
/// names a placeholder it does not know or one the period lacks.
COOPECON_EXPORT std::string condition_text(law::Rule r, const ConditionPeriod& p, Date as_of, Lang lang,
                                           OrgKind kind = OrgKind::cooperative);

}  // namespace coopecon::compliance
