// CSV text → header and rows (csv_reader.hpp).

#include <coopecon/core/input_limits.hpp>
#include <coopecon/io/csv_reader.hpp>
#include "json/source.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coopecon::io {

CsvLimits CsvLimits::from_environment() {
    CsvLimits limits;
    limits.columns = limit_from_environment("COOPECON_MAX_CSV_COLUMNS", limits.columns);
    limits.row_bytes = limit_from_environment("COOPECON_MAX_CSV_ROW_BYTES", limits.row_bytes);
    return limits;
}

std::string column_path(std::string_view header) { return "column " + json::in_quotes(trim(header)); }

Problem problem_at(ErrorCode code, std::string message, std::string_view file, int line, int column,
                   std::string path) {
    Problem p = Problem::at(code, std::move(message), std::move(path));
    p.file = std::string(file);
    p.line = line;
    p.column = column;
    return p;
}

namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

/// Line and field number of byte `offset`, found by scanning the CSV structure up to it.
std::pair<int, int> line_and_field_at(std::string_view text, std::size_t offset, char delimiter) {
    int line = 1, field = 1;
    bool quoted = false, field_start = true;
    for (std::size_t k = 0; k < offset && k < text.size(); ++k) {
        const char c = text[k];
        const bool line_break = c == '\n' || (c == '\r' && (k + 1 >= text.size() || text[k + 1] != '\n'));
        if (line_break) ++line;
        if (quoted) {
            if (c == '"' && k + 1 < text.size() && text[k + 1] == '"') ++k;
            else if (c == '"') quoted = false;
            continue;
        }
        if (c == '"' && field_start) quoted = true;
        field_start = c == delimiter || c == '\n' || c == '\r';
        if (c == delimiter) ++field;
        if (line_break) field = 1;
    }
    return {line, field};
}

}  // namespace

CsvReader::CsvReader(std::string_view text, std::string_view file, char delimiter, const CsvLimits& limits)
    : text_(text), file_(file), delimiter_(delimiter), limits_(limits) {
    if (text_.starts_with(byte_order_mark)) {
        text_.remove_prefix(byte_order_mark.size());
        skipped_ = byte_order_mark.size();
    }
    if (text_.empty()) fatal("the file is empty: it has no header line", 1, 1);
    Row row;
    read_row(row);
    bool blank = true;
    for (const auto& f : row.fields) blank = blank && trim(f).empty();
    if (blank) fatal("the first line is empty: it must be the header, naming the columns", row.line, 1);
    if (!row.problems.empty()) {
        check_utf8(checked_, text_.size());
        throw Error(std::move(row.problems));
    }
    header_ = std::move(row.fields);
    first_row_ = at_;
    first_row_line_ = line_;
}

Table parse(std::string_view text, std::string_view file, char delimiter, const CsvLimits& limits) {
    CsvReader reader(text, file, delimiter, limits);
    Table table{reader.header(), {}};
    for (Row row; reader.next(row); row = Row()) table.rows.push_back(std::move(row));
    return table;
}

void CsvReader::rewind() noexcept {
    at_ = first_row_;
    line_ = first_row_line_;
}

void CsvReader::check_rest() {
    Row row;
    while (next(row)) {
    }
}

bool CsvReader::next(Row& row) {
    while (read_row(row)) {
        bool blank = true;
        for (const auto& f : row.fields) blank = blank && trim(f).empty();
        if (blank) continue;
        if (row.fields.size() != header_.size()) {
            const std::size_t first = std::min(row.fields.size(), header_.size());
            row.problems.push_back(problem_at(
                ErrorCode::syntax,
                "the row has " + std::to_string(row.fields.size()) + " fields but the header has " +
                    std::to_string(header_.size()) +
                    (row.fields.size() < header_.size()
                         ? ": fields are missing from here on"
                         : ": this field and those after it have no column (a field that holds the delimiter "
                           "must be in double quotes)"),
                file_, row.line, static_cast<int>(first + 1), column_name(first)));
        }
        return true;
    }
    return false;
}

void CsvReader::check_utf8(std::size_t from, std::size_t to) const {
    const auto bad = json::find_invalid_utf8(text_.substr(from, to - from));
    if (!bad) return;
    const auto [line, field] = line_and_field_at(text_, from + bad->offset, delimiter_);
    throw Error(problem_at(ErrorCode::syntax,
                           "invalid UTF-8: " + bad->reason +
                               "; the file must be UTF-8 encoded (in a spreadsheet, save as \"CSV UTF-8\")",
                           file_, line, field));
}

