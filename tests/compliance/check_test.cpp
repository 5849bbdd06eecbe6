// The compliance check, rule by rule and article by article, on both sides of every threshold (the day before
// it, the day it is crossed, and beyond), and across the change of law on 2024-07-01. docs/legal-rules.md names
// the tests of each rule.

#include <coopecon/compliance/check.hpp>
#include <coopecon/compliance/conditions.hpp>
#include <coopecon/law/reform.hpp>
#include <coopecon/law/reform_json.hpp>

#include <support/builders.hpp>
#include <support/registry_checks.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;
using compliance::AcrossLawChange;
using compliance::Consequence;
using compliance::Finding;
using compliance::Severity;
using ::testing::HasSubstr;

constexpr const char* below_minimum = "compliance.below_minimum_members";
constexpr const char* foreign_members = "compliance.foreign_official_members";
constexpr const char* capital_official = "compliance.capital_share_official";
constexpr const char* capital_associates = "compliance.capital_share_associates";
constexpr const char* capital_foreign = "compliance.capital_share_foreign";
constexpr const char* no_assembly = "compliance.no_annual_assembly";
constexpr const char* not_operating = "compliance.not_operating";
constexpr const char* group_below = "compliance.group_below_minimum_members";
constexpr const char* assembly_late = "compliance.annual_assembly_late";
constexpr const char* notice_late = "compliance.suspension_notice_late";
constexpr const char* group_notice_late = "compliance.group_suspension_notice_late";

constexpr const char* basis_2023_d = "Law 17/2023/QH15 Art 103.1d; Decree 92/2024/NĐ-CP Art 53";
constexpr const char* basis_2023_capital = "Law 17/2023/QH15 Art 74, 103.1đ; Decree 92/2024/NĐ-CP Art 53";

Event cohort(Date on, std::int32_t count, std::int32_t foreign, Dong capital, MemberKind kind = MemberKind::official) {
    return {on, MembersJoined{kind, MemberType::individual, count, foreign, capital}};
}

class Compliance : public ::testing::Test {
protected:
    /// The findings of rule `rule` for `id` on `d`: none or one.
    std::optional<Finding> finding(std::string_view id, std::string_view rule, Date d,
                                   compliance::CheckOptions options = {}) const {
        std::optional<Finding> out;
        for (auto& f : compliance::check(reg, id, d, options)) {
            if (f.rule != rule) continue;
            if (out) ADD_FAILURE() << "two findings of " << rule << " for " << id << " on " << d.iso();
            out = std::move(f);
        }
        return out;
    }
    std::optional<Severity> severity(std::string_view id, std::string_view rule, Date d,
                                     compliance::CheckOptions options = {}) const {
        const auto f = finding(id, rule, d, options);
        return f ? std::optional<Severity>(f->severity) : std::nullopt;
    }
    static compliance::CheckOptions keep_start() {
        compliance::CheckOptions o;
        o.across_law_change = AcrossLawChange::keep_start;
        return o;
    }
    static compliance::CheckOptions restart() {
        compliance::CheckOptions o;
        o.across_law_change = AcrossLawChange::restart;
        return o;
    }

    Registry reg = registry();
};

// ---- 2023 Law Art 103.1d: below the minimum of official members for 12 consecutive months ------------------
// A cooperative of 4 official members registered on 2024-08-01: counted from 2024-08-02 (Civil Code Art 147.2),
// the 12 months end on 2025-08-01 (Art 148.3) and the ground exists from 2025-08-02.

TEST_F(Compliance, Art103_1d_CooperativeBelowFiveIsAtRiskTwelveMonthsMinusADay) {
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(ev::members_joined("2024-08-01"_d, 4)));
    const auto f = finding("htx", below_minimum, "2025-08-01"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::at_risk);
    EXPECT_EQ(f->began, "2024-08-01"_d);
    EXPECT_EQ(f->counted_from, "2024-08-02"_d);
    EXPECT_EQ(f->threshold, "2025-08-02"_d);
    EXPECT_EQ(f->months, 12);
    EXPECT_EQ(f->observed, 4.0);
    EXPECT_EQ(f->limit, 5);
    EXPECT_EQ(f->consequence, Consequence::revocation_ground);
    EXPECT_EQ(f->legal_basis, basis_2023_d);
    EXPECT_EQ(f->message, "4 official members, below the minimum of 5 since 2024-08-01; 12 months will be reached on "
                          "2025-08-02 unless cured");
    // Vietnamese sentences write dates as dd/mm/yyyy (core/date_text.hpp).
    EXPECT_EQ(f->message_vi, "4 thành viên chính thức, dưới mức tối thiểu 5 từ 01/08/2024; sẽ đủ 12 tháng vào ngày "
                             "02/08/2025 nếu không khắc phục");
    EXPECT_EQ(f->legal_basis_vi, "điểm d khoản 1 Điều 103 Luật 17/2023/QH15; Điều 53 Nghị định 92/2024/NĐ-CP");
}

TEST_F(Compliance, AnotherFrameworkAppliesToTheSameRegistry) {
    // Six members: enough under the 2023 Law's five; below the seven a reform restores from 2026-01-01.
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(ev::members_joined("2024-08-01"_d, 6)));
    compliance::CheckOptions reformed;
    reformed.law = std::make_shared<const law::Framework>(law::apply(
        reg.law(), law::read_reform_file(std::string(COOPECON_SOURCE_DIR) + "/data/reforms/min-members-seven-from-2026.json")));
    EXPECT_FALSE(finding("htx", below_minimum, "2027-01-01"_d));
    EXPECT_FALSE(finding("htx", below_minimum, "2026-10-31"_d, reformed));
    EXPECT_EQ(severity("htx", below_minimum, "2026-11-01"_d, reformed), Severity::at_risk);
    const auto f = finding("htx", below_minimum, "2027-01-01"_d, reformed);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::due);
    EXPECT_EQ(f->limit, 7);
    EXPECT_EQ(f->began, "2026-01-01"_d);
    EXPECT_EQ(compliance::check(reg, "2027-01-01"_d, reformed).size(), compliance::check(reg, "2027-01-01"_d).size() + 1);
}

