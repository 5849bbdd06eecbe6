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

#include <coopecon/export.hpp>
#include <coopecon/model/area_catalog.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

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
COOPECON_EXPORT AreaCatalog read_area_catalog(std::string_view text, std::string_view file);

/// `base` with the units of an areas file (the same format; its `regions` must be empty): the units an export uses
/// that the catalogue lacks, such as communes that ended before 2025 (docs/areas.md, "Areas an export brings").
/// Throws Error listing every problem at file:line:column, the file's own records named by their place in it.
COOPECON_EXPORT AreaCatalog extend_area_catalog(const AreaCatalog& base, std::string_view text, std::string_view file);
COOPECON_EXPORT AreaCatalog extend_area_catalog_file(const AreaCatalog& base, const std::filesystem::path& path);

/// Vietnam's provinces before and after 2025-07-01 and the districts of Cà Mau (data/areas/vn-admin.json, compiled
/// into the library), parsed on first use and shared by every caller and thread.
COOPECON_EXPORT std::shared_ptr<const AreaCatalog> vietnam_areas();

}  // namespace coopecon
