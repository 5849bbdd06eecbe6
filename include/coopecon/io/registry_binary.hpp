#pragma once
// The registry in binary form, for pickling and caches: far faster to write and read than the JSON file
// (docs/registry-format.md, "Binary form"). It holds what the file holds — info, the areas and crosswalk entries
// beyond the embedded catalogue, every organisation with its members and events — encoded by core/binary.hpp,
// after the magic bytes "COOPREG" and a version number. Reading checks every enumeration value and date, then
// adds the organisations through Registry::add, so every history is validated as a file's would be: bytes that
// are truncated, hostile or from another version raise Error, never crash, and return nothing half-loaded.

#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/framework_json.hpp>  // law::vietnam(), the default framework
#include <coopecon/registry/registry.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace coopecon::io {

/// Version 2 added history_from to the info and history_from, data_until to each organisation; version 1 is
/// still read (pickles kept from it load).
inline constexpr std::uint32_t registry_binary_version = 2;

/// The registry's binary form.
COOPECON_EXPORT std::vector<std::byte> write_registry_binary(const Registry& registry);

/// A registry from its binary form (this version or version 1), its histories judged under `law`. Throws Error
/// (invalid_value for bytes that are not a registry of a version this build reads; the registry's own problems
/// otherwise).
COOPECON_EXPORT Registry read_registry_binary(std::span<const std::byte> bytes,
                                              std::shared_ptr<const law::Framework> law = law::vietnam());

}  // namespace coopecon::io
