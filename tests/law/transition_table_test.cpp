// Every row of law::transitions, allowed and refused, through the registry: an allowed event is checked by the
// row that allows it and the state before and after; a refused one by its exact problem (code, organisation,
// event, date, rule, legal basis in force on that date in data/law/vn-cooperatives.json) and by the registry
// being exactly as it was. docs/transition-table.md names the tests of each row.

#include <support/builders.hpp>
#include <support/registry_checks.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/mp11/algorithm.hpp>

#include <array>
#include <string>

namespace {

using namespace coopecon;
using namespace coopecon::test;
using ::testing::HasSubstr;

class TransitionTable : public ::testing::Test {
protected:
    // A cooperative, a group and a union registered under the 2023 Law; htx-2 is a counterpart for reorganisations.
    void SetUp() override {
        reg.add(std::vector<OrganizationRecord>{
            cooperative("htx-1").registered("2024-08-01"_d),
            cooperative("htx-2").registered("2024-08-01"_d),
            cooperative_group("tht-1").registered("2024-08-01"_d),
            union_of_cooperatives("lh-1").member("c1", MemberType::cooperative).member("p1", MemberType::legal_entity)
                .registered("2024-08-01"_d),
        });
    }
    // A cooperative registered under the 2012 Law.
    void add_2012_cooperative() { reg.add(cooperative("htx-old").registered("2020-03-02"_d)); }

    OrgState at(std::string_view id, Date d) const { return reg.state_at(id, d); }

    Registry reg = registry();
};

// ---- T1, G1: registration ------------------------------------------------------------------------------

TEST_F(TransitionTable, T1_RegistrationMakesACooperativeOrUnionActive) {
    for (const char* id : {"htx-1", "lh-1"}) {
        const auto before = at(id, "2024-07-31"_d);
        EXPECT_FALSE(before.registered);
        EXPECT_EQ(law::decide(before, ev::registered("2024-08-01"_d), reg.law()).rule->id, "T1");
        const auto after = at(id, "2024-08-01"_d);
        EXPECT_TRUE(after.registered);
        EXPECT_EQ(after.status, LegalStatus::active);
        EXPECT_EQ(after.registered_on, "2024-08-01"_d);
        EXPECT_EQ(after.status_since, "2024-08-01"_d);
    }
}

TEST_F(TransitionTable, T1_SecondRegistrationIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::registered("2024-09-02"_d))),
              (Refusal{.organization = "htx-1", .event = "registered",
                       .date = "2024-09-02"_d, .rule = "integrity.single_registration",
                       .legal_basis = "", .code = ErrorCode::integrity}));
}

TEST_F(TransitionTable, G1_RegistrationMakesACooperativeGroupActive) {
    const auto before = at("tht-1", "2024-07-31"_d);
    EXPECT_FALSE(before.registered);
    EXPECT_EQ(before.kind, OrgKind::cooperative_group);
    EXPECT_EQ(law::decide(before, ev::registered("2024-08-01"_d), reg.law()).rule->id, "G1");
    const auto after = at("tht-1", "2024-08-01"_d);
    EXPECT_EQ(after.status, LegalStatus::active);
    EXPECT_EQ(after.status_since, "2024-08-01"_d);
}

TEST_F(TransitionTable, G1_SecondRegistrationOfAGroupIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "tht-1", ev::registered("2024-09-02"_d))),
              (Refusal{.organization = "tht-1", .event = "registered",
                       .date = "2024-09-02"_d, .rule = "integrity.single_registration",
                       .legal_basis = "", .code = ErrorCode::integrity}));
}

// ---- T2, T3, T4: suspension, extension, resumption -------------------------------------------------------
// One notice covers at most 12 months from 2024-07-01: from 2024-09-02 the last day allowed is 2025-09-01.

TEST_F(TransitionTable, T2_SuspensionOfTwelveMonthsMinusADayIsAllowedUnder2023Law) {
    allowed(reg, "htx-1", ev::suspended("2024-09-02"_d, "2025-08-31"_d), "T2");
    EXPECT_EQ(at("htx-1", "2024-09-01"_d).status, LegalStatus::active);
    const auto s = at("htx-1", "2024-09-02"_d);
    EXPECT_EQ(s.status, LegalStatus::suspended);
    EXPECT_EQ(s.status_since, "2024-09-02"_d);
    EXPECT_EQ(s.suspended_until, "2025-08-31"_d);
}

TEST_F(TransitionTable, T2_SuspensionOfExactlyTwelveMonthsIsAllowedUnder2023Law) {
    allowed(reg, "htx-1", ev::suspended("2024-09-02"_d, "2025-09-01"_d), "T2");
    EXPECT_EQ(at("htx-1", "2025-09-01"_d).status, LegalStatus::suspended);
    EXPECT_EQ(at("htx-1", "2025-09-02"_d).status, LegalStatus::active);
}

TEST_F(TransitionTable, T2_SuspensionOfTwelveMonthsPlusADayIsRefusedUnder2023Law) {
    const auto p = refused(reg, "htx-1", ev::suspended("2024-09-02"_d, "2025-09-02"_d));
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "htx-1", .event = "suspended", .date = "2024-09-02"_d,
                                      .rule = "T2",
                                      .legal_basis = "Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47"}));
    EXPECT_THAT(p.message, HasSubstr("the latest end allowed is 2025-09-01"));
}

TEST_F(TransitionTable, T2_SuspensionOfTwelveMonthsPlusADayIsAllowedIn2023Under2012Law) {
    add_2012_cooperative();
    allowed(reg, "htx-old", ev::suspended("2023-09-01"_d, "2024-09-01"_d), "T2");
    EXPECT_EQ(at("htx-old", "2024-09-01"_d).status, LegalStatus::suspended);
    const auto s = at("htx-old", "2024-09-02"_d);
    EXPECT_EQ(s.status, LegalStatus::active);
    EXPECT_EQ(s.status_since, "2024-09-02"_d);
}

TEST_F(TransitionTable, T2_SuspensionRunsOutByItselfTheDayAfterUntil) {
    allowed(reg, "htx-1", ev::suspended("2024-09-02"_d, "2024-11-30"_d), "T2");
    const auto last_day = at("htx-1", "2024-11-30"_d);
    EXPECT_EQ(last_day.status, LegalStatus::suspended);
    EXPECT_EQ(last_day.status_since, "2024-09-02"_d);
    const auto after = at("htx-1", "2024-12-01"_d);
    EXPECT_EQ(after.status, LegalStatus::active);
    EXPECT_EQ(after.status_since, "2024-12-01"_d);
    EXPECT_EQ(after.suspended_until, std::nullopt);
    // A later notice is a new suspension (T2), not an extension (T3).
    allowed(reg, "htx-1", ev::suspended("2024-12-02"_d, "2025-01-31"_d), "T2");
    EXPECT_EQ(at("htx-1", "2024-12-02"_d).status_since, "2024-12-02"_d);
}

TEST_F(TransitionTable, T2_SuspensionEndingBeforeItStartsIsRefused) {
    const auto p = refused(reg, "htx-1", ev::suspended("2024-09-02"_d, "2024-09-01"_d));
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "htx-1", .event = "suspended", .date = "2024-09-02"_d,
                                      .rule = "T2",
                                      .legal_basis = "Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47"}));
}

TEST_F(TransitionTable, T2_SuspensionInDissolutionIsRefused) {
    reg.append("htx-1", ev::dissolution_resolved("2024-09-02"_d, 65));
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::suspended("2024-10-01"_d, "2024-12-31"_d))),
              (Refusal{.organization = "htx-1", .event = "suspended", .date = "2024-10-01"_d, .rule = "T2",
                       .legal_basis = "Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47"}));
}

TEST_F(TransitionTable, T3_NoticeWhileSuspendedExtendsTheSuspension) {
    reg.append("htx-1", ev::suspended("2024-09-02"_d, "2024-12-31"_d));
    allowed(reg, "htx-1", ev::suspended("2024-12-02"_d, "2025-12-01"_d), "T3");
    const auto s = at("htx-1", "2025-01-01"_d);
    EXPECT_EQ(s.status, LegalStatus::suspended);
    EXPECT_EQ(s.status_since, "2024-09-02"_d);  // one suspension, extended
    EXPECT_EQ(s.suspended_until, "2025-12-01"_d);
    const auto after = at("htx-1", "2025-12-02"_d);
    EXPECT_EQ(after.status, LegalStatus::active);
    EXPECT_EQ(after.status_since, "2025-12-02"_d);
}

