#pragma once
// Organisation rows: one row per organisation, its state on the export date (status, members by kind, the
// latest financial year …), turned into an event history whose replay gives that state.
//
// The history is the least that is consistent with the row, not the organisation's true history: it is
// registered on its registration date with all its members (they join that day), holds its last annual assembly
// and closes its latest financial year, and reaches its status by the fewest events dated by the row:
//
//   active                    nothing more
//   suspended                 suspended on status_since until suspended_until
//   revoked_tax_enforcement   registration_revoked (tax_enforcement) on status_since
//   in_dissolution            dissolution_resolved (dissolution_basis, default members_resolution) on status_since
//   in_reorganization         reorganization_started (reorganization_form) on status_since
//   in_bankruptcy             bankruptcy_opened on status_since
//   terminated                by ended_by: dissolution_resolved then dissolution_completed (dossier);
//                             bankruptcy_opened then bankruptcy_declared; reorganization_started then
//                             reorganization_completed. The first on procedure_started (default: the same day),
//                             the second on status_since.
//
// The transition table judges these events like any others, so a row whose state cannot be reached (terminated
// before it was registered, a suspension longer than the law allows) is refused at the cell that gave the date
// or value. docs/csv-import.md lists the fields and these rules.

#include <coopecon/export.hpp>
#include <coopecon/io/csv_import.hpp>

#include <string_view>

namespace coopecon::io {

/// Reads organisation rows (docs/csv-import.md) from `text`, named `file` in problems. Throws Error listing every
/// problem, unless options.skip_bad_rows: then the organisations without problems are loaded and the others'
/// rows reported in CsvImport::skipped.
COOPECON_EXPORT CsvImport read_organization_rows(std::string_view text, std::string_view file,
                                                 const CsvOptions& options = {});

}  // namespace coopecon::io
