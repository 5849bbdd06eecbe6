#pragma once
// Reporting periods. A period is a closed range of days [start, end]: flows (new, dissolved, converted, merged)
// count events dated within it, stocks are read at its end, and growth compares with the stock at the end of
// the previous period, the day before `start`. A series is the calendar months, quarters or years that cover
// [from, to], the first starting on its calendar boundary and the last cut at `to`.

#include <coopecon/core/date.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/indicators/text.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace coopecon::indicators {

enum class PeriodLength : std::uint8_t { month, quarter, year };
BOOST_DESCRIBE_ENUM(PeriodLength, month, quarter, year)

constexpr Label label(PeriodLength p) noexcept {
    switch (p) {
        case PeriodLength::month: return {"Month", "Tháng"};
        case PeriodLength::quarter: return {"Quarter", "Quý"};
        case PeriodLength::year: return {"Year", "Năm"};
    }
    return {"?", "?"};
}

struct Period {
    Date start;
    Date end;        // included
    std::string id;  // 2023-01, 2023-Q1, 2023, or start..end for a free range
    bool operator==(const Period&) const = default;
};

/// The free period [start, end].
inline Period period_between(Date start, Date end) {
    if (end < start) throw Error(ErrorCode::usage, "the period ends (" + end.iso() + ") before it starts (" + start.iso() + ")");
    return {start, end, start.iso() + ".." + end.iso()};
}

/// Calendar periods covering [from, to].
inline std::vector<Period> series(Date from, Date to, PeriodLength length) {
    if (to < from) throw Error(ErrorCode::usage, "the series ends (" + to.iso() + ") before it starts (" + from.iso() + ")");
    const int months = length == PeriodLength::month ? 1 : length == PeriodLength::quarter ? 3 : 12;
    const unsigned first_month =
        length == PeriodLength::year ? 1u : (from.month() - 1) / static_cast<unsigned>(months) * months + 1;
    Date start = *Date::from_ymd(from.year(), first_month, 1);
    std::vector<Period> out;
    while (start <= to) {
        const Date next = start.plus_months(months);
        const Date end = next.plus_days(-1) < to ? next.plus_days(-1) : to;
        std::string id = std::to_string(start.year());
        if (length == PeriodLength::month) id = start.iso().substr(0, 7);
        if (length == PeriodLength::quarter) id += "-Q" + std::to_string((start.month() - 1) / 3 + 1);
        out.push_back({start, end, std::move(id)});
        start = next;
    }
    return out;
}

}  // namespace coopecon::indicators
