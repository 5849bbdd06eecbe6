#pragma once
// What the two CSV importers share (csv_organizations.cpp, csv_events.cpp): opening a file against its mapping,
// reading typed cells with their positions, and turning the organisations built from the rows into a registry
// (csv_import.hpp says how problems are placed and when rows are skipped).

#include <coopecon/core/date.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/io/csv_import.hpp>
#include <coopecon/io/csv_mapping.hpp>
#include <coopecon/io/csv_reader.hpp>
#include <coopecon/io/csv_values.hpp>
#include <coopecon/registry/registry.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace coopecon::io::detail {

/// Where a value came from: a cell (column from 1) or, with column 1 and no path, a row.
struct Origin {
    int line = 0;
    int column = 1;
    std::string path;
};

/// Where each part of an event came from: its date, and the value that decides it.
struct EventOrigin {
    Origin date;
    Origin value;
    Origin reference;  // the cell naming other organisations (predecessors, counterparts); line 0 when none
};

/// An organisation built from rows, with the origin of each part of its record.
struct Candidate {
    OrganizationRecord record;
    std::vector<int> lines;                  // every row it was built from
    std::map<std::string, Origin> identity;  // field of Organization → where given
    std::vector<EventOrigin> events;         // of record.events[j]
    std::vector<Origin> members;             // of record.members[m]
    Problems problems;                       // of its rows, already located
};

/// A CSV file read and bound to its mapping, ready to be read row by row.
struct Source {
    std::string file;
    CsvMapping mapping;
    Table table;
    BoundHeader bound;
};

/// Parses `text` and binds its header to the mapping of `options` or the built-in one that fits it. Throws Error
/// when the file cannot be read, its header does not fit, or it has no rows.
Source open(std::string_view text, std::string_view file, CsvRows rows, const CsvOptions& options);

/// A row whose fields are misplaced (a field count that differs from the header's, a stray quote): its cells
/// are not read, since each would be judged against the wrong column; the organisation is taken from the cell
/// of `id_field` when that column comes before the damage.
Candidate misread_row(const Row& row, const Source& source, std::string_view id_field);

/// Reads the cells of one row as typed values. Problems are recorded at the cell, for the caller to collect.
class RowReader {
public:
    RowReader(const Row& row, const Source& source) : row_(row), source_(source), problems_(row.problems) {}

    int line() const noexcept { return row_.line; }
    Problems take_problems() { return std::move(problems_); }
    bool ok() const noexcept { return problems_.empty(); }

    /// The trimmed text of the field's cell: empty when the file has no column for it or the cell is blank.
    std::string_view text(std::string_view field) const {
        const auto k = source_.bound.column(field);
        if (!k || *k >= row_.fields.size()) return {};
        return trim(row_.fields[*k]);
    }
    bool has(std::string_view field) const { return !text(field).empty(); }
    bool has_column(std::string_view field) const { return source_.bound.column(field).has_value(); }

    /// Where the field's cell is, named by header and field (`column "Ngày đăng ký" (registered_on)`); without a
    /// column for it, the row.
    Origin origin(std::string_view field) const {
        const auto k = source_.bound.column(field);
        if (!k) return Origin{row_.line, 1, {}};
        return Origin{row_.line, static_cast<int>(*k + 1),
                      column_path(source_.bound.header[*k]) + " (" + std::string(field) + ")"};
    }

    void problem(std::string_view field, ErrorCode code, std::string message) {
        const auto o = origin(field);
        problems_.push_back(problem_at(code, std::move(message), source_.file, o.line, o.column, o.path));
    }

    /// The field's value, or nullopt when the cell is blank or wrong (a wrong value is recorded as a problem).
    template <class T>
    std::optional<T> get(std::string_view field) {
        const auto t = text(field);
        if (t.empty()) return std::nullopt;
        auto parsed = parse<T>(field, t);
        if (!parsed) {
            problem(field, std::is_enum_v<T> ? ErrorCode::unknown_name : ErrorCode::invalid_value,
                    std::move(parsed.error));
            return std::nullopt;
        }
        return std::move(parsed.value);
    }

    /// As get(), and a problem when the cell is blank.
    template <class T>
    std::optional<T> require(std::string_view field, std::string_view why = {}) {
        if (!has(field)) {
            const std::string for_what = why.empty() ? std::string() : " " + std::string(why);
            problem(field, ErrorCode::missing_field,
                    has_column(field) ? "a value is required" + for_what
                                      : "the file has no column for " + std::string(field) + ", which is required" +
                                            for_what);
            return std::nullopt;
        }
        return get<T>(field);
    }

private:
    template <class T>
    Parsed<T> parse(std::string_view field, std::string_view t) const {
        if constexpr (std::is_same_v<T, std::string>) return {std::string(t), {}};
        else if constexpr (std::is_same_v<T, Date>) return parse_date(t, source_.mapping.date_format);
        else if constexpr (std::is_same_v<T, bool>) return parse_bool(t);
        else if constexpr (std::is_enum_v<T>) return parse_enum<T>(t, source_.mapping.spellings(field));
        else if constexpr (std::is_same_v<T, std::vector<std::string>>) return split_list(t);
        else if constexpr (std::is_same_v<T, std::vector<std::int32_t>>) {
            auto items = split_list(t);
            if (!items) return Parsed<T>::fail(std::move(items.error));
            T out;
            for (const auto& item : *items.value) {
                auto n = parse_integer<std::int32_t>(item, false);
                if (!n) return Parsed<T>::fail(std::move(n.error));
                out.push_back(*n.value);
            }
            return {std::move(out), {}};
        } else {
            static_assert(std::is_integral_v<T>, "a CSV cell holds text, a date, yes/no, a name, a number or a list");
            return parse_integer<T>(t, std::is_same_v<T, Dong>);  // 64-bit values are amounts in đồng
        }
    }

    const Row& row_;
    const Source& source_;
    Problems problems_;
};

/// Adds the candidates to a new registry: all of them, or else an Error listing every problem; with
/// skip_bad_rows, those without problems, and the others' rows in `skipped`.
CsvImport finish(std::vector<Candidate> candidates, const Source& source, const CsvOptions& options);

}  // namespace coopecon::io::detail
