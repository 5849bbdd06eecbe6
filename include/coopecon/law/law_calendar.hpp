#pragma once
// The dates on which a framework's law can change: the first day of every regime, parameter and rule-basis
// period, and the day after every closed one. Between two of them every value a rule reads is constant, so a
// rule evaluated at those dates and at events is evaluated on every day; the parameters' values of each
// stretch are kept, so reading one is an array access. The lookups stay here: compliance scans call them for
// every organisation and day they step through.

#include <coopecon/core/date.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/parameter.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace coopecon::law {

/// Every parameter's value on one day (nullopt: not in force), indexed by law::Param.
using LawValues = std::array<std::optional<std::int64_t>, param_count>;

class COOPECON_EXPORT LawCalendar {
public:
    explicit LawCalendar(const Framework& law);

    /// The stretch of unchanged law that `d` is in (0 before the first change, k from the k-th change on),
    /// found from the stretch `k` of an earlier day: days taken in order cost one step each.
    std::size_t stretch_from(std::size_t k, Date d) const noexcept {
        while (k < changes_.size() && changes_[k] <= d) ++k;
        return k;
    }
    /// The parameters' values in a stretch.
    const LawValues& values(std::size_t k) const noexcept { return values_[k]; }

    /// The change that ends stretch `k`, or Date::never() when it has no end.
    Date change(std::size_t k) const noexcept { return k < changes_.size() ? changes_[k] : Date::never(); }

    /// The first day after `d` on which a regime begins or ends; nullopt when none ever does.
    std::optional<Date> next_law_change_after(Date d) const noexcept {
        const auto it = std::upper_bound(regime_changes_.begin(), regime_changes_.end(), d);
        if (it == regime_changes_.end()) return std::nullopt;
        return *it;
    }

    /// True when a regime (a different law) begins or ends on `d`: a new period of law starts that day.
    bool law_changes_on(Date d) const noexcept {
        return std::binary_search(regime_changes_.begin(), regime_changes_.end(), d);
    }

private:
    std::vector<Date> changes_;
    std::vector<Date> regime_changes_;
    std::vector<LawValues> values_;  // values_[k]: in force from changes_[k - 1] to the day before changes_[k]
};

}  // namespace coopecon::law
