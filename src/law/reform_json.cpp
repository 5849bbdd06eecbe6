#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/text_file.hpp>
#include "json/json.hpp"
#include <coopecon/law/reform_json.hpp>

#include "law/reform_check.hpp"

#include <array>
#include <string>

namespace coopecon::law {

Reform read_reform(std::string_view text, std::string_view file) {
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

Reform read_reform_file(const std::filesystem::path& path) {
    const std::string text = read_text_file(path);
    return read_reform(text, path.string());
}

Framework apply_reform(const Framework& base, std::string_view text, std::string_view file) {
    const auto reform = read_reform(text, file);
    json::throw_located(check(base, reform), text, file);
    return apply(base, reform);
}

Framework apply_reform_file(const Framework& base, const std::filesystem::path& path) {
    const std::string text = read_text_file(path);
    return apply_reform(base, text, path.string());
}

}  // namespace coopecon::law
