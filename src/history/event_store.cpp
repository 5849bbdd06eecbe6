#include <coopecon/history/event_store.hpp>

#include <algorithm>
#include <utility>

namespace coopecon {

namespace {

// Blocks grow from 64 KiB to 8 MiB: small registries stay small, large ones waste little at a block's end.
constexpr std::size_t min_block = std::size_t{64} << 10, max_block = std::size_t{8} << 20;

}  // namespace

EventStore::Entry EventStore::store(const EventLog& log) {
    const std::size_t bytes = log.bytes();
    if (blocks_.empty() || blocks_.back().capacity() - blocks_.back().size() < bytes) {
        const std::size_t grown = blocks_.empty() ? min_block : std::min(max_block, 2 * blocks_.back().capacity());
        std::vector<std::byte> block;
        block.reserve(std::max(bytes, grown));
        blocks_.push_back(std::move(block));
    }
    auto& block = blocks_.back();
    const Entry e{static_cast<std::uint32_t>(blocks_.size() - 1), static_cast<std::uint32_t>(block.size()),
                  static_cast<std::uint32_t>(bytes),
                  static_cast<std::uint32_t>(log.size()), log.last_date()};
    const auto encoded = log.encoded();
    block.insert(block.end(), encoded.begin(), encoded.end());
    live_ += bytes;
    return e;
}

void EventStore::rollback(const Mark& m) noexcept {
    blocks_.resize(m.blocks);  // shrinking: no allocation
    if (!blocks_.empty()) blocks_.back().resize(m.last_block_bytes);
    live_ = m.live;
}

void EventStore::release(const Entry& e) noexcept {
    live_ -= e.bytes;
    dead_ += e.bytes;
}

std::size_t EventStore::capacity_bytes() const noexcept {
    std::size_t n = blocks_.capacity() * sizeof(blocks_[0]);
    for (const auto& b : blocks_) n += b.capacity();
    return n;
}

}  // namespace coopecon
