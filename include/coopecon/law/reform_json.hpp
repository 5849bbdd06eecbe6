#pragma once
// A reform in JSON (format "coopecon-reform", version 1; docs/reforms.md):
//
//   {"format": "coopecon-reform", "version": 1, "title": "...",
//    "parameters": {"<Param name>": [{"from", "until", "value": <integer>, "reference", "unconfirmed"}, ...], ...},
//    "rules":      {"<rule id>": [{"from", "until", "value": "<legal basis>", "reference", "unconfirmed"}, ...]},
//    "regimes":    [{"from", "until", "value": {"id", "title", "title_vi"}, "reference", "unconfirmed"}, ...]}
//
// "title" is required; "parameters", "rules" and "regimes" may each be left out. Reading reports every
// problem of the file at once with file:line:column: JSON, unknown keys and parameters, and the reform's own
// checks (law/reform.hpp). Applying it from text also locates the problems found against the framework.

#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/reform.hpp>

#include <cstdint>
#include <filesystem>
#include <string_view>

namespace coopecon::law {

inline constexpr std::string_view reform_format = "coopecon-reform";
inline constexpr std::int64_t reform_version = 1;

/// Reads a reform from JSON text (`file` names it in problems) and checks it on its own. Throws Error listing
/// every problem.
COOPECON_EXPORT Reform read_reform(std::string_view text, std::string_view file);

/// Reads the reform file at `path` (see read_reform).
COOPECON_EXPORT Reform read_reform_file(const std::filesystem::path& path);

/// Reads a reform from text and applies it to `base`; every problem, including those against `base`, is
/// reported with file:line:column. `base` is never changed.
COOPECON_EXPORT Framework apply_reform(const Framework& base, std::string_view text, std::string_view file);

/// Reads the reform file at `path` and applies it to `base`.
COOPECON_EXPORT Framework apply_reform_file(const Framework& base, const std::filesystem::path& path);

}  // namespace coopecon::law
