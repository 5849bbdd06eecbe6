#pragma once
// Loading the registry file a command is given, with the diagnostics every command prints the same way.

#include "arguments.hpp"

#include <coopecon/law/framework.hpp>
#include <coopecon/registry/registry.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace coopecon::cli {

/// How a command reads a CSV export (a FILE ending in .csv; docs/csv-import.md).
void set_csv_rows(Arguments&, std::string_view);
void set_csv_mapping(Arguments&, std::string_view);
void set_csv_bad_rows(Arguments&, std::string_view);
void set_csv_areas(Arguments&, std::string_view);

namespace option {
inline constexpr Option csv_rows{"rows", "organizations|events",
                                 "for a CSV file: one row per organisation or per event (default: by its header)",
                                 set_csv_rows};
inline constexpr Option csv_mapping{"mapping", "FILE",
                                    "for a CSV file: a column mapping (format coopecon-csv-mapping) instead of the "
                                    "built-in ones",
                                    set_csv_mapping};
inline constexpr Option csv_bad_rows{"bad-rows", "refuse|skip",
                                     "for a CSV file: refuse the file when a row is wrong, or load the rest and list "
                                     "the rows skipped on stderr (default: refuse)",
                                     set_csv_bad_rows};
inline constexpr Option csv_areas{"areas", "FILE",
                                  "for a CSV file: the units it uses that the embedded catalogue lacks (format "
                                  "coopecon-areas, docs/areas.md)",
                                  set_csv_areas};
void check_file_name(Arguments&, std::string_view);
void check_across_law_change(Arguments&, std::string_view);
inline constexpr Option law{"law", "FILE", "a framework file (format coopecon-law) instead of the embedded law",
                            check_file_name};
inline constexpr Option reform{"reform", "FILE", "a reform (format coopecon-reform) applied to the law",
                               check_file_name};
inline constexpr Option across{"across-law-change", "by_rule|restart|keep_start",
                               "how a period of months runs across a change of law (default: by_rule, "
                               "docs/legal-rules.md)",
                               check_across_law_change};
}  // namespace option

/// The law a command judges under (--law, --reform), or the exit code after printing why it cannot be had.
struct LoadedLaw {
    std::shared_ptr<const law::Framework> law;
    int exit_code = exit_code::ok;
};
LoadedLaw load_law(std::optional<std::string_view> law_file, std::optional<std::string_view> reform_file,
                   std::ostream& err);

/// The CSV options a command line gives.
struct CsvInput {
    std::optional<std::string> rows;     // organizations or events
    std::optional<std::string> mapping;  // a mapping file
    bool skip_bad_rows = false;
    std::optional<std::string> areas;    // an areas file extending the embedded catalogue

    static CsvInput from(const Arguments& args);
};

struct LoadedRegistry {
    std::optional<Registry> registry;  // set when the file is a valid registry
    int exit_code;                     // exit_code::ok, ::problems or ::unreadable
};

/// Reads the registry file `file` in any of its forms (io/registry_file.hpp: the JSON file, the binary form or a
/// SQLite database by its first bytes), judged under `law` (empty: the embedded Vietnamese law); a file ending in
/// .csv is a CSV export read as `csv` says. When it has problems, prints each on its own line to `problems_out`, then
/// "N problems in FILE"; when it cannot be read at all, prints why to `err`. Rows of a CSV file skipped for their
/// problems are listed on `err`, and the rest is loaded.
LoadedRegistry load_registry(const std::string& file, std::ostream& problems_out, std::ostream& err,
                             std::shared_ptr<const law::Framework> law = {}, const CsvInput& csv = {});

/// "1 problem", "2 problems": counts in messages.
std::string count_of(std::size_t n, std::string_view singular, std::string_view plural);

}  // namespace coopecon::cli
