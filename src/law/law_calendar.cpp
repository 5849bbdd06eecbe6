#include <coopecon/core/enum_text.hpp>
#include <coopecon/law/law_calendar.hpp>

namespace coopecon::law {

LawCalendar::LawCalendar(const Framework& law) {
    auto add = [this](const auto& timeline, std::vector<Date>& into) {
        for (const auto& p : timeline.periods()) {
            into.push_back(p.from);
            if (p.until && *p.until < Date::max()) into.push_back(p.until->plus_days(1));  // max: ends never
        }
    };
    add(law.regimes(), regime_changes_);
    changes_ = regime_changes_;
    for (const auto& t : law.params()) add(t, changes_);
    for (const auto& [id, t] : law.rules()) add(t, changes_);
    for (auto* v : {&changes_, &regime_changes_}) {
        std::sort(v->begin(), v->end());
        v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    values_.resize(changes_.size() + 1);
    for (std::size_t k = 0; k < values_.size(); ++k)
        for (const Param p : enum_values<Param>())
            values_[k][static_cast<std::size_t>(p)] = law.value(p, k == 0 ? Date::min() : changes_[k - 1]);
}

}  // namespace coopecon::law
