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

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/json/json.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/parameter.hpp>
#include <coopecon/law/reform.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace coopecon::law {

inline constexpr std::string_view reform_format = "coopecon-reform";
inline constexpr std::int64_t reform_version = 1;

/// Reads a reform from JSON text (`file` names it in problems) and checks it on its own. Throws Error listing
/// every problem.
inline Reform read_reform(std::string_view text, std::string_view file) {
    using namespace detail;
    static constexpr std::array<std::string_view, 6> keys{"format", "version", "title", "parameters", "rules", "regimes"};
    Problems problems;
    const auto root = json::parse(text, file, problems);
    json::Reader r(problems);
    Reform reform;
    const auto* o = r.object(root);
    if (o && json::check_format(r, *o, reform_format, reform_version)) {
        r.check_keys(*o, {keys});
        r.member(*o, "title", reform.title);
        if (r.member(*o, "regimes", reform.regimes) && !reform.regimes.empty())
            check_list(reform.regimes, "regimes", regime_problem, problems);
        if (const auto* pv = o->if_contains("parameters")) {
            auto scope = r.key("parameters");
            if (const auto* po = r.object(*pv)) {
                for (const auto& kv : *po) {
                    const std::string_view name(kv.key().data(), kv.key().size());
                    auto inner = r.key(name);
                    const auto p = enum_from_name<Param>(name);
                    if (!p) {
                        r.problem(ErrorCode::unknown_name, "unknown parameter " + json::in_quotes(name) +
                                                               "; the parameters are: " + enum_names_list<Param>());
                        continue;
                    }
                    auto& list = reform.parameters[*p];
                    if (r.read(kv.value(), list))
                        check_list(list, r.path(), [p](std::int64_t v) { return value_problem(*p, v); }, problems);
                }
            }
        }
        if (const auto* rv = o->if_contains("rules")) {
            auto scope = r.key("rules");
            if (const auto* ro = r.object(*rv)) {
                for (const auto& kv : *ro) {
                    const std::string_view id(kv.key().data(), kv.key().size());
                    auto inner = r.key(id);
                    auto& list = reform.rules[std::string(id)];
                    if (r.read(kv.value(), list)) check_list(list, r.path(), basis_problem, problems);
                }
            }
        }
    }
    json::throw_located(std::move(problems), text, file);
    return reform;
}

/// Reads the reform file at `path` (see read_reform).
inline Reform read_reform_file(const std::filesystem::path& path) {
    const std::string text = read_text_file(path);
    return read_reform(text, path.string());
}

/// Reads a reform from text and applies it to `base`; every problem, including those against `base`, is
/// reported with file:line:column. `base` is never changed.
inline Framework apply_reform(const Framework& base, std::string_view text, std::string_view file) {
    const auto reform = read_reform(text, file);
    json::throw_located(check(base, reform), text, file);
    return apply(base, reform);
}

/// Reads the reform file at `path` and applies it to `base`.
inline Framework apply_reform_file(const Framework& base, const std::filesystem::path& path) {
    const std::string text = read_text_file(path);
    return apply_reform(base, text, path.string());
}

}  // namespace coopecon::law
