// Group-by keys: areas at a level mapped through the crosswalk to the units valid on a reporting date (a 2023
// registry of old Cà Mau districts and Bạc Liêu reported in 2023 units and in the 34-province units of 2025),
// kind × area, legal status, and member-size classes with their boundaries.

#include "fixture.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::indicators;
using namespace coopecon::test;


/// Two cooperatives in Cà Mau districts (city, U Minh), one seated at the province of Bạc Liêu, one group.
Registry areas_registry() {
    auto reg = empty_registry();
    reg.add(std::vector<OrganizationRecord>{
        cooperative("city", "D964").registered("2020-01-01"_day).members("2020-01-01"_day, 10),
        cooperative("u-minh", "D966").registered("2020-01-01"_day).members("2020-01-01"_day, 20)
            .suspended("2023-07-01"_day, "2023-12-31"_day),
        cooperative("bac-lieu", "P95").registered("2020-01-01"_day).members("2020-01-01"_day, 30),
        group("group", "D966").registered("2020-01-01"_day).members("2020-01-01"_day, 5),
    });
    return reg;
}

std::vector<std::string> codes(const Table& t, std::size_t key = 0) {
    std::vector<std::string> out;
    for (const auto& c : t.keys[key].cells) out.push_back(c.code);
    return out;
}

TEST(GroupBy, ProvincesIn2023Units) {
    const auto reg = areas_registry();
    const auto t = compute(reg, query({"organizations", "members"}, {GroupKey::by_area(AreaLevel::province)}), period_2023);
    EXPECT_EQ(codes(t), (std::vector<std::string>{"P95", "P96", "total"}));
    EXPECT_EQ(t.keys[0].cells[0].label.vi, "Bạc Liêu");
    EXPECT_EQ(t.at({"P95"}, "organizations"), 1);
    EXPECT_EQ(t.at({"P96"}, "organizations"), 3);
    EXPECT_EQ(t.at({"P96"}, "members"), 35);
    EXPECT_EQ(t.at({"total"}, "members"), 65);
}

TEST(GroupBy, ProvincesIn2025UnitsJoinBacLieuToCaMau) {
    const auto reg = areas_registry();
    auto q = query({"organizations", "members"}, {GroupKey::by_area(AreaLevel::province)});
    q.units_as_of = "2025-07-01"_day;
    const auto t = compute(reg, q, period_2023);
    EXPECT_EQ(codes(t), (std::vector<std::string>{"P96-2025", "total"}));
    EXPECT_EQ(t.keys[0].cells[0].label.en, "Cà Mau");
    EXPECT_EQ(t.at({"P96-2025"}, "organizations"), 4);
    EXPECT_EQ(t.at({"P96-2025"}, "members"), 65);
    // The day before the reform, the old provinces are still the units.
    q.units_as_of = "2025-06-30"_day;
    EXPECT_EQ(codes(compute(reg, q, period_2023)), (std::vector<std::string>{"P95", "P96", "total"}));
}

TEST(GroupBy, DistrictsIn2023UnitsAndNoneAfterTheDistrictLevelEnded) {
    const auto reg = areas_registry();
    auto q = query({"organizations"}, {GroupKey::by_area(AreaLevel::district)});
    const auto t = compute(reg, q, period_2023);
    EXPECT_EQ(codes(t), (std::vector<std::string>{"D964", "D966", "none", "total"}));
    EXPECT_EQ(t.at({"D966"}, "organizations"), 2);
    EXPECT_EQ(t.at({"none"}, "organizations"), 1);  // seated at the province of Bạc Liêu
    EXPECT_EQ(t.keys[0].cells[1].label.vi, "U Minh");
    q.units_as_of = "2025-07-01"_day;
    const auto after = compute(reg, q, period_2023);
    EXPECT_EQ(codes(after), (std::vector<std::string>{"none", "total"}));
    EXPECT_EQ(after.at({"none"}, "organizations"), 4);
}

