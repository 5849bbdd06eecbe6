#pragma once
// C++ values → Python objects of the same shape as coopecon's JSON: described structs become dicts with one key
// per member, enumerations their names, dates datetime.date, optionals None when empty, vectors lists, and an
// event a dict of "date", "type" and its payload's keys. What Registry.events returns can thus be passed back
// to Registry.append unchanged.

#include "date_caster.hpp"

#include <coopecon/core/enum_text.hpp>
#include "json/traits.hpp"
#include <coopecon/model/event.hpp>

#include <pybind11/pybind11.h>

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace coopecon::python {

template <class T>
pybind11::object to_python(const T& value);

/// Adds every described member of `value` to `out`.
template <class T>
void add_members(pybind11::dict& out, const T& value) {
    boost::mp11::mp_for_each<json::described_members<T>>(
        [&](auto m) { out[m.name] = to_python(value.*m.pointer); });
}

template <class T>
pybind11::object to_python(const T& value) {
    if constexpr (std::is_same_v<T, Event>) {
        pybind11::dict out;
        out["date"] = date_to_python(value.date);
        out["type"] = pybind11::str(std::string(enum_name(value.type())));
        std::visit([&](const auto& payload) { add_members(out, payload); }, value.data);
        return out;
    } else if constexpr (std::is_same_v<T, bool>) {
        return pybind11::bool_(value);
    } else if constexpr (std::is_same_v<T, std::string>) {
        return pybind11::str(value);
    } else if constexpr (std::is_same_v<T, Date>) {
        return date_to_python(value);
    } else if constexpr (std::is_enum_v<T>) {
        static_assert(boost::describe::has_describe_enumerators<T>::value, "Python gets enumerations by name");
        return pybind11::str(std::string(enum_name(value)));
    } else if constexpr (std::is_integral_v<T>) {
        return pybind11::int_(value);
    } else if constexpr (json::is_optional<T>::value) {
        return value ? to_python(*value) : pybind11::none();
    } else if constexpr (json::is_vector<T>::value) {
        pybind11::list out(value.size());
        for (std::size_t i = 0; i < value.size(); ++i) out[i] = to_python(value[i]);
        return out;
    } else {
        static_assert(boost::describe::has_describe_members<T>::value, "Python gets described structs as dicts");
        pybind11::dict out;
        add_members(out, value);
        return out;
    }
}

}  // namespace coopecon::python
