// The order of asset distribution on dissolution (Law 17/2023/QH15 Art 101), exact in đồng: full payment, a
// shortfall in each class, pro rata and largest-remainder splits, State-supported assets, and refused input.

#include <coopecon/operations/asset_distribution.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

namespace {

using namespace coopecon;
using operations::apportion;
using operations::CapitalHolder;
using operations::Claim;
using operations::ClaimClass;
using operations::distribute_assets;
using operations::Distribution;
using operations::Estate;

Estate dissolution_estate(Dong assets, std::vector<Claim> claims, std::vector<CapitalHolder> members, Dong state_supported = 0) {
    return Estate{"HTX-1", assets, state_supported, std::move(claims), std::move(members)};
}

std::vector<Dong> paid_claims(const Distribution& d) {
    std::vector<Dong> out;
    for (const auto& c : d.claims) out.push_back(c.paid);
    return out;
}
std::vector<Dong> paid_members(const Distribution& d) {
    std::vector<Dong> out;
    for (const auto& m : d.members) out.push_back(m.paid);
    return out;
}
std::vector<Dong> shortfalls(const Distribution& d) {
    std::vector<Dong> out;
    for (const auto& c : d.classes) out.push_back(c.shortfall);
    return out;
}

/// Everything paid out adds up to the assets, and nothing more is paid than claimed.
void expect_balanced(const Estate& e, const Distribution& d) {
    Dong paid = d.to_members + d.unallocated;
    for (const auto& c : d.claims) {
        EXPECT_LE(c.paid, c.claimed);
        paid += c.paid;
    }
    EXPECT_EQ(paid, e.assets);
    EXPECT_EQ(d.to_state, e.state_supported);
}

TEST(AssetDistribution, EveryClassIsPaidThenTheMembersByCapital) {
    const auto e = dissolution_estate(1'000'000'000,
                                      {{ClaimClass::other_debts, "supplier", 150'000'000},
                                       {ClaimClass::dissolution_costs, "liquidator", 100'000'000},
                                       {ClaimClass::taxes, "tax office", 50'000'000},
                                       {ClaimClass::worker_entitlements, "workers", 200'000'000}},
                                      {{"A", MemberKind::official, 300'000'000}, {"B", MemberKind::capital_associate, 200'000'000}});
    const auto d = distribute_assets(e);
    EXPECT_EQ(paid_claims(d), (std::vector<Dong>{150'000'000, 100'000'000, 50'000'000, 200'000'000}));
    EXPECT_EQ(shortfalls(d), (std::vector<Dong>{0, 0, 0, 0}));
    EXPECT_EQ(paid_members(d), (std::vector<Dong>{300'000'000, 200'000'000}));
    EXPECT_EQ(d.to_members, 500'000'000);
    EXPECT_EQ(d.shortfall, 0);
    EXPECT_EQ(d.unallocated, 0);
    EXPECT_EQ(d.legal_basis, "Law 17/2023/QH15 Art 101");
    ASSERT_EQ(d.classes.size(), 4u);
    EXPECT_EQ(d.classes[0].priority, ClaimClass::dissolution_costs);
    EXPECT_EQ(d.classes[3].priority, ClaimClass::other_debts);
    expect_balanced(e, d);
}

TEST(AssetDistribution, AShortClassIsPaidProRataAndLaterClassesGetNothing) {
    const auto e = dissolution_estate(250,
                                      {{ClaimClass::dissolution_costs, "liquidator", 100},
                                       {ClaimClass::worker_entitlements, "worker 1", 120},
                                       {ClaimClass::worker_entitlements, "worker 2", 80},
                                       {ClaimClass::taxes, "tax office", 50},
                                       {ClaimClass::other_debts, "bank", 150}},
                                      {{"A", MemberKind::official, 10}});
    const auto d = distribute_assets(e);
    EXPECT_EQ(paid_claims(d), (std::vector<Dong>{100, 90, 60, 0, 0}));
    EXPECT_EQ(shortfalls(d), (std::vector<Dong>{0, 50, 50, 150}));
    EXPECT_EQ(d.classes[1].claimed, 200);
    EXPECT_EQ(d.classes[1].paid, 150);
    EXPECT_EQ(d.shortfall, 250);
    EXPECT_EQ(paid_members(d), (std::vector<Dong>{0}));
    EXPECT_EQ(d.to_members, 0);
    expect_balanced(e, d);
}

TEST(AssetDistribution, TheDissolutionCostsThemselvesCanFallShort) {
    const auto e = dissolution_estate(10, {{ClaimClass::dissolution_costs, "a", 7}, {ClaimClass::dissolution_costs, "b", 7},
                                           {ClaimClass::dissolution_costs, "c", 7}, {ClaimClass::taxes, "tax office", 5}},
                                      {});
    const auto d = distribute_assets(e);
    EXPECT_EQ(paid_claims(d), (std::vector<Dong>{4, 3, 3, 0}));  // 3⅓ each; the odd đồng to the first
    EXPECT_EQ(shortfalls(d), (std::vector<Dong>{11, 0, 5, 0}));
    EXPECT_EQ(d.shortfall, 16);
    expect_balanced(e, d);
}

TEST(AssetDistribution, TheRemainderIsSplitExactlyByLargestRemainders) {
    const auto e = dissolution_estate(100, {}, {{"A", MemberKind::official, 1}, {"B", MemberKind::official, 1},
                                                {"C", MemberKind::capital_associate, 1}, {"D", MemberKind::non_capital_associate, 0}});
    const auto d = distribute_assets(e);
    EXPECT_EQ(paid_members(d), (std::vector<Dong>{34, 33, 33, 0}));
    expect_balanced(e, d);
}

TEST(AssetDistribution, StateSupportedAssetsGoToTheStateAndPayNoDebt) {
    const auto e = dissolution_estate(50, {{ClaimClass::other_debts, "bank", 80}}, {{"A", MemberKind::official, 5}}, 400);
    const auto d = distribute_assets(e);
    EXPECT_EQ(d.to_state, 400);
    EXPECT_EQ(paid_claims(d), (std::vector<Dong>{50}));
    EXPECT_EQ(shortfalls(d), (std::vector<Dong>{0, 0, 0, 30}));
    EXPECT_EQ(d.to_members, 0);
    expect_balanced(e, d);
}

TEST(AssetDistribution, ARemainderWithoutCapitalIsReportedUnallocated) {
    const auto e = dissolution_estate(70, {{ClaimClass::taxes, "tax office", 20}}, {{"A", MemberKind::non_capital_associate, 0}});
    const auto d = distribute_assets(e);
    EXPECT_EQ(d.unallocated, 50);
    EXPECT_EQ(d.to_members, 0);
    expect_balanced(e, d);
}

TEST(AssetDistribution, LargeAmountsStayExact) {
    const Dong assets = 9'000'000'000'000'000'000;  // beyond 2^63 when multiplied by the capitals
    std::vector<CapitalHolder> members;
    for (int i = 0; i < 7; ++i) members.push_back({"M" + std::to_string(i), MemberKind::official, 3'000'000'000'000 + i});
    const auto e = dissolution_estate(assets, {{ClaimClass::other_debts, "bank", 123'456'789}}, members);
    const auto d = distribute_assets(e);
    expect_balanced(e, d);
    const auto shares = paid_members(d);
    EXPECT_EQ(std::accumulate(shares.begin(), shares.end(), Dong{0}), assets - 123'456'789);
    for (std::size_t i = 1; i < shares.size(); ++i) EXPECT_LE(shares[i - 1], shares[i]);
}

TEST(Apportion, PartsAddUpAndTiesGoToTheLowerIndex) {
    EXPECT_EQ(operations::apportion(10, std::vector<std::int64_t>{1, 1, 1}), (std::vector<std::int64_t>{4, 3, 3}));
    EXPECT_EQ(operations::apportion(5, std::vector<std::int64_t>{2, 1}), (std::vector<std::int64_t>{3, 2}));
    EXPECT_EQ(operations::apportion(1, std::vector<std::int64_t>{0, 3, 3}), (std::vector<std::int64_t>{0, 1, 0}));
    EXPECT_EQ(operations::apportion(0, std::vector<std::int64_t>{0, 0}), (std::vector<std::int64_t>{0, 0}));
    EXPECT_THROW(operations::apportion(3, std::vector<std::int64_t>{0, 0}), Error);
    EXPECT_THROW(operations::apportion(-1, std::vector<std::int64_t>{1}), Error);
    EXPECT_THROW(operations::apportion(1, std::vector<std::int64_t>{1, -1}), Error);
}

TEST(AssetDistribution, BadInputIsRefusedWithEveryProblem) {
    const auto e = dissolution_estate(-1, {{ClaimClass::taxes, "tax office", 5}, {ClaimClass::other_debts, "bank", -3}},
                                      {{"A", MemberKind::official, 10}, {"A", MemberKind::official, 1},
                                       {"N", MemberKind::non_capital_associate, 4}, {"Z", MemberKind::official, -2},
                                       {"", MemberKind::official, 1}},
                                      -5);
    try {
        distribute_assets(e);
        FAIL() << "not refused";
    } catch (const Error& error) {
        std::vector<std::string> lines;
        for (const auto& p : error.problems()) {
            EXPECT_EQ(p.organization, "HTX-1");
            EXPECT_EQ(p.legal_basis, "Law 17/2023/QH15 Art 101");
            lines.push_back(p.path + ": " + p.message);
        }
        EXPECT_EQ(lines, (std::vector<std::string>{
                             "assets: assets -1 is negative",
                             "state_supported: state_supported -5 is negative",
                             "claims[1].amount: the claim of bank is negative (-3)",
                             "members[1].member: member A is listed twice",
                             "members[2].capital: member N is a non-capital associate and contributes no capital "
                             "(Law 17/2023/QH15 Art 4.19), so shares no remainder; capital 4 given",
                             "members[3].capital: the capital of member Z is negative (-2)",
                             "members[4].member: member id is empty",
                         }));
    }
}

TEST(AssetDistribution, TotalsBeyondSixtyFourBitsAreRefused) {
    const Dong big = 6'000'000'000'000'000'000;
    const auto e = dissolution_estate(1, {{ClaimClass::taxes, "a", big}, {ClaimClass::taxes, "b", big}},
                                      {{"A", MemberKind::official, big}, {"B", MemberKind::official, big}});
    const auto problems = operations::check(e);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].message, "the claims add up to more than 2^63 − 1 đồng");
    EXPECT_EQ(problems[1].message, "the members' capital adds up to more than 2^63 − 1 đồng");
}

}  // namespace
