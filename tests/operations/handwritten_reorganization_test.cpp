// A reorganisation written by hand as events in a registry file is held to what the operations record
// (Law 17/2023/QH15 Art 92–95): the events an operation records, loaded as a file into a fresh registry,
// validate and replay to the same states; the same events without the ending side's members leaving replay the
// same, as the replay empties an organisation that ends; and a file whose receiving side records nothing is
// refused.

#include <coopecon/operations/reorganization.hpp>

#include <support/builders.hpp>
#include <support/registry_checks.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace handwritten {

using namespace coopecon;
using namespace coopecon::test;
namespace op = coopecon::operations;

constexpr Date resolved = "2025-03-01"_d;
constexpr Date completed = "2025-06-01"_d;

/// A cooperative of 6 counted official members with capital and named members M1 (official) and M2
/// (capital-contributing associate), charter capital 800 million and an indivisible fund of 120 million.
Org party(std::string id) {
    Org o = cooperative(id);
    o.member(id + "-M1").member(id + "-M2");
    FinancialYearClosed year;
    year.year = 2024;
    year.indivisible_fund = 120'000'000;
    o.registered("2020-03-02"_d, 800'000'000)
        .then({"2020-03-02"_d, MembersJoined{MemberKind::official, MemberType::individual, 6, 1, 600'000'000}})
        .then(ev::member_joined("2020-03-02"_d, id + "-M1", MemberKind::official, 100'000'000))
        .then(ev::member_joined("2020-03-02"_d, id + "-M2", MemberKind::capital_associate, 100'000'000))
        .then({"2024-12-31"_d, year});
    return o;
}

Registry parties() {
    auto reg = registry();
    reg.add(std::vector<OrganizationRecord>{party("HTX-A"), party("HTX-B"), party("HTX-C")});
    return reg;
}

/// The registry as a file would hold it: every organisation with its member list and whole history.
std::vector<OrganizationRecord> as_file(const Registry& reg) {
    std::vector<OrganizationRecord> out;
    for (OrgIndex i = 0; i < reg.size(); ++i)
        out.push_back({reg.organization(i), {reg.members(i).begin(), reg.members(i).end()}, reg.events(i)});
    return out;
}

void expect_same_states(const Registry& expected, const Registry& actual) {
    ASSERT_EQ(actual.size(), expected.size());
    for (OrgIndex i = 0; i < expected.size(); ++i)
        for (const Date d : {completed.plus_days(-1), completed, completed.plus_days(1)})
            EXPECT_EQ(text(actual.state_at(expected.organization(i).id, d)), text(expected.state_at(i, d)))
                << expected.organization(i).id << " on " << d.iso();
}

struct Form {
    const char* name;
    std::function<void(Registry&)> run;
};

std::vector<Form> forms() {
    const op::NewOrganization s1{"HTX-S1", "code-S1", "Successor 1", {}, {}};
    const op::NewOrganization s2{"HTX-S2", "code-S2", "Successor 2", {}, {}};
    return {
        {"division",
         [=](Registry& reg) {
             op::divide(reg, {{"HTX-A", 80}, resolved, completed, {{s1, 2, {"HTX-A-M1"}}, {s2, 1, {"HTX-A-M2"}}}});
         }},
        {"split_off",
         [=](Registry& reg) { op::split_off(reg, {{"HTX-A", 80}, resolved, completed, 3, {{s1, 1, {"HTX-A-M2"}}}}); }},
        {"consolidation",
         [=](Registry& reg) { op::consolidate(reg, {{{"HTX-A", 80}, {"HTX-B", 70}}, resolved, completed, s1}); }},
        {"merger",
         [](Registry& reg) { op::merge(reg, {{"HTX-C", 90}, {{"HTX-A", 80}, {"HTX-B", 70}}, resolved, completed}); }},
    };
}

TEST(HandWrittenReorganisation, Art92_95_EveryFormWrittenAsEventsValidatesAndReplaysLikeTheOperation) {
    for (const auto& form : forms()) {
        SCOPED_TRACE(form.name);
        auto by_operation = parties();
        form.run(by_operation);
        auto by_hand = registry();
        by_hand.add(as_file(by_operation));
        expect_same_states(by_operation, by_hand);
    }
}

