#pragma once
// One organisation's history, encoded compactly (core/binary.hpp) in date order; events on the same date keep
// the order in which they were recorded. Replays decode straight into the payload type, with no variant.

#include <coopecon/core/binary.hpp>
#include <coopecon/core/date.hpp>
#include <coopecon/model/event.hpp>

#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace coopecon {

/// Calls f(payload) with the payload of `type` decoded from `r`.
template <class F>
decltype(auto) visit_encoded(EventType type, BinaryReader& r, F&& f) {
    return boost::mp11::mp_with_index<std::variant_size_v<EventData>>(
        static_cast<std::size_t>(type), [&](auto I) -> decltype(auto) {
            using Payload = std::variant_alternative_t<decltype(I)::value, EventData>;
            return f(r.read<Payload>());
        });
}

class EventLog {
public:
    std::size_t size() const noexcept { return count_; }
    bool empty() const noexcept { return count_ == 0; }
    std::size_t bytes() const noexcept { return bytes_.size(); }
    std::size_t capacity() const noexcept { return bytes_.capacity(); }
    /// Date of the last event (meaningless when empty).
    Date last_date() const noexcept { return last_; }

    /// Appends an event dated on or after the last one (the registry keeps that order).
    void push_back(const Event& e) {
        BinaryWriter w(bytes_);
        w.write(e.date);
        w.write(e.type());
        std::visit([&](const auto& p) { w.write(p); }, e.data);
        last_ = e.date;
        ++count_;
    }

    /// Asks the processor to start loading the first bytes: a replay of many logs prefetches a few ahead, so
    /// that reading each log does not wait for memory.
    void prefetch() const noexcept {
        constexpr std::size_t line = 64, lines = 4;
        for (std::size_t at = 0; at < std::min(bytes_.size(), line * lines); at += line)
            __builtin_prefetch(bytes_.data() + at);
    }

    void reserve_bytes(std::size_t n) { bytes_.reserve(n); }
    void shrink_to_fit() { bytes_.shrink_to_fit(); }

    /// Calls f(date, payload) for each event dated on or before `until`, in order.
    template <class F>
    void replay_until(Date until, F&& f) const {
        BinaryReader r(bytes_.data(), bytes_.size());
        while (!r.at_end()) {
            const Date d = r.read<Date>();
            if (d > until) return;
            const auto type = r.read<EventType>();
            visit_encoded(type, r, [&](const auto& payload) { f(d, payload); });
        }
    }

    std::vector<Event> decode() const {
        std::vector<Event> out;
        out.reserve(count_);
        replay_until(Date::max(), [&](Date d, const auto& payload) { out.push_back(Event{d, EventData{payload}}); });
        return out;
    }

private:
    std::vector<std::byte> bytes_;
    std::uint32_t count_ = 0;
    Date last_ = Date::min();
};

}  // namespace coopecon
