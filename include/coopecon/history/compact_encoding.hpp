#pragma once
// The compact encoding of event histories, in memory (history/event_store.hpp) and in the binary registry form
// (docs/registry-format.md). Driven by Boost.Describe like core/binary.hpp, so a new field needs no code, but
// sized for the values histories hold, and decoded with no branch that depends on the value (a snapshot decodes
// every event of every history, so decoding must cost no more than reading fixed widths did):
//
// - 32-bit integers (years, counts) in two bytes when their zigzagged value (0, -1, 1, -2 … as 0, 1, 2, 3 …) is
//   below 2^15: that value × 2; otherwise the two bytes 1, 0, then the integer in four;
// - 64-bit integers, which are amounts of đồng, in four bytes when they are whole thousands whose zigzagged
//   count is below 2^31: that count × 2; otherwise the four bytes 1, 0, 0, 0, then the amount in eight;
// - enumerations and bools as one byte; dates inside payloads as their 4-byte day counts (from 1970-01-01);
//   unsigned sizes as LEB128 variable-length numbers (7 bits a byte, low bits first), then the bytes or
//   elements of strings and lists; optionals as a presence byte, then the value;
// - each event as a 2-byte header, days × 32 + type, where `days` counts from the event before (from 0001-01-01
//   for the first: histories are in date order, so it is never negative), then its payload; when `days` is 2047
//   or more, the header says 2047 and the days follow in four bytes.
//
// All little-endian. Reading past the end, a size longer than 64 bits or an unknown event type throws Error
// (syntax), so bytes from a file cannot make a reader go astray; whether values are in range is for the binary
// form to check.

#include <coopecon/core/date.hpp>
#include <coopecon/core/type_traits.hpp>
#include <coopecon/export.hpp>
#include <coopecon/model/event.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace coopecon {

namespace detail {
constexpr std::uint64_t zigzag(std::int64_t v) noexcept {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
constexpr std::int64_t unzigzag(std::uint64_t u) noexcept {
    return static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
}

/// Bits of an event header below the days: enough for every event type.
inline constexpr unsigned event_type_bits = 5;
static_assert(std::variant_size_v<EventData> <= (1u << event_type_bits), "widen the event header's type bits");
/// The days in a header that say the days follow in four bytes.
inline constexpr std::uint32_t days_follow = 2047;
/// The short form that says the value follows whole (see the encoding above).
inline constexpr std::uint32_t whole_value = 1;

/// Why compact bytes cannot be read; compiled in the library so that the checks inline as a compare and a branch.
[[noreturn, gnu::cold]] COOPECON_EXPORT void compact_malformed(const char* why);
}  // namespace detail

class CompactWriter {
public:
    explicit CompactWriter(std::vector<std::byte>& out) noexcept : out_(out) {}

    void varint(std::uint64_t v) {
        while (v >= 0x80) {
            out_.push_back(static_cast<std::byte>(v | 0x80));
            v >>= 7;
        }
        out_.push_back(static_cast<std::byte>(v));
    }

    /// An event's header: its date after `previous` (on or before it) and its type.
    void event_header(Date previous, Date date, EventType type) {
        const auto days = static_cast<std::uint32_t>(std::int64_t{date.days_since_epoch()} - previous.days_since_epoch());
        raw(static_cast<std::uint16_t>(std::min(days, detail::days_follow) << detail::event_type_bits |
                                       static_cast<std::uint32_t>(type)));
        if (days >= detail::days_follow) raw(days);
    }

    template <class T>
    void write(const T& v) {
        if constexpr (std::is_same_v<T, bool>) {
            out_.push_back(static_cast<std::byte>(v ? 1 : 0));
        } else if constexpr (std::is_enum_v<T>) {
            static_assert(sizeof(T) == 1, "enumerations are written as one byte");
            out_.push_back(static_cast<std::byte>(v));
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
            amount(v);
        } else if constexpr (std::is_same_v<T, std::int32_t>) {
            const auto z = detail::zigzag(v);
            if (z < (1u << 15)) {
                raw(static_cast<std::uint16_t>(z << 1));
            } else {
                raw(static_cast<std::uint16_t>(detail::whole_value));
                raw(v);
            }
        } else if constexpr (std::is_integral_v<T> && std::is_unsigned_v<T>) {
            varint(v);
        } else if constexpr (std::is_same_v<T, Date>) {
            raw(v.days_since_epoch());
        } else if constexpr (std::is_same_v<T, std::string>) {
            varint(v.size());
            const auto* p = reinterpret_cast<const std::byte*>(v.data());
            out_.insert(out_.end(), p, p + v.size());
        } else if constexpr (detail::is_optional<T>::value) {
            write(v.has_value());
            if (v) write(*v);
        } else if constexpr (detail::is_vector<T>::value) {
            varint(v.size());
            for (const auto& x : v) write(x);
        } else {
            static_assert(boost::describe::has_describe_members<T>::value, "compact encoding needs a described type");
            boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
                [&](auto m) { write(v.*m.pointer); });
        }
    }

private:
    void amount(std::int64_t v) {
        if (v % 1000 == 0 && detail::zigzag(v / 1000) < (std::uint64_t{1} << 31)) {
            raw(static_cast<std::uint32_t>(detail::zigzag(v / 1000) << 1));
        } else {
            raw(detail::whole_value);
            raw(v);
        }
    }
    template <class T>
    void raw(T v) {
        const auto* p = reinterpret_cast<const std::byte*>(&v);
        out_.insert(out_.end(), p, p + sizeof v);
    }

