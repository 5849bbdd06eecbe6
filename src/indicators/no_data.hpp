#pragma once
// A figure that no organisation of a group reported is no data, not 0 (Indicator::reported_by). The engine
// computes each such indicator beside a hidden count of the group's organisations that report it, and turns
// the cells where that count is 0 into missing values (NaN), which every format shows as no data.

#include <coopecon/indicators/engine.hpp>
#include <coopecon/indicators/table.hpp>

namespace coopecon::indicators::detail {

/// The query with a hidden count after its indicators for each indicator that says who reports it.
Query with_reported_counts(Query q);

/// Marks the cells no organisation reported as missing, and drops the hidden counts. A column with such a cell
/// becomes real-valued (its whole numbers stay exact up to 2^53). Every column's missing values then read as no
/// data (a ratio without a denominator has no organisation to report it either).
void mark_no_data(Table& t);

}  // namespace coopecon::indicators::detail
