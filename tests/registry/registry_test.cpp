// Registry changes are validated as a whole and all-or-nothing: add() reports every problem of every record
// with its input path, append() of a batch records all events or none, and a back-dated event is judged
// against the whole history it joins.

#include <support/builders.hpp>
#include <support/registry_checks.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;

std::vector<Refusal> refusals(const Problems& problems) {
    std::vector<Refusal> out;
    for (const auto& p : problems) out.push_back(refusal_of(p));
    return out;
}

/// Adds `records`, which must be refused leaving the registry unchanged; returns the problems.
std::vector<Refusal> refused_add(Registry& reg, std::vector<OrganizationRecord> records) {
    return refusals(refused_change(reg, {}, [&] { reg.add(std::move(records)); }));
}

/// Appends `batch`, which must be refused leaving the registry unchanged; returns the problems.
std::vector<Refusal> refused_append(Registry& reg, std::vector<Append> batch) {
    std::vector<Date> dates;
    for (const auto& a : batch) dates.push_back(a.event.date);
    return refusals(refused_change(reg, dates, [&] { reg.append(std::move(batch)); }));
}

// ---- add ------------------------------------------------------------------------------------------------

TEST(RegistryAdd, ReportsEveryProblemOfEveryRecordAndAddsNothing) {
    auto reg = registry();
    reg.add(cooperative("htx-0").registered("2024-08-01"_d));
    const auto problems = refused_add(reg, {
        cooperative("htx-1").registered("2024-08-01"_d),
        cooperative("htx-2").registered("2024-08-01"_d).then(ev::resumed("2024-09-02"_d)),
        cooperative("htx-3").area("P999").registered("2024-08-01"_d),
        cooperative("htx-0").registered("2024-08-01"_d),
        cooperative("htx-1").registered("2024-08-01"_d),
        cooperative("htx-5"),
        // events[0] is judged second, after the registration it is dated after
        cooperative("htx-6").member("m1").then(ev::member_left("2024-09-02"_d, "m9")).registered("2024-08-01"_d),
    });
    const std::vector<Refusal> expected{
        {.organization = "htx-2", .event = "resumed", .date = "2024-09-02"_d, .rule = "T4",
         .legal_basis = "Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47",
         .path = "organizations[1].events[1]"},
        {.organization = "htx-3", .code = ErrorCode::unknown_name, .path = "organizations[2].area"},
        {.organization = "htx-0", .code = ErrorCode::duplicate, .path = "organizations[3].id"},
        {.organization = "htx-1", .code = ErrorCode::duplicate, .path = "organizations[4].id"},
        {.organization = "htx-5", .code = ErrorCode::missing_field, .path = "organizations[5].events"},
        {.organization = "htx-6", .event = "member_left", .date = "2024-09-02"_d, .code = ErrorCode::unknown_name,
         .path = "organizations[6].events[0]"},
    };
    EXPECT_EQ(problems, expected);
}

TEST(RegistryAdd, DuplicateIdWithinTheBatchIsRefused) {
    auto reg = registry();
    EXPECT_EQ(refused_add(reg, {cooperative("htx-1").registered("2024-08-01"_d),
                                cooperative("htx-1").registered("2024-09-02"_d)}),
              (std::vector<Refusal>{
                  {.organization = "htx-1", .code = ErrorCode::duplicate, .path = "organizations[1].id"}}));
    EXPECT_EQ(reg.size(), 0u);
}

TEST(RegistryAdd, DuplicateIdAgainstTheRegistryIsRefused) {
    auto reg = registry();
    reg.add(cooperative("htx-1").registered("2024-08-01"_d));
    EXPECT_EQ(refused_add(reg, {cooperative("htx-2").registered("2024-08-01"_d),
                                cooperative_group("htx-1").registered("2024-09-02"_d)}),
              (std::vector<Refusal>{
                  {.organization = "htx-1", .code = ErrorCode::duplicate, .path = "organizations[1].id"}}));
}

