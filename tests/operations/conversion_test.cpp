// Conversion of a cooperative group into a cooperative as a registry operation (Law 17/2023/QH15 Art 108;
// Decree 92/2024/NĐ-CP Art 61): it keeps its id and code, after 12 months of operation, with every member's
// consent, from 2024-07-01. Both sides of each threshold; refusals leave the registry as it was.

#include <coopecon/law/reform.hpp>
#include <coopecon/operations/bankruptcy.hpp>
#include <coopecon/operations/conversion.hpp>
#include <coopecon/operations/dissolution.hpp>
#include <coopecon/operations/reorganization.hpp>

#include <support/builders.hpp>
#include <support/registry_checks.hpp>

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;
namespace op = coopecon::operations;

constexpr Date group_registered = "2024-08-01"_d;

/// A cooperative group of 3 individual members and 2 households, registered on 2024-08-01.
Registry conversion_registry(Date registered_on = group_registered) {
    auto reg = registry();
    reg.add(cooperative_group("THT")
                .registered(registered_on)
                .then(ev::members_joined(registered_on, 3))
                .then(ev::members_joined(registered_on, 2, MemberType::household)));
    return reg;
}

template <class F>
Problem conversion_refused(Registry& reg, F&& operation) {
    const auto problems = refused_change(reg, {group_registered.plus_months(12)}, std::forward<F>(operation));
    EXPECT_EQ(problems.size(), 1u);
    return problems.empty() ? Problem{} : problems.front();
}

TEST(ConversionOperation, Art108_1b_OnTheDayAfterTwelveMonthsTheGroupBecomesACooperativeKeepingItsCode) {
    // Registered on 2024-08-01: twelve months from 2024-08-02 end on 2025-08-01 (Civil Code Art 147.2, 148.3).
    auto reg = conversion_registry();
    const auto changes = op::convert_to_cooperative(reg, {"THT", "2025-08-02"_d, 5});
    ASSERT_EQ(changes.appended.size(), 1u);
    EXPECT_EQ(changes.appended[0].event.type(), EventType::converted_to_cooperative);
    const auto i = *reg.find("THT");
    EXPECT_EQ(reg.organization(i).registration_code, "code-THT");
    EXPECT_EQ(reg.organization(i).kind, OrgKind::cooperative_group);  // the kind it was registered as
    const auto before = reg.state_at(i, "2025-08-01"_d);
    EXPECT_EQ(before.kind, OrgKind::cooperative_group);
    const auto after = reg.state_at(i, "2025-08-02"_d);
    EXPECT_EQ(after.kind, OrgKind::cooperative);
    EXPECT_EQ(after.status, LegalStatus::active);
    EXPECT_EQ(after.converted_on, "2025-08-02"_d);
    EXPECT_EQ(after.registered_on, group_registered);
    EXPECT_EQ(after.members.total(), 5);
    EXPECT_EQ(reg.size(), 1u);  // no new organisation
}

TEST(ConversionOperation, Art108_1b_OnTheLastDayOfTheTwelveMonthsIsRefused) {
    auto reg = conversion_registry();
    const auto p = conversion_refused(reg, [&] { op::convert_to_cooperative(reg, {"THT", "2025-08-01"_d, 5}); });
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "THT", .event = "converted_to_cooperative", .date = "2025-08-01"_d,
                                      .rule = "C1", .legal_basis = "Law 17/2023/QH15 Art 108; Decree 92/2024/NĐ-CP Art 61",
                                      .path = "converted_on"}));
    EXPECT_EQ(p.message, "the group has operated since 2024-08-01, less than the 12 months (Law 17/2023/QH15 Art 108.1b; "
                         "Decree 92/2024/NĐ-CP Art 61) required; it may convert from 2025-08-02");
}

TEST(ConversionOperation, Art108_1c_AllMembersAgreeingIsAllowedAndOneLessIsRefused) {
    auto reg = conversion_registry();
    const auto p = conversion_refused(reg, [&] { op::convert_to_cooperative(reg, {"THT", "2025-09-01"_d, 4}); });
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "THT", .event = "converted_to_cooperative", .date = "2025-09-01"_d,
                                      .rule = "C1", .legal_basis = "Law 17/2023/QH15 Art 108; Decree 92/2024/NĐ-CP Art 61",
                                      .path = "consenting_members"}));
    EXPECT_EQ(p.message, "4 of 5 members agreed; 100 % must agree (Law 17/2023/QH15 Art 108.1c)");
    op::convert_to_cooperative(reg, {"THT", "2025-09-01"_d, 5});
    EXPECT_EQ(reg.state_at("THT", "2025-09-01"_d).kind, OrgKind::cooperative);
}

TEST(ConversionOperation, Art108_TheLawProvidesForConversionFrom20240701) {
    auto reg = conversion_registry("2022-01-01"_d);
    const auto p = conversion_refused(reg, [&] { op::convert_to_cooperative(reg, {"THT", "2024-06-30"_d, 5}); });
    EXPECT_EQ(p.rule, "C1");
    EXPECT_EQ(p.path, "converted_on");
    EXPECT_EQ(p.message, "conversion of a cooperative group into a cooperative is not provided for by the law in force "
                         "on 2024-06-30");
    op::convert_to_cooperative(reg, {"THT", "2024-07-01"_d, 5});
    EXPECT_EQ(reg.state_at("THT", "2024-07-01"_d).kind, OrgKind::cooperative);
}

