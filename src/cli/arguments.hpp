#pragma once
// The command line of one command: long options (`--as-of DATE` or `--as-of=DATE`), `-h`/`--help`, operands
// (FILE), and `--` before an operand that starts with '-'. Values are checked as they are read, so a bad date
// or an unknown format is a usage error before any file is opened. Each command describes what it takes in a
// Syntax, which is also where its --help text comes from.

#include <coopecon/core/date.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/indicators/render.hpp>

#include <array>
#include <charconv>
#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coopecon::cli {

/// The parts joined into one string. (Also sidesteps GCC 12's false -Wrestrict on "literal" + std::string.)
template <class... Parts>
std::string concat(const Parts&... parts) {
    std::string out;
    (out.append(std::string_view(parts)), ...);
    return out;
}

/// The exit status of every command (listed by both help texts and docs/cli.md).
namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int problems = 1;    // the input has problems; they were printed
inline constexpr int usage = 2;       // the command line is wrong
inline constexpr int unreadable = 3;  // a file cannot be read, or the output cannot be written
}  // namespace exit_code

/// The output formats are the library's: one renderer for every table (indicators/render.hpp).
using Format = indicators::Format;

/// Everything a command line can say; each command reads the fields its Syntax allows.
struct Arguments {
    std::vector<std::string> operands;
    std::optional<Date> as_of;
    Lang lang = Lang::en;
    Format format = Format::text;
    bool help = false;
    std::vector<std::pair<std::string, std::string>> values;  // every option given: name (without --), value

    /// The value given for `--name`, checked by its Option.
    std::optional<std::string_view> value(std::string_view name) const {
        for (const auto& [n, v] : values)
            if (n == name) return v;
        return std::nullopt;
    }
    /// Every value given for a repeatable `--name`, in order.
    std::vector<std::string_view> all_values(std::string_view name) const {
        std::vector<std::string_view> out;
        for (const auto& [n, v] : values)
            if (n == name) out.push_back(v);
        return out;
    }
};

/// A wrong command line: what is wrong, and the usage line of the command it was meant for.
class UsageError : public std::runtime_error {
public:
    UsageError(const std::string& message, std::string usage)
        : std::runtime_error(message), usage_(std::move(usage)) {}
    const std::string& usage() const noexcept { return usage_; }

private:
    std::string usage_;
};

/// A whole number in [min, max], or UsageError (without usage; the parser adds it) naming the option.
template <class Int>
Int whole_number(std::string_view option, std::string_view value, Int min, Int max) {
    Int n{};
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc{} || end != value.data() + value.size() || n < min || n > max)
        throw UsageError(concat("--", option, " needs a whole number from ", std::to_string(min), " to ",
                                std::to_string(max), ", not '", value, "'"),
                         {});
    return n;
}

/// An option taking one value. `set` checks the value and stores it, or throws UsageError (without usage;
/// the parser adds it).
struct Option {
    std::string_view name;   // without the leading "--"
    std::string_view value;  // how the value is shown in help, e.g. DATE or en|vi
    std::string_view help;
    void (*set)(Arguments&, std::string_view value);
    bool repeatable = false;  // may be given more than once (e.g. --scenario)
};

void set_as_of(Arguments&, std::string_view);
void set_lang(Arguments&, std::string_view);
void set_format(Arguments&, std::string_view);
/// Checks the value of an --out option: a file name (the command writes it when the run succeeds).
void check_out_file(Arguments&, std::string_view);
void check_thread_count(Arguments&, std::string_view);
/// The value of --threads, or 0 (one thread per core) when it is not given.
unsigned threads_of(const Arguments&);

namespace option {
inline constexpr Option as_of{"as-of", "DATE",
                              "date to judge at, YYYY-MM-DD (default: the registry's as_of, else its latest event)",
                              set_as_of};
inline constexpr Option lang{"lang", "en|vi", "labels in English or Vietnamese (default: en)", set_lang};
inline constexpr Option format{"format", "text|md|csv|json|html",
                               "aligned text, Markdown, CSV, JSON or an HTML page (default: text)", set_format};
inline constexpr Option threads{"threads", "N",
                                "replay the organisations on N threads (default: one per core); the output is the same",
                                check_thread_count};
}  // namespace option

/// Every option, in the order the general help lists them.
inline constexpr std::array<const Option*, 3> all_options{&option::as_of, &option::lang, &option::format};

/// What a command accepts besides its name, and the body of its --help.
struct Syntax {
    std::string_view operands;     // as shown in the usage line, e.g. FILE
    std::size_t operand_count;     // at least this many operands
    std::string_view description;  // paragraphs, each line ending in '\n'
    std::span<const Option* const> options;
    std::size_t optional_operands = 0;  // how many more may follow, e.g. 1 for [FILE]
};

/// `coopecon report FILE [--as-of DATE] ...`
std::string usage_line(std::string_view command, const Syntax& syntax);

/// The full --help text of a command: usage, summary, description, options, exit codes.
std::string help_text(std::string_view command, std::string_view summary, const Syntax& syntax);

/// The exit codes, which both the general and the command help end with.
std::string exit_codes_text();

/// One line per option, `  --as-of DATE   date to report at ...`, aligned, and one for -h, --help.
std::string options_text(std::span<const Option* const> options);

/// Reads the arguments after the command name. `-h` or `--help` anywhere before `--` asks for help and
/// nothing else is checked. Otherwise throws UsageError for an unknown option, an option this command does
/// not take, a missing or bad value, an option given twice that is not repeatable, or the wrong number of
/// operands.
Arguments parse_arguments(std::string_view command, const Syntax& syntax, std::span<const std::string_view> args);

}  // namespace coopecon::cli
