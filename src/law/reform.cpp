#include <coopecon/law/compliance_rule.hpp>
#include <coopecon/law/reform.hpp>
#include <coopecon/law/transition_table.hpp>

#include "law/reform_check.hpp"

#include <algorithm>
#include <set>
#include <string_view>

namespace coopecon::law {

namespace detail {

std::string element_path(const std::string& list, std::size_t i) {
    std::string path = list;
    json::append_index(path, i);
    return path;
}

std::optional<std::string> regime_problem(const Regime& r) {
    if (r.id.empty()) return "a regime needs an id";
    return std::nullopt;
}

std::optional<std::string> basis_problem(const std::string& basis) {
    if (basis.empty()) return "the legal basis is empty";
    return std::nullopt;
}

}  // namespace detail

namespace {

std::string param_path(Param p) {
    std::string path = "parameters";
    json::append_key(path, enum_name(p));
    return path;
}

std::string rule_path(std::string_view id) {
    std::string path = "rules";
    json::append_key(path, id);
    return path;
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
std::set<std::string, std::less<>> known_rules(const Framework& base) {
    std::set<std::string, std::less<>> ids;
    for (const auto& t : transitions) ids.emplace(t.id);
    for (const Rule r : enum_values<Rule>()) ids.emplace(info(r).id);
    for (const auto& [id, timeline] : base.rules()) ids.insert(id);
    return ids;
}

}  // namespace

Problems check(const Reform& reform) {
    using namespace detail;
    Problems out;
    if (!reform.regimes.empty()) check_list(reform.regimes, "regimes", regime_problem, out);
    for (const auto& [parameter, list] : reform.parameters) {
        const auto p = parameter;  // a named copy: clang 14 cannot capture a structured binding
        check_list(list, param_path(p), [p](std::int64_t v) { return value_problem(p, v); }, out);
    }
    for (const auto& [id, list] : reform.rules) check_list(list, rule_path(id), basis_problem, out);
    return out;
}

Problems check(const Framework& base, const Reform& reform) {
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

Framework apply(const Framework& base, const Reform& reform) {
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
    std::string title = base.title(), title_vi = base.title_vi();
    if (!reform.title.empty()) {
        title += " + reform: " + reform.title;
        if (!title_vi.empty()) title_vi += " + cải cách: " + reform.title;
    }
    return Framework(std::move(title), std::move(regimes), std::move(params), std::move(rules), std::move(title_vi));
}

}  // namespace coopecon::law