void CsvReader::fatal(std::string message, int line, int column) const {
    check_utf8(checked_, text_.size());
    throw Error(problem_at(ErrorCode::syntax, std::move(message), file_, line, column));
}

std::string CsvReader::column_name(std::size_t field) const {
    return field < header_.size() ? column_path(header_[field]) : std::string();
}

bool CsvReader::read_row(Row& row) {
    const std::string_view text = text_;
    const std::size_t n = text.size();
    std::size_t i = at_;
    if (i >= n) return false;
    // Moves past a line break at i (CRLF, LF or CR), counting it; false when there is none.
    auto line_break = [&] {
        if (i < n && text[i] == '\r') {
            i += i + 1 < n && text[i + 1] == '\n' ? 2 : 1;
        } else if (i < n && text[i] == '\n') {
            ++i;
        } else {
            return false;
        }
        ++line_;
        return true;
    };

    row.line = line_;
    row.problems.clear();
    std::size_t count = 0;  // fields read; row.fields keeps the strings of earlier rows for their storage
    const std::size_t row_start = i;
    for (bool more = true; more;) {
        if (count == limits_.columns)
            fatal("the row has more than " + std::to_string(limits_.columns) +
                      " columns, the most a CSV file may have (COOPECON_MAX_CSV_COLUMNS raises it)",
                  row.line, static_cast<int>(limits_.columns + 1));
        if (count == row.fields.size()) row.fields.emplace_back();
        std::string& field = row.fields[count];
        field.clear();
        const std::size_t index = count;
        auto row_problem = [&](std::string message) {
            row.problems.push_back(problem_at(ErrorCode::syntax, std::move(message), file_, row.line,
                                              static_cast<int>(index + 1), column_name(index)));
        };
        if (i < n && text[i] == '"') {
            const int opened_on = line_;
            ++i;
            for (bool closed = false; !closed;) {
                if (i >= n) {
                    check_utf8(checked_, n);
                    throw Error(problem_at(ErrorCode::syntax,
                                           "the quoted field that starts on line " + std::to_string(opened_on) +
                                               " is never closed: the file ends inside it",
                                           file_, opened_on, static_cast<int>(index + 1), column_name(index)));
                }
                if (text[i] == '"') {
                    if (i + 1 < n && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                    } else {
                        ++i;
                        closed = true;
                    }
                } else if (text[i] == '\r' || text[i] == '\n') {
                    const std::size_t from = i;
                    line_break();
                    field.append(text.substr(from, i - from));
                } else {
                    // Up to the next quote or line break at once: most quoted fields hold neither.
                    const std::size_t from = i;
                    while (i < n && text[i] != '"' && text[i] != '\r' && text[i] != '\n') ++i;
                    field.append(text.substr(from, i - from));
                }
            }
            const std::size_t rest = i;
            while (i < n && text[i] != delimiter_ && text[i] != '\r' && text[i] != '\n') ++i;
            if (i > rest)
                row_problem("text " + json::in_quotes(text.substr(rest, i - rest)) +
                            " follows the closing quote of the field; a quoted field ends at its closing quote");
        } else {
            const std::size_t start = i;
            while (i < n && text[i] != delimiter_ && text[i] != '\r' && text[i] != '\n') ++i;
            field.assign(text.substr(start, i - start));
            if (field.find('"') != std::string::npos)
                row_problem("a quote inside a field that does not start with one: put the whole field in "
                            "quotes and write the quote twice (\"\")");
        }
        ++count;
        if (i - row_start > limits_.row_bytes)
            fatal("the row is longer than " + std::to_string(limits_.row_bytes) +
                      " bytes, the most a CSV row may have (COOPECON_MAX_CSV_ROW_BYTES raises it)",
                  row.line, static_cast<int>(count));
        if (i < n && text[i] == delimiter_) {
            ++i;
        } else {
            line_break();
            more = false;
        }
    }
    row.fields.resize(count);
    if (i > checked_) {
        check_utf8(std::max(row_start, checked_), i);
        checked_ = i;
    }
    at_ = i;
    return true;
}

}  // namespace coopecon::io
