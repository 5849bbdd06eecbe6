// Area catalogues from JSON: the embedded Vietnamese catalogue loads once with its hierarchy and crosswalk;
// the catalogue's own checks (duplicate codes, dangling parents and successors, inverted periods, cycles, two
// primary successors) are reported with file:line:column like JSON problems.

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

    // A commune of 2025-06-30 lies in its district and province, and continues in a commune of 2025-07-01.
    const auto commune = areas->find("C32014");
    ASSERT_TRUE(commune.has_value());
    EXPECT_EQ((*areas)[*commune].level, AreaLevel::commune);
    EXPECT_EQ((*areas)[areas->at_level(*commune, AreaLevel::province)].code, "P96");
    const auto successor = areas->on(*commune, area_date("2025-07-01"));
    ASSERT_NE(successor, no_index);
    EXPECT_EQ((*areas)[successor].level, AreaLevel::commune);
    EXPECT_EQ((*areas)[areas->at_level(successor, AreaLevel::province)].code, "P96-2025");
}

/// Problem lines of reading `text`, or none when it reads.
std::vector<std::string> catalogue_problems(const std::string& text) {
    std::vector<std::string> lines;
    try {
        read_area_catalog(text, "areas.json");
    } catch (const Error& e) {
        for (const auto& p : e.problems()) lines.push_back(p.to_string());
    }
    return lines;
}

const std::string two_districts = R"({
  "format": "coopecon-areas", "version": 2, "title": "t", "sources": [], "licences": [],
  "regions": [],
  "areas": [
    {"code": "P1", "official_code": "1", "name": "A", "full_name": "Tỉnh A", "level": "province", "kind": "province", "valid_from": "2004-01-01"},
    {"code": "D1", "official_code": "11", "name": "B", "full_name": "Huyện B", "level": "district", "kind": "district", "parent": "P1", "valid_from": "2004-01-01", "valid_to": "2025-06-30"},
    {"code": "D2", "official_code": "12", "name": "C", "full_name": "Huyện C", "level": "district", "kind": "district", "parent": "P1", "valid_from": "2004-01-01", "valid_to": "2025-06-30"}
  ],
  "crosswalk": [CROSSWALK]
})";

std::string with_crosswalk(const std::string& entries) {
    auto text = two_districts;
    return text.replace(text.find("CROSSWALK"), 9, entries);
}

