#include "core/embedded_data.hpp"
#include <coopecon/core/enum_text.hpp>
#include "json/json.hpp"
#include <coopecon/law/framework_json.hpp>
#include <coopecon/law/parameter.hpp>

#include <array>
#include <optional>
#include <cstddef>
#include <utility>

namespace coopecon::law {

Framework read_framework(std::string_view text, std::string_view file) {
    static constexpr std::array<std::string_view, 7> keys{"format",  "version",    "title", "title_vi",
                                                          "regimes", "parameters", "rules"};
    Problems problems;
    const auto root = json::parse(text, file, problems);
    json::Reader r(problems);
    std::string title;
    std::optional<std::string> title_vi;
    Timeline<Regime> regimes;
    Framework::ParamTimelines params{};
    Framework::RuleBases rules;
    const auto* o = r.object(root);
    if (o && json::check_format(r, *o, framework_format, framework_version)) {
        r.check_keys(*o, {keys});
        r.member(*o, "title", title);
        r.member(*o, "title_vi", title_vi);
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
    return Framework(std::move(title), std::move(regimes), std::move(params), std::move(rules),
                     std::move(title_vi).value_or(""));
}

std::string write_framework(const Framework& f) {
    std::string out;
    json::Writer w(out);
    w.begin_object();
    w.member("format", framework_format);
    w.member("version", framework_version);
    w.member("title", f.title());
    if (!f.title_vi().empty()) w.member("title_vi", f.title_vi());
    w.member("regimes", f.regimes());
    w.key("parameters");
    w.begin_object();
    for (const Param p : enum_values<Param>()) w.member(enum_name(p), f.timeline(p));
    w.end_object();
    w.member("rules", f.rules());
    w.end_object();
    w.finish();
    return out;
}

std::shared_ptr<const Framework> vietnam() {
    static const std::shared_ptr<const Framework> framework = [] {
        constexpr std::string_view name = "law/vn-cooperatives.json";
        const auto text = coopecon::detail::embedded_file(name);
        if (!text) throw Error(ErrorCode::io, "the embedded data file " + std::string(name) + " is missing");
        return std::make_shared<const Framework>(read_framework(*text, "data/" + std::string(name)));
    }();
    return framework;
}

}  // namespace coopecon::law
