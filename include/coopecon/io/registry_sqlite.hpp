#pragma once
// The registry as a SQLite database, for a registry kept and appended to over years (docs/registry-format.md,
// "SQLite store"): tables info, areas, crosswalk, organizations, members and events that any SQLite tool can read
// and query. An append is one transaction under the registry's own checks, so it is recorded whole or not at all,
// even when the process is killed half-way; the database is in WAL mode, so readers never wait for it.
//
// A build without SQLite (-DCOOPECON_WITH_SQLITE=OFF) still recognises a database, and every function that would
// open one throws Error saying so.

#include <coopecon/export.hpp>
#include <coopecon/io/registry_additions.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/framework_json.hpp>  // law::vietnam(), the default framework
#include <coopecon/registry/registry.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string_view>

namespace coopecon::io {

inline constexpr std::string_view registry_sqlite_format = "coopecon-registry-sqlite";
// Version 2 added title_vi and source_vi to the info row; a database of version 1 is still read.
inline constexpr std::int64_t registry_sqlite_version = 2;

/// Whether `first_bytes` (the start of a file) begin with SQLite's magic header "SQLite format 3".
COOPECON_EXPORT bool is_sqlite_database(std::span<const std::byte> first_bytes) noexcept;

/// The registry in the database at `path`, its histories judged under `law`. Every value is checked as the JSON
/// file's are; a problem names the table, the row and the column. Throws Error.
COOPECON_EXPORT Registry read_registry_sqlite(const std::filesystem::path& path,
                                              std::shared_ptr<const law::Framework> law = law::vietnam());

/// Writes the whole registry as a new database at `path`, replacing an existing file only once it is complete.
COOPECON_EXPORT void write_registry_sqlite(const Registry& registry, const std::filesystem::path& path);

/// Creates an empty registry database at `path` with `info`; an existing file is refused (Error, code io).
COOPECON_EXPORT void create_registry_sqlite(const std::filesystem::path& path, const RegistryInfo& info);

/// Appends `additions` to the database at `path` in one transaction: the registry is read, the additions
/// applied to it under the same checks as Registry::add, add_member and append (judged under `law`), and only
/// when all pass are the new rows written and committed. Otherwise throws Error and the database is unchanged.
/// Problems of the organisations have paths organizations[i], of the members members[k], of the events events[k].
COOPECON_EXPORT void append_registry_sqlite(const std::filesystem::path& path, RegistryAdditions additions,
                                            std::shared_ptr<const law::Framework> law = law::vietnam());

/// Appends what the file at `additions` holds (read_registry_additions_file) to the database at `path`, as above;
/// problems of the additions name their file, with line and column when it is JSON.
COOPECON_EXPORT void append_registry_sqlite(const std::filesystem::path& path,
                                            const std::filesystem::path& additions,
                                            std::shared_ptr<const law::Framework> law = law::vietnam());

}  // namespace coopecon::io
