#pragma once
// What the two CSV importers share: opening a file against its mapping, reading typed cells with their
// positions, and turning the organisations built from the rows into a registry, all or nothing unless bad rows
// may be skipped.
//
// Every problem names the file, the line the row starts on, the column (its position from 1, and its header in
// the path: `column "Tình trạng pháp lý"`) and the organisation. Problems the registry finds in a history
// (Registry::add: transition table, integrity rules, unknown areas) come back with the path of the event in the
// record built from the rows; they are placed on the row and column that produced that event.
//
// Without skip_bad_rows, any problem refuses the whole file: one Error lists every problem, ordered by line. With
// it, each organisation with a problem is left out, with all its rows, and reported in CsvImport::skipped; the
// rest is loaded.

#include <coopecon/core/date.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/core/text_file.hpp>
#include <coopecon/io/csv_mapping.hpp>
#include <coopecon/io/csv_reader.hpp>
#include <coopecon/io/csv_values.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/framework_json.hpp>
#include <coopecon/model/area_catalog_json.hpp>
#include <coopecon/registry/registry.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace coopecon::io {

struct CsvOptions {
    std::optional<CsvMapping> mapping;  // none: the built-in mapping that knows most of the file's header
    bool skip_bad_rows = false;         // load what is valid; report the rest in CsvImport::skipped
    std::optional<Date> as_of;          // the export date: no date may be after it
    std::shared_ptr<const law::Framework> law;  // null: Vietnam's embedded law
};

/// A row left out because of a problem in it or in another row of its organisation.
struct CsvSkippedRow {
    int line = 0;
    std::string organization;  // its id, when the row has one
    Problems problems;         // why, each at its own line and column
};

struct CsvImport {
    Registry registry;
    std::vector<CsvSkippedRow> skipped;  // by line; empty unless skip_bad_rows
    std::string mapping;                 // the name of the mapping the file was read with
};


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
inline Source open(std::string_view text, std::string_view file, CsvRows rows, const CsvOptions& options) {
    if (options.mapping && options.mapping->rows != rows)
        throw Error(ErrorCode::usage, "the mapping " + json::in_quotes(options.mapping->name) + " is for " +
                                          std::string(enum_name(options.mapping->rows)) + " rows, not " +
                                          std::string(enum_name(rows)) + " rows");
    Source s;
    s.file = std::string(file);
    s.table = parse(text, file, options.mapping ? options.mapping->delimiter : ',');
    s.mapping = options.mapping ? *options.mapping : choose_builtin_csv_mapping(s.table.header, rows);
    s.bound = bind_header(s.table.header, s.mapping, file);
    if (s.table.rows.empty())
        throw Error(problem_at(ErrorCode::missing_field, "the file has a header but no rows", file, 1, 1));
    return s;
}

/// A row whose fields are misplaced (a field count that differs from the header's, a stray quote): its cells
/// are not read, since each would be judged against the wrong column; the organisation is taken from the cell
/// of `id_field` when that column comes before the damage.
inline Candidate misread_row(const Row& row, const Source& source, std::string_view id_field) {
    Candidate c;
    c.lines = {row.line};
    c.problems = row.problems;
    const auto k = source.bound.column(id_field);
    if (k && static_cast<int>(*k + 1) < row.problems.front().column && *k < row.fields.size())
        c.record.organization.id = std::string(trim(row.fields[*k]));
    for (auto& p : c.problems) p.organization = c.record.organization.id;
    return c;
}

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

namespace detail {

/// The index in `path` after "organizations[" and the rest of the path, or nullopt.
inline std::optional<std::pair<std::size_t, std::string_view>> split_path(std::string_view path) {
    constexpr std::string_view list = "organizations[";
    if (!path.starts_with(list)) return std::nullopt;
    const auto close = path.find(']');
    std::size_t index = 0;
    for (std::size_t k = list.size(); k < close; ++k) {
        if (path[k] < '0' || path[k] > '9') return std::nullopt;
        index = index * 10 + static_cast<std::size_t>(path[k] - '0');
    }
    return std::pair(index, path.substr(close + 1));
}

/// The index after `prefix` at the start of `rest` (".events[3]…" with prefix ".events["), or nullopt.
inline std::optional<std::size_t> index_after(std::string_view rest, std::string_view prefix) {
    if (!rest.starts_with(prefix)) return std::nullopt;
    std::size_t index = 0, k = prefix.size();
    for (; k < rest.size() && rest[k] >= '0' && rest[k] <= '9'; ++k)
        index = index * 10 + static_cast<std::size_t>(rest[k] - '0');
    if (k == prefix.size() || k >= rest.size() || rest[k] != ']') return std::nullopt;
    return index;
}

/// A registry rule about when an event may happen (before registration, after termination) is placed on the
/// cell of its date; every other refusal on the cell of the value that decided the event.
inline bool about_timing(const Problem& p) {
    return p.rule == "integrity.registered_first" || p.rule == "integrity.after_termination";
}

constexpr std::string_view unknown_reference = "no organization with id ";

/// Places a problem of Registry::add about `c` on the cell it came from.
inline void place(Problem& p, const Candidate& c, std::string_view rest, std::string_view file) {
    Origin where = c.identity.count("id") ? c.identity.at("id") : Origin{c.lines.front(), 1, {}};
    if (const auto j = index_after(rest, ".events["); j && *j < c.events.size()) {
        where = about_timing(p) ? c.events[*j].date : c.events[*j].value;
    } else if (const auto m = index_after(rest, ".members["); m && *m < c.members.size()) {
        where = c.members[*m];
    } else if (rest.starts_with('.')) {
        const auto field = rest.substr(1);
        if (const auto it = c.identity.find(std::string(field)); it != c.identity.end()) where = it->second;
    } else if (p.message.starts_with(unknown_reference)) {
        const auto id = std::string_view(p.message).substr(unknown_reference.size());
        for (std::size_t j = 0; j < c.events.size(); ++j) {
            bool refers = false;
            std::visit(
                [&](const auto& payload) {
                    using P = std::decay_t<decltype(payload)>;
                    if constexpr (std::is_same_v<P, Registered>)
                        refers = std::find(payload.predecessors.begin(), payload.predecessors.end(), id) !=
                                 payload.predecessors.end();
                    else if constexpr (std::is_same_v<P, ReorganizationStarted> ||
                                       std::is_same_v<P, ReorganizationCompleted>)
                        refers = std::find(payload.counterparts.begin(), payload.counterparts.end(), id) !=
                                 payload.counterparts.end();
                },
                c.record.events[j].data);
            if (refers && c.events[j].reference.line > 0) {
                where = c.events[j].reference;
                break;
            }
        }
    }
    p.file = std::string(file);
    p.line = where.line;
    p.column = where.column;
    p.path = where.path;
}

inline void sort_by_position(Problems& problems) {
    std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
}

}  // namespace detail

