#include <coopecon/compliance/check.hpp>
#include <coopecon/compliance/due_dates.hpp>

namespace coopecon::compliance {

std::optional<Date> due_date(const law::Framework& law, const law::LawCalendar& calendar, law::Rule r,
                             Date counted_from, AcrossLawChange across) {
    const auto& rule = law::info(r);
    switch (rule.form) {
        case law::RuleForm::immediate: return counted_from;
        case law::RuleForm::lapse: return std::nullopt;
        case law::RuleForm::duration:
            return detail::projected_threshold(law, calendar, *rule.months, counted_from, across);
    }
    return std::nullopt;
}

}  // namespace coopecon::compliance
