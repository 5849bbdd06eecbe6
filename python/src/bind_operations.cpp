// Registry operations (dissolution, reorganisation, conversion, bankruptcy) and the order of asset distribution
// on dissolution. An operation's description arrives as a dict shaped like its C++ struct and is read through
// the same json::Reader as files, so a mistake is reported at its field path; the operation runs without the
// GIL under the registry's write lock and is all-or-nothing. What it recorded comes back as a list of rows
// (organisation, whether it was created, event dict); the Python package (coopecon/operations.py) makes the
// DataFrame.

#include "bindings.hpp"
#include "date_caster.hpp"
#include "from_python.hpp"
#include "shared_registry.hpp"
#include "to_python.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include "json/json.hpp"
#include <coopecon/operations/asset_distribution.hpp>
#include <coopecon/operations/bankruptcy.hpp>
#include <coopecon/operations/conversion.hpp>
#include <coopecon/operations/dissolution.hpp>
#include <coopecon/operations/reorganization.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <set>
#include <string>

namespace py = pybind11;

namespace coopecon::python {

namespace {

namespace op = coopecon::operations;

/// One row per recorded event: new organisations' histories first, then the events appended to existing ones.
py::list operation_rows(const op::Changes& c) {
    py::list rows;
    auto row = [&](const std::string& organization, bool created, const Event& e) {
        py::dict r;
        r["organization"] = organization;
        r["created"] = created;
        r["event"] = to_python(e);
        rows.append(std::move(r));
    };
    for (const auto& a : c.added)
        for (const auto& e : a.events) row(a.organization.id, true, e);
    for (const auto& a : c.appended) row(a.organization, false, a.event);
    return rows;
}

/// Reads the description `spec` as a Spec, then runs `operation` on the registry.
template <class Spec, auto operation>
py::list run_operation(SharedRegistry& registry, py::handle spec) {
    const auto s = from_python<Spec>(spec);
    return operation_rows(registry.write([&](Registry& r) { return operation(r, s); }));
}

CompletionMode completion_mode_named(const std::string& name) {
    if (const auto m = enum_from_name<CompletionMode>(name)) return *m;
    throw Error(ErrorCode::unknown_name, json::in_quotes(name) + " is not a way of completing a dissolution: " +
                                             enum_names_list<CompletionMode>());
}

py::object distribute_estate(py::handle estate) {
    const auto e = from_python<operations::Estate>(estate);
    return to_python(operations::distribute_assets(e));
}

}  // namespace

void bind_operations(py::module_& m) {
    m.def("dissolve_voluntarily", &run_operation<op::VoluntaryDissolution, &op::dissolve_voluntarily>, py::arg("registry"),
          py::arg("spec"), "Voluntary dissolution (Law 17/2023/QH15 Art 98): the resolution, and the termination.");
    m.def("dissolve_compulsorily", &run_operation<op::CompulsoryDissolution, &op::dissolve_compulsorily>, py::arg("registry"),
          py::arg("spec"), "Compulsory dissolution (Art 99): a revocation or a court decision, and the termination.");
    m.def("divide", &run_operation<op::Division, &op::divide>, py::arg("registry"), py::arg("spec"),
          "Division (chia, Art 92).");
    m.def("split_off", &run_operation<op::SplitOff, &op::split_off>, py::arg("registry"), py::arg("spec"), "Split-off (tách, Art 93).");
    m.def("consolidate", &run_operation<op::Consolidation, &op::consolidate>, py::arg("registry"), py::arg("spec"),
          "Consolidation (hợp nhất, Art 94).");
    m.def("merge", &run_operation<op::Merger, &op::merge>, py::arg("registry"), py::arg("spec"), "Merger (sáp nhập, Art 95).");
    m.def("convert_to_cooperative", &run_operation<op::Conversion, &op::convert_to_cooperative>, py::arg("registry"),
          py::arg("spec"), "A cooperative group becomes a cooperative keeping its code (Art 108).");
    m.def("open_bankruptcy", &run_operation<op::Bankruptcy, &op::open_bankruptcy>, py::arg("registry"), py::arg("spec"),
          "Bankruptcy opened, and declared (Art 102).");
    m.def("cancel_dissolution",
          [](SharedRegistry& registry, const std::string& organization, Date on) {
              return operation_rows(registry.write([&](Registry& r) { return op::cancel_dissolution(r, organization, on); }));
          },
          py::arg("registry"), py::arg("organization"), py::arg("on"),
          "The general assembly cancels its dissolution resolution (Decree 92/2024/NĐ-CP Art 50.6).");
    m.def("complete_dissolution",
          [](SharedRegistry& registry, const std::string& organization, Date on, const std::string& by) {
              const auto mode = completion_mode_named(by);
              return operation_rows(registry.write([&](Registry& r) { return op::complete_dissolution(r, organization, on, mode); }));
          },
          py::arg("registry"), py::arg("organization"), py::arg("on"), py::arg("by") = "dossier",
          "A dissolution in progress ends in termination, on the dossier or by lapse.");
    m.def("declare_bankruptcy",
          [](SharedRegistry& registry, const std::string& organization, Date on) {
              return operation_rows(registry.write([&](Registry& r) { return op::declare_bankruptcy(r, organization, on); }));
          },
          py::arg("registry"), py::arg("organization"), py::arg("on"), "The court declares the organisation bankrupt.");
    m.def("distribute_assets", &distribute_estate, py::arg("estate"),
          "A dissolved organisation's assets paid out in the order of Law 17/2023/QH15 Art 101.");
}

}  // namespace coopecon::python
