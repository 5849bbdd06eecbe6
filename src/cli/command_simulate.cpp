// coopecon simulate [FILE]: Monte Carlo projections of a registry under a baseline and scenarios
// (simulation/projection.hpp): quantiles of the standard indicators per scenario over time and their paired
// differences from the baseline. Every scenario file is read and checked against the registry before anything
// runs; a progress bar goes to a terminal's standard error; Ctrl-C cancels the runs and nothing is written.

#include "commands.hpp"
#include "interrupt.hpp"
#include "registry_input.hpp"

#include <coopecon/core/text_file.hpp>
#include <coopecon/simulation/profiles.hpp>
#include <coopecon/simulation/projection.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include <unistd.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coopecon::cli {

namespace {

constexpr std::int32_t max_months = 1200;
constexpr std::int32_t max_runs = 1'000'000;
constexpr unsigned max_threads = 1024;

void check_scenario(Arguments&, std::string_view v) {
    if (v.empty()) throw UsageError("--scenario needs a file name", {});
}
void check_months(Arguments&, std::string_view v) { whole_number<std::int32_t>("months", v, 1, max_months); }
void check_runs(Arguments&, std::string_view v) { whole_number<std::int32_t>("runs", v, 1, max_runs); }
void check_simulate_seed(Arguments&, std::string_view v) { whole_number<std::uint64_t>("seed", v, 0, UINT64_MAX); }
void check_start(Arguments&, std::string_view v) {
    if (!Date::parse(v)) throw UsageError(concat("--start needs a calendar date as YYYY-MM-DD, not '", v, "'"), {});
}
void check_threads(Arguments&, std::string_view v) { whole_number<unsigned>("threads", v, 1, max_threads); }
void check_every(Arguments&, std::string_view v) { whole_number<std::int32_t>("every", v, 1, max_months); }

constexpr Option scenario_option{"scenario", "FILE",
                                 "a scenario file (format coopecon-scenario); repeat for several; the baseline is "
                                 "always run",
                                 check_scenario, true};
constexpr Option months_option{"months", "N", "months projected after the start, 1 to 1200 (default: 60)",
                               check_months};
constexpr Option runs_option{"runs", "N", "Monte Carlo runs per scenario, 1 to 1000000 (default: 100)", check_runs};
constexpr Option simulate_seed_option{"seed", "N", "root of the seed tree, 0 to 2^64-1 (default: 1)",
                                      check_simulate_seed};
constexpr Option start_option{"start", "DATE",
                              "the state at the end of this day is the start (default: the registry's as_of, else "
                              "its latest event; without FILE 2025-12-31)",
                              check_start};
constexpr Option threads_option{"threads", "N", "worker threads (default: one per processor); the output is the same",
                                check_threads};
constexpr Option every_option{"every", "M", "months between the dates reported (default: 12)", check_every};
constexpr Option simulate_out_option{"out", "FILE",
                                     "write the output here, whole or not at all (default: standard output)",
                                     check_out_file};
constexpr std::array<const Option*, 14> simulate_options{
    &scenario_option,   &months_option,       &runs_option,   &simulate_seed_option, &start_option,
    &threads_option,    &every_option,        &option::csv_rows, &option::csv_mapping, &option::csv_bad_rows, &option::csv_areas,
    &option::lang,      &option::format,      &simulate_out_option};

constexpr Syntax simulate_syntax{
    "[FILE]", 0,
    "Projects a registry file, or without FILE the embedded Cà Mau dataset from the end of its histories\n"
    "(2025-12-31), month by month through the same rules as real data: every simulated event passes the\n"
    "transition table of the law in force, and the registration office acts when a compliance rule falls due.\n"
    "Rates are calibrated from the registry's own history (the 36 months before the start). Each scenario file\n"
    "adds a reform, programmes or rate overrides (docs/simulation.md); the baseline, with none of them, always\n"
    "runs first, and every scenario runs with the same seeds, so differences are paired run by run.\n"
    "\n"
    "The output gives, for each standard indicator, every scenario's p5, p50 and p95 over the runs at each\n"
    "reported date, then (Δ) the same quantiles of its difference from the baseline. CSV is one tidy table\n"
    "(indicator, scenario, date). The same arguments give the same bytes, whatever --threads.\n"
    "\n"
    "Every scenario file is read and checked whole, and against the registry (area codes, the reform), before\n"
    "anything runs; each problem names the file, line and column or field. On a terminal a progress bar goes to\n"
    "standard error. Ctrl-C stops the runs: 'interrupted; nothing written', exit code 130, and no --out file.\n",
    simulate_options,
    1};

// ---- progress bar ------------------------------------------------------------------------------------------

/// A bar on standard error when it is a terminal, redrawn when the percentage changes, erased at the end.
class ProgressBar {
public:
    explicit ProgressBar(std::ostream& err) : err_(err), shown_(isatty(STDERR_FILENO) == 1) {}
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;
    ~ProgressBar() {
        if (drawn_) err_ << '\r' << std::string(width_ + 40, ' ') << '\r' << std::flush;
    }

