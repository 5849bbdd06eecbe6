#pragma once
// The result of a computation: a columnar table of key columns (the groups, each cell with its code and its
// labels in both languages) and value columns (one per indicator: exact 64-bit integers for counts and sums,
// doubles for ratios, NaN where a ratio has no denominator), with flagged totals rows.

#include <coopecon/core/error.hpp>
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

    double value(std::size_t row) const noexcept {
        return integral ? static_cast<double>(integers[row]) : reals[row];
    }
    bool missing(std::size_t row) const noexcept { return !integral && std::isnan(reals[row]); }
};

struct Table {
    std::string id;
    Text title;
    std::vector<KeyColumn> keys;
    std::vector<ValueColumn> values;
    std::vector<std::uint8_t> totals;  // 1 on a totals row

    std::size_t rows() const noexcept { return totals.size(); }

    const ValueColumn& column(std::string_view id) const {
        for (const auto& c : values)
            if (c.id == id) return c;
        throw Error(ErrorCode::unknown_name, "the table has no column " + std::string(id));
    }
    /// The row whose key cells have these codes, in key order.
    std::size_t row(const std::vector<std::string_view>& codes) const {
        for (std::size_t r = 0; r < rows(); ++r) {
            bool match = codes.size() == keys.size();
            for (std::size_t k = 0; match && k < keys.size(); ++k) match = keys[k].cells[r].code == codes[k];
            if (match) return r;
        }
        std::string wanted;
        for (auto c : codes) wanted += (wanted.empty() ? "" : ", ") + std::string(c);
        throw Error(ErrorCode::unknown_name, "the table has no row " + wanted);
    }
    double at(const std::vector<std::string_view>& codes, std::string_view column_id) const {
        return column(column_id).value(row(codes));
    }

    /// The same rows with only the named value columns, in the given order.
    Table select(std::string table_id, Text table_title, const std::vector<std::string>& column_ids) const {
        Table t;
        t.id = std::move(table_id);
        t.title = std::move(table_title);
        t.keys = keys;
        t.totals = totals;
        for (const auto& id : column_ids) t.values.push_back(column(id));
        return t;
    }
};

}  // namespace coopecon::indicators
