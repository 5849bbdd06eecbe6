// coopecon simulate: Monte Carlo projections from the command line. The dynamics are tested in tests/simulation;
// here the command: the layout of the quantiles and differences, determinism (the same arguments give the same
// bytes on 1 and 2 threads, another seed other figures), scenario files checked whole before anything runs with
// their problems located, usage errors, --out written whole or not at all, and Ctrl-C.

#include "cli_runner.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <string>
#include <thread>
#include <vector>

namespace {

using coopecon::test::in_dir;
using coopecon::test::read_file;
using coopecon::test::run_cli;
using coopecon::test::RunningCli;
using coopecon::test::source_dir;
using coopecon::test::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::string dissolve_suspended = (source_dir / "data/scenarios/dissolve-suspended.json").string();
const std::string example_registry = (source_dir / "examples/registry.json").string();

/// A short projection of the embedded Cà Mau data: the baseline and one programme.
std::vector<std::string> short_run(std::vector<std::string> more = {}, const std::string& runs = "4") {
    std::vector<std::string> args{"simulate", "--scenario", dissolve_suspended, "--runs", runs, "--months", "24"};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

TEST(Simulate, PrintsQuantilesPerScenarioAndTheirDifferencesFromTheBaseline) {
    const auto r = run_cli(short_run());
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_THAT(r.out, StartsWith("Synthetic data: generated, not official statistics.\n"));
    EXPECT_THAT(r.out, HasSubstr("Projected from 2025-12-31: 24 months, 4 runs, seed 1, figures every 12 months.\n"));
    EXPECT_THAT(r.out, HasSubstr("  baseline: Baseline: rates as calibrated\n"
                                 "  dissolve-suspended: Programme: dissolve the cooperatives suspended for more than "
                                 "12 months, from 2026\n"));
    EXPECT_THAT(r.out, HasSubstr("Active rate: p5, p50 and p95 over 4 runs\n"));
    EXPECT_THAT(r.out, HasSubstr("Scenario            Date           p5    p50    p95  Δ p5  Δ p50  Δ p95\n"));
    // The baseline has no difference; the scenario's rows come after it, at the same dates.
    EXPECT_THAT(r.out, HasSubstr("\nbaseline            2026-12-31  "));
    EXPECT_THAT(r.out, HasSubstr("\nbaseline            2027-12-31  "));
    EXPECT_THAT(r.out, HasSubstr("\ndissolve-suspended  2027-12-31  "));
    EXPECT_THAT(r.out, Not(HasSubstr("2028-")));
}

TEST(Simulate, CsvIsOneTidyTableWithTheDifferencesOfTheScenarioOnly) {
    const auto r = run_cli(short_run({"--format", "csv"}));
    ASSERT_EQ(r.status, 0) << r.err;
    // Labels as the library's other CSV tables write them; plain numbers with the most decimals any indicator has.
    EXPECT_THAT(r.out, StartsWith("Indicator,Scenario,Date,p5,p50,p95,Δ p5,Δ p50,Δ p95\r\n"));
    // 11 indicators, 2 scenarios, 2 dates.
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1 + 11 * 2 * 2);
    EXPECT_THAT(r.out, HasSubstr("\r\nOrganisations,baseline,2027-12-31,"));
    EXPECT_THAT(r.out, HasSubstr("\r\n\"Ended by division, consolidation or merger\",baseline,2026-12-31,"));
    const auto scenario_row = r.out.find("\r\nOrganisations,dissolve-suspended,2027-12-31");
    ASSERT_NE(scenario_row, std::string::npos);
    const auto row = r.out.substr(scenario_row + 2, r.out.find("\r\n", scenario_row + 2) - scenario_row - 2);
    // The programme only removes organisations: every difference in their number is at most 0.
    std::vector<std::string> fields;
    for (std::size_t at = 0, comma; at <= row.size(); at = comma + 1) {
        comma = row.find(',', at);
        if (comma == std::string::npos) comma = row.size();
        fields.push_back(row.substr(at, comma - at));
    }
    ASSERT_EQ(fields.size(), 9u);
    for (std::size_t k = 6; k < 9; ++k) EXPECT_LE(std::stod(fields[k]), 0) << row;
    // The baseline's rows have no difference.
    EXPECT_THAT(r.out, HasSubstr("\r\nOrganisations,baseline,2027-12-31,"));
    const auto base_row = r.out.find("\r\nOrganisations,baseline,2027-12-31,");
    EXPECT_EQ(r.out.substr(r.out.find("\r\n", base_row + 2) - 3, 3), ",,,");
}

TEST(Simulate, JsonHoldsTheRunsParametersScenariosAndOneTablePerIndicator) {
    const auto r = run_cli(short_run({"--format", "json", "--seed", "7", "--every", "6"}));
    ASSERT_EQ(r.status, 0) << r.err;
    const auto doc = boost::json::parse(r.out).as_object();
    EXPECT_EQ(doc.at("seed").as_int64(), 7);
    EXPECT_EQ(doc.at("runs").as_int64(), 4);
    EXPECT_EQ(doc.at("every").as_int64(), 6);
    EXPECT_EQ(doc.at("start").as_string(), "2025-12-31");
    EXPECT_EQ(doc.at("scenarios").as_array().size(), 2u);
    const auto& tables = doc.at("tables").as_array();
    ASSERT_EQ(tables.size(), 11u);
    EXPECT_EQ(tables[0].as_object().at("id").as_string(), "organizations");
    // Dates every 6 months over 24: 4 per scenario.
    EXPECT_EQ(tables[0].as_object().at("rows").as_array().size(), 8u);
}

TEST(Simulate, HtmlIsOnePageWithAFanChartPerIndicatorAndItsTable) {
    const auto r = run_cli(short_run({"--format", "html", "--lang", "vi", "--every", "6"}, "3"));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, StartsWith("<!DOCTYPE html>\n<html lang=\"vi\">"));
    EXPECT_THAT(r.out, HasSubstr("<h1>Kịch bản chính sách: dự báo</h1>"));
    // Nothing loaded from outside, nothing run.
    EXPECT_THAT(r.out, HasSubstr("default-src 'none'"));
    EXPECT_THAT(r.out, Not(HasSubstr(" src=")));
    EXPECT_THAT(r.out, Not(HasSubstr("<script")));
    // One chart and one table per standard indicator; each scenario has a band and a median line.
    const auto count = [&](const std::string& needle) {
        std::size_t n = 0;
        for (auto at = r.out.find(needle); at != std::string::npos; at = r.out.find(needle, at + 1)) ++n;
        return n;
    };
    EXPECT_GT(count("<svg "), 0u);
    EXPECT_EQ(count("<svg "), count("<table"));
    EXPECT_THAT(r.out, HasSubstr("dissolve-suspended p5–p95"));
    EXPECT_THAT(r.out, HasSubstr("baseline p50"));
}

