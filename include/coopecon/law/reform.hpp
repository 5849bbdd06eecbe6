#pragma once
// A reform: a change of law given as data, the periods of some parameters, rule bases or regimes that replace
// what a framework has in force for their dates. Applying it splices each list into the framework's timeline
// (as OpenFisca's Parameter.update does): from the list's first day to its last day (or on, when its last
// period is open-ended) the reform's periods are in force; before and after, the framework's periods stay,
// cut at the edges. The whole reform is checked before anything is built, and every problem is reported:
// inverted, overlapping or gapped periods, impossible values, empty lists, unknown rules, and gaps between the
// reform's periods and the framework's. The framework applied to is never changed; apply returns a new one.
//
// The format of reform files is in law/reform_json.hpp and docs/reforms.md.

#include <coopecon/core/date.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/json/path.hpp>
#include <coopecon/core/timeline.hpp>
#include <coopecon/law/compliance_rule.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/parameter.hpp>
#include <coopecon/law/transition_table.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coopecon::law {

struct Reform {
    std::string title;
    std::vector<Dated<Regime>> regimes;
    std::map<Param, std::vector<Dated<std::int64_t>>> parameters;
    std::map<std::string, std::vector<Dated<std::string>>, std::less<>> rules;
};

namespace detail {

inline std::string param_path(Param p) {
    std::string path = "parameters";
    json::append_key(path, enum_name(p));
    return path;
}
inline std::string rule_path(std::string_view id) {
    std::string path = "rules";
    json::append_key(path, id);
    return path;
}
inline std::string element_path(const std::string& list, std::size_t i) {
    std::string path = list;
    json::append_index(path, i);
    return path;
}

/// Problems of one list of periods on its own: none given, an impossible value, inverted, overlapping or gapped
/// periods. `value_problem` says why a value is impossible, or nothing.
template <class T, class ValueProblem>
void check_list(const std::vector<Dated<T>>& list, const std::string& path, ValueProblem&& value_problem,
                Problems& out) {
    if (list.empty()) {
        out.push_back(Problem::at(ErrorCode::invalid_value, "no periods: a reform gives at least one period for each "
                                                            "entry it names", path));
        return;
    }
    for (std::size_t i = 0; i < list.size(); ++i)
        if (auto why = value_problem(list[i].value)) {
            std::string at = element_path(path, i);
            json::append_key(at, "value");
            out.push_back(Problem::at(ErrorCode::invalid_value, std::move(*why), std::move(at)));
        }
    for (auto& p : Timeline<T>::check(list, path)) out.push_back(std::move(p));
}

inline std::optional<std::string> regime_problem(const Regime& r) {
    if (r.id.empty()) return "a regime needs an id";
    return std::nullopt;
}
inline std::optional<std::string> basis_problem(const std::string& basis) {
    if (basis.empty()) return "the legal basis is empty";
    return std::nullopt;
}

/// `base` with `changes` (valid on their own) spliced in; sorted by start.
template <class T>
std::vector<Dated<T>> splice(const std::vector<Dated<T>>& base, std::vector<Dated<T>> changes) {
    std::sort(changes.begin(), changes.end(), [](const Dated<T>& a, const Dated<T>& b) { return a.from < b.from; });
    const Date first = changes.front().from;
    const std::optional<Date> last = changes.back().until;
    std::vector<Dated<T>> out;
    for (const auto& p : base) {
        if (p.from < first) {
            auto before = p;
            if (!before.until || *before.until >= first) before.until = first.plus_days(-1);
            out.push_back(std::move(before));
        }
        if (last && (!p.until || *p.until > *last)) {
            auto after = p;
            if (after.from <= *last) after.from = last->plus_days(1);
            out.push_back(std::move(after));
        }
    }
    for (auto& c : changes) out.push_back(std::move(c));
    std::sort(out.begin(), out.end(), [](const Dated<T>& a, const Dated<T>& b) { return a.from < b.from; });
    return out;
}

/// A gap the splice would leave between the reform's periods and the framework's.
template <class T>
void check_spliced(const std::vector<Dated<T>>& spliced, const std::string& path, Problems& out) {
    for (std::size_t k = 1; k < spliced.size(); ++k) {
        const auto& prev = spliced[k - 1];
        if (prev.until && prev.until->plus_days(1) < spliced[k].from)
            out.push_back(Problem::at(ErrorCode::invalid_value,
                                      "nothing would be in force from " + prev.until->plus_days(1).iso() + " to " +
                                          spliced[k].from.plus_days(-1).iso() +
                                          ": the reform's periods and the framework's must meet",
                                      path));
    }
}

/// Rule ids a framework may give a legal basis for: the transition table's, the compliance rules', and the
/// framework's own.
inline std::set<std::string, std::less<>> known_rules(const Framework& base) {
    std::set<std::string, std::less<>> ids;
    for (const auto& t : transitions) ids.emplace(t.id);
    for (const Rule r : enum_values<Rule>()) ids.emplace(info(r).id);
    for (const auto& [id, timeline] : base.rules()) ids.insert(id);
    return ids;
}

}  // namespace detail

