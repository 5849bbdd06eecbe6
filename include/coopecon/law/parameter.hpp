#pragma once
// The legal numbers that rules read. The set of parameters is closed (a rule names the one it reads);
// their values, periods and references are data (data/law/*.json), so a reform is a change of data.

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/labelled_enum.hpp>
#include <coopecon/export.hpp>

#include <boost/describe/enum.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace coopecon::law {

enum class Unit : std::uint8_t { members, months, days, working_days, percent, flag };
BOOST_DESCRIBE_ENUM(Unit, members, months, days, working_days, percent, flag)

/// The parameters, one row each: X(name, unit, meaning), the meaning saying what the number limits.
// clang-format off
#define COOPECON_LEGAL_PARAMETERS(X)                                                                                   \
    X(min_members_cooperative_group, members, "minimum members of a cooperative group")                                \
    X(min_members_cooperative, members, "minimum official members of a cooperative")                                   \
    X(min_members_union, members, "minimum member cooperatives of a union")                                            \
    X(suspension_notice_working_days, working_days,                                                                    \
      "notice of a suspension or resumption, at least, before it starts")                                              \
    X(suspension_max_months, months, "longest suspension per notice")                                                  \
    X(group_suspension_notice_min_days, days,                                                                          \
      "a cooperative group must notify suspensions of at least this many days")                                        \
    X(dissolution_lapse_months, months, "dissolution completes by lapse this long after the resolution or notice")     \
    X(group_termination_lapse_months, months, "a cooperative group's termination completes by lapse after this long")  \
    X(dissolution_cancel_window_months, months, "a voluntary dissolution may be cancelled within this window")         \
    X(conversion_min_operating_months, months,                                                                         \
      "a group converting into a cooperative has operated at least this long")                                         \
    X(conversion_consent_percent, percent, "share of a group's members who must agree to convert")                     \
    X(group_termination_consent_percent, percent, "share of a group's members who must agree to terminate it")         \
    X(special_resolution_percent, percent, "votes of those present needed for dissolution, reorganisation, charter")   \
    X(ordinary_resolution_percent, percent, "other resolutions need more than this share of votes present")            \
    X(authority_dissolution_allowed, flag, "the People's Committee may order a compulsory dissolution (1) or not (0)") \
    X(annual_assembly_deadline_months, months,                                                                         \
      "the annual assembly meets within this long after the financial year ends")                                      \
    X(not_operating_months, months, "not operating longer than this without notice is a ground")                       \
    X(below_minimum_members_months, months, "consecutive months below the minimum members that make a ground")         \
    X(foreign_member_limit_months, months,                                                                             \
      "consecutive months over the foreign-investor member limit that make a ground")                                  \
    X(capital_cap_months, months, "consecutive months over a capital-contribution cap that make a ground")             \
    X(no_annual_assembly_months, months, "consecutive months without an annual assembly that make a ground")           \
    X(compliance_report_months, months, "months without the requested compliance report that make a ground")           \
    X(max_capital_share_official_cooperative_percent, percent,                                                         \
      "largest share of charter capital one official member of a cooperative may hold")                                \
    X(max_capital_share_official_union_percent, percent,                                                               \
      "largest share of charter capital one member cooperative of a union may hold")                                   \
    X(max_capital_associates_cooperative_percent, percent,                                                             \
      "capital-contributing associates together, share of a cooperative's capital")                                    \
    X(max_capital_associates_union_percent, percent,                                                                   \
      "capital-contributing associates together, share of a union's capital")                                          \
    X(max_foreign_capital_percent, percent, "foreign investors together, share of charter capital")                    \
    X(max_foreign_official_members_percent, percent, "foreign-invested official members must stay below this share")   \
    X(group_suspension_notice_working_days, working_days,                                                              \
      "notice of a cooperative group's suspension, at least, before it starts")
// clang-format on

COOPECON_DESCRIBE_TABLE_ENUM(Param, std::uint8_t, COOPECON_LEGAL_PARAMETERS)

inline constexpr std::size_t param_count = enum_count<Param>;

struct ParamInfo {
    Unit unit;
    std::string_view meaning;  // what the number limits, in one line
};

namespace detail {

#define COOPECON_DETAIL_PARAM_INFO(name, unit, meaning) ParamInfo{Unit::unit, meaning},
inline constexpr std::array<ParamInfo, param_count> param_table{COOPECON_LEGAL_PARAMETERS(COOPECON_DETAIL_PARAM_INFO)};
#undef COOPECON_DETAIL_PARAM_INFO

}  // namespace detail

constexpr ParamInfo info(Param p) noexcept { return detail::param_table[static_cast<std::size_t>(p)]; }

/// Largest number of months or days a parameter may hold: a century, so date arithmetic stays in range.
inline constexpr std::int64_t max_months = 1200;
inline constexpr std::int64_t max_days = 36600;

/// Why `v` cannot be a value of `p` (a negative duration, a share above 100 %, a minimum below one member, a
/// flag other than 0 or 1), or nothing when it can.
COOPECON_EXPORT std::optional<std::string> value_problem(Param p, std::int64_t v);

}  // namespace coopecon::law
