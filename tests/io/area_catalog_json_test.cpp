// Area catalogues from JSON: the embedded Vietnamese catalogue loads once with its hierarchy and crosswalk;
// the catalogue's own checks (duplicate codes, dangling parents and successors, inverted periods) are reported
// with file:line:column like JSON problems.

#include <coopecon/model/area_catalog_json.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace coopecon;

Date area_date(std::string_view iso) { return *Date::parse(iso); }

TEST(AreaCatalogJson, EmbeddedCatalogueLoadsOnceWithItsHierarchyAndCrosswalk) {
    const auto areas = vietnam_areas();
    ASSERT_NE(areas, nullptr);
    EXPECT_EQ(areas, vietnam_areas()) << "parsed once and shared";
    const auto district = areas->find("D964");
    ASSERT_TRUE(district.has_value());
    EXPECT_EQ((*areas)[*district].name, "Cà Mau");
    EXPECT_EQ((*areas)[*district].kind, "city");
    const auto province = areas->at_level(*district, AreaLevel::province);
    EXPECT_EQ((*areas)[province].code, "P96");
    EXPECT_EQ((*areas)[province].region, "mekong_delta");
    EXPECT_EQ(areas->on(province, area_date("2025-06-30")), province);
    EXPECT_EQ((*areas)[areas->on(province, area_date("2025-07-01"))].code, "P96-2025");
}

TEST(AreaCatalogJson, CatalogueProblemsAreLocated) {
    const std::string text = R"({
  "format": "coopecon-areas",
  "version": 1,
  "title": "t",
  "sources": [],
  "regions": [{"id": "mekong_delta", "name_vi": "Đồng bằng sông Cửu Long", "name_en": "Mekong River Delta"}],
  "areas": [
    {"code": "P1", "official_code": "1", "name": "A", "full_name": "Tỉnh A", "level": "province", "kind": "province", "region": "delta", "parent": null, "valid_from": "2004-01-01", "valid_to": "2003-12-31"},
    {"code": "P1", "official_code": "1", "name": "A", "full_name": "Tỉnh A", "level": "province", "kind": "province", "valid_from": "2004-01-01"},
    {"code": "D1", "official_code": "11", "name": "B", "full_name": "Huyện B", "level": "district", "kind": "district", "parent": "P9", "valid_from": "2004-01-01"},
    {"code": "D2", "official_code": "12", "name": "C", "full_name": "Huyện C", "level": "ward", "kind": "district", "valid_from": "2004-01-01"}
  ],
  "crosswalk": [{"from": "D1", "to": "P7", "on": "2025-07-01"}]
})";
    std::vector<std::string> lines;
    try {
        read_area_catalog(text, "areas.json");
    } catch (const Error& e) {
        for (const auto& p : e.problems()) lines.push_back(p.to_string());
    }
    // The JSON problem (an unknown level) is reported alone: the catalogue is only checked once it reads.
    EXPECT_EQ(lines, (std::vector<std::string>{
                         "areas.json:11:89: areas[3].level: \"ward\" is not one of: province, district, commune"}));

    const std::string readable = std::string(text).replace(text.find("\"ward\""), 6, "\"district\"");
    lines.clear();
    try {
        read_area_catalog(readable, "areas.json");
    } catch (const Error& e) {
        for (const auto& p : e.problems()) lines.push_back(p.to_string());
    }
    EXPECT_EQ(lines, (std::vector<std::string>{
                         "areas.json:8:129: areas[0].region: unknown region delta",
                         "areas.json:8:194: areas[0].valid_to: valid_to is before valid_from",
                         "areas.json:9:14: areas[1].code: area code P1 appears twice",
                         "areas.json:10:131: areas[2].parent: unknown parent area P9",
                         "areas.json:13:38: crosswalk[0].to: unknown area P7",
                     }));
}

}  // namespace
