#include "io/registry_assembly.hpp"

#include <coopecon/model/area_catalog_json.hpp>  // vietnam_areas()

#include <string>
#include <utility>

namespace coopecon::io::detail {

Registry registry_with_areas(std::shared_ptr<const law::Framework> law, RegistryInfo info, std::vector<Area> areas,
                             std::vector<AreaSuccession> crosswalk) {
    auto catalog = vietnam_areas();
    if (!areas.empty() || !crosswalk.empty())
        catalog = std::make_shared<const AreaCatalog>(catalog->with(std::move(areas), std::move(crosswalk)));
    Registry registry(std::move(law), std::move(catalog));
    registry.info() = std::move(info);
    return registry;
}

Problems in_file(Problems problems, std::string_view file) {
    for (auto& p : problems)
        if (p.file.empty()) p.file = std::string(file);
    return problems;
}

Registry assemble_registry(std::shared_ptr<const law::Framework> law, RegistryInfo info, std::vector<Area> areas,
                           std::vector<AreaSuccession> crosswalk, std::vector<OrganizationRecord> records,
                           std::string_view file) {
    auto registry = registry_with_areas(std::move(law), std::move(info), std::move(areas), std::move(crosswalk));
    registry.reserve(records.size());
    try {
        registry.add(std::move(records));
    } catch (const Error& e) {
        throw Error(in_file(e.problems(), file));
    }
    return registry;
}

}  // namespace coopecon::io::detail
