// Rules across organisations, at load (add) and at append, each refusal naming the organisation, the field path
// and the rule and leaving the registry unchanged: no organisation names itself, reorganisations form no cycle,
// a successor is registered on the day its predecessor's reorganisation completes, the two sides of a
// reorganisation name each other, and the member organisations of a union exist and are cooperatives.

#include <support/builders.hpp>
#include <support/registry_checks.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace across {

using namespace coopecon;
using namespace coopecon::test;
using testing::HasSubstr;

constexpr Date on = "2024-11-04"_d;

std::vector<Refusal> refusals(const Problems& problems) {
    std::vector<Refusal> out;
    for (const auto& p : problems) out.push_back(refusal_of(p));
    return out;
}

Problems refused_add(Registry& reg, std::vector<OrganizationRecord> records) {
    return refused_change(reg, {on}, [&] { reg.add(std::move(records)); });
}

Event completed(ReorganizationForm form, std::vector<std::string> counterparts, Date d = on) {
    return ev::reorganization_completed(d, form, std::move(counterparts));
}

/// A cooperative registered in 2020 with 7 official members, in a reorganisation of `form` from 2024-09-02.
Org reorganising(std::string id, ReorganizationForm form) {
    return std::move(cooperative(std::move(id))
                         .registered("2020-03-02"_d)
                         .then(ev::members_joined("2020-03-02"_d, 7))
                         .then(ev::reorganization_started("2024-09-02"_d, form, 70)));
}

/// A successor registered on `d` by `form` from `predecessors`, receiving `members` official members.
Org successor(std::string id, ReorganizationForm form, std::vector<std::string> predecessors, std::int32_t members,
              Date d = on) {
    Org o = cooperative(std::move(id));
    o.then(ev::registered_as_successor(d, form, std::move(predecessors)));
    if (members > 0) o.then(ev::members_joined(d, members));
    return o;
}

// ---- consistent reorganisations are accepted ------------------------------------------------------------

TEST(AcrossOrganisations, Art92_ADivisionNamingItsSuccessorsRegisteredThatDayIsAccepted) {
    auto reg = registry();
    reg.add(std::vector<OrganizationRecord>{
        reorganising("htx-a", ReorganizationForm::division)
            .then(completed(ReorganizationForm::division, {"htx-b", "htx-c"})),
        successor("htx-b", ReorganizationForm::division, {"htx-a"}, 4),
        successor("htx-c", ReorganizationForm::division, {"htx-a"}, 3),
    });
    EXPECT_EQ(reg.state_at("htx-a", on).members.total(), 0);
    EXPECT_EQ(reg.state_at("htx-b", on).members.total() + reg.state_at("htx-c", on).members.total(), 7);
}

TEST(AcrossOrganisations, ACompletionNamingNoCounterpartLeavesTheOtherSideOutsideTheRegistry) {
    // Absorbed by a cooperative of another province's registry: nothing here to hold it to; it ends empty.
    auto reg = registry();
    reg.add(reorganising("htx-a", ReorganizationForm::merger_into).then(completed(ReorganizationForm::merger_into, {})));
    EXPECT_EQ(reg.state_at("htx-a", on).status, LegalStatus::terminated);
    EXPECT_EQ(reg.state_at("htx-a", on).members.total(), 0);
}

// ---- self-reference and cycles --------------------------------------------------------------------------

TEST(AcrossOrganisations, AnOrganisationMergedIntoItselfIsRefused) {
    auto reg = registry();
    const auto problems = refused_add(reg, {reorganising("htx-a", ReorganizationForm::merger_into)
                                                .then(completed(ReorganizationForm::merger_into, {"htx-a"}))});
    EXPECT_EQ(refusals(problems),
              (std::vector<Refusal>{{.organization = "htx-a", .event = "reorganization_completed", .date = on,
                                     .rule = "integrity.self_reference", .code = ErrorCode::integrity,
                                     .path = "organizations[0].events[3].counterparts[0]"}}));
    EXPECT_EQ(problems.front().message, "organization htx-a names itself among its counterparts");
}