TEST(RegistryAdd, UnknownAreaIsRefused) {
    auto reg = registry();
    EXPECT_EQ(refused_add(reg, {cooperative("htx-1").area("D999").registered("2024-08-01"_d)}),
              (std::vector<Refusal>{
                  {.organization = "htx-1", .code = ErrorCode::unknown_name, .path = "organizations[0].area"}}));
}

TEST(RegistryAdd, EmptyHistoryIsRefused) {
    auto reg = registry();
    EXPECT_EQ(refused_add(reg, {cooperative("htx-1")}),
              (std::vector<Refusal>{
                  {.organization = "htx-1", .code = ErrorCode::missing_field, .path = "organizations[0].events"}}));
}

TEST(RegistryAdd, EmptyAndRepeatedMemberIdsAreRefused) {
    auto reg = registry();
    EXPECT_EQ(refused_add(reg, {cooperative("htx-1").member("m1").member("").member("m1").registered("2024-08-01"_d)}),
              (std::vector<Refusal>{
                  {.organization = "htx-1", .code = ErrorCode::missing_field, .path = "organizations[0].members[1].id"},
                  {.organization = "htx-1", .code = ErrorCode::duplicate, .path = "organizations[0].members[2].id"}}));
}

TEST(RegistryAdd, RecordsTheSeatAreaOfEachOrganisation) {
    auto reg = registry();
    reg.add(std::vector<OrganizationRecord>{cooperative("htx-1").registered("2024-08-01"_d),
                                            cooperative("htx-2").area("D964").registered("2024-08-01"_d)});
    EXPECT_EQ(reg.area(0), *reg.areas().find("P96"));
    EXPECT_EQ(reg.area(1), *reg.areas().find("D964"));
    EXPECT_EQ(reg.areas()[reg.area(1)].name, "Cà Mau");  // the district-level city
}

TEST(RegistryAdd, HistoryGivenOutOfOrderIsRecordedInDateOrder) {
    auto reg = registry();
    reg.add(cooperative("htx-1")
                .then(ev::suspended("2024-09-02"_d, "2024-12-31"_d))
                .then(ev::members_joined("2024-08-05"_d, 5))
                .registered("2024-08-01"_d));
    const auto events = reg.events(0);
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].type(), EventType::registered);
    EXPECT_EQ(events[1].type(), EventType::members_joined);
    EXPECT_EQ(events[2].type(), EventType::suspended);
    EXPECT_EQ(reg.event_count(), 3u);
}

TEST(RegistryAdd, SuccessorMayNameAPredecessorOfTheSameBatch) {
    auto reg = registry();
    reg.add(std::vector<OrganizationRecord>{
        cooperative("htx-a")
            .registered("2020-03-02"_d)
            .then(ev::reorganization_started("2024-09-02"_d, ReorganizationForm::division, 70))
            .then(ev::reorganization_completed("2024-11-04"_d, ReorganizationForm::division, {"htx-b"})),
        cooperative("htx-b").then(
            ev::registered_as_successor("2024-11-04"_d, ReorganizationForm::division, {"htx-a"})),
    });
    EXPECT_EQ(reg.size(), 2u);
    EXPECT_EQ(reg.state_at("htx-a", "2024-11-04"_d).status, LegalStatus::terminated);
    EXPECT_EQ(reg.state_at("htx-b", "2024-11-04"_d).status, LegalStatus::active);
}

TEST(RegistryAdd, UnknownPredecessorIsRefused) {
    auto reg = registry();
    EXPECT_EQ(refused_add(reg, {cooperative("htx-b").then(ev::registered_as_successor(
                                    "2024-11-04"_d, ReorganizationForm::split_off, {"htx-zz"}))}),
              (std::vector<Refusal>{{.organization = "htx-b", .event = "registered", .date = "2024-11-04"_d,
                                     .code = ErrorCode::unknown_name,
                                     .path = "organizations[0].events[0].predecessors[0]"}}));
}

