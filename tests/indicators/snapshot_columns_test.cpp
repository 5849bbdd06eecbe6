// The snapshot columns that indicators read besides status and members: how and when an organisation ended,
// a group's conversion date, certifications valid on the date, the latest assessment, sanctions and OCOP
// products by stars; and snapshots at several dates from one replay, equal to one snapshot per date.

#include "fixture.hpp"

#include <gtest/gtest.h>

#include <array>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;

Registry sample() {
    auto reg = empty_registry();
    reg.add(std::vector<OrganizationRecord>{
        cooperative("dissolved").registered("2020-01-10"_day).dissolved("2023-02-01"_day, "2023-03-15"_day),
        cooperative("bankrupt")
            .registered("2020-01-10"_day)
            .on("2023-01-05"_day, BankruptcyOpened{})
            .on("2023-04-20"_day, BankruptcyDeclared{}),
        group("converted")
            .registered("2020-01-10"_day)
            .members("2020-01-10"_day, 7)
            .on("2024-09-02"_day, ConvertedToCooperative{7}),
        cooperative("rated")
            .registered("2020-01-10"_day)
            .on("2022-03-01"_day, Assessed{2021, ClassificationScheme::tt01_2020, {20, 30, 10}})
            .on("2023-03-01"_day, Assessed{2022, ClassificationScheme::tt01_2020, {40, 30, 12}})
            .on("2022-06-01"_day, Sanctioned{})
            .on("2021-01-01"_day, Certified{Certification::vietgap, "2022-12-31"_day})
            .on("2021-01-01"_day, Certified{Certification::organic, std::nullopt})
            .on("2021-05-01"_day, OcopRated{"dried shrimp", std::nullopt, 3})
            .on("2022-05-01"_day, OcopRated{"dried shrimp", std::nullopt, 4})
            .on("2022-05-01"_day, OcopRated{"honey", std::nullopt, 3})
            .on("2022-06-01"_day, OcopRated{"crab", 91, std::nullopt}),
    });
    return reg;
}

TEST(SnapshotColumns, EndingAndConversion) {
    const auto reg = sample();
    const auto s = reg.snapshot("2024-12-31"_day);
    EXPECT_EQ(s.ended_by[0], Ending::dissolution);
    EXPECT_EQ(s.status_since[0], "2023-03-15"_day.days_since_epoch());
    EXPECT_EQ(s.ended_by[1], Ending::bankruptcy);
    EXPECT_EQ(s.ended_by[2], Ending::none);
    EXPECT_EQ(s.kind[2], OrgKind::cooperative);
    EXPECT_EQ(s.converted_on[2], "2024-09-02"_day.days_since_epoch());
    EXPECT_EQ(s.converted_on[3], no_date);
    const auto before = reg.snapshot("2023-03-14"_day);
    EXPECT_EQ(before.ended_by[0], Ending::none);
    EXPECT_EQ(before.kind[2], OrgKind::cooperative_group);
}

TEST(SnapshotColumns, AssessmentSanctionCertificationsAndOcop) {
    const auto reg = sample();
    const auto s = reg.snapshot("2023-06-30"_day);
    EXPECT_EQ(s.assessment_year[3], 2022);
    EXPECT_EQ(s.assessment_points[3], 82);
    EXPECT_EQ(s.assessment_scheme[3], ClassificationScheme::tt01_2020);
    EXPECT_EQ(s.sanction_year[3], 2022);
    // VietGAP ran out on 2022-12-31; organic is open-ended.
    EXPECT_EQ(s.certifications[3], 1u << static_cast<unsigned>(Certification::organic));
    EXPECT_EQ(reg.snapshot("2022-12-31"_day).certifications[3],
              (1u << static_cast<unsigned>(Certification::vietgap)) | (1u << static_cast<unsigned>(Certification::organic)));
    // dried shrimp re-rated 3 → 4 stars, honey 3 stars, crab scored 91 → 5 stars.
    const std::array<std::int32_t, 5> stars{s.ocop_1_star[3], s.ocop_2_stars[3], s.ocop_3_stars[3], s.ocop_4_stars[3],
                                            s.ocop_5_stars[3]};
    EXPECT_EQ(stars, (std::array<std::int32_t, 5>{0, 0, 1, 1, 1}));
    EXPECT_EQ(s.assessment_year[0], 0);
}

TEST(SnapshotColumns, OcopStarsFollowTheScoreBands) {
    EXPECT_EQ(ocop_stars_for_score(100), 5);
    EXPECT_EQ(ocop_stars_for_score(90), 5);
    EXPECT_EQ(ocop_stars_for_score(89), 4);
    EXPECT_EQ(ocop_stars_for_score(70), 4);
    EXPECT_EQ(ocop_stars_for_score(69), 3);
    EXPECT_EQ(ocop_stars_for_score(50), 3);
    EXPECT_EQ(ocop_stars_for_score(49), 2);
    EXPECT_EQ(ocop_stars_for_score(30), 2);
    EXPECT_EQ(ocop_stars_for_score(29), 1);
}

TEST(Snapshots, SeveralDatesInOnePassEqualOneSnapshotPerDate) {
    auto reg = sample();
    reg.add(cooperative("suspended")
                .registered("2021-01-04"_day)
                .members("2021-01-04"_day, 9)
                .suspended("2023-01-02"_day, "2023-03-31"_day)
                .on("2023-06-01"_day, MembersLeft{MemberKind::official, MemberType::individual, 2, 0, 0}));
    const std::vector<Date> dates{"2019-12-31"_day, "2022-12-31"_day, "2023-01-02"_day, "2023-04-01"_day, "2023-12-31"_day};
    const auto many = reg.snapshots(dates);
    ASSERT_EQ(many.size(), dates.size());
    for (std::size_t k = 0; k < dates.size(); ++k) {
        const auto one = reg.snapshot(dates[k]);
        EXPECT_EQ(many[k].as_of, dates[k]);
        EXPECT_EQ(many[k].exists, one.exists) << dates[k].iso();
        EXPECT_EQ(many[k].status, one.status) << dates[k].iso();
        EXPECT_EQ(many[k].status_since, one.status_since) << dates[k].iso();
        EXPECT_EQ(many[k].kind, one.kind) << dates[k].iso();
        EXPECT_EQ(many[k].official_members, one.official_members) << dates[k].iso();
        EXPECT_EQ(many[k].certifications, one.certifications) << dates[k].iso();
        EXPECT_EQ(many[k].ocop_4_stars, one.ocop_4_stars) << dates[k].iso();
        EXPECT_EQ(many[k].ended_by, one.ended_by) << dates[k].iso();
    }
    EXPECT_THROW(reg.snapshots(std::vector<Date>{"2023-01-02"_day, "2022-01-01"_day}), Error);
}

}  // namespace
