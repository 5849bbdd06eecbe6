#pragma once
// The result of a computation: a columnar table of key columns (the groups, each cell with its code and its
// labels in both languages) and value columns (one per indicator: exact 64-bit integers for counts and sums,
// doubles for ratios, NaN where there is no data or a ratio has no denominator), with flagged totals rows.

#include <coopecon/export.hpp>
#include <coopecon/indicators/indicator.hpp>
#include <coopecon/indicators/text.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace coopecon::indicators {

struct KeyCell {
    std::string code;  // area code, enumerator name, size-class id, period id; "total" on totals rows
    Text label;
    bool operator==(const KeyCell&) const = default;
};

struct KeyColumn {
    std::string id;
    Text label;
    std::vector<KeyCell> cells;
};

struct ValueColumn {
    std::string id;
    Text label;
    Unit unit = Unit::number;
    int decimals = 0;
    bool integral = true;
    std::vector<std::int64_t> integers;  // when integral
    std::vector<double> reals;           // otherwise; NaN = no value
    // What a missing value means: no organisation reported the figure ("no data"), as in every table the engine
    // computes, or the cell does not apply ("–": a projection's baseline has no difference from itself).
    bool missing_is_no_data = false;

    double value(std::size_t row) const noexcept {
        return integral ? static_cast<double>(integers[row]) : reals[row];
    }
    bool missing(std::size_t row) const noexcept { return !integral && std::isnan(reals[row]); }
};

struct COOPECON_EXPORT Table {
    std::string id;
    Text title;
    std::vector<KeyColumn> keys;
    std::vector<ValueColumn> values;
    std::vector<std::uint8_t> totals;  // 1 on a totals row

    std::size_t rows() const noexcept { return totals.size(); }

    /// The value column with this id; an Error otherwise.
    const ValueColumn& column(std::string_view id) const;
    /// The row whose key cells have these codes, in key order.
    std::size_t row(const std::vector<std::string_view>& codes) const;
    double at(const std::vector<std::string_view>& codes, std::string_view column_id) const;

    /// The same rows with only the named value columns, in the given order.
    Table select(std::string table_id, Text table_title, const std::vector<std::string>& column_ids) const;
};

}  // namespace coopecon::indicators