TEST_F(TransitionTable, T3_ExtensionOfTwelveMonthsPlusADayIsRefused) {
    reg.append("htx-1", ev::suspended("2024-09-02"_d, "2024-12-31"_d));
    const auto p = refused(reg, "htx-1", ev::suspended("2024-12-02"_d, "2025-12-02"_d));
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "htx-1", .event = "suspended", .date = "2024-12-02"_d,
                                      .rule = "T3", .legal_basis = "Decree 92/2024/NĐ-CP Art 47.1"}));
    EXPECT_THAT(p.message, HasSubstr("the latest end allowed is 2025-12-01"));
}

TEST_F(TransitionTable, T4_ResumptionBeforeTheNotifiedEndMakesItActive) {
    reg.append("htx-1", ev::suspended("2024-09-02"_d, "2025-09-01"_d));
    allowed(reg, "htx-1", ev::resumed("2025-02-03"_d), "T4");
    EXPECT_EQ(at("htx-1", "2025-02-02"_d).status, LegalStatus::suspended);
    const auto s = at("htx-1", "2025-02-03"_d);
    EXPECT_EQ(s.status, LegalStatus::active);
    EXPECT_EQ(s.status_since, "2025-02-03"_d);
    EXPECT_EQ(s.suspended_until, std::nullopt);
    EXPECT_EQ(at("htx-1", "2025-09-02"_d).status_since, "2025-02-03"_d);
}

TEST_F(TransitionTable, T4_ResumingAnActiveCooperativeIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::resumed("2024-10-01"_d))),
              (Refusal{.organization = "htx-1", .event = "resumed", .date = "2024-10-01"_d, .rule = "T4",
                       .legal_basis = "Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47"}));
}

// ---- G2, G3, G4: a cooperative group's suspension ---------------------------------------------------------

TEST_F(TransitionTable, G2_GroupSuspensionOfExactlyTwelveMonthsIsAllowed) {
    allowed(reg, "tht-1", ev::suspended("2024-09-02"_d, "2025-09-01"_d), "G2");
    const auto s = at("tht-1", "2024-09-02"_d);
    EXPECT_EQ(s.status, LegalStatus::suspended);
    EXPECT_EQ(s.status_since, "2024-09-02"_d);
    EXPECT_EQ(at("tht-1", "2025-09-02"_d).status, LegalStatus::active);
}

TEST_F(TransitionTable, G2_GroupSuspensionOfTwelveMonthsPlusADayIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "tht-1", ev::suspended("2024-09-02"_d, "2025-09-02"_d))),
              (Refusal{.organization = "tht-1", .event = "suspended", .date = "2024-09-02"_d, .rule = "G2",
                       .legal_basis = "Decree 92/2024/NĐ-CP Art 62.1"}));
}

TEST_F(TransitionTable, G3_GroupSuspensionExtended) {
    reg.append("tht-1", ev::suspended("2024-09-02"_d, "2024-12-31"_d));
    allowed(reg, "tht-1", ev::suspended("2024-12-02"_d, "2025-12-01"_d), "G3");
    const auto s = at("tht-1", "2025-12-01"_d);
    EXPECT_EQ(s.status, LegalStatus::suspended);
    EXPECT_EQ(s.status_since, "2024-09-02"_d);
}

TEST_F(TransitionTable, G3_GroupExtensionOfTwelveMonthsPlusADayIsRefused) {
    reg.append("tht-1", ev::suspended("2024-09-02"_d, "2024-12-31"_d));
    EXPECT_EQ(refusal_of(refused(reg, "tht-1", ev::suspended("2024-12-02"_d, "2025-12-02"_d))),
              (Refusal{.organization = "tht-1", .event = "suspended", .date = "2024-12-02"_d, .rule = "G3",
                       .legal_basis = "Decree 92/2024/NĐ-CP Art 62.1"}));
}

TEST_F(TransitionTable, G4_GroupResumes) {
    reg.append("tht-1", ev::suspended("2024-09-02"_d, "2025-09-01"_d));
    allowed(reg, "tht-1", ev::resumed("2025-02-03"_d), "G4");
    const auto s = at("tht-1", "2025-02-03"_d);
    EXPECT_EQ(s.status, LegalStatus::active);
    EXPECT_EQ(s.status_since, "2025-02-03"_d);
}

TEST_F(TransitionTable, G4_ResumingAnActiveGroupIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "tht-1", ev::resumed("2024-10-01"_d))),
              (Refusal{.organization = "tht-1", .event = "resumed", .date = "2024-10-01"_d, .rule = "G4",
                       .legal_basis = "Decree 92/2024/NĐ-CP Art 62.1"}));
}

// ---- T5: a business line suspended ------------------------------------------------------------------------

TEST_F(TransitionTable, T5_BusinessLineSuspensionLeavesTheStatusUnchanged) {
    allowed(reg, "htx-1", ev::business_line_suspended("2024-09-02"_d), "T5");
    const auto active = at("htx-1", "2024-09-02"_d);
    EXPECT_EQ(active.status, LegalStatus::active);
    EXPECT_EQ(active.status_since, "2024-08-01"_d);

    reg.append("htx-1", ev::suspended("2024-10-01"_d, "2024-12-31"_d));
    allowed(reg, "htx-1", ev::business_line_suspended("2024-11-04"_d), "T5");
    const auto suspended = at("htx-1", "2024-11-04"_d);
    EXPECT_EQ(suspended.status, LegalStatus::suspended);
    EXPECT_EQ(suspended.status_since, "2024-10-01"_d);
}

TEST_F(TransitionTable, T5_BusinessLineSuspensionInDissolutionIsRefused) {
    reg.append("htx-1", ev::dissolution_resolved("2024-09-02"_d, 65));
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::business_line_suspended("2024-10-01"_d))),
              (Refusal{.organization = "htx-1", .event = "business_line_suspended", .date = "2024-10-01"_d,
                       .rule = "T5", .legal_basis = "Law 17/2023/QH15 Art 96.2; Decree 92/2024/NĐ-CP Art 48"}));
}

TEST_F(TransitionTable, T5_BusinessLineSuspensionOfAGroupIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "tht-1", ev::business_line_suspended("2024-10-01"_d))),
              (Refusal{.organization = "tht-1", .event = "business_line_suspended", .date = "2024-10-01"_d,
                       .rule = "transition_table", .legal_basis = ""}));
}

// ---- T6, G6: voluntary dissolution resolved ----------------------------------------------------------------

TEST_F(TransitionTable, T6_DissolutionResolvedBy65PercentIsAllowedUnder2023Law) {
    allowed(reg, "htx-1", ev::dissolution_resolved("2024-09-02"_d, 65), "T6");
    EXPECT_EQ(at("htx-1", "2024-09-01"_d).status, LegalStatus::active);
    const auto s = at("htx-1", "2024-09-02"_d);
    EXPECT_EQ(s.status, LegalStatus::in_dissolution);
    EXPECT_EQ(s.status_since, "2024-09-02"_d);
    EXPECT_EQ(s.restore_to, LegalStatus::active);
    EXPECT_EQ(s.dissolution, DissolutionTrack::voluntary);
}

TEST_F(TransitionTable, T6_DissolutionResolvedBy64PercentIsRefusedUnder2023Law) {
    const auto p = refused(reg, "htx-1", ev::dissolution_resolved("2024-09-02"_d, 64));
    EXPECT_EQ(refusal_of(p),
              (Refusal{.organization = "htx-1", .event = "dissolution_resolved", .date = "2024-09-02"_d,
                       .rule = "T6", .legal_basis = "Law 17/2023/QH15 Art 61.2d, 98; Decree 92/2024/NĐ-CP Art 50.1"}));
    EXPECT_THAT(p.message, HasSubstr("below the 65 % required"));
}

