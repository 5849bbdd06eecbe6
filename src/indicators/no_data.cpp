#include "indicators/no_data.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

namespace coopecon::indicators::detail {

namespace {

// No indicator id can start with it: ids hold only a-z, 0-9 and _.
constexpr std::string_view hidden_prefix = "reported_by:";

}  // namespace

Query with_reported_counts(Query q) {
    const auto n = q.indicators.size();
    for (std::size_t i = 0; i < n; ++i) {
        const auto& ind = q.indicators[i];
        if (!ind.reported_by) continue;
        Indicator hidden;
        hidden.id = std::string(hidden_prefix) + ind.id;
        hidden.expression = count(*ind.reported_by);
        q.indicators.push_back(std::move(hidden));
    }
    return q;
}

void mark_no_data(Table& t) {
    for (const auto& reported : t.values) {
        if (!reported.id.starts_with(hidden_prefix)) continue;
        const auto figure_id = reported.id.substr(hidden_prefix.size());
        const auto figure = std::find_if(t.values.begin(), t.values.end(),
                                         [&](const ValueColumn& c) { return c.id == figure_id; });
        if (figure == t.values.end()) continue;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            if (reported.integers[r] != 0) continue;
            if (figure->integral) {
                figure->reals.assign(figure->integers.begin(), figure->integers.end());
                figure->integers.clear();
                figure->integral = false;
            }
            figure->reals[r] = std::nan("");
        }
    }
    std::erase_if(t.values, [](const ValueColumn& c) { return c.id.starts_with(hidden_prefix); });
    // Every other missing value of the engine's is a ratio without a denominator: nobody to report it either.
    for (auto& c : t.values) c.missing_is_no_data = true;
}

}  // namespace coopecon::indicators::detail
