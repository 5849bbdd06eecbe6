// Snapshots handed over a block of organisations at a time (Registry::for_each_snapshot_block) hold exactly
// the rows of the whole snapshots, in order and at every date, with the same column selection; and they refuse
// what `snapshots` refuses.

#include <support/builders.hpp>
#include <support/busy_registry.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;

TEST(SnapshotBlocks, ConcatenatedBlocksEqualTheWholeSnapshotsAtEveryDate) {
    const auto reg = busy_registry();
    const std::vector<Date> dates{"2023-03-31"_d, "2024-01-01"_d, "2025-12-31"_d};
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
    const auto reg = busy_registry();
    auto never = [](std::size_t, std::span<const Snapshot>) { FAIL() << "no block may be handed over"; };
    EXPECT_THROW(reg.for_each_snapshot_block(std::vector<Date>{"2023-01-02"_d, "2022-01-01"_d}, {}, never), Error);
    EXPECT_THROW(reg.for_each_snapshot_block(std::vector<Date>{"2023-01-02"_d, "2023-01-02"_d}, {}, never), Error);
    const std::array one{SnapshotColumns::all()};
    EXPECT_THROW(reg.for_each_snapshot_block(std::vector<Date>{"2022-01-01"_d, "2023-01-02"_d}, one, never), Error);
}

}  // namespace
