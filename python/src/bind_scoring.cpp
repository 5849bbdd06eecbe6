// Scoring: the classification of cooperatives (Thông tư 01/2020/TT-BKHĐT, Thông tư 09/2017/TT-BNNPTNT), New
// Rural Development criterion 13.1 per commune and OCOP stars, under rules that are dated data (the embedded
// Vietnamese rules, or those with UNCONFIRMED values replaced). Results cross as lists of row dicts; the Python
// package (coopecon/scoring.py) makes the DataFrames.

#include "bindings.hpp"
#include "date_caster.hpp"
#include "shared_registry.hpp"
#include "to_python.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include "json/json.hpp"
#include <coopecon/scoring/classification.hpp>
#include <coopecon/scoring/ntm.hpp>
#include <coopecon/scoring/ocop.hpp>
#include <coopecon/scoring/rules.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace py = pybind11;

namespace coopecon::python {

namespace {

constexpr int scoring_pickle_version = 1;

/// Scoring rules as Python holds them (_core.ScoringRules): immutable, shared.
struct RulesHandle {
    std::shared_ptr<const scoring::Rules> rules;
};

template <class E>
E scoring_enum(const std::string& name, std::string_view what) {
    if (const auto e = enum_from_name<E>(name)) return *e;
    throw Error(ErrorCode::unknown_name, json::in_quotes(name) + " is not " + std::string(what) + ": " +
                                             enum_names_list<E>());
}

ClassificationScheme scheme_named(const std::string& name) {
    return scoring_enum<ClassificationScheme>(name, "a classification scheme");
}

RulesHandle wrap_rules(scoring::Rules r) { return {std::make_shared<const scoring::Rules>(std::move(r))}; }

RulesHandle rules_loads(const std::string& text, const std::string& file_name) {
    py::gil_scoped_release release;
    return wrap_rules(scoring::read_rules(text, file_name));
}

py::tuple rules_get_state(const RulesHandle& self) {
    return py::make_tuple(scoring_pickle_version, scoring::write_rules(*self.rules));
}

RulesHandle rules_set_state(const py::tuple& state) {
    if (state.size() != 2 || !py::isinstance<py::int_>(state[0]) || !py::isinstance<py::str>(state[1]))
        throw Error(ErrorCode::invalid_value, "cannot unpickle coopecon ScoringRules: expected a tuple (version, text)");
    if (const auto version = state[0].cast<int>(); version != scoring_pickle_version)
        throw Error(ErrorCode::invalid_value, "cannot unpickle coopecon ScoringRules: unknown pickle version " +
                                                  std::to_string(version));
    return rules_loads(state[1].cast<std::string>(), "<pickle>");
}

py::object scoring_class_or_none(const std::optional<scoring::ClassificationClass>& c) {
    return c ? py::object(py::str(std::string(enum_name(*c)))) : py::none();
}

template <class T>
py::object scoring_int_or_none(const std::optional<T>& x) {
    return x ? py::object(py::int_(*x)) : py::none();
}

py::list classify_rows(const SharedRegistry& registry, std::int32_t year, const std::string& scheme, const RulesHandle& rules) {
    const auto s = scheme_named(scheme);
    const auto results = registry.read([&](const Registry& r) { return scoring::classify(r, year, s, *rules.rules); });
    py::list rows;
    for (const auto& c : results) {
        py::dict row;
        row["organization"] = c.organization;
        row["year"] = c.year;
        row["scheme"] = std::string(enum_name(c.scheme));
        row["rating"] = std::string(enum_name(c.rating));
        row["class"] = scoring_class_or_none(c.cls);
        row["points"] = scoring_int_or_none(c.points);
        row["sanctioned"] = c.sanctioned;
        row["suspended_days"] = c.suspended_days;
        row["reason"] = c.reason;
        row["legal_basis"] = c.legal_basis;
        row["unconfirmed"] = c.unconfirmed;
        rows.append(std::move(row));
    }
    return rows;
}

py::list ntm_13_1_rows(const SharedRegistry& registry, std::int32_t year, const RulesHandle& rules) {
    const auto results = registry.read([&](const Registry& r) { return scoring::ntm_13_1(r, year, *rules.rules); });
    py::list rows;
    for (const auto& c : results) {
        py::dict row;
        row["commune"] = c.commune;
        row["name"] = c.name;
        row["cooperatives"] = c.cooperatives;
        row["active"] = c.active;
        row["rated"] = c.rated;
        row["effective"] = c.effective;
        row["meets"] = c.meets;
        row["effective_organizations"] = c.effective_organizations;
        row["reason"] = c.reason;
        row["legal_basis"] = c.legal_basis;
        row["unconfirmed"] = c.unconfirmed;
        rows.append(std::move(row));
    }
    return rows;
}

py::list ocop_product_rows(const SharedRegistry& registry, Date as_of, const RulesHandle& rules) {
    const auto results = registry.read([&](const Registry& r) { return scoring::ocop_products(r, as_of, *rules.rules); });
    py::list rows;
    for (const auto& p : results) {
        py::dict row;
        row["organization"] = p.organization;
        row["product"] = p.product;
        row["rated_on"] = date_to_python(p.rated_on);
        row["score"] = scoring_int_or_none(p.score);
        row["stars"] = scoring_int_or_none(p.stars);
        row["certified"] = p.certified;
        row["valid_until"] = p.valid_until ? date_to_python(*p.valid_until) : py::none();
        row["valid"] = p.valid;
        row["reason"] = p.reason;
        row["legal_basis"] = p.legal_basis;
        row["unconfirmed"] = p.unconfirmed;
        rows.append(std::move(row));
    }
    return rows;
}

py::object ocop_stars_on(const RulesHandle& rules, std::int32_t score, Date on) {
    if (score < 0 || score > 100)
        throw Error(ErrorCode::invalid_value, "an OCOP score is from 0 to 100, not " + std::to_string(score));
    const auto* version = rules.rules->ocop.find(on);
    return version ? py::object(py::int_(scoring::stars_for_score(score, version->value))) : py::none();
}

py::object scheme_in_force(const RulesHandle& rules, const std::string& scheme, std::int32_t year) {
    const auto* version = scoring::scheme_for_year(*rules.rules, scheme_named(scheme), year);
    if (!version) return py::none();
    auto out = to_python(version->value).cast<py::dict>();
    out["from"] = date_to_python(version->from);
    out["until"] = version->until ? date_to_python(*version->until) : py::none();
    out["reference"] = version->reference;
    out["unconfirmed"] = version->unconfirmed;
    return out;
}

py::list unconfirmed_rows(const RulesHandle& rules) {
    py::list out;
    for (const auto& f : scoring::unconfirmed(*rules.rules)) {
        py::dict row;
        row["path"] = f.path;
        row["value"] = f.value;
        row["reference"] = f.reference;
        out.append(std::move(row));
    }
    return out;
}

}  // namespace

void bind_scoring(py::module_& m) {
    py::class_<RulesHandle>(m, "ScoringRules", "Classification, New Rural Development 13.1 and OCOP rules as dated data.")
        .def_static("vietnam", [] { return RulesHandle{scoring::vietnam()}; },
                    "Vietnam's rules, compiled into the library (data/scoring/vn-scoring.json).")
        .def_static("loads", &rules_loads, py::arg("text"), py::arg("file_name") = "<string>",
                    "Reads and checks rules (format coopecon-scoring).")
        .def("dumps", [](const RulesHandle& self) { return scoring::write_rules(*self.rules); }, "The rules' text.")
        .def_property_readonly("title", [](const RulesHandle& self) { return self.rules->title; })
        .def("scheme", &scheme_in_force, py::arg("scheme"), py::arg("year"),
             "The version of a scheme that applies to an assessment of `year`, or None.")
        .def("unconfirmed", &unconfirmed_rows, "Every UNCONFIRMED number and period, with its path and reference.")
        .def("with_max_points",
             [](const RulesHandle& self, const std::string& scheme, const std::map<std::string, std::int32_t>& points) {
                 return wrap_rules(scoring::with_max_points(*self.rules, scheme_named(scheme), points));
             },
             py::arg("scheme"), py::arg("points"), "New rules with the maximum points of some criteria replaced.")
        .def("with_bands",
             [](const RulesHandle& self, const std::string& scheme, std::int32_t good, std::int32_t fair, std::int32_t average) {
                 return wrap_rules(scoring::with_bands(*self.rules, scheme_named(scheme), good, fair, average));
             },
             py::arg("scheme"), py::arg("good"), py::arg("fair"), py::arg("average"),
             "New rules with a scheme's class bands replaced.")
        .def("with_effective",
             [](const RulesHandle& self, const std::vector<std::string>& classes) {
                 std::vector<scoring::ClassificationClass> cs;
                 for (const auto& c : classes)
                     cs.push_back(scoring_enum<scoring::ClassificationClass>(c, "a classification class"));
                 return wrap_rules(scoring::with_effective(*self.rules, std::move(cs)));
             },
             py::arg("classes"), "New rules in which NTM criterion 13.1 counts these classes as effective.")
        .def("with_ocop_bands",
             [](const RulesHandle& self, const std::vector<std::int32_t>& min_scores) {
                 return wrap_rules(scoring::with_ocop_bands(*self.rules, min_scores));
             },
             py::arg("min_scores"), "New rules with the minimum scores of 5, 4, 3 and 2 OCOP stars.")
        .def("with_ocop_certificate_months",
             [](const RulesHandle& self, std::int32_t months) {
                 return wrap_rules(scoring::with_ocop_certificate_months(*self.rules, months));
             },
             py::arg("months"), "New rules with the OCOP certificate's validity in months.")
        .def("ocop_stars", &ocop_stars_on, py::arg("score"), py::arg("on"),
             "The stars for an OCOP score under the rules in force on `on`, or None.")
        .def(py::pickle(&rules_get_state, &rules_set_state));
    m.def("classify", &classify_rows, py::arg("registry"), py::arg("year"), py::arg("scheme"), py::arg("rules"),
          "The classification of every organisation for `year` under `scheme`, as rows.");
    m.def("ntm_13_1", &ntm_13_1_rows, py::arg("registry"), py::arg("year"), py::arg("rules"),
          "New Rural Development criterion 13.1 per commune, as rows.");
    m.def("ocop_products", &ocop_product_rows, py::arg("registry"), py::arg("as_of"), py::arg("rules"),
          "Every OCOP product at its latest rating on or before `as_of`, as rows.");
}

}  // namespace coopecon::python
