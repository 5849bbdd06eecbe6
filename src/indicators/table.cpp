#include <coopecon/indicators/table.hpp>

#include <coopecon/core/error.hpp>

#include <utility>

namespace coopecon::indicators {

const ValueColumn& Table::column(std::string_view id) const {
    for (const auto& c : values)
        if (c.id == id) return c;
    throw Error(ErrorCode::unknown_name, "the table has no column " + std::string(id));
}

std::size_t Table::row(const std::vector<std::string_view>& codes) const {
    for (std::size_t r = 0; r < rows(); ++r) {
        bool match = codes.size() == keys.size();
        for (std::size_t k = 0; match && k < keys.size(); ++k) match = keys[k].cells[r].code == codes[k];
        if (match) return r;
    }
    std::string wanted;
    for (auto c : codes) wanted += (wanted.empty() ? "" : ", ") + std::string(c);
    throw Error(ErrorCode::unknown_name, "the table has no row " + wanted);
}

double Table::at(const std::vector<std::string_view>& codes, std::string_view column_id) const {
    return column(column_id).value(row(codes));
}

Table Table::select(std::string table_id, Text table_title, const std::vector<std::string>& column_ids) const {
    Table t;
    t.id = std::move(table_id);
    t.title = std::move(table_title);
    t.keys = keys;
    t.totals = totals;
    for (const auto& id : column_ids) t.values.push_back(column(id));
    return t;
}

}  // namespace coopecon::indicators
