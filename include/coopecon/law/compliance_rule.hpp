#pragma once
// The compliance rules: conditions an organisation's history can show that the law makes a ground for
// revocation or dissolution (once they have lasted long enough), a ground for terminating a cooperative group,
// or a minor lapse. Each has a stable id ("compliance.<name>", the key of its legal basis in the framework's
// "rules"), the kinds it applies to, the parameters giving its length and limit, what it measures and how a
// finding words its condition. docs/legal-rules.md lists them; docs/contributing.md says how to add one.

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/core/labelled_enum.hpp>
#include <coopecon/law/parameter.hpp>
#include <coopecon/law/transition_table.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace coopecon::law {

/// How a rule's condition becomes a finding.
enum class RuleForm : std::uint8_t {
    duration,   // a ground once it has lasted `months` (at_risk before, due after)
    immediate,  // a ground as soon as it holds (due)
    lapse,      // a missed procedural duty (notice)
};
BOOST_DESCRIBE_ENUM(RuleForm, duration, immediate, lapse)

/// What a rule's condition measures (ConditionPeriod::observed); the label is its unit in words, an English
/// plural whose singular drops the final "s".
COOPECON_LABELLED_ENUM(Measurement, std::uint8_t,
    (nothing, "", ""),
    (official_members, "official members", "thành viên chính thức"),
    (members, "members", "thành viên"),
    (percent_of_official_members, "%", "%"),
    (percent_of_charter_capital, "%", "%"),
    (working_days_of_notice, "working days", "ngày làm việc"))

// The rules, one row each, in the order of the enumeration Rule:
//   X(name, kinds, form, months, limit, union_limit, measurement, name_en, name_vi, condition_en, condition_vi)
// - kinds: the KindMask of organisations it applies to; form: a RuleForm;
// - months: the Param giving how long a duration rule's condition must last, or std::nullopt;
// - limit, union_limit: the Param it compares with for cooperatives and groups, and for unions, or std::nullopt;
// - condition_en, condition_vi: the condition in one clause, as a finding's message begins. Placeholders:
//   {observed} the measured figure with its unit, {limit} the limit (a bare number), {deadline} {event} {until}
//   {as_of} dates, {began} the condition's first day (a text that places it itself is not followed by
//   " since <began>"), and {field?if present|if absent} for a part that depends on whether a date is known.
// The legal basis of each row stands above it; its text per law is data (data/law/*.json, "rules").
// clang-format off
#define COOPECON_COMPLIANCE_RULES(X)                                                                                   \
    /* 2023 Law Art 103.1b; 2012 Law Art 54.2a */                                                                      \
    X(not_operating, coop_kinds, duration, not_operating_months, std::nullopt, std::nullopt, nothing,                  \
      "Not operating without notice", "Ngừng hoạt động không thông báo",                                               \
      "not operating at its registered address (found by the tax authority), with no suspension notified",             \
      "không hoạt động tại địa chỉ đã đăng ký (cơ quan thuế xác định), không thông báo tạm ngừng kinh doanh")          \
    /* 2023 Law Art 103.1d; 2012 Law Art 54.2b */                                                                      \
    X(below_minimum_members, coop_kinds, duration, below_minimum_members_months, min_members_cooperative,              \
      min_members_union, official_members,                                                                             \
      "Below the minimum of official members", "Không đủ số lượng thành viên chính thức tối thiểu",                    \
      "{observed}, below the minimum of {limit}", "{observed}, dưới mức tối thiểu {limit}")                            \
    /* 2023 Law Art 103.1d with Art 30.7 */                                                                            \
    X(foreign_official_members, coop_kinds, duration, foreign_member_limit_months,                                     \
      max_foreign_official_members_percent, max_foreign_official_members_percent, percent_of_official_members,         \
      "Foreign-investor members over the limit", "Vượt tỷ lệ thành viên là nhà đầu tư nước ngoài",                     \
      "since {began} foreign investors have made up {limit} % or more of the official members ({observed} now; "     \
      "the law requires less than {limit} %)",                                                                         \
      "từ ngày {began} nhà đầu tư nước ngoài chiếm từ {limit} % số thành viên chính thức trở lên (hiện {observed}; "   \
      "luật yêu cầu dưới {limit} %)")                                                                                  \
    /* 2023 Law Art 103.1đ with Art 74 */                                                                              \
    X(capital_share_official, coop_kinds, duration, capital_cap_months,                                                \
      max_capital_share_official_cooperative_percent, max_capital_share_official_union_percent,                        \
      percent_of_charter_capital,                                                                                      \
      "One member's capital over the cap", "Vốn góp của một thành viên vượt mức tối đa",                               \
      "one official member holds {observed} of the charter capital, above the cap of {limit} %",                       \
      "một thành viên chính thức góp {observed} vốn điều lệ, vượt mức tối đa {limit} %")                               \
    /* 2023 Law Art 103.1đ with Art 74 */                                                                              \
    X(capital_share_associates, coop_kinds, duration, capital_cap_months, max_capital_associates_cooperative_percent,  \
      max_capital_associates_union_percent, percent_of_charter_capital,                                                \
      "Capital associates' capital over the cap", "Vốn góp của thành viên liên kết vượt mức tối đa",                   \
      "capital-contributing associates hold {observed} of the charter capital, above the cap of {limit} %",            \
      "các thành viên liên kết góp vốn góp {observed} vốn điều lệ, vượt mức tối đa {limit} %")                         \
    /* 2023 Law Art 103.1đ with Art 74 */                                                                              \
    X(capital_share_foreign, coop_kinds, duration, capital_cap_months, max_foreign_capital_percent,                    \
      max_foreign_capital_percent, percent_of_charter_capital,                                                         \
      "Foreign investors' capital over the cap", "Vốn góp của nhà đầu tư nước ngoài vượt mức tối đa",                  \
      "foreign investors hold {observed} of the charter capital, above the cap of {limit} %",                          \
      "nhà đầu tư nước ngoài góp {observed} vốn điều lệ, vượt mức tối đa {limit} %")                                   \
    /* 2023 Law Art 103.1e; 2012 Law Art 54.2c */                                                                      \
    X(no_annual_assembly, coop_kinds, duration, no_annual_assembly_months, std::nullopt, std::nullopt, nothing,        \
      "No annual general assembly", "Không tổ chức đại hội thành viên thường niên",                                    \
      "no annual general assembly", "không tổ chức đại hội thành viên thường niên")                                    \
    /* Decree 77/2019/NĐ-CP Art 14 */                                                                                  \
    X(group_below_minimum_members, group_kind, immediate, std::nullopt, min_members_cooperative_group, std::nullopt,   \
      members,                                                                                                         \
      "Cooperative group below the minimum of members", "Tổ hợp tác không đủ số thành viên tối thiểu",                 \
      "{observed}, below the minimum of {limit} for a cooperative group",                                              \
      "{observed}, dưới mức tối thiểu {limit} của tổ hợp tác")                                                         \
    /* 2023 Law Art 57; 2012 Law Art 31.1 (UNCONFIRMED) */                                                             \
    X(annual_assembly_late, coop_kinds, lapse, std::nullopt, annual_assembly_deadline_months,                          \
      annual_assembly_deadline_months, nothing,                                                                        \
      "Annual general assembly late", "Đại hội thành viên thường niên không đúng hạn",                                 \
      "the annual general assembly was due by {deadline} ({limit} months after the financial year ended); "            \
      "{event?held late on {event}|not held by {as_of}}",                                                              \
      "đại hội thành viên thường niên phải tổ chức chậm nhất ngày {deadline} ({limit} tháng sau khi kết thúc năm "     \
      "tài chính), {event?đã tổ chức muộn ngày {event}|chưa tổ chức đến ngày {as_of}}")                                \
    /* 2023 Law Art 96.1; Decree 92/2024/NĐ-CP Art 47.1 */                                                             \
    X(suspension_notice_late, coop_kinds, lapse, std::nullopt, suspension_notice_working_days,                         \
      suspension_notice_working_days, working_days_of_notice,                                                          \
      "Suspension notified late", "Thông báo tạm ngừng kinh doanh không đúng hạn",                                     \
      "the suspension from {event} was notified on {until}, {observed} ahead; at least {limit} are required",          \
      "thông báo tạm ngừng kinh doanh từ ngày {event} nhận ngày {until}, trước {observed}; phải trước ít nhất "        \
      "{limit} ngày làm việc")                                                                                         \
    /* Decree 92/2024/NĐ-CP Art 62.1 */                                                                                \
    X(group_suspension_notice_late, group_kind, lapse, std::nullopt, group_suspension_notice_working_days,             \
      std::nullopt, working_days_of_notice,                                                                            \
      "Cooperative group's suspension notified late", "Tổ hợp tác thông báo tạm ngừng kinh doanh không đúng hạn",      \
      "the suspension from {event} was notified on {until}, {observed} ahead; at least {limit} are required",          \
      "thông báo tạm ngừng kinh doanh từ ngày {event} nhận ngày {until}, trước {observed}; phải trước ít nhất "        \
      "{limit} ngày làm việc")
