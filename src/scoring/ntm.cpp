#include <coopecon/scoring/ntm.hpp>

#include "scoring/lists.hpp"

#include <coopecon/indicators/engine.hpp>
#include <coopecon/model/area.hpp>
#include <coopecon/model/area_catalog.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/registry/registry.hpp>

#include <map>
#include <optional>
#include <utility>

namespace coopecon::scoring {

const Dated<NtmRules>& ntm_version(const Rules& rules, std::int32_t year) {
    const auto* v = year >= 1 && year <= 9999 ? rules.ntm_13_1.find(*Date::parse(std::to_string(year) + "-12-31")) : nullptr;
    if (!v)
        throw Error(ErrorCode::usage, "no version of New Rural Development criterion 13.1 is in force at the end of " +
                                          std::to_string(year));
    return *v;
}

std::vector<CommuneResult> ntm_13_1(const Registry& reg, std::int32_t year, const Rules& rules,
                                    const EffectivePredicate& effective) {
    const auto& version = ntm_version(rules, year);
    const auto& n = version.value;
    const Date end = *Date::parse(std::to_string(year) + "-12-31");
    const auto& areas = reg.areas();
    auto is_effective = [&](const std::optional<Classification>& c) {
        if (effective) return c.has_value() && effective(*c);
        if (!n.effective) return true;
        return c && c->rating == Rating::rated && detail::contains(n.effective->classes, *c->cls);
    };
    std::map<AreaIndex, CommuneResult> by_commune;
    for (OrgIndex i = 0; i < reg.size(); ++i) {
        const auto state = reg.state_at(i, end);
        if (!state.exists_and_not_terminated() || !detail::contains(n.kinds, state.kind)) continue;
        const auto commune = indicators::reporting_unit(areas, reg.area(i), AreaLevel::commune, end);
        if (commune == no_index) continue;
        auto& r = by_commune[commune];
        ++r.cooperatives;
        if (state.status != LegalStatus::active) continue;
        ++r.active;
        std::optional<Classification> c;
        for (const auto scheme : n.schemes) {
            auto candidate = classify(reg, i, year, scheme, rules);
            if (candidate && (!c || candidate->rating == Rating::rated)) c = std::move(candidate);
            if (c && c->rating == Rating::rated) break;
        }
        if (c && c->rating == Rating::rated) ++r.rated;
        if (is_effective(c)) {
            ++r.effective;
            r.effective_organizations.push_back(reg.organization(i).id);
        }
    }
    std::vector<CommuneResult> out;
    for (auto& [commune, r] : by_commune) {
        r.commune = areas[commune].code;
        r.name = areas[commune].name;
        r.meets = r.effective >= n.min_cooperatives.value;
        r.legal_basis = version.reference;
        r.unconfirmed = version.unconfirmed || n.min_cooperatives.unconfirmed || (n.effective && n.effective->unconfirmed);
        const std::string which = effective ? "effective by the caller's predicate"
                                  : n.effective ? "effective (" + detail::names(n.effective->classes) + ": " +
                                                      n.effective->reference + ")"
                                                : "operating under the Law";
        r.reason = std::to_string(r.effective) + " of " + std::to_string(r.active) + " active cooperatives " + which +
                   "; at least " + cite(n.min_cooperatives) + " needed";
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace coopecon::scoring
