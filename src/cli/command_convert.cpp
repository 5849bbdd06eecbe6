// coopecon convert FILE: reads a registry file or a CSV export (docs/csv-import.md) and writes it as a registry
// file in canonical form, so a spreadsheet export becomes a file that every command and the library read.

#include "commands.hpp"
#include "registry_input.hpp"

#include <coopecon/io/registry_json.hpp>

#include <array>
#include <string>
#include <string_view>

namespace coopecon::cli {

namespace {

constexpr Option convert_out_option{"out", "FILE", "write the registry file here (default: standard output)",
                                    check_out_file};
constexpr std::array<const Option*, 5> convert_options{&option::csv_rows, &option::csv_mapping,
                                                       &option::csv_bad_rows, &option::csv_areas, &convert_out_option};

constexpr Syntax convert_syntax{
    "FILE", 1,
    "Reads FILE as validate does, a registry file or, when it ends in .csv, a registry export with one row per\n"
    "organisation or per event (docs/csv-import.md), and writes it as a registry file (format\n"
    "coopecon-registry, version 1) in canonical form. Problems go to standard error and nothing is written\n"
    "(exit code 1), unless --bad-rows skip leaves out the organisations with problems.\n",
    convert_options};

}  // namespace

int convert(const Invocation& call) {
    const auto args = parse_arguments(call.command.name, convert_syntax, call.args);
    if (args.help) {
        call.out << help_text(call.command.name, call.command.summary, convert_syntax);
        return exit_code::ok;
    }
    // Problems go to stderr: stdout may be the registry file itself.
    const auto loaded = load_registry(args.operands.front(), call.err, call.err, {}, CsvInput::from(args));
    if (!loaded.registry) return loaded.exit_code;
    if (const auto out = args.value(convert_out_option.name))
        io::write_registry_file(*loaded.registry, std::string(*out));
    else
        io::write_registry(*loaded.registry, call.out);
    return exit_code::ok;
}

}  // namespace coopecon::cli
