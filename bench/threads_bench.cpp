// Every core: the standard report (as `coopecon report` computes and renders it) and the compliance check (as
// `coopecon check` computes it), at a million organisations of the world profile (about ten events each), on 1
// and 2 threads: the organisations are split into parts of the registry, one per thread. Wall time is what the
// speed-up is read from (UseRealTime); the process's CPU time over all threads is reported beside it, so a run
// on a busy machine shows whether the threads got their cores.
//
//   coopecon_bench --benchmark_filter='report_threads|check_threads'

#include "bench_registries.hpp"

#include <coopecon/compliance/check.hpp>
#include <coopecon/indicators/report.hpp>

#include <benchmark/benchmark.h>

namespace {

void report_threads(benchmark::State& state) {
    const auto& reg = coopecon::bench::registry(coopecon::bench::Scale::million);
    coopecon::indicators::ReportOptions options;
    options.threads = static_cast<unsigned>(state.range(0));
    for (auto _ : state) {
        const auto report = coopecon::indicators::standard_report(reg, options);
        benchmark::DoNotOptimize(coopecon::indicators::render(report, coopecon::indicators::Format::text, coopecon::Lang::en));
    }
    state.counters["organizations"] = static_cast<double>(reg.size());
    state.counters["threads"] = static_cast<double>(options.threads);
}

void check_threads(benchmark::State& state) {
    const auto& reg = coopecon::bench::registry(coopecon::bench::Scale::million);
    coopecon::compliance::CheckOptions options;
    options.threads = static_cast<unsigned>(state.range(0));
    std::size_t findings = 0;
    for (auto _ : state) {
        const auto found = coopecon::compliance::check(reg, reg.data_as_of(), options);
        findings = found.size();
        benchmark::DoNotOptimize(found.data());
    }
    state.counters["organizations"] = static_cast<double>(reg.size());
    state.counters["findings"] = static_cast<double>(findings);
    state.counters["threads"] = static_cast<double>(options.threads);
}

BENCHMARK(report_threads)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime()->MinTime(3);
BENCHMARK(check_threads)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime()->MinTime(3);

}  // namespace