TEST(GroupBy, KindByProvinceAndStatus) {
    const auto reg = areas_registry();
    const auto t = compute(reg, query({"organizations"}, {GroupKey::by(KeyKind::kind), GroupKey::by_area(AreaLevel::province)}),
                           period_2023);
    EXPECT_EQ(codes(t, 0), (std::vector<std::string>{"cooperative_group", "cooperative", "cooperative", "total"}));
    EXPECT_EQ(codes(t, 1), (std::vector<std::string>{"P96", "P95", "P96", ""}));
    EXPECT_EQ(t.at({"cooperative", "P96"}, "organizations"), 2);
    EXPECT_EQ(t.at({"total", ""}, "organizations"), 4);

    const auto s = compute(reg, query({"organizations", "members"}, {GroupKey::by(KeyKind::status)}), period_2023);
    EXPECT_EQ(codes(s), (std::vector<std::string>{"active", "suspended", "total"}));
    EXPECT_EQ(s.at({"suspended"}, "members"), 20);
    EXPECT_EQ(s.keys[0].cells[1].label.vi, "Tạm ngừng kinh doanh");
}

TEST(GroupBy, SizeClassesOfTT01_2020AtTheirBoundaries) {
    auto reg = empty_registry();
    const std::vector<std::int32_t> sizes{1, 49, 50, 300, 301, 1000, 1001, 5000};
    std::vector<OrganizationRecord> records;
    for (auto n : sizes)
        records.push_back(cooperative("c" + std::to_string(n)).registered("2020-01-01"_day).members("2020-01-01"_day, n));
    reg.add(std::move(records));
    const auto t = compute(reg, query({"organizations", "members"}, {GroupKey::by(KeyKind::size_class)}), period_2023);
    EXPECT_EQ(codes(t), (std::vector<std::string>{"micro", "small", "medium", "large", "total"}));
    EXPECT_EQ(t.at({"micro"}, "members"), 50);
    EXPECT_EQ(t.at({"small"}, "members"), 350);
    EXPECT_EQ(t.at({"medium"}, "members"), 1301);
    EXPECT_EQ(t.at({"large"}, "members"), 6001);
    EXPECT_EQ(t.keys[0].cells[0].label.vi, "Siêu nhỏ (dưới 50 thành viên)");

    // Classes are data; a size-class filter uses the query's classes.
    Query q = query({}, {GroupKey::by(KeyKind::size_class)});
    q.size_classes = {{"under_100", {"Under 100", "Dưới 100"}, 0}, {"100_plus", {"100 or more", "Từ 100"}, 100}};
    q.indicators = {Indicator{"big", {"Big", "Lớn"}, Unit::organizations, "100 members or more", Practice::user, "test",
                              0, false, count(existing() & of_size_class(0b10))}};
    const auto custom = compute(reg, q, period_2023);
    EXPECT_EQ(codes(custom), (std::vector<std::string>{"under_100", "100_plus", "total"}));
    EXPECT_EQ(custom.at({"total"}, "big"), 5);
    EXPECT_EQ(custom.at({"under_100"}, "big"), 0);
    q.size_classes = {{"x", {"X", "X"}, 10}};
    EXPECT_THROW(compute(reg, q, period_2023), Error);
}

TEST(GroupBy, GroupingsAreParsedFromTheirCommandLineNames) {
    EXPECT_EQ(GroupKey::parse("province"), GroupKey::by_area(AreaLevel::province));
    EXPECT_EQ(GroupKey::parse("district"), GroupKey::by_area(AreaLevel::district));
    EXPECT_EQ(GroupKey::parse("size"), GroupKey::by(KeyKind::size_class));
    EXPECT_EQ(GroupKey::parse("status"), GroupKey::by(KeyKind::status));
    EXPECT_EQ(GroupKey::parse("region"), GroupKey::by(KeyKind::region));
    EXPECT_THROW(GroupKey::parse("country"), Error);
}

TEST(GroupBy, RegionsOfTheProvincesOnTheUnitsDate) {
    auto reg = areas_registry();
    reg.add(cooperative("ha-noi", "P01").registered("2020-01-01"_day).members("2020-01-01"_day, 7));
    const auto q = query({"organizations"}, {GroupKey::by(KeyKind::region)});
    const auto t = compute(reg, q, period_2023);
    EXPECT_EQ(codes(t), (std::vector<std::string>{"red_river_delta", "mekong_delta", "total"}));
    EXPECT_EQ(t.keys[0].cells[1].label.vi, "Đồng bằng sông Cửu Long");
    EXPECT_EQ(t.keys[0].cells[1].label.en, "Mekong River Delta");
    EXPECT_EQ(t.at({"mekong_delta"}, "organizations"), 4);  // Cà Mau's districts and Bạc Liêu
    EXPECT_EQ(t.at({"red_river_delta"}, "organizations"), 1);
    EXPECT_EQ(t.keys[0].label.vi, "Vùng");
}

}  // namespace