TEST_F(Compliance, Art103_1d_CooperativeBelowFiveIsDueOnTheDayTwelveMonthsAreReachedAndAfter) {
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(ev::members_joined("2024-08-01"_d, 4)));
    for (const Date d : {"2025-08-02"_d, "2025-08-03"_d, "2027-01-01"_d}) {
        const auto f = finding("htx", below_minimum, d);
        ASSERT_TRUE(f) << d.iso();
        EXPECT_EQ(f->severity, Severity::due);
        EXPECT_EQ(f->threshold, "2025-08-02"_d);
        EXPECT_EQ(f->consequence, Consequence::revocation_ground);
        EXPECT_EQ(f->legal_basis, basis_2023_d);
    }
    EXPECT_EQ(finding("htx", below_minimum, "2025-08-03"_d)->message,
              "4 official members, below the minimum of 5 since 2024-08-01; 12 months reached on 2025-08-02: ground "
              "for revoking the registration certificate, then compulsory dissolution");
}

TEST_F(Compliance, Art103_1d_AtRiskOnlyWithinTheWindowBeforeTheThreshold) {
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(ev::members_joined("2024-08-01"_d, 4)));
    EXPECT_EQ(severity("htx", below_minimum, "2025-06-01"_d), std::nullopt);  // two months before, minus a day
    EXPECT_EQ(severity("htx", below_minimum, "2025-06-02"_d), Severity::at_risk);
    compliance::CheckOptions wide;
    wide.at_risk_months = 6;
    EXPECT_EQ(severity("htx", below_minimum, "2025-02-01"_d, wide), std::nullopt);
    EXPECT_EQ(severity("htx", below_minimum, "2025-02-02"_d, wide), Severity::at_risk);
    compliance::CheckOptions none;
    none.at_risk_months = 0;
    EXPECT_EQ(severity("htx", below_minimum, "2025-08-01"_d, none), std::nullopt);
    EXPECT_EQ(severity("htx", below_minimum, "2025-08-02"_d, none), Severity::due);
}

TEST_F(Compliance, Art103_1d_CooperativeOfFiveIsCompliant) {
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(ev::members_joined("2024-08-01"_d, 5)));
    EXPECT_EQ(finding("htx", below_minimum, "2026-01-01"_d), std::nullopt);
}

TEST_F(Compliance, Art103_1d_OnlyOfficialMembersCount) {
    reg.add(cooperative("htx")
                .registered("2024-08-01"_d)
                .then(ev::members_joined("2024-08-01"_d, 4))
                .then(ev::members_joined("2024-08-01"_d, 3, MemberType::individual, MemberKind::non_capital_associate)));
    EXPECT_EQ(severity("htx", below_minimum, "2025-08-02"_d), Severity::due);
}

TEST_F(Compliance, Art103_1d_CuredBeforeTheThresholdLeavesNoFinding) {
    reg.add(cooperative("htx")
                .registered("2024-08-01"_d)
                .then(ev::members_joined("2024-08-01"_d, 4))
                .then(ev::members_joined("2025-06-15"_d, 1)));
    EXPECT_EQ(severity("htx", below_minimum, "2025-06-14"_d), Severity::at_risk);
    EXPECT_EQ(finding("htx", below_minimum, "2025-09-01"_d), std::nullopt);
    const auto periods = compliance::condition_periods(reg, reg.index_of("htx"), "2025-09-01"_d);
    ASSERT_GE(periods.size(), 1u);
    EXPECT_EQ(periods[0].rule, law::Rule::below_minimum_members);
    EXPECT_EQ(periods[0].began, "2024-08-01"_d);
    EXPECT_EQ(periods[0].until, "2025-06-14"_d);
}

TEST_F(Compliance, Art103_1d_MembersLeavingStartTheCountOnTheDayTheyLeave) {
    reg.add(cooperative("htx")
                .registered("2024-08-01"_d)
                .then(ev::members_joined("2024-08-01"_d, 6))
                .then(ev::members_left("2025-03-10"_d, 2)));
    EXPECT_EQ(finding("htx", below_minimum, "2026-03-10"_d)->severity, Severity::at_risk);
    const auto f = finding("htx", below_minimum, "2026-03-11"_d);
    EXPECT_EQ(f->severity, Severity::due);
    EXPECT_EQ(f->began, "2025-03-10"_d);
    EXPECT_EQ(f->counted_from, "2025-03-11"_d);
    EXPECT_EQ(f->threshold, "2026-03-11"_d);
}

TEST_F(Compliance, Art103_1d_UnionBelowThreeMemberCooperatives) {
    reg.add(union_of_cooperatives("lh")
                .registered("2024-08-01"_d)
                .then(ev::members_joined("2024-08-01"_d, 2, MemberType::cooperative)));
    reg.add(union_of_cooperatives("lh-3")
                .registered("2024-08-01"_d)
                .then(ev::members_joined("2024-08-01"_d, 3, MemberType::cooperative)));
    EXPECT_EQ(severity("lh", below_minimum, "2025-08-01"_d), Severity::at_risk);
    const auto f = finding("lh", below_minimum, "2025-08-02"_d);
    EXPECT_EQ(f->severity, Severity::due);
    EXPECT_EQ(f->limit, 3);
    EXPECT_EQ(finding("lh-3", below_minimum, "2026-01-01"_d), std::nullopt);
}

TEST_F(Compliance, Art103_1d_NoMemberDataIsNotJudged) {
    reg.add(cooperative("htx").registered("2024-08-01"_d));
    EXPECT_EQ(finding("htx", below_minimum, "2026-01-01"_d), std::nullopt);
}

TEST_F(Compliance, Art103_1d_AllMembersLeavingIsBelowTheMinimum) {
    reg.add(cooperative("htx")
                .registered("2024-08-01"_d)
                .then(ev::members_joined("2024-08-01"_d, 5))
                .then(ev::members_left("2024-09-02"_d, 5)));
    EXPECT_EQ(finding("htx", below_minimum, "2025-09-03"_d)->observed, 0.0);
}

// ---- 2012 Law Art 54.2b: below 7 members for 12 consecutive months, compulsory dissolution -----------------

TEST_F(Compliance, Art54_2b_2012CooperativeBelowSevenIsDueAfterTwelveMonths) {
    reg.add(cooperative("htx").registered("2022-03-01"_d).then(ev::members_joined("2022-03-01"_d, 6)));
    EXPECT_EQ(severity("htx", below_minimum, "2023-03-01"_d), Severity::at_risk);
    const auto f = finding("htx", below_minimum, "2023-03-02"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::due);
    EXPECT_EQ(f->threshold, "2023-03-02"_d);
    EXPECT_EQ(f->limit, 7);
    EXPECT_EQ(f->consequence, Consequence::compulsory_dissolution);
    EXPECT_EQ(f->legal_basis, "Law 23/2012/QH13 Art 54.2b");
    EXPECT_THAT(f->message, HasSubstr("ground for compulsory dissolution ordered by the People's Committee"));
}

