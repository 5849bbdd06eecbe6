#pragma once
// The indicators' scoring hooks (indicators/scoring_hooks.hpp) built from the scoring rules, so the standard
// classification, effective-share and NTM 13.1 indicators follow the same data as scoring::classify and
// scoring::ntm_13_1, including replaced bands or effective classes:
//
//     indicators::Query q;  q.scoring = scoring::indicator_hooks(rules);
//     auto table = indicators::compute(registry, q, period);   // with indicators::catalogue(q.scoring)
//
// The indicators classify from snapshot columns (the latest assessment's total and the year of the latest
// sanction); the not-rated rules that need the event history (operating under 12 months, suspended more than 3
// months) are applied by scoring::classify only.

#include <coopecon/indicators/scoring_hooks.hpp>
#include <coopecon/scoring/rules.hpp>

#include <memory>

namespace coopecon::scoring {

namespace detail {

/// The version in force at the end of the assessment's year, or the nearest one for years outside them all.
inline const SchemeRules* bands_for(const Rules& rules, ClassificationScheme scheme, std::int32_t year) {
    if (const auto* v = scheme_for_year(rules, scheme, year)) return &v->value;
    const auto& periods = rules.scheme(scheme).periods();
    if (periods.empty()) return nullptr;
    return year <= periods.front().from.year() ? &periods.front().value : &periods.back().value;
}

}  // namespace detail

/// Hooks that class an assessment by the bands of its scheme for its year (the nearest version for years
/// outside every version), make it weak when the scheme says a sanction in that year does, and count as
/// effective, for NTM 13.1, the classes and kinds of the latest version of the criterion.
inline indicators::ScoringHooks indicator_hooks(std::shared_ptr<const Rules> rules = vietnam()) {
    indicators::ScoringHooks h;
    h.classify = [rules](const indicators::AssessmentFacts& a) {
        const auto* s = detail::bands_for(*rules, a.scheme, a.year);
        if (!s || (s->weak_if_sanctioned && s->weak_if_sanctioned->value == 1 && a.sanctioned_in_year))
            return ClassificationClass::weak;
        if (a.points >= s->bands.good.value) return ClassificationClass::good;
        if (a.points >= s->bands.fair.value) return ClassificationClass::fair;
        if (a.points >= s->bands.average.value) return ClassificationClass::average;
        return ClassificationClass::weak;
    };
    const auto& periods = rules->ntm_13_1.periods();
    if (periods.empty()) return h;
    const auto& n = periods.back().value;
    std::uint32_t kinds = 0;
    for (const auto k : n.kinds) kinds |= 1u << static_cast<unsigned>(k);
    h.ntm_13_1_qualifying =
        indicators::test(indicators::Test::kind, kinds) & indicators::with_status(LegalStatus::active);
    if (n.effective) {
        std::uint32_t classes = 0;
        for (const auto c : n.effective->classes) classes |= 1u << static_cast<unsigned>(c);
        h.effective = classes;
        h.ntm_13_1_qualifying = h.ntm_13_1_qualifying & indicators::classified(classes);
    }
    return h;
}

}  // namespace coopecon::scoring
