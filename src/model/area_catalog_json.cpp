#include "core/embedded_data.hpp"
#include "json/json.hpp"
#include <coopecon/model/area_catalog_json.hpp>

#include <array>
#include <utility>
#include <vector>

namespace coopecon {

AreaCatalog read_area_catalog(std::string_view text, std::string_view file) {
    static constexpr std::array<std::string_view, 8> keys{"format",  "version", "title", "sources", "licences",
                                                          "regions", "areas",   "crosswalk"};
    Problems problems;
    const auto root = json::parse(text, file, problems);
    json::Reader r(problems);
    std::string title;
    std::vector<std::string> sources;
    std::vector<SourceLicence> licences;
    std::vector<Region> regions;
    std::vector<Area> areas;
    std::vector<AreaSuccession> crosswalk;
    if (const auto* o = r.object(root); o && json::check_format(r, *o, area_catalog_format, area_catalog_version)) {
        r.check_keys(*o, {keys});
        r.member(*o, "title", title);
        r.member(*o, "sources", sources);
        r.member(*o, "licences", licences);
        r.member(*o, "regions", regions);
        r.member(*o, "areas", areas);
        r.member(*o, "crosswalk", crosswalk);
    }
    json::throw_located(std::move(problems), text, file);
    try {
        return AreaCatalog(std::move(regions), std::move(areas), std::move(crosswalk));
    } catch (const Error& e) {
        json::throw_located(e.problems(), text, file);
        throw;
    }
}

std::shared_ptr<const AreaCatalog> vietnam_areas() {
    static const std::shared_ptr<const AreaCatalog> catalog = [] {
        constexpr std::string_view name = "areas/vn-admin.json";
        const auto text = coopecon::detail::embedded_file(name);
        if (!text) throw Error(ErrorCode::io, "the embedded data file " + std::string(name) + " is missing");
        return std::make_shared<const AreaCatalog>(read_area_catalog(*text, "data/" + std::string(name)));
    }();
    return catalog;
}

}  // namespace coopecon
