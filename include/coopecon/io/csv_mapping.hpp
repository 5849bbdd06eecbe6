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

#include <coopecon/core/labelled_enum.hpp>
#include <coopecon/export.hpp>
#include <coopecon/io/csv_values.hpp>
#include <coopecon/model/state_fields.hpp>

#include <boost/describe/enum.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coopecon::io {

/// What one row of a CSV file is.
enum class CsvRows : std::uint8_t {
    organizations,  // one row per organisation, its state on the export date
    events,         // one row per event
};
BOOST_DESCRIBE_ENUM(CsvRows, organizations, events)

/// The fields of an organisation row (docs/csv-import.md says what each means): the organisation's identity,
/// the rows of model/state_fields.hpp that a CSV export may give, in its order, and what a status needs besides.
#define COOPECON_DETAIL_ORG_FIELD(name, type, role, source, from, indicator, csv, ...) \
    COOPECON_STATE_FIELD_IF(csv)(name, )
#define COOPECON_DETAIL_ORG_FIELD_ENTRY(name, type, role, source, from, indicator, csv, ...) \
    COOPECON_STATE_FIELD_IF(csv)(COOPECON_DESCRIBE_ENUM_ENTRY(name))
enum class OrgField : std::uint8_t {
    id,
    registration_code,
    name,
    COOPECON_STATE_FIELDS(COOPECON_DETAIL_ORG_FIELD)
    suspended_until,
    dissolution_basis,
    procedure_started,
    reorganization_form,
};
COOPECON_DESCRIBE_ENUM_BEGIN(OrgField)
COOPECON_DESCRIBE_ENUM_ENTRY(id) COOPECON_DESCRIBE_ENUM_ENTRY(registration_code) COOPECON_DESCRIBE_ENUM_ENTRY(name)
COOPECON_STATE_FIELDS(COOPECON_DETAIL_ORG_FIELD_ENTRY)
COOPECON_DESCRIBE_ENUM_ENTRY(suspended_until) COOPECON_DESCRIBE_ENUM_ENTRY(dissolution_basis)
COOPECON_DESCRIBE_ENUM_ENTRY(procedure_started) COOPECON_DESCRIBE_ENUM_ENTRY(reorganization_form)
COOPECON_DESCRIBE_ENUM_END
#undef COOPECON_DETAIL_ORG_FIELD
#undef COOPECON_DETAIL_ORG_FIELD_ENTRY

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

/// The fields of a kind of row, in the order docs/csv-import.md lists them.
COOPECON_EXPORT const std::vector<CsvField>& csv_fields(CsvRows rows);

/// The field of a kind of row called `name`, or nullptr.
COOPECON_EXPORT const CsvField* find_csv_field(CsvRows rows, std::string_view name);

struct COOPECON_EXPORT CsvMapping {
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
    const Spellings* spellings(std::string_view field) const;

    /// "\"Status\" or \"Trạng thái\"": the headers the mapping reads a field from, for messages.
    std::string headers_of(std::string_view field) const;
};

inline constexpr std::string_view csv_mapping_format = "coopecon-csv-mapping";
inline constexpr std::int64_t csv_mapping_version = 1;

/// Reads a mapping from its JSON text; `file` names it in problems and becomes its name. Throws Error listing
/// every problem with file:line:column.
COOPECON_EXPORT CsvMapping read_csv_mapping(std::string_view text, std::string_view file);

/// Reads the mapping file at `path` (see read_csv_mapping).
COOPECON_EXPORT CsvMapping read_csv_mapping_file(const std::filesystem::path& path);

/// The mappings of data/csv/ (English and Vietnamese headers for each kind of row), named by their file's stem
/// (organizations-en …) and parsed once.
COOPECON_EXPORT const std::vector<CsvMapping>& builtin_csv_mappings();

/// The built-in mapping called `name` (organizations-en …), or nullptr.
COOPECON_EXPORT const CsvMapping* find_builtin_csv_mapping(std::string_view name);

/// The built-in mapping for `rows` that knows the most of `header`'s columns (the first by name on a tie).
COOPECON_EXPORT const CsvMapping& choose_builtin_csv_mapping(const std::vector<std::string>& header, CsvRows rows);

/// The kind of row whose built-in mappings know most of `header`'s columns (organisation rows on a tie): an
/// event export has columns such as "Event" or "Sự kiện" that organisation rows never have.
COOPECON_EXPORT CsvRows detect_csv_rows(const std::vector<std::string>& header);

/// A header bound to a mapping: the column (from 0) each field is read from.
struct COOPECON_EXPORT BoundHeader {
    std::vector<std::string> header;
    std::map<std::string, std::size_t, std::less<>> column_of;

    std::optional<std::size_t> column(std::string_view field) const;
};

/// Binds `header` (line 1 of `file`) to `mapping`. Throws Error listing every unknown column, every field given
/// by two columns and every required field without a column.
COOPECON_EXPORT BoundHeader bind_header(const std::vector<std::string>& header, const CsvMapping& mapping,
                                        std::string_view file);

}  // namespace coopecon::io
