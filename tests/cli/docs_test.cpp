// Every example in docs/cli.md is run and its output compared with the page, so the documentation cannot
// drift from the program. Conventions of the page:
//   - a fenced block whose info string is `json NAME` or `csv NAME` is an input file: it is written as NAME;
//   - a fenced block marked `console` holds commands (`$ coopecon ARGS...`, arguments split on spaces), each
//     followed by what it prints, standard output and standard error together;
//   - `$ echo $?` followed by a number is the exit code of the command before it; without one it must be 0.
// Commands run in a temporary directory holding the page's input files and a copy of examples/registry.json.

#include "cli_runner.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace {

using coopecon::test::read_file;
using coopecon::test::in_dir;
using coopecon::test::run_cli;
using coopecon::test::source_dir;
using coopecon::test::TempDir;

struct Example {
    int line = 0;  // of the command in docs/cli.md
    std::vector<std::string> args;
    std::string output;
    int status = 0;
};

struct Page {
    std::vector<std::pair<std::string, std::string>> files;
    std::vector<Example> examples;
};

std::vector<std::string> split(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

Page read_page(const std::string& text) {
    Page page;
    std::istringstream in(text);
    std::string line, info;
    std::vector<std::pair<int, std::string>> block_lines;
    bool in_block = false;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.starts_with("```")) {
            if (in_block) block_lines.emplace_back(number, line);
            continue;
        }
        if (!in_block) {
            in_block = true;
            info = line.substr(3);
            block_lines.clear();
            continue;
        }
        in_block = false;
        const auto words = split(info);
        if (words.size() == 2 && (words[0] == "json" || words[0] == "csv")) {
            std::string content;
            for (const auto& [n, l] : block_lines) content += l + "\n";
            page.files.emplace_back(words[1], content);
        } else if (words.size() == 1 && words[0] == "console") {
            bool status_next = false;
            for (const auto& [n, l] : block_lines) {
                if (status_next) {
                    page.examples.back().status = std::stoi(l);
                    status_next = false;
                } else if (l == "$ echo $?") {
                    status_next = true;
                } else if (l.starts_with("$ coopecon")) {
                    auto args = split(l.substr(2));
                    args.erase(args.begin());
                    page.examples.push_back({n, std::move(args), {}, 0});
                } else if (!page.examples.empty()) {
                    page.examples.back().output += l + "\n";
                }
            }
        }
    }
    return page;
}

TEST(Docs, EveryExampleInCliMdGivesTheDocumentedOutput) {
    const auto page = read_page(read_file(source_dir / "docs/cli.md"));
    ASSERT_GE(page.examples.size(), 5u) << "docs/cli.md should hold the examples";

    TempDir dir;
    dir.write("examples/registry.json", read_file(source_dir / "examples/registry.json"));
    for (const auto& [name, content] : page.files) dir.write(name, content);

    // The page shows the project's version; a build without COOPECON_VERSION prints a placeholder instead
    // (the Version test reports that), which is not the page's business.
    const std::string built_version = run_cli({"--version"}).out.substr(std::string("coopecon ").size());
    const std::string documented_version = coopecon::test::cmake_project_version() + "\n";

    auto options = in_dir(dir.path());
    options.merge = true;
    for (const auto& e : page.examples) {
        SCOPED_TRACE("docs/cli.md:" + std::to_string(e.line) + ": coopecon " + ::testing::PrintToString(e.args));
        auto r = run_cli(e.args, options);
        if (r.out.starts_with("coopecon " + built_version))
            r.out.replace(std::string("coopecon ").size(), built_version.size(), documented_version);
        EXPECT_EQ(r.out, e.output);
        EXPECT_EQ(r.status, e.status);
    }
}

}  // namespace
