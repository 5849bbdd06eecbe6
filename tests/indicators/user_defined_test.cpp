// User-defined indicators from the building blocks, in C++ and from JSON specs (as Python dicts arrive),
// computed in the same pass as catalogue indicators; spec errors name their field paths.

#include "fixture.hpp"

#include <coopecon/indicators/spec.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::indicators;
using namespace coopecon::test;


Registry two_cooperatives() {
    auto reg = empty_registry();
    reg.add(std::vector<OrganizationRecord>{
        cooperative("small").registered("2020-01-01"_day).members("2020-01-01"_day, 10),
        cooperative("large").registered("2020-01-01"_day).members("2020-01-01"_day, 1500)
            .members("2020-01-01"_day, 40, MemberType::legal_entity, MemberKind::non_capital_associate),
        group("group").registered("2020-01-01"_day).members("2020-01-01"_day, 6),
    });
    return reg;
}

TEST(UserDefined, BuiltInCxxFromTheBuildingBlocks) {
    const auto reg = two_cooperatives();
    Query q = query({"organizations"});
    const Filter coops = existing() & of_kind(OrgKind::cooperative);
    q.indicators.push_back({"large_share", {"Large cooperatives", "Hợp tác xã quy mô lớn"}, Unit::percent,
                            "cooperatives with more than 1,000 members / cooperatives × 100", Practice::user, "test", 1,
                            false, share(in_range(Field::members, 1001), coops)});
    q.indicators.push_back({"associates_per_coop", {"Associates per cooperative", "Thành viên liên kết bình quân"},
                            Unit::members_per_organization, "non-capital associates / cooperatives", Practice::user,
                            "test", 1, false, mean(Field::non_capital_associates, coops)});
    q.indicators.push_back({"coops_minus_groups", {"Cooperatives − groups", "Hợp tác xã − tổ hợp tác"},
                            Unit::organizations, "difference", Practice::user, "test", 0, false,
                            difference(count(coops), count(existing() & of_kind(OrgKind::cooperative_group)))});
    const auto t = compute(reg, q, period_2023);
    EXPECT_EQ(t.at({}, "organizations"), 3);
    EXPECT_DOUBLE_EQ(t.at({}, "large_share"), 50);
    EXPECT_DOUBLE_EQ(t.at({}, "associates_per_coop"), 20);
    EXPECT_EQ(t.at({}, "coops_minus_groups"), 1);
}

TEST(UserDefined, FromAJsonSpec) {
    const auto reg = two_cooperatives();
    const auto large = indicator_from_json(R"({
        "id": "large_share", "label": {"en": "Large cooperatives", "vi": "Hợp tác xã quy mô lớn"},
        "unit": "percent", "decimals": 1,
        "expression": {"share": {"part": {"size_class": "large"},
                                 "base": {"existing": true, "kind": ["cooperative"]}}}})");
    EXPECT_EQ(large.label.vi, "Hợp tác xã quy mô lớn");
    EXPECT_EQ(large.practice, Practice::user);
    const auto legal = indicator_from_json(R"({"id": "legal_entities", "unit": "members",
        "expression": {"sum": {"field": "legal_entity_members", "filter": {"members": {"min": 100, "max": 100000}}}}})");
    const auto active_rate = indicator_from_json(R"({"id": "again", "expression": {"indicator": "active_rate"}})");
    const auto growth = indicator_from_json(R"({"id": "g", "expression": {"growth": {"count": {"existing": true}}}})");
    Query q;
    q.indicators = {large, legal, active_rate, growth};
    const auto t = compute(reg, q, period_2023);
    EXPECT_DOUBLE_EQ(t.at({}, "large_share"), 50);
    EXPECT_EQ(t.at({}, "legal_entities"), 40);
    EXPECT_DOUBLE_EQ(t.at({}, "again"), 100);
    EXPECT_DOUBLE_EQ(t.at({}, "g"), 0);
    EXPECT_EQ(growth.expression, coopecon::indicators::growth(count(existing())));
}

std::vector<std::string> paths(const std::string& json) {
    std::vector<std::string> out;
    try {
        indicator_from_json(json);
        ADD_FAILURE() << "accepted " << json;
    } catch (const Error& e) {
        for (const auto& p : e.problems()) out.push_back(p.path + ": " + p.message);
    }
    return out;
}

