#pragma once
// A compact binary encoding of described types, driven by Boost.Describe like the JSON format, so a new field
// needs no hand-written code. It stores event logs in memory (a few dozen bytes an event) and serialises state.
//
// Encoding: integers and enums little-endian at their own width, bool as one byte, Date as its int32 day count,
// strings and vectors as a uint32 length then the elements, optionals as a presence byte then the value,
// described structs as their members in declaration order. No alignment: reads go through memcpy.

#include <coopecon/core/date.hpp>
#include <coopecon/core/error.hpp>  // what BinaryReader throws
#include <coopecon/core/type_traits.hpp>
#include <coopecon/export.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace coopecon {

class BinaryWriter {
public:
    explicit BinaryWriter(std::vector<std::byte>& out) noexcept : out_(out) {}

    template <class T>
    void write(const T& v) {
        if constexpr (std::is_same_v<T, bool>) {
            raw(static_cast<std::uint8_t>(v ? 1 : 0));
        } else if constexpr (std::is_enum_v<T> || std::is_integral_v<T>) {
            raw(v);
        } else if constexpr (std::is_same_v<T, Date>) {
            raw(v.days_since_epoch());
        } else if constexpr (std::is_same_v<T, std::string>) {
            raw(static_cast<std::uint32_t>(v.size()));
            bytes(v.data(), v.size());
        } else if constexpr (detail::is_optional<T>::value) {
            raw(static_cast<std::uint8_t>(v ? 1 : 0));
            if (v) write(*v);
        } else if constexpr (detail::is_vector<T>::value) {
            raw(static_cast<std::uint32_t>(v.size()));
            for (const auto& x : v) write(x);
        } else {
            static_assert(boost::describe::has_describe_members<T>::value, "binary encoding needs a described type");
            boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
                [&](auto m) { write(v.*m.pointer); });
        }
    }

private:
    template <class T>
    void raw(T v) {
        bytes(&v, sizeof v);
    }
    void bytes(const void* p, std::size_t n) {
        const auto at = out_.size();
        out_.resize(at + n);
        if (n) std::memcpy(out_.data() + at, p, n);
    }

    std::vector<std::byte>& out_;
};

/// Reads what BinaryWriter wrote. Reading past the end throws, so truncated or hostile input cannot crash.
class COOPECON_EXPORT BinaryReader {
public:
    BinaryReader(const std::byte* data, std::size_t size) noexcept : p_(data), end_(data + size) {}

    bool at_end() const noexcept { return p_ == end_; }
    const std::byte* position() const noexcept { return p_; }

    template <class T>
    T read() {
        T v{};
        read_into(v);
        return v;
    }

    /// Reads a value; `Checked`: whether each part checks that its bytes are there (a struct of fixed size is
    /// checked once as a whole, then read part by part unchecked).
    template <class T, bool Checked = true>
    void read_into(T& v) {
        if constexpr (std::is_same_v<T, bool>) {
            v = raw<std::uint8_t, Checked>() != 0;
        } else if constexpr (std::is_enum_v<T> || std::is_integral_v<T>) {
            v = raw<T, Checked>();
        } else if constexpr (std::is_same_v<T, Date>) {
            v = Date::from_days(raw<std::int32_t, Checked>());
        } else if constexpr (std::is_same_v<T, std::string>) {
            const auto n = raw<std::uint32_t>();
            need(n);
            v.assign(reinterpret_cast<const char*>(p_), n);
            p_ += n;
        } else if constexpr (detail::is_optional<T>::value) {
            if (raw<std::uint8_t>())
                read_into(v.emplace());
            else
                v.reset();
        } else if constexpr (detail::is_vector<T>::value) {
            const auto n = raw<std::uint32_t>();
            need(n);  // every element takes at least one byte: a bound on hostile lengths before allocating
            v.clear();
            v.reserve(n);
            for (std::uint32_t i = 0; i < n; ++i) read_into(v.emplace_back());
        } else {
            constexpr std::size_t size = fixed_size<T>();
            if constexpr (Checked && size > 0) need(size);
            boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto m) {
                read_into<std::remove_cvref_t<decltype(v.*m.pointer)>, Checked && size == 0>(v.*m.pointer);
            });
        }
    }

private:
    /// The bytes every value of T takes when that is always the same, else 0 (strings, vectors, optionals).
    template <class T>
    static constexpr std::size_t fixed_size() {
        if constexpr (std::is_same_v<T, bool>) {
            return 1;
        } else if constexpr (std::is_enum_v<T> || std::is_integral_v<T>) {
            return sizeof(T);
        } else if constexpr (std::is_same_v<T, Date>) {
            return sizeof(std::int32_t);
        } else if constexpr (std::is_same_v<T, std::string> || detail::is_optional<T>::value ||
                             detail::is_vector<T>::value) {
            return 0;
        } else {
            std::size_t total = 0;
            bool fixed = true;
            boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto m) {
                constexpr std::size_t part = fixed_size<std::remove_cvref_t<decltype(std::declval<T&>().*m.pointer)>>();
                total += part;
                fixed = fixed && part > 0;
            });
            return fixed ? total : 0;
        }
    }

    void need(std::size_t n) const {
        if (static_cast<std::size_t>(end_ - p_) < n) [[unlikely]]
            ends_early(n);
    }
    // Compiled in the library, so that the check inlined into every read stays a compare and a branch.
    [[noreturn, gnu::cold]] static void ends_early(std::size_t n);
    template <class T, bool Checked = true>
    T raw() {
        if constexpr (Checked) need(sizeof(T));
        T v;
        std::memcpy(&v, p_, sizeof v);
        p_ += sizeof v;
        return v;
    }

    const std::byte* p_;
    const std::byte* end_;
};

}  // namespace coopecon
