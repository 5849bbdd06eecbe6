#include <coopecon/indicators/period.hpp>

#include <coopecon/core/error.hpp>

#include <string>
#include <utility>

namespace coopecon::indicators {

Period period_between(Date start, Date end) {
    if (end < start) throw Error(ErrorCode::usage, "the period ends (" + end.iso() + ") before it starts (" + start.iso() + ")");
    return {start, end, start.iso() + ".." + end.iso()};
}

std::vector<Period> series(Date from, Date to, PeriodLength length) {
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
