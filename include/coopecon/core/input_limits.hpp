#pragma once
// Limits on what one input file may hold, so that a hostile or broken file is refused with a clear error instead
// of exhausting memory or time. Every reader of a file takes them (the registry JSON today); each has a
// default far above any real registry, and each can be raised or lowered: in C++ by passing an InputLimits, on
// the command line and in Python by the environment variable named beside it (docs/reliability.md).

#include <coopecon/core/error.hpp>
#include <coopecon/export.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace coopecon {

struct COOPECON_EXPORT InputLimits {
    /// Bytes of one input file (COOPECON_MAX_INPUT_BYTES). 16 GiB: a registry JSON of about 7 million
    /// organisations, twice the world's cooperatives.
    std::uint64_t max_input_bytes = std::uint64_t{16} << 30;
    /// Nesting of objects and arrays (COOPECON_MAX_DEPTH); coopecon's formats need about six levels.
    std::size_t max_depth = 64;
    /// Bytes of one string or key (COOPECON_MAX_STRING_BYTES).
    std::size_t max_string_bytes = std::size_t{1} << 20;
    /// Keys of one object (COOPECON_MAX_KEYS); a registry's widest object has about fifteen.
    std::size_t max_keys_per_object = 10'000;
    /// Organisations in one input (COOPECON_MAX_ORGANIZATIONS).
    std::size_t max_organizations = 10'000'000;
    /// Events in one input, over all organisations (COOPECON_MAX_EVENTS).
    std::size_t max_events = 200'000'000;
    /// Problems listed in one error (COOPECON_MAX_PROBLEMS); the rest are counted in a last line.
    std::size_t max_problems = 1'000;

    /// The defaults, each replaced by its environment variable when that is set. Throws Error (code usage)
    /// naming the variable when one is not a whole number from 1 up.
    static InputLimits from_environment();
};

/// The whole number from 1 up that the environment variable `name` holds, or `fallback` when it is unset or
/// empty. Throws Error (code usage) naming the variable when it holds anything else.
COOPECON_EXPORT std::uint64_t limit_from_environment(const char* name, std::uint64_t fallback);

/// Keeps at most `most` of `problems` (in their order) and, when some are left out, adds a last problem that
/// counts them and names `file`. For messages that stay readable whatever the input.
COOPECON_EXPORT void keep_first_problems(Problems& problems, std::size_t most, std::size_t also_left_out,
                                         std::string_view file);

/// `text` cut to `most` code points with "…" after it when longer, so that echoed input cannot flood a message.
COOPECON_EXPORT std::string cut_text(std::string_view text, std::size_t most = 120);

}  // namespace coopecon
