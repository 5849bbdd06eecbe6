#pragma once
// Periods of months the law counts: how long a condition must last before it is a ground (2023 Law Art 103.1;
// 2012 Law Art 54.2), how long a dissolution waits before it completes by lapse (2023 Law Art 98.7b, 99.3;
// Decree 92/2024/NĐ-CP Art 50.5, 51.3, 63), how long a group must operate before it converts (Art 108.1b).
// One rule counts them all, the Civil Code's (Law 91/2015/QH13):
// - Art 147.2: the day of the event that starts a period is not counted; the period starts the next day;
// - Art 148.3: a period of months ends at the end of the day with the event's number in its last month, or of
//   the last day of that month when it has no such day (Date::plus_months);
// - so what follows the period (a ground, a termination) follows on the day after it ends.
// Art 148.5 (a period ending on a day off ends on the next working day) is not applied: public holidays are not
// modelled, and a ground or a lapse is not an act someone must perform by that day.
//
// Across a change of law (a new regime of the framework, e.g. the 2023 Law from 2024-07-01) a running period is
// kept or counted again (docs/legal-rules.md, "Across the change of law").

#include <coopecon/core/date.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/parameter.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>

namespace coopecon::law {

/// Whether a period that runs into a new law keeps the days counted under the old one.
enum class AcrossLawChange : std::uint8_t {
    by_rule,     // kept when the new law gives the same condition the same length (the ground continues, 2023 Law
                 // Art 115.1: existing cooperatives continue under it); counted again from the new law's first day
                 // when the length changes or the old law had no such period (no retroactive effect, Law on the
                 // Promulgation of Legal Documents 80/2015/QH13 Art 152.3)
    restart,     // counted again from the first day of every new law
    keep_start,  // counted from the event whatever law was then in force, with the length in force at its end
};
BOOST_DESCRIBE_ENUM(AcrossLawChange, by_rule, restart, keep_start)

/// The day after a period of `months` started by an event on `event_day` ends (Civil Code Art 147.2, 148.3).
constexpr Date day_after_months(Date event_day, std::int64_t months) noexcept {
    return event_day.plus_months(months).plus_days(1);
}

/// The last day of the period of `months` whose first counted day is `first_day`.
constexpr Date last_day_of_months(Date first_day, std::int64_t months) noexcept {
    return first_day.plus_days(-1).plus_months(months);
}

/// True when a period of parameter `p` that was running on the day before `d` is counted again from `d`.
COOPECON_EXPORT bool period_restarts_on(const Framework& law, Param p, Date d, AcrossLawChange across) noexcept;

/// The first day after a period of the months of `p` whose first counted day is `first_day`, the months being
/// those in force at its end, and a change of law before that end handled by `across` (the period then counts
/// from the new law's first day). When `p` is not in force on `first_day`, the period counts from the first day
/// it is (by_rule, restart) or runs out on that day at the earliest (keep_start). nullopt when `p` is never in
/// force from `first_day` on.
COOPECON_EXPORT std::optional<Date> period_runs_out(const Framework& law, Param p, Date first_day,
                                                    AcrossLawChange across);

/// The first day after `d` on which a regime of `law` begins or ends; nullopt when none ever does
/// (law::LawCalendar keeps them for scans that ask often).
COOPECON_EXPORT std::optional<Date> next_law_change_after(const Framework& law, Date d) noexcept;

}  // namespace coopecon::law