TEST(HandWrittenReorganisation, Art92_95_AnOrganisationThatEndsPassesOnAllItHoldsWithoutWritingItsMembersLeaving) {
    // The operation records the members of an organisation that ends leaving it; a file may leave them out and
    // the replay empties it all the same.
    for (const auto& form : forms()) {
        SCOPED_TRACE(form.name);
        auto by_operation = parties();
        form.run(by_operation);
        auto records = as_file(by_operation);
        for (auto& r : records) {
            const bool ends = std::any_of(r.events.begin(), r.events.end(), [](const Event& e) {
                const auto* c = e.get<ReorganizationCompleted>();
                return c && ends_organization(c->form);
            });
            if (!ends) continue;
            std::erase_if(r.events, [](const Event& e) {
                return e.date == completed && (e.get<MembersLeft>() || e.get<MemberLeft>() || e.get<CapitalChanged>());
            });
        }
        auto by_hand = registry();
        by_hand.add(std::move(records));
        expect_same_states(by_operation, by_hand);
        if (std::string(form.name) != "split_off") {
            const auto ended = by_hand.state_at("HTX-A", completed);
            EXPECT_EQ(ended.status, LegalStatus::terminated);
            EXPECT_EQ(ended.members.total(), 0);
            EXPECT_EQ(ended.charter_capital, 0);
            EXPECT_EQ(ended.indivisible_fund, 0);
        }
    }
}

TEST(HandWrittenReorganisation, Art95_AMergerWhoseReceivingSideRecordsNothingIsRefused) {
    // The merger by the operation, with the receiving cooperative's joins and capital left out: HTX-A and HTX-B
    // give 8 official members each, HTX-C receives none.
    auto by_operation = parties();
    op::merge(by_operation, {{"HTX-C", 90}, {{"HTX-A", 80}, {"HTX-B", 70}}, resolved, completed});
    auto records = as_file(by_operation);
    auto& receiving = records[2];
    ASSERT_EQ(receiving.organization.id, "HTX-C");
    std::erase_if(receiving.events, [](const Event& e) {
        return e.date == completed && (e.get<MembersJoined>() || e.get<MemberJoined>() || e.get<CapitalChanged>());
    });
    const auto completion = "organizations[2].events[" + std::to_string(receiving.events.size() - 1) + "]";
    auto reg = registry();
    const auto problems = refused_change(reg, {}, [&] { reg.add(std::move(records)); });
    ASSERT_EQ(problems.size(), 1u);
    const auto& p = problems.front();
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "HTX-C", .event = "reorganization_completed", .date = completed,
                                      .rule = "integrity.reorganization_transfer", .code = ErrorCode::integrity,
                                      .path = completion}));
    EXPECT_THAT(p.message, testing::HasSubstr("official members: 14 given, 0 received"));
    EXPECT_THAT(p.message, testing::HasSubstr("charter capital: 1600000000 given, 0 received"));
}

TEST(HandWrittenReorganisation, Art95_TheIndivisibleFundReceivedMustBeTheFundGiven) {
    // Both sides name each other and the members pass, but the receiving side records 1 đồng less of the fund.
    auto by_operation = parties();
    op::merge(by_operation, {{"HTX-C", 90}, {{"HTX-A", 80}}, resolved, completed});
    auto records = as_file(by_operation);
    for (auto& e : records[2].events)
        if (auto* c = std::get_if<ReorganizationCompleted>(&e.data)) *c->indivisible_fund -= 1;
    auto reg = registry();
    const auto problems = refused_change(reg, {}, [&] { reg.add(std::move(records)); });
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems.front().rule, "integrity.reorganization_transfer");
    EXPECT_THAT(problems.front().message, testing::HasSubstr("indivisible fund: 120000000 given, 119999999 received"));
}

TEST(HandWrittenReorganisation, Art95_AppendingTheMergerAsOneBatchIsAcceptedAndHalfOfItIsRefused) {
    auto by_operation = parties();
    const auto changes = op::merge(by_operation, {{"HTX-C", 90}, {{"HTX-A", 80}}, resolved, completed});
    auto reg = parties();
    // Only the absorbed side: HTX-C records no completion naming it.
    std::vector<Append> absorbed;
    for (const auto& a : changes.appended)
        if (a.organization == "HTX-A") absorbed.push_back(a);
    const auto problems = refused_change(reg, {resolved, completed}, [&] { reg.append(absorbed); });
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems.front().rule, "integrity.reorganization_counterparts");
    EXPECT_EQ(problems.front().organization, "HTX-A");
    EXPECT_EQ(problems.front().message,
              "HTX-A completes a merger (merger_into) with HTX-C, but HTX-C records no reorganization_completed "
              "(merger_receiving) naming HTX-A");
    reg.record({}, changes.listed, changes.appended);
    expect_same_states(by_operation, reg);
}

}  // namespace handwritten
