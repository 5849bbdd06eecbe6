#pragma once
// C++ values → JSON text, pretty and deterministic: 2-space indent, one member or element per line, keys in
// declaration order, UTF-8 written as is (only '"', '\\' and control characters are escaped), no trailing
// spaces, a final newline. The same value always gives the same bytes, so write → read → write is identical.
//
// Output policy (the mirror of json/read.hpp): a struct member that is an empty optional or an empty vector is
// left out; every other member is written. The writer streams: it never builds a boost::json::value, and when
// given an ostream it holds at most one 64 KiB buffer of output.

#include <coopecon/core/date.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include "json/traits.hpp"
#include <coopecon/core/timeline.hpp>
#include <coopecon/export.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace coopecon::json {

class COOPECON_EXPORT Writer {
public:
    /// Appends to `out`.
    explicit Writer(std::string& out) noexcept : out_(&out) {}
    /// Writes to `out` through a buffer; call finish() at the end.
    explicit Writer(std::ostream& out);
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    /// The key of the next member of the current object.
    void key(std::string_view k);

    void string(std::string_view s);
    void integer(std::int64_t v) { number(v); }
    void unsigned_integer(std::uint64_t v) { number(v); }
    void boolean(bool v);
    void null();

    /// Writes any value the JSON layer knows (json/traits.hpp).
    template <class T>
    void value(const T& v) {
        if constexpr (has_codec_write<T>) {
            Codec<T>::write(*this, v);
        } else if constexpr (std::is_same_v<T, bool>) {
            boolean(v);
        } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view>) {
            string(v);
        } else if constexpr (std::is_same_v<T, Date>) {
            string(v.iso());
        } else if constexpr (std::is_enum_v<T>) {
            const auto name = enum_name(v);
            if (name.empty())
                throw Error(ErrorCode::invalid_value,
                            "cannot write the value " + std::to_string(static_cast<long long>(v)) +
                                ": it is not an enumerator of its type");
            string(name);
        } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
            integer(v);
        } else if constexpr (std::is_integral_v<T>) {
            unsigned_integer(v);
        } else if constexpr (is_optional<T>::value) {
            if (v) value(*v);
            else null();
        } else if constexpr (is_vector<T>::value) {
            begin_array();
            for (const auto& x : v) value(x);
            end_array();
        } else if constexpr (is_string_map<T>::value) {
            begin_object();
            for (const auto& [k, x] : v) {
                key(k);
                value(x);
            }
            end_object();
        } else if constexpr (is_dated<T>::value) {
            begin_object();
            member("from", v.from);
            member("until", v.until);
            member("value", v.value);
            member("reference", v.reference);
            member("unconfirmed", v.unconfirmed);
            end_object();
        } else if constexpr (is_timeline<T>::value) {
            begin_array();
            for (const auto& period : v.periods()) value(period);
            end_array();
        } else {
            static_assert(boost::describe::has_describe_members<T>::value,
                          "JSON needs a described struct, a supported standard type or a Codec specialisation");
            begin_object();
            members(v);
            end_object();
        }
    }

    /// Writes the member `k` under the output policy (see the top of this file).
    template <class T>
    void member(std::string_view k, const T& v) {
        if constexpr (is_optional<T>::value) {
            if (!v) return;
        } else if constexpr (is_vector<T>::value) {
            if (v.empty()) return;
        }
        key(k);
        value(v);
    }

    /// Writes every described member of `v` into the current object.
    template <class T>
    void members(const T& v) {
        boost::mp11::mp_for_each<described_members<T>>([&](auto m) { member(m.name, v.*m.pointer); });
    }

    /// Ends the document with a newline and flushes a stream.
    void finish();

private:
    static constexpr std::size_t flush_at = 64 * 1024;

    void indent();
    // Before a key or an array element: the comma after the previous one and a new, indented line.
    void separate();
    void before_value();
    void open(char bracket);
    void close(char bracket);

    template <class I>
    void number(I v) {
        before_value();
        char buf[24];
        out_->append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
    }

    void quote(std::string_view s);
    void maybe_flush();
    void flush();

    std::string buffer_;
    std::string* out_;
    std::ostream* stream_ = nullptr;
    std::vector<std::size_t> frames_;  // per open object or array: members or elements written so far
    bool after_key_ = false;
};

}  // namespace coopecon::json