/// Every problem of the reform on its own, with the paths of its JSON form (e.g. parameters.X[1].value).
inline Problems check(const Reform& reform) {
    using namespace detail;
    Problems out;
    if (!reform.regimes.empty()) check_list(reform.regimes, "regimes", regime_problem, out);
    for (const auto& [p, list] : reform.parameters)
        check_list(list, param_path(p), [p](std::int64_t v) { return value_problem(p, v); }, out);
    for (const auto& [id, list] : reform.rules) check_list(list, rule_path(id), basis_problem, out);
    return out;
}

/// Every problem of applying the reform to `base`: those of the reform on its own, unknown rules, and gaps.
inline Problems check(const Framework& base, const Reform& reform) {
    using namespace detail;
    Problems out = check(reform);
    if (!out.empty()) return out;  // the splices below need lists that are valid on their own
    if (!reform.regimes.empty()) check_spliced(splice(base.regimes().periods(), reform.regimes), "regimes", out);
    for (const auto& [p, list] : reform.parameters)
        check_spliced(splice(base.timeline(p).periods(), list), param_path(p), out);
    const auto known = known_rules(base);
    for (const auto& [id, list] : reform.rules) {
        if (!known.count(id)) {
            out.push_back(Problem::at(ErrorCode::unknown_name,
                                      "unknown rule " + id + ": a reform can give the legal basis of a rule of the "
                                                             "transition table, a compliance rule or a rule of the framework",
                                      rule_path(id)));
            continue;
        }
        const auto it = base.rules().find(id);
        check_spliced(splice(it == base.rules().end() ? std::vector<Dated<std::string>>{} : it->second.periods(), list),
                      rule_path(id), out);
    }
    return out;
}

/// `base` with the reform applied. Throws Error listing every problem (see check); `base` is never changed.
inline Framework apply(const Framework& base, const Reform& reform) {
    using detail::splice;
    throw_if_any(check(base, reform));
    auto regimes = reform.regimes.empty() ? base.regimes()
                                          : Timeline<Regime>::make(splice(base.regimes().periods(), reform.regimes));
    auto params = base.params();
    for (const auto& [p, list] : reform.parameters)
        params[static_cast<std::size_t>(p)] = Timeline<std::int64_t>::make(splice(base.timeline(p).periods(), list));
    auto rules = base.rules();
    for (const auto& [id, list] : reform.rules) {
        const auto it = rules.find(id);
        auto spliced = splice(it == rules.end() ? std::vector<Dated<std::string>>{} : it->second.periods(), list);
        rules[id] = Timeline<std::string>::make(std::move(spliced));
    }
    std::string title = base.title();
    if (!reform.title.empty()) title += " + reform: " + reform.title;
    return Framework(std::move(title), std::move(regimes), std::move(params), std::move(rules));
}

}  // namespace coopecon::law
