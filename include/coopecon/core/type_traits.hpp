#pragma once
// Which standard container a member type is: the question every encoder walking described structs asks
// (the binary and compact encodings, the JSON layer, the payload checks), answered once.

#include <optional>
#include <type_traits>
#include <variant>
#include <vector>

namespace coopecon::detail {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

template <class T>
struct is_variant : std::false_type {};
template <class... T>
struct is_variant<std::variant<T...>> : std::true_type {};

}  // namespace coopecon::detail
