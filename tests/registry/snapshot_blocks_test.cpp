// Snapshots handed over a block of organisations at a time (Registry::for_each_snapshot_block) hold exactly
// the rows of the whole snapshots, in order and at every date, with the same column selection; and they refuse
// what `snapshots` refuses.

#include <support/builders.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;

/// 300 organisations (more than two blocks) registered over 2020-2023 in three kinds and two areas, some
/// suspended, some dissolved, with varying members.
Registry many_organisations() {
    auto reg = registry();
    std::vector<OrganizationRecord> records;
    for (int i = 0; i < 300; ++i) {
        const Date on = *Date::from_ymd(2020 + i % 4, 1 + i % 12, 1 + i % 28);
        auto org = i % 7 == 0 ? cooperative_group("g" + std::to_string(i)) : cooperative("c" + std::to_string(i));
        org.area(i % 2 ? "P96" : "P01").registered(on).then(ev::members_joined(on, 7 + i % 9));
        if (i % 5 == 0) org.then(ev::suspended(on.plus_days(200), on.plus_days(300)));
        if (i % 11 == 0) org.then(ev::dissolution_resolved(on.plus_days(400), 80)).then(ev::dissolution_completed(on.plus_days(500)));
        records.push_back(org);
    }
    reg.add(records);
    return reg;
}

TEST(SnapshotBlocks, ConcatenatedBlocksEqualTheWholeSnapshotsAtEveryDate) {
    const auto reg = many_organisations();
    const std::vector<Date> dates{"2020-06-30"_d, "2022-01-01"_d, "2024-12-31"_d};
    auto some = SnapshotColumns::none();
    some.add(&Snapshot::status).add(&Snapshot::official_members).add(&Snapshot::area);
    const std::array columns{SnapshotColumns::all(), some, SnapshotColumns::all()};
    const auto whole = reg.snapshots(dates, columns);

    std::vector<Snapshot> joined(dates.size());
    std::size_t next = 0;
    reg.for_each_snapshot_block(dates, columns, [&](std::size_t first, std::span<const Snapshot> blocks) {
        EXPECT_EQ(first, next);
        ASSERT_EQ(blocks.size(), dates.size());
        for (std::size_t k = 0; k < dates.size(); ++k) {
            EXPECT_EQ(blocks[k].as_of, dates[k]);
            EXPECT_EQ(blocks[k].size(), blocks[0].size());
            auto append = [&](auto column) {
                auto& to = joined[k].*column;
                to.insert(to.end(), (blocks[k].*column).begin(), (blocks[k].*column).end());
            };
            append(&Snapshot::exists);
            append(&Snapshot::status);
            append(&Snapshot::official_members);
            append(&Snapshot::area);
            append(&Snapshot::kind);
            append(&Snapshot::status_since);
        }
        next = first + blocks[0].size();
    });
    EXPECT_EQ(next, reg.size());
    for (std::size_t k = 0; k < dates.size(); ++k) {
        EXPECT_EQ(joined[k].exists, whole[k].exists) << dates[k].iso();
        EXPECT_EQ(joined[k].status, whole[k].status) << dates[k].iso();
        EXPECT_EQ(joined[k].official_members, whole[k].official_members) << dates[k].iso();
        EXPECT_EQ(joined[k].area, whole[k].area) << dates[k].iso();
        EXPECT_EQ(joined[k].kind, whole[k].kind) << dates[k].iso();  // empty at the second date, as selected
        EXPECT_EQ(joined[k].status_since, whole[k].status_since) << dates[k].iso();
    }
    EXPECT_TRUE(joined[1].kind.empty());
    EXPECT_FALSE(joined[0].kind.empty());
    // The dates were chosen so that the states differ between them.
    EXPECT_NE(whole[0].exists, whole[2].exists);
    EXPECT_NE(whole[1].status, whole[2].status);
}

TEST(SnapshotBlocks, AnEmptyRegistryHandsOverNoBlock) {
    const auto reg = registry();
    int calls = 0;
    reg.for_each_snapshot_block(std::vector<Date>{"2024-01-01"_d}, {}, [&](std::size_t, std::span<const Snapshot>) { ++calls; });
    EXPECT_EQ(calls, 0);
}

TEST(SnapshotBlocks, RefusesDatesOutOfOrderOrRepeatedAndColumnsForSomeDatesOnly) {
    const auto reg = many_organisations();
    auto never = [](std::size_t, std::span<const Snapshot>) { FAIL() << "no block may be handed over"; };
    EXPECT_THROW(reg.for_each_snapshot_block(std::vector<Date>{"2023-01-02"_d, "2022-01-01"_d}, {}, never), Error);
    EXPECT_THROW(reg.for_each_snapshot_block(std::vector<Date>{"2023-01-02"_d, "2023-01-02"_d}, {}, never), Error);
    const std::array one{SnapshotColumns::all()};
    EXPECT_THROW(reg.for_each_snapshot_block(std::vector<Date>{"2022-01-01"_d, "2023-01-02"_d}, one, never), Error);
}

}  // namespace
