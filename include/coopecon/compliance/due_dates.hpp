#pragma once
// When a duration rule falls due for a condition that goes on holding: the incremental form of the check
// (compliance/check.hpp), for code that follows organisations day by day (the simulation) and must not replay
// whole histories to learn when the registration office may act. The threshold is the one the check reports:
// counted from `counted_from`, calendar months as Date::plus_months counts them, the months in force on the
// threshold, and with AcrossLawChange::restart a change of law before it starts the count again.

#include <coopecon/compliance/conditions.hpp>
#include <coopecon/core/date.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/compliance_rule.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/law_calendar.hpp>

#include <optional>

namespace coopecon::compliance {

/// The first day on which rule `r` is due for a condition that began (was counted) on `counted_from` and still
/// holds: the check (compliance::check) reports it `due` at the end of that day and of every later day while the
/// condition holds. For an immediate rule it is `counted_from`; for a lapse, or a duration rule whose months
/// are not in force, nullopt.
COOPECON_EXPORT std::optional<Date> due_date(const law::Framework& law, const law::LawCalendar& calendar, law::Rule r,
                                             Date counted_from, AcrossLawChange across = AcrossLawChange::restart);

}  // namespace coopecon::compliance
