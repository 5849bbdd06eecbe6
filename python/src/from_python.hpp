#pragma once
// Python objects shaped like coopecon's JSON (dicts, lists, str, int, float, bool, None, datetime.date) →
// boost::json::value, and from there into C++ values through the same json::Reader that reads files, so a
// dict passed to Registry.add is judged exactly like the organisation in a registry file and its problems
// carry the same field paths (organizations[0].events[2].date).
//
// What JSON cannot hold is reported at its path, not raised on the spot: integers beyond 64 bits, NaN and
// infinities, text that is not valid Unicode, non-string keys, Python types with no JSON form, and nesting
// deeper than json::max_depth (which also ends a list or dict that contains itself). The offending value is
// read as null, and the reader's own complaint about that null is dropped, so each mistake is told once.

#include "date_caster.hpp"

#include <coopecon/core/error.hpp>
#include "json/parse.hpp"
#include "json/path.hpp"
#include "json/read.hpp"
#include "json/source.hpp"

#include <pybind11/pybind11.h>

#include <boost/json/value.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace coopecon::python {

namespace from_python_detail {

class Converter {
public:
    Converter(std::string root, Problems& problems) : path_(std::move(root)), problems_(problems) {}

    boost::json::value convert(pybind11::handle obj, std::size_t depth = 0) {
        PyObject* p = obj.ptr();
        if (depth > json::max_depth)
            return fail(ErrorCode::invalid_value,
                        "nested more than " + std::to_string(json::max_depth) + " levels deep");
        if (p == Py_None) return nullptr;
        if (PyBool_Check(p)) return p == Py_True;
        if (PyLong_Check(p)) return integer(p);
        if (PyFloat_Check(p)) return real(PyFloat_AS_DOUBLE(p));
        if (PyUnicode_Check(p)) return text(p);
        if (PyDict_Check(p)) return object(obj, depth);
        if (PyList_Check(p) || PyTuple_Check(p)) return array(obj, depth);
        if (is_plain_date(obj)) return boost::json::value(date_from_python(obj).iso());
        if (PyDateTime_Check(p) || is_numpy_datetime(obj)) {
            try {
                return boost::json::value(date_from_python(obj).iso());
            } catch (const Error& e) {
                return fail(e.code(), e.problems().front().message);
            }
        }
        if (PyIndex_Check(p)) {  // numpy integers and other exact integer types
            auto index = pybind11::reinterpret_steal<pybind11::object>(PyNumber_Index(p));
            if (index) return integer(index.ptr());
            PyErr_Clear();
        }
        return fail(ErrorCode::wrong_type,
                    "expected a dict, list, tuple, str, int, float, bool, None or datetime.date, got " + type_name(obj));
    }

private:
    boost::json::value fail(ErrorCode code, std::string message) {
        problems_.push_back(Problem::at(code, std::move(message), path_));
        return nullptr;
    }

    boost::json::value integer(PyObject* p) {
        int overflow = 0;
        const long long x = PyLong_AsLongLongAndOverflow(p, &overflow);
        if (!overflow && !(x == -1 && PyErr_Occurred())) return static_cast<std::int64_t>(x);
        PyErr_Clear();
        if (overflow > 0) {
            const unsigned long long u = PyLong_AsUnsignedLongLong(p);
            if (!PyErr_Occurred()) return static_cast<std::uint64_t>(u);
            PyErr_Clear();
        }
        // Python limits int → str to 4300 digits; very long numbers are described by their size instead.
        const auto bits = PyLong_AsSize_t(pybind11::handle(p).attr("bit_length")().ptr());
        const auto shown = bits <= 256 ? pybind11::str(pybind11::handle(p)).cast<std::string>()
                                       : "a whole number of " + std::to_string(bits) + " bits";
        return fail(ErrorCode::invalid_value,
                    shown + " is out of range: JSON numbers here are whole numbers of at most 64 bits");
    }

    boost::json::value real(double d) {
        if (std::isfinite(d)) return d;
        return fail(ErrorCode::invalid_value, std::string(std::isnan(d) ? "nan" : d > 0 ? "inf" : "-inf") +
                                                  " is not a JSON number");
    }

    boost::json::value text(PyObject* p) {
        Py_ssize_t size = 0;
        const char* data = PyUnicode_AsUTF8AndSize(p, &size);
        if (!data) {
            PyErr_Clear();
            return fail(ErrorCode::invalid_value, "the text is not valid Unicode (it contains a lone surrogate)");
        }
        return boost::json::string(std::string_view(data, static_cast<std::size_t>(size)));
    }

    boost::json::value object(pybind11::handle obj, std::size_t depth) {
        boost::json::object out;
        for (auto [key, value] : pybind11::reinterpret_borrow<pybind11::dict>(obj)) {
            if (!PyUnicode_Check(key.ptr())) {
                fail(ErrorCode::wrong_type, "keys must be str, got " + type_name(key) + " " + short_repr(key));
                continue;
            }
            Py_ssize_t size = 0;
            const char* data = PyUnicode_AsUTF8AndSize(key.ptr(), &size);
            if (!data) {
                PyErr_Clear();
                fail(ErrorCode::invalid_value, "a key is not valid Unicode (it contains a lone surrogate)");
                continue;
            }
            const std::string_view name(data, static_cast<std::size_t>(size));
            const auto length = path_.size();
            json::append_key(path_, name);
            out[name] = convert(value, depth + 1);
            path_.resize(length);
        }
        return out;
    }

    boost::json::value array(pybind11::handle obj, std::size_t depth) {
        const auto sequence = pybind11::reinterpret_borrow<pybind11::sequence>(obj);
        boost::json::array out;
        out.reserve(sequence.size());
        for (std::size_t i = 0; i < sequence.size(); ++i) {
            const auto length = path_.size();
            json::append_index(path_, i);
            out.push_back(convert(sequence[i], depth + 1));
            path_.resize(length);
        }
        return out;
    }

    static std::string short_repr(pybind11::handle obj) {
        return json::in_quotes(pybind11::repr(obj).cast<std::string>());
    }

    std::string path_;
    Problems& problems_;
};

/// True when `path` is `at` or lies under it (`at.x`, `at[3]`).
inline bool is_within(std::string_view path, std::string_view at) {
    if (path.size() < at.size() || path.compare(0, at.size(), at) != 0) return false;
    return path.size() == at.size() || at.empty() || path[at.size()] == '.' || path[at.size()] == '[';
}

}  // namespace from_python_detail

/// `obj` as a JSON value; problems are recorded with their path, which starts at `root`.
inline boost::json::value to_json_value(pybind11::handle obj, std::string root, Problems& problems) {
    return from_python_detail::Converter(std::move(root), problems).convert(obj);
}

/// The conversion problems followed by the reader's, less the reader's at or under a value that could not be
/// converted (the reader only saw the null put in its place).
inline Problems merge_problems(Problems conversion, Problems reading) {
    for (auto& p : reading) {
        const bool shadowed = std::any_of(conversion.begin(), conversion.end(), [&](const Problem& c) {
            return from_python_detail::is_within(p.path, c.path);
        });
        if (!shadowed) conversion.push_back(std::move(p));
    }
    return conversion;
}

/// `obj` read as a T, with paths from its root (for a dict passed on its own: a member, an event, the info).
template <class T>
T from_python(pybind11::handle obj) {
    Problems conversion, reading;
    const auto value = to_json_value(obj, "", conversion);
    T out{};
    json::Reader(reading).read(value, out);
    throw_if_any(merge_problems(std::move(conversion), std::move(reading)));
    return out;
}

}  // namespace coopecon::python
