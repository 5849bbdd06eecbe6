// Every catalogue indicator against figures counted by hand on small registries, with labels in both languages.

#include "fixture.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::indicators;
using namespace coopecon::test;

constexpr Dong million = 1'000'000;

/// As of 2023-08-31, for the period 2023-01-01 – 2023-08-31 (the previous period ends 2022-12-31):
///   c1 cooperative, 10 official + 2 capital associates, 2022 results      active
///   c2 cooperative registered in the period, 8 households, suspended in June suspended
///   c3 cooperative dissolved within the period                            terminated
///   c4 cooperative in Bạc Liêu, 20 members, a 2022 loss                   active
///   u1 union of 4 member cooperatives, 3 workers                          active
///   g1, g2 cooperative groups, 12 and 9 members                           active
Registry small_registry() {
    auto reg = empty_registry();
    reg.add(std::vector<OrganizationRecord>{
        cooperative("c1")
            .registered("2020-03-01"_day)
            .members("2020-03-01"_day, 10)
            .members("2020-03-01"_day, 2, MemberType::individual, MemberKind::capital_associate)
            .results("2023-01-20"_day, 2022, 1000 * million, 100 * million, 400 * million, 5, 250 * million,
                     60 * million),
        cooperative("c2").registered("2023-02-01"_day).members("2023-02-01"_day, 8, MemberType::household)
            .suspended("2023-06-01"_day, "2023-12-31"_day),
        cooperative("c3").registered("2019-01-01"_day).members("2019-01-01"_day, 7)
            .dissolved("2023-03-01"_day, "2023-05-01"_day),
        cooperative("c4", "P95")
            .registered("2021-01-01"_day)
            .members("2021-01-01"_day, 20)
            .results("2023-01-20"_day, 2022, 3000 * million, -100 * million, 600 * million, 10, 500 * million),
        union_of("u1")
            .registered("2022-05-01"_day)
            .members("2022-05-01"_day, 4, MemberType::cooperative)
            .results("2023-01-20"_day, 2022, 500 * million, 50 * million, 0, 3, 150 * million, 30 * million),
        group("g1").registered("2021-06-01"_day).members("2021-06-01"_day, 12),
        group("g2").registered("2020-01-01"_day).members("2020-01-01"_day, 9),
    });
    return reg;
}

double total(const Table& t, const std::string& id) { return t.column(id).value(t.rows() - 1); }

TEST(Catalogue, EveryIndicatorHasIdLabelsUnitDefinitionAndPractice) {
    std::set<std::string> ids;
    for (const auto& i : catalogue()) {
        EXPECT_TRUE(ids.insert(i.id).second) << "duplicate id " << i.id;
        EXPECT_FALSE(i.label.en.empty()) << i.id;
        EXPECT_FALSE(i.label.vi.empty()) << i.id;
        EXPECT_NE(i.label.en, i.label.vi) << i.id;
        EXPECT_FALSE(i.definition.empty()) << i.id;
        EXPECT_FALSE(i.reference.empty()) << i.id;
        EXPECT_NE(i.practice, Practice::user) << i.id;
    }
    for (const char* required : {"organizations", "cooperatives", "unions", "cooperative_groups", "active", "suspended",
                                 "new", "dissolved", "converted", "merged", "net_change", "growth", "members",
                                 "official_members", "household_members", "members_of_groups",
                                 "union_member_cooperatives", "workers", "members_per_cooperative", "active_rate",
                                 "suspended_rate", "average_revenue", "average_pre_tax_profit", "average_worker_income",
                                 "internal_transaction_ratio", "class_good", "effective_share", "vietgap_share",
                                 "globalgap_share", "organic_share", "ocop_5_stars", "ntm_13_1_communes"})
        EXPECT_TRUE(ids.count(required)) << required;
    EXPECT_THROW(catalogue_indicator("no_such_indicator"), Error);
}