TEST(AcrossOrganisations, TwoOrganisationsFormedFromEachOtherAreACycle) {
    auto reg = registry();
    const auto problems = refused_add(
        reg, {successor("htx-a", ReorganizationForm::split_off, {"htx-b"}, 0)
                  .then(ev::reorganization_started(on, ReorganizationForm::split_off, 70))
                  .then(completed(ReorganizationForm::split_off, {"htx-b"})),
              successor("htx-b", ReorganizationForm::split_off, {"htx-a"}, 0)
                  .then(ev::reorganization_started(on, ReorganizationForm::split_off, 70))
                  .then(completed(ReorganizationForm::split_off, {"htx-a"}))});
    const auto r = refusals(problems);
    EXPECT_THAT(r, testing::Contains(Refusal{.organization = "htx-a", .event = "registered", .date = on,
                                             .rule = "integrity.reorganization_cycle", .code = ErrorCode::integrity,
                                             .path = "organizations[0].events[0].predecessors[0]"}));
    EXPECT_THAT(r, testing::Contains(Refusal{.organization = "htx-b", .event = "registered", .date = on,
                                             .rule = "integrity.reorganization_cycle", .code = ErrorCode::integrity,
                                             .path = "organizations[1].events[0].predecessors[0]"}));
}

// ---- the day a successor is registered ------------------------------------------------------------------

TEST(AcrossOrganisations, ASuccessorRegisteredTheDayAfterTheDivisionIsRefusedAndOnTheDayAccepted) {
    auto records = [](Date registered) {
        return std::vector<OrganizationRecord>{reorganising("htx-a", ReorganizationForm::split_off)
                                                   .then(completed(ReorganizationForm::split_off, {"htx-b"})),
                                               successor("htx-b", ReorganizationForm::split_off, {"htx-a"}, 0,
                                                         registered)};
    };
    auto reg = registry();
    const auto problems = refused_add(reg, records(on.plus_days(1)));
    EXPECT_EQ(refusals(problems),
              (std::vector<Refusal>{{.organization = "htx-a", .event = "reorganization_completed", .date = on,
                                     .rule = "integrity.successor_registered_on_completion",
                                     .code = ErrorCode::integrity,
                                     .path = "organizations[0].events[3].counterparts[0]"}}));
    EXPECT_EQ(problems.front().message,
              "the split-off of htx-a completes on 2024-11-04, but htx-b is registered on 2024-11-05; a successor is "
              "registered on the day the reorganization completes");
    reg.add(records(on));
    EXPECT_EQ(reg.size(), 2u);
}

TEST(AcrossOrganisations, ASuccessorRegisteredBeforeItsPredecessorIsRefused) {
    auto reg = registry();
    reg.add(cooperative("htx-a").registered("2024-12-02"_d).then(ev::members_joined("2024-12-02"_d, 7)));
    const auto problems = refused_add(reg, {successor("htx-b", ReorganizationForm::split_off, {"htx-a"}, 0)});
    EXPECT_EQ(refusals(problems),
              (std::vector<Refusal>{{.organization = "htx-b", .event = "registered", .date = on,
                                     .rule = "integrity.successor_registered_on_completion",
                                     .code = ErrorCode::integrity,
                                     .path = "organizations[0].events[0].predecessors[0]"}}));
    EXPECT_EQ(problems.front().message,
              "htx-b is registered on 2024-11-04, before its predecessor htx-a was registered on 2024-12-02");
}

// ---- both sides name each other -------------------------------------------------------------------------

