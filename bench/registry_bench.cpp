// Snapshot and standard report at national (30,000 cooperatives) and world (3 million) scale, about ten events
// each, on one thread. Each registry is generated once per process, on first use: the world one takes over a
// minute (--benchmark_filter=national_30k skips it), so the benchmarks stay out of the test suite.
//
// Counters: organizations, events, bytes_per_event = Registry::memory_bytes() / events, i.e. everything the
// registry holds for its organisations (records, strings, member lists, event store, id index) per event, and
// history_bytes_per_event, the encoded histories alone (history/compact_encoding.hpp).
//
// The registry's binary form against its JSON file, writing and reading (with every check reading does): at
// world scale in binary, and at a million in both, since the JSON of 3 million does not fit in memory to be read.

#include "bench_registries.hpp"
#include "report_inputs.hpp"

#include <coopecon/indicators/report.hpp>
#include <coopecon/io/registry_binary.hpp>
#include <coopecon/io/registry_json.hpp>

#include <benchmark/benchmark.h>

namespace {

using coopecon::bench::Scale;

void add_counters(benchmark::State& state, const coopecon::Registry& reg) {
    const auto events = static_cast<double>(reg.event_count());
    state.counters["organizations"] = static_cast<double>(reg.size());
    state.counters["events"] = events;
    state.counters["bytes_per_event"] = static_cast<double>(reg.memory_bytes()) / events;
    std::size_t history_bytes = 0;
    for (coopecon::OrgIndex i = 0; i < reg.size(); ++i) history_bytes += reg.log(i).bytes();
    state.counters["history_bytes_per_event"] = static_cast<double>(history_bytes) / events;
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

/// The binary form of the registry, in memory (no disk: what the format costs, not the device).
void binary_save(benchmark::State& state, Scale scale) {
    const auto& reg = coopecon::bench::registry(scale);
    std::size_t bytes = 0;
    for (auto _ : state) bytes = coopecon::io::write_registry_binary(reg).size();
    add_counters(state, reg);
    state.counters["file_bytes_per_event"] = static_cast<double>(bytes) / static_cast<double>(reg.event_count());
}

void binary_load(benchmark::State& state, Scale scale) {
    const auto bytes = coopecon::io::write_registry_binary(coopecon::bench::registry(scale));
    for (auto _ : state) benchmark::DoNotOptimize(coopecon::io::read_registry_binary(bytes));
}

/// The registry file (JSON), as text in memory.
void json_save(benchmark::State& state, Scale scale) {
    const auto& reg = coopecon::bench::registry(scale);
    std::size_t bytes = 0;
    for (auto _ : state) bytes = coopecon::io::write_registry(reg).size();
    state.counters["file_bytes_per_event"] = static_cast<double>(bytes) / static_cast<double>(reg.event_count());
}

void json_load(benchmark::State& state, Scale scale) {
    const auto text = coopecon::io::write_registry(coopecon::bench::registry(scale));
    for (auto _ : state) benchmark::DoNotOptimize(coopecon::io::read_registry(text, "registry.json"));
}

constexpr auto unit = benchmark::kMillisecond;

BENCHMARK_CAPTURE(snapshot, national_30k, Scale::national)->Unit(unit);
BENCHMARK_CAPTURE(snapshot_and_report, national_30k, Scale::national)->Unit(unit);
BENCHMARK_CAPTURE(report_from_snapshots, national_30k, Scale::national)->Unit(unit);
BENCHMARK_CAPTURE(snapshot, world_3m, Scale::world)->Unit(unit)->MinTime(3);
BENCHMARK_CAPTURE(snapshot_and_report, world_3m, Scale::world)->Unit(unit)->MinTime(3);
BENCHMARK_CAPTURE(report_from_snapshots, world_3m, Scale::world)->Unit(unit)->MinTime(3);
BENCHMARK_CAPTURE(binary_save, national_30k, Scale::national)->Unit(unit);
BENCHMARK_CAPTURE(binary_load, national_30k, Scale::national)->Unit(unit);
BENCHMARK_CAPTURE(binary_save, world_1m, Scale::million)->Unit(unit)->Iterations(3);
BENCHMARK_CAPTURE(binary_load, world_1m, Scale::million)->Unit(unit)->Iterations(3);
BENCHMARK_CAPTURE(json_save, world_1m, Scale::million)->Unit(unit)->Iterations(1);
BENCHMARK_CAPTURE(json_load, world_1m, Scale::million)->Unit(unit)->Iterations(1);
BENCHMARK_CAPTURE(binary_save, world_3m, Scale::world)->Unit(unit)->Iterations(3);
BENCHMARK_CAPTURE(binary_load, world_3m, Scale::world)->Unit(unit)->Iterations(3);

}  // namespace