TEST_F(TransitionTable, T6_DissolutionResolvedBy75PercentIsAllowedUnder2012Law) {
    add_2012_cooperative();
    allowed(reg, "htx-old", ev::dissolution_resolved("2023-06-01"_d, 75), "T6");
    EXPECT_EQ(at("htx-old", "2023-06-01"_d).status, LegalStatus::in_dissolution);
}

TEST_F(TransitionTable, T6_DissolutionResolvedBy74PercentIsRefusedUnder2012Law) {
    add_2012_cooperative();
    const auto p = refused(reg, "htx-old", ev::dissolution_resolved("2023-06-01"_d, 74));
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "htx-old", .event = "dissolution_resolved",
                                      .date = "2023-06-01"_d, .rule = "T6",
                                      .legal_basis = "Law 23/2012/QH13 Art 54.1"}));
    EXPECT_THAT(p.message, HasSubstr("below the 75 % required"));
}

TEST_F(TransitionTable, G6_GroupTerminationAgreedByAllMembersIsAllowed) {
    allowed(reg, "tht-1", ev::dissolution_resolved("2024-09-02"_d, 100), "G6");
    const auto s = at("tht-1", "2024-09-02"_d);
    EXPECT_EQ(s.status, LegalStatus::in_dissolution);
    EXPECT_EQ(s.status_since, "2024-09-02"_d);
    EXPECT_EQ(s.restore_to, LegalStatus::active);
}

TEST_F(TransitionTable, G6_GroupTerminationAgreedBy99PercentIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "tht-1", ev::dissolution_resolved("2024-09-02"_d, 99))),
              (Refusal{.organization = "tht-1", .event = "dissolution_resolved", .date = "2024-09-02"_d,
                       .rule = "G6", .legal_basis = "Decree 77/2019/NĐ-CP Art 14; Decree 92/2024/NĐ-CP Art 63"}));
}

// ---- T7, T8, T9: completing or cancelling a voluntary dissolution ----------------------------------------
// Resolved on 2024-09-02: the 6 months run to 2025-03-02, when it may lapse and can no longer be cancelled.

TEST_F(TransitionTable, T7_VoluntaryDissolutionCompletedOnTheDossier) {
    reg.append("htx-1", ev::dissolution_resolved("2024-09-02"_d, 65));
    allowed(reg, "htx-1", ev::dissolution_completed("2024-10-01"_d), "T7");
    EXPECT_EQ(at("htx-1", "2024-09-30"_d).status, LegalStatus::in_dissolution);
    const auto s = at("htx-1", "2024-10-01"_d);
    EXPECT_EQ(s.status, LegalStatus::terminated);
    EXPECT_EQ(s.status_since, "2024-10-01"_d);
}

TEST_F(TransitionTable, T7_CompletingADissolutionNeverResolvedIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::dissolution_completed("2024-10-01"_d))),
              (Refusal{.organization = "htx-1", .event = "dissolution_completed", .date = "2024-10-01"_d,
                       .rule = "T7",
                       .legal_basis = "Law 17/2023/QH15 Art 98.6–7; Decree 92/2024/NĐ-CP Art 50.2–4"}));
}

// Resolved (received by the office) on 2024-09-02: the six months run from 2024-09-03 to the end of 2025-03-02
// (Civil Code Art 147.2, 148.3), and the replay terminates the cooperative on 2025-03-03 with no event.

TEST_F(TransitionTable, T8_TheReplayTerminatesByLapseOnTheDayAfterSixMonths) {
    reg.append("htx-1", ev::dissolution_resolved("2024-09-02"_d, 65));
    EXPECT_EQ(at("htx-1", "2024-09-02"_d).lapses_on, "2025-03-03"_d);
    EXPECT_EQ(at("htx-1", "2025-03-02"_d).status, LegalStatus::in_dissolution);
    const auto s = at("htx-1", "2025-03-03"_d);
    EXPECT_EQ(s.status, LegalStatus::terminated);
    EXPECT_EQ(s.status_since, "2025-03-03"_d);
    EXPECT_EQ(s.ended_by, Ending::dissolution);
    EXPECT_EQ(reg.snapshot("2025-03-03"_d).status[*reg.find("htx-1")], LegalStatus::terminated);
}

TEST_F(TransitionTable, T8_ARecordOfTheLapseOnOrAfterItsDayIsKeptAndChangesNothing) {
    reg.append("htx-1", ev::dissolution_resolved("2024-09-02"_d, 65));
    reg.append("htx-1", ev::dissolution_lapsed("2025-03-10"_d));
    EXPECT_EQ(reg.event_count(), 6u);
    const auto s = at("htx-1", "2025-03-10"_d);
    EXPECT_EQ(s.status, LegalStatus::terminated);
    EXPECT_EQ(s.status_since, "2025-03-03"_d);
    // Anything else after the termination is refused.
    EXPECT_EQ(refused(reg, "htx-1", ev::dissolution_completed("2025-03-11"_d)).rule, "integrity.after_termination");
}

TEST_F(TransitionTable, T8_ARecordOfTheLapseOnTheLastDayOfTheSixMonthsIsRefused) {
    reg.append("htx-1", ev::dissolution_resolved("2024-09-02"_d, 65));
    const auto p = refused(reg, "htx-1", ev::dissolution_lapsed("2025-03-02"_d));
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "htx-1", .event = "dissolution_completed",
                                      .date = "2025-03-02"_d, .rule = "T8",
                                      .legal_basis = "Law 17/2023/QH15 Art 98.7b; Decree 92/2024/NĐ-CP Art 50.5"}));
    EXPECT_THAT(p.message, HasSubstr("so not before 2025-03-03"));
}

TEST_F(TransitionTable, T8_UnderThe2012LawTheLapseCountsFrom20240701) {
    // The 2012 Law had no lapse: six months from the 2023 Law's first day end on 2024-12-30.
    add_2012_cooperative();
    reg.append("htx-old", ev::dissolution_resolved("2023-06-01"_d, 80));
    EXPECT_EQ(at("htx-old", "2024-12-30"_d).status, LegalStatus::in_dissolution);
    EXPECT_EQ(at("htx-old", "2024-12-31"_d).status, LegalStatus::terminated);
    const auto p = refused(reg, "htx-old", ev::dissolution_lapsed("2024-01-15"_d));
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "htx-old", .event = "dissolution_completed",
                                      .date = "2024-01-15"_d, .rule = "T8", .legal_basis = ""}));
    EXPECT_THAT(p.message, HasSubstr("so not before 2024-12-31"));
}

TEST_F(TransitionTable, T9_CancellingInsideTheWindowRestoresActive) {
    reg.append("htx-1", ev::dissolution_resolved("2024-09-02"_d, 65));
    allowed(reg, "htx-1", ev::dissolution_cancelled("2025-03-01"_d), "T9");
    EXPECT_EQ(at("htx-1", "2025-02-28"_d).status, LegalStatus::in_dissolution);
    const auto s = at("htx-1", "2025-03-01"_d);
    EXPECT_EQ(s.status, LegalStatus::active);
    EXPECT_EQ(s.status_since, "2025-03-01"_d);
    EXPECT_EQ(s.dissolution, DissolutionTrack::none);
}

TEST_F(TransitionTable, T9_CancellingInsideTheWindowRestoresSuspended) {
    reg.append("htx-1", ev::suspended("2024-09-02"_d, "2025-09-01"_d));
    reg.append("htx-1", ev::dissolution_resolved("2024-10-01"_d, 65));
    EXPECT_EQ(at("htx-1", "2024-10-01"_d).restore_to, LegalStatus::suspended);
    allowed(reg, "htx-1", ev::dissolution_cancelled("2024-11-04"_d), "T9");
    const auto s = at("htx-1", "2024-11-04"_d);
    EXPECT_EQ(s.status, LegalStatus::suspended);
    EXPECT_EQ(s.status_since, "2024-11-04"_d);
    EXPECT_EQ(s.suspended_until, "2025-09-01"_d);  // the notice still runs to its end
    EXPECT_EQ(at("htx-1", "2025-09-01"_d).status, LegalStatus::suspended);
    const auto after = at("htx-1", "2025-09-02"_d);
    EXPECT_EQ(after.status, LegalStatus::active);
    EXPECT_EQ(after.status_since, "2025-09-02"_d);
}