// ---- Across 2024-07-01 ------------------------------------------------------------------------------------

TEST_F(Compliance, Art54_2b_Art103_1d_SixMembersBelowIn2023CompliantIn2025) {
    reg.add(cooperative("htx").registered("2023-01-02"_d).then(ev::members_joined("2023-01-02"_d, 6)));
    for (const auto& options : {compliance::CheckOptions{}, keep_start(), restart()}) {
        EXPECT_EQ(severity("htx", below_minimum, "2024-01-01"_d, options), Severity::at_risk);
        EXPECT_EQ(severity("htx", below_minimum, "2024-06-30"_d, options), Severity::due);
        EXPECT_EQ(finding("htx", below_minimum, "2024-07-01"_d, options), std::nullopt);
        EXPECT_EQ(finding("htx", below_minimum, "2025-06-30"_d, options), std::nullopt);
        const auto periods = compliance::condition_periods(reg, 0, "2025-06-30"_d, options.across_law_change);
        ASSERT_FALSE(periods.empty());
        EXPECT_EQ(periods[0].rule, law::Rule::below_minimum_members);
        EXPECT_EQ(periods[0].began, "2023-01-02"_d);
        EXPECT_EQ(periods[0].until, "2024-06-30"_d);  // the condition ends with the 2012 Law
        EXPECT_EQ(std::count_if(periods.begin(), periods.end(),
                                [](const auto& p) { return p.rule == law::Rule::below_minimum_members; }),
                  1);
    }
}

TEST_F(Compliance, Art54_2b_Art103_1d_FourMembersBelowUnderBothLawsKeepsItsCountByRule) {
    // 12 months under both Laws (Art 54.2b, Art 103.1d): the months served under the 2012 Law count.
    reg.add(cooperative("htx").registered("2023-01-02"_d).then(ev::members_joined("2023-01-02"_d, 4)));
    const auto old = finding("htx", below_minimum, "2024-06-30"_d);
    EXPECT_EQ(old->severity, Severity::due);
    EXPECT_EQ(old->consequence, Consequence::compulsory_dissolution);
    EXPECT_EQ(old->legal_basis, "Law 23/2012/QH13 Art 54.2b");
    for (const auto& options : {compliance::CheckOptions{}, keep_start()}) {
        const auto f = finding("htx", below_minimum, "2024-07-01"_d, options);
        ASSERT_TRUE(f);
        EXPECT_EQ(f->severity, Severity::due);
        EXPECT_EQ(f->counted_from, "2023-01-03"_d);
        EXPECT_EQ(f->threshold, "2024-01-03"_d);
        EXPECT_EQ(f->limit, 5);
        EXPECT_EQ(f->consequence, Consequence::revocation_ground);  // judged under the law of the check's date
        EXPECT_EQ(f->legal_basis, basis_2023_d);
        const auto periods = compliance::condition_periods(reg, 0, "2025-07-01"_d, options.across_law_change);
        EXPECT_EQ(periods[0].until, std::nullopt);
    }
}

TEST_F(Compliance, Art54_2b_Art103_1d_FourMembersBelowUnderBothLawsRestartsCountingOn20240701WhenAsked) {
    reg.add(cooperative("htx").registered("2023-01-02"_d).then(ev::members_joined("2023-01-02"_d, 4)));
    EXPECT_EQ(severity("htx", below_minimum, "2024-06-30"_d, restart()), Severity::due);
    // Counted again under the 2023 Law from its first day: nothing until the window before 2025-07-01.
    EXPECT_EQ(finding("htx", below_minimum, "2024-07-01"_d, restart()), std::nullopt);
    EXPECT_EQ(finding("htx", below_minimum, "2025-04-30"_d, restart()), std::nullopt);
    const auto risk = finding("htx", below_minimum, "2025-06-30"_d, restart());
    EXPECT_EQ(risk->severity, Severity::at_risk);
    EXPECT_EQ(risk->began, "2023-01-02"_d);
    EXPECT_EQ(risk->counted_from, "2024-07-01"_d);
    EXPECT_EQ(risk->threshold, "2025-07-01"_d);
    const auto due = finding("htx", below_minimum, "2025-07-01"_d, restart());
    EXPECT_EQ(due->severity, Severity::due);
    EXPECT_EQ(due->consequence, Consequence::revocation_ground);
    EXPECT_EQ(due->legal_basis, basis_2023_d);
    EXPECT_EQ(due->message,
              "4 official members, below the minimum of 5 since 2023-01-02 (counted from 2024-07-01, when a new law "
              "took effect); 12 months reached on 2025-07-01: ground for revoking the registration certificate, then "
              "compulsory dissolution");
    const auto periods = compliance::condition_periods(reg, 0, "2025-07-01"_d, AcrossLawChange::restart);
    ASSERT_GE(periods.size(), 2u);
    EXPECT_EQ(periods[0].until, "2024-06-30"_d);
    EXPECT_EQ(periods[1].counted_from, "2024-07-01"_d);
    EXPECT_EQ(periods[1].until, std::nullopt);
}

TEST_F(Compliance, CivilCode_MembersAndAssemblyGroundsFallDueOnTheSameCounting) {
    // Members fall below the minimum, and the last annual assembly is held, on the same day: both periods start
    // the next day (Civil Code Art 147.2) and end on the same day number (Art 148.3).
    reg.add(cooperative("members")
                .registered("2024-08-01"_d)
                .then(ev::members_joined("2024-08-01"_d, 7))
                .then(ev::annual_assembly("2025-03-15"_d))
                .then(ev::members_left("2025-03-15"_d, 3))
                .then(ev::annual_assembly("2026-03-10"_d)));
    reg.add(cooperative("assembly")
                .registered("2024-08-01"_d)
                .then(ev::members_joined("2024-08-01"_d, 7))
                .then(ev::annual_assembly("2025-03-15"_d)));
    const auto m = finding("members", below_minimum, "2026-03-16"_d);
    const auto a = finding("assembly", no_assembly, "2026-09-16"_d);
    ASSERT_TRUE(m && a);
    EXPECT_EQ(m->counted_from, "2025-03-16"_d);
    EXPECT_EQ(a->counted_from, "2025-03-16"_d);
    EXPECT_EQ(m->threshold, "2026-03-16"_d);  // 12 months end on 2026-03-15
    EXPECT_EQ(a->threshold, "2026-09-16"_d);  // 18 months end on 2026-09-15
    EXPECT_EQ(severity("members", below_minimum, "2026-03-15"_d), Severity::at_risk);
    EXPECT_EQ(severity("assembly", no_assembly, "2026-09-15"_d), Severity::at_risk);
}

