// The coopecon executable: general --help and --version, `help [COMMAND]`, and dispatch to the commands of
// commands.hpp. Every failure ends here as a message and an exit code (see exit_codes_text), never a crash.

#include "arguments.hpp"
#include "commands.hpp"

#include <coopecon/core/error.hpp>

#include <algorithm>
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <string_view>
#include <vector>

namespace coopecon::cli {

namespace {

// The build passes the CMake project version (CMakeLists.txt), so the two cannot disagree.
constexpr std::string_view version = COOPECON_VERSION;

std::string general_help() {
    std::string out =
        concat("coopecon ", version, "\n") +
        "Vietnam's cooperative economy as an event-sourced registry: cooperative groups (tổ hợp tác),\n"
        "cooperatives (hợp tác xã) and unions of cooperatives (liên hiệp hợp tác xã), each a dated log of\n"
        "events checked against the Law on Cooperatives in force at each date (the 2012 Law before\n"
        "2024-07-01, the 2023 Law from then on), from which every status and count at a date is derived.\n"
        "\n"
        "usage: coopecon COMMAND [ARGUMENTS]\n"
        "       coopecon help [COMMAND]\n"
        "       coopecon --help | --version\n"
        "\n"
        "commands:\n";
    std::size_t width = 0;
    for (const auto& c : commands) width = std::max(width, c.name.size());
    for (const auto& c : commands)
        out += concat("  ", c.name, std::string(width - c.name.size() + 3, ' '), c.summary, "\n");
    out += "\noptions (each command's help lists those it takes):\n" + options_text(all_options) + "\n" +
           exit_codes_text() +
           "\nRun 'coopecon help COMMAND' or 'coopecon COMMAND --help' for a command's arguments.\n";
    return out;
}

int usage_error(std::ostream& err, const std::string& who, const std::string& message, const std::string& usage,
                const std::string& more) {
    err << who << ": " << message << '\n' << usage << "\nRun '" << more << "' for details.\n";
    return exit_code::usage;
}

// The commands are listed by --help, which the message points to.
int general_usage_error(std::ostream& err, const std::string& message) {
    return usage_error(err, "coopecon", message, "usage: coopecon COMMAND [ARGUMENTS]", "coopecon --help");
}

int run_command(const Command& command, std::span<const std::string_view> args, std::ostream& out,
                std::ostream& err) {
    const std::string who = concat("coopecon ", command.name);
    try {
        return command.run(Invocation{command, args, out, err});
    } catch (const UsageError& e) {
        return usage_error(err, who, e.what(), e.usage(), who + " --help");
    } catch (const Error& e) {
        // Loading reports its own problems; this is what fails later, e.g. writing the output.
        err << who << ": " << e.what() << '\n';
        return e.code() == ErrorCode::io ? exit_code::unreadable : exit_code::problems;
    } catch (const std::bad_alloc&) {
        err << who << ": not enough memory\n";
        return exit_code::unreadable;
    } catch (const std::exception& e) {
        err << who << ": internal error: " << e.what() << '\n';
        return exit_code::unreadable;
    }
}

int run(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
    if (args.empty()) return general_usage_error(err, "no command given");
    const auto first = args.front();
    const auto rest = args.subspan(1);
    if (first == "--help" || first == "-h" || (first == "help" && rest.empty())) {
        if (!rest.empty()) return general_usage_error(err, concat("unexpected argument '", rest.front(), "'"));
        out << general_help();
        return exit_code::ok;
    }
    if (first == "--version") {
        if (!rest.empty()) return general_usage_error(err, concat("unexpected argument '", rest.front(), "'"));
        out << "coopecon " << version << '\n';
        return exit_code::ok;
    }
    if (first == "help") {
        if (rest.size() > 1) return general_usage_error(err, concat("unexpected argument '", rest[1], "'"));
        const auto* command = find_command(rest.front());
        if (!command) return general_usage_error(err, concat("unknown command '", rest.front(), "'"));
        static constexpr std::array<std::string_view, 1> help{"--help"};
        return run_command(*command, help, out, err);
    }
    if (first.starts_with('-')) return general_usage_error(err, concat("unknown option '", first, "'"));
    const auto* command = find_command(first);
    if (!command) return general_usage_error(err, concat("unknown command '", first, "'"));
    return run_command(*command, rest, out, err);
}

}  // namespace

}  // namespace coopecon::cli

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    std::vector<std::string_view> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    int status = coopecon::cli::run(args, std::cout, std::cerr);
    std::cout.flush();
    if (!std::cout) {
        std::cerr << "coopecon: cannot write the output\n";
        status = coopecon::cli::exit_code::unreadable;
    }
    return status;
}
