#pragma once
// CSV import of a registry export (docs/csv-import.md): organisation rows (csv_organizations.hpp) or event rows
// (csv_events.hpp), with English or Vietnamese headers through a column mapping (csv_mapping.hpp).
//
//   auto imported = coopecon::io::read_csv_file("export.csv");  // organisation or event rows, by the header
//   coopecon::io::write_registry_file(imported.registry, "registry.json");

#include <coopecon/export.hpp>
#include <coopecon/io/csv_events.hpp>
#include <coopecon/io/csv_import.hpp>
#include <coopecon/io/csv_mapping.hpp>
#include <coopecon/io/csv_organizations.hpp>

#include <filesystem>
#include <string_view>

namespace coopecon::io {

/// Reads CSV text of either kind of row; `file` names it in problems (see read_organization_rows and
/// read_event_rows).
COOPECON_EXPORT CsvImport read_csv(std::string_view text, std::string_view file, CsvRows rows,
                                   const CsvOptions& options = {});

/// Reads CSV text of the kind of row of options.mapping, or else of the kind its header fits best
/// (detect_csv_rows).
COOPECON_EXPORT CsvImport read_csv(std::string_view text, std::string_view file, const CsvOptions& options = {});

/// Reads the CSV file at `path`; an unreadable file is an Error with code io.
COOPECON_EXPORT CsvImport read_csv_file(const std::filesystem::path& path, CsvRows rows,
                                        const CsvOptions& options = {});

/// Reads the CSV file at `path`, of the kind of row its mapping or header says.
COOPECON_EXPORT CsvImport read_csv_file(const std::filesystem::path& path, const CsvOptions& options = {});

}  // namespace coopecon::io
