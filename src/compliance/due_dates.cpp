#include <coopecon/compliance/due_dates.hpp>

namespace coopecon::compliance {

namespace {

/// The first day on which a condition counted from `from` has lasted the months of `p` in force that day.
std::optional<Date> threshold(const law::Framework& law, law::Param p, Date from) {
    for (const auto& period : law.timeline(p).periods()) {
        if (period.until && *period.until < from) continue;
        Date crossed = from.plus_months(static_cast<int>(period.value));
        if (crossed < period.from) crossed = period.from;
        if (period.until && crossed > *period.until) continue;
        return crossed;
    }
    return std::nullopt;
}

/// The threshold of a condition that goes on holding: with AcrossLawChange::restart, a change of law before the
/// threshold starts the count again.
std::optional<Date> projected_threshold(const law::Framework& law, const law::LawCalendar& calendar, law::Param p,
                                        Date from, AcrossLawChange across) {
    auto crossed = threshold(law, p, from);
    while (crossed && across == AcrossLawChange::restart) {
        const Date change = calendar.next_law_change_after(from);
        if (change > *crossed) break;
        from = change;
        crossed = threshold(law, p, from);
    }
    return crossed;
}

}  // namespace


std::optional<Date> due_date(const law::Framework& law, const law::LawCalendar& calendar, law::Rule r,
                             Date counted_from, AcrossLawChange across) {
    const auto& rule = law::info(r);
    switch (rule.form) {
        case law::RuleForm::immediate: return counted_from;
        case law::RuleForm::lapse: return std::nullopt;
        case law::RuleForm::duration:
            return projected_threshold(law, calendar, *rule.months, counted_from, across);
    }
    return std::nullopt;
}

}  // namespace coopecon::compliance
