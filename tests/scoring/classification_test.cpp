// Classification for a year under Thông tư 01/2020/TT-BKHĐT and 09/2017/TT-BNNPTNT, each rule on both sides of
// its threshold: the class bands (79/80, 64/65, 49/50), 12 months of operation (a day short / on the day), 3
// months of suspension in the year (exactly / a day more), a sanction in the year (that year / the year before).

#include <coopecon/scoring/classification.hpp>

#include "fixture.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;
using scoring::Classification;
using scoring::ClassificationClass;
using scoring::Rating;

constexpr auto tt01_scheme = ClassificationScheme::tt01_2020;
constexpr auto tt09_scheme = ClassificationScheme::tt09_2017;

/// A cooperative registered on `registered`, with one assessment of `year` filed the next March.
Registry rated_cooperative(Date registered, std::int32_t total, std::int32_t year = 2023, std::vector<Event> more = {},
             ClassificationScheme scheme = tt01_scheme, Sector sector = Sector::agriculture, OrgKind kind = OrgKind::cooperative) {
    auto reg = registry();
    Org o("HTX", kind);
    o.registered(registered).sector(sector);
    for (auto& e : more) o.then(std::move(e));
    o.then(assessed(*Date::parse(std::to_string(year + 1) + "-03-15"), year, total, scheme));
    reg.add(o);
    return reg;
}

Classification classification_of(const Registry& reg, std::int32_t year = 2023, ClassificationScheme scheme = tt01_scheme) {
    auto c = scoring::classify(reg, 0, year, scheme, *scoring::vietnam());
    EXPECT_TRUE(c.has_value());
    return c.value_or(Classification{});
}

std::optional<ClassificationClass> class_for_points(std::int32_t total, ClassificationScheme scheme = tt01_scheme) {
    return classification_of(rated_cooperative("2020-01-01"_d, total, 2023, {}, scheme), 2023, scheme).cls;
}

TEST(Classification, TT01_2020_BandsOf80_65_50OnBothSidesOfEachBound) {
    EXPECT_EQ(class_for_points(100), ClassificationClass::good);
    EXPECT_EQ(class_for_points(80), ClassificationClass::good);
    EXPECT_EQ(class_for_points(79), ClassificationClass::fair);
    EXPECT_EQ(class_for_points(65), ClassificationClass::fair);
    EXPECT_EQ(class_for_points(64), ClassificationClass::average);
    EXPECT_EQ(class_for_points(50), ClassificationClass::average);
    EXPECT_EQ(class_for_points(49), ClassificationClass::weak);
    EXPECT_EQ(class_for_points(0), ClassificationClass::weak);
}

TEST(Classification, TT09_2017_BandsOf80_65_50OnBothSidesOfEachBound) {
    EXPECT_EQ(class_for_points(80, tt09_scheme), ClassificationClass::good);
    EXPECT_EQ(class_for_points(79, tt09_scheme), ClassificationClass::fair);
    EXPECT_EQ(class_for_points(65, tt09_scheme), ClassificationClass::fair);
    EXPECT_EQ(class_for_points(64, tt09_scheme), ClassificationClass::average);
    EXPECT_EQ(class_for_points(50, tt09_scheme), ClassificationClass::average);
    EXPECT_EQ(class_for_points(49, tt09_scheme), ClassificationClass::weak);
}

TEST(Classification, TheReasonCitesTheBand) {
    const auto c = classification_of(rated_cooperative("2020-01-01"_d, 79));
    EXPECT_EQ(c.rating, Rating::rated);
    EXPECT_EQ(c.points, 79);
    EXPECT_EQ(c.reason, "79 points: fair from 65 (Thông tư 01/2020/TT-BKHĐT (classes: tốt 80–100, khá 65–<80, trung "
                        "bình 50–<65, yếu <50; lawnet.vn English summary))");
    EXPECT_EQ(c.legal_basis, "Thông tư 01/2020/TT-BKHĐT (signed 2020-02-19, in force 2020-04-01)");
    EXPECT_FALSE(c.unconfirmed);
    const auto weak = classification_of(rated_cooperative("2020-01-01"_d, 49));
    EXPECT_TRUE(weak.reason.starts_with("49 points: weak below 50 (Thông tư 01/2020/TT-BKHĐT")) << weak.reason;
}

