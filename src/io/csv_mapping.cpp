// Column mappings of CSV imports (csv_mapping.hpp): the fields of each kind of row, reading a mapping, the
// built-in mappings embedded from data/csv/, and binding a file's header to a mapping.

#include "core/embedded_data.hpp"
#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/core/text_file.hpp>
#include <coopecon/io/csv_mapping.hpp>
#include <coopecon/io/csv_reader.hpp>
#include "json/json.hpp"
#include <coopecon/model/event.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>

#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace coopecon::io {

namespace {

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

// A row of model/state_fields.hpp that a CSV export may give: required or optional; a category names the values
// of its enumeration.
#define COOPECON_DETAIL_CSV_FIELD_category(name, type, required) field<type>(#name, required)
#define COOPECON_DETAIL_CSV_FIELD_OTHER(name, type, required) CsvField{#name, required, {}}
#define COOPECON_DETAIL_CSV_FIELD_count COOPECON_DETAIL_CSV_FIELD_OTHER
#define COOPECON_DETAIL_CSV_FIELD_money COOPECON_DETAIL_CSV_FIELD_OTHER
#define COOPECON_DETAIL_CSV_FIELD_date COOPECON_DETAIL_CSV_FIELD_OTHER
#define COOPECON_DETAIL_CSV_FIELD_flag COOPECON_DETAIL_CSV_FIELD_OTHER
#define COOPECON_DETAIL_CSV_FIELD_bits COOPECON_DETAIL_CSV_FIELD_OTHER
#define COOPECON_DETAIL_CSV_FIELD_year COOPECON_DETAIL_CSV_FIELD_OTHER
#define COOPECON_DETAIL_CSV_FIELD_area COOPECON_DETAIL_CSV_FIELD_OTHER
#define COOPECON_DETAIL_CSV_REQUIRED_required true
#define COOPECON_DETAIL_CSV_REQUIRED_optional false
#define COOPECON_DETAIL_CSV_FIELD(name, type, role, source, from, indicator, csv, ...)                             \
    COOPECON_STATE_FIELD_IF(csv)(case OrgField::name:                                                             \
                                     return COOPECON_DETAIL_CSV_FIELD_##role(name, type,                          \
                                                                             COOPECON_DETAIL_CSV_REQUIRED_##csv);)

CsvField organization_field(OrgField f) {
    switch (f) {
        case OrgField::id: return {"id", true, {}};
        case OrgField::registration_code: return {"registration_code", false, {}};
        case OrgField::name: return {"name", true, {}};
        COOPECON_STATE_FIELDS(COOPECON_DETAIL_CSV_FIELD)
        case OrgField::suspended_until: return {"suspended_until", false, {}};
        case OrgField::dissolution_basis: return field<DissolutionBasis>("dissolution_basis", false);
        case OrgField::procedure_started: return {"procedure_started", false, {}};
        case OrgField::reorganization_form: return field<ReorganizationForm>("reorganization_form", false);
    }
    return {};
}

std::vector<CsvField> organization_fields() {
    std::vector<CsvField> out;
    for (const OrgField f : enum_values<OrgField>()) out.push_back(organization_field(f));
    return out;
}

std::vector<CsvField> event_fields() {
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

}  // namespace

const std::vector<CsvField>& csv_fields(CsvRows rows) {
    static const std::vector<CsvField> organizations = organization_fields();
    static const std::vector<CsvField> events = event_fields();
    return rows == CsvRows::organizations ? organizations : events;
}

const CsvField* find_csv_field(CsvRows rows, std::string_view name) {
    const auto& fields = csv_fields(rows);
    const auto it = std::find_if(fields.begin(), fields.end(), [&](const CsvField& f) { return f.name == name; });
    return it == fields.end() ? nullptr : &*it;
}

const Spellings* CsvMapping::spellings(std::string_view field) const {
    const auto it = values.find(field);
    return it == values.end() ? nullptr : &it->second;
}

std::string CsvMapping::headers_of(std::string_view field) const {
    std::string out;
    for (const auto& [header, f] : columns)
        if (f == field) out += (out.empty() ? "" : " or ") + json::in_quotes(header);
    return out;
}

CsvMapping read_csv_mapping(std::string_view text, std::string_view file) {
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

CsvMapping read_csv_mapping_file(const std::filesystem::path& path) {
    return read_csv_mapping(read_text_file(path), path.string());
}

const std::vector<CsvMapping>& builtin_csv_mappings() {
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

const CsvMapping* find_builtin_csv_mapping(std::string_view name) {
    const auto& all = builtin_csv_mappings();
    const auto it = std::find_if(all.begin(), all.end(), [&](const CsvMapping& m) { return m.name == name; });
    return it == all.end() ? nullptr : &*it;
}

const CsvMapping& choose_builtin_csv_mapping(const std::vector<std::string>& header, CsvRows rows) {
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

CsvRows detect_csv_rows(const std::vector<std::string>& header) {
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

std::optional<std::size_t> BoundHeader::column(std::string_view field) const {
    const auto it = column_of.find(field);
    if (it == column_of.end()) return std::nullopt;
    return it->second;
}

BoundHeader bind_header(const std::vector<std::string>& header, const CsvMapping& mapping,
                               std::string_view file) {
    Problems problems;
    BoundHeader bound;
    bound.header = header;
    const std::string which = "the mapping " + json::in_quotes(mapping.name);
    // A whole line in one column is a file separated by something else, e.g. ';' from a spreadsheet in a
    // Vietnamese locale: that is the one problem worth reporting.
    const bool one_column = header.size() == 1 && trim(header[0]).find_first_of(";|\t") != std::string_view::npos;
    // The mapping's headers that the file lacks, those of required fields when any: a misspelt header is usually
    // one of them. Found once, in time linear in the header, and named only at the first unknown column, so a
    // header of many unknown columns gives short problems.
    const std::string suggestion = [&] {
        if (one_column) return std::string();
        std::set<std::string_view, std::less<>> present;
        for (const auto& h : header) present.insert(trim(h));
        auto absent_headers = [&](bool required_only) {
            std::string out;
            for (const auto& [h, f] : mapping.columns) {
                const CsvField* known = find_csv_field(mapping.rows, f);
                if ((required_only && !(known && known->required)) || present.count(h)) continue;
                out += (out.empty() ? "" : ", ") + json::in_quotes(h);
            }
            return out;
        };
        if (const auto required = absent_headers(true); !required.empty())
            return "; did you mean one of the required headers missing from this file: " + required;
        if (const auto any = absent_headers(false); !any.empty())
            return "; the mapping's headers not in this file: " + any;
        return std::string();
    }();
    int first_unknown = 0;
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
            if (one_column)
                message += ". The header is one column: if the file is separated by \";\" or another character, "
                           "give a mapping with that \"delimiter\"";
            else if (first_unknown == 0)
                message += suggestion;
            else
                message += " (see column " + std::to_string(first_unknown) + ")";
            if (first_unknown == 0) first_unknown = column;
            problems.push_back(
                problem_at(ErrorCode::unknown_field, std::move(message), file, 1, column, column_path(header[k])));
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
