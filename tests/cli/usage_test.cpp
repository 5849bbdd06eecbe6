// The command line itself: help, version, and every kind of usage error (exit code 2, a message naming what is
// wrong, the usage line, and nothing on standard output).

#include "cli_runner.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace {

using coopecon::test::run_cli;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string report_usage =
    "usage: coopecon report [FILE] [--as-of DATE] [--by KEY] [--period month|quarter|year] [--from DATE] "
    "[--units-as-of DATE] [--rows organizations|events] [--mapping FILE] [--bad-rows refuse|skip] [--areas FILE] "
    "[--lang en|vi] [--format text|md|csv|json|html] [--out FILE] [--threads N]\n";
const std::string validate_usage =
    "usage: coopecon validate FILE [--rows organizations|events] [--mapping FILE] [--bad-rows refuse|skip] "
    "[--areas FILE]\n";
const std::string general_usage = "usage: coopecon COMMAND [ARGUMENTS]\n";

TEST(Help, ListsCommandsOptionsAndExitCodes) {
    const auto r = run_cli({"--help"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err, "");
    EXPECT_THAT(r.out, StartsWith("coopecon "));
    EXPECT_THAT(r.out, HasSubstr("hợp tác xã"));
    EXPECT_THAT(r.out, HasSubstr("\ncommands:\n"
                                 "  validate   Check a registry file and list every problem in it\n"
                                 "  report     Headline figures and standard indicator tables of a registry "
                                 "(default: the Cà Mau data)\n"));
    EXPECT_THAT(r.out, HasSubstr("  --as-of DATE  "));
    EXPECT_THAT(r.out, HasSubstr("  --lang en|vi  "));
    EXPECT_THAT(r.out, HasSubstr("  --format text|md|csv|json|html  "));
    EXPECT_THAT(r.out, HasSubstr("exit codes:\n"
                                 "  0  ok\n"
                                 "  1  problems found in the input (each printed on its own line)\n"
                                 "  2  usage error: unknown command or option, missing or bad argument\n"
                                 "  3  a file cannot be read, or the output cannot be written\n"));
}

TEST(Help, HelpCommandAndShortOptionGiveTheSameText) {
    const auto expected = run_cli({"--help"}).out;
    EXPECT_EQ(run_cli({"help"}).out, expected);
    EXPECT_EQ(run_cli({"-h"}).out, expected);
}

TEST(Help, EachCommandHasItsOwnHelp) {
    for (const std::string command : {"validate", "report"}) {
        SCOPED_TRACE(command);
        const auto r = run_cli({command, "--help"});
        EXPECT_EQ(r.status, 0);
        EXPECT_EQ(r.err, "");
        EXPECT_THAT(r.out, StartsWith(command == "report" ? report_usage : validate_usage));
        EXPECT_THAT(r.out, HasSubstr("  -h, --help"));
        EXPECT_THAT(r.out, HasSubstr("exit codes:\n"));
        EXPECT_EQ(run_cli({"help", command}).out, r.out);
        // Help wins over anything else on the line, even what would be a usage error.
        EXPECT_EQ(run_cli({command, "--format", "xml", "-h"}).out, r.out);
    }
    EXPECT_THAT(run_cli({"report", "--help"}).out, HasSubstr("  --as-of DATE  "));
    EXPECT_THAT(run_cli({"validate", "--help"}).out, ::testing::Not(HasSubstr("--as-of")));
}

TEST(Version, IsTheCMakeProjectVersion) {
    const auto r = run_cli({"--version"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err, "");
    const auto version = coopecon::test::cmake_project_version();
    ASSERT_FALSE(version.empty());
    EXPECT_EQ(r.out, "coopecon " + version + "\n");
}

struct UsageCase {
    std::vector<std::string> args;
    std::string message;  // the first line of standard error
    std::string usage;    // the second
};

// Names the failing case by its command line instead of its bytes.
void PrintTo(const UsageCase& c, std::ostream* os) { *os << "coopecon " << ::testing::PrintToString(c.args); }

class UsageErrors : public ::testing::TestWithParam<UsageCase> {};

TEST_P(UsageErrors, ExitTwoWithMessageAndUsage) {
    const auto& c = GetParam();
    const auto r = run_cli(c.args);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    const bool general = c.usage == general_usage;
    const std::string more = general ? "coopecon --help" : "coopecon " + c.args.front() + " --help";
    EXPECT_EQ(r.err, c.message + "\n" + c.usage + "Run '" + more + "' for details.\n");
}

INSTANTIATE_TEST_SUITE_P(
    CommandLine, UsageErrors,
    ::testing::Values(
        UsageCase{{}, "coopecon: no command given", general_usage},
        UsageCase{{"frobnicate"}, "coopecon: unknown command 'frobnicate'", general_usage},
        UsageCase{{"--frobnicate"}, "coopecon: unknown option '--frobnicate'", general_usage},
        UsageCase{{"help", "frobnicate"}, "coopecon: unknown command 'frobnicate'", general_usage},
        UsageCase{{"help", "report", "extra"}, "coopecon: unexpected argument 'extra'", general_usage},
        UsageCase{{"--version", "extra"}, "coopecon: unexpected argument 'extra'", general_usage},
        UsageCase{{"validate"}, "coopecon validate: missing FILE", validate_usage},
        UsageCase{{"validate", "a.json", "b.json"}, "coopecon validate: unexpected argument 'b.json'",
                  validate_usage},
        UsageCase{{"validate", "--as-of", "2024-12-31", "a.json"},
                  "coopecon validate: --as-of is not an option of this command", validate_usage},
        UsageCase{{"validate", "--strict", "a.json"}, "coopecon validate: unknown option '--strict'",
                  validate_usage},
        UsageCase{{"validate", "-x", "a.json"},
                  "coopecon validate: unknown option '-x' (options are long, like --as-of)", validate_usage},
        UsageCase{{"report", "a.json", "b.json"}, "coopecon report: unexpected argument 'b.json'", report_usage},
        UsageCase{{"report", "a.json", "--as-of", "2023-02-29"},
                  "coopecon report: --as-of needs a calendar date as YYYY-MM-DD, not '2023-02-29'", report_usage},
        UsageCase{{"report", "a.json", "--as-of=31/12/2024"},
                  "coopecon report: --as-of needs a calendar date as YYYY-MM-DD, not '31/12/2024'", report_usage},
        UsageCase{{"report", "a.json", "--as-of"}, "coopecon report: --as-of needs a value: --as-of DATE",
                  report_usage},
        UsageCase{{"report", "a.json", "--lang", "fr"}, "coopecon report: --lang must be en or vi, not 'fr'",
                  report_usage},
        UsageCase{{"report", "a.json", "--format=xml"},
                  "coopecon report: --format must be text, md, csv, json or html, not 'xml'", report_usage},
        UsageCase{{"report", "a.json", "--lang", "en", "--lang=vi"}, "coopecon report: --lang is given twice",
                  report_usage}));

TEST(UsageErrors, ComeBeforeAnyFileIsOpened) {
    // The file does not exist (exit 3), but the bad option is found first.
    const auto r = run_cli({"report", "/nonexistent/registry.json", "--format", "xml"});
    EXPECT_EQ(r.status, 2);
}

TEST(Operands, DoubleDashEndsTheOptions) {
    const auto r = run_cli({"validate", "--", "--help"});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(r.err, "--help: cannot open the file: No such file or directory\n");
}

}  // namespace
