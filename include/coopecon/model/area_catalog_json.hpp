#pragma once
// An area catalogue in JSON (format "coopecon-areas", version 2), the format of data/areas/vn-admin.json
// (docs/areas.md):
//
//   {"format": "coopecon-areas", "version": 2, "title": "...", "sources": ["..."],
//    "licences":  [{"source", "licence", "taken"}, ...],
//    "regions":   [{"id", "name_vi", "name_en"}, ...],
//    "areas":     [{"code", "official_code", "name", "name_en", "full_name", "level", "kind", "region", "parent",
//                   "valid_from", "valid_to"}, ...],
//    "crosswalk": [{"from", "to", "on", "part"}, ...]}
//
// `name_en`, `region`, `parent`, `valid_to` and `part` may be null or absent. Besides the JSON problems, everything
// the AreaCatalog constructor checks (duplicate codes, dangling parents and crosswalk entries, inverted periods,
// cycles) is reported with file:line:column.

#include <coopecon/core/error.hpp>
#include <coopecon/json/json.hpp>
#include <coopecon/core/detail/embedded_data.hpp>
#include <coopecon/model/area.hpp>
#include <coopecon/model/area_catalog.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coopecon {

/// A source of the catalogue, its licence and what was taken from it.
struct SourceLicence {
    std::string source;
    std::string licence;
    std::string taken;
};
BOOST_DESCRIBE_STRUCT(SourceLicence, (), (source, licence, taken))

inline constexpr std::string_view area_catalog_format = "coopecon-areas";
inline constexpr std::int64_t area_catalog_version = 2;

/// Reads an area catalogue from JSON text; `file` names it in problems. Throws Error listing every problem.
inline AreaCatalog read_area_catalog(std::string_view text, std::string_view file) {
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

/// Vietnam's provinces before and after 2025-07-01 and the districts of Cà Mau (data/areas/vn-admin.json, compiled
/// into the library), parsed on first use and shared by every caller and thread.
inline std::shared_ptr<const AreaCatalog> vietnam_areas() {
    static const std::shared_ptr<const AreaCatalog> catalog = [] {
        constexpr std::string_view name = "areas/vn-admin.json";
        const auto text = coopecon::detail::embedded_file(name);
        if (!text) throw Error(ErrorCode::io, "the embedded data file " + std::string(name) + " is missing");
        return std::make_shared<const AreaCatalog>(read_area_catalog(*text, "data/" + std::string(name)));
    }();
    return catalog;
}

}  // namespace coopecon
