#pragma once
// The shapes of C++ types in coopecon's JSON: which types the reader and writer handle themselves, the names
// of a described struct's members, and the customisation point for types whose JSON is not their members.
//
// Handled: bool, integers, std::string, Date (ISO text), described enums (by name), std::optional<T>,
// std::vector<T>, std::map<std::string, T> (an object), Dated<T> and Timeline<T> (a list of Dated<T>), and
// described structs (an object with one key per public member, in declaration order).

#include <coopecon/core/timeline.hpp>
#include <coopecon/core/type_traits.hpp>

#include <boost/describe/members.hpp>
#include <boost/json/fwd.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace coopecon::json {

class Reader;
class Writer;

/// Specialise for a type whose JSON shape is not its described members, with
///   static void read(Reader&, const boost::json::value&, T&);   // report problems through the Reader
///   static void write(Writer&, const T&);
template <class T>
struct Codec {};

template <class T>
concept has_codec_read = requires(Reader& r, const boost::json::value& v, T& out) { Codec<T>::read(r, v, out); };
template <class T>
concept has_codec_write = requires(Writer& w, const T& v) { Codec<T>::write(w, v); };

// The container shapes every encoder shares, under the JSON layer's names.
using coopecon::detail::is_optional;
using coopecon::detail::is_vector;

template <class T>
struct is_string_map : std::false_type {};
template <class T, class C, class A>
struct is_string_map<std::map<std::string, T, C, A>> : std::true_type {};

template <class T>
struct is_dated : std::false_type {};
template <class T>
struct is_dated<Dated<T>> : std::true_type {};

template <class T>
struct is_timeline : std::false_type {};
template <class T>
struct is_timeline<Timeline<T>> : std::true_type {};

template <class T>
using described_members = boost::describe::describe_members<T, boost::describe::mod_public>;

/// The JSON keys of a described struct: its public members, in declaration order.
template <class T>
constexpr auto member_names() noexcept {
    std::array<std::string_view, boost::mp11::mp_size<described_members<T>>::value> out{};
    std::size_t i = 0;
    boost::mp11::mp_for_each<described_members<T>>([&](auto m) { out[i++] = m.name; });
    return out;
}

/// The keys of Dated<T>, in the order they are written.
inline constexpr std::array<std::string_view, 5> dated_keys{"from", "until", "value", "reference", "unconfirmed"};

}  // namespace coopecon::json
