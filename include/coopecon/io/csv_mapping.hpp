#pragma once
// The column mapping of a CSV import: which header names which field, how dates are written, which columns to
// leave out and how the file spells some values. A mapping is a JSON file (format "coopecon-csv-mapping",
// version 1; docs/csv-import.md):
//
//   {"format": "coopecon-csv-mapping", "version": 1, "title": "...",
//    "rows": "organizations" | "events", "date_format": "YYYY-MM-DD" | "DD/MM/YYYY",
//    "delimiter": ",",                                   // optional: ",", ";", "|" or a tab
//    "columns": {"Header": "field", ...},                // several headers may name one field
//    "ignore": ["Header", ...],                          // optional: columns that are not read
//    "ignore_unknown_columns": false,                    // optional: leave out every column not named above
//    "values": {"field": {"spelling": "enumerator name", ...}, ...}}   // optional
//
// The fields of each kind of row are listed by csv_fields(). The mappings for English and Vietnamese headers
// ship in data/csv/ and are compiled into the library (builtin_csv_mappings()); a file's header picks one of them
// unless the caller gives a mapping. Binding a header to a mapping (bind_header) checks it up front: every
// column known or ignored, no field given twice, every required field present.

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/json/json.hpp>
#include <coopecon/core/detail/embedded_data.hpp>
#include <coopecon/io/csv_reader.hpp>
#include <coopecon/io/csv_values.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>

#include <boost/describe/enum.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace coopecon::io {

/// What one row of a CSV file is.
enum class CsvRows : std::uint8_t {
    organizations,  // one row per organisation, its state on the export date
    events,         // one row per event
};
BOOST_DESCRIBE_ENUM(CsvRows, organizations, events)

/// The fields of an organisation row (docs/csv-import.md says what each means).
enum class OrgField : std::uint8_t {
    id,
    registration_code,
    name,
    kind,
    area,
    sector,
    registered_on,
    charter_capital,
    status,
    status_since,
    suspended_until,
    ended_by,
    dissolution_basis,
    procedure_started,
    reorganization_form,
    official_members,
    capital_associates,
    non_capital_associates,
    individual_members,
    household_members,
    legal_entity_members,
    cooperative_members,
    financial_year,
    revenue,
    costs,
    pre_tax_profit,
    internal_revenue,
    workers,
    wages,
    indivisible_fund,
    last_annual_assembly,
};
BOOST_DESCRIBE_ENUM(OrgField, id, registration_code, name, kind, area, sector, registered_on, charter_capital, status,
                    status_since, suspended_until, ended_by, dissolution_basis, procedure_started, reorganization_form,
                    official_members, capital_associates, non_capital_associates, individual_members,
                    household_members, legal_entity_members, cooperative_members, financial_year, revenue, costs,
                    pre_tax_profit, internal_revenue, workers, wages, indivisible_fund, last_annual_assembly)

/// The fields of an event row besides the payload keys of the event types (registry-format.md), which are
/// fields too: the organisation's identity, given on its `registered` row, and a named member's, given on the
/// row that admits them.
enum class EventField : std::uint8_t {
    organization,
    date,
    type,
    registration_code,
    name,
    organization_kind,
    area,
    sector,
    member_name,
    member_foreign_investor,
    member_organization,
};
BOOST_DESCRIBE_ENUM(EventField, organization, date, type, registration_code, name, organization_kind, area, sector,
                    member_name, member_foreign_investor, member_organization)

/// A field a mapping may name.
struct CsvField {
    std::string name;
    bool required = false;                 // the file must have a column for it
    std::vector<std::string> value_names;  // for an enumeration: the names of its values
};

