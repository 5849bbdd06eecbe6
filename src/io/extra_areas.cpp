#include "io/extra_areas.hpp"

#include <coopecon/model/area_catalog_json.hpp>

#include <algorithm>

namespace coopecon::io::detail {

std::pair<std::vector<Area>, std::vector<AreaSuccession>> extra_areas(const AreaCatalog& catalog) {
    const auto base = vietnam_areas();
    std::pair<std::vector<Area>, std::vector<AreaSuccession>> extra;
    if (&catalog == base.get()) return extra;
    for (const auto& a : catalog.areas())
        if (!base->find(a.code)) extra.first.push_back(a);
    for (const auto& c : catalog.crosswalk()) {
        const auto& known = base->crosswalk();
        if (std::none_of(known.begin(), known.end(), [&](const AreaSuccession& k) {
                return k.from == c.from && k.to == c.to && k.on == c.on;
            }))
            extra.second.push_back(c);
    }
    return extra;
}

}  // namespace coopecon::io::detail