    simulation::Progress callback() {
        if (!shown_) return {};
        return [this](std::size_t done, std::size_t total) {
            const auto percent = static_cast<int>(100 * done / std::max<std::size_t>(total, 1));
            if (percent == last_percent_ && done != total) return;
            last_percent_ = percent;
            const auto filled = width_ * done / std::max<std::size_t>(total, 1);
            err_ << "\rsimulating [" << std::string(filled, '#') << std::string(width_ - filled, ' ') << "] "
                 << percent << "% " << done << "/" << total << " runs" << std::flush;
            drawn_ = true;
        };
    }

private:
    static constexpr std::size_t width_ = 30;
    std::ostream& err_;
    bool shown_;
    bool drawn_ = false;
    int last_percent_ = -1;
};

// ---- input -------------------------------------------------------------------------------------------------

/// Prints a file's problems, each with the file named, and "N problems in FILE".
void print_problems(std::ostream& err, const std::string& file, Problems problems) {
    for (auto& p : problems) {
        if (p.file.empty()) p.file = file;
        err << p.to_string() << '\n';
    }
    err << count_of(problems.size(), "problem", "problems") << " in " << file << '\n';
}

struct ScenarioFiles {
    std::vector<simulation::Scenario> scenarios;
    std::vector<std::string> files;
    int exit_code = exit_code::ok;
};

/// Reads every scenario file, reporting the problems of all of them before returning.
ScenarioFiles read_scenarios(const std::vector<std::string_view>& names, std::ostream& err) {
    ScenarioFiles out;
    for (const auto name : names) {
        const std::string file(name);
        std::error_code ec;
        if (std::filesystem::is_directory(file, ec)) {
            err << file << ": is a directory, not a scenario file\n";
            out.exit_code = exit_code::unreadable;
            continue;
        }
        try {
            out.scenarios.push_back(simulation::read_scenario_file(file));
            out.files.push_back(file);
        } catch (const Error& e) {
            if (e.code() == ErrorCode::io) {
                err << e.problems().front().to_string() << '\n';
                out.exit_code = exit_code::unreadable;
            } else {
                print_problems(err, file, e.problems());
                if (out.exit_code == exit_code::ok) out.exit_code = exit_code::problems;
            }
        }
    }
    return out;
}

}  // namespace

int simulate(const Invocation& call) {
    const auto args = parse_arguments(call.command.name, simulate_syntax, call.args);
    if (args.help) {
        call.out << help_text(call.command.name, call.command.summary, simulate_syntax);
        return exit_code::ok;
    }
    CancellationToken cancel;
    const InterruptGuard guard(cancel);
    auto stop = [&] { return interrupted(call.err, call.command.name); };

    auto scenarios = read_scenarios(args.all_values(scenario_option.name), call.err);
    if (scenarios.exit_code != exit_code::ok) return scenarios.exit_code;

    std::optional<Registry> registry;
    simulation::RunOptions o;
    o.report_every = 12;
    o.seed = 1;
    if (args.operands.empty()) {
        const auto profile = simulation::ca_mau_2023();
        registry = simulation::synthesize(profile);
        o.start = profile.history_until;
    } else {
        auto loaded = load_registry(args.operands.front(), call.err, call.err, {}, CsvInput::from(args));
        if (!loaded.registry) return loaded.exit_code;
        registry = std::move(loaded.registry);
    }

    // Checked against the registry (area codes, the reform) and each other (their names label the rows) before
    // anything runs, every file's problems at once.
    int problems = exit_code::ok;
    const auto& list = scenarios.scenarios;
    for (std::size_t k = 0; k < list.size(); ++k) {
        auto found = simulation::check(list[k], *registry);
        if (list[k].name == simulation::baseline_scenario().name)
            found.push_back(Problem::at(ErrorCode::duplicate, "'baseline' names the baseline, which always runs; "
                                                              "give the scenario another name", "name"));
        for (std::size_t j = 0; j < k; ++j)
            if (list[j].name == list[k].name) {
                found.push_back(Problem::at(ErrorCode::duplicate,
                                            concat("the scenario name '", list[k].name, "' is also that of ",
                                                   scenarios.files[j]),
                                            "name"));
                break;
            }
        if (found.empty()) continue;
        simulation::locate_in_file(found, scenarios.files[k]);
        print_problems(call.err, scenarios.files[k], std::move(found));
        problems = exit_code::problems;
    }
    if (problems != exit_code::ok) return problems;

    if (const auto v = args.value(start_option.name)) o.start = Date::parse(*v);
    if (const auto v = args.value(months_option.name)) o.months = whole_number<std::int32_t>("months", *v, 1, max_months);
    if (const auto v = args.value(runs_option.name)) o.runs = whole_number<std::int32_t>("runs", *v, 1, max_runs);
    if (const auto v = args.value(simulate_seed_option.name))
        o.seed = whole_number<std::uint64_t>("seed", *v, 0, UINT64_MAX);
    if (const auto v = args.value(threads_option.name)) o.threads = whole_number<unsigned>("threads", *v, 1, max_threads);
    if (const auto v = args.value(every_option.name)) o.report_every = whole_number<std::int32_t>("every", *v, 1, max_months);

    if (cancel.cancelled()) return stop();
    std::string text;
    try {
        ProgressBar bar(call.err);
        const auto projection = simulation::project_scenarios(*registry, simulation::baseline_scenario(),
                                                              scenarios.scenarios, o, bar.callback(), &cancel);
        text = simulation::render(projection, args.format, args.lang);
    } catch (const Cancelled&) {
        return stop();
    }
    if (cancel.cancelled()) return stop();

    if (const auto out = args.value(simulate_out_option.name)) {
        try {
            write_file_atomically(std::string(*out), [&](std::ostream& file) {
                file << text;
                // Ctrl-C while writing: the temporary file is removed and the file named is left as it was.
                if (cancel.cancelled()) throw Cancelled();
            });
        } catch (const Cancelled&) {
            return stop();
        }
    } else {
        call.out << text;
    }
    return exit_code::ok;
}

}  // namespace coopecon::cli