TEST(AcrossOrganisations, Art95_AReceivingSideThatDoesNotNameTheAbsorbedOneIsRefused) {
    // htx-b is absorbed into htx-a, which completes a merger naming nobody.
    auto reg = registry();
    const auto problems = refused_add(
        reg, {reorganising("htx-a", ReorganizationForm::merger_receiving)
                  .then(completed(ReorganizationForm::merger_receiving, {}))
                  .then(ev::members_joined(on, 7)),
              reorganising("htx-b", ReorganizationForm::merger_into)
                  .then(completed(ReorganizationForm::merger_into, {"htx-a"}))});
    EXPECT_EQ(refusals(problems),
              (std::vector<Refusal>{{.organization = "htx-b", .event = "reorganization_completed", .date = on,
                                     .rule = "integrity.reorganization_counterparts", .code = ErrorCode::integrity,
                                     .path = "organizations[1].events[3].counterparts[0]"}}));
}

TEST(AcrossOrganisations, Art95_AnAbsorbedSideThatDoesNotNameTheReceivingOneIsRefused) {
    auto reg = registry();
    const auto problems = refused_add(
        reg, {reorganising("htx-a", ReorganizationForm::merger_receiving)
                  .then(completed(ReorganizationForm::merger_receiving, {"htx-b"}))
                  .then(ev::members_joined(on, 7)),
              reorganising("htx-b", ReorganizationForm::merger_into)
                  .then(completed(ReorganizationForm::merger_into, {}))});
    EXPECT_EQ(refusals(problems),
              (std::vector<Refusal>{{.organization = "htx-a", .event = "reorganization_completed", .date = on,
                                     .rule = "integrity.reorganization_counterparts", .code = ErrorCode::integrity,
                                     .path = "organizations[0].events[3].counterparts[0]"}}));
    EXPECT_EQ(problems.front().message,
              "htx-a completes a merger (merger_receiving) with htx-b, but htx-b records no reorganization_completed "
              "(merger_into) naming htx-a");
}

TEST(AcrossOrganisations, Art94_ASuccessorNotNamedByItsPredecessorIsRefused) {
    auto reg = registry();
    const auto problems = refused_add(
        reg, {reorganising("htx-a", ReorganizationForm::consolidation)
                  .then(completed(ReorganizationForm::consolidation, {})),
              successor("htx-c", ReorganizationForm::consolidation, {"htx-a"}, 7)});
    EXPECT_EQ(refusals(problems),
              (std::vector<Refusal>{{.organization = "htx-c", .event = "registered", .date = on,
                                     .rule = "integrity.reorganization_counterparts", .code = ErrorCode::integrity,
                                     .path = "organizations[1].events[0].predecessors[0]"}}));
}

TEST(AcrossOrganisations, Art95_AppendingHalfAMergerIsRefusedAndChangesNothing) {
    auto reg = registry();
    reg.add(std::vector<OrganizationRecord>{reorganising("htx-a", ReorganizationForm::merger_receiving),
                                            reorganising("htx-b", ReorganizationForm::merger_into)});
    const auto half = refused_change(reg, {on}, [&] {
        reg.append("htx-b", completed(ReorganizationForm::merger_into, {"htx-a"}));
    });
    EXPECT_EQ(refusals(half),
              (std::vector<Refusal>{{.organization = "htx-b", .event = "reorganization_completed", .date = on,
                                     .rule = "integrity.reorganization_counterparts", .code = ErrorCode::integrity,
                                     .path = "counterparts[0]"}}));
    // Both sides with what passes, in one batch.
    reg.append({{"htx-b", completed(ReorganizationForm::merger_into, {"htx-a"})},
                {"htx-a", completed(ReorganizationForm::merger_receiving, {"htx-b"})},
                {"htx-a", ev::members_joined(on, 7)}});
    EXPECT_EQ(reg.state_at("htx-a", on).members.total(), 14);
    EXPECT_EQ(reg.state_at("htx-b", on).members.total(), 0);
    // A member joining the receiving side on the merger's day from outside would be counted as received.
    const auto outside = refused_change(reg, {on}, [&] { reg.append("htx-a", ev::members_joined(on, 1)); });
    ASSERT_EQ(outside.size(), 1u);
    EXPECT_EQ(outside.front().rule, "integrity.reorganization_transfer");
    EXPECT_THAT(outside.front().message, HasSubstr("official members: 7 given, 8 received"));
}