TEST(Classification, TT01_2020_TT09_2017_TwelveMonthsOfOperationADayShortIsNotRatedOnTheDayIs) {
    const auto short_by_a_day = classification_of(rated_cooperative("2023-01-02"_d, 90));
    EXPECT_EQ(short_by_a_day.rating, Rating::too_new);
    EXPECT_EQ(scoring::label(Rating::too_new).vi, "Không xếp loại: hoạt động chưa đủ thời gian");
    EXPECT_FALSE(short_by_a_day.cls);
    EXPECT_EQ(short_by_a_day.reason,
              "operating since 2023-01-02, under the 12 (Thông tư 01/2020/TT-BKHĐT: a cooperative newly established "
              "and operating under 12 months is not assessed (lawnet.vn summary)) months required by the end of 2023");
    const auto on_the_day = classification_of(rated_cooperative("2023-01-01"_d, 90));
    EXPECT_EQ(on_the_day.rating, Rating::rated);
    EXPECT_EQ(on_the_day.cls, ClassificationClass::good);
    // The agricultural circular has the same rule.
    EXPECT_EQ(classification_of(rated_cooperative("2023-01-02"_d, 90, 2023, {}, tt09_scheme), 2023, tt09_scheme).rating, Rating::too_new);
    EXPECT_EQ(classification_of(rated_cooperative("2023-01-01"_d, 90, 2023, {}, tt09_scheme), 2023, tt09_scheme).rating, Rating::rated);
}

TEST(Classification, AConvertedGroupCountsFromItsConversion) {
    auto reg = registry();
    reg.add(cooperative_group("THT")
                .registered("2023-01-01"_d)
                .then(ev::members_joined("2023-01-01"_d, 6))
                .then(ev::converted_to_cooperative("2024-07-02"_d, 6))
                .then(assessed("2026-03-01"_d, 2024, 90))
                .then(assessed("2026-03-01"_d, 2025, 90)));
    EXPECT_EQ(classification_of(reg, 2024).rating, Rating::too_new);
    EXPECT_EQ(classification_of(reg, 2025).rating, Rating::rated);  // a cooperative from 2024-07-02: 12 months on 2025-07-02
}

TEST(Classification, TT01_2020_ThreeMonthsSuspendedIsRatedAndADayMoreIsNot) {
    const auto three_months = classification_of(rated_cooperative("2020-01-01"_d, 90, 2023, {ev::suspended("2023-03-01"_d, "2023-05-31"_d)}));
    EXPECT_EQ(three_months.rating, Rating::rated);
    EXPECT_EQ(three_months.suspended_days, 92);
    const auto and_a_day = classification_of(rated_cooperative("2020-01-01"_d, 90, 2023, {ev::suspended("2023-03-01"_d, "2023-06-01"_d)}));
    EXPECT_EQ(and_a_day.rating, Rating::suspended_too_long);
    EXPECT_EQ(and_a_day.suspended_days, 93);
    EXPECT_EQ(and_a_day.reason,
              "suspended 93 days in 2023 from 2023-03-01, more than 3 (Thông tư 01/2020/TT-BKHĐT: a cooperative that "
              "stopped operating more than 3 months in the year is not assessed (lawnet.vn summary)) months");
}

