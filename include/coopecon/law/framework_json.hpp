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

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/json/json.hpp>
#include <coopecon/core/timeline.hpp>
#include <coopecon/core/detail/embedded_data.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/parameter.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace coopecon::law {

inline constexpr std::string_view framework_format = "coopecon-law";
inline constexpr std::int64_t framework_version = 1;

/// Reads a framework from JSON text; `file` names it in problems. Throws Error listing every problem.
inline Framework read_framework(std::string_view text, std::string_view file) {
    static constexpr std::array<std::string_view, 6> keys{"format", "version", "title", "regimes", "parameters", "rules"};
    Problems problems;
    const auto root = json::parse(text, file, problems);
    json::Reader r(problems);
    std::string title;
    Timeline<Regime> regimes;
    Framework::ParamTimelines params{};
    Framework::RuleBases rules;
    const auto* o = r.object(root);
    if (o && json::check_format(r, *o, framework_format, framework_version)) {
        r.check_keys(*o, {keys});
        r.member(*o, "title", title);
        r.member(*o, "regimes", regimes);
        r.member(*o, "rules", rules);
        auto scope = r.key("parameters");
        if (const auto* pv = o->if_contains("parameters"); !pv) {
            r.problem(ErrorCode::missing_field, "missing required key \"parameters\"");
        } else if (const auto* po = r.object(*pv)) {
            std::array<bool, param_count> present{};
            for (const auto& kv : *po) {
                const std::string_view name(kv.key().data(), kv.key().size());
                auto inner = r.key(name);
                if (const auto p = enum_from_name<Param>(name)) {
                    present[static_cast<std::size_t>(*p)] = true;
                    r.read(kv.value(), params[static_cast<std::size_t>(*p)]);
                } else {
                    r.problem(ErrorCode::unknown_name, "unknown parameter " + json::in_quotes(name) +
                                                           "; the parameters are: " + enum_names_list<Param>());
                }
            }
            for (const Param p : enum_values<Param>()) {
                if (present[static_cast<std::size_t>(p)]) continue;
                auto inner = r.key(enum_name(p));
                r.problem(ErrorCode::missing_field,
                          "missing parameter " + json::in_quotes(enum_name(p)) + " (" + std::string(info(p).meaning) + ")");
            }
        }
    }
    json::throw_located(std::move(problems), text, file);
    return Framework(std::move(title), std::move(regimes), std::move(params), std::move(rules));
}

/// Writes `f` in the format read_framework reads: parameters in the order of law::Param, rules by id.
inline void write_framework(json::Writer& w, const Framework& f) {
    w.begin_object();
    w.member("format", framework_format);
    w.member("version", framework_version);
    w.member("title", f.title());
    w.member("regimes", f.regimes());
    w.key("parameters");
    w.begin_object();
    for (const Param p : enum_values<Param>()) w.member(enum_name(p), f.timeline(p));
    w.end_object();
    w.member("rules", f.rules());
    w.end_object();
}

inline std::string write_framework(const Framework& f) {
    std::string out;
    json::Writer w(out);
    write_framework(w, f);
    w.finish();
    return out;
}

/// Vietnam's Laws on Cooperatives 2012 and 2023 with their decrees (data/law/vn-cooperatives.json, compiled into
/// the library), parsed on first use and shared: the same immutable framework for every caller and thread.
inline std::shared_ptr<const Framework> vietnam() {
    static const std::shared_ptr<const Framework> framework = [] {
        constexpr std::string_view name = "law/vn-cooperatives.json";
        const auto text = coopecon::detail::embedded_file(name);
        if (!text) throw Error(ErrorCode::io, "the embedded data file " + std::string(name) + " is missing");
        return std::make_shared<const Framework>(read_framework(*text, "data/" + std::string(name)));
    }();
    return framework;
}

}  // namespace coopecon::law
