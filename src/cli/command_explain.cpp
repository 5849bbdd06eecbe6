// coopecon explain FILE ORG: why one organisation has the findings it has on a date — its status history, and for
// every finding the events that started it, the parameters in force with their values and articles, and the
// days counted (compliance/explain.hpp).

#include "commands.hpp"
#include "registry_input.hpp"

#include <coopecon/compliance/explain.hpp>
#include <coopecon/core/enum_text.hpp>

#include <array>
#include <string>

namespace coopecon::cli {

namespace {

constexpr std::array<const Option*, 9> explain_options{&option::as_of,    &option::across,      &option::law,
                                                       &option::reform,   &option::csv_rows,    &option::csv_mapping,
                                                       &option::csv_bad_rows, &option::csv_areas, &option::lang};

constexpr Syntax explain_syntax{
    "FILE ORG", 2,
    "Explains the compliance findings of the organisation with id ORG at the end of the date (default: the\n"
    "registry's as_of date, else its latest event): its status history, and for every finding the events\n"
    "on the day its condition arose, the day counting starts (the next day, Civil Code Art 147.2), the last\n"
    "day of the period and the day the consequence follows, and the parameters in force with their values\n"
    "and articles. The findings are those of 'coopecon check' for that organisation.\n",
    explain_options};

}  // namespace

int explain(const Invocation& call) {
    const auto args = parse_arguments(call.command.name, explain_syntax, call.args);
    if (args.help) {
        call.out << help_text(call.command.name, call.command.summary, explain_syntax);
        return exit_code::ok;
    }
    const auto law = load_law(args.value(option::law.name), args.value(option::reform.name), call.err);
    if (!law.law) return law.exit_code;
    const auto loaded = load_registry(args.operands[0], call.err, call.err, law.law, CsvInput::from(args));
    if (!loaded.registry) return loaded.exit_code;
    const auto& registry = *loaded.registry;
    const auto& id = args.operands[1];
    if (!registry.find(id)) {
        call.err << args.operands[0] << ": no organisation with id '" << id << "'\n";
        return exit_code::problems;
    }
    compliance::CheckOptions options;
    if (const auto v = args.value(option::across.name)) options.across_law_change = *enum_from_name<law::AcrossLawChange>(*v);
    const auto e = compliance::explain(registry, id, args.as_of.value_or(registry.data_as_of()), options);
    call.out << compliance::explain_text(e, args.lang);
    return exit_code::ok;
}

}  // namespace coopecon::cli
