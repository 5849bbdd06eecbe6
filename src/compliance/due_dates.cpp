#include <coopecon/compliance/due_dates.hpp>

namespace coopecon::compliance {

std::optional<Date> due_date(const law::Framework& law, law::Rule r, Date began, Date counted_from,
                             AcrossLawChange across) {
    const auto& rule = law::info(r);
    switch (rule.form) {
        case law::RuleForm::immediate: return began;
        case law::RuleForm::lapse: return std::nullopt;
        case law::RuleForm::duration: return law::period_runs_out(law, *rule.months, counted_from, across);
    }
    return std::nullopt;
}

}  // namespace coopecon::compliance
