#include "arguments.hpp"

#include <algorithm>
#include <set>

namespace coopecon::cli {

namespace {

// Hostile or mistyped arguments are echoed in messages; quoting shows where they start and end.
std::string quoted(std::string_view s) { return concat("'", s, "'"); }

std::string option_heading(const Option& o) { return concat("--", o.name, " ", o.value); }

}  // namespace

void set_as_of(Arguments& a, std::string_view value) {
    a.as_of = Date::parse(value);
    if (!a.as_of) throw UsageError(concat("--as-of needs a calendar date as YYYY-MM-DD, not ", quoted(value)), {});
}

void set_lang(Arguments& a, std::string_view value) {
    if (value == "en") a.lang = Lang::en;
    else if (value == "vi") a.lang = Lang::vi;
    else throw UsageError(concat("--lang must be en or vi, not ", quoted(value)), {});
}

void set_format(Arguments& a, std::string_view value) {
    if (value == "text") a.format = Format::text;
    else if (value == "md") a.format = Format::md;
    else if (value == "csv") a.format = Format::csv;
    else if (value == "json") a.format = Format::json;
    else if (value == "html") a.format = Format::html;
    else throw UsageError(concat("--format must be text, md, csv, json or html, not ", quoted(value)), {});
}

void check_out_file(Arguments&, std::string_view value) {
    if (value.empty()) throw UsageError("--out needs a file name", {});
}

namespace {
constexpr unsigned thread_limit = 1024;  // more is a mistake, not a machine
}  // namespace

void check_thread_count(Arguments&, std::string_view value) { whole_number<unsigned>("threads", value, 1, thread_limit); }

unsigned threads_of(const Arguments& a) {
    const auto v = a.value(option::threads.name);
    return v ? whole_number<unsigned>("threads", *v, 1, thread_limit) : 0;
}

std::string usage_line(std::string_view command, const Syntax& syntax) {
    std::string out = concat("usage: coopecon ", command);
    if (!syntax.operands.empty()) out += concat(" ", syntax.operands);
    for (const auto* o : syntax.options) out += concat(" [", option_heading(*o), "]");
    return out;
}

std::string options_text(std::span<const Option* const> options) {
    std::size_t width = std::string_view("-h, --help").size();
    for (const auto* o : options) width = std::max(width, option_heading(*o).size());
    std::string out;
    auto line = [&](const std::string& heading, std::string_view help) {
        out += "  " + heading + std::string(width - heading.size() + 3, ' ') + std::string(help) + "\n";
    };
    for (const auto* o : options) line(option_heading(*o), o->help);
    line("-h, --help", "show this help");
    return out;
}

std::string exit_codes_text() {
    return "exit codes:\n"
           "  0  ok\n"
           "  1  problems found in the input (each printed on its own line)\n"
           "  2  usage error: unknown command or option, missing or bad argument\n"
           "  3  a file cannot be read, or the output cannot be written\n";
}

std::string help_text(std::string_view command, std::string_view summary, const Syntax& syntax) {
    std::string out = concat(usage_line(command, syntax), "\n\n", summary, ".\n");
    if (!syntax.description.empty()) out += concat("\n", syntax.description);
    out += "\noptions:\n" + options_text(syntax.options) + "\n" + exit_codes_text();
    return out;
}

Arguments parse_arguments(std::string_view command, const Syntax& syntax, std::span<const std::string_view> args) {
    Arguments out;
    for (const auto arg : args) {
        if (arg == "--") break;
        if (arg == "-h" || arg == "--help") {
            out.help = true;
            return out;
        }
    }

    const std::string usage = usage_line(command, syntax);
    auto fail = [&](const std::string& message) { throw UsageError(message, usage); };
    std::set<std::string_view> given;
    bool options_ended = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto arg = args[i];
        if (options_ended || arg == "-" || !arg.starts_with('-')) {
            out.operands.emplace_back(arg);
            continue;
        }
        if (arg == "--") {
            options_ended = true;
            continue;
        }
        if (!arg.starts_with("--")) fail(concat("unknown option ", quoted(arg), " (options are long, like --as-of)"));

        const auto equals = arg.find('=');
        const auto name = arg.substr(2, equals == std::string_view::npos ? std::string_view::npos : equals - 2);
        const auto taken = std::find_if(syntax.options.begin(), syntax.options.end(),
                                        [&](const Option* o) { return o->name == name; });
        if (taken == syntax.options.end()) {
            const bool known = std::any_of(all_options.begin(), all_options.end(),
                                           [&](const Option* o) { return o->name == name; });
            fail(known ? concat("--", name, " is not an option of this command")
                       : concat("unknown option ", quoted(arg.substr(0, equals))));
        }
        if (!given.insert(name).second && !(*taken)->repeatable) fail(concat("--", name, " is given twice"));

        std::string_view value;
        if (equals != std::string_view::npos) {
            value = arg.substr(equals + 1);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            fail(concat("--", name, " needs a value: ", option_heading(**taken)));
        }
        try {
            (*taken)->set(out, value);
        } catch (const UsageError& e) {
            fail(e.what());
        }
        out.values.emplace_back(name, value);
    }

    if (out.operands.size() < syntax.operand_count)
        fail(concat("missing ", syntax.operands));
    const auto most = syntax.operand_count + syntax.optional_operands;
    if (out.operands.size() > most) fail(concat("unexpected argument ", quoted(out.operands[most])));
    return out;
}

}  // namespace coopecon::cli
