// Synthetic registries generated in memory: the built-in profiles (the embedded Cà Mau dataset among them) or a
// profile file, through the same generator as `coopecon synth`, without a file in between.

#include "bindings.hpp"
#include "shared_registry.hpp"

#include <coopecon/simulation/profiles.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace py = pybind11;

namespace coopecon::python {

namespace {

std::unique_ptr<SharedRegistry> registry_of(const simulation::Profile& profile, std::uint64_t seed) {
    py::gil_scoped_release release;
    return std::make_unique<SharedRegistry>(simulation::synthesize(profile, seed));
}

}  // namespace

void bind_datasets(py::module_& m) {
    m.attr("builtin_profiles") = py::tuple(py::cast(std::vector<std::string>(
        simulation::builtin_profiles.begin(), simulation::builtin_profiles.end())));
    m.attr("default_seed") = simulation::default_seed;
    m.def(
        "synthesize_builtin",
        [](const std::string& name, std::uint64_t seed, std::optional<std::int64_t> organizations) {
            return registry_of(simulation::builtin_profile(name, organizations), seed);
        },
        py::arg("name"), py::arg("seed"), py::arg("organizations") = py::none(),
        "A synthetic registry from a built-in profile (ca_mau_2023, vietnam_2022, world).");
    m.def(
        "synthesize_file",
        [](const std::filesystem::path& path, std::uint64_t seed) {
            return registry_of(simulation::read_profile_file(path), seed);
        },
        py::arg("path"), py::arg("seed"), "A synthetic registry from a profile file (data/simulation/*.json).");
}

}  // namespace coopecon::python
