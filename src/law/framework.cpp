#include <coopecon/law/framework.hpp>

#include <utility>

namespace coopecon::law {

Framework::Framework(std::string title, Timeline<Regime> regimes, ParamTimelines params, RuleBases rules,
                     std::string title_vi)
    : title_(std::move(title)), title_vi_(std::move(title_vi)), regimes_(std::move(regimes)), params_(std::move(params)), rules_(std::move(rules)) {}

std::string Framework::basis(std::string_view id, Date d) const {
    auto it = rules_.find(id);
    if (it == rules_.end()) return {};
    const auto* e = it->second.find(d);
    if (!e) return {};
    return e->unconfirmed ? e->value + " (UNCONFIRMED)" : e->value;
}

}  // namespace coopecon::law
