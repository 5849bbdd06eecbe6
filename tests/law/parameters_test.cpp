// The legal numbers of data/law/vn-cooperatives.json, each at a date under the 2012 Law and under the 2023 Law,
// with its reference and UNCONFIRMED flag as the domain reference gives them; and the ranges a value must keep.

#include <coopecon/law/framework_json.hpp>
#include <coopecon/law/parameter.hpp>

#include <support/builders.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;
using law::Param;

struct Expected {
    Param param;
    Date on;
    std::optional<std::int64_t> value;  // nullopt: not in force that day
    std::string reference;
    bool unconfirmed = false;
};

constexpr Date in_2023 = "2023-06-01"_d;
constexpr Date in_2025 = "2025-06-01"_d;

const std::vector<Expected> expected{
    // Minimum members (2023 Law Art 4.7, 4.8, 4.21; 2012 Law Art 3)
    {Param::min_members_cooperative, in_2023, 7, "Law 23/2012/QH13 Art 3.1"},
    {Param::min_members_cooperative, in_2025, 5, "Law 17/2023/QH15 Art 4.7"},
    {Param::min_members_union, in_2023, 4, "Law 23/2012/QH13 Art 3.2"},
    {Param::min_members_union, in_2025, 3, "Law 17/2023/QH15 Art 4.8"},
    {Param::min_members_cooperative_group, in_2023, 2,
     "Decree 77/2019/NĐ-CP Art 3.1 (applied from 2013-07-01 here; the rule before Decree 77/2019 is UNCONFIRMED)", true},
    {Param::min_members_cooperative_group, in_2025, 2, "Law 17/2023/QH15 Art 4.21"},
    // Capital caps (2023 Law Art 74; 2012 caps UNCONFIRMED) and foreign members (Art 30.7)
    {Param::max_capital_share_official_cooperative_percent, in_2023, 20, "Law 23/2012/QH13 Art 17.2", true},
    {Param::max_capital_share_official_cooperative_percent, in_2025, 30, "Law 17/2023/QH15 Art 74"},
    {Param::max_capital_share_official_union_percent, in_2023, 30, "Law 23/2012/QH13 Art 17.2", true},
    {Param::max_capital_share_official_union_percent, in_2025, 40, "Law 17/2023/QH15 Art 74"},
    {Param::max_capital_associates_cooperative_percent, in_2023, std::nullopt, ""},
    {Param::max_capital_associates_cooperative_percent, in_2025, 30, "Law 17/2023/QH15 Art 74"},
    {Param::max_capital_associates_union_percent, in_2025, 40, "Law 17/2023/QH15 Art 74"},
    {Param::max_foreign_capital_percent, in_2025, 30, "Law 17/2023/QH15 Art 74"},
    {Param::max_foreign_official_members_percent, in_2023, std::nullopt, ""},
    {Param::max_foreign_official_members_percent, in_2025, 35, "Law 17/2023/QH15 Art 30.7"},
    // Suspension (2023 Law Art 96.1; Decree 92/2024/NĐ-CP Art 47.1, 62.1); the 2012 regime's is UNCONFIRMED: absent
    {Param::suspension_notice_working_days, in_2023, std::nullopt, ""},
    {Param::suspension_notice_working_days, in_2025, 3, "Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47.1"},
    {Param::suspension_max_months, in_2025, 12, "Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47.1"},
    {Param::group_suspension_notice_working_days, in_2025, 3, "Decree 92/2024/NĐ-CP Art 62.1"},
    {Param::group_suspension_notice_min_days, in_2025, 15, "Decree 92/2024/NĐ-CP Art 62.1"},
    // Revocation grounds (2023 Law Art 103.1) and compulsory dissolution (2012 Law Art 54.2)
    {Param::not_operating_months, in_2023, 12, "Law 23/2012/QH13 Art 54.2a"},
    {Param::not_operating_months, in_2025, 12, "Law 17/2023/QH15 Art 103.1b"},
    {Param::below_minimum_members_months, in_2023, 12, "Law 23/2012/QH13 Art 54.2b"},
    {Param::below_minimum_members_months, in_2025, 12, "Law 17/2023/QH15 Art 103.1d"},
    {Param::foreign_member_limit_months, in_2023, std::nullopt, ""},
    {Param::foreign_member_limit_months, in_2025, 6, "Law 17/2023/QH15 Art 103.1d"},
    {Param::capital_cap_months, in_2025, 12, "Law 17/2023/QH15 Art 103.1đ"},
    {Param::no_annual_assembly_months, in_2023, 18, "Law 23/2012/QH13 Art 54.2c"},
    {Param::no_annual_assembly_months, in_2025, 18, "Law 17/2023/QH15 Art 103.1e"},
    {Param::compliance_report_months, in_2025, 12, "Law 17/2023/QH15 Art 103.1c"},
    {Param::authority_dissolution_allowed, in_2023, 1, "Law 23/2012/QH13 Art 54.2"},
    {Param::authority_dissolution_allowed, in_2025, 0, "Law 17/2023/QH15 Art 97.1b"},
    // Dissolution and termination by lapse, conversion of a group
    {Param::dissolution_lapse_months, in_2025, 6, "Law 17/2023/QH15 Art 98.7b, 99.3; Decree 92/2024/NĐ-CP Art 50.5, 51.3"},
    {Param::dissolution_cancel_window_months, in_2025, 6, "Decree 92/2024/NĐ-CP Art 50.6"},
    {Param::group_termination_lapse_months, in_2025, 3, "Decree 92/2024/NĐ-CP Art 63"},
    {Param::conversion_min_operating_months, in_2025, 12, "Law 17/2023/QH15 Art 108.1b; Decree 92/2024/NĐ-CP Art 61"},
    {Param::conversion_consent_percent, in_2025, 100, "Law 17/2023/QH15 Art 108.1c"},
    {Param::group_termination_consent_percent, in_2025, 100, "Decree 77/2019/NĐ-CP Art 14"},
    // Votes (2023 Law Art 61; the 2012 Law's 75 % is UNCONFIRMED) and the annual assembly (Art 57)
    {Param::special_resolution_percent, in_2023, 75, "Law 23/2012/QH13 Art 32 (dissolution, reorganisation)", true},
    {Param::special_resolution_percent, in_2025, 65, "Law 17/2023/QH15 Art 61"},
    {Param::ordinary_resolution_percent, in_2025, 50, "Law 17/2023/QH15 Art 61"},
    {Param::annual_assembly_deadline_months, in_2023, 3, "Law 23/2012/QH13 Art 31.1", true},
    {Param::annual_assembly_deadline_months, in_2025, 4, "Law 17/2023/QH15 Art 57"},
};