namespace detail {

template <class T>
struct Unwrapped {
    using type = T;
};
template <class T>
struct Unwrapped<std::optional<T>> {
    using type = T;
};
template <class T>
struct Unwrapped<std::vector<T>> {
    using type = T;
};

template <class E>
void add_names(std::vector<std::string>& out) {
    for (const E e : enum_values<E>()) {
        const std::string name(enum_name(e));
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
}

template <class E>
CsvField field(std::string name, bool required) {
    CsvField f{std::move(name), required, {}};
    add_names<E>(f.value_names);
    return f;
}

inline std::vector<CsvField> organization_fields() {
    std::vector<CsvField> out;
    for (const OrgField f : enum_values<OrgField>()) {
        const std::string name(enum_name(f));
        const bool required = f == OrgField::id || f == OrgField::name || f == OrgField::kind ||
                              f == OrgField::area || f == OrgField::sector || f == OrgField::registered_on ||
                              f == OrgField::status;
        switch (f) {
            case OrgField::kind: out.push_back(field<OrgKind>(name, required)); break;
            case OrgField::sector: out.push_back(field<Sector>(name, required)); break;
            case OrgField::status: out.push_back(field<LegalStatus>(name, required)); break;
            case OrgField::ended_by: out.push_back(field<Ending>(name, required)); break;
            case OrgField::dissolution_basis: out.push_back(field<DissolutionBasis>(name, required)); break;
            case OrgField::reorganization_form: out.push_back(field<ReorganizationForm>(name, required)); break;
            default: out.push_back(CsvField{name, required, {}});
        }
    }
    return out;
}

inline std::vector<CsvField> event_fields() {
    std::vector<CsvField> out;
    for (const EventField f : enum_values<EventField>()) {
        const std::string name(enum_name(f));
        const bool required = f == EventField::organization || f == EventField::date || f == EventField::type ||
                              f == EventField::name || f == EventField::organization_kind ||
                              f == EventField::area || f == EventField::sector;
        switch (f) {
            case EventField::type: out.push_back(field<EventType>(name, required)); break;
            case EventField::organization_kind: out.push_back(field<OrgKind>(name, required)); break;
            case EventField::sector: out.push_back(field<Sector>(name, required)); break;
            default: out.push_back(CsvField{name, required, {}});
        }
    }
    // Every payload key of every event type, once; a key that holds different enumerations in different types
    // (`kind`: membership or assembly) takes the names of all of them.
    boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, EventData>>([&](auto payload) {
        using Payload = typename decltype(payload)::type;
        boost::mp11::mp_for_each<json::described_members<Payload>>([&](auto m) {
            using Member = std::remove_cvref_t<decltype(std::declval<Payload>().*m.pointer)>;
            using Value = typename Unwrapped<Member>::type;
            auto it = std::find_if(out.begin(), out.end(), [&](const CsvField& f) { return f.name == m.name; });
            if (it == out.end()) {
                out.push_back(CsvField{m.name, false, {}});
                it = out.end() - 1;
            }
            if constexpr (std::is_enum_v<Value>) add_names<Value>(it->value_names);
        });
    });
    return out;
}

}  // namespace detail

/// The fields of a kind of row, in the order docs/csv-import.md lists them.
inline const std::vector<CsvField>& csv_fields(CsvRows rows) {
    static const std::vector<CsvField> organizations = detail::organization_fields();
    static const std::vector<CsvField> events = detail::event_fields();
    return rows == CsvRows::organizations ? organizations : events;
}

inline const CsvField* find_csv_field(CsvRows rows, std::string_view name) {
    const auto& fields = csv_fields(rows);
    const auto it = std::find_if(fields.begin(), fields.end(), [&](const CsvField& f) { return f.name == name; });
    return it == fields.end() ? nullptr : &*it;
}

struct CsvMapping {
    std::string name;  // the built-in mapping's name (organizations-vi), or the file it was read from
    std::string title;
    CsvRows rows = CsvRows::organizations;
    DateFormat date_format = DateFormat::iso;
    char delimiter = ',';
    std::map<std::string, std::string, std::less<>> columns;  // header (trimmed) → field
    std::vector<std::string> ignore;                          // headers (trimmed) whose columns are not read
    bool ignore_unknown_columns = false;
    std::map<std::string, Spellings, std::less<>> values;  // field → spelling → enumerator name

    /// The mapping's own spellings for a field's values, or nullptr.
    const Spellings* spellings(std::string_view field) const {
        const auto it = values.find(field);
        return it == values.end() ? nullptr : &it->second;
    }

