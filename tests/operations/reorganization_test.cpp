// Reorganisation as registry operations (Law 17/2023/QH15 Art 92–95): division, split-off, consolidation and
// merger create and terminate organisations and carry members, charter capital and the indivisible fund to the
// successors, every total preserved. Refusals name the organisation, date, rule and legal basis and leave the
// registry as it was.

#include <coopecon/operations/bankruptcy.hpp>
#include <coopecon/operations/conversion.hpp>
#include <coopecon/operations/dissolution.hpp>
#include <coopecon/operations/reorganization.hpp>

#include <support/builders.hpp>
#include <support/registry_checks.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;
namespace op = coopecon::operations;

constexpr Date reorg_resolved = "2025-03-01"_d;
constexpr Date reorg_completed = "2025-06-01"_d;

Event reorg_cohort(Date on, std::int32_t count, std::int32_t foreign, Dong capital,
                   MemberKind kind = MemberKind::official) {
    return {on, MembersJoined{kind, MemberType::individual, count, foreign, capital}};
}

Event reorg_fund(Date on, std::int32_t year, Dong indivisible_fund) {
    FinancialYearClosed f;
    f.year = year;
    f.indivisible_fund = indivisible_fund;
    return {on, f};
}

/// A cooperative of 9 counted official members (1 foreign investor, 900 million) and named members M1–M3
/// (100 million each), charter capital 1.2 billion and an indivisible fund of 300 million.
Org reorg_cooperative(std::string id) {
    Org o = cooperative(std::move(id));
    o.member("M1").member("M2").member("M3");
    o.registered("2020-03-01"_d, 1'200'000'000)
        .then(reorg_cohort("2020-03-01"_d, 9, 1, 900'000'000))
        .then(ev::member_joined("2020-03-01"_d, "M1", MemberKind::official, 100'000'000))
        .then(ev::member_joined("2020-03-01"_d, "M2", MemberKind::official, 100'000'000))
        .then(ev::member_joined("2020-03-01"_d, "M3", MemberKind::capital_associate, 100'000'000))
        .then(reorg_fund("2024-12-31"_d, 2024, 300'000'000));
    return o;
}

Registry reorg_registry(std::vector<OrganizationRecord> more = {}) {
    auto reg = registry();
    reg.add(reorg_cooperative("HTX-A"));
    for (auto& r : more) reg.add(std::move(r));
    return reg;
}

op::NewOrganization reorg_new(std::string id) { return {id, "code-" + id, "Successor " + id, std::nullopt, std::nullopt}; }

/// The one problem of a refused operation, which must leave the registry exactly as it was.
template <class F>
Problem reorg_refused(Registry& reg, F&& operation) {
    const auto problems = refused_change(reg, {reorg_resolved, reorg_completed}, std::forward<F>(operation));
    EXPECT_EQ(problems.size(), 1u);
    return problems.empty() ? Problem{} : problems.front();
}

/// Members by kind, foreign official members and member capital, summed over `ids` on `on`.
struct ReorgTotals {
    std::int32_t official = 0, capital_associates = 0, foreign_official = 0;
    Dong member_capital = 0, charter_capital = 0, indivisible_fund = 0;
    bool operator==(const ReorgTotals&) const = default;
};
ReorgTotals reorg_totals(const Registry& reg, const std::vector<std::string>& ids, Date on) {
    ReorgTotals t;
    for (const auto& id : ids) {
        const auto s = reg.state_at(id, on);
        if (s.status == LegalStatus::terminated) {  // what a terminated organisation still holds must be nothing
            EXPECT_EQ(s.members.total(), 0) << id;
            EXPECT_EQ(s.indivisible_fund, 0) << id;
            EXPECT_EQ(s.charter_capital, 0) << id;
        }
        t.official += s.members.official();
        t.capital_associates += s.members.of(MemberKind::capital_associate);
        t.foreign_official += s.members.foreign_official;
        t.member_capital += s.members.capital_official + s.members.capital_associates;
        t.charter_capital += s.charter_capital;
        t.indivisible_fund += s.indivisible_fund;
    }
    return t;
}

// The descriptions are built member by member: GCC 12 warns (-Wmaybe-uninitialized) about the strings of a
// braced temporary passed straight to the operation.
op::SplitOff reorg_split(std::int64_t retained_share, std::vector<op::Successor> successors) {
    op::SplitOff s;
    s.organization = {"HTX-A", 80};
    s.resolved_on = reorg_resolved;
    s.completed_on = reorg_completed;
    s.retained_share = retained_share;
    s.successors = std::move(successors);
    return s;
}

op::Consolidation reorg_consolidation(const std::vector<std::string>& ids, const std::string& successor) {
    op::Consolidation c;
    for (const auto& id : ids) c.organizations.push_back({id, 70});
    c.resolved_on = reorg_resolved;
    c.completed_on = reorg_completed;
    c.successor = reorg_new(successor);
    return c;
}

op::Merger reorg_merger(const std::string& receiving, const std::vector<std::string>& absorbed) {
    op::Merger m;
    m.receiving = {receiving, 70};
    for (const auto& id : absorbed) m.absorbed.push_back({id, 70});
    m.resolved_on = reorg_resolved;
    m.completed_on = reorg_completed;
    return m;
}

op::Division reorg_division(std::vector<op::Successor> successors, std::optional<std::int32_t> approval = 70) {
    op::Division d;
    d.organization = {"HTX-A", approval};
    d.resolved_on = reorg_resolved;
    d.completed_on = reorg_completed;
    d.successors = std::move(successors);
    return d;
}

TEST(Reorganisation, Art92_DivisionEndsTheOrganisationAndCarriesEverythingToItsSuccessors) {
    auto reg = reorg_registry();
    const auto before = reorg_totals(reg, {"HTX-A"}, reorg_completed.plus_days(-1));
    op::divide(reg, reorg_division({{reorg_new("HTX-B"), 2, {"M1", "M2"}}, {reorg_new("HTX-C"), 1, {"M3"}}}));

    const auto a = reg.state_at("HTX-A", reorg_completed);
    EXPECT_EQ(a.status, LegalStatus::terminated);
    EXPECT_EQ(a.ended_by, Ending::reorganization);
    EXPECT_EQ(reg.state_at("HTX-A", reorg_resolved).status, LegalStatus::in_reorganization);

    const auto b = reg.state_at("HTX-B", reorg_completed);
    EXPECT_EQ(b.status, LegalStatus::active);
    EXPECT_EQ(b.kind, OrgKind::cooperative);
    EXPECT_EQ(b.registered_on, reorg_completed);
    EXPECT_EQ(b.members.official(), 6 + 2);  // two thirds of the 9 counted, and M1, M2
    EXPECT_EQ(b.members.foreign_official, 1);
    EXPECT_EQ(b.charter_capital, 800'000'000);
    EXPECT_EQ(b.indivisible_fund, 200'000'000);
    const auto c = reg.state_at("HTX-C", reorg_completed);
    EXPECT_EQ(c.members.official(), 3);
    EXPECT_EQ(c.members.of(MemberKind::capital_associate), 1);  // M3
    EXPECT_EQ(c.charter_capital, 400'000'000);
    EXPECT_EQ(c.indivisible_fund, 100'000'000);
    EXPECT_EQ(reg.members(*reg.find("HTX-C")).size(), 1u);

    // Every total is preserved; the successors name their predecessor.
    EXPECT_EQ(reorg_totals(reg, {"HTX-A", "HTX-B", "HTX-C"}, reorg_completed), before);
    const Event first = reg.events(*reg.find("HTX-B")).front();  // events() decodes into a new vector
    ASSERT_NE(first.get<Registered>(), nullptr);
    EXPECT_EQ(first.get<Registered>()->formed_by, ReorganizationForm::division);
    EXPECT_EQ(first.get<Registered>()->predecessors, (std::vector<std::string>{"HTX-A"}));
}

TEST(Reorganisation, Art92_ADivisionFormsTwoOrMoreOrganisations) {
    auto reg = reorg_registry();
    const auto p = reorg_refused(reg, [&] { op::divide(reg, reorg_division({{reorg_new("HTX-B"), 1, {"M1", "M2", "M3"}}})); });
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "HTX-A", .date = reorg_completed, .rule = "T15",
                                      .legal_basis = "Law 17/2023/QH15 Art 92–95; Decree 92/2024/NĐ-CP Art 52.1",
                                      .path = "successors"}));
    EXPECT_EQ(p.message, "a division forms two or more new organizations; 1 given");
}

