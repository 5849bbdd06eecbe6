// coopecon validate FILE: reads a registry file as the library does (JSON, areas, transition table, integrity
// rules) and lists every problem, or summarises what the file holds.

#include "commands.hpp"
#include "registry_input.hpp"

#include <algorithm>

namespace coopecon::cli {

namespace {

constexpr std::array<const Option*, 4> validate_options{&option::csv_rows, &option::csv_mapping,
                                                        &option::csv_bad_rows, &option::csv_areas};

constexpr Syntax validate_syntax{
    "FILE", 1,
    "Reads the registry file (format coopecon-registry, version 1) and checks it completely: JSON syntax, field\n"
    "types and names, areas, and every organisation's history against the transition table and the integrity\n"
    "rules of the law in force at each event's date. A FILE ending in .csv is a registry export, one row per\n"
    "organisation or per event, with English or Vietnamese headers (docs/csv-import.md).\n"
    "\n"
    "Every problem is printed on its own line as\n"
    "  FILE:LINE:COLUMN: PATH: organization ID, event TYPE on DATE: MESSAGE [rule RULE; LEGAL BASIS]\n"
    "followed by 'N problems in FILE' (exit code 1). A valid file gives one line: the numbers of\n"
    "organisations and events, and the dates of the first and last event (exit code 0).\n",
    validate_options};

}  // namespace

int validate(const Invocation& call) {
    const auto args = parse_arguments(call.command.name, validate_syntax, call.args);
    if (args.help) {
        call.out << help_text(call.command.name, call.command.summary, validate_syntax);
        return exit_code::ok;
    }
    const auto& file = args.operands.front();
    const auto loaded = load_registry(file, call.out, call.err, {}, CsvInput::from(args));
    if (!loaded.registry) return loaded.exit_code;

    const auto& registry = *loaded.registry;
    std::optional<Date> first, last;
    for (OrgIndex i = 0; i < registry.size(); ++i) {
        const auto& log = registry.log(i);
        if (log.empty()) continue;
        // A log has no accessor for its first date; replaying it costs no more than reading the file did.
        log.replay_until(Date::max(), [&](Date d, const auto&) {
            if (!first || d < *first) first = d;
        });
        if (!last || log.last_date() > *last) last = log.last_date();
    }
    call.out << file << ": valid: " << count_of(registry.size(), "organisation", "organisations") << ", "
             << count_of(registry.event_count(), "event", "events");
    if (first) call.out << ", " << first->iso() << " to " << last->iso();
    call.out << '\n';
    return exit_code::ok;
}

}  // namespace coopecon::cli