TEST_F(Compliance, Art54_2b_AtRiskBeforeTheSwitchIsNotProjectedAcrossItWhenRestarting) {
    // Below 7 from 2023-09-01: 12 months would end on 2024-09-01, under the 2023 Law.
    reg.add(cooperative("htx").registered("2023-09-01"_d).then(ev::members_joined("2023-09-01"_d, 4)));
    auto restarted = restart();
    restarted.at_risk_months = 3;
    compliance::CheckOptions by_rule;
    by_rule.at_risk_months = 3;
    EXPECT_EQ(finding("htx", below_minimum, "2024-06-30"_d, restarted), std::nullopt);
    EXPECT_EQ(severity("htx", below_minimum, "2024-06-30"_d, by_rule), Severity::at_risk);
    EXPECT_EQ(finding("htx", below_minimum, "2024-06-30"_d, by_rule)->threshold, "2024-09-02"_d);
}

// ---- 2023 Law Art 103.1d with Art 30.7: foreign investors at 35 % of official members or more, 6 months ---

TEST_F(Compliance, Art103_1d_Art30_7_ForeignInvestorMembersOverTheLimitForSixMonths) {
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(cohort("2024-08-01"_d, 5, 2, 0)));
    EXPECT_EQ(severity("htx", foreign_members, "2025-02-01"_d), Severity::at_risk);
    const auto f = finding("htx", foreign_members, "2025-02-02"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::due);
    EXPECT_EQ(f->threshold, "2025-02-02"_d);
    EXPECT_EQ(f->months, 6);
    EXPECT_EQ(f->observed, 40.0);
    EXPECT_EQ(f->limit, 35);
    EXPECT_EQ(f->legal_basis, "Law 17/2023/QH15 Art 30.7, 103.1d; Decree 92/2024/NĐ-CP Art 53");
    // The limit is not what began on 2024-08-01: the share at or above it did.
    EXPECT_THAT(f->message, ::testing::StartsWith("since 2024-08-01 foreign investors have made up 35 % or more of the "
                                                  "official members (40 % now; the law requires less than 35 %); 6 "
                                                  "months reached on 2025-02-02"));
    EXPECT_THAT(f->message_vi, ::testing::StartsWith("từ ngày 01/08/2024 nhà đầu tư nước ngoài chiếm từ 35 % số thành "
                                                     "viên chính thức trở lên (hiện 40 %; luật yêu cầu dưới 35 %)"));
}

TEST_F(Compliance, Art30_7_ExactlyThirtyFivePercentIsOverAndBelowIsNot) {
    reg.add(cooperative("at").registered("2024-08-01"_d).then(cohort("2024-08-01"_d, 20, 7, 0)));
    reg.add(cooperative("below").registered("2024-08-01"_d).then(cohort("2024-08-01"_d, 3, 1, 0)));
    EXPECT_EQ(severity("at", foreign_members, "2025-02-02"_d), Severity::due);
    EXPECT_EQ(finding("below", foreign_members, "2025-02-02"_d), std::nullopt);
}

TEST_F(Compliance, Art30_7_NoForeignMemberLimitUnderThe2012Law) {
    reg.add(cooperative("htx").registered("2022-01-03"_d).then(cohort("2022-01-03"_d, 7, 5, 0)));
    EXPECT_EQ(finding("htx", foreign_members, "2024-06-30"_d), std::nullopt);
    // A new ground: counted from 2024-07-01, six months end on 2024-12-30 (the day number of 30 June).
    EXPECT_EQ(severity("htx", foreign_members, "2024-12-30"_d), Severity::at_risk);
    EXPECT_EQ(finding("htx", foreign_members, "2024-12-31"_d)->counted_from, "2024-07-01"_d);
    EXPECT_EQ(finding("htx", foreign_members, "2024-12-31"_d)->threshold, "2024-12-31"_d);
    EXPECT_EQ(severity("htx", foreign_members, "2024-12-31"_d), Severity::due);
}

// ---- 2023 Law Art 103.1đ with Art 74: capital contribution caps for 12 consecutive months -----------------

