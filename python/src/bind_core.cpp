// Errors, enumerations and labels.
//
// Every coopecon::Error becomes an instance of the coopecon.errors class for its code (the first problem's),
// with str() equal to what() and `problems` a list of dicts. The classes are plain Python, so they pickle and
// can be subclassed and documented like any exception; the translator looks them up when it raises.

#include "bindings.hpp"
#include "date_caster.hpp"
#include "enum_table.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include "json/source.hpp"
#include <coopecon/registry/snapshot.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <string_view>

namespace py = pybind11;

namespace coopecon::python {

unsigned threads_argument(const std::optional<int>& threads) {
    if (threads && *threads < 1)
        throw Error(ErrorCode::usage, "threads must be at least 1, or None for one per core; got " + std::to_string(*threads));
    return threads ? static_cast<unsigned>(*threads) : 0;
}

namespace {

py::object text_or_none(const std::string& s) { return s.empty() ? py::none() : py::object(py::str(s)); }
py::object position_or_none(int n) { return n > 0 ? py::object(py::int_(n)) : py::none(); }

}  // namespace

py::dict problem_to_python(const Problem& p) {
    py::dict d;
    d["code"] = std::string(enum_name(p.code));
    d["message"] = p.message;
    d["file"] = text_or_none(p.file);
    d["line"] = position_or_none(p.line);
    d["column"] = position_or_none(p.column);
    d["path"] = text_or_none(p.path);
    d["organization"] = text_or_none(p.organization);
    d["event"] = text_or_none(p.event);
    d["date"] = p.date ? date_to_python(*p.date) : py::none();
    d["rule"] = text_or_none(p.rule);
    d["legal_basis"] = text_or_none(p.legal_basis);
    return d;
}

namespace {

void raise_python_error(const Error& e) {
    try {
        py::list problems;
        for (const auto& p : e.problems()) problems.append(problem_to_python(p));
        const py::object cls = py::module_::import("coopecon.errors").attr("error_class")(std::string(enum_name(e.code())));
        const py::object error = cls(e.what(), problems);
        PyErr_SetObject(cls.ptr(), error.ptr());
    } catch (py::error_already_set& failure) {
        failure.restore();  // the package is broken: say how, rather than hide it behind the original error
    }
}

template <class E>
E name_to_enum(std::string_view name) {
    if (const auto e = enum_from_name<E>(name)) return *e;
    throw Error(ErrorCode::unknown_name, json::in_quotes(name) + " is not a name of " +
                                             std::string(EnumName<E>::value) + ": " + enum_names_list<E>());
}

template <class List>
std::string type_names() {
    std::string out;
    boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, List>>([&](auto t) {
        out += (out.empty() ? "" : ", ") + std::string(EnumName<typename decltype(t)::type>::value);
    });
    return out;
}

/// Calls f(type_identity<E>) for the enumeration of AllEnums named `type`; throws when there is none.
template <class F>
void with_enum(std::string_view type, F&& f) {
    bool found = false;
    boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, AllEnums>>([&](auto t) {
        if (!found && EnumName<typename decltype(t)::type>::value == type) {
            found = true;
            f(t);
        }
    });
    if (!found)
        throw Error(ErrorCode::unknown_name,
                    json::in_quotes(type) + " is not an enumeration of coopecon: " + type_names<AllEnums>());
}

template <class E>
constexpr bool is_labelled = boost::mp11::mp_contains<LabelledEnums, E>::value;

std::string label_of(const std::string& name, const std::string& lang_name, const std::optional<std::string>& type,
                     const std::optional<std::string>& kind_name) {
    const Lang lang = name_to_enum<Lang>(lang_name);
    const std::optional<OrgKind> kind =
        kind_name ? std::optional<OrgKind>(name_to_enum<OrgKind>(*kind_name)) : std::nullopt;
    std::optional<Label> found;
    auto look_up = [&](auto t) {
        using E = typename decltype(t)::type;
        if constexpr (is_labelled<E>) {
            if (found) return;
            if (const auto value = enum_from_name<E>(name)) {
                if constexpr (std::is_same_v<E, LegalStatus>) found = kind ? label(*value, *kind) : label(*value);
                else found = label(*value);
            } else if (type) {
                name_to_enum<E>(name);  // throws, listing the names of E
            }
        } else {
            throw Error(ErrorCode::usage, std::string(EnumName<E>::value) +
                                              " has no labels; labelled enumerations: " + type_names<LabelledEnums>());
        }
    };
    if (type) with_enum(*type, look_up);
    else boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, LabelledEnums>>(look_up);
    if (!found)
        throw Error(ErrorCode::unknown_name, json::in_quotes(name) + " is not a name of any labelled enumeration (" +
                                                 type_names<LabelledEnums>() + ")");
    return std::string(found->in(lang));
}

py::dict labels_of(const std::string& type, const std::string& lang_name) {
    const Lang lang = name_to_enum<Lang>(lang_name);
    py::dict out;
    with_enum(type, [&](auto t) {
        using E = typename decltype(t)::type;
        if constexpr (is_labelled<E>) {
            for (const E value : enum_values<E>()) out[py::str(std::string(enum_name(value)))] = std::string(label(value).in(lang));
        } else {
            throw Error(ErrorCode::usage, std::string(EnumName<E>::value) +
                                              " has no labels; labelled enumerations: " + type_names<LabelledEnums>());
        }
    });
    return out;
}

py::tuple names_of(const std::string& type) {
    py::list names;
    with_enum(type, [&](auto t) {
        using E = typename decltype(t)::type;
        static_assert(values_are_positions<E>(), "enumerator values must be their positions");
        for (const E value : enum_values<E>()) names.append(std::string(enum_name(value)));
    });
    return py::tuple(names);
}

py::tuple enumerations() {
    py::list out;
    boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, AllEnums>>(
        [&](auto t) { out.append(std::string(EnumName<typename decltype(t)::type>::value)); });
    return py::tuple(out);
}

}  // namespace

void bind_core(py::module_& m) {
    py::register_local_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const Error& e) {
            raise_python_error(e);
        }
    });

    m.attr("NO_DATE") = no_date;

    m.def("enumerations", &enumerations, "The names of the enumerations whose values Python sees as names.");
    m.def("names", &names_of, py::arg("enum"),
          "An enumeration's names in value order (a value is its name's position).");
    m.def("label", &label_of, py::arg("name"), py::arg("lang") = "vi", py::kw_only(), py::arg("enum") = py::none(),
          py::arg("kind") = py::none(),
          "The English or Vietnamese label of an enumerator name; `enum` picks the enumeration, `kind` the "
          "wording of a status for that kind of organisation.");
    m.def("labels", &labels_of, py::arg("enum"), py::arg("lang") = "vi",
          "Every enumerator name of a labelled enumeration with its label.");
}

}  // namespace coopecon::python