/// Adds the candidates to a new registry: all of them, or else an Error listing every problem; with
/// skip_bad_rows, those without problems, and the others' rows in `skipped`.
inline CsvImport finish(std::vector<Candidate> candidates, const Source& source, const CsvOptions& options) {
    using namespace detail;
    CsvImport out{Registry(options.law ? options.law : law::vietnam(), vietnam_areas()), {}, source.mapping.name};
    out.registry.info().title = "CSV import of " + source.file;
    out.registry.info().source = source.file + ", read with the mapping " + source.mapping.name;
    out.registry.info().as_of = options.as_of;

    Problems problems;       // when every problem refuses the file
    std::set<std::string> refused_ids;  // organisations with a problem of their own rows
    std::vector<Candidate> bad;
    std::vector<Candidate> good;
    for (auto& c : candidates) {
        if (c.problems.empty()) {
            good.push_back(std::move(c));
            continue;
        }
        refused_ids.insert(c.record.organization.id);
        bad.push_back(std::move(c));
    }

    // Registry::add checks every history together and adds all or none; a refused organisation is set aside and
    // the rest tried again (an organisation may depend on one set aside, through its references).
    while (!good.empty()) {
        std::vector<OrganizationRecord> records;
        records.reserve(good.size());
        for (const auto& c : good) records.push_back(c.record);
        try {
            out.registry.add(std::move(records));
            break;
        } catch (const Error& e) {
            std::map<std::size_t, Problems> refused;
            for (auto p : e.problems()) {
                const auto split = split_path(p.path);
                if (!split || split->first >= good.size()) {
                    p.file = source.file;
                    problems.push_back(std::move(p));
                    continue;
                }
                const auto& c = good[split->first];
                if (p.message.starts_with(unknown_reference)) {
                    // A reference to an organisation refused for its own rows is not a problem of its own.
                    const std::string id = p.message.substr(unknown_reference.size());
                    if (!options.skip_bad_rows && refused_ids.count(id)) continue;
                    if (refused_ids.count(id)) p.message += " (its rows are skipped)";
                }
                place(p, c, split->second, source.file);
                refused[split->first].push_back(std::move(p));
            }
            if (!options.skip_bad_rows) {
                for (auto& [k, ps] : refused)
                    for (auto& p : ps) problems.push_back(std::move(p));
                break;
            }
            if (refused.empty()) break;  // nothing to set aside: the problems above stand
            std::vector<Candidate> kept;
            for (std::size_t k = 0; k < good.size(); ++k) {
                if (const auto it = refused.find(k); it != refused.end()) {
                    good[k].problems = std::move(it->second);
                    refused_ids.insert(good[k].record.organization.id);
                    bad.push_back(std::move(good[k]));
                } else {
                    kept.push_back(std::move(good[k]));
                }
            }
            good = std::move(kept);
        }
    }

    if (!options.skip_bad_rows || !problems.empty()) {
        for (auto& c : bad)
            for (auto& p : c.problems) problems.push_back(std::move(p));
        sort_by_position(problems);
        throw_if_any(std::move(problems));
    }
    for (auto& c : bad) {
        sort_by_position(c.problems);
        for (const int line : c.lines) out.skipped.push_back(CsvSkippedRow{line, c.record.organization.id, c.problems});
    }
    std::sort(out.skipped.begin(), out.skipped.end(),
              [](const CsvSkippedRow& a, const CsvSkippedRow& b) { return a.line < b.line; });
    return out;
}


}  // namespace coopecon::io