TEST(RegistryAdd, AnUnknownCounterpartIsReportedOnceWhereItIsFirstNamed) {
    // The reorganisation's start and completion both name htx-zz: one problem, at the field that names it first.
    auto reg = registry();
    const auto problems = refused_add(
        reg, {cooperative("htx-0").registered("2020-03-02"_d),
              cooperative("htx-a")
                  .registered("2020-03-02"_d)
                  .then(ev::members_joined("2020-03-02"_d, 7))
                  .then(ev::reorganization_started("2024-09-02"_d, ReorganizationForm::merger_receiving, 70,
                                                   {"htx-0", "htx-zz"}))
                  .then(ev::reorganization_completed("2024-11-04"_d, ReorganizationForm::merger_receiving,
                                                     {"htx-zz"}))});
    EXPECT_EQ(problems, (std::vector<Refusal>{{.organization = "htx-a", .event = "reorganization_started",
                                               .date = "2024-09-02"_d, .code = ErrorCode::unknown_name,
                                               .path = "organizations[1].events[2].counterparts[1]"}}));
}

TEST(RegistryAdd, ABackDatedSecondRegistrationIsTheOneRefused) {
    // Registered on 2023-01-10; a registration dated 2022-05-01 written after it is the offending one, though it
    // comes first in date order.
    auto reg = registry();
    const auto problems = refused_add(reg, {cooperative("htx-1")
                                                .registered("2023-01-10"_d)
                                                .then(ev::members_joined("2023-01-10"_d, 7))
                                                .then(ev::registered("2022-05-01"_d))});
    EXPECT_EQ(problems, (std::vector<Refusal>{{.organization = "htx-1", .event = "registered", .date = "2022-05-01"_d,
                                               .rule = "integrity.single_registration", .code = ErrorCode::integrity,
                                               .path = "organizations[0].events[2]"}}));
}

TEST(RegistryAdd, ASeatInAUnitThatEndedBeforeTheRegistrationIsRefused) {
    // P96, the province of Cà Mau, ended on 2025-06-30; from 2025-07-01 its territory is in P96-2025.
    auto reg = registry();
    const auto problems = refused_add(reg, {cooperative("htx-1").area("P96").registered("2025-09-01"_d)});
    EXPECT_EQ(problems, (std::vector<Refusal>{{.organization = "htx-1", .date = "2025-09-01"_d,
                                               .rule = "integrity.area_valid_on_registration",
                                               .code = ErrorCode::invalid_value, .path = "organizations[0].area"}}));
    try {
        reg.add(cooperative("htx-1").area("P96").registered("2025-09-01"_d));
    } catch (const Error& e) {
        EXPECT_EQ(e.problems().front().message, "area P96 (Cà Mau) ended on 2025-06-30, before the organization was "
                                                "registered on 2025-09-01; its territory was then in P96-2025 (Cà Mau)");
    }
    // On the unit's last day, and in the unit of that date, it is accepted.
    reg.add(std::vector<OrganizationRecord>{cooperative("htx-2").area("P96").registered("2025-06-30"_d),
                                            cooperative("htx-3").area("P96-2025").registered("2025-09-01"_d)});
    EXPECT_EQ(reg.size(), 2u);
}

TEST(RegistryAdd, ASeatInAUnitThatBeganAfterTheRegistrationIsTheSeatInLaterUnits) {
    // A cooperative registered in 2019 whose seat is given in the units of 2025-07-01, as an export of today's
    // registry lists it.
    auto reg = registry();
    reg.add(cooperative("htx-1").area("P96-2025").registered("2019-05-02"_d));
    EXPECT_EQ(reg.size(), 1u);
}

TEST(RegistryAdd, ReportsUnknownReferencesAlongsideOtherProblems) {
    auto reg = registry();
    EXPECT_EQ(refused_add(reg, {cooperative("htx-1").registered("2024-08-01"_d).then(ev::resumed("2024-09-02"_d)),
                                cooperative("htx-b").then(ev::registered_as_successor(
                                    "2024-11-04"_d, ReorganizationForm::split_off, {"htx-zz"}))}),
              (std::vector<Refusal>{
                  {.organization = "htx-1", .event = "resumed", .date = "2024-09-02"_d, .rule = "T4",
                   .legal_basis = "Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47",
                   .path = "organizations[0].events[1]"},
                  {.organization = "htx-b", .event = "registered", .date = "2024-11-04"_d,
                   .code = ErrorCode::unknown_name, .path = "organizations[1].events[0].predecessors[0]"}}));
}

