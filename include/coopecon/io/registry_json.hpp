#pragma once
// The registry file (format "coopecon-registry", version 1; docs/registry-format.md):
//
//   {"format": "coopecon-registry", "version": 1,
//    "info": {"title", "source", "synthetic", "as_of"},
//    "areas": [Area...], "crosswalk": [AreaSuccession...],     // beyond the embedded catalogue; optional
//    "organizations": [{"id", "registration_code", "name", "kind", "area", "sector",
//                       "members": [Member...], "events": [{"date", "type", ...payload keys}, ...]}, ...]}
//
// Reading reports every problem in the file at once (a syntax error alone stops it): JSON problems with their
// field paths, the area catalogue's and the registry's own checks (transition table, integrity rules) with the
// path of the organisation or event, all with file:line:column. Organisations with JSON problems are left out
// of the registry's checks, so that they are not judged on a half-read history. A Registry is returned only
// when there is no problem at all.
//
// Writing streams: organisations in registry order, events in their stored (date) order, so write → read →
// write gives the same bytes, and a registry of millions of organisations never exists as one JSON tree.

#include <coopecon/core/input_limits.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/framework_json.hpp>  // law::vietnam(), the default framework
#include <coopecon/registry/registry.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace coopecon::io {

inline constexpr std::string_view registry_format = "coopecon-registry";
inline constexpr std::int64_t registry_version = 1;

/// Reads a registry file's text (named `file` in problems) against the legal framework `law`. The areas are the
/// embedded catalogue (vietnam_areas()) plus the file's own `areas` and `crosswalk`. Throws Error listing every
/// problem; nothing is returned, and nothing half-loaded exists, unless the whole file is valid.
/// The file is read in one pass, an organisation at a time, within `limits` (core/input_limits.hpp).
COOPECON_EXPORT Registry read_registry(std::string_view text, std::string_view file,
                                       std::shared_ptr<const law::Framework> law = law::vietnam(),
                                       const InputLimits& limits = InputLimits::from_environment());

/// Reads the registry file at `path` (see read_registry). A regular file is mapped, not copied, and the memory
/// of what has been read is given back as it goes: loading takes about the registry's own memory.
COOPECON_EXPORT Registry read_registry_file(const std::filesystem::path& path,
                                            std::shared_ptr<const law::Framework> law = law::vietnam(),
                                            const InputLimits& limits = InputLimits::from_environment());

/// Writes `registry` to `out`, streaming: the areas and crosswalk entries beyond the embedded catalogue, then
/// every organisation in registry order with its events in stored order.
COOPECON_EXPORT void write_registry(const Registry& registry, std::ostream& out);

/// The registry file's text.
COOPECON_EXPORT std::string write_registry(const Registry& registry);

/// Writes the registry file at `path`; on failure the previous file, if any, is left as it was.
COOPECON_EXPORT void write_registry_file(const Registry& registry, const std::filesystem::path& path);

}  // namespace coopecon::io