TEST_F(TransitionTable, T9_CancellingAfterTheSuspensionRanOutRestoresActive) {
    reg.append("htx-1", ev::suspended("2024-09-02"_d, "2024-12-31"_d));
    reg.append("htx-1", ev::dissolution_resolved("2024-10-01"_d, 65));
    allowed(reg, "htx-1", ev::dissolution_cancelled("2025-02-03"_d), "T9");
    const auto s = at("htx-1", "2025-02-03"_d);
    EXPECT_EQ(s.status, LegalStatus::active);
    EXPECT_EQ(s.status_since, "2025-02-03"_d);
    EXPECT_EQ(s.suspended_until, std::nullopt);
}

TEST_F(TransitionTable, T9_CancellingOnTheLastDayOfTheSixMonthsRestoresActive) {
    reg.append("htx-1", ev::dissolution_resolved("2024-09-02"_d, 65));
    allowed(reg, "htx-1", ev::dissolution_cancelled("2025-03-02"_d), "T9");
    EXPECT_EQ(at("htx-1", "2025-03-03"_d).status, LegalStatus::active);
}

TEST_F(TransitionTable, T9_CancellingAfterTheSixMonthsIsRefused) {
    // The window is judged with a history that stops before the lapse: the guard alone.
    OrgState s = at("htx-1", "2024-08-01"_d);
    s.status = LegalStatus::in_dissolution;
    s.status_since = "2024-09-02"_d;
    s.dissolution = DissolutionTrack::voluntary;
    const auto d = law::decide(s, ev::dissolution_cancelled("2025-03-03"_d), reg.law());
    ASSERT_FALSE(d);
    EXPECT_EQ(d.refusal->rule, "T9");
    EXPECT_THAT(d.refusal->message, HasSubstr("only until 2025-03-02"));
}

TEST_F(TransitionTable, T9_CancellingACourtOrderedDissolutionIsRefused) {
    reg.append("htx-1", ev::court_dissolution("2024-09-02"_d));
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::dissolution_cancelled("2024-10-01"_d))),
              (Refusal{.organization = "htx-1", .event = "dissolution_cancelled", .date = "2024-10-01"_d,
                       .rule = "T9", .legal_basis = "Decree 92/2024/NĐ-CP Art 50.6"}));
}

// ---- G7, G8: a group's termination completed ----------------------------------------------------------------
// Agreed on 2024-09-02: it lapses after 3 months, on 2024-12-02.

TEST_F(TransitionTable, G7_GroupTerminationCompletedOnTheDossier) {
    reg.append("tht-1", ev::dissolution_resolved("2024-09-02"_d, 100));
    allowed(reg, "tht-1", ev::dissolution_completed("2024-10-01"_d), "G7");
    const auto s = at("tht-1", "2024-10-01"_d);
    EXPECT_EQ(s.status, LegalStatus::terminated);
    EXPECT_EQ(s.status_since, "2024-10-01"_d);
}

TEST_F(TransitionTable, G7_CompletingTheTerminationOfAnActiveGroupIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "tht-1", ev::dissolution_completed("2024-10-01"_d))),
              (Refusal{.organization = "tht-1", .event = "dissolution_completed", .date = "2024-10-01"_d,
                       .rule = "G7", .legal_basis = "Decree 92/2024/NĐ-CP Art 63"}));
}

TEST_F(TransitionTable, G8_GroupTerminationLapsesOnTheDayAfterThreeMonths) {
    reg.append("tht-1", ev::dissolution_resolved("2024-09-02"_d, 100));
    EXPECT_EQ(at("tht-1", "2024-12-02"_d).status, LegalStatus::in_dissolution);
    const auto s = at("tht-1", "2024-12-03"_d);
    EXPECT_EQ(s.status, LegalStatus::terminated);
    EXPECT_EQ(s.status_since, "2024-12-03"_d);
}

TEST_F(TransitionTable, G8_ARecordOfTheLapseOnTheLastDayOfTheThreeMonthsIsRefused) {
    reg.append("tht-1", ev::dissolution_resolved("2024-09-02"_d, 100));
    const auto p = refused(reg, "tht-1", ev::dissolution_lapsed("2024-12-02"_d));
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "tht-1", .event = "dissolution_completed",
                                      .date = "2024-12-02"_d, .rule = "G8",
                                      .legal_basis = "Decree 92/2024/NĐ-CP Art 63"}));
    EXPECT_THAT(p.message, HasSubstr("so not before 2024-12-03"));
}

// ---- T10, G10, T11, G11, T12: compulsory dissolution -------------------------------------------------------

TEST_F(TransitionTable, T10_RevocationStartsACompulsoryDissolution) {
    allowed(reg, "htx-1", ev::registration_revoked("2024-09-02"_d), "T10");
    const auto s = at("htx-1", "2024-09-02"_d);
    EXPECT_EQ(s.status, LegalStatus::in_dissolution);
    EXPECT_EQ(s.status_since, "2024-09-02"_d);
    EXPECT_EQ(s.dissolution, DissolutionTrack::revocation);
    EXPECT_EQ(s.restore_to, LegalStatus::active);
}

TEST_F(TransitionTable, T10_RevokingACooperativeInDissolutionIsRefused) {
    reg.append("htx-1", ev::dissolution_resolved("2024-09-02"_d, 65));
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::registration_revoked("2024-10-01"_d))),
              (Refusal{.organization = "htx-1", .event = "registration_revoked", .date = "2024-10-01"_d,
                       .rule = "T10",
                       .legal_basis = "Law 17/2023/QH15 Art 99, 103; Decree 92/2024/NĐ-CP Art 51, 53"}));
}

TEST_F(TransitionTable, G10_GroupRegistrationRevoked) {
    allowed(reg, "tht-1", ev::registration_revoked("2024-09-02"_d), "G10");
    const auto s = at("tht-1", "2024-09-02"_d);
    EXPECT_EQ(s.status, LegalStatus::in_dissolution);
    EXPECT_EQ(s.dissolution, DissolutionTrack::revocation);
}

TEST_F(TransitionTable, G10_RevokingAGroupInTerminationIsRefused) {
    reg.append("tht-1", ev::dissolution_resolved("2024-09-02"_d, 100));
    EXPECT_EQ(refusal_of(refused(reg, "tht-1", ev::registration_revoked("2024-10-01"_d))),
              (Refusal{.organization = "tht-1", .event = "registration_revoked", .date = "2024-10-01"_d,
                       .rule = "G10", .legal_basis = "Decree 92/2024/NĐ-CP Art 64"}));
}

TEST_F(TransitionTable, T11_CourtOrdersDissolution) {
    allowed(reg, "htx-1", ev::court_dissolution("2025-01-06"_d), "T11");
    const auto s = at("htx-1", "2025-01-06"_d);
    EXPECT_EQ(s.status, LegalStatus::in_dissolution);
    EXPECT_EQ(s.status_since, "2025-01-06"_d);
    EXPECT_EQ(s.dissolution, DissolutionTrack::court_or_authority);
}

TEST_F(TransitionTable, T11_CourtOrdersDissolutionOfACooperativeRevokedForTax) {
    reg.append("htx-1", ev::tax_revocation("2024-09-02"_d));
    allowed(reg, "htx-1", ev::court_dissolution("2024-10-01"_d), "T11");
    EXPECT_EQ(at("htx-1", "2024-10-01"_d).status, LegalStatus::in_dissolution);
}

TEST_F(TransitionTable, T11_PeoplesCommitteeOrderIsAllowedIn2023) {
    add_2012_cooperative();
    allowed(reg, "htx-old", ev::authority_dissolution("2023-06-01"_d), "T11");
    const auto s = at("htx-old", "2023-06-01"_d);
    EXPECT_EQ(s.status, LegalStatus::in_dissolution);
    EXPECT_EQ(s.dissolution, DissolutionTrack::court_or_authority);
}

