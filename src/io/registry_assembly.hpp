#pragma once
// The last step of reading a registry from any of its forms (JSON, binary, SQLite): the embedded area catalogue
// with the file's own areas and crosswalk, the registry under the law with the file's info, and its
// organisations added, every problem naming the file.

#include <coopecon/core/error.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/model/area.hpp>
#include <coopecon/model/area_catalog.hpp>
#include <coopecon/registry/registry.hpp>

#include <memory>
#include <string_view>
#include <vector>

namespace coopecon::io::detail {

/// An empty registry under `law` with `info`, whose areas are the embedded catalogue (vietnam_areas()) plus a
/// file's `areas` and `crosswalk`. Throws the catalogue's Error when those do not fit it.
Registry registry_with_areas(std::shared_ptr<const law::Framework> law, RegistryInfo info, std::vector<Area> areas,
                             std::vector<AreaSuccession> crosswalk);

/// `problems` with `file` on each that names no file yet.
Problems in_file(Problems problems, std::string_view file);

/// The registry of a file: registry_with_areas with `records` added, all or nothing; the problems the registry
/// finds name `file`.
Registry assemble_registry(std::shared_ptr<const law::Framework> law, RegistryInfo info, std::vector<Area> areas,
                           std::vector<AreaSuccession> crosswalk, std::vector<OrganizationRecord> records,
                           std::string_view file);

}  // namespace coopecon::io::detail