TEST(Reorganisation, Art92_EveryNamedMemberOfADividedOrganisationGoesToASuccessor) {
    auto reg = reorg_registry();
    const auto p = reorg_refused(reg, [&] {
        op::divide(reg, reorg_division({{reorg_new("HTX-B"), 1, {"M1"}}, {reorg_new("HTX-C"), 1, {"M2"}}}));
    });
    EXPECT_EQ(p.code, ErrorCode::missing_field);
    EXPECT_EQ(p.organization, "HTX-A");
    EXPECT_EQ(p.message, "the organization ends, so every named member must go to a successor; not assigned: M3");
}

TEST(Reorganisation, Art61_2d_AReorganisationResolvedBy65PercentIsAllowedAnd64PercentRefused) {
    auto reg = reorg_registry();
    const auto p = reorg_refused(reg, [&] {
        op::divide(reg, reorg_division({{reorg_new("HTX-B"), 1, {"M1", "M2"}}, {reorg_new("HTX-C"), 1, {"M3"}}}, 64));
    });
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "HTX-A", .event = "reorganization_started", .date = reorg_resolved,
                                      .rule = "T15",
                                      .legal_basis = "Law 17/2023/QH15 Art 92–95; Decree 92/2024/NĐ-CP Art 52.1"}));
    EXPECT_EQ(p.message, "approved by 64 % of votes, below the 65 % required (Law 17/2023/QH15 Art 61)");
    op::divide(reg, reorg_division({{reorg_new("HTX-B"), 1, {"M1", "M2"}}, {reorg_new("HTX-C"), 1, {"M3"}}}, 65));
    EXPECT_EQ(reg.state_at("HTX-A", reorg_completed).status, LegalStatus::terminated);
}

