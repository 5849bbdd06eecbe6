// Indicators computed from a registry come straight from its replay, a block of organisations at a time. They
// must equal the same indicators over whole snapshots for every grouping, in one period and in long series
// (replayed in several chunks of dates); groups must come from both snapshots and be listed in key order
// whatever order the rows meet them in; and a key space too large for a flat table must group alike, down to
// communes of the embedded catalogue.

#include "fixture.hpp"
#include "indicators/accumulation.hpp"

#include <coopecon/indicators/report.hpp>
#include <coopecon/simulation/profiles.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::indicators;
using namespace coopecon::test;

/// 2,000 synthetic cooperatives over the 63 provinces, ten years of history: many blocks, many groups.
const Registry& world_sample() {
    static const Registry reg = simulation::synthesize(simulation::world(2'000));
    return reg;
}

void expect_same_table(const Table& streamed, const Table& whole, const std::string& what) {
    ASSERT_EQ(streamed.rows(), whole.rows()) << what;
    ASSERT_EQ(streamed.keys.size(), whole.keys.size()) << what;
    for (std::size_t k = 0; k < whole.keys.size(); ++k) EXPECT_EQ(streamed.keys[k].cells, whole.keys[k].cells) << what;
    EXPECT_EQ(streamed.totals, whole.totals) << what;
    ASSERT_EQ(streamed.values.size(), whole.values.size()) << what;
    for (std::size_t v = 0; v < whole.values.size(); ++v) {
        const auto& a = streamed.values[v];
        const auto& b = whole.values[v];
        EXPECT_EQ(a.integers, b.integers) << what << " " << b.id;
        ASSERT_EQ(a.reals.size(), b.reals.size()) << what << " " << b.id;
        for (std::size_t r = 0; r < b.reals.size(); ++r)
            EXPECT_TRUE(a.reals[r] == b.reals[r] || (std::isnan(a.reals[r]) && std::isnan(b.reals[r])))
                << what << " " << b.id << " row " << r;
    }
}

/// The same query over whole snapshots taken beforehand.
Table over_whole_snapshots(const Registry& reg, const Query& q, const Period& p) {
    const auto [end_columns, before_columns] = columns_read(q);
    const std::vector<Date> dates{p.start.plus_days(-1), p.end};
    const std::array columns{before_columns, end_columns};
    const auto snaps = reg.snapshots(dates, columns);
    return compute(snaps[1], &snaps[0], p, reg.areas(), q);
}

TEST(Streamed, EveryStandardIndicatorEqualsWholeSnapshotsForEveryGrouping) {
    const auto& reg = world_sample();
    const auto province = GroupKey::by_area(AreaLevel::province);
    const std::vector<std::vector<GroupKey>> groupings{
        {},
        {GroupKey::by(KeyKind::kind)},
        {province},
        {GroupKey::by(KeyKind::status)},
        {GroupKey::by(KeyKind::size_class)},
        {GroupKey::by(KeyKind::sector), GroupKey::by(KeyKind::status)},
        {province, GroupKey::by(KeyKind::status), GroupKey::by(KeyKind::size_class)},
    };
    for (const auto& by : groupings) {
        ReportOptions options;
        options.by = by;
        const auto plan = report_query(reg, options);
        const auto streamed = compute(reg, plan.query, plan.period);
        const auto whole = over_whole_snapshots(reg, plan.query, plan.period);
        expect_same_table(streamed, whole, "grouping of " + std::to_string(by.size()) + " keys");
        EXPECT_GT(streamed.rows(), by.empty() ? 0u : 1u);
    }
}

TEST(Streamed, LongSeriesInSeveralReplaysEqualWholeSnapshotsPerPeriod) {
    const auto& reg = world_sample();
    // 48 months need 49 snapshot dates: more than one replay takes.
    const auto periods = series("2021-01-01"_day, "2024-12-31"_day, PeriodLength::month);
    ASSERT_EQ(periods.size(), 48u);
    auto q = query({"organizations", "active", "new", "net_change", "growth", "members"}, {GroupKey::by(KeyKind::status)});
    q.units_as_of = periods.back().end;
    const auto all = compute(reg, q, periods);
    std::size_t row = 0;
    for (const auto& p : periods) {
        const auto one = over_whole_snapshots(reg, q, p);
        for (std::size_t r = 0; r < one.rows(); ++r, ++row) {
            ASSERT_LT(row, all.rows());
            EXPECT_EQ(all.keys[0].cells[row].code, p.id);
            EXPECT_EQ(all.keys[1].cells[row], one.keys[0].cells[r]) << p.id;
            for (const auto* id : {"organizations", "active", "new", "net_change", "members"}) {
                const auto a = all.column(id).value(row), b = one.column(id).value(r);
                // members is no data (NaN) where no group or cooperative is counted, in both alike
                EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b))) << p.id << " " << id << ": " << a << ", " << b;
            }
        }
    }
    EXPECT_EQ(row, all.rows());
}

