#pragma once
// The compliance rules: conditions an organisation's history can show that the law makes a ground for
// revocation or dissolution (once they have lasted long enough), a ground for terminating a cooperative group,
// or a minor lapse. Each has a stable id ("compliance.<name>", the key of its legal basis in the framework's
// "rules"), the kinds it applies to, and the parameter giving its length. docs/legal-rules.md lists them.

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/law/parameter.hpp>
#include <coopecon/law/transition_table.hpp>

#include <boost/describe/enum.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace coopecon::law {

enum class Rule : std::uint8_t {
    not_operating,                // 2023 Law Art 103.1b; 2012 Law Art 54.2a
    below_minimum_members,        // 2023 Law Art 103.1d; 2012 Law Art 54.2b
    foreign_official_members,     // 2023 Law Art 103.1d with Art 30.7
    capital_share_official,       // 2023 Law Art 103.1đ with Art 74
    capital_share_associates,     // 2023 Law Art 103.1đ with Art 74
    capital_share_foreign,        // 2023 Law Art 103.1đ with Art 74
    no_annual_assembly,           // 2023 Law Art 103.1e; 2012 Law Art 54.2c
    group_below_minimum_members,  // Decree 77/2019/NĐ-CP Art 14
    annual_assembly_late,         // 2023 Law Art 57; 2012 Law Art 31.1 (UNCONFIRMED)
    suspension_notice_late,       // 2023 Law Art 96.1; Decree 92/2024/NĐ-CP Art 47.1
    group_suspension_notice_late, // Decree 92/2024/NĐ-CP Art 62.1
};
BOOST_DESCRIBE_ENUM(Rule, not_operating, below_minimum_members, foreign_official_members, capital_share_official,
                    capital_share_associates, capital_share_foreign, no_annual_assembly, group_below_minimum_members,
                    annual_assembly_late, suspension_notice_late, group_suspension_notice_late)

inline constexpr std::size_t rule_count = enum_count<Rule>;

/// How a rule's condition becomes a finding.
enum class RuleForm : std::uint8_t {
    duration,   // a ground once it has lasted `months` (at_risk before, due after)
    immediate,  // a ground as soon as it holds (due)
    lapse,      // a missed procedural duty (notice)
};

struct RuleInfo {
    std::string_view id;
    KindMask kinds;                // the kinds of organisation it applies to
    RuleForm form;
    std::optional<Param> months;   // duration rules: how long the condition must last
    std::array<std::optional<Param>, 2> limits;  // the limit it compares with: [0] cooperatives and groups, [1] unions
    Label name;
};

namespace detail {

constexpr RuleInfo describe(Rule r) noexcept {
    using enum Param;
    switch (r) {
        case Rule::not_operating:
            return {"compliance.not_operating", coop_kinds, RuleForm::duration, not_operating_months, {},
                    {"Not operating without notice", "Ngừng hoạt động không thông báo"}};
        case Rule::below_minimum_members:
            return {"compliance.below_minimum_members", coop_kinds, RuleForm::duration, below_minimum_members_months,
                    {min_members_cooperative, min_members_union},
                    {"Below the minimum of official members", "Không đủ số lượng thành viên chính thức tối thiểu"}};
        case Rule::foreign_official_members:
            return {"compliance.foreign_official_members", coop_kinds, RuleForm::duration,
                    foreign_member_limit_months,
                    {max_foreign_official_members_percent, max_foreign_official_members_percent},
                    {"Foreign-investor members over the limit", "Vượt tỷ lệ thành viên là nhà đầu tư nước ngoài"}};
        case Rule::capital_share_official:
            return {"compliance.capital_share_official", coop_kinds, RuleForm::duration, capital_cap_months,
                    {max_capital_share_official_cooperative_percent, max_capital_share_official_union_percent},
                    {"One member's capital over the cap", "Vốn góp của một thành viên vượt mức tối đa"}};
        case Rule::capital_share_associates:
            return {"compliance.capital_share_associates", coop_kinds, RuleForm::duration, capital_cap_months,
                    {max_capital_associates_cooperative_percent, max_capital_associates_union_percent},
                    {"Capital associates' capital over the cap", "Vốn góp của thành viên liên kết vượt mức tối đa"}};
        case Rule::capital_share_foreign:
            return {"compliance.capital_share_foreign", coop_kinds, RuleForm::duration, capital_cap_months,
                    {max_foreign_capital_percent, max_foreign_capital_percent},
                    {"Foreign investors' capital over the cap", "Vốn góp của nhà đầu tư nước ngoài vượt mức tối đa"}};
        case Rule::no_annual_assembly:
            return {"compliance.no_annual_assembly", coop_kinds, RuleForm::duration, no_annual_assembly_months, {},
                    {"No annual general assembly", "Không tổ chức đại hội thành viên thường niên"}};
        case Rule::group_below_minimum_members:
            return {"compliance.group_below_minimum_members", group_kind, RuleForm::immediate, std::nullopt,
                    {min_members_cooperative_group, std::nullopt},
                    {"Cooperative group below the minimum of members", "Tổ hợp tác không đủ số thành viên tối thiểu"}};
        case Rule::annual_assembly_late:
            return {"compliance.annual_assembly_late", coop_kinds, RuleForm::lapse, std::nullopt,
                    {annual_assembly_deadline_months, annual_assembly_deadline_months},
                    {"Annual general assembly late", "Đại hội thành viên thường niên không đúng hạn"}};
        case Rule::suspension_notice_late:
            return {"compliance.suspension_notice_late", coop_kinds, RuleForm::lapse, std::nullopt,
                    {suspension_notice_working_days, suspension_notice_working_days},
                    {"Suspension notified late", "Thông báo tạm ngừng kinh doanh không đúng hạn"}};
        case Rule::group_suspension_notice_late:
            return {"compliance.group_suspension_notice_late", group_kind, RuleForm::lapse, std::nullopt,
                    {group_suspension_notice_working_days, std::nullopt},
                    {"Cooperative group's suspension notified late",
                     "Tổ hợp tác thông báo tạm ngừng kinh doanh không đúng hạn"}};
    }
    return {"?", 0, RuleForm::lapse, std::nullopt, {}, {"?", "?"}};
}

inline constexpr auto table = [] {
    std::array<RuleInfo, rule_count> out{};
    for (std::size_t i = 0; i < rule_count; ++i) out[i] = describe(static_cast<Rule>(i));
    return out;
}();

}  // namespace detail

constexpr const RuleInfo& info(Rule r) noexcept { return detail::table[static_cast<std::size_t>(r)]; }

/// The rule with this id ("compliance.below_minimum_members"), or nullopt.
constexpr std::optional<Rule> rule_from_id(std::string_view id) noexcept {
    for (const Rule r : enum_values<Rule>())
        if (info(r).id == id) return r;
    return std::nullopt;
}

}  // namespace coopecon::law
