// The command line's parser (src/cli/arguments.cpp) with every option the commands share: the input is the
// arguments after the command name, separated by NUL bytes; its first byte chooses how many operands the
// command takes. Options, `=` values, `--`, `-h` anywhere, repeated options and the value checks are all
// exercised; the only refusal allowed is a UsageError that says what is wrong and shows the usage line.

#include "../src/cli/arguments.hpp"
#include "../src/cli/registry_input.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace {

using namespace coopecon::cli;

constexpr Option repeated{"scenario", "FILE", "a repeatable option", check_out_file, true};
constexpr Option out{"out", "FILE", "an output file", check_out_file};
constexpr std::array<const Option*, 13> options{
    &option::as_of,     &option::lang,        &option::format,       &option::threads, &option::csv_rows,
    &option::csv_mapping, &option::csv_bad_rows, &option::csv_areas, &option::law,     &option::reform,
    &option::across,    &out,                 &repeated};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const Syntax syntax{"FILE [FILE]", static_cast<std::size_t>(data[0] & 3), "", options,
                        static_cast<std::size_t>(data[0] >> 6)};
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::vector<std::string_view> args;
    for (std::size_t start = 0; start <= rest.size();) {
        const auto end = std::min(rest.find('\0', start), rest.size());
        args.push_back(rest.substr(start, end - start));
        start = end + 1;
    }
    try {
        const auto parsed = parse_arguments("fuzz", syntax, args);
        if (parsed.help) return 0;
        const auto most = syntax.operand_count + syntax.optional_operands;
        if (parsed.operands.size() < syntax.operand_count || parsed.operands.size() > most) std::abort();
        threads_of(parsed);
        CsvInput::from(parsed);
    } catch (const UsageError& e) {
        if (std::string_view(e.what()).empty() || e.usage().empty()) std::abort();
    }
    return 0;
}