TEST(Catalogue, OrganisationsStatusesAndChangeInThePeriod) {
    const auto reg = small_registry();
    const auto t = compute(reg, query({"organizations", "cooperatives", "unions", "cooperative_groups", "active",
                                       "suspended", "in_dissolution", "active_rate", "suspended_rate",
                                       "organizations_before", "new", "dissolved", "bankrupt", "merged", "converted",
                                       "net_change", "growth"}),
                           period_2023);
    ASSERT_EQ(t.rows(), 1u);
    EXPECT_EQ(total(t, "organizations"), 6);
    EXPECT_EQ(total(t, "cooperatives"), 3);
    EXPECT_EQ(total(t, "unions"), 1);
    EXPECT_EQ(total(t, "cooperative_groups"), 2);
    EXPECT_EQ(total(t, "active"), 5);
    EXPECT_EQ(total(t, "suspended"), 1);
    EXPECT_EQ(total(t, "in_dissolution"), 0);
    EXPECT_DOUBLE_EQ(total(t, "active_rate"), 500.0 / 6);
    EXPECT_DOUBLE_EQ(total(t, "suspended_rate"), 100.0 / 6);
    EXPECT_EQ(total(t, "organizations_before"), 6);  // c1 c3 c4 u1 g1 g2
    EXPECT_EQ(total(t, "new"), 1);
    EXPECT_EQ(total(t, "dissolved"), 1);
    EXPECT_EQ(total(t, "bankrupt"), 0);
    EXPECT_EQ(total(t, "merged"), 0);
    EXPECT_EQ(total(t, "converted"), 0);
    EXPECT_EQ(total(t, "net_change"), 0);
    EXPECT_DOUBLE_EQ(total(t, "growth"), 0);
    EXPECT_TRUE(t.column("organizations").integral);
    EXPECT_FALSE(t.column("active_rate").integral);
}

TEST(Catalogue, MembersWorkersAndAverages) {
    const auto reg = small_registry();
    const auto t = compute(reg, query({"members", "official_members", "capital_associates", "non_capital_associates",
                                       "individual_members", "household_members", "legal_entity_members",
                                       "member_cooperatives", "members_of_cooperatives", "union_member_cooperatives",
                                       "members_of_groups", "workers", "members_per_organization",
                                       "members_per_cooperative", "members_per_group"}),
                           period_2023);
    // People and legal entities, of groups and cooperatives: 12 + 8 + 20 + 12 + 9 (c3 is terminated); the
    // union's 4 members are cooperatives, counted apart.
    EXPECT_EQ(total(t, "members"), 61);
    EXPECT_EQ(total(t, "official_members"), 59);
    EXPECT_EQ(total(t, "capital_associates"), 2);
    EXPECT_EQ(total(t, "non_capital_associates"), 0);
    EXPECT_EQ(total(t, "individual_members"), 53);
    EXPECT_EQ(total(t, "household_members"), 8);
    EXPECT_EQ(total(t, "legal_entity_members"), 0);
    EXPECT_EQ(total(t, "member_cooperatives"), 4);
    EXPECT_EQ(total(t, "members_of_cooperatives"), 40);
    EXPECT_EQ(total(t, "union_member_cooperatives"), 4);
    EXPECT_EQ(total(t, "members_of_groups"), 21);
    EXPECT_EQ(total(t, "workers"), 18);
    EXPECT_DOUBLE_EQ(total(t, "members_per_organization"), 61.0 / 5);
    EXPECT_DOUBLE_EQ(total(t, "members_per_cooperative"), 40.0 / 3);
    EXPECT_DOUBLE_EQ(total(t, "members_per_group"), 10.5);
}

TEST(Catalogue, BusinessResultsOfOrganisationsWithResults) {
    const auto reg = small_registry();
    const auto t = compute(reg, query({"with_results", "average_revenue", "average_pre_tax_profit",
                                       "average_worker_income", "internal_transaction_ratio"}),
                           period_2023);
    EXPECT_EQ(total(t, "with_results"), 3);
    EXPECT_DOUBLE_EQ(total(t, "average_revenue"), 1500);  // million đồng: (1000 + 3000 + 500) / 3
    EXPECT_NEAR(total(t, "average_pre_tax_profit"), 50.0 / 3, 1e-9);
    EXPECT_DOUBLE_EQ(total(t, "average_worker_income"), 50);  // 900 / 18
    EXPECT_NEAR(total(t, "internal_transaction_ratio"), 1000.0 / 4500 * 100, 1e-9);
    // A year later the 2022 results are too old to count.
    const auto later = compute(reg, query({"with_results", "average_revenue"}),
                               period_between("2024-01-01"_day, "2024-03-31"_day));
    EXPECT_EQ(total(later, "with_results"), 0);
    EXPECT_TRUE(std::isnan(total(later, "average_revenue")));
}

