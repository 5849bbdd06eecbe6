// The table of compliance rules (law/compliance_rule.hpp): every row gives a rule that the rest of the library
// can use, and every rule's condition text fills from a period, in both languages.

#include <coopecon/compliance/condition_text.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/law/compliance_rule.hpp>

#include <support/builders.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>

namespace {

using namespace coopecon;
using namespace coopecon::test;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(RuleTable, IdsAreThePrefixedEnumeratorNamesAndUnique) {
    std::set<std::string_view> ids;
    for (const law::Rule r : enum_values<law::Rule>()) {
        EXPECT_EQ(law::info(r).id, "compliance." + std::string(enum_name(r)));
        EXPECT_EQ(law::rule_from_id(law::info(r).id), r);
        EXPECT_TRUE(ids.insert(law::info(r).id).second) << law::info(r).id;
    }
    EXPECT_EQ(law::rule_from_id("compliance.nonexistent"), std::nullopt);
}

TEST(RuleTable, EveryRuleHasLabelsInBothLanguagesAndTheParametersItsFormNeeds) {
    for (const law::Rule r : enum_values<law::Rule>()) {
        const auto& rule = law::info(r);
        EXPECT_FALSE(rule.name.en.empty() || rule.name.vi.empty()) << rule.id;
        EXPECT_FALSE(rule.condition.en.empty() || rule.condition.vi.empty()) << rule.id;
        EXPECT_NE(rule.kinds, 0) << rule.id;
        // A duration rule needs its months; the others are judged as soon as they hold or lapse.
        EXPECT_EQ(rule.months.has_value(), rule.form == law::RuleForm::duration) << rule.id;
        // A measured figure is compared with a limit.
        if (rule.measurement != law::Measurement::nothing) {
            EXPECT_TRUE(rule.limits[0]) << rule.id;
        }
    }
}

/// A period with every field a text may name.
compliance::ConditionPeriod full_period(law::Rule r) {
    return {r, "2025-03-13"_d, "2025-03-13"_d, "2025-03-11"_d, 2.0, 3, "2025-03-10"_d, "2025-03-13"_d};
}

TEST(RuleTable, EveryConditionTextFillsItsPlaceholdersInBothLanguages) {
    for (const law::Rule r : enum_values<law::Rule>()) {
        for (const Lang lang : {Lang::en, Lang::vi}) {
            const std::string text = compliance::condition_text(r, full_period(r), "2025-05-01"_d, lang);
            EXPECT_THAT(text, Not(HasSubstr("{"))) << law::info(r).id;
            EXPECT_THAT(text, Not(HasSubstr("}"))) << law::info(r).id;
            if (law::info(r).measurement != law::Measurement::nothing) {
                EXPECT_THAT(text, HasSubstr("2 " + std::string(label(law::info(r).measurement).in(lang))))
                    << law::info(r).id;
            }
        }
    }
}

TEST(RuleTable, TheObservedFigureCarriesItsUnitSingularForOne) {
    auto p = full_period(law::Rule::group_below_minimum_members);
    p.observed = 1;
    p.limit = 2;
    EXPECT_EQ(compliance::condition_text(law::Rule::group_below_minimum_members, p, "2025-05-01"_d, Lang::en),
              "1 member, below the minimum of 2 for a cooperative group");
    p.observed = 0;
    EXPECT_EQ(compliance::condition_text(law::Rule::group_below_minimum_members, p, "2025-05-01"_d, Lang::en),
              "0 members, below the minimum of 2 for a cooperative group");
    auto q = full_period(law::Rule::capital_share_foreign);
    q.observed = 100.0 / 3;
    q.limit = 30;
    EXPECT_EQ(compliance::condition_text(law::Rule::capital_share_foreign, q, "2025-05-01"_d, Lang::vi),
              "nhà đầu tư nước ngoài góp 33,3 % vốn điều lệ, vượt mức tối đa 30 %");
}

TEST(RuleTable, AConditionalPartFollowsWhetherTheDateIsKnown) {
    auto p = full_period(law::Rule::annual_assembly_late);
    p.limit = 4;
    p.deadline = "2025-04-30"_d;
    p.event = "2025-06-02"_d;
    EXPECT_THAT(compliance::condition_text(law::Rule::annual_assembly_late, p, "2025-07-01"_d, Lang::en),
                HasSubstr("; held late on 2025-06-02"));
    p.event.reset();
    EXPECT_THAT(compliance::condition_text(law::Rule::annual_assembly_late, p, "2025-07-01"_d, Lang::vi),
                HasSubstr(", chưa tổ chức đến ngày 01/07/2025"));
}

TEST(RuleTable, AFigureTheTextNeedsButThePeriodLacksIsAProgrammingError) {
    auto p = full_period(law::Rule::below_minimum_members);
    p.observed.reset();
    EXPECT_THROW(compliance::condition_text(law::Rule::below_minimum_members, p, "2025-05-01"_d, Lang::en),
                 std::logic_error);
}

}  // namespace