TEST(Streamed, GroupsComeFromBothSnapshotsAndAreListedInKeyOrder) {
    auto reg = empty_registry();
    // Rows meet the kinds in reverse key order: union, cooperative, group.
    reg.add(std::vector<OrganizationRecord>{
        union_of("u").registered("2024-10-01"_day).members("2024-10-01"_day, 4, MemberType::cooperative),
        cooperative("c").registered("2024-10-01"_day).members("2024-10-01"_day, 7),
        group("g").registered("2020-03-02"_day).members("2020-03-02"_day, 8).on("2024-09-16"_day, ConvertedToCooperative{8}),
    });
    const auto period = period_between("2024-08-01"_day, "2024-12-31"_day);
    // Only the earlier snapshot is read: the group existed then; the cooperative and the union, only at the end.
    const auto before_only = compute(reg, query({"organizations_before"}, {GroupKey::by(KeyKind::kind)}), period);
    ASSERT_EQ(before_only.rows(), 4u);
    EXPECT_EQ(before_only.keys[0].cells[0].code, "cooperative_group");
    EXPECT_EQ(before_only.keys[0].cells[1].code, "cooperative");
    EXPECT_EQ(before_only.keys[0].cells[2].code, "union_of_cooperatives");
    EXPECT_EQ(before_only.keys[0].cells[3].code, "total");
    EXPECT_EQ(before_only.at({"cooperative_group"}, "organizations_before"), 1);
    EXPECT_EQ(before_only.at({"cooperative"}, "organizations_before"), 0);
    EXPECT_EQ(before_only.at({"union_of_cooperatives"}, "organizations_before"), 0);
    // Only the end snapshot is read: the group is a cooperative by then, so it has no row.
    const auto end_only = compute(reg, query({"organizations"}, {GroupKey::by(KeyKind::kind)}), period);
    ASSERT_EQ(end_only.rows(), 3u);
    EXPECT_EQ(end_only.at({"cooperative"}, "organizations"), 2);
    EXPECT_EQ(end_only.at({"union_of_cooperatives"}, "organizations"), 1);
}

TEST(Streamed, AKeySpaceBeyondAMillionCombinationsGroupsLikeSmallerOnes) {
    const auto& reg = world_sample();
    const auto period = period_between("2024-01-01"_day, "2024-12-31"_day);
    const auto province = GroupKey::by_area(AreaLevel::province);
    const std::vector<GroupKey> wide{province, GroupKey::by_area(AreaLevel::district), GroupKey::by_area(AreaLevel::commune),
                                     GroupKey::by(KeyKind::sector), GroupKey::by(KeyKind::status)};
    const indicators::detail::KeySpace space(wide, reg.areas(), period.end, tt01_2020_size_classes().size());
    ASSERT_GT(space.combinations, std::uint64_t{1} << 20);  // looked up in a hash map, not a flat table

    // Every organisation is seated in a commune: the wide rows add up, per province, sector and status, to the
    // rows of province × sector × status.
    const std::vector<std::string> ids{"organizations", "members", "active"};
    const auto q = query(ids, wide);
    const auto a = compute(reg, q, period);
    const auto b = compute(reg, query(ids, {province, GroupKey::by(KeyKind::sector), GroupKey::by(KeyKind::status)}), period);
    ASSERT_GT(b.rows(), 63u);
    ASSERT_GT(a.rows(), b.rows());
    std::map<std::array<std::string, 3>, std::array<std::int64_t, 3>> summed;
    for (std::size_t r = 0; r < a.rows(); ++r) {
        if (a.totals[r]) continue;
        EXPECT_NE(a.keys[2].cells[r].code, "none") << r;
        auto& sum = summed[{a.keys[0].cells[r].code, a.keys[3].cells[r].code, a.keys[4].cells[r].code}];
        for (std::size_t k = 0; k < ids.size(); ++k) sum[k] += a.column(ids[k]).integers[r];
    }
    std::size_t compared = 0;
    for (std::size_t r = 0; r < b.rows(); ++r) {
        if (b.totals[r]) continue;
        const auto& sum = summed[{b.keys[0].cells[r].code, b.keys[1].cells[r].code, b.keys[2].cells[r].code}];
        for (std::size_t k = 0; k < ids.size(); ++k) EXPECT_EQ(sum[k], b.column(ids[k]).integers[r]) << ids[k];
        ++compared;
    }
    EXPECT_EQ(compared, summed.size());
    expect_same_table(a, over_whole_snapshots(reg, q, period), "wide key space");
}

