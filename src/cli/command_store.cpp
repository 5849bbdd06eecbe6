// coopecon init DB and coopecon append DB FILE: a registry kept in a SQLite database over years
// (docs/registry-format.md, "SQLite store"). An append is one transaction: recorded whole or not at all.

#include "commands.hpp"
#include "registry_input.hpp"

#include <coopecon/io/registry_sqlite.hpp>

#include <array>
#include <filesystem>
#include <string>
#include <string_view>

namespace coopecon::cli {

namespace {

void check_init_text(Arguments&, std::string_view) {}

constexpr Option init_title_option{"title", "TEXT", "the registry's title (default: the file's name)", check_init_text};
constexpr Option init_source_option{"source", "TEXT", "where its data come from (default: empty)", check_init_text};
constexpr std::array<const Option*, 2> init_options{&init_title_option, &init_source_option};

constexpr Syntax init_syntax{
    "DB", 1,
    "Creates an empty registry in the SQLite database DB, a new file (an existing one is refused), in WAL\n"
    "mode. 'coopecon append' then records organisations and events in it, and every command reads it as it\n"
    "reads a registry file. Its tables are documented in docs/registry-format.md.\n",
    init_options};

constexpr std::array<const Option*, 2> append_options{&option::law, &option::reform};

constexpr Syntax append_syntax{
    "DB FILE", 2,
    "Appends to the registry in the SQLite database DB what FILE holds: either an events file (format\n"
    "coopecon-events: new organisations with their histories, named members of organisations, and events of\n"
    "organisations registered before or in the same file) or a registry in any form (registry file, binary\n"
    "form, SQLite, CSV export), whose organisations are added with their histories. Everything is one change,\n"
    "checked as the registry checks one (the transition table, the integrity rules and the rules across\n"
    "organisations of the law in force at each date, so a reorganisation that forms new organisations is\n"
    "appended at once) and written in one transaction: all of it or, on any problem, none. The problems are\n"
    "printed as validate prints them (exit code 1).\n",
    append_options};

}  // namespace

int init(const Invocation& call) {
    const auto args = parse_arguments(call.command.name, init_syntax, call.args);
    if (args.help) {
        call.out << help_text(call.command.name, call.command.summary, init_syntax);
        return exit_code::ok;
    }
    const std::filesystem::path db = args.operands.front();
    RegistryInfo info;
    info.title = std::string(args.value(init_title_option.name).value_or(db.stem().string()));
    info.source = std::string(args.value(init_source_option.name).value_or(""));
    io::create_registry_sqlite(db, info);
    call.out << db.string() << ": created an empty registry\n";
    return exit_code::ok;
}

int append(const Invocation& call) {
    const auto args = parse_arguments(call.command.name, append_syntax, call.args);
    if (args.help) {
        call.out << help_text(call.command.name, call.command.summary, append_syntax);
        return exit_code::ok;
    }
    const auto law = load_law(args.value(option::law.name), args.value(option::reform.name), call.err);
    if (!law.law) return law.exit_code;
    const auto& db = args.operands[0];
    const auto& additions = args.operands[1];
    try {
        io::append_registry_sqlite(db, additions, law.law);
    } catch (const Error& e) {
        const auto& problems = e.problems();
        if (e.code() == ErrorCode::io) throw;  // main reports it: a file that cannot be read or written
        for (const auto& p : problems) call.err << p.to_string() << '\n';
        call.err << count_of(problems.size(), "problem", "problems") << ": nothing appended to " << db << '\n';
        return exit_code::problems;
    }
    call.out << db << ": appended " << additions << '\n';
    return exit_code::ok;
}

}  // namespace coopecon::cli
