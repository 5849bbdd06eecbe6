// The hostile catalogue, tests/bad_input/: every file there is run through the command line with the arguments
// tests/bad_input/catalogue.json gives it, and must end (within a time limit: no input may hang) with exactly the
// expected exit code and messages; the registry files are also read through the library, which must refuse them
// with exactly the same problems. tests/python/test_bad_input.py runs the same table through Python.

#include "cli_runner.hpp"

#include <coopecon/core/text_file.hpp>
#include <coopecon/io/registry_json.hpp>
#include "json/json.hpp"

#include <boost/describe/class.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace coopecon::test {

struct BadInput {
    std::string file;
    std::string why;                       // what the file tries
    std::vector<std::string> args;         // the CLI's arguments, the file among them
    int exit = 0;                          // the CLI's exit code
    std::vector<std::string> stdout;       // the CLI's output, line by line
    std::vector<std::string> stderr;       // the CLI's error output, line by line
    std::optional<std::string> python;     // the coopecon error class Python raises; absent: the case is CLI-only
    std::optional<bool> output_checked;    // false: only the exit code and stderr count (the findings' wording is
                                           // the law's, tested elsewhere; the case is about ending at all)
};
BOOST_DESCRIBE_STRUCT(BadInput, (), (file, why, args, exit, stdout, stderr, python, output_checked))

struct BadInputCatalogue {
    std::vector<BadInput> cases;
};
BOOST_DESCRIBE_STRUCT(BadInputCatalogue, (), (cases))

namespace {

const fs::path catalogue_dir = source_dir / "tests" / "bad_input";

BadInputCatalogue catalogue() {
    const auto path = catalogue_dir / "catalogue.json";
    return json::read_json<BadInputCatalogue>(read_text_file(path), path.string());
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

TEST(BadInput, EveryFileIsInTheTableAndEveryEntryHasItsFile) {
    std::set<std::string> on_disk, listed;
    for (const auto& entry : fs::directory_iterator(catalogue_dir))
        if (entry.path().filename() != "catalogue.json") on_disk.insert(entry.path().filename().string());
    for (const auto& c : catalogue().cases) EXPECT_TRUE(listed.insert(c.file).second) << c.file << " is listed twice";
    EXPECT_EQ(on_disk, listed);
}

TEST(BadInput, TheCommandLineEndsWithTheExpectedCodeAndMessages) {
    CliOptions options = in_dir(catalogue_dir);
    options.wrapper = {"/usr/bin/timeout", "-s", "KILL", "60"};
    for (const auto& c : catalogue().cases) {
        const auto r = run_cli(c.args, options);
        EXPECT_EQ(r.status, c.exit) << c.file << "\n" << r.err;
        if (c.output_checked.value_or(true)) {
            EXPECT_EQ(lines_of(r.out), c.stdout) << c.file;
        }
        EXPECT_EQ(lines_of(r.err), c.stderr) << c.file;
    }
}

TEST(BadInput, TheLibraryRefusesRegistryFilesWithTheSameProblems) {
    for (const auto& c : catalogue().cases) {
        if (c.args.empty() || c.args[0] != "validate" || !c.file.ends_with(".json")) continue;
        // validate prints the problems, then a summary line.
        const std::vector<std::string> expected(c.stdout.begin(), c.stdout.end() - (c.stdout.empty() ? 0 : 1));
        std::vector<std::string> problems;
        try {
            io::read_registry(read_text_file(catalogue_dir / c.file), c.file);
        } catch (const Error& e) {
            for (const auto& p : e.problems()) problems.push_back(p.to_string());
        }
        EXPECT_EQ(problems, c.exit == 0 ? std::vector<std::string>{} : expected) << c.file;
    }
}

}  // namespace
}  // namespace coopecon::test