    /// "\"Status\" or \"Trạng thái\"": the headers the mapping reads a field from, for messages.
    std::string headers_of(std::string_view field) const {
        std::string out;
        for (const auto& [header, f] : columns)
            if (f == field) out += (out.empty() ? "" : " or ") + json::in_quotes(header);
        return out;
    }
};

inline constexpr std::string_view csv_mapping_format = "coopecon-csv-mapping";
inline constexpr std::int64_t csv_mapping_version = 1;

/// Reads a mapping from its JSON text; `file` names it in problems and becomes its name. Throws Error listing
/// every problem with file:line:column.
inline CsvMapping read_csv_mapping(std::string_view text, std::string_view file) {
    static constexpr std::array<std::string_view, 10> keys{
        "format", "version", "title",  "rows", "date_format", "delimiter", "columns", "ignore",
        "ignore_unknown_columns", "values"};
    Problems problems;
    const auto root = json::parse(text, file, problems);
    json::Reader r(problems);
    CsvMapping m;
    m.name = std::string(file);
    const auto* o = r.object(root);
    if (o && json::check_format(r, *o, csv_mapping_format, csv_mapping_version)) {
        r.check_keys(*o, {keys});
        std::optional<std::string> title;
        r.member(*o, "title", title);
        m.title = title.value_or("");
        const bool rows_known = r.member(*o, "rows", m.rows);

        std::string date_format;
        if (r.member(*o, "date_format", date_format)) {
            auto scope = r.key("date_format");
            if (date_format == date_format_text(DateFormat::iso)) m.date_format = DateFormat::iso;
            else if (date_format == date_format_text(DateFormat::day_month_year))
                m.date_format = DateFormat::day_month_year;
            else
                r.problem(ErrorCode::invalid_value, json::in_quotes(date_format) + " is not a date format: write " +
                                                        "\"YYYY-MM-DD\" or \"DD/MM/YYYY\"");
        }
        std::optional<std::string> delimiter;
        if (r.member(*o, "delimiter", delimiter) && delimiter) {
            auto scope = r.key("delimiter");
            if (*delimiter == "," || *delimiter == ";" || *delimiter == "|" || *delimiter == "\t")
                m.delimiter = delimiter->front();
            else
                r.problem(ErrorCode::invalid_value,
                          json::in_quotes(*delimiter) + " is not a delimiter: write \",\", \";\", \"|\" or \"\\t\"");
        }
        std::map<std::string, std::string> columns;
        r.member(*o, "columns", columns);
        r.member(*o, "ignore", m.ignore);
        std::optional<bool> ignore_unknown;
        r.member(*o, "ignore_unknown_columns", ignore_unknown);
        m.ignore_unknown_columns = ignore_unknown.value_or(false);
        std::optional<std::map<std::string, std::map<std::string, std::string>>> values;  // optional key
        r.member(*o, "values", values);

        {
            auto scope = r.key("columns");
            for (const auto& [header, field] : columns) {
                auto at = r.key(header);
                const std::string trimmed(trim(header));
                if (trimmed.empty()) r.problem(ErrorCode::invalid_value, "a header name cannot be empty");
                else if (!m.columns.emplace(trimmed, field).second)
                    r.problem(ErrorCode::duplicate, "the header " + json::in_quotes(trimmed) +
                                                        " is given twice (headers are compared without the spaces around them)");
                if (rows_known && !find_csv_field(m.rows, field)) {
                    std::string names;
                    for (const auto& f : csv_fields(m.rows)) names += (names.empty() ? "" : ", ") + f.name;
                    r.problem(ErrorCode::unknown_name, json::in_quotes(field) + " is not a field of " +
                                                           std::string(enum_name(m.rows)) + " rows: " + names);
                }
            }
            if (rows_known && o->contains("columns"))
                for (const auto& f : csv_fields(m.rows))
                    if (f.required && m.headers_of(f.name).empty())
                        r.problem(ErrorCode::missing_field,
                                  "no header is given for the required field " + f.name);
        }
        {
            auto scope = r.key("ignore");
            for (std::size_t k = 0; k < m.ignore.size(); ++k) {
                auto at = r.index(k);
                m.ignore[k] = std::string(trim(m.ignore[k]));
                if (m.ignore[k].empty()) r.problem(ErrorCode::invalid_value, "a header name cannot be empty");
                else if (m.columns.count(m.ignore[k]))
                    r.problem(ErrorCode::invalid_value,
                              json::in_quotes(m.ignore[k]) + " is in both \"columns\" and \"ignore\"");
            }
        }
        {
            auto scope = r.key("values");
            for (auto& [field, spellings] : values.value_or(decltype(values)::value_type{})) {
                auto at = r.key(field);
                const CsvField* f = rows_known ? find_csv_field(m.rows, field) : nullptr;
                if (rows_known && (!f || f->value_names.empty())) {
                    r.problem(ErrorCode::unknown_name, json::in_quotes(field) + " is not a field of " +
                                                           std::string(enum_name(m.rows)) +
                                                           " rows whose values are names");
                    continue;
                }
                for (const auto& [spelling, name] : spellings) {
                    auto inner = r.key(spelling);
                    if (spelling.empty()) r.problem(ErrorCode::invalid_value, "a spelling cannot be empty");
                    if (f && std::find(f->value_names.begin(), f->value_names.end(), name) == f->value_names.end()) {
                        std::string names;
                        for (const auto& n : f->value_names) names += (names.empty() ? "" : ", ") + n;
                        r.problem(ErrorCode::unknown_name,
                                  json::in_quotes(name) + " is not a value of " + field + ": " + names);
                    }
                }
                m.values.emplace(field, Spellings(spellings.begin(), spellings.end()));
            }
        }
    }
    json::throw_located(std::move(problems), text, file);
    return m;
}

/// Reads the mapping file at `path` (see read_csv_mapping).
inline CsvMapping read_csv_mapping_file(const std::filesystem::path& path) {
    return read_csv_mapping(read_text_file(path), path.string());
}

/// The mappings of data/csv/ (English and Vietnamese headers for each kind of row), named by their file's stem
/// (organizations-en …) and parsed once.
inline const std::vector<CsvMapping>& builtin_csv_mappings() {
    static const std::vector<CsvMapping> mappings = [] {
        std::vector<CsvMapping> out;
        for (const auto& file : coopecon::detail::embedded_files()) {
            const std::string name(file.name);
            if (!name.starts_with("csv/") || !name.ends_with(".json")) continue;
            auto m = read_csv_mapping(file.text, "data/" + name);
            m.name = name.substr(4, name.size() - 4 - 5);
            out.push_back(std::move(m));
        }
        return out;
    }();
    return mappings;
}

/// The built-in mapping called `name` (organizations-en …), or nullptr.
inline const CsvMapping* find_builtin_csv_mapping(std::string_view name) {
    const auto& all = builtin_csv_mappings();
    const auto it = std::find_if(all.begin(), all.end(), [&](const CsvMapping& m) { return m.name == name; });
    return it == all.end() ? nullptr : &*it;
}

/// The built-in mapping for `rows` that knows the most of `header`'s columns (the first by name on a tie).
inline const CsvMapping& choose_builtin_csv_mapping(const std::vector<std::string>& header, CsvRows rows) {
    const CsvMapping* best = nullptr;
    std::size_t best_known = 0;
    for (const auto& m : builtin_csv_mappings()) {
        if (m.rows != rows) continue;
        std::size_t known = 0;
        for (const auto& h : header) {
            const auto trimmed = trim(h);
            if (m.columns.count(trimmed) ||
                std::find(m.ignore.begin(), m.ignore.end(), trimmed) != m.ignore.end())
                ++known;
        }
        if (!best || known > best_known) {
            best = &m;
            best_known = known;
        }
    }
    if (!best) throw Error(ErrorCode::usage, "no built-in CSV mapping for " + std::string(enum_name(rows)) + " rows");
    return *best;
}

/// The kind of row whose built-in mappings know most of `header`'s columns (organisation rows on a tie): an
/// event export has columns such as "Event" or "Sự kiện" that organisation rows never have.
inline CsvRows detect_csv_rows(const std::vector<std::string>& header) {
    CsvRows best = CsvRows::organizations;
    std::size_t best_known = 0;
    for (const auto& m : builtin_csv_mappings()) {
        const auto known = static_cast<std::size_t>(std::count_if(
            header.begin(), header.end(), [&](const std::string& h) { return m.columns.count(trim(h)) > 0; }));
        if (known > best_known) {
            best = m.rows;
            best_known = known;
        }
    }
    return best;
}

/// A header bound to a mapping: the column (from 0) each field is read from.
struct BoundHeader {
    std::vector<std::string> header;
    std::map<std::string, std::size_t, std::less<>> column_of;

