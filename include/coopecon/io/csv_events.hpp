#pragma once
// Event rows: one row per event, in the file's order or any other (each organisation's events are replayed by
// date, and events of one organisation on one day keep the file's order).
//
// Every row names its organisation (`organization`), the `date` and the `type` of the event, and fills the
// columns of that type's payload keys (registry-format.md); a blank cell is an absent optional key or an empty
// list, and list cells separate their items with ";". A cell of a key the type does not have must be blank.
//
// The organisation's identity (registration_code, name, organization_kind, area, sector) is given on its
// `registered` row. Other rows may leave those cells blank or repeat the same values, so an export that repeats
// them on every row reads as well. A named member (member_joined) is described on the row that admits them:
// member_name, member_type, member_foreign_investor (default no) and member_organization.

#include <coopecon/export.hpp>
#include <coopecon/io/csv_import.hpp>

#include <string_view>

namespace coopecon::io {

/// Reads event rows (docs/csv-import.md) from `text`, named `file` in problems. Throws Error listing every
/// problem, unless options.skip_bad_rows: then the organisations without problems are loaded and the others'
/// rows reported in CsvImport::skipped.
COOPECON_EXPORT CsvImport read_event_rows(std::string_view text, std::string_view file, const CsvOptions& options = {});

}  // namespace coopecon::io