TEST(Classification, SuspensionsAreCountedWithinTheYearOnly) {
    // 59 days of 2023 (1 January – 28 February), then resumed early: 30 days (1–30 June).
    const auto c = classification_of(rated_cooperative("2020-01-01"_d, 90, 2023,
                          {ev::suspended("2022-11-01"_d, "2023-02-28"_d), ev::suspended("2023-06-01"_d, "2023-08-31"_d),
                           ev::resumed("2023-07-01"_d)}));
    EXPECT_EQ(c.suspended_days, 89);
    EXPECT_EQ(c.rating, Rating::rated);
    // Two suspensions adding up to more than three months from the first suspended day of the year.
    const auto two = classification_of(rated_cooperative("2020-01-01"_d, 90, 2023,
                            {ev::suspended("2023-01-01"_d, "2023-02-28"_d), ev::suspended("2023-10-01"_d, "2023-11-01"_d)}));
    EXPECT_EQ(two.suspended_days, 59 + 32);  // 91 > 90 days from 1 January to 1 April
    EXPECT_EQ(two.rating, Rating::suspended_too_long);
    // The agricultural circular has no suspension rule.
    const auto tt09_long = classification_of(rated_cooperative("2020-01-01"_d, 90, 2023, {ev::suspended("2023-03-01"_d, "2023-09-01"_d)}, tt09_scheme), 2023, tt09_scheme);
    EXPECT_EQ(tt09_long.rating, Rating::rated);
}

TEST(Classification, TT09_2017_ASanctionInTheYearMakesItWeakAndTheYearBeforeDoesNot) {
    const auto that_year = classification_of(rated_cooperative("2020-01-01"_d, 95, 2023, {ev::sanctioned("2023-05-01"_d)}, tt09_scheme), 2023, tt09_scheme);
    EXPECT_EQ(that_year.rating, Rating::rated);
    EXPECT_EQ(that_year.cls, ClassificationClass::weak);
    EXPECT_TRUE(that_year.sanctioned);
    EXPECT_EQ(that_year.reason,
              "administratively sanctioned in 2023: weak whatever its points (Thông tư 09/2017/TT-BNNPTNT Art 3–6: a "
              "cooperative administratively sanctioned during the year is classed weak)");
    EXPECT_TRUE(that_year.unconfirmed);  // the circular's period is flagged
    const auto year_before = classification_of(rated_cooperative("2020-01-01"_d, 95, 2023, {ev::sanctioned("2022-12-31"_d)}, tt09_scheme), 2023, tt09_scheme);
    EXPECT_EQ(year_before.cls, ClassificationClass::good);
    EXPECT_FALSE(year_before.sanctioned);
    // Thông tư 01/2020 has no such rule.
    EXPECT_EQ(classification_of(rated_cooperative("2020-01-01"_d, 95, 2023, {ev::sanctioned("2023-05-01"_d)})).cls, ClassificationClass::good);
}

TEST(Classification, PointsMustFitTheScheme) {
    auto reg = registry();
    auto pts = points(60);
    pts[2] = 12;  // TC3 has a maximum of 11
    reg.add(cooperative("HTX")
                .registered("2020-01-01"_d)
                .then({"2024-03-01"_d, Assessed{2023, tt01_scheme, pts}})
                .then({"2024-03-02"_d, Assessed{2022, tt01_scheme, std::vector<std::int32_t>(14, 1)}}));
    const auto c = classification_of(reg);
    EXPECT_EQ(c.rating, Rating::invalid_points);
    ASSERT_EQ(c.problems.size(), 1u);
    const auto& p = c.problems[0];
    EXPECT_EQ(p.organization, "HTX");
    EXPECT_EQ(p.path, "points[2]");
    EXPECT_EQ(p.event, "assessed");
    EXPECT_EQ(p.date, "2024-03-01"_d);
    EXPECT_EQ(p.rule, "scoring.max_points");
    EXPECT_EQ(p.message, "assessment of 2023 under tt01_2020: criterion TC3 (Business results in the year) has 12 "
                         "points, more than its maximum of 11");
    EXPECT_EQ(p.legal_basis, "Thông tư 01/2020/TT-BKHĐT Phụ lục (scoring table as reproduced by laodongdongnai.vn; "
                             "domain reference §5.1), tiêu chí 3");
    EXPECT_EQ(c.reason, "points[2]: " + p.message);

    const auto count = classification_of(reg, 2022);
    ASSERT_EQ(count.problems.size(), 1u);
    EXPECT_EQ(count.problems[0].path, "points");
    EXPECT_EQ(count.problems[0].rule, "scoring.criteria_count");
    EXPECT_EQ(count.problems[0].message,
              "assessment of 2022 under tt01_2020 gives 14 criterion points; the scheme has 15 criteria (TC1–TC15)");
}

