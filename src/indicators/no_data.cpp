#include "indicators/no_data.hpp"

#include <algorithm>
#include <vector>
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
        // One hidden count per filter (copied: adding indicators moves them): the figure is data where any of
        // them counts an organisation.
        const auto id = q.indicators[i].id;
        const auto filters = q.indicators[i].reported_by;
        for (std::size_t f = 0; f < filters.size(); ++f) {
            Indicator hidden;
            hidden.id = std::string(hidden_prefix) + id + ":" + std::to_string(f);
            hidden.expression = count(filters[f]);
            q.indicators.push_back(std::move(hidden));
        }
    }
    return q;
}

void mark_no_data(Table& t) {
    for (auto figure = t.values.begin(); figure != t.values.end(); ++figure) {
        if (figure->id.starts_with(hidden_prefix)) continue;
        const auto hidden_id = std::string(hidden_prefix) + figure->id + ":";
        std::vector<const ValueColumn*> counts;
        for (const auto& c : t.values)
            if (c.id.starts_with(hidden_id)) counts.push_back(&c);
        if (counts.empty()) continue;
        for (std::size_t r = 0; r < t.rows(); ++r) {
            if (std::any_of(counts.begin(), counts.end(), [&](const ValueColumn* c) { return c->integers[r] != 0; }))
                continue;
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