// clang-format on

COOPECON_DESCRIBE_TABLE_ENUM(Rule, std::uint8_t, COOPECON_COMPLIANCE_RULES)

inline constexpr std::size_t rule_count = enum_count<Rule>;

struct RuleInfo {
    std::string_view id;
    KindMask kinds;                // the kinds of organisation it applies to
    RuleForm form;
    std::optional<Param> months;   // duration rules: how long the condition must last
    std::array<std::optional<Param>, 2> limits;  // the limit it compares with: [0] cooperatives and groups, [1] unions
    Measurement measurement;       // what `observed` counts
    Label name;
    Label condition;               // the condition in one clause, with placeholders (see the table above)
};

namespace detail {

#define COOPECON_DETAIL_RULE_INFO(name, kinds, form, months, limit, union_limit, measurement, name_en, name_vi,     \
                                  condition_en, condition_vi)                                                      \
    RuleInfo{"compliance." #name, kinds, RuleForm::form, months, {limit, union_limit}, Measurement::measurement,    \
             {name_en, name_vi}, {condition_en, condition_vi}},

inline constexpr std::array<RuleInfo, rule_count> rule_table = [] {
    using enum Param;
    return std::array<RuleInfo, rule_count>{COOPECON_COMPLIANCE_RULES(COOPECON_DETAIL_RULE_INFO)};
}();

#undef COOPECON_DETAIL_RULE_INFO

}  // namespace detail

constexpr const RuleInfo& info(Rule r) noexcept { return detail::rule_table[static_cast<std::size_t>(r)]; }

/// The rule with this id ("compliance.below_minimum_members"), or nullopt.
constexpr std::optional<Rule> rule_from_id(std::string_view id) noexcept {
    for (const Rule r : enum_values<Rule>())
        if (info(r).id == id) return r;
    return std::nullopt;
}

}  // namespace coopecon::law
