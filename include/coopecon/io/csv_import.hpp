#pragma once
// The options and the result of a CSV import, of organisation rows (csv_organizations.hpp) or event rows
// (csv_events.hpp): the organisations built from the rows become a registry, all or nothing unless bad rows may
// be skipped.
//
// Every problem names the file, the line the row starts on, the column (its position from 1, and its header in
// the path: `column "Tình trạng pháp lý"`) and the organisation. Problems the registry finds in a history
// (Registry::add: transition table, integrity rules, unknown areas) come back with the path of the event in the
// record built from the rows; they are placed on the row and column that produced that event.
//
// Without skip_bad_rows, any problem refuses the whole file: one Error lists every problem, ordered by line, except
// that an area code the catalogue lacks is reported once, at its first row, with the number of rows and
// organisations that use it and a hint (the code it may stand for, or an areas file). With
// it, each organisation with a problem is left out, with all its rows, and reported in CsvImport::skipped; the
// rest is loaded.

#include <coopecon/core/date.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/io/csv_mapping.hpp>
#include <coopecon/io/csv_reader.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/model/area_catalog.hpp>
#include <coopecon/registry/registry.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace coopecon::io {

struct CsvOptions {
    std::optional<CsvMapping> mapping;  // none: the built-in mapping that knows most of the file's header
    bool skip_bad_rows = false;         // load what is valid; report the rest in CsvImport::skipped
    std::optional<Date> as_of;          // the export date: no date may be after it
    // The registry's history_from (RegistryInfo): from this day every event is recorded. Organisation rows are
    // states, not histories: without it, theirs is the export date (as_of, else the latest date in the file).
    std::optional<Date> history_from;
    std::shared_ptr<const law::Framework> law;  // null: Vietnam's embedded law
    std::shared_ptr<const AreaCatalog> areas;   // null: Vietnam's embedded catalogue; else e.g. it extended by
                                                // the units the export uses (extend_area_catalog)
    CsvLimits limits;                           // columns and bytes per row (csv_reader.hpp)
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

}  // namespace coopecon::io