TEST_F(TransitionTable, T11_PeoplesCommitteeOrderIsRefusedIn2025) {
    const auto p = refused(reg, "htx-1", ev::authority_dissolution("2025-01-06"_d));
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "htx-1", .event = "dissolution_resolved",
                                      .date = "2025-01-06"_d, .rule = "T11",
                                      .legal_basis = "Law 17/2023/QH15 Art 97.1b, 99"}));
    EXPECT_THAT(p.message, HasSubstr("no administrative authority may order a dissolution"));
}

TEST_F(TransitionTable, G11_AuthorityTerminatesAGroup) {
    allowed(reg, "tht-1", ev::authority_dissolution("2025-01-06"_d), "G11");
    const auto s = at("tht-1", "2025-01-06"_d);
    EXPECT_EQ(s.status, LegalStatus::in_dissolution);
    EXPECT_EQ(s.dissolution, DissolutionTrack::court_or_authority);
}

TEST_F(TransitionTable, G11_TerminatingAGroupAlreadyInTerminationIsRefused) {
    reg.append("tht-1", ev::dissolution_resolved("2024-09-02"_d, 100));
    EXPECT_EQ(refusal_of(refused(reg, "tht-1", ev::court_dissolution("2024-10-01"_d))),
              (Refusal{.organization = "tht-1", .event = "dissolution_resolved", .date = "2024-10-01"_d,
                       .rule = "G11", .legal_basis = "Decree 77/2019/NĐ-CP Art 14"}));
}

TEST_F(TransitionTable, T12_CourtOrderedDissolutionCompletedOnTheDossier) {
    reg.append("htx-1", ev::court_dissolution("2024-09-02"_d));
    allowed(reg, "htx-1", ev::dissolution_completed("2024-09-16"_d), "T12");
    const auto s = at("htx-1", "2024-09-16"_d);
    EXPECT_EQ(s.status, LegalStatus::terminated);
    EXPECT_EQ(s.status_since, "2024-09-16"_d);
}

TEST_F(TransitionTable, T12_DissolutionAfterRevocationLapsesOnTheDayAfterSixMonths) {
    reg.append("htx-1", ev::registration_revoked("2024-09-02"_d));
    EXPECT_EQ(at("htx-1", "2025-03-02"_d).status, LegalStatus::in_dissolution);
    const auto s = at("htx-1", "2025-03-03"_d);
    EXPECT_EQ(s.status, LegalStatus::terminated);
    EXPECT_EQ(s.status_since, "2025-03-03"_d);
}

TEST_F(TransitionTable, T12_ARecordOfTheLapseOnTheLastDayOfTheSixMonthsIsRefused) {
    reg.append("htx-1", ev::registration_revoked("2024-09-02"_d));
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::dissolution_lapsed("2025-03-02"_d))),
              (Refusal{.organization = "htx-1", .event = "dissolution_completed", .date = "2025-03-02"_d,
                       .rule = "T12",
                       .legal_basis = "Law 17/2023/QH15 Art 99.3; Decree 92/2024/NĐ-CP Art 51.2–3"}));
}

// ---- T13, T14: revocation for tax enforcement, withdrawal ----------------------------------------------------

TEST_F(TransitionTable, T13_TaxEnforcementRevocationWithoutDissolution) {
    allowed(reg, "htx-1", ev::tax_revocation("2024-09-02"_d), "T13");
    const auto s = at("htx-1", "2024-09-02"_d);
    EXPECT_EQ(s.status, LegalStatus::revoked_tax_enforcement);
    EXPECT_EQ(s.status_since, "2024-09-02"_d);
    EXPECT_EQ(s.restore_to, LegalStatus::active);
    EXPECT_EQ(s.dissolution, DissolutionTrack::none);
}

TEST_F(TransitionTable, T13_TaxRevocationOfAGroup) {
    allowed(reg, "tht-1", ev::tax_revocation("2024-09-02"_d), "T13");
    EXPECT_EQ(at("tht-1", "2024-09-02"_d).status, LegalStatus::revoked_tax_enforcement);
}

TEST_F(TransitionTable, T13_TaxRevocationTwiceIsRefused) {
    reg.append("htx-1", ev::tax_revocation("2024-09-02"_d));
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::tax_revocation("2024-10-01"_d))),
              (Refusal{.organization = "htx-1", .event = "registration_revoked", .date = "2024-10-01"_d,
                       .rule = "T13", .legal_basis = "Decree 92/2024/NĐ-CP Art 27.2, 53.5"}));
}

TEST_F(TransitionTable, T14_WithdrawingATaxRevocationRestoresTheSuspension) {
    reg.append("htx-1", ev::suspended("2024-09-02"_d, "2025-09-01"_d));
    reg.append("htx-1", ev::tax_revocation("2024-10-01"_d));
    EXPECT_EQ(at("htx-1", "2024-10-01"_d).restore_to, LegalStatus::suspended);
    allowed(reg, "htx-1", ev::revocation_withdrawn("2024-11-04"_d), "T14");
    const auto s = at("htx-1", "2024-11-04"_d);
    EXPECT_EQ(s.status, LegalStatus::suspended);
    EXPECT_EQ(s.status_since, "2024-11-04"_d);
    const auto after = at("htx-1", "2025-09-02"_d);
    EXPECT_EQ(after.status, LegalStatus::active);
    EXPECT_EQ(after.status_since, "2025-09-02"_d);
}

TEST_F(TransitionTable, T14_WithdrawingARevocationEndsTheCompulsoryDissolution) {
    reg.append("htx-1", ev::registration_revoked("2024-09-02"_d));
    allowed(reg, "htx-1", ev::revocation_withdrawn("2024-10-01"_d), "T14");
    const auto s = at("htx-1", "2024-10-01"_d);
    EXPECT_EQ(s.status, LegalStatus::active);
    EXPECT_EQ(s.status_since, "2024-10-01"_d);
    EXPECT_EQ(s.dissolution, DissolutionTrack::none);
}

TEST_F(TransitionTable, T14_WithdrawingWithoutARevocationIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::revocation_withdrawn("2024-10-01"_d))),
              (Refusal{.organization = "htx-1", .event = "revocation_withdrawn", .date = "2024-10-01"_d,
                       .rule = "T14", .legal_basis = "Decree 92/2024/NĐ-CP Art 56"}));
}

TEST_F(TransitionTable, T14_WithdrawingACourtOrderedDissolutionIsRefused) {
    reg.append("htx-1", ev::court_dissolution("2024-09-02"_d));
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::revocation_withdrawn("2024-10-01"_d))),
              (Refusal{.organization = "htx-1", .event = "revocation_withdrawn", .date = "2024-10-01"_d,
                       .rule = "T14", .legal_basis = "Decree 92/2024/NĐ-CP Art 56"}));
}

// ---- T15, T16: reorganisation ---------------------------------------------------------------------------------

TEST_F(TransitionTable, T15_ConsolidationResolvedPutsTheCooperativeInReorganisation) {
    allowed(reg, "htx-1", ev::reorganization_started("2024-09-02"_d, ReorganizationForm::consolidation, 70, {"htx-2"}),
            "T15");
    const auto s = at("htx-1", "2024-09-02"_d);
    EXPECT_EQ(s.status, LegalStatus::in_reorganization);
    EXPECT_EQ(s.status_since, "2024-09-02"_d);
    EXPECT_EQ(s.reorganization, ReorganizationForm::consolidation);
}

TEST_F(TransitionTable, T15_SplitOffResolvedLeavesTheCooperativeActive) {
    allowed(reg, "htx-1", ev::reorganization_started("2024-09-02"_d, ReorganizationForm::split_off, 65), "T15");
    const auto s = at("htx-1", "2024-09-02"_d);
    EXPECT_EQ(s.status, LegalStatus::active);
    EXPECT_EQ(s.status_since, "2024-08-01"_d);
    EXPECT_EQ(s.reorganization, std::nullopt);
}

TEST_F(TransitionTable, T15_ReorganisationResolvedBy64PercentIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::reorganization_started("2024-09-02"_d,
                                                                          ReorganizationForm::division, 64))),
              (Refusal{.organization = "htx-1", .event = "reorganization_started", .date = "2024-09-02"_d,
                       .rule = "T15", .legal_basis = "Law 17/2023/QH15 Art 92–95; Decree 92/2024/NĐ-CP Art 52.1"}));
}

