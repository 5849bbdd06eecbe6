#pragma once
// Names of described enumerations: the C++ identifier is the name used in JSON, CSV and Python,
// so there is one spelling everywhere. Labels for people (English and Vietnamese) live in label.hpp.

#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace coopecon {

template <class E>
constexpr std::size_t enum_count = boost::mp11::mp_size<boost::describe::describe_enumerators<E>>::value;

/// The identifier of `value`, or "" for a value that was not described (a corrupted integer).
template <class E>
constexpr std::string_view enum_name(E value) noexcept {
    std::string_view name;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
        if (d.value == value) name = d.name;
    });
    return name;
}

template <class E>
constexpr std::optional<E> enum_from_name(std::string_view name) noexcept {
    std::optional<E> out;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
        if (!out && name == d.name) out = d.value;
    });
    return out;
}

/// Every enumerator in declaration order.
template <class E>
constexpr std::array<E, enum_count<E>> enum_values() noexcept {
    std::array<E, enum_count<E>> out{};
    std::size_t i = 0;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) { out[i++] = d.value; });
    return out;
}

/// "a, b, c": for error messages that say what would have been accepted.
template <class E>
std::string enum_names_list() {
    std::string out;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
        if (!out.empty()) out += ", ";
        out += d.name;
    });
    return out;
}

}  // namespace coopecon
