// Snapshot and standard report at national (30,000 cooperatives) and world (3 million) scale, about ten events
// each, on one thread. Each registry is generated once per process, on first use: the world one takes over a
// minute (--benchmark_filter=national_30k skips it), so the benchmarks stay out of the test suite.
//
// Counters: organizations, events, and bytes_per_event = Registry::memory_bytes() / events, i.e. everything the
// registry holds for its organisations (records, strings, member lists, event logs, id index) per event.

#include "bench_registries.hpp"
#include "report_inputs.hpp"

#include <coopecon/indicators/report.hpp>

#include <benchmark/benchmark.h>

namespace {

using coopecon::bench::Scale;

void add_counters(benchmark::State& state, const coopecon::Registry& reg) {
    const auto events = static_cast<double>(reg.event_count());
    state.counters["organizations"] = static_cast<double>(reg.size());
    state.counters["events"] = events;
    state.counters["bytes_per_event"] = static_cast<double>(reg.memory_bytes()) / events;
    state.counters["events_per_second"] =
        benchmark::Counter(events, benchmark::Counter::kIsIterationInvariantRate);
}

/// Every organisation's state on the as-of date, as columns.
void snapshot(benchmark::State& state, Scale scale) {
    const auto& reg = coopecon::bench::registry(scale);
    const auto as_of = *reg.info().as_of;
    for (auto _ : state) benchmark::DoNotOptimize(reg.snapshot(as_of, coopecon::SnapshotColumns::all(), 1));
    add_counters(state, reg);
}

/// What `coopecon report` computes and prints: the snapshots of the period's bounds, every indicator of the
/// headline and the standard tables, and the text rendering.
void snapshot_and_report(benchmark::State& state, Scale scale) {
    const auto& reg = coopecon::bench::registry(scale);
    coopecon::indicators::ReportOptions one_thread;
    one_thread.threads = 1;
    for (auto _ : state) {
        const auto report = coopecon::indicators::standard_report(reg, one_thread);
        benchmark::DoNotOptimize(coopecon::indicators::render(report, coopecon::indicators::Format::text, coopecon::Lang::en));
    }
    add_counters(state, reg);
}

/// The report's indicators alone, from snapshots taken beforehand: the part pandas is compared with.
void report_from_snapshots(benchmark::State& state, Scale scale) {
    const auto& reg = coopecon::bench::registry(scale);
    const auto inputs = coopecon::bench::report_inputs(reg);
    for (auto _ : state)
        benchmark::DoNotOptimize(coopecon::indicators::compute(inputs.end, &inputs.before, inputs.plan.period,
                                                               reg.areas(), inputs.plan.query));
    add_counters(state, reg);
}

constexpr auto unit = benchmark::kMillisecond;

BENCHMARK_CAPTURE(snapshot, national_30k, Scale::national)->Unit(unit);
BENCHMARK_CAPTURE(snapshot_and_report, national_30k, Scale::national)->Unit(unit);
BENCHMARK_CAPTURE(report_from_snapshots, national_30k, Scale::national)->Unit(unit);
BENCHMARK_CAPTURE(snapshot, world_3m, Scale::world)->Unit(unit)->MinTime(3);
BENCHMARK_CAPTURE(snapshot_and_report, world_3m, Scale::world)->Unit(unit)->MinTime(3);
BENCHMARK_CAPTURE(report_from_snapshots, world_3m, Scale::world)->Unit(unit)->MinTime(3);

}  // namespace
