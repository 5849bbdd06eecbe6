#pragma once
// Reporting periods. A period is a closed range of days [start, end]: flows (new, dissolved, converted, merged)
// count events dated within it, stocks are read at its end, and growth compares with the stock at the end of
// the previous period, the day before `start`. A series is the calendar months, quarters or years that cover
// [from, to], the first starting on its calendar boundary and the last cut at `to`.

#include <coopecon/core/labelled_enum.hpp>
#include <coopecon/core/date.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/export.hpp>
#include <coopecon/indicators/text.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace coopecon::indicators {

COOPECON_LABELLED_ENUM(PeriodLength, std::uint8_t,
    (month, "Month", "Tháng"),
    (quarter, "Quarter", "Quý"),
    (year, "Year", "Năm"))

struct Period {
    Date start;
    Date end;        // included
    std::string id;  // 2023-01, 2023-Q1, 2023, or start..end for a free range
    bool operator==(const Period&) const = default;
};

/// The free period [start, end].
COOPECON_EXPORT Period period_between(Date start, Date end);

/// Calendar periods covering [from, to].
COOPECON_EXPORT std::vector<Period> series(Date from, Date to, PeriodLength length);

}  // namespace coopecon::indicators
