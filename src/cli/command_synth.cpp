// coopecon synth PROFILE: generates a synthetic registry from a built-in profile (simulation/profiles.hpp) and
// writes it as a registry file. The same profile, seed and size give the same bytes.

#include "commands.hpp"

#include <coopecon/io/registry_json.hpp>
#include <coopecon/simulation/profiles.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace coopecon::cli {

namespace {

// Values are checked while the line is parsed, then read from Arguments::value.
constexpr std::uint64_t max_seed = UINT64_MAX;
constexpr std::int64_t max_organizations = 50'000'000;
void check_seed(Arguments&, std::string_view v) { whole_number<std::uint64_t>("seed", v, 0, max_seed); }
void check_organizations(Arguments&, std::string_view v) {
    whole_number<std::int64_t>("organizations", v, 1, max_organizations);
}

constexpr Option seed_option{"seed", "N", "root of the seed tree, 0 to 2^64-1 (default: 20230831)", check_seed};
constexpr Option organizations_option{
    "organizations", "N", "number of cooperatives of the world profile (default: 3000000)", check_organizations};
constexpr Option out_option{"out", "FILE", "write the registry file here (default: standard output)", check_out_file};
constexpr std::array<const Option*, 3> synth_options{&seed_option, &organizations_option, &out_option};

constexpr Syntax synth_syntax{
    "PROFILE", 1,
    "Generates every organisation's history from a built-in profile and records it through the registry, so\n"
    "each history is checked against the transition table like a file's, then writes the registry file\n"
    "(format coopecon-registry, version 1). The profiles:\n"
    "  ca_mau_2023   Cà Mau province; on 2023-08-31 exactly 281 cooperatives (247 active, 34 suspended)\n"
    "                with 4,292 members, 1 union of 6 cooperatives with 59 workers, 987 cooperative groups\n"
    "                with 14,560 members; histories from 1997 to 2025-12-31\n"
    "  vietnam_2022  Vietnam on 2022-12-31: 29,378 cooperatives with the regional totals of the statistics\n"
    "                office, 125 unions, 71,000 groups, 5,935,000 members; about 10 events each\n"
    "  world         N cooperatives (--organizations, default 3,000,000) with about 10 events each\n"
    "\n"
    "The same profile, seed and number of organisations always give the same bytes, on any number of threads.\n"
    "docs/synthetic-data.md says what each profile reproduces exactly and what is invented.\n",
    synth_options};

}  // namespace

int synth(const Invocation& call) {
    const auto args = parse_arguments(call.command.name, synth_syntax, call.args);
    if (args.help) {
        call.out << help_text(call.command.name, call.command.summary, synth_syntax);
        return exit_code::ok;
    }
    const auto& name = args.operands.front();
    if (std::find(simulation::builtin_profiles.begin(), simulation::builtin_profiles.end(), name) ==
        simulation::builtin_profiles.end())
        throw UsageError(concat("unknown profile '", name, "'; the profiles are ca_mau_2023, vietnam_2022, world"),
                         usage_line(call.command.name, synth_syntax));
    std::optional<std::int64_t> organizations;
    if (const auto v = args.value(organizations_option.name)) {
        if (name != "world")
            throw UsageError(
                concat("--organizations is for the world profile; ", name, " has the size of its published figures"),
                usage_line(call.command.name, synth_syntax));
        organizations = whole_number<std::int64_t>("organizations", *v, 1, max_organizations);
    }
    std::uint64_t seed = simulation::default_seed;
    if (const auto v = args.value(seed_option.name))
        seed = whole_number<std::uint64_t>("seed", *v, 0, max_seed);

    const auto registry = simulation::synthesize(simulation::builtin_profile(name, organizations), seed);
    if (const auto out = args.value(out_option.name))
        io::write_registry_file(registry, std::string(*out));
    else
        io::write_registry(registry, call.out);
    return exit_code::ok;
}

}  // namespace coopecon::cli
