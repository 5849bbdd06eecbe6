// Snapshot: columns as numpy arrays that are views on the C++ vectors (no copy; each array's base is the
// snapshot, which the array keeps alive), read-only because snapshots are shared values. Pickled as a
// versioned tuple of copies of the columns, the row ids and the area codes.

#include "bindings.hpp"
#include "date_caster.hpp"
#include "enum_table.hpp"
#include "named_snapshot.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include "json/traits.hpp"
#include <coopecon/registry/snapshot.hpp>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <stdexcept>
#include <string_view>
#include <type_traits>

namespace py = pybind11;

namespace coopecon::python {

namespace {

/// The columns added after the first pickle version, each with the version that added it. A pickle of an older
/// version lacks them: they are read as absent (NO_DATE for a date, 0 otherwise).
constexpr std::pair<std::string_view, int> columns_since[] = {
    {"last_member_change", 2},
};

constexpr int snapshot_pickle_version = [] {
    int version = 1;
    for (const auto& [column, since] : columns_since) version = std::max(version, since);
    return version;
}();

/// The version that added a column (1 for the first columns).
constexpr int version_of(std::string_view column) {
    for (const auto& [name, since] : columns_since)
        if (name == column) return since;
    return 1;
}

/// The role of each column (model/state_fields.hpp).
#define COOPECON_DETAIL_COLUMN_ROLE(name, type, role, source, ...) \
    COOPECON_STATE_FIELD_IS(source, column)({#name, FieldRole::role}, )
constexpr std::pair<std::string_view, FieldRole> column_roles_table[] = {
    COOPECON_STATE_FIELDS(COOPECON_DETAIL_COLUMN_ROLE)};
#undef COOPECON_DETAIL_COLUMN_ROLE

constexpr FieldRole role_of(std::string_view name) {
    for (const auto& [column, role] : column_roles_table)
        if (column == name) return role;
    return FieldRole::count;
}

/// Calls f(name, column) for every vector member of Snapshot, in declaration order.
template <class S, class F>
void for_each_column(S& snapshot, F&& f) {
    boost::mp11::mp_for_each<json::described_members<Snapshot>>([&](auto m) {
        auto& member = snapshot.*m.pointer;
        if constexpr (json::is_vector<std::remove_cvref_t<decltype(member)>>::value) f(std::string_view(m.name), member);
    });
}

/// The numpy element type of a column of T: enumerations are their underlying integers.
template <class T>
using element_t = typename std::conditional_t<std::is_enum_v<T>, std::underlying_type<T>, std::type_identity<T>>::type;

/// What a column holds, for the Python layer: an enumeration name, "area", "money", "date" (days since
/// 1970-01-01, NO_DATE when absent), "flag" (0 or 1), "bits" (a bit set) or "number" (counts and years).
template <class T>
std::string_view column_role(std::string_view name) {
    if constexpr (std::is_enum_v<T>) {
        return EnumName<T>::value;
    } else {
        switch (role_of(name)) {
            case FieldRole::count:
            case FieldRole::year: return "number";
            case FieldRole::category: break;
            case FieldRole::money:
            case FieldRole::date:
            case FieldRole::flag:
            case FieldRole::bits:
            case FieldRole::area: return enum_name(role_of(name));
        }
        throw std::logic_error("the column " + std::string(name) + " is a category but not an enumeration");
    }
}

py::dict column_roles() {
    const Snapshot empty;
    py::dict out;
    for_each_column(empty, [&](std::string_view name, const auto& column) {
        using T = typename std::remove_cvref_t<decltype(column)>::value_type;
        out[py::str(std::string(name))] = std::string(column_role<T>(name));
    });
    return out;
}

py::dict column_views(py::object owner) {
    const auto& snapshot = owner.cast<const NamedSnapshot&>().snapshot;
    py::dict out;
    for_each_column(snapshot, [&](std::string_view name, const auto& column) {
        using E = element_t<typename std::remove_cvref_t<decltype(column)>::value_type>;
        py::array_t<E> view(static_cast<py::ssize_t>(column.size()), reinterpret_cast<const E*>(column.data()), owner);
        view.attr("flags").attr("writeable") = false;
        out[py::str(std::string(name))] = std::move(view);
    });
    return out;
}

py::tuple snapshot_get_state(const NamedSnapshot& s) {
    py::dict columns;
    for_each_column(s.snapshot, [&](std::string_view name, const auto& column) {
        using E = element_t<typename std::remove_cvref_t<decltype(column)>::value_type>;
        columns[py::str(std::string(name))] =
            py::array_t<E>(static_cast<py::ssize_t>(column.size()), reinterpret_cast<const E*>(column.data()));
    });
    return py::make_tuple(snapshot_pickle_version, date_to_python(s.snapshot.as_of), columns, s.ids, s.area_codes);
}

[[noreturn]] void bad_state(const std::string& message) {
    throw Error(ErrorCode::invalid_value, "cannot unpickle a coopecon Snapshot: " + message);
}

/// True when every value of the column `name` is one its role allows.
template <class T>
bool values_in_range(std::string_view name, const std::vector<T>& column, std::size_t area_count) {
    if constexpr (std::is_enum_v<T>)
        return std::all_of(column.begin(), column.end(),
                           [](T v) { return static_cast<std::size_t>(v) < enum_count<T>; });
    else if constexpr (std::is_same_v<T, std::uint8_t>)
        return role_of(name) != FieldRole::flag ||
               std::all_of(column.begin(), column.end(), [](std::uint8_t v) { return v <= 1; });
    else if constexpr (std::is_same_v<T, AreaIndex>)
        return std::all_of(column.begin(), column.end(), [&](AreaIndex v) { return v < area_count; });
    else
        return true;
}

std::unique_ptr<NamedSnapshot> snapshot_set_state(const py::tuple& state) {
    if (state.size() != 5 || !py::isinstance<py::int_>(state[0]))
        bad_state("expected a tuple (version, as_of, columns, ids, area_codes)");
    const auto version = state[0].cast<int>();
    if (version < 1 || version > snapshot_pickle_version)
        bad_state("unknown pickle version " + std::to_string(version) + "; this build reads versions 1 to " +
                  std::to_string(snapshot_pickle_version));
    auto out = std::make_unique<NamedSnapshot>();
    out->snapshot.as_of = date_from_python(state[1]);
    out->ids = state[3].cast<std::vector<std::string>>();
    out->area_codes = state[4].cast<std::vector<std::string>>();
    const auto columns = state[2].cast<py::dict>();
    const std::size_t rows = out->ids.size();
    out->snapshot.resize(rows);
    for_each_column(out->snapshot, [&](std::string_view name, auto& column) {
        using T = typename std::remove_cvref_t<decltype(column)>::value_type;
        using E = element_t<T>;
        const auto key = py::str(std::string(name));
        const std::string where = "column " + std::string(name);
        if (!columns.contains(key)) {
            if (version >= version_of(name)) bad_state(where + " is missing");
            T absent{};
            if constexpr (std::is_same_v<T, std::int32_t>)
                if (role_of(name) == FieldRole::date) absent = no_date;
            std::fill(column.begin(), column.end(), absent);
            return;
        }
        const py::object value = columns[key];
        if (!py::array_t<E, py::array::c_style>::check_(value))
            bad_state(where + " is not a contiguous array of " + py::str(py::dtype::of<E>()).cast<std::string>());
        const auto array = py::reinterpret_borrow<py::array>(value);
        if (array.ndim() != 1 || static_cast<std::size_t>(array.shape(0)) != rows)
            bad_state(where + " does not have one value for each of the " + std::to_string(rows) + " ids");
        if (rows > 0) std::memcpy(column.data(), array.data(), rows * sizeof(T));
        if (!values_in_range(name, column, out->area_codes.size())) bad_state(where + " holds values out of range");
    });
    return out;
}

}  // namespace

void bind_snapshot(py::module_& m) {
    m.attr("snapshot_columns") = column_roles();

    py::class_<NamedSnapshot>(m, "Snapshot",
                              "The state of every organisation of a registry at the end of one date, by columns.")
        .def_property_readonly("as_of", [](const NamedSnapshot& s) { return s.snapshot.as_of; })
        .def("__len__", [](const NamedSnapshot& s) { return s.snapshot.size(); })
        .def_property_readonly("columns", &column_views,
                               "Column name → read-only numpy array viewing the snapshot's memory.")
        .def_property_readonly("ids", [](const NamedSnapshot& s) { return s.ids; },
                               "The organisation id of each row.")
        .def_property_readonly("area_codes", [](const NamedSnapshot& s) { return s.area_codes; },
                               "The area code of each value of the area column.")
        .def(py::pickle(&snapshot_get_state, &snapshot_set_state));
}

}  // namespace coopecon::python
