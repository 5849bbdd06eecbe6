#pragma once
// What the two CSV importers share (csv_organizations.cpp, csv_events.cpp): opening a file against its mapping,
// reading typed cells with their positions, and turning the organisations built from the rows, one at a time,
// into a registry (csv_import.hpp says how problems are placed and when rows are skipped).

#include <coopecon/core/date.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/io/csv_import.hpp>
#include <coopecon/io/csv_mapping.hpp>
#include <coopecon/io/csv_reader.hpp>
#include <coopecon/io/csv_values.hpp>
#include <coopecon/registry/registry.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
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

/// A CSV file bound to its mapping, its rows read one at a time.
struct Source {
    std::string file;
    CsvMapping mapping;
    CsvReader reader;
    BoundHeader bound;
};

/// Reads the header of `text` and binds it to the mapping of `options` or the built-in one that fits it. Throws
/// Error when the file cannot be read or its header does not fit.
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

/// Told how far a mapped file's text has been read (CsvReader::offset), so that the pages before can be given back.
/// An offset below the one before means that the text is read again from its start.
using GivenBack = std::function<void(std::size_t offset)>;

/// Organisations that a reading of the file added, and whose problems showed only at its end (a reference to an
/// organisation refused, a rule across organisations): with skip_bad_rows, they are set aside when the file is
/// read again. By id, with their problems.
using SetAside = std::map<std::string, Problems, std::less<>>;

/// Turns the candidates of one reading of a file, given one at a time, into a registry: they are added a part at
/// a time (Registry::add_part), and each part's problems are placed at once on the cells they came from, so that
/// only the candidates that name other organisations (a predecessor, a counterpart, a member organisation) are
/// kept until the end, where the references to later organisations and the rules across organisations are checked.
class Builder {
public:
    static constexpr std::size_t part_size = 4096;

    Builder(const Source& source, const CsvOptions& options, const SetAside& set_aside, const GivenBack& given_back);

    void add(Candidate c);

    /// The line of the first candidate given that has this id in its id cell, if there is one.
    std::optional<int> line_of(std::string_view id) const;
    /// Whether a candidate with this id was given.
    bool given(std::string_view id) const;

    /// The import: all the candidates, or else an Error listing every problem; with skip_bad_rows, those without
    /// problems, and the others' rows in `skipped`. With skip_bad_rows, nullopt when organisations added must be
    /// set aside after all: they are added to `set_aside`, and the file must be read again.
    std::optional<CsvImport> finish(SetAside& set_aside);

private:
    /// A candidate left out for its problems.
    struct Refused {
        std::vector<int> lines;
        std::string id;
        Problems problems;
    };
    struct IdHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view id) const noexcept { return std::hash<std::string_view>{}(id); }
    };
    using IdMap = std::unordered_map<std::string, int, IdHash, std::equal_to<>>;

    void add_part();
    void refuse(Candidate c);
    /// With skip_bad_rows, the problems of a candidate that names organisations not in the registry (missing,
    /// or refused), as Registry::add reports them: once per organisation named, where it is first named.
    Problems unknown_references(std::size_t input_index, const Candidate& c) const;

    const Source& source_;
    const CsvOptions& options_;
    const SetAside& set_aside_;
    const GivenBack& given_back_;
    Registry registry_;
    Registry::Parts parts_;
    std::vector<Candidate> part_;
    IdMap part_ids_;               // id → position in part_
    std::size_t added_before_ = 0;  // candidates given to the registry before part_: the input index of part_[0]
    std::size_t given_ = 0;         // candidates given
    std::vector<int> lines_;        // the first line of each organisation added, by OrgIndex
    IdMap refused_ids_;             // id → the first line with it in its id cell (INT_MAX: none)
    std::map<std::size_t, Candidate> naming_;  // candidates added that name other organisations, by input index
    std::vector<Refused> refused_;
    Problems unplaced_;  // problems of no candidate
};

/// Reads the rows of `source` into a registry: `read` gives the candidates of one reading of its rows to the
/// builder, and returns false when what it found must be read again (rows of one organisation apart from each
/// other). With skip_bad_rows, the rows are also read again when organisations must be set aside (SetAside).
CsvImport build(Source& source, const CsvOptions& options, const GivenBack& given_back,
                const std::function<bool(Builder&)>& read);

/// read_organization_rows and read_event_rows, telling `given_back` how far the text has been read.
CsvImport read_organization_rows(std::string_view text, std::string_view file, const CsvOptions& options,
                                 const GivenBack& given_back);
CsvImport read_event_rows(std::string_view text, std::string_view file, const CsvOptions& options,
                          const GivenBack& given_back);

}  // namespace coopecon::io::detail
