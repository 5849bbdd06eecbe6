// coopecon convert FILE: reads a registry in any form — the JSON file, the binary form, a SQLite database, a CSV
// export (docs/csv-import.md) — and writes it in another, so a spreadsheet export becomes a file that every command
// and the library read, and a large registry a binary file that loads fast.

#include "commands.hpp"
#include "registry_input.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/io/csv_export.hpp>
#include <coopecon/io/registry_file.hpp>
#include <coopecon/io/registry_json.hpp>

#include <array>
#include <string>
#include <string_view>

namespace coopecon::cli {

namespace {

void check_convert_form(Arguments&, std::string_view v) {
    if (!enum_from_name<io::RegistryForm>(v))
        throw UsageError(concat("--to must be json, csv, binary or sqlite, not '", v, "'"), {});
}

constexpr Option convert_out_option{"out", "FILE", "write the registry here (default: standard output)",
                                    check_out_file};
constexpr Option convert_to_option{"to", "json|csv|binary|sqlite",
                                   "the form to write (default: by the name given to --out: .csv, .coopreg, .db, "
                                   ".sqlite, else json)",
                                   check_convert_form};
constexpr std::array<const Option*, 6> convert_options{&option::csv_rows,    &option::csv_mapping,
                                                       &option::csv_bad_rows, &option::csv_areas,
                                                       &convert_out_option,   &convert_to_option};

constexpr Syntax convert_syntax{
    "FILE", 1,
    "Reads FILE as validate does — a registry file, its binary form or a SQLite database (told apart by their\n"
    "first bytes), or, when it ends in .csv, a registry export with one row per organisation or per event\n"
    "(docs/csv-import.md) — and writes it in the form --to names: the registry file (format coopecon-registry,\n"
    "version 1) in canonical form, event rows with English headers, the binary form, or a SQLite database\n"
    "(docs/registry-format.md). The binary form and SQLite need --out. Problems go to standard error and\n"
    "nothing is written (exit code 1), unless --bad-rows skip leaves out the organisations with problems.\n",
    convert_options};

}  // namespace

int convert(const Invocation& call) {
    const auto args = parse_arguments(call.command.name, convert_syntax, call.args);
    if (args.help) {
        call.out << help_text(call.command.name, call.command.summary, convert_syntax);
        return exit_code::ok;
    }
    const auto out = args.value(convert_out_option.name);
    const auto to = args.value(convert_to_option.name);
    const auto form = to ? *enum_from_name<io::RegistryForm>(*to)
                         : out ? io::registry_form_for_name(std::string(*out)) : io::RegistryForm::json;
    if (!out && (form == io::RegistryForm::binary || form == io::RegistryForm::sqlite))
        throw UsageError(concat("--to ", enum_name(form), " needs --out FILE: that form is not written to a terminal"),
                         usage_line(call.command.name, convert_syntax));
    // Problems go to stderr: stdout may be the registry file itself.
    const auto loaded = load_registry(args.operands.front(), call.err, call.err, {}, CsvInput::from(args));
    if (!loaded.registry) return loaded.exit_code;
    if (out)
        io::save_registry_file(*loaded.registry, std::string(*out), form);
    else if (form == io::RegistryForm::csv)
        io::write_event_rows(*loaded.registry, call.out);
    else
        io::write_registry(*loaded.registry, call.out);
    return exit_code::ok;
}

}  // namespace coopecon::cli