TEST(RegistryAdd, Art108_Art4_7_AConversionInAFileNeedsTheFoundingMinimumOfOfficialMembers) {
    // A group of 4 official members cannot become a cooperative (5 under Law 17/2023/QH15 Art 4.7); the refusal
    // points at the conversion event of the organisation that is refused, the group of 5 is not.
    auto group = [](std::string id, std::int32_t members) {
        return cooperative_group(std::move(id))
            .registered("2024-07-10"_d)
            .then(ev::members_joined("2024-07-10"_d, members))
            .then(ev::converted_to_cooperative("2025-07-11"_d, members));
    };
    auto reg = registry();
    EXPECT_EQ(refused_add(reg, {group("tht-5", 5), group("tht-4", 4)}),
              (std::vector<Refusal>{{.organization = "tht-4", .event = "converted_to_cooperative",
                                     .date = "2025-07-11"_d, .rule = "C1",
                                     .legal_basis = "Law 17/2023/QH15 Art 108; Decree 92/2024/NĐ-CP Art 61",
                                     .path = "organizations[1].events[2]"}}));
    reg.add(group("tht-5", 5));
    EXPECT_EQ(reg.state_at("tht-5", "2025-07-11"_d).kind, OrgKind::cooperative);
}

// ---- append ---------------------------------------------------------------------------------------------

class RegistryAppend : public ::testing::Test {
protected:
    void SetUp() override {
        reg.add(std::vector<OrganizationRecord>{cooperative("htx-1").registered("2024-08-01"_d),
                                                cooperative("htx-2").member("m1").registered("2024-08-01"_d)});
    }
    Registry reg = registry();
};

TEST_F(RegistryAppend, OneBadEventInABatchOfFiveLeavesAllFiveUnrecorded) {
    const auto problems = refused_append(reg, {
        {"htx-1", ev::members_joined("2024-09-02"_d, 7)},
        {"htx-2", ev::suspended("2024-09-02"_d, "2024-12-31"_d)},
        {"htx-1", ev::suspended("2024-10-01"_d, "2025-03-31"_d)},
        {"htx-2", ev::resumed("2024-09-01"_d)},  // before its suspension: refused
        {"htx-1", ev::resumed("2024-11-04"_d)},
    });
    EXPECT_EQ(problems, (std::vector<Refusal>{{.organization = "htx-2", .event = "resumed", .date = "2024-09-01"_d,
                                               .rule = "T4",
                                               .legal_basis = "Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47",
                                               .path = "[3]"}}));
    EXPECT_EQ(reg.event_count(), 2u);
}

TEST_F(RegistryAppend, BatchIsRecordedWhole) {
    reg.append({
        {"htx-1", ev::members_joined("2024-09-02"_d, 7)},
        {"htx-2", ev::suspended("2024-09-02"_d, "2024-12-31"_d)},
        {"htx-1", ev::suspended("2024-10-01"_d, "2025-03-31"_d)},
        {"htx-1", ev::resumed("2024-11-04"_d)},
    });
    EXPECT_EQ(reg.event_count(), 6u);
    EXPECT_EQ(reg.events(0).size(), 4u);
    EXPECT_EQ(reg.events(1).size(), 2u);
    const auto s = reg.state_at("htx-1", "2024-11-04"_d);
    EXPECT_EQ(s.status, LegalStatus::active);
    EXPECT_EQ(s.status_since, "2024-11-04"_d);
    EXPECT_EQ(s.members.official(), 7);
    EXPECT_EQ(reg.state_at("htx-2", "2024-11-04"_d).status, LegalStatus::suspended);
}

