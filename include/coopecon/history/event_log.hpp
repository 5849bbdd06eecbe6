#pragma once
// One organisation's history, encoded compactly (history/compact_encoding.hpp) in date order; events on the same
// date keep the order in which they were recorded. EventLog is a read-only view of the encoded bytes, which the
// registry keeps in its event store (history/event_store.hpp); EncodedEvents builds them. Replays decode straight
// into the payload type, with no variant.

#include <coopecon/core/date.hpp>
#include <coopecon/export.hpp>
#include <coopecon/history/compact_encoding.hpp>
#include <coopecon/model/event.hpp>

#include <boost/mp11/algorithm.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <variant>
#include <vector>

namespace coopecon {

/// Calls f(payload) with the payload of `type` decoded from `r`; with a checked reader, an unknown type throws as
/// damaged bytes do.
template <bool Checked, class F>
decltype(auto) visit_encoded(EventType type, BasicCompactReader<Checked>& r, F&& f) {
    if (Checked && static_cast<std::size_t>(type) >= std::variant_size_v<EventData>) [[unlikely]]
        detail::compact_malformed("an unknown event type");
    return boost::mp11::mp_with_index<std::variant_size_v<EventData>>(
        static_cast<std::size_t>(type), [&](auto I) -> decltype(auto) {
            using Payload = std::variant_alternative_t<decltype(I)::value, EventData>;
            // Decoding through a local copy lets the compiler keep the read position in a register: through the
            // reference, every field would store it and load it back.
            BasicCompactReader<Checked> local = r;
            const auto payload = local.template read<Payload>();
            r = local;
            return f(payload);
        });
}

class COOPECON_EXPORT EventLog {
public:
    EventLog() = default;
    /// Bytes from anywhere: every replay checks them as it decodes.
    EventLog(std::span<const std::byte> bytes, std::uint32_t count, Date last) noexcept
        : data_(bytes.data()), bytes_(static_cast<std::uint32_t>(bytes.size())), count_(count), last_(last) {}

    /// Bytes that were decoded whole by a checked replay, or written by EncodedEvents, before (the registry's
    /// event store holds nothing else): replays decode them unchecked (UncheckedCompactReader).
    static EventLog checked_before(std::span<const std::byte> bytes, std::uint32_t count, Date last) noexcept {
        EventLog log(bytes, count, last);
        log.checked_before_ = true;
        return log;
    }

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
        explicit Cursor(const EventLog& log) noexcept
            : at_(log.data_), end_(log.data_ + log.bytes_), checked_before_(log.checked_before_) {}

        /// Whether every event was replayed.
        bool at_end() const noexcept { return at_ == end_; }

        /// Calls f(date, payload) for each event from the position on that is dated on or before `until`, in
        /// order, and stops before the first later one.
        template <class F>
        void replay_until(Date until, F&& f) {
            if (checked_before_)
                replay_with<UncheckedCompactReader>(until, f);
            else
                replay_with<CompactReader>(until, f);
        }

    private:
        template <class Reader, class F>
        [[gnu::always_inline]] void replay_with(Date until, F& f) {
            while (at_ != end_) {
                Reader r(at_, end_);
                const auto header = r.event_header();
                if (std::int64_t{header.days} > std::int64_t{until.days_since_epoch()} - previous_.days_since_epoch())
                    return;
                const Date d = Date::from_days(previous_.days_since_epoch() + static_cast<std::int32_t>(header.days));
                visit_encoded(header.type, r, [&](const auto& payload) { f(d, payload); });
                at_ = r.position();
                previous_ = d;
            }
        }

        const std::byte* at_;
        const std::byte* end_;
        Date previous_ = Date::min();  // the date the next event's header counts from
        bool checked_before_;
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
    bool checked_before_ = false;
};

/// A history being encoded, before the registry stores it: events are appended in date order (an earlier one
/// is refused with invalid_value).
class COOPECON_EXPORT EncodedEvents {
public:
    void push_back(const Event& e);

    EventLog view() const noexcept { return EventLog::checked_before(bytes_, count_, last_); }

private:
    std::vector<std::byte> bytes_;
    std::uint32_t count_ = 0;
    Date last_ = Date::min();
};

}  // namespace coopecon