TEST(Catalogue, AverageIndivisibleFundOfCooperativesAndUnionsWithResults) {
    auto reg = small_registry();
    const auto t = compute(reg, query({"average_indivisible_fund"}), period_2023);
    EXPECT_DOUBLE_EQ(total(t, "average_indivisible_fund"), 30);  // million đồng: (60 + 0 + 30) / 3, c1, c4, u1
    // A cooperative group with results and a fund is not among them.
    reg.add(group("g3").registered("2021-06-01"_day).members("2021-06-01"_day, 5)
                .results("2023-01-20"_day, 2022, 100 * million, 10 * million, 0, 1, 10 * million, 90 * million));
    EXPECT_DOUBLE_EQ(total(compute(reg, query({"average_indivisible_fund"}), period_2023), "average_indivisible_fund"),
                     30);
    // Results older than the year before the date's year do not count: no organisation is left to average.
    const auto later = compute(reg, query({"average_indivisible_fund"}),
                               period_between("2024-01-01"_day, "2024-03-31"_day));
    EXPECT_TRUE(std::isnan(total(later, "average_indivisible_fund")));
}

TEST(Catalogue, ByKindKeepsCooperativesUnionsAndGroupsApart) {
    const auto reg = small_registry();
    const auto t = compute(reg, query({"organizations", "members", "member_cooperatives", "workers",
                                       "members_per_organization"},
                                      {GroupKey::by(KeyKind::kind)}),
                           period_2023);
    ASSERT_EQ(t.rows(), 4u);
    EXPECT_EQ(t.keys[0].cells[0].code, "cooperative_group");
    EXPECT_EQ(t.keys[0].cells[0].label.vi, "Tổ hợp tác");
    EXPECT_EQ(t.at({"cooperative"}, "organizations"), 3);
    EXPECT_EQ(t.at({"cooperative"}, "members"), 40);
    // A union's members are cooperatives: no people to report, so its members are no data, not 0, and the
    // totals do not add cooperatives to people.
    EXPECT_TRUE(std::isnan(t.at({"union_of_cooperatives"}, "members")));
    EXPECT_EQ(t.at({"union_of_cooperatives"}, "member_cooperatives"), 4);
    EXPECT_TRUE(std::isnan(t.at({"cooperative"}, "member_cooperatives")));
    EXPECT_TRUE(std::isnan(t.at({"union_of_cooperatives"}, "members_per_organization")));
    EXPECT_EQ(t.at({"union_of_cooperatives"}, "workers"), 3);
    // No group has reported a financial year: their workers are no data; the cooperatives' are data, with a 0
    // from c2, which reported none.
    EXPECT_TRUE(std::isnan(t.at({"cooperative_group"}, "workers")));
    EXPECT_FALSE(std::isnan(t.at({"cooperative"}, "workers")));
    EXPECT_EQ(t.at({"cooperative_group"}, "members"), 21);
    EXPECT_DOUBLE_EQ(t.at({"cooperative_group"}, "members_per_organization"), 10.5);
    EXPECT_EQ(t.at({"total"}, "members"), 61);
    EXPECT_EQ(t.at({"total"}, "member_cooperatives"), 4);
    EXPECT_EQ(t.totals, (std::vector<std::uint8_t>{0, 0, 0, 1}));
}

