#pragma once
// The registry in binary form, for files, pickling and caches: far faster to write and read than the JSON file
// (docs/registry-format.md, "Binary form"). It holds what the file holds — info, the areas and crosswalk entries
// beyond the embedded catalogue, every organisation with its members and events — in sections listed by a header
// that starts with the magic bytes "COOPREG" and a version number; the header and every section carry a CRC-32.
// The histories are stored as the registry keeps them in memory (history/compact_encoding.hpp). Reading checks
// the checksums first, then every enumeration value, date and string, then adds the organisations through
// Registry::add_encoded: identities, seats and references are checked as a file's, and each history for what a
// replay takes for granted, but the legal rules, judged when the registry was built, are not judged again. Bytes
// that are truncated, damaged, hostile or from another version raise Error, never crash, and return nothing
// half-loaded.

#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/framework_json.hpp>  // law::vietnam(), the default framework
#include <coopecon/registry/registry.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace coopecon::io {

/// Version 5 added the title and source in Vietnamese to the info; version 4 holds the organisations in the compact encoding and each history as the registry keeps it in memory
/// (history/compact_encoding.hpp), loaded without judging the legal rules again; version 3 added history_from to
/// the info and history_from, data_until to each organisation; version 2 added the sections and checksums. Every
/// earlier version is still read (pickles kept from them load), its histories validated as a file's are.
inline constexpr std::uint32_t registry_binary_version = 5;

/// The registry's binary form.
COOPECON_EXPORT std::vector<std::byte> write_registry_binary(const Registry& registry);

/// A registry from its binary form under `law` (versions before 4: its histories judged under it); `file` names
/// the bytes in problems. Throws
/// Error (invalid_value for bytes that are not a registry of this version or are damaged; the registry's own
/// problems otherwise).
COOPECON_EXPORT Registry read_registry_binary(std::span<const std::byte> bytes,
                                              std::shared_ptr<const law::Framework> law = law::vietnam(),
                                              std::string_view file = {});

/// Whether `first_bytes` (the start of a file, at least 8 bytes of it) begin as the binary form does.
COOPECON_EXPORT bool is_registry_binary(std::span<const std::byte> first_bytes) noexcept;

/// The binary file at `path` (one read); an unreadable file is an Error with code io.
COOPECON_EXPORT Registry read_registry_binary_file(const std::filesystem::path& path,
                                                   std::shared_ptr<const law::Framework> law = law::vietnam());

/// Writes the binary form to `path` as write_registry_file writes the JSON: the old file stays if writing fails.
COOPECON_EXPORT void write_registry_binary_file(const Registry& registry, const std::filesystem::path& path);

}  // namespace coopecon::io