TEST(Reorganisation, Decree92_Art52_2_WithoutAResolutionTheReorganisationMustBeUnderWay) {
    auto reg = reorg_registry();
    auto division = reorg_division({{reorg_new("HTX-B"), 1, {"M1", "M2"}}, {reorg_new("HTX-C"), 1, {"M3"}}});
    division.resolved_on.reset();
    const auto p = reorg_refused(reg, [&] { op::divide(reg, division); });
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "HTX-A", .event = "reorganization_completed", .date = reorg_completed,
                                      .rule = "T16", .legal_basis = "Decree 92/2024/NĐ-CP Art 52.2"}));
    EXPECT_EQ(p.message, "reorganization_completed is not allowed while the cooperative is active");
    // Once resolved, completing it needs no second resolution.
    reg.append("HTX-A", ev::reorganization_started(reorg_resolved, ReorganizationForm::division, 70));
    op::divide(reg, division);
    EXPECT_EQ(reg.state_at("HTX-A", reorg_completed).ended_by, Ending::reorganization);
}

TEST(Reorganisation, Art93_SplitOffKeepsTheOrganisationWithItsRetainedShare) {
    auto reg = reorg_registry();
    const auto before = reorg_totals(reg, {"HTX-A"}, reorg_completed.plus_days(-1));
    op::split_off(reg, reorg_split(2, {{reorg_new("HTX-B"), 1, {"M3"}}}));
    const auto a = reg.state_at("HTX-A", reorg_completed);
    EXPECT_EQ(a.status, LegalStatus::active);
    EXPECT_EQ(a.members.official(), 6 + 2);  // two thirds of the 9 counted, and M1, M2 who were not listed
    EXPECT_EQ(a.charter_capital, 800'000'000);
    EXPECT_EQ(a.indivisible_fund, 200'000'000);
    const auto b = reg.state_at("HTX-B", reorg_completed);
    EXPECT_EQ(b.members.official(), 3);
    EXPECT_EQ(b.members.of(MemberKind::capital_associate), 1);
    EXPECT_EQ(b.indivisible_fund, 100'000'000);
    EXPECT_EQ(reorg_totals(reg, {"HTX-A", "HTX-B"}, reorg_completed), before);
    EXPECT_EQ(reg.events(*reg.find("HTX-B")).front().get<Registered>()->formed_by, ReorganizationForm::split_off);
}

