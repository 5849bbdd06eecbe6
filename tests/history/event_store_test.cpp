// The event store keeps every organisation's encoded history in shared blocks: histories come back byte for
// byte wherever they landed, a failed change is rolled back, copies are independent, and a registry that keeps
// changing histories compacts its store instead of growing without bound. A log cursor replays a history in
// steps, as snapshots at several dates do.

#include <support/builders.hpp>
#include <support/registry_checks.hpp>

#include <coopecon/history/event_store.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;

/// A history of `n` annual assemblies on consecutive days from 2024-01-01, after a registration.
EncodedEvents assemblies(std::size_t n) {
    EncodedEvents out;
    out.push_back(ev::registered("2023-12-31"_d));
    for (std::size_t k = 0; k < n; ++k) out.push_back(ev::annual_assembly(("2024-01-01"_d).plus_days(static_cast<int>(k))));
    return out;
}

std::vector<std::byte> bytes_of(const EventLog& log) { return {log.encoded().begin(), log.encoded().end()}; }

TEST(EventStore, HistoriesComeBackByteForByteWhateverBlockTheyLandIn) {
    EventStore store;
    std::vector<EncodedEvents> histories;
    // Sizes from one event to far more than the first block (64 KiB) holds, so some open new blocks.
    for (std::size_t n : {0, 1, 7, 2'000, 30'000, 3, 12'000, 0, 5}) histories.push_back(assemblies(n));
    std::vector<EventStore::Entry> entries;
    for (const auto& h : histories) entries.push_back(store.store(h.view()));
    EXPECT_GT(entries.back().block, 0u);
    std::size_t live = 0;
    for (std::size_t k = 0; k < histories.size(); ++k) {
        const auto original = histories[k].view(), stored = store.view(entries[k]);
        EXPECT_EQ(bytes_of(stored), bytes_of(original)) << k;
        EXPECT_EQ(stored.size(), original.size()) << k;
        EXPECT_EQ(stored.last_date(), original.last_date()) << k;
        live += original.bytes();
    }
    EXPECT_EQ(store.live_bytes(), live);
    EXPECT_EQ(store.dead_bytes(), 0u);
    EXPECT_GE(store.capacity_bytes(), live);
}

TEST(EventStore, RollbackDropsWhatWasStoredSinceTheMarkAndNothingBefore) {
    EventStore store;
    const auto kept_history = assemblies(10);
    const auto kept = store.store(kept_history.view());
    const auto mark = store.mark();
    store.store(assemblies(40'000).view());  // opens a new block
    store.store(assemblies(3).view());
    store.rollback(mark);
    EXPECT_EQ(store.live_bytes(), kept_history.view().bytes());
    EXPECT_EQ(bytes_of(store.view(kept)), bytes_of(kept_history.view()));
    // The next history goes where the rolled-back ones had gone.
    const auto next = store.store(assemblies(3).view());
    EXPECT_EQ(next.block, kept.block);
    EXPECT_EQ(next.offset, kept.offset + kept.bytes);
}

TEST(EventStore, ReleasedHistoriesCountAsDeadUntilTheStoreIsRebuilt) {
    EventStore store;
    const auto first = store.store(assemblies(10).view());
    const auto again = store.store(assemblies(11).view());
    store.release(first);
    EXPECT_EQ(store.dead_bytes(), first.bytes);
    EXPECT_EQ(store.live_bytes(), again.bytes);
}

TEST(EventStore, ACopyHasItsOwnBlocks) {
    EventStore store;
    const auto history = assemblies(20);
    const auto entry = store.store(history.view());
    EventStore copy = store;
    store.rollback(EventStore::Mark{});  // empties the original
    EXPECT_EQ(bytes_of(copy.view(entry)), bytes_of(history.view()));
}

TEST(EventLogCursor, EachReplayGoesOnWhereTheLastStopped) {
    EncodedEvents encoded;
    encoded.push_back(ev::registered("2024-01-10"_d));
    encoded.push_back(ev::annual_assembly("2024-02-01"_d));
    encoded.push_back(ev::report_filed("2024-02-01"_d, 2023));
    encoded.push_back(ev::annual_assembly("2024-03-01"_d));
    auto cursor = encoded.view().cursor();
    std::vector<std::string> seen;
    auto step = [&](Date until) {
        std::size_t n = 0;
        cursor.replay_until(until, [&](Date d, const auto& payload) {
            seen.push_back(d.iso() + " " + std::string(enum_name(Event{d, EventData{payload}}.type())));
            ++n;
        });
        return n;
    };
    EXPECT_EQ(step("2024-01-31"_d), 1u);
    EXPECT_EQ(step("2024-02-01"_d), 2u);
    EXPECT_EQ(step("2024-02-01"_d), 0u);
    EXPECT_EQ(step("2024-01-01"_d), 0u);  // an earlier date does not go back
    EXPECT_EQ(step(Date::max()), 1u);
    EXPECT_EQ(step(Date::max()), 0u);
    const std::vector<std::string> expected{"2024-01-10 registered", "2024-02-01 assembly_held",
                                            "2024-02-01 report_filed", "2024-03-01 assembly_held"};
    EXPECT_EQ(seen, expected);
}

/// Three cooperatives whose middle one holds `assemblies` annual assemblies on consecutive days.
std::vector<OrganizationRecord> three_cooperatives(int assemblies) {
    auto middle = cooperative("htx-middle").registered("2023-12-31"_d);
    for (int k = 0; k < assemblies; ++k) middle.then(ev::annual_assembly(("2024-01-01"_d).plus_days(k)));
    return {cooperative("htx-before").registered("2023-06-01"_d).then(ev::annual_assembly("2024-03-01"_d)),
            middle, cooperative("htx-after").registered("2023-07-01"_d).then(ev::report_filed("2024-02-01"_d, 2023))};
}

TEST(RegistryEventStore, AHistoryAppendedOneEventAtATimeReadsLikeOneAddedWhole) {
    constexpr int appended = 400;
    auto grown = registry();
    grown.add(three_cooperatives(0));
    for (int k = 0; k < appended; ++k) grown.append("htx-middle", ev::annual_assembly(("2024-01-01"_d).plus_days(k)));
    auto whole = registry();
    whole.add(three_cooperatives(appended));
    EXPECT_EQ(image(grown), image(whole));
    // Each append stores the changed history again; without compaction the 400 superseded copies (about
    // 400 * 400 / 2 events of several bytes) would stay, far more than the blocks of a compacted store.
    EXPECT_LT(grown.memory_bytes(), whole.memory_bytes() + (std::size_t{256} << 10));
}

TEST(RegistryEventStore, ACopiedRegistryIsUnchangedByAppendsToTheOriginal) {
    auto original = registry();
    original.add(three_cooperatives(5));
    const Registry copy = original;
    const auto before = image(copy);
    for (int k = 0; k < 50; ++k) original.append("htx-middle", ev::annual_assembly(("2024-02-01"_d).plus_days(k)));
    EXPECT_EQ(image(copy), before);
    EXPECT_EQ(copy.log(1).size(), 6u);
    EXPECT_EQ(original.log(1).size(), 56u);
}

}  // namespace
