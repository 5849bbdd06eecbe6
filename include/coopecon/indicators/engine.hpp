#pragma once
// The group-by engine. A query (indicators, grouping keys, reporting units, size classes, scoring hooks) is
// compiled once into distinct conditions, filters, fields and accumulators (a field summed over a filter, or
// the distinct communes of a filter); each snapshot is then read in one pass per grouping: group ids are
// computed once per row, and rows are processed in blocks where every condition, filter and field is
// evaluated once and every accumulator adds its block in a tight loop. The rows come from whole snapshots or,
// for a registry, straight from its replay without any whole snapshot. Indicators are evaluated afterwards,
// per group, from the accumulated sums: no indicator reads the rows itself. The engine itself is compiled in
// the library (src/indicators/accumulation.cpp), where its per-row work inlines into the block loops.
//
// Groups are the key combinations present in the rows: an area key counts the units at its level on the units
// date, and only the groups met are held, so a table may be grouped by commune under province and district
// with every sector and status.

#include <coopecon/core/cancellation.hpp>
#include <coopecon/core/date.hpp>
#include <coopecon/core/ids.hpp>
#include <coopecon/export.hpp>
#include <coopecon/indicators/group_key.hpp>
#include <coopecon/indicators/indicator.hpp>
#include <coopecon/indicators/period.hpp>
#include <coopecon/indicators/scoring_hooks.hpp>
#include <coopecon/indicators/table.hpp>
#include <coopecon/model/area.hpp>

#include <optional>
#include <utility>
#include <vector>

namespace coopecon {
class AreaCatalog;
class Registry;
struct Snapshot;
class SnapshotColumns;
}  // namespace coopecon

namespace coopecon::indicators {

struct Query {
    std::vector<Indicator> indicators;
    std::vector<GroupKey> by;               // none: one row of totals
    std::optional<Date> units_as_of;        // areas are reported in the units valid then; default: the period's end
    std::vector<SizeClass> size_classes = tt01_2020_size_classes();
    ScoringHooks scoring;
    bool totals = true;                     // add a totals row (per period in a series); always one without keys
    unsigned threads = 0;  // organisations are accumulated in parts on this many threads (0: one per core); the
                           // table is the same on any number
    const CancellationToken* cancel = nullptr;  // once set, compute stops within milliseconds and throws Cancelled
};

/// The unit at `level` in which area `a` is reported on `units_as_of`: the unit at that level that covers it,
/// followed to its successor valid on that date; no_index when the area has no unit at that level or the
/// territory none on that date.
COOPECON_EXPORT AreaIndex reporting_unit(const AreaCatalog& areas, AreaIndex a, AreaLevel level, Date units_as_of);

/// One period over snapshots taken elsewhere: `end` at the period's end and, when an indicator compares with
/// the previous period, `before` at the day before its start.
COOPECON_EXPORT Table compute(const Snapshot& end, const Snapshot* before, const Period& period,
                              const AreaCatalog& areas, const Query& q);

/// The columns of the snapshots that `compute(end, before, …)` reads for a query: of `end`, and of `before`.
COOPECON_EXPORT std::pair<SnapshotColumns, SnapshotColumns> columns_read(const Query& q);

/// One period of a registry: [period.start, period.end], from one replay that makes no whole snapshot.
COOPECON_EXPORT Table compute(const Registry& reg, const Query& q, const Period& period);

/// A series: one block of rows per period (a period key column first), areas in the units of one date for
/// every period (q.units_as_of, default the last period's end) so that the periods compare.
COOPECON_EXPORT Table compute(const Registry& reg, Query q, const std::vector<Period>& periods);

}  // namespace coopecon::indicators
