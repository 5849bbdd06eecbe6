// Scenario runs and synthetic registries (docs/performance.md, "Simulation"):
//   dynamics            one run of 60 months of a national registry (vietnam_2022, about 107,000 organisations),
//                       indicators at the end only: organisation-months per second of CPU time;
//   monthly_indicators  the same with the standard indicators at every month end;
//   national_runs       10 runs of 60 months of the same registry in one call on one thread: the setup (every
//                       history replayed to the start) is paid once, as in a Monte Carlo, so the rate is the
//                       dynamics' own;
//   monte_carlo         1,000 runs of 60 months of the Cà Mau registry, on 1 and 2 threads (wall time);
//   synthesize_world    the world profile at 3 million organisations on one thread.
// Registries are generated once per process. --benchmark_filter=dynamics or =monte_carlo skip the slow ones.

#include <coopecon/simulation/engine.hpp>
#include <coopecon/simulation/profiles.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include <benchmark/benchmark.h>

namespace {

using namespace coopecon;
using namespace coopecon::simulation;

const Registry& vietnam() {
    static const Registry r = synthesize(vietnam_2022(), default_seed);
    return r;
}
const Registry& ca_mau() {
    static const Registry r = synthesize(ca_mau_2023(), default_seed);
    return r;
}

RunOptions options(const Registry& r, std::int32_t runs, std::int32_t every) {
    RunOptions o;
    o.months = 60;
    o.runs = runs;
    o.threads = 1;
    o.report_every = every;
    (void)r;
    o.rates = default_rates();  // given, so that the runs measure the dynamics, not a calibration
    o.rates->set(Hazard::founding, OrgKind::cooperative, 0.5);
    o.rates->set(Hazard::founding, OrgKind::cooperative_group, 1.0);
    return o;
}

void counters(benchmark::State& state, const RunStats& s) {
    state.counters["organisation_months"] = static_cast<double>(s.organisation_months);
    state.counters["events"] = static_cast<double>(s.events);
    state.counters["org_months_per_second"] =
        benchmark::Counter(static_cast<double>(s.organisation_months), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["refused"] = static_cast<double>(s.refused);
}

void dynamics(benchmark::State& state) {
    const auto& reg = vietnam();
    const auto o = options(reg, 1, 60);
    RunStats last;
    for (auto _ : state) last = run(reg, baseline_scenario(), o).stats;
    counters(state, last);
}

void monthly_indicators(benchmark::State& state) {
    const auto& reg = vietnam();
    const auto o = options(reg, 1, 1);
    RunStats last;
    for (auto _ : state) last = run(reg, baseline_scenario(), o).stats;
    counters(state, last);
}

void national_runs(benchmark::State& state) {
    const auto& reg = vietnam();
    const auto o = options(reg, 10, 60);
    RunStats last;
    for (auto _ : state) last = run(reg, baseline_scenario(), o).stats;
    counters(state, last);
}

void monte_carlo(benchmark::State& state) {
    const auto& reg = ca_mau();
    auto o = options(reg, 1000, 1);
    o.threads = static_cast<unsigned>(state.range(0));
    RunStats last;
    for (auto _ : state) last = run(reg, baseline_scenario(), o).stats;
    counters(state, last);
}

void synthesize_world(benchmark::State& state) {
    SynthesisOptions o;
    o.threads = 1;
    const auto profile = world(state.range(0));
    std::size_t events = 0;
    for (auto _ : state) events = synthesize(profile, default_seed, o).event_count();
    state.counters["organizations"] = static_cast<double>(state.range(0));
    state.counters["events"] = static_cast<double>(events);
}

BENCHMARK(dynamics)->Unit(benchmark::kMillisecond);
BENCHMARK(monthly_indicators)->Unit(benchmark::kMillisecond);
BENCHMARK(national_runs)->Unit(benchmark::kMillisecond);
BENCHMARK(monte_carlo)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
BENCHMARK(synthesize_world)->Arg(3'000'000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
