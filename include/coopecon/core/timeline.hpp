#pragma once
// Timeline<T>: a value that changes on dated steps, each step with the reference that makes it so.
// Periods are closed on both ends ([from, until]); `until` absent means "until further notice".
// Lookup is O(log n). A timeline is validated as a whole: periods sorted, no overlap, no gap.

#include <coopecon/core/date.hpp>
#include <coopecon/core/error.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace coopecon {

template <class T>
struct Dated {
    Date from;
    std::optional<Date> until;  // inclusive; nullopt = open-ended
    T value{};
    std::string reference;      // legal basis or source of this value
    bool unconfirmed = false;   // the value is recalled or inferred, not verified in a readable source

    constexpr bool covers(Date d) const noexcept { return from <= d && (!until || d <= *until); }
};

template <class T>
class Timeline {
public:
    Timeline() = default;

    /// Builds a timeline, or reports every overlap, gap and inverted period (`where` prefixes the paths).
    static Timeline make(std::vector<Dated<T>> periods, const std::string& where = {}) {
        Problems problems = check(periods, where);
        throw_if_any(std::move(problems));
        Timeline t;
        t.periods_ = std::move(periods);
        std::stable_sort(t.periods_.begin(), t.periods_.end(),
                         [](const Dated<T>& a, const Dated<T>& b) { return a.from < b.from; });
        return t;
    }

    /// Problems that would stop `make`: periods with until < from, overlaps, and gaps between periods.
    static Problems check(const std::vector<Dated<T>>& periods, const std::string& where = {}) {
        Problems problems;
        std::vector<std::size_t> order(periods.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return periods[a].from < periods[b].from; });
        auto at = [&](std::size_t i) { return where + "[" + std::to_string(i) + "]"; };
        for (std::size_t k = 0; k < order.size(); ++k) {
            const auto& p = periods[order[k]];
            if (p.until && *p.until < p.from)
                problems.push_back(Problem::at(ErrorCode::invalid_value, "period ends (" + p.until->iso() + ") before it starts (" + p.from.iso() + ")", at(order[k])));
            if (k == 0) continue;
            const auto& prev = periods[order[k - 1]];
            if (!prev.until || *prev.until >= p.from)
                problems.push_back(Problem::at(ErrorCode::invalid_value, "period from " + p.from.iso() + " overlaps the period from " + prev.from.iso() +
                                        (prev.until ? " to " + prev.until->iso() : std::string(" (open-ended)")), at(order[k])));
            else if (prev.until->plus_days(1) != p.from)
                problems.push_back(Problem::at(ErrorCode::invalid_value, "gap: nothing is in force from " + prev.until->plus_days(1).iso() + " to " +
                                        p.from.plus_days(-1).iso(), at(order[k])));
        }
        return problems;
    }

    /// The period in force on `d`, or nullptr before the first period or after a closed last one.
    const Dated<T>* find(Date d) const noexcept {
        auto it = std::upper_bound(periods_.begin(), periods_.end(), d,
                                   [](Date x, const Dated<T>& p) { return x < p.from; });
        if (it == periods_.begin()) return nullptr;
        --it;
        return it->covers(d) ? &*it : nullptr;
    }

    const std::vector<Dated<T>>& periods() const noexcept { return periods_; }
    bool empty() const noexcept { return periods_.empty(); }

    friend bool operator==(const Timeline& a, const Timeline& b) {
        return std::equal(a.periods_.begin(), a.periods_.end(), b.periods_.begin(), b.periods_.end(),
                          [](const Dated<T>& x, const Dated<T>& y) {
                              return x.from == y.from && x.until == y.until && x.value == y.value &&
                                     x.reference == y.reference && x.unconfirmed == y.unconfirmed;
                          });
    }

private:
    std::vector<Dated<T>> periods_;
};

}  // namespace coopecon
