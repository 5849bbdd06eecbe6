#include <coopecon/law/period.hpp>

#include <algorithm>

namespace coopecon::law {

std::optional<Date> next_law_change_after(const Framework& law, Date d) noexcept {
    std::optional<Date> next;
    auto consider = [&](Date change) {
        if (change > d && change.in_calendar() && (!next || change < *next)) next = change;
    };
    for (const auto& p : law.regimes().periods()) {
        consider(p.from);
        if (p.until) consider(p.until->plus_days(1));
    }
    return next;
}

bool period_restarts_on(const Framework& law, Param p, Date d, AcrossLawChange across) noexcept {
    if (across == AcrossLawChange::keep_start || d == Date::min()) return false;
    if (next_law_change_after(law, d.plus_days(-1)) != d) return false;
    if (across == AcrossLawChange::restart) return true;
    return law.value(p, d.plus_days(-1)) != law.value(p, d);
}

namespace {

/// keep_start: the first day on which the months of `p` in force that day have run since `first_day`.
std::optional<Date> kept_period_runs_out(const Framework& law, Param p, Date first_day) {
    for (const auto& period : law.timeline(p).periods()) {
        if (period.until && *period.until < first_day) continue;
        Date out = last_day_of_months(first_day, period.value).plus_days(1);
        if (!out.in_calendar() && out > first_day) return std::nullopt;  // after 9999-12-31: never
        if (out < period.from) out = period.from;
        if (period.until && out > *period.until) continue;
        return out;
    }
    return std::nullopt;
}

}  // namespace

std::optional<Date> period_runs_out(const Framework& law, Param p, Date first_day, AcrossLawChange across) {
    if (across == AcrossLawChange::keep_start) return kept_period_runs_out(law, p, first_day);
    for (;;) {
        const auto months = law.value(p, first_day);
        if (!months) {
            // Not in force: the period counts from the first day a later law has it.
            const auto& periods = law.timeline(p).periods();
            const auto later = std::find_if(periods.begin(), periods.end(),
                                            [&](const auto& period) { return period.from > first_day; });
            if (later == periods.end()) return std::nullopt;
            first_day = later->from;
            continue;
        }
        const Date out = last_day_of_months(first_day, *months).plus_days(1);
        if (!out.in_calendar()) return std::nullopt;  // runs out after 9999-12-31: never
        // Each change is after the one before and first_day moves to one of them, so both loops are bounded by the
        // number of the law's changes.
        auto change = next_law_change_after(law, first_day);
        while (change && *change <= out && !period_restarts_on(law, p, *change, across))
            change = next_law_change_after(law, *change);
        if (!change || *change > out) {
            // A length changed inside one law (a reform) applies at the end, as with keep_start.
            if (law.value(p, out.plus_days(-1)) != months) return kept_period_runs_out(law, p, first_day);
            return out;
        }
        first_day = *change;
    }
}

}  // namespace coopecon::law
