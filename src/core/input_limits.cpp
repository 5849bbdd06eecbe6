#include <coopecon/core/input_limits.hpp>

#include <algorithm>
#include <charconv>
#include <limits>
#include <cstdlib>

namespace coopecon {

std::uint64_t limit_from_environment(const char* name, std::uint64_t fallback) {
    const char* value = std::getenv(name);
    if (!value || !*value) return fallback;
    const std::string_view text(value);
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || n == 0)
        throw Error(ErrorCode::usage, std::string("the environment variable ") + name + " is " + cut_text(text, 40) +
                                          ": expected a whole number from 1 up");
    return n;
}

namespace {

template <class N>
void from_variable(const char* name, N& out) {
    out = static_cast<N>(std::min<std::uint64_t>(limit_from_environment(name, out), std::numeric_limits<N>::max()));
}

}  // namespace

InputLimits InputLimits::from_environment() {
    InputLimits limits;
    from_variable("COOPECON_MAX_INPUT_BYTES", limits.max_input_bytes);
    from_variable("COOPECON_MAX_DEPTH", limits.max_depth);
    from_variable("COOPECON_MAX_STRING_BYTES", limits.max_string_bytes);
    from_variable("COOPECON_MAX_KEYS", limits.max_keys_per_object);
    from_variable("COOPECON_MAX_ORGANIZATIONS", limits.max_organizations);
    from_variable("COOPECON_MAX_EVENTS", limits.max_events);
    from_variable("COOPECON_MAX_PROBLEMS", limits.max_problems);
    return limits;
}

void keep_first_problems(Problems& problems, std::size_t most, std::size_t also_left_out, std::string_view file) {
    std::size_t left_out = also_left_out;
    if (problems.size() > most) {
        left_out += problems.size() - most;
        problems.resize(most);
    }
    if (left_out == 0) return;
    auto p = Problem::at(problems.empty() ? ErrorCode::invalid_value : problems.back().code,
                         "and " + std::to_string(left_out) + " more problem(s), not listed (at most " +
                             std::to_string(most) + " are; COOPECON_MAX_PROBLEMS sets how many)");
    p.file = std::string(file);
    problems.push_back(std::move(p));
}

std::string cut_text(std::string_view text, std::size_t most) {
    std::size_t code_points = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++code_points > most)
            return std::string(text.substr(0, i)) + "…";
    return std::string(text);
}

}  // namespace coopecon
