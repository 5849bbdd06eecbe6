#include <coopecon/indicators/engine.hpp>

#include "indicators/accumulation.hpp"
#include "indicators/no_data.hpp"

#include <coopecon/core/error.hpp>
#include <coopecon/model/area_catalog.hpp>
#include <coopecon/registry/registry.hpp>

namespace coopecon::indicators {

AreaIndex reporting_unit(const AreaCatalog& areas, AreaIndex a, AreaLevel level, Date units_as_of) {
    const auto recorded = areas.at_level(a, level);
    if (recorded == no_index) return no_index;
    return areas.at_level(areas.on(recorded, units_as_of), level);
}

Table compute(const Snapshot& end, const Snapshot* before, const Period& period, const AreaCatalog& areas,
              const Query& q) {
    detail::Accumulation acc(detail::with_reported_counts(q), period, areas);
    if (acc.needs_previous() && !before)
        throw Error(ErrorCode::usage, "an indicator compares with the previous period, but no earlier snapshot was given");
    acc.add(end, 0, end.size(), false);
    if (acc.needs_previous()) acc.add(*before, 0, before->size(), true);
    Table t;
    acc.append_to(t, false);
    detail::mark_no_data(t);
    return t;
}

std::pair<SnapshotColumns, SnapshotColumns> columns_read(const Query& q) {
    const auto counted = detail::with_reported_counts(q);
    return {detail::columns_read(counted, false), detail::columns_read(counted, true)};
}

Table compute(const Registry& reg, const Query& q, const Period& period) {
    detail::Accumulation acc(detail::with_reported_counts(q), period, reg.areas());
    detail::accumulate_replayed(reg, std::span<detail::Accumulation>(&acc, 1), q.threads, q.cancel);
    Table t;
    acc.append_to(t, false);
    detail::mark_no_data(t);
    return t;
}

Table compute(const Registry& reg, Query q, const std::vector<Period>& periods) {
    if (periods.empty()) throw Error(ErrorCode::usage, "a series needs at least one period");
    if (!q.units_as_of) q.units_as_of = periods.back().end;
    std::vector<detail::Accumulation> accs;
    accs.reserve(periods.size());
    const auto counted = detail::with_reported_counts(std::move(q));
    for (const auto& p : periods) {
        throw_if_cancelled(counted.cancel);  // each accumulation lays out its groups over the area catalogue
        accs.emplace_back(counted, p, reg.areas());
    }
    detail::accumulate_replayed(reg, accs, counted.threads, counted.cancel);
    Table t;
    for (const auto& acc : accs) acc.append_to(t, true);
    detail::mark_no_data(t);
    return t;
}

}  // namespace coopecon::indicators
