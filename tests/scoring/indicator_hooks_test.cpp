// The indicators' scoring hooks built from the scoring rules: the same classes as the indicators'
// defaults on the Vietnamese rules, and replaced bands or effective classes reach the indicator tables.

#include <coopecon/indicators/catalogue.hpp>
#include <coopecon/indicators/engine.hpp>
#include <coopecon/scoring/indicator_hooks.hpp>

#include "fixture.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;
using indicators::AssessmentFacts;
using indicators::ClassificationClass;

TEST(IndicatorHooks, TheRulesClassLikeTheIndicatorDefaults) {
    const auto rules = scoring::indicator_hooks();
    const indicators::ScoringHooks defaults;
    for (const auto scheme : {ClassificationScheme::tt01_2020, ClassificationScheme::tt09_2017})
        for (const int year : {2016, 2021, 2023, 2025})
            for (const bool sanctioned : {false, true})
                for (std::int32_t points = 0; points <= 100; ++points) {
                    const AssessmentFacts a{year, scheme, points, sanctioned, OrgKind::cooperative, Sector::agriculture};
                    EXPECT_EQ(rules.classify(a), defaults.classify(a))
                        << enum_name(scheme) << " " << year << " " << points << " " << sanctioned;
                }
    EXPECT_EQ(rules.effective, defaults.effective);
}

Registry hooks_registry() {
    auto reg = registry_with_communes();
    reg.add(std::vector<OrganizationRecord>{
        cooperative("a").area("X1").registered("2020-01-01"_d).then(assessed("2024-03-01"_d, 2023, 78)),
        cooperative("b").area("X2").registered("2020-01-01"_d).then(assessed("2024-03-01"_d, 2023, 66)),
    });
    return reg;
}

std::int64_t hooks_total(const indicators::Table& t, const std::string& id) {
    for (const auto& v : t.values)
        if (v.id == id) return v.integers.back();
    ADD_FAILURE() << "no column " << id;
    return -1;
}

indicators::Table hooks_table(const indicators::ScoringHooks& hooks) {
    indicators::Query q;
    q.scoring = hooks;
    q.indicators = indicators::catalogue_indicators({"class_good", "class_fair", "ntm_13_1_communes"}, hooks);
    return indicators::compute(hooks_registry(), q, indicators::period_between("2024-01-01"_d, "2024-12-31"_d));
}

TEST(IndicatorHooks, ReplacedBandsAndEffectiveClassesReachTheTables) {
    const auto standard = hooks_table(scoring::indicator_hooks());
    EXPECT_EQ(hooks_total(standard, "class_good"), 0);
    EXPECT_EQ(hooks_total(standard, "class_fair"), 2);
    EXPECT_EQ(hooks_total(standard, "ntm_13_1_communes"), 2);

    auto rules = scoring::with_bands(*scoring::vietnam(), ClassificationScheme::tt01_2020, 75, 60, 40);
    rules = scoring::with_effective(std::move(rules), {ClassificationClass::good});
    const auto replaced = hooks_table(scoring::indicator_hooks(std::make_shared<const scoring::Rules>(std::move(rules))));
    EXPECT_EQ(hooks_total(replaced, "class_good"), 1);
    EXPECT_EQ(hooks_total(replaced, "class_fair"), 1);
    EXPECT_EQ(hooks_total(replaced, "ntm_13_1_communes"), 1);
}

}  // namespace