TEST(Simulate, VietnameseLabels) {
    const auto r = run_cli(short_run({"--lang", "vi"}, "2"));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("Dự báo từ 2025-12-31: 24 tháng, 2 lần chạy, hạt giống 1"));
    EXPECT_THAT(r.out, HasSubstr("Kịch bản"));
}

TEST(Simulate, TheSameArgumentsGiveTheSameBytesOnOneAndTwoThreadsAndAnotherSeedOtherFigures) {
    const auto one = run_cli(short_run({"--format", "csv", "--threads", "1", "--seed", "3"}));
    const auto two = run_cli(short_run({"--format", "csv", "--threads", "2", "--seed", "3"}));
    const auto again = run_cli(short_run({"--format", "csv", "--threads", "2", "--seed", "3"}));
    const auto other = run_cli(short_run({"--format", "csv", "--threads", "2", "--seed", "4"}));
    ASSERT_EQ(one.status, 0) << one.err;
    EXPECT_EQ(one.out, two.out);
    EXPECT_EQ(two.out, again.out);
    EXPECT_NE(one.out, other.out);
}

TEST(Simulate, ProjectsARegistryFileFromItsAsOfDateOrTheStartGiven) {
    const auto r = run_cli({"simulate", example_registry, "--runs", "2", "--months", "12"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("Projected from 2025-06-30: 12 months, 2 runs"));
    EXPECT_THAT(r.out, HasSubstr("baseline  2026-06-30"));
    const auto s = run_cli({"simulate", example_registry, "--runs", "2", "--months", "12", "--start", "2024-12-31"});
    ASSERT_EQ(s.status, 0) << s.err;
    EXPECT_THAT(s.out, HasSubstr("Projected from 2024-12-31: 12 months"));
}

TEST(Simulate, OutWritesTheFileAndNothingOnStandardOutput) {
    TempDir dir;
    const auto r = run_cli(short_run({"--format", "md", "--out", "projection.md"}, "2"), in_dir(dir.path()));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_THAT(read_file(dir.path() / "projection.md"), HasSubstr("## Projected from 2025-12-31"));
    const auto missing = run_cli(short_run({"--out", "no/such/folder/out.txt"}, "1"), in_dir(dir.path()));
    EXPECT_EQ(missing.status, 3);
    EXPECT_THAT(missing.err, HasSubstr("cannot create the file"));
}

// ---- bad input ---------------------------------------------------------------------------------------------

TEST(SimulateInput, ScenarioFilesAreCheckedWholeAndEveryProblemNamesFileLineColumnAndField) {
    TempDir dir;
    dir.write("bad.json", R"({
  "format": "coopecon-scenario",
  "version": 1,
  "name": "bad",
  "programmes": [
    {"id": "x", "type": "dissolve_suspended", "from": "2026-13-01", "months": -3, "target": {}},
    {"id": "y", "type": "rate_change", "from": "2026-01-01", "target": {}, "hazard": "suspension", "factr": 2}
  ]
}
)");
    dir.write("syntax.json", "{\"format\": \"coopecon-scenario\",\n \"version\": 1,,\n}\n");
    const auto r = run_cli({"simulate", "--scenario", "bad.json", "--scenario", "syntax.json"}, in_dir(dir.path()));
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_THAT(r.err, HasSubstr("bad.json:6:55: programmes[0].from: \"2026-13-01\" is not a calendar date: there is no month 13"));
    EXPECT_THAT(r.err, HasSubstr("bad.json:6:79: programmes[0].months: months must be from 0 to 1200\n"));
    EXPECT_THAT(r.err, HasSubstr("bad.json:7:5: programmes[1].factor: a rate_change programme needs factor\n"));
    EXPECT_THAT(r.err, HasSubstr("bad.json:7:100: programmes[1].factr: unknown key \"factr\""));
    EXPECT_THAT(r.err, HasSubstr("4 problems in bad.json\n"));
    EXPECT_THAT(r.err, HasSubstr("syntax.json:2:"));
    EXPECT_THAT(r.err, HasSubstr("1 problem in syntax.json\n"));
}

