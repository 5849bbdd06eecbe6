#pragma once
// coopecon::Date <-> datetime.date. pybind11/chrono.h converts through local time (a day can shift with TZ)
// and has no calendar-date caster, so this one reads and writes the year, month and day fields directly.
//
// Accepted where a Date is expected: a datetime.date, ISO text "YYYY-MM-DD", and the datetimes pandas and numpy
// hold dates in — a datetime.datetime (pandas.Timestamp among them) or a numpy.datetime64 — at midnight. Text that
// is not a valid date ("0000-01-01", "2023-02-30") raises coopecon.InvalidValueError, as it would in a file; so
// does a datetime with a time of day (it is never cut to its date silently), NaT, or a date outside 0001–9999.

#include <coopecon/core/date.hpp>
#include <coopecon/core/error.hpp>
#include "json/source.hpp"

#include <pybind11/pybind11.h>

#include <datetime.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace coopecon::python {

/// What a date argument accepts, for messages.
inline constexpr std::string_view date_expected =
    "a date (datetime.date, \"YYYY-MM-DD\" text, or a pandas.Timestamp, datetime or numpy.datetime64 at midnight)";

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

inline bool is_numpy_datetime(pybind11::handle obj) { return type_name(obj) == "numpy.datetime64"; }

/// True for pandas.NaT, which is a datetime.datetime subclass whose fields mean nothing.
inline bool is_not_a_time(pybind11::handle obj) { return type_name(obj).ends_with("NaTType"); }

/// The date of a datetime.datetime (or pandas.Timestamp) at midnight.
inline Date date_of_datetime(pybind11::handle obj) {
    if (is_not_a_time(obj)) throw Error(ErrorCode::invalid_value, "NaT (a missing date) is not a date");
    PyObject* p = obj.ptr();
    const bool midnight = PyDateTime_DATE_GET_HOUR(p) == 0 && PyDateTime_DATE_GET_MINUTE(p) == 0 &&
                          PyDateTime_DATE_GET_SECOND(p) == 0 && PyDateTime_DATE_GET_MICROSECOND(p) == 0 &&
                          (!pybind11::hasattr(obj, "nanosecond") || obj.attr("nanosecond").cast<long>() == 0);
    if (!midnight)
        throw Error(ErrorCode::invalid_value, pybind11::str(obj).cast<std::string>() +
                                                  " has a time of day; a date is expected (its .date(), or "
                                                  "normalize() the timestamps)");
    return *Date::from_ymd(PyDateTime_GET_YEAR(p), PyDateTime_GET_MONTH(p), PyDateTime_GET_DAY(p));
}

/// The date of a numpy.datetime64 at midnight, at any precision.
inline Date date_of_numpy(pybind11::handle obj) {
    const auto numpy = pybind11::module_::import("numpy");
    if (numpy.attr("isnat")(obj).cast<bool>()) throw Error(ErrorCode::invalid_value, "NaT (a missing date) is not a date");
    const auto day = obj.attr("astype")("datetime64[D]");
    const auto text = pybind11::str(obj).cast<std::string>();
    if (!day.equal(obj))
        throw Error(ErrorCode::invalid_value, text + " has a time of day; a date is expected");
    const auto days = day.attr("astype")("int64").cast<std::int64_t>();
    if (days < Date::min().days_since_epoch() || days > Date::max().days_since_epoch())
        throw Error(ErrorCode::invalid_value, text + " is outside the years 0001 to 9999");
    return Date::from_days(static_cast<std::int32_t>(days));
}

/// The date `obj` stands for; throws coopecon::Error (wrong_type or invalid_value) when it stands for none.
inline Date date_from_python(pybind11::handle obj) {
    if (is_plain_date(obj)) {
        const auto d = Date::from_ymd(PyDateTime_GET_YEAR(obj.ptr()), PyDateTime_GET_MONTH(obj.ptr()),
                                      PyDateTime_GET_DAY(obj.ptr()));
        if (d) return *d;  // datetime.date's range is coopecon's, so this always holds
    }
    if (PyDateTime_Check(obj.ptr())) return date_of_datetime(obj);
    if (is_numpy_datetime(obj)) return date_of_numpy(obj);
    if (PyUnicode_Check(obj.ptr())) {
        Py_ssize_t size = 0;
        const char* text = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
        if (!text) {
            PyErr_Clear();
            throw Error(ErrorCode::invalid_value, "the date text is not valid Unicode");
        }
        const std::string_view view(text, static_cast<std::size_t>(size));
        if (const auto d = Date::parse(view)) return *d;
        throw Error(ErrorCode::invalid_value, json::in_quotes(view) + " " + Date::iso_problem(view));
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
