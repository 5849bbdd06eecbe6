#pragma once
// CSV text (RFC 4180) → a header and rows of fields, with the line each row starts on, read a row at a time.
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
// a file with no header, a header with a malformed field, a row beyond the limits (CsvLimits). A malformed field
// in a data row (a quote inside an unquoted field, text after a closing quote) is a problem of that row only, so
// the caller can report or skip it with the rest.

#include <coopecon/core/error.hpp>
#include <coopecon/export.hpp>

#include <cstddef>
#include <string>
#include <string_view>
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


/// The most a row may hold: beyond either limit the file is refused at once, naming the line and the limit, so
/// hostile input cannot make the reader, or the matching of its header, take unbounded time or memory. Registry
/// exports have a few dozen columns and rows of a few hundred bytes (docs/reliability.md).
struct CsvLimits {
    std::size_t columns = 1000;          // fields in one row
    std::size_t row_bytes = 1u << 20;    // bytes in one row, the line breaks inside its quoted fields included

    /// The defaults, each replaced by its environment variable when that is set: COOPECON_MAX_CSV_COLUMNS and
    /// COOPECON_MAX_CSV_ROW_BYTES (the command line and Python read them; InputLimits has the others).
    static CsvLimits from_environment();
};

/// `text` without spaces and tabs at either end.
constexpr std::string_view trim(std::string_view text) noexcept {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

/// How problems name a column: by its header as written, `column "Tên tổ chức"`.
COOPECON_EXPORT std::string column_path(std::string_view header);

/// A problem at `line`, field `column` (from 1) of `file`; `path` names the column when known.
COOPECON_EXPORT Problem problem_at(ErrorCode code, std::string message, std::string_view file, int line, int column,
                                   std::string path = {});

/// Reads CSV text a row at a time: the header when constructed, then one data row per next(). Only the row being
/// read is held, so a file of any size is read in the memory of its longest row; the text must outlive the reader.
/// A file is refused for the same reasons, with the same messages, as if it were checked whole before its first
/// row: invalid UTF-8 anywhere is reported before anything else (the text not yet read is checked for it first).
class COOPECON_EXPORT CsvReader {
public:
    /// Reads the header of the CSV text of `file` (its name in problems). Throws Error when the file is empty, its
    /// header is blank or malformed, or the text cannot be read up to the end of the header.
    CsvReader(std::string_view text, std::string_view file, char delimiter = ',', const CsvLimits& limits = {});

    /// The fields of line 1, as written.
    const std::vector<std::string>& header() const noexcept { return header_; }

    /// The next data row, in `row` (its storage reused); false after the last. Blank rows are left out. Throws
    /// Error when the text cannot be read on (invalid UTF-8, a quote never closed, a row beyond the limits);
    /// problems of the row alone are in row.problems.
    bool next(Row& row);

    /// Bytes of the text read so far, from its very start (a byte order mark included): the rows read never need
    /// the text before this again, unless it is read again from its start.
    std::size_t offset() const noexcept { return skipped_ + at_; }

    /// Reads the data rows again, from the first.
    void rewind() noexcept;

    /// Reads the rest of the text and throws what would refuse it (invalid UTF-8 anywhere first, then the first
    /// row that cannot be read): a caller that refuses the file before its end calls this first, so that the file
    /// is refused for the reason it would be if it were read to the end.
    void check_rest();

private:
    /// Reads the row at at_ whatever it holds; false at the end of the text.
    bool read_row(Row& row);
    /// Throws the invalid UTF-8 in the text from `from` on, if there is any.
    void check_utf8(std::size_t from, std::size_t to) const;
    [[noreturn]] void fatal(std::string message, int line, int column) const;
    std::string column_name(std::size_t field) const;

    std::string_view text_;  // without its byte order mark
    std::string file_;
    char delimiter_;
    CsvLimits limits_;
    std::size_t skipped_ = 0;  // bytes of the byte order mark
    std::vector<std::string> header_;
    std::size_t at_ = 0;       // where the next row starts
    int line_ = 1;             // the line it starts on
    std::size_t checked_ = 0;  // the text before this is UTF-8
    std::size_t first_row_ = 0;
    int first_row_line_ = 1;
};

/// Reads the whole CSV text of `file` (its name in problems) into a table, with a CsvReader. Throws Error when the
/// text cannot be read as CSV at all or a row is beyond the limits; problems of single rows are in their
/// Row::problems.
COOPECON_EXPORT Table parse(std::string_view text, std::string_view file, char delimiter = ',',
                            const CsvLimits& limits = {});

}  // namespace coopecon::io
