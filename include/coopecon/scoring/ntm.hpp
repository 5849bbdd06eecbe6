#pragma once
// New Rural Development (nông thôn mới) criterion 13.1, per commune: the commune meets it when at least
// `min_cooperatives` cooperatives seated in it are active at the end of the year and, under QĐ 318/QĐ-TTg
// (2022), "effective" (hoạt động hiệu quả). What "effective" means is not in a retrieved source (UNCONFIRMED):
// by default a cooperative rated good or fair for the year, under the first scheme that rates it; the classes
// are data (with_effective), and C++ callers may pass any predicate. Under QĐ 1980/QĐ-TTg (2016–2022) any
// cooperative operating under the Law counted.
//
// Organisations are placed in the commune that covers their seat on 31 December of the year (areas carry
// validity dates and a crosswalk); organisations seated above commune level are in no commune.

#include <coopecon/model/area.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/registry/registry.hpp>
#include <coopecon/scoring/classification.hpp>
#include <coopecon/scoring/rules.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace coopecon::scoring {

/// Whether a cooperative's classification for the year makes it effective.
using EffectivePredicate = std::function<bool(const Classification&)>;

struct CommuneResult {
    std::string commune;             // area code of the commune on 31 December of the year
    std::string name;
    std::int32_t cooperatives = 0;   // of the counted kinds, seated here, existing at the end of the year
    std::int32_t active = 0;         // of them, active at the end of the year
    std::int32_t rated = 0;          // of the active ones, rated for the year
    std::int32_t effective = 0;      // of the active ones, effective (all of them when effectiveness is not asked)
    bool meets = false;
    std::vector<std::string> effective_organizations;
    std::string reason;
    std::string legal_basis;
    bool unconfirmed = false;
};

/// The version of criterion 13.1 in force on 31 December of `year`; throws Error when none is.
inline const Dated<NtmRules>& ntm_version(const Rules& rules, std::int32_t year) {
    const auto* v = year >= 1 && year <= 9999 ? rules.ntm_13_1.find(*Date::parse(std::to_string(year) + "-12-31")) : nullptr;
    if (!v)
        throw Error(ErrorCode::usage, "no version of New Rural Development criterion 13.1 is in force at the end of " +
                                          std::to_string(year));
    return *v;
}

/// Criterion 13.1 for every commune where an organisation of a counted kind is seated, in area order.
inline std::vector<CommuneResult> ntm_13_1(const Registry& reg, std::int32_t year, const Rules& rules = *vietnam(),
                                           const EffectivePredicate& effective = {}) {
    const auto& version = ntm_version(rules, year);
    const auto& n = version.value;
    const Date end = *Date::parse(std::to_string(year) + "-12-31");
    const auto& areas = reg.areas();
    auto commune_of = [&](AreaIndex a) -> AreaIndex {
        const auto recorded = areas.at_level(a, AreaLevel::commune);
        if (recorded == no_index) return no_index;
        return areas.at_level(areas.on(recorded, end), AreaLevel::commune);
    };
    auto is_effective = [&](const std::optional<Classification>& c) {
        if (effective) return c.has_value() && effective(*c);
        if (!n.effective) return true;
        return c && c->rating == Rating::rated && detail::contains(n.effective->classes, *c->cls);
    };
    std::map<AreaIndex, CommuneResult> by_commune;
    for (OrgIndex i = 0; i < reg.size(); ++i) {
        const auto state = reg.state_at(i, end);
        if (!state.exists_and_not_terminated() || !detail::contains(n.kinds, state.kind)) continue;
        const auto commune = commune_of(reg.area(i));
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