TEST(LegalNumbers, EachValueWithItsReferenceAndFlagUnderEachLaw) {
    const auto law = law::vietnam();
    for (const auto& e : expected) {
        const auto* entry = law->entry(e.param, e.on);
        const std::string what = std::string(enum_name(e.param)) + " on " + e.on.iso();
        if (!e.value) {
            EXPECT_EQ(entry, nullptr) << what;
            continue;
        }
        ASSERT_NE(entry, nullptr) << what;
        EXPECT_EQ(entry->value, *e.value) << what;
        EXPECT_EQ(entry->reference, e.reference) << what;
        EXPECT_EQ(entry->unconfirmed, e.unconfirmed) << what;
    }
}

TEST(LegalNumbers, TheLawChangesOn20240701) {
    const auto law = law::vietnam();
    EXPECT_EQ(law->regime("2024-06-30"_d)->id, "law_2012");
    EXPECT_EQ(law->regime("2024-07-01"_d)->id, "law_2023");
    EXPECT_EQ(law->value(Param::min_members_cooperative, "2024-06-30"_d), 7);
    EXPECT_EQ(law->value(Param::min_members_cooperative, "2024-07-01"_d), 5);
}

TEST(LegalNumbers, EveryValueHasAReferenceAndEveryRuleABasis) {
    const auto law = law::vietnam();
    for (const Param p : enum_values<Param>()) {
        EXPECT_FALSE(law->timeline(p).empty()) << enum_name(p);
        for (const auto& d : law->timeline(p).periods()) EXPECT_FALSE(d.reference.empty()) << enum_name(p);
    }
    for (const auto& [id, timeline] : law->rules())
        for (const auto& d : timeline.periods()) EXPECT_FALSE(d.value.empty()) << id;
}

TEST(LegalNumbers, ValueRanges) {
    EXPECT_EQ(law::value_problem(Param::min_members_cooperative, 1), std::nullopt);
    EXPECT_EQ(law::value_problem(Param::min_members_cooperative, 0),
              "a minimum number of members must be from 1 to 1000000, not 0");
    EXPECT_EQ(law::value_problem(Param::capital_cap_months, 0), std::nullopt);
    EXPECT_EQ(law::value_problem(Param::capital_cap_months, -1), "a number of months must be from 0 to 1200, not -1");
    EXPECT_EQ(law::value_problem(Param::capital_cap_months, 1201), "a number of months must be from 0 to 1200, not 1201");
    EXPECT_EQ(law::value_problem(Param::max_foreign_capital_percent, 100), std::nullopt);
    EXPECT_EQ(law::value_problem(Param::max_foreign_capital_percent, 101), "a percentage must be from 0 to 100, not 101");
    EXPECT_EQ(law::value_problem(Param::max_foreign_capital_percent, -1), "a percentage must be from 0 to 100, not -1");
    EXPECT_EQ(law::value_problem(Param::authority_dissolution_allowed, 1), std::nullopt);
    EXPECT_EQ(law::value_problem(Param::authority_dissolution_allowed, -1), "a flag must be 0 or 1, not -1");
    EXPECT_EQ(law::value_problem(Param::suspension_notice_working_days, -2),
              "a number of working days must be from 0 to 36600, not -2");
}

}  // namespace