TEST(Classification, ScopeOfEachScheme) {
    // People's credit funds are assessed under State Bank rules (TT 01/2020 Art 1.2c).
    const auto credit = classification_of(rated_cooperative("2020-01-01"_d, 90, 2023, {}, tt01_scheme, Sector::credit));
    EXPECT_EQ(credit.rating, Rating::out_of_scope);
    EXPECT_TRUE(credit.reason.starts_with("tt01_2020 rates cooperative, union_of_cooperatives in agriculture, "
                                          "industry_handicraft, construction, transport, trade_services, environment, "
                                          "other (Thông tư 01/2020/TT-BKHĐT Art 1:"))
        << credit.reason;
    EXPECT_TRUE(credit.reason.ends_with("(Art 1.2c)); HTX is a cooperative in credit")) << credit.reason;
    EXPECT_EQ(classification_of(rated_cooperative("2020-01-01"_d, 90, 2023, {}, tt09_scheme, Sector::transport), 2023, tt09_scheme).rating, Rating::out_of_scope);
    EXPECT_EQ(classification_of(rated_cooperative("2020-01-01"_d, 90, 2023, {}, tt09_scheme, Sector::agriculture, OrgKind::union_of_cooperatives), 2023, tt09_scheme).rating,
              Rating::out_of_scope);
    EXPECT_EQ(classification_of(rated_cooperative("2020-01-01"_d, 90, 2023, {}, tt01_scheme, Sector::transport, OrgKind::union_of_cooperatives)).rating,
              Rating::rated);
}

TEST(Classification, NoRulesBeforeTheCircular) {
    const auto c = classification_of(rated_cooperative("2015-01-01"_d, 90, 2019), 2019);
    EXPECT_EQ(c.rating, Rating::no_rules);
    EXPECT_EQ(c.reason, "no version of tt01_2020 is in force on 2019-12-31");
}

TEST(Classification, AfterTheLawOf2012ExpiredTheCircularIsFlagged) {
    const auto c = classification_of(rated_cooperative("2020-01-01"_d, 90, 2024), 2024);
    EXPECT_EQ(c.rating, Rating::rated);
    EXPECT_TRUE(c.unconfirmed);
    EXPECT_TRUE(c.legal_basis.starts_with("Thông tư 01/2020/TT-BKHĐT, issued under Law 23/2012/QH13")) << c.legal_basis;
}

TEST(Classification, TheWholeRegistry) {
    auto reg = registry();
    reg.add(std::vector<OrganizationRecord>{
        cooperative("good").registered("2020-01-01"_d).then(assessed("2024-03-01"_d, 2023, 85)),
        cooperative("unassessed").registered("2020-01-01"_d),
        cooperative("ended").registered("2020-01-01"_d).then(ev::dissolution_resolved("2022-02-01"_d, 80)).then(
            ev::dissolution_completed("2022-05-01"_d)),
        cooperative("later").registered("2024-02-01"_d),
        cooperative_group("group").registered("2020-01-01"_d),
        cooperative("twice")
            .registered("2020-01-01"_d)
            .then(assessed("2024-03-01"_d, 2023, 40))
            .then(assessed("2024-03-20"_d, 2023, 70)),  // a corrected assessment replaces the first
    });
    const auto all = scoring::classify(reg, 2023);
    std::vector<std::string> rows;
    for (const auto& c : all)
        rows.push_back(c.organization + " " + std::string(enum_name(c.rating)) +
                       (c.cls ? " " + std::string(enum_name(*c.cls)) : std::string()));
    EXPECT_EQ(rows, (std::vector<std::string>{"good rated good", "unassessed not_assessed", "twice rated fair"}));
}

}  // namespace
