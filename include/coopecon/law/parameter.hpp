#pragma once
// The legal numbers that rules read. The set of parameters is closed (a rule names the one it reads);
// their values, periods and references are data (data/law/*.json), so a reform is a change of data.

#include <coopecon/core/enum_text.hpp>
#include <coopecon/export.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace coopecon::law {

enum class Unit : std::uint8_t { members, months, days, working_days, percent, flag };
BOOST_DESCRIBE_ENUM(Unit, members, months, days, working_days, percent, flag)

enum class Param : std::uint8_t {
    min_members_cooperative_group,
    min_members_cooperative,
    min_members_union,
    suspension_notice_working_days,
    suspension_max_months,
    group_suspension_notice_min_days,
    dissolution_lapse_months,
    group_termination_lapse_months,
    dissolution_cancel_window_months,
    conversion_min_operating_months,
    conversion_consent_percent,
    group_termination_consent_percent,
    special_resolution_percent,
    ordinary_resolution_percent,
    authority_dissolution_allowed,
    annual_assembly_deadline_months,
    not_operating_months,
    below_minimum_members_months,
    foreign_member_limit_months,
    capital_cap_months,
    no_annual_assembly_months,
    compliance_report_months,
    max_capital_share_official_cooperative_percent,
    max_capital_share_official_union_percent,
    max_capital_associates_cooperative_percent,
    max_capital_associates_union_percent,
    max_foreign_capital_percent,
    max_foreign_official_members_percent,
    group_suspension_notice_working_days,
};
BOOST_DESCRIBE_ENUM(Param, min_members_cooperative_group, min_members_cooperative, min_members_union,
                    suspension_notice_working_days, suspension_max_months, group_suspension_notice_min_days,
                    dissolution_lapse_months, group_termination_lapse_months, dissolution_cancel_window_months,
                    conversion_min_operating_months, conversion_consent_percent, group_termination_consent_percent,
                    special_resolution_percent, ordinary_resolution_percent, authority_dissolution_allowed,
                    annual_assembly_deadline_months, not_operating_months, below_minimum_members_months,
                    foreign_member_limit_months, capital_cap_months, no_annual_assembly_months,
                    compliance_report_months, max_capital_share_official_cooperative_percent,
                    max_capital_share_official_union_percent, max_capital_associates_cooperative_percent,
                    max_capital_associates_union_percent, max_foreign_capital_percent,
                    max_foreign_official_members_percent, group_suspension_notice_working_days)

inline constexpr std::size_t param_count = enum_count<Param>;

struct ParamInfo {
    Unit unit;
    std::string_view meaning;  // what the number limits, in one line
};

constexpr ParamInfo info(Param p) noexcept {
    switch (p) {
        case Param::min_members_cooperative_group: return {Unit::members, "minimum members of a cooperative group"};
        case Param::min_members_cooperative: return {Unit::members, "minimum official members of a cooperative"};
        case Param::min_members_union: return {Unit::members, "minimum member cooperatives of a union"};
        case Param::suspension_notice_working_days:
            return {Unit::working_days, "notice of a suspension or resumption, at least, before it starts"};
        case Param::suspension_max_months: return {Unit::months, "longest suspension per notice"};
        case Param::group_suspension_notice_min_days:
            return {Unit::days, "a cooperative group must notify suspensions of at least this many days"};
        case Param::dissolution_lapse_months:
            return {Unit::months, "dissolution completes by lapse this long after the resolution or notice"};
        case Param::group_termination_lapse_months:
            return {Unit::months, "a cooperative group's termination completes by lapse after this long"};
        case Param::dissolution_cancel_window_months:
            return {Unit::months, "a voluntary dissolution may be cancelled within this window"};
        case Param::conversion_min_operating_months:
            return {Unit::months, "a group converting into a cooperative has operated at least this long"};
        case Param::conversion_consent_percent:
            return {Unit::percent, "share of a group's members who must agree to convert"};
        case Param::group_termination_consent_percent:
            return {Unit::percent, "share of a group's members who must agree to terminate it"};
        case Param::special_resolution_percent:
            return {Unit::percent, "votes of those present needed for dissolution, reorganisation, charter"};
        case Param::ordinary_resolution_percent:
            return {Unit::percent, "other resolutions need more than this share of votes present"};
        case Param::authority_dissolution_allowed:
            return {Unit::flag, "the People's Committee may order a compulsory dissolution (1) or not (0)"};
        case Param::annual_assembly_deadline_months:
            return {Unit::months, "the annual assembly meets within this long after the financial year ends"};
        case Param::not_operating_months:
            return {Unit::months, "not operating longer than this without notice is a ground"};
        case Param::below_minimum_members_months:
            return {Unit::months, "consecutive months below the minimum members that make a ground"};
        case Param::foreign_member_limit_months:
            return {Unit::months, "consecutive months over the foreign-investor member limit that make a ground"};
        case Param::capital_cap_months:
            return {Unit::months, "consecutive months over a capital-contribution cap that make a ground"};
        case Param::no_annual_assembly_months:
            return {Unit::months, "consecutive months without an annual assembly that make a ground"};
        case Param::compliance_report_months:
            return {Unit::months, "months without the requested compliance report that make a ground"};
        case Param::max_capital_share_official_cooperative_percent:
            return {Unit::percent, "largest share of charter capital one official member of a cooperative may hold"};
        case Param::max_capital_share_official_union_percent:
            return {Unit::percent, "largest share of charter capital one member cooperative of a union may hold"};
        case Param::max_capital_associates_cooperative_percent:
            return {Unit::percent, "capital-contributing associates together, share of a cooperative's capital"};
        case Param::max_capital_associates_union_percent:
            return {Unit::percent, "capital-contributing associates together, share of a union's capital"};
        case Param::max_foreign_capital_percent:
            return {Unit::percent, "foreign investors together, share of charter capital"};
        case Param::max_foreign_official_members_percent:
            return {Unit::percent, "foreign-invested official members must stay below this share"};
        case Param::group_suspension_notice_working_days:
            return {Unit::working_days, "notice of a cooperative group's suspension, at least, before it starts"};
    }
    return {Unit::flag, "?"};
}

/// Largest number of months or days a parameter may hold: a century, so date arithmetic stays in range.
inline constexpr std::int64_t max_months = 1200;
inline constexpr std::int64_t max_days = 36600;

/// Why `v` cannot be a value of `p` (a negative duration, a share above 100 %, a minimum below one member, a
/// flag other than 0 or 1), or nothing when it can.
COOPECON_EXPORT std::optional<std::string> value_problem(Param p, std::int64_t v);

}  // namespace coopecon::law