TEST(UserDefined, SpecErrorsNameEveryFieldPath) {
    EXPECT_EQ(paths(R"({"id": "x", "unit": "percentage", "decimals": 12, "colour": 1,
                        "expression": {"share": {"part": {"kind": ["cooperative", "coop"], "memebrs": {"min": 1}},
                                                 "base": {"existing": false}}}})"),
              (std::vector<std::string>{
                  "colour: unknown key; expected one of id, label, unit, decimals, definition, reference, expression, "
                  "reported_by",
                  "unit: unknown unit 'percentage'; expected organizations, members, workers, products, communes, "
                  "percent, members_per_organization, million_dong, million_dong_per_worker, number",
                  "decimals: decimals must be a whole number from 0 to 9",
                  "expression.share.part.kind[1]: unknown kind 'coop'; expected cooperative_group, cooperative, "
                  "union_of_cooperatives",
                  "expression.share.part.memebrs: unknown filter key; expected a test (registered, existing, kind, "
                  "status, sector, size_class, ended_by, new_in_period, terminated_in_period, converted_in_period, "
                  "with_results, certified, rated, classified, not_at_address, range) or a field (one, members, "
                  "official_members, capital_associates, non_capital_associates, individual_members, "
                  "household_members, legal_entity_members, cooperative_members, foreign_official_members, "
                  "charter_capital, indivisible_fund, financial_year, revenue, costs, pre_tax_profit, "
                  "internal_revenue, workers, wages, assessment_points, ocop_products, ocop_1_star, ocop_2_stars, "
                  "ocop_3_stars, ocop_4_stars, ocop_5_stars)",
                  "expression.share.base.existing: expected true",
              }));
    EXPECT_EQ(paths(R"({"label": {"en": "x"}})"),
              (std::vector<std::string>{"id: missing id", "label.vi: missing vi", "expression: missing expression"}));
    EXPECT_EQ(paths(R"({"id": "x", "expression": {"ratio": {"numerator": {"count": {}}, "denominator": {"sum": {"field": "moneys"}}}}})"),
              (std::vector<std::string>{"expression.ratio.denominator.sum.field: unknown field 'moneys'; expected one, "
                                        "members, official_members, capital_associates, non_capital_associates, "
                                        "individual_members, household_members, legal_entity_members, "
                                        "cooperative_members, foreign_official_members, charter_capital, "
                                        "indivisible_fund, financial_year, revenue, costs, pre_tax_profit, "
                                        "internal_revenue, workers, wages, assessment_points, ocop_products, "
                                        "ocop_1_star, ocop_2_stars, ocop_3_stars, ocop_4_stars, ocop_5_stars"}));
    EXPECT_EQ(paths(R"({"id": "x", "expression": {"count": {}, "sum": {}}})"),
              (std::vector<std::string>{"expression: an expression is an object with one key: count, sum, mean, share, "
                                        "ratio, difference, growth, previous, distinct_communes or indicator"}));
    EXPECT_EQ(paths(R"({"id": "x", "expression": {"indicator": "nope"}})").size(), 1u);
    EXPECT_EQ(paths(R"({"id": "Bad Id", "expression": {"difference": [{"count": {}}]}})"),
              (std::vector<std::string>{"id: id 'Bad Id' may hold only a-z, 0-9 and _",
                                        "expression.difference: expected a list of two expressions"}));
    try {
        indicator_from_json("{\"id\": ");
        ADD_FAILURE();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::syntax);
    }
}

TEST(UserDefined, SpecErrorsGiveTheLineAndColumnOfADuplicateAndAnUnknownKey) {
    try {
        indicator_from_json("{\"id\": \"x\",\n \"expression\": {\"count\": {\"existing\": true}},\n \"id\": \"y\", \"colour\": 1}");
        ADD_FAILURE();
    } catch (const Error& e) {
        ASSERT_EQ(e.problems().size(), 2u);
        const auto& duplicate = e.problems()[0];
        EXPECT_EQ(duplicate.code, ErrorCode::duplicate);
        EXPECT_EQ(duplicate.file, "indicator spec");
        EXPECT_EQ(duplicate.path, "id");
        EXPECT_EQ(duplicate.line, 3);
        EXPECT_EQ(duplicate.column, 2);
        EXPECT_EQ(duplicate.message, "duplicate key \"id\" (first given at line 1, column 2)");
        const auto& unknown = e.problems()[1];
        EXPECT_EQ(unknown.code, ErrorCode::unknown_field);
        EXPECT_EQ(unknown.path, "colour");
        EXPECT_EQ(unknown.line, 3);
        EXPECT_EQ(unknown.column, 13);
        EXPECT_NE(std::string(e.what()).find("indicator spec:3:13: colour: unknown key; expected one of id, label"),
                  std::string::npos)
            << e.what();
    }
    // A nested key is placed too.
    try {
        indicator_from_json("{\"id\": \"x\", \"expression\": {\"count\":\n    {\"existing\": true, \"kinds\": \"cooperative\"}}}");
        ADD_FAILURE();
    } catch (const Error& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "expression.count.kinds");
        EXPECT_EQ(e.problems()[0].line, 2);
        EXPECT_EQ(e.problems()[0].column, 24);
    }
}

}  // namespace