    std::optional<std::size_t> column(std::string_view field) const {
        const auto it = column_of.find(field);
        if (it == column_of.end()) return std::nullopt;
        return it->second;
    }
};

/// Binds `header` (line 1 of `file`) to `mapping`. Throws Error listing every unknown column, every field given
/// by two columns and every required field without a column.
inline BoundHeader bind_header(const std::vector<std::string>& header, const CsvMapping& mapping,
                               std::string_view file) {
    Problems problems;
    BoundHeader bound;
    bound.header = header;
    const std::string which = "the mapping " + json::in_quotes(mapping.name);
    // A whole line in one column is a file separated by something else, e.g. ';' from a spreadsheet in a
    // Vietnamese locale: that is the one problem worth reporting.
    const bool one_column = header.size() == 1 && trim(header[0]).find_first_of(";|\t") != std::string_view::npos;
    for (std::size_t k = 0; k < header.size(); ++k) {
        const std::string_view name = trim(header[k]);
        const int column = static_cast<int>(k + 1);
        const auto mapped = mapping.columns.find(name);
        if (mapped == mapping.columns.end()) {
            if (mapping.ignore_unknown_columns ||
                std::find(mapping.ignore.begin(), mapping.ignore.end(), name) != mapping.ignore.end())
                continue;
            std::string message = (name.empty() ? std::string("the column has no header") : "unknown column") +
                                  decomposed_hint(name) + ": " + which +
                                  " has no field for it and does not ignore it";
            if (one_column) {
                message += ". The header is one column: if the file is separated by \";\" or another character, "
                           "give a mapping with that \"delimiter\"";
            } else {
                // The mapping's headers that the file lacks, those of required fields when any: a misspelt header
                // is usually one of them.
                auto absent_headers = [&](bool required_only) {
                    std::string out;
                    for (const auto& [h, f] : mapping.columns) {
                        const CsvField* known = find_csv_field(mapping.rows, f);
                        if (required_only && !(known && known->required)) continue;
                        if (std::none_of(header.begin(), header.end(),
                                         [&](const std::string& x) { return trim(x) == h; }))
                            out += (out.empty() ? "" : ", ") + json::in_quotes(h);
                    }
                    return out;
                };
                if (const auto required = absent_headers(true); !required.empty())
                    message += "; did you mean one of the required headers missing from this file: " + required;
                else if (const auto any = absent_headers(false); !any.empty())
                    message += "; the mapping's headers not in this file: " + any;
            }
            problems.push_back(problem_at(ErrorCode::unknown_field, std::move(message), file, 1, column,
                                               column_path(header[k])));
            continue;
        }
        const auto [it, added] = bound.column_of.emplace(mapped->second, k);
        if (!added)
            problems.push_back(problem_at(
                ErrorCode::duplicate,
                "the field " + mapped->second + " is already given by column " + std::to_string(it->second + 1) +
                    " (" + json::in_quotes(trim(header[it->second])) + "); give each field once",
                file, 1, column, column_path(header[k])));
    }
    for (const auto& f : csv_fields(mapping.rows))
        if (f.required && !one_column && !bound.column_of.count(f.name))
            problems.push_back(problem_at(ErrorCode::missing_field,
                                               "no column for the required field " + f.name + ": " + which +
                                                   " reads it from " + mapping.headers_of(f.name),
                                               file, 1, 1));
    std::stable_sort(problems.begin(), problems.end(),
                     [](const Problem& a, const Problem& b) { return a.column < b.column; });
    throw_if_any(std::move(problems));
    return bound;
}

}  // namespace coopecon::io