TEST_F(TransitionTable, T15_SplitOffInDissolutionIsRefused) {
    reg.append("htx-1", ev::dissolution_resolved("2024-09-02"_d, 65));
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::reorganization_started("2024-10-01"_d,
                                                                          ReorganizationForm::split_off, 80))),
              (Refusal{.organization = "htx-1", .event = "reorganization_started", .date = "2024-10-01"_d,
                       .rule = "T15", .legal_basis = "Law 17/2023/QH15 Art 92–95; Decree 92/2024/NĐ-CP Art 52.1"}));
}

TEST_F(TransitionTable, T15_ReorganisingAGroupIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "tht-1", ev::reorganization_started("2024-09-02"_d,
                                                                          ReorganizationForm::division, 100))),
              (Refusal{.organization = "tht-1", .event = "reorganization_started", .date = "2024-09-02"_d,
                       .rule = "transition_table", .legal_basis = ""}));
}

TEST_F(TransitionTable, T16_ConsolidationCompletedTerminatesTheCooperative) {
    reg.append("htx-1", ev::reorganization_started("2024-09-02"_d, ReorganizationForm::consolidation, 70, {"htx-2"}));
    // The new organisation is not in this registry, so the completion names none (docs/legal-rules.md,
    // "Reorganisations across organisations").
    allowed(reg, "htx-1", ev::reorganization_completed("2024-11-04"_d, ReorganizationForm::consolidation), "T16");
    const auto s = at("htx-1", "2024-11-04"_d);
    EXPECT_EQ(s.status, LegalStatus::terminated);
    EXPECT_EQ(s.status_since, "2024-11-04"_d);
    EXPECT_EQ(s.reorganization, std::nullopt);
}

TEST_F(TransitionTable, T16_CompletingADifferentFormThanStartedIsRefused) {
    reg.append("htx-1", ev::reorganization_started("2024-09-02"_d, ReorganizationForm::consolidation, 70, {"htx-2"}));
    const auto p =
        refused(reg, "htx-1", ev::reorganization_completed("2024-11-04"_d, ReorganizationForm::merger_into, {"htx-2"}));
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "htx-1", .event = "reorganization_completed",
                                      .date = "2024-11-04"_d, .rule = "T16",
                                      .legal_basis = "Decree 92/2024/NĐ-CP Art 52.2"}));
    EXPECT_THAT(p.message, HasSubstr("the reorganisation under way is a consolidation, not a merger_into"));
}

TEST_F(TransitionTable, T16_SplitOffCompletedLeavesTheCooperativeActive) {
    reg.append("htx-1", ev::reorganization_started("2024-09-02"_d, ReorganizationForm::split_off, 65));
    allowed(reg, "htx-1", ev::reorganization_completed("2024-11-04"_d, ReorganizationForm::split_off), "T16");
    const auto s = at("htx-1", "2024-11-04"_d);
    EXPECT_EQ(s.status, LegalStatus::active);
    EXPECT_EQ(s.status_since, "2024-08-01"_d);
}

TEST_F(TransitionTable, T16_CompletingASplitOffDuringAConsolidationIsRefused) {
    reg.append("htx-1", ev::reorganization_started("2024-09-02"_d, ReorganizationForm::consolidation, 70, {"htx-2"}));
    EXPECT_EQ(refusal_of(refused(reg, "htx-1",
                                 ev::reorganization_completed("2024-11-04"_d, ReorganizationForm::split_off))),
              (Refusal{.organization = "htx-1", .event = "reorganization_completed", .date = "2024-11-04"_d,
                       .rule = "T16", .legal_basis = "Decree 92/2024/NĐ-CP Art 52.2"}));
}

// ---- T17: bankruptcy ---------------------------------------------------------------------------------------------

TEST_F(TransitionTable, T17_BankruptcyOpenedDuringDissolution) {
    reg.append("htx-1", ev::dissolution_resolved("2024-09-02"_d, 65));
    allowed(reg, "htx-1", ev::bankruptcy_opened("2024-10-01"_d), "T17");
    const auto s = at("htx-1", "2024-10-01"_d);
    EXPECT_EQ(s.status, LegalStatus::in_bankruptcy);
    EXPECT_EQ(s.status_since, "2024-10-01"_d);
}

TEST_F(TransitionTable, T17_BankruptcyDeclaredTerminatesTheCooperative) {
    reg.append("htx-1", ev::bankruptcy_opened("2024-10-01"_d));
    allowed(reg, "htx-1", ev::bankruptcy_declared("2025-01-06"_d), "T17");
    EXPECT_EQ(at("htx-1", "2025-01-05"_d).status, LegalStatus::in_bankruptcy);
    const auto s = at("htx-1", "2025-01-06"_d);
    EXPECT_EQ(s.status, LegalStatus::terminated);
    EXPECT_EQ(s.status_since, "2025-01-06"_d);
}

TEST_F(TransitionTable, T17_BankruptcyOfACooperativeGroupIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "tht-1", ev::bankruptcy_opened("2024-10-01"_d))),
              (Refusal{.organization = "tht-1", .event = "bankruptcy_opened", .date = "2024-10-01"_d,
                       .rule = "transition_table", .legal_basis = ""}));
}

TEST_F(TransitionTable, T17_OpeningBankruptcyTwiceIsRefused) {
    reg.append("htx-1", ev::bankruptcy_opened("2024-10-01"_d));
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::bankruptcy_opened("2024-11-04"_d))),
              (Refusal{.organization = "htx-1", .event = "bankruptcy_opened", .date = "2024-11-04"_d,
                       .rule = "T17", .legal_basis = "Law 17/2023/QH15 Art 102; Decree 92/2024/NĐ-CP Art 57"}));
}

TEST_F(TransitionTable, T17_DeclaringBankruptcyWithoutProceedingsIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::bankruptcy_declared("2024-10-01"_d))),
              (Refusal{.organization = "htx-1", .event = "bankruptcy_declared", .date = "2024-10-01"_d,
                       .rule = "T17", .legal_basis = "Law 17/2023/QH15 Art 102; Decree 92/2024/NĐ-CP Art 57"}));
}

// ---- T18: not operating at the registered address --------------------------------------------------------------

TEST_F(TransitionTable, T18_NotAtAddressFlagSetAndClearedLeavesTheStatus) {
    allowed(reg, "htx-1", ev::address_flag_set("2024-09-02"_d), "T18");
    const auto flagged = at("htx-1", "2024-09-02"_d);
    EXPECT_TRUE(flagged.not_at_address);
    EXPECT_EQ(flagged.status, LegalStatus::active);
    EXPECT_EQ(flagged.status_since, "2024-08-01"_d);
    allowed(reg, "htx-1", ev::address_flag_cleared("2024-10-01"_d), "T18");
    EXPECT_FALSE(at("htx-1", "2024-10-01"_d).not_at_address);
    EXPECT_TRUE(at("htx-1", "2024-09-30"_d).not_at_address);
}

TEST_F(TransitionTable, T18_SettingTheFlagTwiceIsRefused) {
    reg.append("htx-1", ev::address_flag_set("2024-09-02"_d));
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::address_flag_set("2024-10-01"_d))),
              (Refusal{.organization = "htx-1", .event = "address_flag_set", .date = "2024-10-01"_d, .rule = "T18",
                       .legal_basis = "Decree 92/2024/NĐ-CP Art 27.6"}));
}

TEST_F(TransitionTable, T18_ClearingAFlagThatIsNotSetIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::address_flag_cleared("2024-10-01"_d))),
              (Refusal{.organization = "htx-1", .event = "address_flag_cleared", .date = "2024-10-01"_d,
                       .rule = "T18", .legal_basis = "Decree 92/2024/NĐ-CP Art 27.6"}));
}

