#pragma once
// The registries the benchmarks read: the world profile at national and at world scale, about ten events per
// organisation, default seed. Each is generated once per process, on first use (the world one takes over a
// minute). When the environment variable COOPECON_BENCH_EXPORT names a folder, each generated registry's report
// inputs are also written into <folder>/<scale name> for bench/pandas_report.py (bench/pandas_export.hpp).

#include "pandas_export.hpp"

#include <coopecon/registry/registry.hpp>
#include <coopecon/simulation/profiles.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace coopecon::bench {

enum class Scale : std::uint8_t {
    national,  // Vietnam's about 30,000 cooperatives
    million,   // a million, the scale threads are measured at
    world,     // the world's about 3 million
};

constexpr std::int64_t organizations(Scale s) noexcept {
    return s == Scale::national ? 30'000 : s == Scale::million ? 1'000'000 : 3'000'000;
}
constexpr std::string_view name(Scale s) noexcept {
    return s == Scale::national ? "national_30k" : s == Scale::million ? "world_1m" : "world_3m";
}

inline Registry generate(Scale s) {
    auto reg = simulation::synthesize(simulation::world(organizations(s)));
    if (const char* folder = std::getenv("COOPECON_BENCH_EXPORT"))
        export_for_pandas(reg, std::filesystem::path(folder) / std::string(name(s)));
    return reg;
}

inline const Registry& registry(Scale s) {
    if (s == Scale::national) {
        static const Registry national = generate(Scale::national);
        return national;
    }
    if (s == Scale::million) {
        static const Registry million = generate(Scale::million);
        return million;
    }
    static const Registry world = generate(Scale::world);
    return world;
}

}  // namespace coopecon::bench
