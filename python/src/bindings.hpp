#pragma once
// One binding unit per area of the library, each registering its part of coopecon._core (module.cpp calls them
// in this order, so a unit may use the types of those before it). The units are compiled together
// (coopecon_unity_build), so the names in their anonymous namespaces carry the unit's subject (framework_loads,
// registry_get_state, …) and no unit opens a namespace with a using-directive.

#include <coopecon/core/error.hpp>

#include <pybind11/pybind11.h>

#include <optional>

namespace coopecon::python {

/// The thread count a Python call asks for: None means one per core (0 in the library); fewer than 1 is refused.
unsigned threads_argument(const std::optional<int>& threads);

/// A problem as the dict coopecon.Error.problems holds: code, message, file, line, column, path, organization,
/// event, date, rule, legal_basis (bind_core.cpp).
pybind11::dict problem_to_python(const Problem& p);

void bind_core(pybind11::module_& m);      // errors, enumerations and labels (bind_core.cpp)
void bind_csv(pybind11::module_& m);       // CSV import of a registry export (bind_csv.cpp)
void bind_snapshot(pybind11::module_& m);  // Snapshot (bind_snapshot.cpp)
void bind_law(pybind11::module_& m);       // Framework, reforms and the compliance check (bind_law.cpp)
void bind_registry(pybind11::module_& m);  // Registry (bind_registry.cpp)
void bind_compliance(pybind11::module_& m);  // the compliance check, which takes a Registry (bind_law.cpp)
void bind_indicators(pybind11::module_& m);  // indicator catalogue, tables and the standard report (bind_indicators.cpp)
void bind_operations(pybind11::module_& m);  // dissolution, reorganisation, conversion, bankruptcy (bind_operations.cpp)
void bind_scoring(pybind11::module_& m);     // classification, NTM 13.1 and OCOP (bind_scoring.cpp)
void bind_datasets(pybind11::module_& m);    // synthetic registries in memory (bind_datasets.cpp)
void bind_simulation(pybind11::module_& m);  // scenarios, Monte Carlo runs, calibration (bind_simulation.cpp)
void bind_areas(pybind11::module_& m);       // the area catalogue (bind_areas.cpp)

}  // namespace coopecon::python
