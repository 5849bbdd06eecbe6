// The hostile catalogue, tests/bad_input/: every file there is run through the command line with the arguments
// tests/bad_input/catalogue.json gives it, and must end (within a time limit: no input may hang) with exactly the
// expected exit code and messages; each file is also read through the library's reader of its format, which must
// refuse it with exactly the expected problems (or accept it). Scoring rules and indicator specs, which no command
// reads, are checked through the library only. tests/python/test_bad_input.py runs the same table through Python.

#include "cli_runner.hpp"

#include <coopecon/core/text_file.hpp>
#include <coopecon/indicators/spec.hpp>
#include <coopecon/io/csv.hpp>
#include <coopecon/io/registry_file.hpp>
#include <coopecon/io/registry_json.hpp>
#include <coopecon/law/framework_check.hpp>
#include <coopecon/law/reform_json.hpp>
#include <coopecon/scoring/rules.hpp>
#include <coopecon/simulation/scenario.hpp>
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
    std::vector<std::string> args;         // the CLI's arguments, the file among them; empty: no command reads it
    std::optional<std::string> reader;     // the library's reader of the file: registry, csv, law, reform, scenario,
                                           // mapping, scoring or indicator_spec (absent: registry, for validate)
    std::optional<std::vector<std::string>> problems;  // what the reader refuses it with (absent: the CLI's
                                                       // output without its summary line)
    std::optional<int> exit;               // the CLI's exit code (absent: no command reads the file)
    std::vector<std::string> stdout;       // the CLI's output, line by line
    std::vector<std::string> stderr;       // the CLI's error output, line by line
    std::optional<std::string> python;     // the coopecon error class Python raises; absent: the case is CLI-only
    std::optional<bool> output_checked;    // false: only the exit code and stderr count (the findings' wording is
                                           // the law's, tested elsewhere; the case is about ending at all)
};
BOOST_DESCRIBE_STRUCT(BadInput, (), (file, why, args, reader, problems, exit, stdout, stderr, python, output_checked))

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

TEST(BadInput, TheCatalogueHasEightyFilesAcrossTheFormats) {
    const auto cases = catalogue().cases;
    EXPECT_GE(cases.size(), 80u);
    std::set<std::string> readers;
    for (const auto& c : cases) readers.insert(c.reader.value_or("registry"));
    EXPECT_EQ(readers, (std::set<std::string>{"registry", "csv", "law", "reform", "scenario", "mapping", "scoring",
                                              "indicator_spec"}));
}

TEST(BadInput, TheCommandLineEndsWithTheExpectedCodeAndMessages) {
    CliOptions options = in_dir(catalogue_dir);
    options.wrapper = {"/usr/bin/timeout", "-s", "KILL", "60"};
    for (const auto& c : catalogue().cases) {
        if (c.args.empty()) continue;
        const auto r = run_cli(c.args, options);
        EXPECT_EQ(r.status, c.exit.value_or(0)) << c.file << "\n" << r.err;
        if (c.output_checked.value_or(true)) {
            EXPECT_EQ(lines_of(r.out), c.stdout) << c.file;
        }
        EXPECT_EQ(lines_of(r.err), c.stderr) << c.file;
    }
}

/// Runs the tests in the catalogue's folder, so files are named as the command line names them.
class InCatalogueDir {
public:
    InCatalogueDir() : was_(fs::current_path()) { fs::current_path(catalogue_dir); }
    ~InCatalogueDir() { fs::current_path(was_); }
    InCatalogueDir(const InCatalogueDir&) = delete;
    InCatalogueDir& operator=(const InCatalogueDir&) = delete;

private:
    fs::path was_;
};

/// Reads `file` with the library's reader of its format; nothing when it is accepted.
std::vector<std::string> problems_reading(const std::string& reader, const std::string& file) {
    try {
        if (reader == "registry") io::load_registry_file(file);
        else if (reader == "csv") io::read_csv_file(file);
        else if (reader == "law") law::read_framework_file(file);
        else if (reader == "reform") law::apply_reform_file(*law::vietnam(), file);
        else if (reader == "scenario") simulation::read_scenario_file(file);
        else if (reader == "mapping") io::read_csv_mapping_file(file);
        else if (reader == "scoring") scoring::read_rules(read_text_file(file), file);
        else if (reader == "indicator_spec") indicators::indicator_from_json(read_text_file(file));
        else ADD_FAILURE() << file << ": unknown reader " << reader;
    } catch (const Error& e) {
        std::vector<std::string> out;
        for (const auto& p : e.problems()) out.push_back(p.to_string());
        return out;
    }
    return {};
}

TEST(BadInput, TheLibraryRefusesEachFileWithTheSameProblems) {
    const InCatalogueDir here;
    for (const auto& c : catalogue().cases) {
        if (c.problems) {
            EXPECT_EQ(problems_reading(c.reader.value_or("registry"), c.file), *c.problems) << c.file;
            continue;
        }
        if (c.args.empty() || c.args[0] != "validate" || !c.file.ends_with(".json")) continue;
        // validate prints the problems, then a summary line.
        const std::vector<std::string> expected(c.stdout.begin(), c.stdout.end() - (c.stdout.empty() ? 0 : 1));
        EXPECT_EQ(problems_reading("registry", c.file), c.exit == 0 ? std::vector<std::string>{} : expected)
            << c.file;
    }
}

}  // namespace
}  // namespace coopecon::test