TEST_F(Compliance, Art103_1dd_Art74_OneOfficialMemberOverThirtyPercentOfACooperative) {
    reg.add(cooperative("htx")
                .member("big")
                .registered("2024-08-01"_d, 1'000'000)
                .then(ev::member_joined("2024-08-01"_d, "big", MemberKind::official, 310'000))
                .then(cohort("2024-08-01"_d, 4, 0, 690'000)));
    EXPECT_EQ(severity("htx", capital_official, "2025-08-01"_d), Severity::at_risk);
    const auto f = finding("htx", capital_official, "2025-08-02"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::due);
    EXPECT_EQ(f->observed, 31.0);
    EXPECT_EQ(f->limit, 30);
    EXPECT_EQ(f->legal_basis, basis_2023_capital);
    EXPECT_THAT(f->message, HasSubstr("one official member holds 31 % of the charter capital, above the cap of 30 %"));
    EXPECT_THAT(f->message_vi, HasSubstr("một thành viên chính thức góp 31 % vốn điều lệ, vượt mức tối đa 30 %"));
}

TEST_F(Compliance, Art74_ExactlyThirtyPercentIsWithinTheCap) {
    reg.add(cooperative("htx")
                .member("big")
                .registered("2024-08-01"_d, 1'000'000)
                .then(ev::member_joined("2024-08-01"_d, "big", MemberKind::official, 300'000))
                .then(cohort("2024-08-01"_d, 4, 0, 700'000)));
    EXPECT_EQ(finding("htx", capital_official, "2026-01-01"_d), std::nullopt);
}

TEST_F(Compliance, Art74_TheMemberLeavingCuresTheCapViolation) {
    reg.add(cooperative("htx")
                .member("big")
                .registered("2024-08-01"_d, 1'000'000)
                .then(ev::member_joined("2024-08-01"_d, "big", MemberKind::official, 400'000))
                .then(cohort("2024-08-01"_d, 5, 0, 600'000))
                .then(ev::member_left("2025-03-03"_d, "big")));
    EXPECT_EQ(finding("htx", capital_official, "2025-08-01"_d), std::nullopt);
    const auto periods = compliance::condition_periods(reg, 0, "2025-08-01"_d);
    ASSERT_FALSE(periods.empty());
    EXPECT_EQ(periods[0].rule, law::Rule::capital_share_official);
    EXPECT_EQ(periods[0].until, "2025-03-02"_d);
}

TEST_F(Compliance, AScanOfSomeRulesRecordsTheirPeriodsAsTheFullScanDoes) {
    // Over the members' cap, below the minimum of members, no annual assembly and a suspension notified a day
    // ahead: periods of four rules in the full scan.
    reg.add(cooperative("htx")
                .member("big")
                .registered("2024-08-01"_d, 1'000'000)
                .then(ev::member_joined("2024-08-01"_d, "big", MemberKind::official, 400'000))
                .then(cohort("2024-08-01"_d, 3, 0, 600'000))
                .then(Event{"2025-02-03"_d, Suspended{"2025-04-30"_d, "2025-01-31"_d}}));
    const law::LawCalendar calendar(reg.law());
    const auto i = reg.index_of("htx");
    auto scan = [&](compliance::RuleSet rules) {
        compliance::ConditionScan s(reg.law(), calendar, AcrossLawChange::by_rule, reg.organization(i), reg.members(i),
                                    rules);
        s.run(reg.log(i), "2026-03-01"_d);
        return std::pair{s.periods(), s.state()};
    };
    const auto [all, state] = scan(compliance::every_rule);
    const auto some_rules = compliance::rule_set({law::Rule::below_minimum_members, law::Rule::no_annual_assembly});
    const auto [some, some_state] = scan(some_rules);
    std::vector<compliance::ConditionPeriod> expected;
    std::copy_if(all.begin(), all.end(), std::back_inserter(expected),
                 [&](const auto& p) { return some_rules >> static_cast<unsigned>(p.rule) & 1u; });
    ASSERT_EQ(expected.size(), 2u);
    EXPECT_GT(all.size(), expected.size());
    ASSERT_EQ(some.size(), expected.size());
    for (std::size_t k = 0; k < some.size(); ++k) {
        EXPECT_EQ(some[k].rule, expected[k].rule);
        EXPECT_EQ(some[k].began, expected[k].began);
        EXPECT_EQ(some[k].counted_from, expected[k].counted_from);
        EXPECT_EQ(some[k].until, expected[k].until);
        EXPECT_EQ(some[k].observed, expected[k].observed);
        EXPECT_EQ(some[k].limit, expected[k].limit);
    }
    EXPECT_EQ(some_state.status, state.status);
    EXPECT_EQ(some_state.members, state.members);
}

TEST_F(Compliance, Art74_CohortsAreTakenToContributeEqually) {
    // 3 members contributing 1,000,000 together: 33.3 % each, over the cap; the charter capital is their total.
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(cohort("2024-08-01"_d, 3, 0, 1'000'000)));
    const auto f = finding("htx", capital_official, "2025-08-01"_d);
    ASSERT_TRUE(f);
    EXPECT_NEAR(*f->observed, 33.3333, 0.001);
    EXPECT_THAT(f->message, HasSubstr("holds 33.3 %"));
    EXPECT_THAT(f->message_vi, HasSubstr("góp 33,3 %"));
}

TEST_F(Compliance, Art74_UnionMemberCapIsFortyPercent) {
    reg.add(union_of_cooperatives("lh")
                .member("c1", MemberType::cooperative)
                .member("c2", MemberType::cooperative)
                .registered("2024-08-01"_d, 1'000)
                .then(ev::member_joined("2024-08-01"_d, "c1", MemberKind::official, 400))
                .then(ev::member_joined("2024-08-01"_d, "c2", MemberKind::official, 600)));
    const auto f = finding("lh", capital_official, "2025-08-01"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->observed, 60.0);
    EXPECT_EQ(f->limit, 40);
}

TEST_F(Compliance, Art74_CapitalAssociatesTogetherOverThirtyPercent) {
    reg.add(cooperative("htx")
                .registered("2024-08-01"_d, 1'000)
                .then(cohort("2024-08-01"_d, 5, 0, 650))
                .then(cohort("2024-08-01"_d, 2, 0, 350, MemberKind::capital_associate)));
    EXPECT_EQ(severity("htx", capital_associates, "2025-08-01"_d), Severity::at_risk);
    const auto f = finding("htx", capital_associates, "2025-08-02"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::due);
    EXPECT_EQ(f->observed, 35.0);
    EXPECT_EQ(f->limit, 30);
    EXPECT_EQ(f->legal_basis, basis_2023_capital);
}

TEST_F(Compliance, Art74_ForeignInvestorsCapitalOverThirtyPercent) {
    reg.add(cooperative("htx")
                .registered("2024-08-01"_d, 1'000)
                .then(cohort("2024-08-01"_d, 5, 0, 600))
                .then(cohort("2024-08-01"_d, 2, 2, 400, MemberKind::capital_associate)));
    EXPECT_EQ(severity("htx", capital_foreign, "2025-07-31"_d), Severity::at_risk);
    const auto f = finding("htx", capital_foreign, "2025-08-01"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->observed, 40.0);
    EXPECT_EQ(f->limit, 30);
}

TEST_F(Compliance, Art74_NoCapitalDataIsNotJudged) {
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(ev::members_joined("2024-08-01"_d, 5)));
    const auto all = compliance::check(reg, "2026-01-01"_d);
    for (const auto& f : all) EXPECT_THAT(f.rule, ::testing::Not(HasSubstr("capital")));
}

// ---- 2023 Law Art 103.1e, 2012 Law Art 54.2c: no annual assembly for 18 consecutive months ---------------

TEST_F(Compliance, Art103_1e_NoAnnualAssemblyForEighteenMonths) {
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(ev::annual_assembly("2024-09-10"_d)));
    EXPECT_EQ(severity("htx", no_assembly, "2026-03-10"_d), Severity::at_risk);
    const auto f = finding("htx", no_assembly, "2026-03-11"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::due);
    EXPECT_EQ(f->began, "2024-09-11"_d);
    EXPECT_EQ(f->threshold, "2026-03-11"_d);
    EXPECT_EQ(f->months, 18);
    EXPECT_EQ(f->legal_basis, "Law 17/2023/QH15 Art 103.1e; Decree 92/2024/NĐ-CP Art 53");
    EXPECT_EQ(f->observed, std::nullopt);
    EXPECT_EQ(f->message, "no annual general assembly since 2024-09-11; 18 months reached on 2026-03-11: ground for "
                          "revoking the registration certificate, then compulsory dissolution");
}

TEST_F(Compliance, Art103_1e_AnAnnualAssemblyCuresAndAnExtraordinaryOneDoesNot) {
    reg.add(cooperative("cured")
                .registered("2024-08-01"_d)
                .then(ev::annual_assembly("2024-09-10"_d))
                .then(ev::annual_assembly("2026-03-01"_d)));
    reg.add(cooperative("extra")
                .registered("2024-08-01"_d)
                .then(ev::annual_assembly("2024-09-10"_d))
                .then(Event{"2026-03-01"_d, AssemblyHeld{AssemblyKind::extraordinary}}));
    EXPECT_EQ(finding("cured", no_assembly, "2026-03-20"_d), std::nullopt);
    EXPECT_EQ(severity("extra", no_assembly, "2026-03-20"_d), Severity::due);
}

TEST_F(Compliance, Art103_1e_NeverHeldCountsFromRegistration) {
    reg.add(cooperative("htx").registered("2024-08-01"_d));
    EXPECT_EQ(severity("htx", no_assembly, "2026-02-01"_d), Severity::at_risk);
    EXPECT_EQ(finding("htx", no_assembly, "2026-02-02"_d)->began, "2024-08-01"_d);
    EXPECT_EQ(finding("htx", no_assembly, "2026-02-02"_d)->counted_from, "2024-08-02"_d);
    EXPECT_EQ(severity("htx", no_assembly, "2026-02-02"_d), Severity::due);
}

TEST_F(Compliance, Art54_2c_2012CooperativeWithoutAnnualAssemblyForEighteenMonths) {
    reg.add(cooperative("htx").registered("2021-01-04"_d));
    EXPECT_EQ(severity("htx", no_assembly, "2022-07-04"_d), Severity::at_risk);
    const auto f = finding("htx", no_assembly, "2022-07-05"_d);
    EXPECT_EQ(f->severity, Severity::due);
    EXPECT_EQ(f->consequence, Consequence::compulsory_dissolution);
    EXPECT_EQ(f->legal_basis, "Law 23/2012/QH13 Art 54.2c");
}

// ---- 2023 Law Art 103.1b, 2012 Law Art 54.2a: not operating more than 12 months without notice ------------

TEST_F(Compliance, Art103_1b_NotOperatingAtTheRegisteredAddressForMoreThanTwelveMonths) {
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(ev::address_flag_set("2024-09-02"_d)));
    // Flagged on 2024-09-02: 12 months from 2024-09-03 end on 2025-09-02; more than 12 months from 2025-09-03.
    EXPECT_EQ(severity("htx", not_operating, "2025-07-02"_d), std::nullopt);
    EXPECT_EQ(severity("htx", not_operating, "2025-07-03"_d), Severity::at_risk);
    EXPECT_EQ(severity("htx", not_operating, "2025-09-02"_d), Severity::at_risk);
    const auto f = finding("htx", not_operating, "2025-09-03"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::due);
    EXPECT_EQ(f->began, "2024-09-02"_d);
    EXPECT_EQ(f->threshold, "2025-09-03"_d);
    EXPECT_EQ(f->legal_basis, "Law 17/2023/QH15 Art 103.1b; Decree 92/2024/NĐ-CP Art 53");
    EXPECT_THAT(f->message, HasSubstr("not operating at its registered address (found by the tax authority)"));
}

TEST_F(Compliance, Art103_1b_ANotifiedSuspensionIsNotStoppingWithoutNotice) {
    reg.add(cooperative("htx")
                .registered("2024-08-01"_d)
                .then(ev::address_flag_set("2024-09-02"_d))
                .then(ev::suspended("2024-10-01"_d, "2025-03-31"_d)));
    EXPECT_EQ(finding("htx", not_operating, "2025-09-02"_d), std::nullopt);
    const auto f = finding("htx", not_operating, "2026-04-01"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->began, "2025-04-01"_d);  // the day after the notified suspension ran out
    EXPECT_EQ(f->counted_from, "2025-04-01"_d);  // no event that day: the notice ran out the day before
    EXPECT_EQ(f->severity, Severity::due);
}

TEST_F(Compliance, Art103_1b_ClearingTheFlagCures) {
    reg.add(cooperative("htx")
                .registered("2024-08-01"_d)
                .then(ev::address_flag_set("2024-09-02"_d))
                .then(ev::address_flag_cleared("2025-08-15"_d)));
    EXPECT_EQ(finding("htx", not_operating, "2025-09-02"_d), std::nullopt);
}

TEST_F(Compliance, Art54_2a_2012CooperativeNotOperatingForTwelveMonths) {
    reg.add(cooperative("htx").registered("2021-06-01"_d).then(ev::address_flag_set("2022-01-10"_d)));
    EXPECT_EQ(severity("htx", not_operating, "2023-01-10"_d), Severity::at_risk);
    const auto f = finding("htx", not_operating, "2023-01-11"_d);
    EXPECT_EQ(f->severity, Severity::due);
    EXPECT_EQ(f->consequence, Consequence::compulsory_dissolution);
    EXPECT_EQ(f->legal_basis, "Law 23/2012/QH13 Art 54.2a");
}

// ---- Decree 77/2019/NĐ-CP Art 14: a cooperative group with fewer than 2 members ----------------------------

TEST_F(Compliance, Decree77_Art14_GroupBelowTwoMembersMustTerminate) {
    reg.add(cooperative_group("tht")
                .registered("2024-08-01"_d)
                .then(ev::members_joined("2024-08-01"_d, 2))
                .then(ev::members_left("2024-10-01"_d, 1)));
    EXPECT_EQ(finding("tht", group_below, "2024-09-30"_d), std::nullopt);
    const auto f = finding("tht", group_below, "2024-10-01"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::due);
    EXPECT_EQ(f->threshold, "2024-10-01"_d);
    EXPECT_EQ(f->months, 0);
    EXPECT_EQ(f->consequence, Consequence::termination_ground);
    EXPECT_EQ(f->legal_basis, "Decree 77/2019/NĐ-CP Art 14; Law 17/2023/QH15 Art 4.21");
    EXPECT_EQ(f->message, "1 member, below the minimum of 2 for a cooperative group since 2024-10-01: ground for "
                          "terminating the cooperative group");
}

TEST_F(Compliance, Decree77_Art14_GroupRulesDoNotApplyToCooperativesNorCooperativeRulesToGroups) {
    reg.add(cooperative_group("tht").registered("2024-08-01"_d).then(ev::members_joined("2024-08-01"_d, 1)));
    const auto all = compliance::check(reg, "tht", "2027-01-01"_d);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].rule, group_below);
}

// ---- 2023 Law Art 57: the annual assembly within 4 months after the financial year -------------------------

TEST_F(Compliance, Art57_AnnualAssemblyOnTheLastDayIsInTime) {
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(ev::annual_assembly("2025-04-30"_d)));
    EXPECT_EQ(finding("htx", assembly_late, "2025-08-01"_d), std::nullopt);
}

TEST_F(Compliance, Art57_AnnualAssemblyHeldLateIsANotice) {
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(ev::annual_assembly("2025-05-02"_d)));
    const auto f = finding("htx", assembly_late, "2025-08-01"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::notice);
    EXPECT_EQ(f->consequence, Consequence::administrative_lapse);
    EXPECT_EQ(f->began, "2025-05-01"_d);
    EXPECT_EQ(f->threshold, "2025-05-01"_d);
    EXPECT_EQ(f->limit, 4);
    EXPECT_EQ(f->legal_basis, "Law 17/2023/QH15 Art 57");
    EXPECT_EQ(f->message, "the annual general assembly was due by 2025-04-30 (4 months after the financial year "
                          "ended); held late on 2025-05-02");
}

TEST_F(Compliance, Art57_AnnualAssemblyNotYetHeldIsANoticeFromTheDayAfterTheDeadline) {
    reg.add(cooperative("htx").registered("2024-08-01"_d));
    EXPECT_EQ(finding("htx", assembly_late, "2025-04-30"_d), std::nullopt);
    const auto f = finding("htx", assembly_late, "2025-05-01"_d);
    ASSERT_TRUE(f);
    EXPECT_THAT(f->message, HasSubstr("not held by 2025-05-01"));
}

TEST_F(Compliance, Art57_ALateAssemblyStaysANoticeForTwelveMonths) {
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(ev::annual_assembly("2025-05-02"_d)));
    EXPECT_TRUE(finding("htx", assembly_late, "2026-04-30"_d));
    compliance::CheckOptions short_window;
    short_window.notice_months = 1;
    EXPECT_TRUE(finding("htx", assembly_late, "2025-06-01"_d, short_window));
    EXPECT_FALSE(finding("htx", assembly_late, "2025-06-02"_d, short_window));
}

TEST_F(Compliance, Art31_1_2012AnnualAssemblyDeadlineOfThreeMonthsIsUnconfirmed) {
    reg.add(cooperative("htx").registered("2022-08-01"_d));
    const auto f = finding("htx", assembly_late, "2023-04-01"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->limit, 3);
    EXPECT_EQ(f->legal_basis, "Law 23/2012/QH13 Art 31.1 (UNCONFIRMED)");
}

// ---- 2023 Law Art 96.1, Decree 92/2024/NĐ-CP Art 47.1 and 62.1: suspension notice 3 working days ahead -----
// A suspension from Thursday 2025-03-13: the notice is due by Monday 2025-03-10.

TEST_F(Compliance, Art96_1_NoticeThreeWorkingDaysAheadIsInTime) {
    reg.add(cooperative("htx")
                .registered("2024-08-01"_d)
                .then(Event{"2025-03-13"_d, Suspended{"2025-06-30"_d, "2025-03-10"_d}}));
    EXPECT_EQ(finding("htx", notice_late, "2025-03-20"_d), std::nullopt);
}

TEST_F(Compliance, Art96_1_NoticeTwoWorkingDaysAheadIsANotice) {
    reg.add(cooperative("htx")
                .registered("2024-08-01"_d)
                .then(Event{"2025-03-13"_d, Suspended{"2025-06-30"_d, "2025-03-11"_d}}));
    const auto f = finding("htx", notice_late, "2025-03-20"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::notice);
    EXPECT_EQ(f->began, "2025-03-11"_d);
    EXPECT_EQ(f->observed, 2.0);
    EXPECT_EQ(f->limit, 3);
    EXPECT_EQ(f->legal_basis, "Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47.1");
    EXPECT_EQ(f->message, "the suspension from 2025-03-13 was notified on 2025-03-11, 2 working days ahead; at least 3 "
                          "are required");
    EXPECT_EQ(f->message_vi, "thông báo tạm ngừng kinh doanh từ ngày 13/03/2025 nhận ngày 11/03/2025, trước 2 ngày làm "
                             "việc; phải trước ít nhất 3 ngày làm việc");
    EXPECT_TRUE(finding("htx", notice_late, "2026-03-10"_d));
    EXPECT_FALSE(finding("htx", notice_late, "2026-03-11"_d));  // 12 months after the lapse ended
}

TEST_F(Compliance, Art96_1_WeekendsAreNotWorkingDays) {
    // From Monday 2025-03-17: due by Wednesday 2025-03-12; Thursday is late (Thu, Fri: 2 working days).
    reg.add(cooperative("ok").registered("2024-08-01"_d).then(Event{"2025-03-17"_d, Suspended{"2025-06-30"_d, "2025-03-12"_d}}));
    reg.add(cooperative("late").registered("2024-08-01"_d).then(Event{"2025-03-17"_d, Suspended{"2025-06-30"_d, "2025-03-13"_d}}));
    EXPECT_FALSE(finding("ok", notice_late, "2025-03-20"_d));
    EXPECT_EQ(finding("late", notice_late, "2025-03-20"_d)->observed, 2.0);
}

TEST_F(Compliance, Art96_1_NoNoticeDateIsNotJudged) {
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(ev::suspended("2025-03-13"_d, "2025-06-30"_d)));
    EXPECT_FALSE(finding("htx", notice_late, "2025-03-20"_d));
}

TEST_F(Compliance, Decree92_Art62_1_GroupSuspensionOfFifteenDaysOrMoreNeedsNotice) {
    reg.add(cooperative_group("long").registered("2024-08-01"_d).then(Event{"2025-03-13"_d, Suspended{"2025-03-27"_d, "2025-03-12"_d}}));
    reg.add(cooperative_group("short").registered("2024-08-01"_d).then(Event{"2025-03-13"_d, Suspended{"2025-03-26"_d, "2025-03-12"_d}}));
    const auto f = finding("long", group_notice_late, "2025-04-01"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->observed, 1.0);
    EXPECT_EQ(f->legal_basis, "Decree 92/2024/NĐ-CP Art 62.1");
    EXPECT_FALSE(finding("short", group_notice_late, "2025-04-01"_d));  // 14 days
}

// ---- The check as a whole ---------------------------------------------------------------------------------

TEST_F(Compliance, OnlyActiveOrSuspendedOrganisationsHaveFindings) {
    reg.add(cooperative("dissolving")
                .registered("2024-08-01"_d)
                .then(ev::members_joined("2024-08-01"_d, 3))
                .then(ev::dissolution_resolved("2025-01-06"_d, 70)));
    reg.add(cooperative("later").registered("2026-01-05"_d).then(ev::members_joined("2026-01-05"_d, 3)));
    EXPECT_TRUE(compliance::check(reg, "2026-01-01"_d).empty());
}

TEST_F(Compliance, AConditionEndsWhenTheOrganisationLeavesActiveOrSuspended) {
    reg.add(cooperative("htx")
                .registered("2024-08-01"_d)
                .then(ev::members_joined("2024-08-01"_d, 3))
                .then(ev::tax_revocation("2025-01-06"_d))
                .then(ev::revocation_withdrawn("2025-02-03"_d)));
    const auto f = finding("htx", below_minimum, "2026-01-01"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->began, "2025-02-03"_d);
    EXPECT_EQ(f->severity, Severity::at_risk);
}

TEST_F(Compliance, FindingsAreOrderedByOrganisationThenRule) {
    reg.add(cooperative("b").registered("2024-08-01"_d).then(ev::members_joined("2024-08-01"_d, 2)));
    reg.add(cooperative("a").registered("2024-08-01"_d).then(ev::members_joined("2024-08-01"_d, 2)));
    const auto all = compliance::check(reg, "2026-06-01"_d);
    std::vector<std::string> seen;
    for (const auto& f : all) seen.push_back(f.organization + " " + f.rule);
    EXPECT_EQ(seen, (std::vector<std::string>{"b compliance.below_minimum_members", "b compliance.no_annual_assembly",
                                              "b compliance.annual_assembly_late", "a compliance.below_minimum_members",
                                              "a compliance.no_annual_assembly", "a compliance.annual_assembly_late"}));
    EXPECT_EQ(compliance::check(reg, "2026-06-01"_d), all);
    EXPECT_TRUE(compliance::any_due(all));
}

TEST_F(Compliance, MinimumSeverityLeavesOutLesserFindings) {
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(ev::members_joined("2024-08-01"_d, 4)));
    compliance::CheckOptions due_only;
    due_only.minimum = Severity::due;
    compliance::CheckOptions from_risk;
    from_risk.minimum = Severity::at_risk;
    EXPECT_EQ(compliance::check(reg, "2025-07-01"_d, due_only).size(), 0u);
    EXPECT_EQ(compliance::check(reg, "2025-07-01"_d, from_risk).size(), 1u);  // below minimum at risk; the late assembly left out
    EXPECT_EQ(compliance::check(reg, "2025-07-01"_d).size(), 2u);
}

TEST_F(Compliance, BadOptionsAndUnknownOrganisationsAreErrors) {
    reg.add(cooperative("htx").registered("2024-08-01"_d));
    compliance::CheckOptions bad;
    bad.at_risk_months = -1;
    try {
        compliance::check(reg, "2025-01-01"_d, bad);
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::usage);
        EXPECT_STREQ(e.what(), "at_risk_months must be from 0 to 1200, not -1");
    }
    try {
        compliance::check(reg, "nope", "2025-01-01"_d);
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::unknown_name);
        EXPECT_EQ(e.problems().front().organization, "nope");
    }
}

TEST_F(Compliance, TheFindingsAreTheSameOnAnyNumberOfThreads) {
    std::vector<OrganizationRecord> records;
    for (int i = 0; i < 10'000; ++i) {
        const Date on = Date::from_days(19'000 + i % 1'000);
        records.push_back(cooperative("htx-" + std::to_string(i)).registered(on).then(ev::members_joined(on, 3 + i % 4)));
    }
    reg.add(std::move(records));
    compliance::CheckOptions one, three;
    one.threads = 1;
    three.threads = 3;
    const auto serial = compliance::check(reg, "2026-01-01"_d, one);
    EXPECT_GT(serial.size(), 10'000u);
    EXPECT_EQ(compliance::check(reg, "2026-01-01"_d, three), serial);
    EXPECT_EQ(compliance::check(reg, "2026-01-01"_d), serial);
}

TEST_F(Compliance, TheLastRepresentableDayIsChecked) {
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(ev::members_joined("2024-08-01"_d, 4)));
    EXPECT_EQ(severity("htx", below_minimum, Date::max()), Severity::due);
}

TEST_F(Compliance, AGroupConvertedIntoACooperativeIsJudgedAsACooperative) {
    reg.add(cooperative_group("tht")
                .registered("2024-08-01"_d)
                .then(ev::members_joined("2024-08-01"_d, 4))
                .then(ev::converted_to_cooperative("2025-09-01"_d, 4)));
    EXPECT_EQ(finding("tht", group_below, "2025-10-01"_d), std::nullopt);
    EXPECT_EQ(severity("tht", below_minimum, "2026-09-01"_d), Severity::at_risk);
    const auto f = finding("tht", below_minimum, "2026-09-02"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->began, "2025-09-01"_d);
    EXPECT_EQ(f->severity, Severity::due);
}

TEST_F(Compliance, AReformOfTheMinimumFrom2026AppliesFromItsDate) {
    law::Reform reform;
    reform.title = "seven members again";
    reform.parameters[law::Param::min_members_cooperative] = {
        Dated<std::int64_t>{"2026-01-01"_d, std::nullopt, 7, "hypothetical reform", false}};
    reg = Registry(std::make_shared<const law::Framework>(law::apply(*law::vietnam(), reform)), vietnam_areas());
    reg.add(cooperative("htx").registered("2024-08-01"_d).then(ev::members_joined("2024-08-01"_d, 6)));
    EXPECT_EQ(finding("htx", below_minimum, "2025-12-31"_d), std::nullopt);
    EXPECT_EQ(finding("htx", below_minimum, "2026-10-31"_d), std::nullopt);
    EXPECT_EQ(severity("htx", below_minimum, "2026-11-01"_d), Severity::at_risk);
    const auto f = finding("htx", below_minimum, "2027-01-01"_d);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::due);
    EXPECT_EQ(f->began, "2026-01-01"_d);
    EXPECT_EQ(f->limit, 7);
    EXPECT_EQ(f->threshold, "2027-01-01"_d);
}

}  // namespace
