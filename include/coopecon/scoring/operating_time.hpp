#pragma once
// How long an organisation has operated and how long it was suspended, read from its events: the two facts that
// keep a cooperative out of a year's classification (Thông tư 01/2020/TT-BKHĐT: operating under 12 months, or
// stopped more than 3 months in the year).

#include <coopecon/core/date.hpp>
#include <coopecon/core/ids.hpp>
#include <coopecon/export.hpp>

#include <cstdint>
#include <optional>

namespace coopecon {
class Registry;
struct OrgState;
}  // namespace coopecon

namespace coopecon::scoring {

/// Days of [from, to] during which organisation `i` was suspended (tạm ngừng kinh doanh), and the first of them.
struct Suspension {
    std::int32_t days = 0;
    std::optional<Date> first_day;
};

COOPECON_EXPORT Suspension suspension_between(const Registry& reg, OrgIndex i, Date from, Date to);

/// True when `days` of suspension, counted from `first_day`, last longer than `months` calendar months (so a
/// single suspension from 1 March to 31 May is 3 months, and one more day is more than 3 months).
COOPECON_EXPORT bool longer_than_months(const Suspension& s, std::int32_t months);

/// The day from which an organisation has operated as what it is now: its registration, or for a cooperative
/// group that became a cooperative, its conversion.
COOPECON_EXPORT Date operating_since(const OrgState& s);

}  // namespace coopecon::scoring
