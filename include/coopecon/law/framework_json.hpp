#pragma once
// A legal framework in JSON (format "coopecon-law", version 1), the format of data/law/vn-cooperatives.json:
//
//   {"format": "coopecon-law", "version": 1, "title": "...",
//    "regimes":    [{"from": "2013-07-01", "until": "2024-06-30", "value": {"id", "title", "title_vi"},
//                    "reference": "...", "unconfirmed": false}, ...],
//    "parameters": {"<Param name>": [{"from", "until", "value": <integer>, "reference", "unconfirmed"}, ...], ...},
//    "rules":      {"<rule id>": [{"from", "until", "value": "<legal basis>", "reference", "unconfirmed"}, ...]}}
//
// Every parameter of law::Param must be present and no other; every timeline must be free of overlaps, gaps
// and inverted periods. All problems are reported together, with file:line:column, before anything is built.

#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace coopecon::law {

inline constexpr std::string_view framework_format = "coopecon-law";
inline constexpr std::int64_t framework_version = 1;

/// Reads a framework from JSON text; `file` names it in problems. Throws Error listing every problem.
COOPECON_EXPORT Framework read_framework(std::string_view text, std::string_view file);

/// `f` in the format read_framework reads: parameters in the order of law::Param, rules by id.
COOPECON_EXPORT std::string write_framework(const Framework& f);

/// Vietnam's Laws on Cooperatives 2012 and 2023 with their decrees (data/law/vn-cooperatives.json, compiled into
/// the library), parsed on first use and shared: the same immutable framework for every caller and thread.
COOPECON_EXPORT std::shared_ptr<const Framework> vietnam();

}  // namespace coopecon::law