// ---- member organisations -------------------------------------------------------------------------------

OrganizationRecord union_record(std::string member_organization) {
    OrganizationRecord r = union_of_cooperatives("lh-1")
                               .member("tv-1", MemberType::cooperative)
                               .registered("2024-08-01"_d)
                               .then(ev::members_joined("2024-08-01"_d, 3, MemberType::cooperative))
                               .then(ev::member_joined("2024-09-02"_d, "tv-1"));
    r.members.back().organization = std::move(member_organization);
    return r;
}

TEST(AcrossOrganisations, AUnionThatIsItsOwnMemberIsRefused) {
    auto reg = registry();
    const auto problems = refused_add(reg, {union_record("lh-1")});
    EXPECT_EQ(refusals(problems), (std::vector<Refusal>{{.organization = "lh-1", .rule = "integrity.self_reference",
                                                         .code = ErrorCode::integrity,
                                                         .path = "organizations[0].members[0].organization"}}));
}

TEST(AcrossOrganisations, AUnionMemberThatDoesNotExistIsRefused) {
    auto reg = registry();
    const auto problems = refused_add(reg, {union_record("htx-9")});
    EXPECT_EQ(refusals(problems),
              (std::vector<Refusal>{{.organization = "lh-1", .rule = "integrity.member_organization",
                                     .code = ErrorCode::unknown_name,
                                     .path = "organizations[0].members[0].organization"}}));
}

TEST(AcrossOrganisations, Art34_AnOfficialMemberOfAUnionIsACooperativeOnTheDayItJoinsNotAGroup) {
    auto reg = registry();
    reg.add(std::vector<OrganizationRecord>{
        cooperative("htx-1").registered("2020-01-02"_d).then(ev::members_joined("2020-01-02"_d, 7)),
        cooperative_group("tht-1").registered("2020-01-02"_d).then(ev::members_joined("2020-01-02"_d, 3))});
    const auto problems = refused_add(reg, {union_record("tht-1")});
    EXPECT_EQ(refusals(problems),
              (std::vector<Refusal>{{.organization = "lh-1", .date = "2024-09-02"_d,
                                     .rule = "member.union_official_is_cooperative",
                                     .legal_basis = problems.front().legal_basis,
                                     .path = "organizations[0].members[0].organization"}}));
    EXPECT_FALSE(problems.front().legal_basis.empty());
    EXPECT_THAT(problems.front().message, HasSubstr("tht-1 (member tv-1) is a cooperative_group on 2024-09-02"));
    reg.add(union_record("htx-1"));
    EXPECT_EQ(reg.state_at("lh-1", "2024-09-02"_d).members.official(), 4);
}

// ---- the data end -------------------------------------------------------------------------------------

TEST(AcrossOrganisations, AnEventAfterTheOrganisationsDataEndIsRefusedAndOnItAccepted) {
    auto reg = registry();
    auto org = [](Date assembly) {
        return cooperative("htx-1").data_until("2024-12-31"_d).registered("2020-03-02"_d)
            .then(ev::members_joined("2020-03-02"_d, 7)).then(ev::annual_assembly(assembly));
    };
    const auto problems = refused_add(reg, {org("2025-01-01"_d)});
    EXPECT_EQ(refusals(problems),
              (std::vector<Refusal>{{.organization = "htx-1", .event = "assembly_held", .date = "2025-01-01"_d,
                                     .rule = "integrity.event_after_data_end", .code = ErrorCode::integrity,
                                     .path = "organizations[0].events[2]"}}));
    reg.add(org("2024-12-31"_d));
    const auto appended = refused_change(reg, {"2025-01-01"_d}, [&] { reg.append("htx-1", ev::annual_assembly("2025-01-01"_d)); });
    ASSERT_EQ(appended.size(), 1u);
    EXPECT_EQ(appended.front().rule, "integrity.event_after_data_end");
}

}  // namespace across