TEST(Reorganisation, Art93_ASplitOffFormsAtLeastOneOrganisation) {
    auto reg = reorg_registry();
    const auto p = reorg_refused(reg, [&] { op::split_off(reg, reorg_split(1, {})); });
    EXPECT_EQ(p.rule, "T15");
    EXPECT_EQ(p.message, "a split-off forms one or more new organizations; 0 given");
}

TEST(Reorganisation, Art94_ConsolidationFormsOneNewOrganisationOfTheSameKind) {
    auto reg = reorg_registry({cooperative("HTX-D").registered("2021-01-01"_d, 300'000'000)
                                   .then(reorg_cohort("2021-01-01"_d, 6, 0, 300'000'000))
                                   .then(reorg_fund("2024-12-31"_d, 2024, 50'000'000))});
    const auto before = reorg_totals(reg, {"HTX-A", "HTX-D"}, reorg_completed.plus_days(-1));
    op::consolidate(reg, reorg_consolidation({"HTX-A", "HTX-D"}, "HTX-E"));
    for (const auto* id : {"HTX-A", "HTX-D"}) {
        EXPECT_EQ(reg.state_at(id, reorg_completed).status, LegalStatus::terminated) << id;
        EXPECT_EQ(reg.state_at(id, reorg_completed).ended_by, Ending::reorganization) << id;
    }
    const auto e = reg.state_at("HTX-E", reorg_completed);
    EXPECT_EQ(e.kind, OrgKind::cooperative);
    EXPECT_EQ(e.members.official(), 9 + 2 + 6);
    EXPECT_EQ(e.charter_capital, 1'500'000'000);
    EXPECT_EQ(e.indivisible_fund, 350'000'000);
    EXPECT_EQ(reg.members(*reg.find("HTX-E")).size(), 3u);
    EXPECT_EQ(reorg_totals(reg, {"HTX-A", "HTX-D", "HTX-E"}, reorg_completed), before);
    const auto successor_events = reg.events(*reg.find("HTX-E"));  // decoded: keep it while pointing into it
    const auto* registered = successor_events.front().get<Registered>();
    EXPECT_EQ(registered->predecessors, (std::vector<std::string>{"HTX-A", "HTX-D"}));
}

TEST(Reorganisation, Art94_ConsolidationJoinsTwoOrMoreOrganisationsOfOneKind) {
    auto reg = reorg_registry({union_of_cooperatives("LH-1").registered("2021-01-01"_d)});
    const auto one = reorg_refused(reg, [&] {
        op::consolidate(reg, reorg_consolidation({"HTX-A"}, "HTX-E"));
    });
    EXPECT_EQ(one.rule, "T15");
    EXPECT_EQ(one.path, "organizations");
    EXPECT_EQ(one.message, "a consolidation joins two or more organizations; 1 given");
    const auto mixed = reorg_refused(reg, [&] {
        op::consolidate(reg, reorg_consolidation({"HTX-A", "LH-1"}, "HTX-E"));
    });
    EXPECT_EQ(refusal_of(mixed), (Refusal{.organization = "LH-1", .date = reorg_completed, .rule = "T15",
                                          .legal_basis = "Law 17/2023/QH15 Art 92–95; Decree 92/2024/NĐ-CP Art 52.1",
                                          .path = "organizations[1]"}));
    EXPECT_EQ(mixed.message, "a consolidation forms one organization of the same kind; LH-1 is a union_of_cooperatives, "
                             "HTX-A a cooperative");
}

TEST(Reorganisation, Art95_MergerAbsorbsIntoTheReceivingOrganisation) {
    auto reg = reorg_registry({cooperative("HTX-R").registered("2019-01-01"_d, 500'000'000)
                                   .then(reorg_cohort("2019-01-01"_d, 5, 0, 500'000'000))
                                   .then(reorg_fund("2024-12-31"_d, 2024, 40'000'000))});
    const auto before = reorg_totals(reg, {"HTX-A", "HTX-R"}, reorg_completed.plus_days(-1));
    op::merge(reg, reorg_merger("HTX-R", {"HTX-A"}));
    const auto a = reg.state_at("HTX-A", reorg_completed);
    EXPECT_EQ(a.status, LegalStatus::terminated);
    EXPECT_EQ(a.ended_by, Ending::reorganization);
    const auto r = reg.state_at("HTX-R", reorg_completed);
    EXPECT_EQ(r.status, LegalStatus::active);
    EXPECT_EQ(r.members.official(), 5 + 9 + 2);
    EXPECT_EQ(r.members.of(MemberKind::capital_associate), 1);
    EXPECT_EQ(r.charter_capital, 1'700'000'000);
    EXPECT_EQ(r.indivisible_fund, 340'000'000);
    EXPECT_EQ(reg.members(*reg.find("HTX-R")).size(), 3u);  // M1–M3 are listed with the receiver
    EXPECT_EQ(reorg_totals(reg, {"HTX-A", "HTX-R"}, reorg_completed), before);
}

TEST(Reorganisation, Art95_AMergerIsRefusedForAnOrganisationAbsorbingItselfOrAMemberClash) {
    auto clash = cooperative("HTX-R");
    clash.member("M1", MemberType::household);  // a different M1
    auto reg = reorg_registry({clash.registered("2019-01-01"_d)});
    const auto self = reorg_refused(reg, [&] { op::merge(reg, reorg_merger("HTX-A", {"HTX-A"})); });
    EXPECT_EQ(self.code, ErrorCode::duplicate);
    EXPECT_EQ(self.message, "HTX-A cannot absorb itself");
    const auto member = reorg_refused(reg, [&] { op::merge(reg, reorg_merger("HTX-R", {"HTX-A"})); });
    EXPECT_EQ(member.organization, "HTX-R");
    EXPECT_EQ(member.message, "member M1 cannot join HTX-R: its member list already has a different member with this id");
}

TEST(Reorganisation, UnknownAndTakenIdsAreNamed) {
    auto reg = reorg_registry();
    const auto unknown = reorg_refused(reg, [&] {
        op::merge(reg, reorg_merger("HTX-Z", {"HTX-A"}));
    });
    EXPECT_EQ(unknown.code, ErrorCode::unknown_name);
    EXPECT_EQ(unknown.organization, "HTX-Z");
    EXPECT_EQ(unknown.path, "receiving.organization");
    const auto taken = reorg_refused(reg, [&] {
        op::divide(reg, reorg_division({{reorg_new("HTX-A"), 1, {"M1", "M2"}}, {reorg_new("HTX-C"), 1, {"M3"}}}));
    });
    EXPECT_EQ(taken.code, ErrorCode::duplicate);
    EXPECT_EQ(taken.path, "successors[0].organization.id");
    EXPECT_EQ(taken.message, "organization id HTX-A is already used");
}

TEST(Reorganisation, IndivisibleFundCarriedOutCannotExceedWhatIsHeld) {
    auto reg = reorg_registry();
    const auto p = reorg_refused(reg, [&] {
        reg.append("HTX-A", {reorg_resolved, ReorganizationCompleted{ReorganizationForm::split_off, {}, 300'000'001}});
    });
    EXPECT_EQ(p.rule, "integrity.indivisible_fund_carried");
    EXPECT_EQ(p.message, "carries 300000001 of indivisible fund out, but holds 300000000");
}

}  // namespace
