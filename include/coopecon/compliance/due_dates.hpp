#pragma once
// When a duration rule falls due for a condition that goes on holding: the incremental form of the check
// (compliance/check.hpp), for code that follows organisations day by day (the simulation) and must not replay
// whole histories to learn when the registration office may act. The threshold is the one the check reports.

#include <coopecon/compliance/conditions.hpp>
#include <coopecon/core/date.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/compliance_rule.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/period.hpp>

#include <optional>

namespace coopecon::compliance {

/// The first day on which rule `r` is due for a condition that began on `began`, counted from `counted_from`
/// (ConditionPeriod) and still holds: the check (compliance::check) reports it `due` at the end of that day and
/// of every later day while the condition holds. For an immediate rule it is `began`; for a duration rule the day
/// after its period ends (law::period_runs_out); for a lapse, or a duration rule whose months are never in force
/// again, nullopt.
COOPECON_EXPORT std::optional<Date> due_date(const law::Framework& law, law::Rule r, Date began, Date counted_from,
                                             AcrossLawChange across = AcrossLawChange::by_rule);

}  // namespace coopecon::compliance
