#pragma once
// The areas and crosswalk entries a registry's catalogue has beyond the embedded one: what the registry's file
// and binary forms store (registry_json.cpp, registry_binary.cpp).

#include <coopecon/model/area.hpp>
#include <coopecon/model/area_catalog.hpp>

#include <utility>
#include <vector>

namespace coopecon::io::detail {

std::pair<std::vector<Area>, std::vector<AreaSuccession>> extra_areas(const AreaCatalog& catalog);

}  // namespace coopecon::io::detail