    std::vector<std::byte>& out_;
};

/// Reads what CompactWriter wrote. Checked (the default), damaged bytes throw instead of reading astray; unchecked,
/// for bytes a checked reader has read through already (the registry's event store: each history there was either
/// encoded by CompactWriter or decoded whole by a checked reader when it was loaded), nothing is checked, which a
/// snapshot, decoding every event of every history, would otherwise pay for on every value.
template <bool Checked>
class BasicCompactReader {
public:
    BasicCompactReader(const std::byte* begin, const std::byte* end) noexcept : p_(begin), end_(end) {}

    bool at_end() const noexcept { return p_ == end_; }
    const std::byte* position() const noexcept { return p_; }

    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (unsigned shift = 0;; shift += 7) {
            const std::uint64_t b = byte();
            if (Checked && shift == 63 && b > 1) detail::compact_malformed("a number longer than 64 bits");
            v |= (b & 0x7f) << shift;
            if (b < 0x80) return v;
        }
    }

    /// An event's header: the days since the event before, and the type (not checked: see visit_encoded).
    struct Header {
        std::uint32_t days;
        EventType type;
    };
    [[gnu::always_inline]] Header event_header() {
        const auto h = raw<std::uint16_t>();
        std::uint32_t days = h >> detail::event_type_bits;
        if (days == detail::days_follow) [[unlikely]]
            days = raw<std::uint32_t>();
        return {days, static_cast<EventType>(h & ((1u << detail::event_type_bits) - 1))};
    }

    /// The next `n` bytes as they are.
    std::span<const std::byte> take(std::uint64_t n) {
        if (Checked && n > static_cast<std::uint64_t>(end_ - p_)) [[unlikely]]
            detail::compact_malformed("a size beyond the end of the bytes");
        const std::span<const std::byte> out(p_, static_cast<std::size_t>(n));
        p_ += n;
        return out;
    }

    /// Always inlined, with what it calls: a snapshot's loop decodes every payload type, and a payload decoded
    /// out of line returns through memory and keeps the read position there, which made a snapshot a third slower.
    template <class T>
    [[gnu::always_inline]] T read() {
        if constexpr (std::is_same_v<T, bool>) {
            return byte() != 0;
        } else if constexpr (std::is_enum_v<T>) {
            return static_cast<T>(byte());
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
            return amount();
        } else if constexpr (std::is_same_v<T, std::int32_t>) {
            const auto z = raw<std::uint16_t>();
            if (z == detail::whole_value) [[unlikely]]
                return raw<std::int32_t>();
            return static_cast<std::int32_t>(detail::unzigzag(z >> 1));
        } else if constexpr (std::is_integral_v<T> && std::is_unsigned_v<T>) {
            return static_cast<T>(varint());
        } else if constexpr (std::is_same_v<T, Date>) {
            return Date::from_days(raw<std::int32_t>());
        } else if constexpr (std::is_same_v<T, std::string>) {
            const auto n = size();
            T s(reinterpret_cast<const char*>(p_), n);
            p_ += n;
            return s;
        } else if constexpr (detail::is_optional<T>::value) {
            if (!read<bool>()) return std::nullopt;
            return read<typename T::value_type>();
        } else {
            static_assert(detail::is_vector<T>::value || boost::describe::has_describe_members<T>::value,
                          "compact encoding needs a described type");
            T v{};
            read_into(v);
            return v;
        }
    }

private:
    /// Decodes into a value-initialised `v` in place: a payload's lists, nearly always empty, then cost a size
    /// read and nothing else, where a list decoded apart was built, moved in and destroyed.
    template <class T>
    [[gnu::always_inline]] void read_into(T& v) {
        if constexpr (detail::is_vector<T>::value) {
            const auto n = size();  // every element takes at least one byte: a bound on hostile sizes
            if (n == 0) return;
            v.reserve(n);
            for (std::size_t i = 0; i < n; ++i) v.push_back(read<typename T::value_type>());
        } else if constexpr (boost::describe::has_describe_members<T>::value) {
            boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
                [&](auto m) { read_into(v.*m.pointer); });
        } else {
            v = read<T>();
        }
    }

    template <class T>
    [[gnu::always_inline]] T raw() {
        if (Checked && static_cast<std::size_t>(end_ - p_) < sizeof(T)) [[unlikely]]
            detail::compact_malformed("the bytes end inside a value");
        T v;
        std::memcpy(&v, p_, sizeof v);
        p_ += sizeof v;
        return v;
    }
    [[gnu::always_inline]] std::uint64_t byte() {
        if (Checked && p_ == end_) [[unlikely]]
            detail::compact_malformed("the bytes end inside a value");
        return std::to_integer<std::uint64_t>(*p_++);
    }
    /// A size of bytes or elements that must still be there.
    [[gnu::always_inline]] std::size_t size() {
        const auto n = varint();
        if (Checked && n > static_cast<std::uint64_t>(end_ - p_)) [[unlikely]]
            detail::compact_malformed("a size beyond the end of the bytes");
        return static_cast<std::size_t>(n);
    }
    [[gnu::always_inline]] std::int64_t amount() {
        const auto z = raw<std::uint32_t>();
        if (z == detail::whole_value) [[unlikely]]
            return raw<std::int64_t>();
        return detail::unzigzag(z >> 1) * 1000;
    }

    const std::byte* p_;
    const std::byte* end_;
};

using CompactReader = BasicCompactReader<true>;
using UncheckedCompactReader = BasicCompactReader<false>;

}  // namespace coopecon
