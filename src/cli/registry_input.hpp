#pragma once
// Loading the registry file a command is given, with the diagnostics every command prints the same way.

#include <coopecon/law/framework.hpp>
#include <coopecon/registry/registry.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace coopecon::cli {

struct LoadedRegistry {
    std::optional<Registry> registry;  // set when the file is a valid registry
    int exit_code;                     // exit_code::ok, ::problems or ::unreadable
};

/// Reads the registry file `file`, judged under `law` (empty: the embedded Vietnamese law). When it has problems,
/// prints each on its own line to `problems_out`, then "N problems in FILE"; when it cannot be read at all,
/// prints why to `err`.
LoadedRegistry load_registry(const std::string& file, std::ostream& problems_out, std::ostream& err,
                             std::shared_ptr<const law::Framework> law = {});

/// "1 problem", "2 problems": counts in messages.
std::string count_of(std::size_t n, std::string_view singular, std::string_view plural);

}  // namespace coopecon::cli
