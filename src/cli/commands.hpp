#pragma once
// The commands of the coopecon executable. Adding one: declare its function here, add its row to `commands`,
// and write src/cli/command_<name>.cpp defining the function (and its Syntax, for --help and parsing).
// The CLI's sources are compiled together in batches (coopecon_unity_build), so the names a command file keeps
// in its anonymous namespace carry the command's name (check_syntax, check_options, …) to stay distinct.

#include "arguments.hpp"

#include <array>
#include <ostream>
#include <span>
#include <string_view>

namespace coopecon::cli {

struct Command;

/// One run of a command: the arguments after its name, and where its output and diagnostics go.
struct Invocation {
    const Command& command;
    std::span<const std::string_view> args;
    std::ostream& out;
    std::ostream& err;
};

/// Runs a command and returns its exit code (exit_code::…). May throw UsageError; main reports it.
using CommandFunction = int (*)(const Invocation&);

struct Command {
    std::string_view name;
    std::string_view summary;  // one line, no final period
    CommandFunction run;
};

int validate(const Invocation&);
int report(const Invocation&);
int check(const Invocation&);
int synth(const Invocation&);
int convert(const Invocation&);
int explain(const Invocation&);
int simulate(const Invocation&);
int init(const Invocation&);
int append(const Invocation&);

inline constexpr std::array commands{
    Command{"validate", "Check a registry file and list every problem in it", validate},
    Command{"report", "Headline figures and standard indicator tables of a registry (default: the Cà Mau data)", report},
    Command{"check", "Check every organisation against the law at a date and list the findings", check},
    Command{"explain", "Explain one organisation's status history and findings: events, parameters, days counted",
            explain},
    Command{"synth", "Generate a synthetic registry from a built-in profile and write it as a registry file", synth},
    Command{"convert", "Convert a registry between its forms: registry file, CSV, binary, SQLite", convert},
    Command{"init", "Create an empty registry kept in a SQLite database", init},
    Command{"append", "Append organisations or events to a registry kept in a SQLite database, all or nothing",
            append},
    Command{"simulate", "Project a registry under a baseline and policy scenarios: quantiles over Monte Carlo runs",
            simulate},
};

/// The command called `name`, or nullptr.
inline const Command* find_command(std::string_view name) noexcept {
    for (const auto& c : commands)
        if (c.name == name) return &c;
    return nullptr;
}

}  // namespace coopecon::cli
