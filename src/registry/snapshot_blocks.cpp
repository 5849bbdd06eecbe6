// The snapshots: every history replayed once to each date, a block of organisations at a time. This is the
// hottest loop of the library, so the effects of the events are inlined into it (history/replay_effects.hpp).

#include <coopecon/registry/registry.hpp>

#include "history/replay_effects.hpp"

#include <coopecon/core/parallel.hpp>

#include <algorithm>
#include <array>
#include <utility>

namespace coopecon {

namespace {

void check_snapshot_request(std::span<const Date> dates, std::span<const SnapshotColumns> columns) {
    if (!std::is_sorted(dates.begin(), dates.end()) || std::adjacent_find(dates.begin(), dates.end()) != dates.end())
        throw Error(ErrorCode::usage, "snapshot dates must be strictly increasing");
    if (!columns.empty() && columns.size() != dates.size())
        throw Error(ErrorCode::usage, "snapshot columns must be given for every date or for none");
}

}  // namespace

template <class Sink>
void Registry::replay_blocks(std::span<const Date> dates, std::size_t begin, std::size_t end, Sink&& sink) const {
    // Small enough that a block's states and the rows written from them stay in the core's caches.
    constexpr std::size_t block = 128;
    std::vector<OrgState> states(dates.size() * block);
    std::array<Sector, block> sectors{};
    std::array<AreaIndex, block> areas{};
    end = std::min(end, rows_.size());
    for (std::size_t first = begin; first < end; first += block) {
        const std::size_t n = std::min(block, end - first);
        for (std::size_t j = 0; j < n; ++j) {
            const std::size_t i = first + j;
            const auto& row = rows_[i];
            sectors[j] = row.sector;
            areas[j] = row.area;
            Replay r(row.kind, members_[i], *law_);
            auto events = events_store_.view(row.log).cursor();
            for (std::size_t k = 0; k < dates.size(); ++k) {
                events.replay_until(dates[k], [&](Date d, const auto& p) { detail::apply_event(r, d, p); });
                r.settle(dates[k]);
                states[k * n + j] = r.state();
            }
        }
        sink(first, std::span<const OrgState>(states).first(dates.size() * n),
             std::span<const Sector>(sectors).first(n), std::span<const AreaIndex>(areas).first(n));
    }
}

Snapshot Registry::snapshot(Date date, SnapshotColumns columns, unsigned threads, const CancellationToken* cancel) const {
    return std::move(
        snapshots(std::span<const Date>(&date, 1), std::span<const SnapshotColumns>(&columns, 1), threads, cancel).front());
}

std::vector<Snapshot> Registry::snapshots(std::span<const Date> dates, std::span<const SnapshotColumns> columns,
                                          unsigned threads, const CancellationToken* cancel) const {
    check_snapshot_request(dates, columns);
    throw_if_cancelled(cancel);
    std::vector<Snapshot> out(dates.size());
    for (std::size_t k = 0; k < dates.size(); ++k) {
        out[k].as_of = dates[k];
        out[k].resize(rows_.size(), columns.empty() ? SnapshotColumns::all() : columns[k]);
    }
    // Each part writes the rows of its own organisations, so the snapshots are the same on any number of threads;
    // it replays them a chunk at a time, reading the token in between.
    constexpr std::size_t min_part = 16384, chunk = 4096;
    for_each_chunk(rows_.size(), part_count(rows_.size(), threads, min_part), chunk, cancel,
                   [&](std::size_t, std::size_t begin, std::size_t end) {
                       replay_blocks(dates, begin, end,
                                     [&](std::size_t first, std::span<const OrgState> states,
                                         std::span<const Sector> sectors, std::span<const AreaIndex> areas) {
                                         const std::size_t n = sectors.size();
                                         for (std::size_t k = 0; k < dates.size(); ++k)
                                             out[k].set_rows(first, states.subspan(k * n, n), sectors, areas);
                                     });
                   });
    return out;
}

void Registry::snapshot_blocks(std::span<const Date> dates, std::span<const SnapshotColumns> columns,
                               std::size_t begin, std::size_t end, const BlockSink& f) const {
    check_snapshot_request(dates, columns);
    std::vector<Snapshot> blocks(dates.size());
    for (std::size_t k = 0; k < dates.size(); ++k) blocks[k].as_of = dates[k];
    replay_blocks(dates, begin, end, [&](std::size_t first, std::span<const OrgState> states,
                                         std::span<const Sector> sectors, std::span<const AreaIndex> areas) {
        const std::size_t n = sectors.size();
        for (std::size_t k = 0; k < dates.size(); ++k) {
            if (blocks[k].size() != n) blocks[k].resize(n, columns.empty() ? SnapshotColumns::all() : columns[k]);
            blocks[k].set_rows(0, states.subspan(k * n, n), sectors, areas);
        }
        f(first, std::span<const Snapshot>(blocks));
    });
}

}  // namespace coopecon
