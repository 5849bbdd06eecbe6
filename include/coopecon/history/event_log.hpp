#pragma once
// One organisation's history, encoded compactly (core/binary.hpp) in date order; events on the same date keep
// the order in which they were recorded. EventLog is a read-only view of the encoded bytes, which the registry
// keeps in its event store (history/event_store.hpp); EncodedEvents builds them. Replays decode straight into
// the payload type, with no variant.

#include <coopecon/core/binary.hpp>
#include <coopecon/core/date.hpp>
#include <coopecon/export.hpp>
#include <coopecon/model/event.hpp>

#include <boost/mp11/algorithm.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace coopecon {

/// Calls f(payload) with the payload of `type` decoded from `r`.
template <class F>
decltype(auto) visit_encoded(EventType type, BinaryReader& r, F&& f) {
    return boost::mp11::mp_with_index<std::variant_size_v<EventData>>(
        static_cast<std::size_t>(type), [&](auto I) -> decltype(auto) {
            using Payload = std::variant_alternative_t<decltype(I)::value, EventData>;
            // Decoding through a local copy lets the compiler keep the read position in a register: through the
            // reference, every field would store it and load it back.
            BinaryReader local = r;
            const auto payload = local.read<Payload>();
            r = local;
            return f(payload);
        });
}

class COOPECON_EXPORT EventLog {
public:
    EventLog() = default;
    EventLog(std::span<const std::byte> bytes, std::uint32_t count, Date last) noexcept
        : data_(bytes.data()), bytes_(static_cast<std::uint32_t>(bytes.size())), count_(count), last_(last) {}

    std::size_t size() const noexcept { return count_; }
    bool empty() const noexcept { return count_ == 0; }
    std::size_t bytes() const noexcept { return bytes_; }
    std::span<const std::byte> encoded() const noexcept { return {data_, bytes_}; }
    /// Date of the last event (meaningless when empty).
    Date last_date() const noexcept { return last_; }

    /// A position in the log: each replay goes on from where the one before stopped, so states at several
    /// dates come from one pass.
    class Cursor {
    public:
        explicit Cursor(const EventLog& log) noexcept : at_(log.data_), end_(log.data_ + log.bytes_) {}

        /// Calls f(date, payload) for each event from the position on that is dated on or before `until`, in
        /// order, and stops before the first later one.
        template <class F>
        void replay_until(Date until, F&& f) {
            while (at_ != end_) {
                BinaryReader r(at_, static_cast<std::size_t>(end_ - at_));
                const Date d = r.read<Date>();
                if (d > until) return;
                const auto type = r.read<EventType>();
                visit_encoded(type, r, [&](const auto& payload) { f(d, payload); });
                at_ = r.position();
            }
        }

    private:
        const std::byte* at_;
        const std::byte* end_;
    };

    Cursor cursor() const noexcept { return Cursor(*this); }

    /// Calls f(date, payload) for each event dated on or before `until`, in order.
    template <class F>
    void replay_until(Date until, F&& f) const {
        cursor().replay_until(until, std::forward<F>(f));
    }

    std::vector<Event> decode() const;

private:
    const std::byte* data_ = nullptr;
    std::uint32_t bytes_ = 0;
    std::uint32_t count_ = 0;
    Date last_ = Date::min();
};

/// A history being encoded, before the registry stores it: events are appended in date order.
class COOPECON_EXPORT EncodedEvents {
public:
    void push_back(const Event& e);

    EventLog view() const noexcept { return EventLog(bytes_, count_, last_); }

private:
    std::vector<std::byte> bytes_;
    std::uint32_t count_ = 0;
    Date last_ = Date::min();
};

}  // namespace coopecon
