// Readers beside one appender, locked as the Python module shares a registry between threads (a readers-writer
// lock, python/src/shared_registry.hpp): readers that replay on threads of their own (snapshots, the check, the
// report, each split into parts) see the registry either before or after each append, never halfway. Built with
// ThreadSanitizer (the tsan preset), this also finds any write the const reads would make to shared state.

#include <coopecon/compliance/check.hpp>
#include <coopecon/indicators/report.hpp>

#include <support/builders.hpp>
#include <support/busy_registry.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;

TEST(ReadersAndAppender, ReadersSeeEachAppendWholeOrNotAtAll) {
    Registry reg = busy_registry();
    std::shared_mutex lock;
    constexpr int appends = 40;
    const Date on = "2025-12-31"_d;
    // Each append brings organisation 1 one more official member, so its count at `on` tells how many appends
    // a reader saw.
    auto members = [&](const Registry& r) { return r.state_at(r.index_of("org-1"), on).members.official(); };
    const auto before = members(reg);
    std::atomic<bool> done{false};
    std::atomic<int> reads{0};
    std::vector<std::jthread> readers;
    for (int t = 0; t < 3; ++t)
        readers.emplace_back([&, t] {
            auto last = before;
            while (!done.load()) {
                std::shared_lock shared(lock);
                const auto seen = members(reg);
                EXPECT_GE(seen, last);  // appends are never seen undone
                EXPECT_LE(seen, before + appends);
                last = seen;
                const auto snap = reg.snapshot(on, SnapshotColumns::all(), 2);
                EXPECT_EQ(snap.size(), reg.size());
                if (t == 1) {
                    compliance::CheckOptions o;
                    o.threads = 2;
                    (void)compliance::check(reg, on, o);
                }
                if (t == 2) {
                    indicators::ReportOptions o;
                    o.as_of = on;
                    o.threads = 2;
                    (void)indicators::standard_report(reg, o);
                }
                ++reads;
                shared.unlock();
                // Readers hold the lock in turns with gaps between them, as Python callers do: a reader-preferring
                // lock would otherwise keep the appender out for as long as they read.
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });
    for (int k = 0; k < appends; ++k) {
        {
            std::unique_lock exclusive(lock);
            reg.append("org-1", ev::members_joined("2025-01-01"_d.plus_days(k), 1));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    while (reads.load() < 6) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    done = true;
    readers.clear();
    EXPECT_EQ(members(reg), before + appends);
}

}  // namespace