TEST(ConversionOperation, Art108_Art4_7_TheGroupMustHaveTheOfficialMembersACooperativeIsFoundedWith) {
    // The cooperative it becomes needs 5 official members on the conversion day (2023 Law Art 4.7): the group of 5
    // converts (above); with 4 it is refused, whatever their consent, and with 5 again it converts.
    auto reg = conversion_registry();
    reg.append("THT", ev::members_left("2025-08-20"_d, 1));
    const auto p = conversion_refused(reg, [&] { op::convert_to_cooperative(reg, {"THT", "2025-09-01"_d, 4}); });
    EXPECT_EQ(refusal_of(p), (Refusal{.organization = "THT", .event = "converted_to_cooperative", .date = "2025-09-01"_d,
                                      .rule = "C1", .legal_basis = "Law 17/2023/QH15 Art 108; Decree 92/2024/NĐ-CP Art 61"}));
    EXPECT_EQ(p.message, "the group has 4 official members on 2025-09-01; the cooperative it becomes must be founded "
                         "with at least 5 official members (Law 17/2023/QH15 Art 4.7)");
    reg.append("THT", ev::members_joined("2025-09-01"_d, 1));
    op::convert_to_cooperative(reg, {"THT", "2025-09-01"_d, 5});
    EXPECT_EQ(reg.state_at("THT", "2025-09-01"_d).kind, OrgKind::cooperative);
}

TEST(ConversionOperation, Art108_Art4_7_OnlyOfficialMembersCountTowardsTheFoundingMinimum) {
    // Five members, one of them a non-capital associate: four official members are not enough.
    auto reg = registry();
    reg.add(cooperative_group("THT")
                .registered(group_registered)
                .then(ev::members_joined(group_registered, 4))
                .then(ev::members_joined(group_registered, 1, MemberType::individual, MemberKind::non_capital_associate)));
    const auto p = conversion_refused(reg, [&] { op::convert_to_cooperative(reg, {"THT", "2025-09-01"_d, 5}); });
    EXPECT_EQ(p.rule, "C1");
    EXPECT_EQ(p.message, "the group has 4 official members on 2025-09-01; the cooperative it becomes must be founded "
                         "with at least 5 official members (Law 17/2023/QH15 Art 4.7)");
}

TEST(ConversionOperation, Art108_Art4_7_AReformOfTheMinimumAppliesOnTheConversionDay) {
    // The minimum is the one in force on the conversion day: a reform raising it to 6 from 2026-01-01 refuses a
    // group of 5 on that day and not on the day before.
    law::Reform reform;
    reform.title = "six members";
    reform.parameters[law::Param::min_members_cooperative] = {
        Dated<std::int64_t>{"2026-01-01"_d, std::nullopt, 6, "a reform of Art 4.7", false}};
    Registry reformed(std::make_shared<const law::Framework>(law::apply(*law::vietnam(), reform)), vietnam_areas());
    reformed.add(cooperative_group("THT")
                     .registered(group_registered)
                     .then(ev::members_joined(group_registered, 5)));
    const auto p = conversion_refused(reformed, [&] { op::convert_to_cooperative(reformed, {"THT", "2026-01-01"_d, 5}); });
    EXPECT_EQ(p.message, "the group has 5 official members on 2026-01-01; the cooperative it becomes must be founded "
                         "with at least 6 official members (a reform of Art 4.7)");
    op::convert_to_cooperative(reformed, {"THT", "2025-12-31"_d, 5});
    EXPECT_EQ(reformed.state_at("THT", "2025-12-31"_d).kind, OrgKind::cooperative);
}

TEST(ConversionOperation, MoreConsentingMembersThanMembersIsRefusedAsInput) {
    auto reg = conversion_registry();
    const auto p = conversion_refused(reg, [&] { op::convert_to_cooperative(reg, {"THT", "2025-09-01"_d, 6}); });
    EXPECT_EQ(p.code, ErrorCode::invalid_value);
    EXPECT_EQ(p.path, "consenting_members");
    EXPECT_EQ(p.organization, "THT");
    EXPECT_EQ(p.message, "6 consenting members, but the group has 5 members on 2025-09-01");
}

TEST(ConversionOperation, OnlyAnActiveGroupConverts) {
    auto reg = conversion_registry();
    reg.add(cooperative("HTX").registered(group_registered));
    const auto coop = conversion_refused(reg, [&] { op::convert_to_cooperative(reg, {"HTX", "2025-09-01"_d, 0}); });
    EXPECT_EQ(coop.rule, "transition_table");
    EXPECT_EQ(coop.message, "no transition allows converted_to_cooperative for a cooperative");
    reg.append("THT", ev::suspended("2025-08-15"_d, "2025-10-31"_d));
    const auto suspended = conversion_refused(reg, [&] { op::convert_to_cooperative(reg, {"THT", "2025-09-01"_d, 5}); });
    EXPECT_EQ(suspended.rule, "C1");
    EXPECT_EQ(suspended.message, "converted_to_cooperative is not allowed while the cooperative group is suspended");
}

}  // namespace
