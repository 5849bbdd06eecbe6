// coopecon._core: the compiled half of the coopecon package. The pure-Python package (python/coopecon) wraps it
// in the API users see; this module stays close to the C++ and does the heavy lifting without the GIL.

#include "bindings.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "coopecon's C++ core (use the coopecon package, which wraps it)";
    m.attr("__version__") = COOPECON_VERSION;  // the CMake project's version
    coopecon::python::bind_core(m);
    coopecon::python::bind_snapshot(m);
    coopecon::python::bind_law(m);
    coopecon::python::bind_registry(m);
    coopecon::python::bind_compliance(m);
    coopecon::python::bind_csv(m);
    coopecon::python::bind_indicators(m);
    coopecon::python::bind_operations(m);
    coopecon::python::bind_scoring(m);
    coopecon::python::bind_datasets(m);
    coopecon::python::bind_simulation(m);
    coopecon::python::bind_areas(m);
}
