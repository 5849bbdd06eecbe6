#pragma once
// The dates on which a framework's law can change: the first day of every regime, parameter and rule-basis
// period, and the day after every closed one. Between two of them every value a rule reads is constant, so a
// rule evaluated at those dates and at events is evaluated on every day.

#include <coopecon/core/date.hpp>
#include <coopecon/law/framework.hpp>

#include <algorithm>
#include <vector>

namespace coopecon::law {

class LawCalendar {
public:
    explicit LawCalendar(const Framework& law) {
        auto add = [this](const auto& timeline, std::vector<Date>& into) {
            for (const auto& p : timeline.periods()) {
                into.push_back(p.from);
                if (p.until && *p.until < Date::max()) into.push_back(p.until->plus_days(1));
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
    }

    /// The first change after `d`, or Date::max() when there is none.
    Date next_change_after(Date d) const noexcept {
        const auto it = std::upper_bound(changes_.begin(), changes_.end(), d);
        return it == changes_.end() ? Date::max() : *it;
    }

    /// The first day after `d` on which a regime begins or ends, or Date::max() when there is none.
    Date next_law_change_after(Date d) const noexcept {
        const auto it = std::upper_bound(regime_changes_.begin(), regime_changes_.end(), d);
        return it == regime_changes_.end() ? Date::max() : *it;
    }

    /// True when a regime (a different law) begins or ends on `d`: a new period of law starts that day.
    bool law_changes_on(Date d) const noexcept {
        return std::binary_search(regime_changes_.begin(), regime_changes_.end(), d);
    }

private:
    std::vector<Date> changes_;
    std::vector<Date> regime_changes_;
};

}  // namespace coopecon::law
