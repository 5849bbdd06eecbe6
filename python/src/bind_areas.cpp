// The administrative areas a registry refers to, as plain Python values: units with their levels, parents,
// regions and validity dates, the socio-economic regions, and the crosswalk from ended units to their successors.

#include "bindings.hpp"
#include "shared_registry.hpp"
#include "to_python.hpp"

#include <coopecon/model/area_catalog.hpp>
#include <coopecon/model/area_catalog_json.hpp>

#include <pybind11/pybind11.h>

#include <memory>

namespace py = pybind11;

namespace coopecon::python {

namespace {

py::dict area_catalogue(const SharedRegistry* registry) {
    const auto areas = registry ? registry->read([](const Registry& r) { return r.areas_ptr(); }) : vietnam_areas();
    py::dict out;
    out["areas"] = to_python(areas->areas());
    out["regions"] = to_python(areas->regions());
    out["crosswalk"] = to_python(areas->crosswalk());
    return out;
}

}  // namespace

void bind_areas(py::module_& m) {
    m.def("area_catalogue", &area_catalogue, py::arg("registry") = py::none(),
          "The areas, regions and crosswalk of a registry's catalogue (default: Vietnam's), as lists of dicts.");
}

}  // namespace coopecon::python
