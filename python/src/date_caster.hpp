#pragma once
// coopecon::Date <-> datetime.date. pybind11/chrono.h converts through local time (a day can shift with TZ)
// and has no calendar-date caster, so this one reads and writes the year, month and day fields directly.
//
// Accepted where a Date is expected: a datetime.date, or ISO text "YYYY-MM-DD". Text that is not a valid date
// ("0000-01-01", "2023-02-30") raises coopecon.InvalidValueError, as it would in a file. A datetime.datetime is
// refused rather than truncated, so a time of day is never dropped silently.

#include <coopecon/core/date.hpp>
#include <coopecon/core/error.hpp>
#include "json/source.hpp"

#include <pybind11/pybind11.h>

#include <datetime.h>

#include <string>
#include <string_view>

namespace coopecon::python {

/// What a date argument accepts, for messages.
inline constexpr std::string_view date_expected = "a date (datetime.date or \"YYYY-MM-DD\" text)";

/// The Python type name of `obj`, qualified outside builtins: "int", "datetime.datetime".
inline std::string type_name(pybind11::handle obj) {
    const auto type = pybind11::type::handle_of(obj);
    const auto module = pybind11::str(type.attr("__module__")).cast<std::string>();
    const auto name = pybind11::str(type.attr("__qualname__")).cast<std::string>();
    return module == "builtins" ? name : module + "." + name;
}

inline bool is_plain_date(pybind11::handle obj) {
    if (!PyDateTimeAPI) PyDateTime_IMPORT;
    return PyDate_Check(obj.ptr()) && !PyDateTime_Check(obj.ptr());
}

/// The date `obj` stands for; throws coopecon::Error (wrong_type or invalid_value) when it stands for none.
inline Date date_from_python(pybind11::handle obj) {
    if (is_plain_date(obj)) {
        const auto d = Date::from_ymd(PyDateTime_GET_YEAR(obj.ptr()), PyDateTime_GET_MONTH(obj.ptr()),
                                      PyDateTime_GET_DAY(obj.ptr()));
        if (d) return *d;  // datetime.date's range is coopecon's, so this always holds
    }
    if (PyUnicode_Check(obj.ptr())) {
        Py_ssize_t size = 0;
        const char* text = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
        if (!text) {
            PyErr_Clear();
            throw Error(ErrorCode::invalid_value, "the date text is not valid Unicode");
        }
        const std::string_view view(text, static_cast<std::size_t>(size));
        if (const auto d = Date::parse(view)) return *d;
        throw Error(ErrorCode::invalid_value, json::in_quotes(view) + " is not a valid date (YYYY-MM-DD)");
    }
    throw Error(ErrorCode::wrong_type, "expected " + std::string(date_expected) + ", got " + type_name(obj));
}

inline pybind11::object date_to_python(Date d) {
    if (!PyDateTimeAPI) PyDateTime_IMPORT;
    PyObject* out = PyDate_FromDate(d.year(), static_cast<int>(d.month()), static_cast<int>(d.day()));
    if (!out) throw pybind11::error_already_set();
    return pybind11::reinterpret_steal<pybind11::object>(out);
}

}  // namespace coopecon::python

namespace pybind11::detail {

template <>
struct type_caster<coopecon::Date> {
    PYBIND11_TYPE_CASTER(coopecon::Date, const_name("datetime.date"));

    // Without `convert` (pybind11's first pass over overloads) only a datetime.date matches; with it, text is
    // parsed and anything else raises a coopecon error instead of pybind11's generic "incompatible arguments".
    bool load(handle src, bool convert) {
        if (!src) return false;
        if (!convert && !coopecon::python::is_plain_date(src)) return false;
        value = coopecon::python::date_from_python(src);
        return true;
    }

    static handle cast(coopecon::Date d, return_value_policy, handle) {
        return coopecon::python::date_to_python(d).release();
    }
};

}  // namespace pybind11::detail