TEST(SimulateInput, AreaCodesAndNamesAreCheckedAgainstTheRegistryAndEachOtherBeforeAnyRun) {
    TempDir dir;
    const std::string head = R"({"format": "coopecon-scenario", "version": 1, "name": )";
    dir.write("area.json", head + R"("area",
 "programmes": [{"id": "x", "type": "dissolve_suspended", "from": "2026-01-01", "months": 12,
                 "target": {"areas": ["P96", "Q1"]}}]}
)");
    dir.write("baseline.json", head + "\"baseline\"}\n");
    dir.write("one.json", head + "\"same\"}\n");
    dir.write("two.json", head + "\"same\"}\n");
    const auto r = run_cli({"simulate", example_registry, "--scenario", "area.json", "--scenario", "baseline.json",
                            "--scenario", "one.json", "--scenario", "two.json"},
                           in_dir(dir.path()));
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_THAT(r.err, HasSubstr("area.json:3:46: programmes[0].target.areas[1]: unknown area code Q1\n"
                                 "1 problem in area.json\n"));
    EXPECT_THAT(r.err, HasSubstr("baseline.json:1:55: name: 'baseline' names the baseline, which always runs"));
    EXPECT_THAT(r.err, HasSubstr("two.json:1:55: name: the scenario name 'same' is also that of one.json\n"));
    EXPECT_THAT(r.err, Not(HasSubstr("one.json:")));

    // A reform that reads well but does not fit the registry's law: located at the scenario's "reform" key.
    dir.write("reform.json", R"({"format": "coopecon-reform", "version": 1, "title": "t", "rules": {"no_such_rule": )"
                             R"([{"from": "2026-01-01", "until": null, "value": "x", "reference": "t", "unconfirmed": false}]}})");
    dir.write("with-reform.json", head + R"("with-reform", "reform": "reform.json"})");
    const auto reform = run_cli({"simulate", example_registry, "--scenario", "with-reform.json"}, in_dir(dir.path()));
    EXPECT_EQ(reform.status, 1);
    EXPECT_THAT(reform.err, HasSubstr("with-reform.json:1:80: reform: rules.no_such_rule: unknown rule no_such_rule"));
}