TEST(Streamed, GroupsByCommuneOfTheEmbeddedCatalogueAloneAndUnderEveryOtherKey) {
    auto reg = empty_registry();
    reg.add(std::vector<OrganizationRecord>{
        cooperative("a", "C31999").registered("2020-01-01"_day).members("2020-01-01"_day, 10),
        cooperative("b", "C31999").registered("2021-01-01"_day).members("2021-01-01"_day, 20),
        cooperative("c", "C32002").registered("2022-01-01"_day).members("2022-01-01"_day, 7),
        group("d", "C32002").registered("2022-01-01"_day).members("2022-01-01"_day, 5),
        cooperative("e").registered("2022-01-01"_day).members("2022-01-01"_day, 9),  // seated at district D964
    });
    const auto period = period_between("2024-01-01"_day, "2024-12-31"_day);
    const auto commune = GroupKey::by_area(AreaLevel::commune);
    const std::vector<std::string> ids{"organizations", "members"};
    const auto by_commune = compute(reg, query(ids, {commune}), period);
    ASSERT_EQ(by_commune.rows(), 4u);
    EXPECT_EQ(by_commune.keys[0].cells[0].code, "C31999");
    EXPECT_EQ(by_commune.keys[0].cells[0].label.vi, "Phường 9");
    EXPECT_EQ(by_commune.keys[0].cells[1].code, "C32002");
    EXPECT_EQ(by_commune.keys[0].cells[2].code, "none");
    EXPECT_EQ(by_commune.keys[0].cells[3].code, "total");
    EXPECT_EQ(by_commune.at({"C31999"}, "organizations"), 2);
    EXPECT_EQ(by_commune.at({"C31999"}, "members"), 30);
    EXPECT_EQ(by_commune.at({"C32002"}, "organizations"), 2);
    EXPECT_EQ(by_commune.at({"C32002"}, "members"), 12);
    EXPECT_EQ(by_commune.at({"none"}, "members"), 9);
    EXPECT_EQ(by_commune.at({"total"}, "organizations"), 5);

    // Every province, district and commune of 2024 by kind and status: more combinations than 32 bits can
    // number, of which four groups are present.
    const std::vector<GroupKey> wide{GroupKey::by_area(AreaLevel::province), GroupKey::by_area(AreaLevel::district),
                                     commune, GroupKey::by(KeyKind::kind), GroupKey::by(KeyKind::status)};
    const indicators::detail::KeySpace space(wide, reg.areas(), period.end, tt01_2020_size_classes().size());
    EXPECT_GT(space.combinations, std::uint64_t{1} << 32);
    const auto q = query(ids, wide);
    const auto t = compute(reg, q, period);
    ASSERT_EQ(t.rows(), 5u);
    EXPECT_EQ(t.at({"P96", "D964", "C31999", "cooperative", "active"}, "organizations"), 2);
    EXPECT_EQ(t.at({"P96", "D964", "C32002", "cooperative", "active"}, "members"), 7);
    EXPECT_EQ(t.at({"P96", "D964", "C32002", "cooperative_group", "active"}, "members"), 5);
    EXPECT_EQ(t.at({"P96", "D964", "none", "cooperative", "active"}, "members"), 9);
    EXPECT_EQ(t.at({"total", "", "", "", ""}, "members"), 51);
    expect_same_table(t, over_whole_snapshots(reg, q, period), "province × district × commune × kind × status");
}

TEST(Streamed, GroupIdsNumberCodesInOrderOfFirstAppearanceInFlatAndHashedTables) {
    indicators::detail::GroupIds flat(1000), hashed(std::uint64_t{1} << 24);
    const std::vector<std::uint32_t> codes{7, 3, 7, 999, 0, 3, 999, 42};
    const std::vector<std::uint32_t> expected{0, 1, 0, 2, 3, 1, 2, 4};
    for (std::size_t i = 0; i < codes.size(); ++i) {
        EXPECT_EQ(flat.of(codes[i]), expected[i]);
        EXPECT_EQ(hashed.of(codes[i]), expected[i]);
    }
    ASSERT_EQ(flat.size(), 5u);
    ASSERT_EQ(hashed.size(), 5u);
    for (std::size_t g = 0; g < 5; ++g) EXPECT_EQ(flat.code(g), hashed.code(g));
    EXPECT_EQ(flat.code(2), 999u);
}

}  // namespace