TEST_F(TransitionTable, T18_SettingTheFlagInDissolutionIsRefused) {
    reg.append("htx-1", ev::dissolution_resolved("2024-09-02"_d, 65));
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::address_flag_set("2024-10-01"_d))),
              (Refusal{.organization = "htx-1", .event = "address_flag_set", .date = "2024-10-01"_d, .rule = "T18",
                       .legal_basis = "Decree 92/2024/NĐ-CP Art 27.6"}));
}

// ---- C1: a cooperative group becomes a cooperative ---------------------------------------------------------------
// tht-c registered on 2023-09-15 with 5 members: its twelve months end on 2024-09-15 and it may convert from
// 2024-09-16, with all 5 agreeing.

class Conversion : public TransitionTable {
protected:
    void SetUp() override {
        TransitionTable::SetUp();
        reg.add(cooperative_group("tht-c").registered("2023-09-15"_d).then(ev::members_joined("2023-09-15"_d, 5)));
    }
};

TEST_F(Conversion, C1_GroupConvertsOnTheDayAfterTwelveMonthsFromRegistration) {
    allowed(reg, "tht-c", ev::converted_to_cooperative("2024-09-16"_d, 5), "C1");
    EXPECT_EQ(at("tht-c", "2024-09-15"_d).kind, OrgKind::cooperative_group);
    const auto s = at("tht-c", "2024-09-16"_d);
    EXPECT_EQ(s.kind, OrgKind::cooperative);
    EXPECT_EQ(s.status, LegalStatus::active);
    EXPECT_EQ(s.status_since, "2023-09-15"_d);
    EXPECT_EQ(reg.snapshot("2024-09-16"_d).kind[*reg.find("tht-c")], OrgKind::cooperative);
    // From now on the cooperative rows apply.
    allowed(reg, "tht-c", ev::suspended("2024-10-01"_d, "2025-09-30"_d), "T2");
}

TEST_F(Conversion, C1_ConversionBefore2024_07_01IsRefused) {
    const auto p = refused(reg, "tht-c", ev::converted_to_cooperative("2024-06-28"_d, 5));
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "tht-c", .event = "converted_to_cooperative",
                                      .date = "2024-06-28"_d, .rule = "C1", .legal_basis = ""}));
    EXPECT_THAT(p.message, HasSubstr("not provided for by the law in force on 2024-06-28"));
}

TEST_F(Conversion, C1_ConversionOnTheLastDayOfTheTwelveMonthsIsRefused) {
    const auto p = refused(reg, "tht-c", ev::converted_to_cooperative("2024-09-15"_d, 5));
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "tht-c", .event = "converted_to_cooperative",
                                      .date = "2024-09-15"_d, .rule = "C1",
                                      .legal_basis = "Law 17/2023/QH15 Art 108; Decree 92/2024/NĐ-CP Art 61"}));
    EXPECT_THAT(p.message, HasSubstr("it may convert from 2024-09-16"));
}

TEST_F(Conversion, C1_ConversionWithoutEveryMembersConsentIsRefused) {
    const auto p = refused(reg, "tht-c", ev::converted_to_cooperative("2024-09-16"_d, 4));
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "tht-c", .event = "converted_to_cooperative",
                                      .date = "2024-09-16"_d, .rule = "C1",
                                      .legal_basis = "Law 17/2023/QH15 Art 108; Decree 92/2024/NĐ-CP Art 61"}));
    EXPECT_THAT(p.message, HasSubstr("4 of 5 members agreed; 100 % must agree"));
}

TEST_F(Conversion, C1_AConversionMustSayHowManyMembersAgreed) {
    const auto p = refused(reg, "tht-c", ev::converted_to_cooperative("2024-09-16"_d, std::nullopt));
    EXPECT_EQ(p.rule, "C1");
    EXPECT_THAT(p.message, HasSubstr("consenting_members is needed: 100 % of the members must agree"));
}

TEST_F(Conversion, C1_ConvertingACooperativeIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::converted_to_cooperative("2025-09-01"_d, 5))),
              (Refusal{.organization = "htx-1", .event = "converted_to_cooperative", .date = "2025-09-01"_d,
                       .rule = "transition_table", .legal_basis = ""}));
}

// ---- record.*: events that change figures, not the status ----------------------------------------------------------

TEST_F(TransitionTable, Record_NamedMembersJoinAndLeave) {
    reg.add(cooperative("htx-m").member("m1").member("m2", MemberType::household).registered("2024-08-01"_d));
    allowed(reg, "htx-m", ev::member_joined("2024-08-01"_d, "m1", MemberKind::official, 10'000'000), "record.members");
    allowed(reg, "htx-m", ev::member_joined("2024-08-01"_d, "m2"), "record.members");
    allowed(reg, "htx-m", ev::member_left("2024-10-01"_d, "m1"), "record.members");
    const auto before = at("htx-m", "2024-09-30"_d);
    EXPECT_EQ(before.members.official(), 2);
    EXPECT_EQ(before.members.capital_official, 10'000'000);
    const auto after = at("htx-m", "2024-10-01"_d);
    EXPECT_EQ(after.members.official(), 1);
    EXPECT_EQ(after.members.of(MemberType::household), 1);
    EXPECT_EQ(after.members.of(MemberType::individual), 0);
    EXPECT_EQ(after.members.capital_official, 0);
    EXPECT_EQ(after.status, LegalStatus::active);
    EXPECT_EQ(after.status_since, "2024-08-01"_d);
}

TEST_F(TransitionTable, Record_MemberCohortsJoinAndLeaveEvenInDissolution) {
    allowed(reg, "htx-1", ev::members_joined("2024-08-01"_d, 7, MemberType::household), "record.members");
    reg.append("htx-1", ev::dissolution_resolved("2024-09-02"_d, 65));
    allowed(reg, "htx-1", ev::members_left("2024-10-01"_d, 2, MemberType::household), "record.members");
    const auto s = at("htx-1", "2024-10-01"_d);
    EXPECT_EQ(s.members.official(), 5);
    EXPECT_EQ(s.members.of(MemberType::household), 5);
    EXPECT_EQ(s.status, LegalStatus::in_dissolution);
    EXPECT_EQ(s.status_since, "2024-09-02"_d);
}

TEST_F(TransitionTable, Record_AssemblyReportFinancialsAndCapital) {
    allowed(reg, "htx-1", ev::report_filed("2024-12-10"_d, 2024), "record.report");
    allowed(reg, "htx-1", ev::financial_year_closed("2025-01-02"_d, 2024, 1'500'000'000), "record.financials");
    allowed(reg, "htx-1", ev::capital_changed("2025-02-03"_d, 800'000'000), "record.capital");
    allowed(reg, "htx-1", ev::annual_assembly("2025-03-03"_d), "record.assembly");
    const auto s = at("htx-1", "2025-03-03"_d);
    EXPECT_EQ(s.last_report, "2024-12-10"_d);
    ASSERT_TRUE(s.latest_financials);
    EXPECT_EQ(s.latest_financials->year, 2024);
    EXPECT_EQ(s.latest_financials->revenue, 1'500'000'000);
    EXPECT_EQ(s.charter_capital, 800'000'000);
    EXPECT_EQ(s.last_annual_assembly, "2025-03-03"_d);
    EXPECT_EQ(s.status_since, "2024-08-01"_d);
    EXPECT_EQ(at("htx-1", "2025-03-02"_d).last_annual_assembly, std::nullopt);
}

TEST_F(TransitionTable, Record_AssessmentCertificationOcopAndSanctionLeaveTheStatus) {
    reg.append("htx-1", ev::suspended("2025-01-06"_d, "2025-06-30"_d));
    allowed(reg, "htx-1", ev::assessed("2025-02-03"_d, 2024, {7, 6, 11, 6}), "record.assessment");
    allowed(reg, "htx-1", ev::certified("2025-02-03"_d, Certification::vietgap, "2028-02-02"_d),
            "record.certification");
    allowed(reg, "htx-1", ev::ocop_rated("2025-02-03"_d, "Mật ong U Minh", 4), "record.ocop");
    allowed(reg, "htx-1", ev::sanctioned("2025-02-03"_d), "record.sanction");
    const auto s = at("htx-1", "2025-02-03"_d);
    EXPECT_EQ(s.status, LegalStatus::suspended);
    EXPECT_EQ(s.status_since, "2025-01-06"_d);
    EXPECT_EQ(reg.events(*reg.find("htx-1")).size(), 6u);  // registered, suspended and these 4
}

TEST_F(TransitionTable, Record_AssessmentWithNegativePointsIsRefused) {
    const auto p = refused(reg, "htx-1", ev::assessed("2025-02-03"_d, 2024, {7, -1}));
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "htx-1", .event = "assessed", .date = "2025-02-03"_d,
                                      .rule = "", .legal_basis = "", .code = ErrorCode::invalid_value}));
    EXPECT_EQ(p.message, "criterion points cannot be negative");
}

