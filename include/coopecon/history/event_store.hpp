#pragma once
// Where a registry keeps its organisations' encoded histories: one after another in large blocks, in the order
// they were stored, rather than in a heap block per organisation. A snapshot reads them front to back, so the
// processor streams them from memory instead of following millions of pointers, and no allocation header is
// paid per organisation. A history that changes is stored again at the end; its old bytes are counted as dead,
// and the registry compacts the store when the dead bytes outweigh the live ones.
//
// Entries locate a history by block and offset, not by address, so a store copies and moves like a value.
// A history never spans two blocks: a block's unused end is shorter than the history that did not fit there.

#include <coopecon/core/date.hpp>
#include <coopecon/export.hpp>
#include <coopecon/history/event_log.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace coopecon {

class COOPECON_EXPORT EventStore {
public:
    /// Where one history is, with what a reader asks before decoding it: 20 bytes, so that the registry's row
    /// of an organisation, which every replay reads, stays small.
    struct Entry {
        std::uint32_t block = 0;
        std::uint32_t offset = 0;  // within the block, which is never larger than 4 GiB
        std::uint32_t bytes = 0;
        std::uint32_t count = 0;
        Date last = Date::min();
    };

    /// A stored history: its bytes were checked before they were stored (Registry::add_encoded) or encoded by
    /// EncodedEvents, so replays decode them unchecked.
    EventLog view(const Entry& e) const noexcept {
        if (e.bytes == 0) return EventLog::checked_before({}, e.count, e.last);
        return EventLog::checked_before(std::span<const std::byte>(blocks_[e.block].data() + e.offset, e.bytes),
                                        e.count, e.last);
    }

    /// Copies a history to the end of the store: into the last block when it fits, else into a new one.
    Entry store(const EventLog& log);

    /// The end of the store, to return to when a registry change that stored histories fails part way.
    struct Mark {
        std::size_t blocks = 0;
        std::size_t last_block_bytes = 0;
        std::size_t live = 0;
    };
    Mark mark() const noexcept { return {blocks_.size(), blocks_.empty() ? 0 : blocks_.back().size(), live_}; }
    /// Drops everything stored since `m`; entries handed out since then are no longer valid.
    void rollback(const Mark& m) noexcept;

    /// Counts a history that was stored again elsewhere as dead.
    void release(const Entry& e) noexcept;

    std::size_t live_bytes() const noexcept { return live_; }
    std::size_t dead_bytes() const noexcept { return dead_; }
    /// Bytes allocated for the blocks, reserved room included.
    std::size_t capacity_bytes() const noexcept;

private:
    std::vector<std::vector<std::byte>> blocks_;
    std::size_t live_ = 0;
    std::size_t dead_ = 0;
};

}  // namespace coopecon
