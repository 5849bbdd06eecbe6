// OCOP stars from score bands (90/70/50/30, UNCONFIRMED under QĐ 148/QĐ-TTg) on both sides of each band, the
// certificate from 3 stars valid 36 months (its last day and the day after), and replaced bands.

#include <coopecon/scoring/ocop.hpp>

#include "fixture.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;

std::int32_t ocop_stars_at(std::int32_t score, const scoring::Rules& rules = *scoring::vietnam()) {
    return scoring::stars_for_score(score, rules.ocop.find("2024-01-01"_d)->value);
}

TEST(Ocop, QD148_StarsOnBothSidesOfEachBand) {
    EXPECT_EQ(ocop_stars_at(100), 5);
    EXPECT_EQ(ocop_stars_at(90), 5);
    EXPECT_EQ(ocop_stars_at(89), 4);
    EXPECT_EQ(ocop_stars_at(70), 4);
    EXPECT_EQ(ocop_stars_at(69), 3);
    EXPECT_EQ(ocop_stars_at(50), 3);
    EXPECT_EQ(ocop_stars_at(49), 2);
    EXPECT_EQ(ocop_stars_at(30), 2);
    EXPECT_EQ(ocop_stars_at(29), 1);
    EXPECT_EQ(ocop_stars_at(0), 1);
}

TEST(Ocop, TheDefaultBandsAgreeWithTheRegistrysReplay) {
    for (std::int32_t score = 0; score <= 100; ++score) EXPECT_EQ(ocop_stars_at(score), ocop_stars_for_score(score)) << score;
}

Registry ocop_registry() {
    auto reg = registry();
    reg.add(std::vector<OrganizationRecord>{
        cooperative("A")
            .registered("2020-01-01"_d)
            .then(ocop_scored("2023-06-01"_d, "dried shrimp", 72))
            .then(ocop_scored("2024-06-01"_d, "dried shrimp", 91))
            .then(ocop_scored("2023-06-01"_d, "honey", 49))
            .then(ev::ocop_rated("2022-05-01"_d, "fish sauce", 3)),
        cooperative("B").registered("2015-01-01"_d).then(ocop_scored("2018-01-01"_d, "rice", 80)),
    });
    return reg;
}

TEST(Ocop, ProductsAtTheirLatestRatingWithCertificates) {
    const auto list = scoring::ocop_products(ocop_registry(), "2025-06-01"_d);
    std::vector<std::string> rows;
    for (const auto& p : list)
        rows.push_back(p.organization + " " + p.product + " " + p.rated_on.iso() + " " +
                       (p.stars ? std::to_string(*p.stars) : "-") + (p.certified ? " certified" : "") +
                       (p.valid_until ? " until " + p.valid_until->iso() : "") + (p.valid ? " valid" : ""));
    EXPECT_EQ(rows, (std::vector<std::string>{
                        "A fish sauce 2022-05-01 3 certified until 2025-04-30",
                        "A dried shrimp 2024-06-01 5 certified until 2027-05-31 valid",
                        "A honey 2023-06-01 2",
                        "B rice 2018-01-01 -",
                    }));
    EXPECT_EQ(list[3].reason, "no OCOP rules in force on 2018-01-01");
    EXPECT_TRUE(list[1].unconfirmed);  // QĐ 148/QĐ-TTg bands and validity are assumed
    EXPECT_EQ(list[1].legal_basis, "QĐ 148/QĐ-TTg (2023-02-24), replacing QĐ 1048/QĐ-TTg and QĐ 781/QĐ-TTg; in force on signing");
    EXPECT_TRUE(list[2].reason.starts_with("49 points: 2 stars from 30 (QĐ 148/QĐ-TTg (2023): 2 stars from 30 points")) << list[2].reason;
}

TEST(Ocop, QD148_TheCertificateIsValidThirtySixMonthsToTheLastDay) {
    const auto last_day = scoring::ocop_products(ocop_registry(), "2027-05-31"_d);
    EXPECT_TRUE(last_day[1].valid);
    const auto day_after = scoring::ocop_products(ocop_registry(), "2027-06-01"_d);
    EXPECT_FALSE(day_after[1].valid);
    // Earlier dates see earlier ratings: on 2023-12-31 the shrimp has 4 stars from 72 points.
    const auto earlier = scoring::ocop_products(ocop_registry(), "2023-12-31"_d);
    EXPECT_EQ(earlier[1].product, "dried shrimp");
    EXPECT_EQ(earlier[1].stars, 4);
    EXPECT_EQ(earlier[0].valid_until, "2025-04-30"_d);
    EXPECT_TRUE(earlier[0].valid);
}

TEST(Ocop, ReplacedBandsAndValidity) {
    const auto rules = scoring::with_ocop_certificate_months(scoring::with_ocop_bands(*scoring::vietnam(), {95, 75, 45, 20}), 24);
    EXPECT_EQ(ocop_stars_at(91, rules), 4);
    EXPECT_EQ(ocop_stars_at(49, rules), 3);
    const auto list = scoring::ocop_products(ocop_registry(), "2025-06-01"_d, rules);
    EXPECT_EQ(list[1].stars, 4);
    EXPECT_EQ(list[1].valid_until, "2026-05-31"_d);
    EXPECT_EQ(list[2].stars, 3);
    EXPECT_TRUE(list[2].certified);
    EXPECT_TRUE(list[1].unconfirmed);  // certified from 3 stars is still the assumed value of QĐ 148/QĐ-TTg
}

}  // namespace