TEST_F(TransitionTable, Record_MemberLeavingTwiceIsRefused) {
    reg.add(cooperative("htx-m").member("m1").registered("2024-08-01"_d).then(ev::member_joined("2024-08-01"_d, "m1")));
    reg.append("htx-m", ev::member_left("2024-10-01"_d, "m1"));
    EXPECT_EQ(refusal_of(refused(reg, "htx-m", ev::member_left("2024-11-04"_d, "m1"))),
              (Refusal{.organization = "htx-m", .event = "member_left",
                       .date = "2024-11-04"_d, .rule = "integrity.member_not_current",
                       .legal_basis = "", .code = ErrorCode::integrity}));
}

TEST_F(TransitionTable, Record_MemberJoiningTwiceIsRefused) {
    reg.add(cooperative("htx-m").member("m1").registered("2024-08-01"_d).then(ev::member_joined("2024-08-01"_d, "m1")));
    EXPECT_EQ(refusal_of(refused(reg, "htx-m", ev::member_joined("2024-10-01"_d, "m1"))),
              (Refusal{.organization = "htx-m", .event = "member_joined",
                       .date = "2024-10-01"_d, .rule = "integrity.member_twice",
                       .legal_basis = "", .code = ErrorCode::integrity}));
}

TEST_F(TransitionTable, Record_CohortLeavingMoreMembersThanPresentIsRefused) {
    reg.append("htx-1", ev::members_joined("2024-08-01"_d, 5));
    const auto p = refused(reg, "htx-1", ev::members_left("2024-10-01"_d, 6));
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "htx-1", .event = "members_left",
                                      .date = "2024-10-01"_d, .rule = "integrity.members_not_current",
                                      .legal_basis = "", .code = ErrorCode::integrity}));
    EXPECT_THAT(p.message, HasSubstr("but only 5 are members"));
}

TEST_F(TransitionTable, Record_DuplicateFinancialYearIsRefused) {
    reg.append("htx-1", ev::financial_year_closed("2025-01-02"_d, 2024, 1'000'000));
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::financial_year_closed("2025-03-03"_d, 2024, 2'000'000))),
              (Refusal{.organization = "htx-1", .event = "financial_year_closed",
                       .date = "2025-03-03"_d, .rule = "integrity.financial_year_twice",
                       .legal_basis = "", .code = ErrorCode::integrity}));
}

TEST_F(TransitionTable, Record_MemberNotInTheMemberListIsRefused) {
    const auto p = refused(reg, "htx-1", ev::member_joined("2024-10-01"_d, "nobody"));
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "htx-1",
                                      .event = "member_joined", .date = "2024-10-01"_d, .rule = "",
                                      .legal_basis = "", .code = ErrorCode::unknown_name}));
    EXPECT_THAT(p.message, HasSubstr("member nobody is not in the organization's member list"));
}

TEST_F(TransitionTable, Record_UnionAdmittingACooperativeAsOfficialMemberIsAllowed) {
    allowed(reg, "lh-1", ev::member_joined("2024-09-02"_d, "c1"), "record.members");
    allowed(reg, "lh-1", ev::member_joined("2024-09-02"_d, "p1", MemberKind::capital_associate), "record.members");
    const auto s = at("lh-1", "2024-09-02"_d);
    EXPECT_EQ(s.members.official(), 1);
    EXPECT_EQ(s.members.of(MemberType::cooperative), 1);
    EXPECT_EQ(s.members.of(MemberKind::capital_associate), 1);
}

TEST_F(TransitionTable, Record_UnionAdmittingANonCooperativeOfficialMemberIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "lh-1", ev::member_joined("2024-09-02"_d, "p1"))),
              (Refusal{.organization = "lh-1", .event = "member_joined", .date = "2024-09-02"_d,
                       .rule = "member.union_official_is_cooperative",
                       .legal_basis = "Law 17/2023/QH15 Art 4.8, 34"}));
}

TEST_F(TransitionTable, Record_UnionAdmittingIndividualsAsOfficialMembersIsRefusedUnder2012Law) {
    reg.add(union_of_cooperatives("lh-old").registered("2020-03-02"_d));
    const auto p = refused(reg, "lh-old", ev::members_joined("2023-06-01"_d, 4, MemberType::individual));
    EXPECT_EQ(refusal_of(p),
              (Refusal{.organization = "lh-old", .event = "members_joined", .date = "2023-06-01"_d,
                       .rule = "member.union_official_is_cooperative", .legal_basis = "Law 23/2012/QH13 Art 3.2"}));
    EXPECT_EQ(p.message, "an official member of a union of cooperatives must be a cooperative, not an individual");
}

// ---- integrity: what no history may contain -----------------------------------------------------------------------

TEST_F(TransitionTable, Integrity_EventDatedBeforeRegistrationIsRefused) {
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::members_joined("2024-07-15"_d, 5))),
              (Refusal{.organization = "htx-1", .event = "members_joined",
                       .date = "2024-07-15"_d, .rule = "integrity.registered_first",
                       .legal_basis = "", .code = ErrorCode::integrity}));
}

TEST_F(TransitionTable, Integrity_ResumingATerminatedCooperativeIsRefused) {
    reg.append("htx-1", ev::dissolution_resolved("2024-09-02"_d, 65));
    reg.append("htx-1", ev::dissolution_completed("2024-12-02"_d));
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::resumed("2025-01-06"_d))),
              (Refusal{.organization = "htx-1", .event = "resumed",
                       .date = "2025-01-06"_d, .rule = "integrity.after_termination",
                       .legal_basis = "Decree 92/2024/NĐ-CP Art 27.1 (terminated is final)",
                       .code = ErrorCode::integrity}));
}

TEST_F(TransitionTable, Integrity_AnyEventAfterTerminationIsRefused) {
    reg.append("htx-1", ev::bankruptcy_opened("2024-09-02"_d));
    reg.append("htx-1", ev::bankruptcy_declared("2024-12-02"_d));
    // Every event type but `registered`, in EventType order, with a default payload.
    static_assert(std::variant_size_v<EventData> == 28, "a new event type must be added to this list");
    constexpr std::array<const char*, 27> names{
        "suspended", "resumed", "member_joined", "member_left", "members_joined", "members_left", "assembly_held",
        "report_filed", "financial_year_closed", "capital_changed", "business_line_suspended",
        "reorganization_started", "reorganization_completed", "converted_to_cooperative", "dissolution_resolved",
        "dissolution_cancelled", "dissolution_completed", "registration_revoked", "revocation_withdrawn",
        "bankruptcy_opened", "bankruptcy_declared", "address_flag_set", "address_flag_cleared", "assessed",
        "certified", "ocop_rated", "sanctioned"};
    for (std::size_t k = 0; k < names.size(); ++k) {
        SCOPED_TRACE(names[k]);
        const Event e{"2025-01-06"_d, boost::mp11::mp_with_index<std::variant_size_v<EventData>>(
                                          k + 1, [](auto I) { return EventData(std::in_place_index<I>); })};
        EXPECT_EQ(refusal_of(refused(reg, "htx-1", e)),
                  (Refusal{.organization = "htx-1", .event = names[k],
                           .date = "2025-01-06"_d, .rule = "integrity.after_termination",
                           .legal_basis = "Decree 92/2024/NĐ-CP Art 27.1 (terminated is final)",
                           .code = ErrorCode::integrity}));
    }
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::registered("2025-01-06"_d))).rule, "integrity.single_registration");
}

}  // namespace