TEST(AreaCatalogJson, ASplitUnitHasOnePrimarySuccessorAndPartsBeside) {
    EXPECT_TRUE(catalogue_problems(with_crosswalk(R"({"from": "D1", "to": "P1", "on": "2025-07-01", "part": false},
                                                     {"from": "D1", "to": "D2", "on": "2025-07-01", "part": true})"))
                    .empty());
    EXPECT_EQ(catalogue_problems(with_crosswalk(R"({"from": "D1", "to": "P1", "on": "2025-07-01"},
                                                   {"from": "D1", "to": "D2", "on": "2025-07-01"})")),
              (std::vector<std::string>{"areas.json:10:52: crosswalk[1]: area D1 has two primary successors; mark the "
                                        "others \"part\": true"}));
}

TEST(AreaCatalogJson, CyclesOfSuccessorsAndParentsAreRefused) {
    EXPECT_EQ(catalogue_problems(with_crosswalk(R"({"from": "D1", "to": "D1", "on": "2025-07-01"})")),
              (std::vector<std::string>{"areas.json:9:17: crosswalk[0]: area D1 cannot succeed itself"}));
    const auto cycle = catalogue_problems(with_crosswalk(R"({"from": "D1", "to": "D2", "on": "2025-07-01"},
                                                             {"from": "D2", "to": "D1", "on": "2025-07-01"})"));
    ASSERT_EQ(cycle.size(), 1u);
    EXPECT_NE(cycle[0].find("is its own successor (a cycle of successors)"), std::string::npos) << cycle[0];

    auto own_parent = with_crosswalk("");
    own_parent.replace(own_parent.find("\"parent\": \"P1\""), 14, "\"parent\": \"D1\"");
    const auto parents = catalogue_problems(own_parent);
    ASSERT_EQ(parents.size(), 1u);
    EXPECT_NE(parents[0].find("area D1 is its own parent (a cycle of parents)"), std::string::npos) << parents[0];
}

TEST(AreaCatalogJson, CatalogueProblemsAreLocated) {
    const std::string text = R"({
  "format": "coopecon-areas",
  "version": 2,
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

// An export's own units: a small file in the same format adds communes to the embedded catalogue (here a ward of
// Phan Thiết that ended on 2025-01-01, which the catalogue lacks), and its problems name its own records.
TEST(AreaCatalogJson, AnAreasFileExtendsTheEmbeddedCatalogue) {
    const std::string text = R"({"format": "coopecon-areas", "version": 2, "title": "Phan Thiết before 2025",
 "areas": [
  {"code": "C22939", "official_code": "22939", "name": "Bình Hưng", "name_en": "Binh Hung", "full_name": "Phường Bình Hưng", "level": "commune", "kind": "ward", "region": null, "parent": "D593", "valid_from": "2004-01-01", "valid_to": "2024-12-31"}
 ],
 "crosswalk": [{"from": "C22939", "to": "C22951", "on": "2025-01-01", "part": false}]})";
    const auto base = vietnam_areas();
    const auto extended = extend_area_catalog(*base, text, "areas-bt.json");
    EXPECT_EQ(extended.size(), base->size() + 1);
    const auto ward = extended.find("C22939");
    ASSERT_TRUE(ward);
    EXPECT_EQ(extended[extended.at_level(*ward, AreaLevel::province)].code, "P60");
    EXPECT_EQ(extended[extended.on(*ward, area_date("2025-03-01"))].code, "C22951");
    EXPECT_FALSE(base->find("C22939"));  // the embedded catalogue is left as it was

    const auto problems_of = [&](const std::string& t) {
        std::vector<std::string> lines;
        try {
            extend_area_catalog(*base, t, "areas-bt.json");
        } catch (const Error& e) {
            for (const auto& p : e.problems()) lines.push_back(p.to_string());
        }
        return lines;
    };
    std::string clash = text;
    clash.replace(clash.find("\"code\": \"C22939\""), 16, "\"code\": \"C22915\"");  // Phường Mũi Né's code
    clash.replace(clash.find("\"parent\": \"D593\""), 16, "\"parent\": \"D999\"");
    EXPECT_EQ(problems_of(clash), (std::vector<std::string>{
                                      "areas-bt.json:3:12: areas[0].code: area code C22915 appears twice",
                                      "areas-bt.json:3:188: areas[0].parent: unknown parent area D999",
                                      "areas-bt.json:5:25: crosswalk[0].from: unknown area C22939",
                                  }));
    std::string with_region = text;
    with_region.replace(with_region.find("\"areas\""), 7,
                        R"("regions": [{"id": "x", "name_vi": "X", "name_en": "X"}], "areas")");
    EXPECT_EQ(problems_of(with_region),
              (std::vector<std::string>{"areas-bt.json:2:13: regions: an areas file adds areas and crosswalk entries, "
                                        "not regions: a unit takes its region from its province"}));
}

// The communes of a province on a date, as a synthetic profile places organisations in them: Bình Thuận's 121
// communes (through its 10 districts) on 2025-06-30, none of its own on 2025-07-01, and the 124 communes of the
// new Lâm Đồng that took it over.
TEST(AreaCatalogJson, TheCommunesOfAProvinceOnADate) {
    const auto areas = vietnam_areas();
    const auto binh_thuan = *areas->find("P60");
    const auto before = areas->units_within(binh_thuan, AreaLevel::commune, area_date("2025-06-30"));
    EXPECT_EQ(before.size(), 121u);
    for (const auto c : before) EXPECT_EQ(areas->at_level(c, AreaLevel::province), binh_thuan);
    EXPECT_EQ(areas->units_within(binh_thuan, AreaLevel::district, area_date("2025-06-30")).size(), 10u);
    EXPECT_TRUE(areas->units_within(binh_thuan, AreaLevel::commune, area_date("2025-07-01")).empty());

    const auto lam_dong = areas->on(binh_thuan, area_date("2025-07-01"));
    ASSERT_NE(lam_dong, no_index);
    EXPECT_EQ((*areas)[lam_dong].code, "P68-2025");
    const auto after = areas->units_within(lam_dong, AreaLevel::commune, area_date("2025-07-01"));
    EXPECT_EQ(after.size(), 124u);
    for (const auto c : after) EXPECT_TRUE((*areas)[c].valid_on(area_date("2025-07-01")));
    EXPECT_TRUE(areas->units_within(no_index, AreaLevel::commune, area_date("2025-07-01")).empty());
}

}  // namespace
