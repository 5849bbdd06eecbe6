#pragma once
// CSV text (RFC 4180) → a header and rows of fields, with the line each row starts on.
//
// Accepted: fields separated by one delimiter character (',' unless a mapping says otherwise); fields in double
// quotes, which may hold the delimiter, line breaks and quotes written twice (""); lines ending in CRLF, LF or
// CR, mixed; a UTF-8 byte order mark before the header; no line break after the last row. Empty lines and rows
// whose every field is blank are left out, as spreadsheets leave them after the data.
//
// Positions: lines count from 1 (the header's first line) and every line break counts, including those inside
// quoted fields; a column is a field's position in its row, from 1. A row's problems are given at the line the
// row starts on. The text must be UTF-8: Vietnamese exported in a legacy code page (Windows-1258, TCVN3) would
// otherwise load as wrong letters.
//
// What makes the rest unreadable throws Error at once: text that is not UTF-8, a quote that is never closed,
// a file with no header, a header with a malformed field. A malformed field in a data row (a quote inside an
// unquoted field, text after a closing quote) is a problem of that row only, so the caller can report or skip it
// with the rest.

#include <coopecon/core/error.hpp>
#include <coopecon/json/source.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coopecon::io {

struct Row {
    int line = 0;  // where the row starts
    std::vector<std::string> fields;
    Problems problems;  // malformed fields of this row, already located
};

struct Table {
    std::vector<std::string> header;  // the fields of line 1, as written
    std::vector<Row> rows;
};

/// `text` without spaces and tabs at either end.
constexpr std::string_view trim(std::string_view text) noexcept {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

/// How problems name a column: by its header as written, `column "Tên tổ chức"`.
inline std::string column_path(std::string_view header) { return "column " + json::in_quotes(trim(header)); }

/// A problem at `line`, field `column` (from 1) of `file`; `path` names the column when known.
inline Problem problem_at(ErrorCode code, std::string message, std::string_view file, int line, int column,
                          std::string path = {}) {
    Problem p = Problem::at(code, std::move(message), std::move(path));
    p.file = std::string(file);
    p.line = line;
    p.column = column;
    return p;
}

namespace detail {

inline constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

/// Line and field number of byte `offset`, found by scanning the CSV structure up to it.
inline std::pair<int, int> line_and_field_at(std::string_view text, std::size_t offset, char delimiter) {
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

}  // namespace detail

/// Reads the CSV text of `file` (its name in problems). Throws Error when the text cannot be read as CSV at all;
/// problems of single rows are in their Row::problems.
inline Table parse(std::string_view text, std::string_view file, char delimiter = ',') {
    using detail::byte_order_mark;
    if (text.starts_with(byte_order_mark)) text.remove_prefix(byte_order_mark.size());
    auto fatal = [&](std::string message, int line, int column) {
        throw Error(problem_at(ErrorCode::syntax, std::move(message), file, line, column));
    };
    if (text.empty()) fatal("the file is empty: it has no header line", 1, 1);
    if (const auto bad = json::find_invalid_utf8(text)) {
        const auto [line, field] = detail::line_and_field_at(text, bad->offset, delimiter);
        fatal("invalid UTF-8: " + bad->reason + "; the file must be UTF-8 encoded (in a spreadsheet, save as \"CSV UTF-8\")",
              line, field);
    }

    Table table;
    const std::size_t n = text.size();
    std::size_t i = 0;
    int line = 1;
    // Moves past a line break at i (CRLF, LF or CR), counting it; false when there is none.
    auto line_break = [&] {
        if (i < n && text[i] == '\r') {
            i += i + 1 < n && text[i + 1] == '\n' ? 2 : 1;
        } else if (i < n && text[i] == '\n') {
            ++i;
        } else {
            return false;
        }
        ++line;
        return true;
    };
    auto column_name = [&](std::size_t field) {
        return field < table.header.size() ? column_path(table.header[field]) : std::string();
    };

    bool header_done = false;
    while (i < n) {
        Row row;
        row.line = line;
        for (bool more = true; more;) {
            std::string field;
            const std::size_t index = row.fields.size();
            auto row_problem = [&](std::string message) {
                row.problems.push_back(problem_at(ErrorCode::syntax, std::move(message), file, row.line,
                                                  static_cast<int>(index + 1), column_name(index)));
            };
            if (i < n && text[i] == '"') {
                const int opened_on = line;
                ++i;
                for (bool closed = false; !closed;) {
                    if (i >= n)
                        throw Error(problem_at(ErrorCode::syntax,
                                               "the quoted field that starts on line " + std::to_string(opened_on) +
                                                   " is never closed: the file ends inside it",
                                               file, opened_on, static_cast<int>(index + 1), column_name(index)));
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
                        field += text[i++];
                    }
                }
                const std::size_t rest = i;
                while (i < n && text[i] != delimiter && text[i] != '\r' && text[i] != '\n') ++i;
                if (i > rest)
                    row_problem("text " + json::in_quotes(text.substr(rest, i - rest)) +
                                " follows the closing quote of the field; a quoted field ends at its closing quote");
            } else {
                const std::size_t start = i;
                while (i < n && text[i] != delimiter && text[i] != '\r' && text[i] != '\n') ++i;
                field.assign(text.substr(start, i - start));
                if (field.find('"') != std::string::npos)
                    row_problem("a quote inside a field that does not start with one: put the whole field in "
                                "quotes and write the quote twice (\"\")");
            }
            row.fields.push_back(std::move(field));
            if (i < n && text[i] == delimiter) {
                ++i;
            } else {
                line_break();
                more = false;
            }
        }

        bool blank = true;
        for (const auto& f : row.fields) blank = blank && trim(f).empty();
        if (!header_done) {
            if (blank) fatal("the first line is empty: it must be the header, naming the columns", row.line, 1);
            if (!row.problems.empty()) throw Error(std::move(row.problems));
            table.header = std::move(row.fields);
            header_done = true;
            continue;
        }
        if (blank) continue;
        if (row.fields.size() != table.header.size()) {
            const std::size_t first = std::min(row.fields.size(), table.header.size());
            row.problems.push_back(problem_at(
                ErrorCode::syntax,
                "the row has " + std::to_string(row.fields.size()) + " fields but the header has " +
                    std::to_string(table.header.size()) +
                    (row.fields.size() < table.header.size()
                         ? ": fields are missing from here on"
                         : ": this field and those after it have no column (a field that holds the delimiter "
                           "must be in double quotes)"),
                file, row.line, static_cast<int>(first + 1), column_name(first)));
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace coopecon::io