TEST(SimulateInput, UnreadableFilesAndBadOptions) {
    TempDir dir;
    auto missing = run_cli({"simulate", "--scenario", "nope.json"}, in_dir(dir.path()));
    EXPECT_EQ(missing.status, 3);
    EXPECT_THAT(missing.err, HasSubstr("nope.json: cannot open the file"));
    auto folder = run_cli({"simulate", "--scenario", "."}, in_dir(dir.path()));
    EXPECT_EQ(folder.status, 3);
    EXPECT_THAT(folder.err, HasSubstr(".: is a directory, not a scenario file"));
    auto registry = run_cli({"simulate", "no-registry.json"}, in_dir(dir.path()));
    EXPECT_EQ(registry.status, 3);

    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    for (const auto& c : std::vector<Case>{
             {{"--runs", "0"}, "--runs needs a whole number from 1 to 1000000, not '0'"},
             {{"--months", "1201"}, "--months needs a whole number from 1 to 1200, not '1201'"},
             {{"--months", "12x"}, "--months needs a whole number from 1 to 1200, not '12x'"},
             {{"--seed", "-1"}, "--seed needs a whole number from 0 to 18446744073709551615, not '-1'"},
             {{"--threads", "0"}, "--threads needs a whole number from 1 to 1024, not '0'"},
             {{"--every", "0"}, "--every needs a whole number from 1 to 1200, not '0'"},
             {{"--start", "2025-02-30"}, "--start needs a calendar date as YYYY-MM-DD, not '2025-02-30'"},
             {{"--format", "xml"}, "--format must be"},
             {{"--runs", "2", "--runs", "3"}, "--runs is given twice"},
             {{"--scenario", ""}, "--scenario needs a file name"},
             {{"--as-of", "2025-01-01"}, "--as-of is not an option of this command"},
             {{"a.json", "b.json"}, "unexpected argument 'b.json'"},
         }) {
        std::vector<std::string> args{"simulate"};
        args.insert(args.end(), c.args.begin(), c.args.end());
        SCOPED_TRACE(::testing::PrintToString(args));
        const auto r = run_cli(args);
        EXPECT_EQ(r.status, 2);
        EXPECT_EQ(r.out, "");
        EXPECT_THAT(r.err, HasSubstr(c.message));
        EXPECT_THAT(r.err, HasSubstr("usage: coopecon simulate [FILE] [--scenario FILE]"));
    }
}

// ---- Ctrl-C ------------------------------------------------------------------------------------------------

struct Interrupted {
    int status = -1;
    std::string err;
};

/// Starts a long projection writing to `out` in `dir`, sends SIGINT after `delay`, and waits for the end.
Interrupted interrupt_after(const TempDir& dir, std::chrono::milliseconds delay) {
    auto options = in_dir(dir.path());
    options.stderr_file = dir.path() / "stderr.txt";
    RunningCli projection({"simulate", "--runs", "100000", "--out", "projection.txt"}, options);
    std::this_thread::sleep_for(delay);
    projection.signal(SIGINT);
    const int status = projection.wait();
    return {status, read_file(options.stderr_file)};
}

TEST(SimulateInterrupt, CtrlCStopsTheRunsWritesNothingAndExitsWith130) {
    TempDir dir;
    dir.write("projection.txt", "an earlier projection\n");
    Interrupted r;
    // A signal that came before the command set its handler would end the process silently; wait longer then.
    for (const auto delay : {500, 1500, 4000}) {
        r = interrupt_after(dir, std::chrono::milliseconds(delay));
        if (!r.err.empty()) break;
    }
    EXPECT_EQ(r.status, 130);
    EXPECT_EQ(r.err, "coopecon simulate: interrupted; nothing written\n");
    // The file named by --out is left as it was, and no temporary file remains.
    EXPECT_EQ(read_file(dir.path() / "projection.txt"), "an earlier projection\n");
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        EXPECT_FALSE(entry.path().filename().string().starts_with(".projection.txt.")) << entry.path();
}

}  // namespace