TEST_F(RegistryAppend, ReportsEveryBadEntryOfABatch) {
    const auto problems = refused_append(reg, {
        {"htx-x", ev::resumed("2024-09-02"_d)},
        {"htx-1", ev::resumed("2024-09-02"_d)},
        {"htx-2", ev::members_joined("2024-09-02"_d, 3)},
        {"htx-2", ev::member_left("2024-10-01"_d, "m1")},
    });
    EXPECT_EQ(problems,
              (std::vector<Refusal>{
                  {.organization = "htx-x", .code = ErrorCode::unknown_name, .path = "[0]"},
                  {.organization = "htx-1", .event = "resumed", .date = "2024-09-02"_d, .rule = "T4",
                   .legal_basis = "Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47", .path = "[1]"},
                  {.organization = "htx-2", .event = "member_left", .date = "2024-10-01"_d,
                   .rule = "integrity.member_not_current", .code = ErrorCode::integrity, .path = "[3]"}}));
}

TEST_F(RegistryAppend, SingleEventForAnUnknownOrganisationIsRefused) {
    EXPECT_EQ(refused_append(reg, {{"htx-x", ev::resumed("2024-09-02"_d)}}),
              (std::vector<Refusal>{{.organization = "htx-x", .code = ErrorCode::unknown_name}}));
}

TEST_F(RegistryAppend, BackDatedEventConsistentWithTheHistoryIsInserted) {
    reg.append("htx-1", ev::suspended("2025-03-03"_d, "2025-08-31"_d));
    reg.append("htx-1", ev::suspended("2024-09-02"_d, "2024-12-31"_d));
    const auto events = reg.events(0);
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[1].date, "2024-09-02"_d);
    EXPECT_EQ(events[2].date, "2025-03-03"_d);
    EXPECT_EQ(reg.state_at("htx-1", "2024-10-01"_d).status, LegalStatus::suspended);
    const auto between = reg.state_at("htx-1", "2025-01-01"_d);
    EXPECT_EQ(between.status, LegalStatus::active);
    EXPECT_EQ(between.status_since, "2025-01-01"_d);
    EXPECT_EQ(reg.state_at("htx-1", "2025-03-03"_d).status_since, "2025-03-03"_d);
}

TEST_F(RegistryAppend, BackDatedDissolutionBeforeALaterSuspensionIsRefused) {
    reg.append("htx-1", ev::suspended("2025-03-03"_d, "2025-08-31"_d));
    // The new event is allowed on its date; the recorded suspension after it no longer is.
    EXPECT_EQ(refusal_of(refused(reg, "htx-1", ev::dissolution_resolved("2025-01-10"_d, 65))),
              (Refusal{.organization = "htx-1", .event = "suspended", .date = "2025-03-03"_d, .rule = "T2",
                       .legal_basis = "Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47",
                       .path = "(recorded)"}));
}

// ---- reads ----------------------------------------------------------------------------------------------

TEST_F(RegistryAppend, Art108_Art4_7_AppendingAConversionOfAGroupBelowTheFoundingMinimumIsRefused) {
    reg.add(cooperative_group("tht").registered("2024-07-10"_d).then(ev::members_joined("2024-07-10"_d, 4)));
    EXPECT_EQ(refused_append(reg, {{"tht", ev::converted_to_cooperative("2025-07-11"_d, 4)}}),
              (std::vector<Refusal>{{.organization = "tht", .event = "converted_to_cooperative",
                                     .date = "2025-07-11"_d, .rule = "C1",
                                     .legal_basis = "Law 17/2023/QH15 Art 108; Decree 92/2024/NĐ-CP Art 61"}}));
    reg.append("tht", ev::members_joined("2025-07-11"_d, 1));
    reg.append("tht", ev::converted_to_cooperative("2025-07-11"_d, 5));
    EXPECT_EQ(reg.state_at("tht", "2025-07-11"_d).kind, OrgKind::cooperative);
}

TEST_F(RegistryAppend, StateAtOfAnUnknownIdThrowsUnknownName) {
    const Registry& view = reg;
    try {
        (void)view.state_at("htx-x", "2024-09-02"_d);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(refusals(e.problems()),
                  (std::vector<Refusal>{{.organization = "htx-x", .code = ErrorCode::unknown_name}}));
    }
}

}  // namespace
