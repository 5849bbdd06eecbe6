#include <coopecon/scoring/indicator_hooks.hpp>

#include <coopecon/model/legal_status.hpp>

#include <utility>

namespace coopecon::scoring {

namespace {

/// The version in force at the end of the assessment's year, or the nearest one for years outside them all.
const SchemeRules* bands_for(const Rules& rules, ClassificationScheme scheme, std::int32_t year) {
    if (const auto* v = scheme_for_year(rules, scheme, year)) return &v->value;
    const auto& periods = rules.scheme(scheme).periods();
    if (periods.empty()) return nullptr;
    return year <= periods.front().from.year() ? &periods.front().value : &periods.back().value;
}

}  // namespace

indicators::ScoringHooks indicator_hooks(std::shared_ptr<const Rules> rules) {
    indicators::ScoringHooks h;
    h.classify = [rules](const indicators::AssessmentFacts& a) {
        const auto* s = bands_for(*rules, a.scheme, a.year);
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