/// Communes X1 and X2 in Cà Mau city; assessments for 2022 filed in 2023.
Registry scored_registry() {
    auto areas = vietnam_areas()->with({
        Area{"X1", "31999", "Xã Một", "Xã Một", AreaLevel::commune, "commune", std::nullopt, "D964", "2004-01-01"_day, std::nullopt, std::nullopt},
        Area{"X2", "31998", "Xã Hai", "Xã Hai", AreaLevel::commune, "commune", std::nullopt, "D964", "2004-01-01"_day, std::nullopt, std::nullopt},
    });
    Registry reg(law::vietnam(), std::make_shared<const AreaCatalog>(std::move(areas)));
    reg.add(std::vector<OrganizationRecord>{
        cooperative("good", "X1")
            .registered("2020-01-01"_day)
            .members("2020-01-01"_day, 10)
            .on("2023-03-01"_day, Assessed{2022, ClassificationScheme::tt01_2020, {30, 25, 30}})
            .on("2022-01-01"_day, Certified{Certification::vietgap, "2024-12-31"_day})
            .on("2022-05-01"_day, OcopRated{"dried shrimp", std::nullopt, 4})
            .on("2022-05-01"_day, OcopRated{"honey", 55, std::nullopt}),
        cooperative("fair", "X1")
            .registered("2020-01-01"_day)
            .members("2020-01-01"_day, 10)
            .on("2023-03-01"_day, Assessed{2022, ClassificationScheme::tt01_2020, {70}})
            .on("2022-01-01"_day, Certified{Certification::organic, std::nullopt}),
        cooperative("average", "X2")
            .registered("2020-01-01"_day)
            .members("2020-01-01"_day, 10)
            .on("2023-03-01"_day, Assessed{2022, ClassificationScheme::tt01_2020, {64}}),
        // Sanctioned in 2022: weak under TT 09/2017 whatever the points.
        cooperative("sanctioned", "X2")
            .registered("2020-01-01"_day)
            .members("2020-01-01"_day, 10)
            .on("2022-06-01"_day, Sanctioned{})
            .on("2023-03-01"_day, Assessed{2022, ClassificationScheme::tt09_2017, {90}}),
        // Assessed for 2020 only: too old to count as classified in 2023.
        cooperative("stale", "X2")
            .registered("2019-01-01"_day)
            .members("2019-01-01"_day, 10)
            .on("2021-03-01"_day, Assessed{2020, ClassificationScheme::tt01_2020, {95}})
            .on("2021-01-01"_day, Certified{Certification::globalgap, "2022-12-31"_day}),
    });
    return reg;
}

TEST(Catalogue, ClassificationCertificationOcopAndNtm) {
    const auto reg = scored_registry();
    const auto t = compute(reg, query({"rated", "class_good", "class_fair", "class_average", "class_weak",
                                       "effective_share", "vietgap_share", "globalgap_share", "organic_share",
                                       "certified_share", "ocop_products", "ocop_3_stars", "ocop_4_stars",
                                       "ocop_5_stars", "ntm_13_1_communes"}),
                           period_2023);
    EXPECT_EQ(total(t, "rated"), 4);
    EXPECT_EQ(total(t, "class_good"), 1);
    EXPECT_EQ(total(t, "class_fair"), 1);
    EXPECT_EQ(total(t, "class_average"), 1);
    EXPECT_EQ(total(t, "class_weak"), 1);
    EXPECT_DOUBLE_EQ(total(t, "effective_share"), 50);
    EXPECT_DOUBLE_EQ(total(t, "vietgap_share"), 20);
    EXPECT_DOUBLE_EQ(total(t, "globalgap_share"), 0);  // expired at the end of 2022
    EXPECT_DOUBLE_EQ(total(t, "organic_share"), 20);
    EXPECT_DOUBLE_EQ(total(t, "certified_share"), 40);
    EXPECT_EQ(total(t, "ocop_products"), 2);
    EXPECT_EQ(total(t, "ocop_3_stars"), 1);
    EXPECT_EQ(total(t, "ocop_4_stars"), 1);
    EXPECT_EQ(total(t, "ocop_5_stars"), 0);
    EXPECT_EQ(total(t, "ntm_13_1_communes"), 1);  // X1 has active good and fair cooperatives; X2 none

    // A stricter hook: only good counts as effective, and the classifier's bands are raised.
    Query strict = query({"effective_share", "class_good"});
    strict.scoring.effective = bits({ClassificationClass::good});
    strict.scoring.classify = band_classifier(86, 65, 50);
    strict.indicators = catalogue_indicators({"effective_share", "class_good"}, strict.scoring);
    const auto s = compute(reg, strict, period_2023);
    EXPECT_EQ(total(s, "class_good"), 0);
    EXPECT_DOUBLE_EQ(total(s, "effective_share"), 0);
}

TEST(Catalogue, DistinctCommunesPerGroupAndOverall) {
    const auto reg = scored_registry();
    auto q = query({"ntm_13_1_communes", "organizations"}, {GroupKey::by(KeyKind::kind)});
    const auto t = compute(reg, q, period_2023);
    EXPECT_EQ(t.at({"cooperative"}, "ntm_13_1_communes"), 1);
    EXPECT_EQ(t.at({"total"}, "ntm_13_1_communes"), 1);
}

}  // namespace
