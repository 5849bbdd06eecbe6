#pragma once
// A registry file in any of its forms — the JSON file, the binary form, a SQLite store, a CSV export — told apart
// by its first bytes, not its name: the binary form begins with "COOPREG", a SQLite database with "SQLite format 3"
// (both magic numbers), and otherwise a name ending in .csv is a CSV export and anything else the JSON file
// (docs/registry-format.md). Every command and Python's load read registries through this.

#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/framework_json.hpp>  // law::vietnam(), the default framework
#include <coopecon/registry/registry.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>

namespace coopecon::io {

/// The forms a registry is kept in.
enum class RegistryForm : std::uint8_t {
    json,    // the registry file (coopecon-registry), the form to read and exchange
    csv,     // event rows with English headers (docs/csv-import.md)
    binary,  // the binary form (registry_binary.hpp), the fastest to load
    sqlite,  // a SQLite database (registry_sqlite.hpp), a registry kept and appended to over years
};
BOOST_DESCRIBE_ENUM(RegistryForm, json, csv, binary, sqlite)

/// The form of the existing file at `path`, by its first bytes (and, between CSV and JSON, by its name). Throws
/// Error (code io) when the file cannot be opened.
COOPECON_EXPORT RegistryForm registry_form_of_file(const std::filesystem::path& path);

/// The form a file about to be written at `path` takes from its name: .csv, .db, .sqlite or .sqlite3, .coopreg,
/// else the JSON file.
COOPECON_EXPORT RegistryForm registry_form_for_name(const std::filesystem::path& path);

/// The registry in the file at `path`, in whichever form it is, its histories judged under `law`. A CSV export is
/// read strictly (any problem refuses the file). Throws Error as the reader of that form does.
COOPECON_EXPORT Registry load_registry_file(const std::filesystem::path& path,
                                            std::shared_ptr<const law::Framework> law = law::vietnam());

/// Writes `registry` to `path` in `form`, replacing an existing file only once the new one is complete.
COOPECON_EXPORT void save_registry_file(const Registry& registry, const std::filesystem::path& path,
                                        RegistryForm form);

}  // namespace coopecon::io
