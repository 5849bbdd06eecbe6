#pragma once
// Classification of cooperatives for a year (đánh giá, xếp loại) under Thông tư 01/2020/TT-BKHĐT (all sectors,
// 15 criteria) or Thông tư 09/2017/TT-BNNPTNT (agricultural cooperatives, 6 criteria), from the registry: the
// year's latest `assessed` event under the scheme gives the points; the organisation's events decide whether
// it is rated at all. In order:
//
// 1. a scheme version must be in force at the end of the year (no_rules), and rate the organisation's kind and
//    sector (out_of_scope);
// 2. the points must fit the scheme: one per criterion, each within its maximum (invalid_points);
// 3. it must have operated at least min_operating_months by the end of the year (too_new) — since its
//    registration, or since its conversion for a former cooperative group;
// 4. under TT 01/2020 it must not have been suspended more than max_suspended_months in the year
//    (suspended_too_long), counted in calendar months from its first suspended day in the year;
// 5. under TT 09/2017 an administrative sanction dated in the year makes it weak whatever its points;
// 6. otherwise the bands decide: good from 80, fair from 65, average from 50, weak below.

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/registry/registry.hpp>
#include <coopecon/scoring/assessment_check.hpp>
#include <coopecon/scoring/operating_time.hpp>
#include <coopecon/scoring/rules.hpp>

#include <boost/describe/enum.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace coopecon::scoring {

/// Whether an organisation was rated for the year, or why not.
enum class Rating : std::uint8_t {
    rated,
    not_assessed,        // no assessment under the scheme for the year
    too_new,             // operating under the minimum months at the end of the year
    suspended_too_long,  // suspended more than the maximum months in the year
    out_of_scope,        // a kind or sector the scheme does not rate
    invalid_points,      // the points do not fit the scheme
    no_rules,            // no version of the scheme in force for the year
};
BOOST_DESCRIBE_ENUM(Rating, rated, not_assessed, too_new, suspended_too_long, out_of_scope, invalid_points, no_rules)

constexpr Label label(Rating r) noexcept {
    switch (r) {
        case Rating::rated: return {"Rated", "Được xếp loại"};
        case Rating::not_assessed: return {"Not assessed", "Chưa đánh giá"};
        // The durations are data (min_operating_months, max_suspended_months), so the labels name none.
        case Rating::too_new:
            return {"Not rated: not yet operating long enough", "Không xếp loại: hoạt động chưa đủ thời gian"};
        case Rating::suspended_too_long:
            return {"Not rated: suspended too long in the year", "Không xếp loại: ngừng hoạt động quá thời gian trong năm"};
        case Rating::out_of_scope: return {"Not covered by the scheme", "Không thuộc đối tượng"};
        case Rating::invalid_points: return {"Points do not fit the scheme", "Điểm không hợp lệ"};
        case Rating::no_rules: return {"No rules in force", "Không có quy định áp dụng"};
    }
    return {"?", "?"};
}

struct Classification {
    std::string organization;
    std::int32_t year = 0;
    ClassificationScheme scheme = ClassificationScheme::tt01_2020;
    Rating rating = Rating::not_assessed;
    std::optional<ClassificationClass> cls;  // when rated
    std::optional<std::int64_t> points;      // the assessment's total, when assessed
    bool sanctioned = false;                 // an administrative sanction dated in the year
    std::int32_t suspended_days = 0;         // days suspended in the year
    std::string reason;                      // what decided the outcome, with its legal basis
    std::string legal_basis;                 // the scheme version's reference
    bool unconfirmed = false;                // the outcome rests on an UNCONFIRMED period or number
    Problems problems;                       // for invalid_points: each point that does not fit
};

namespace detail {

inline bool contains(const auto& list, const auto& x) { return std::find(list.begin(), list.end(), x) != list.end(); }

inline std::string names(const auto& list) {
    std::string out;
    for (const auto& x : list) out += (out.empty() ? "" : ", ") + std::string(enum_name(x));
    return out;
}

}  // namespace detail

/// The classification of organisation `i` for `year` under `scheme`, or nothing when there is nothing to say:
/// not registered by the end of the year, ended before it began, or neither assessed nor rated by the scheme.
inline std::optional<Classification> classify(const Registry& reg, OrgIndex i, std::int32_t year,
                                              ClassificationScheme scheme, const Rules& rules) {
    if (year < 1 || year > 9999) return std::nullopt;
    const Date start = *Date::parse(std::to_string(year) + "-01-01");
    const Date end = *Date::parse(std::to_string(year) + "-12-31");
    const auto state = reg.state_at(i, end);
    if (!state.registered) return std::nullopt;
    const auto& org = reg.organization(i);

    std::optional<Assessed> assessment;
    std::optional<Date> assessed_on;
    bool sanctioned = false;
    reg.log(i).replay_until(Date::max(), [&](Date d, const auto& p) {
        using P = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<P, Assessed>) {
            if (p.year == year && p.scheme == scheme) {
                assessment = p;
                assessed_on = d;
            }
        } else if constexpr (std::is_same_v<P, Sanctioned>) {
            sanctioned = sanctioned || d.year() == year;
        }
    });

    const auto* version = scheme_for_year(rules, scheme, year);
    const bool in_scope = version && detail::contains(version->value.scope.kinds, state.kind) &&
                          detail::contains(version->value.scope.sectors, org.sector);
    if (!assessment &&
        (!in_scope || (state.status == LegalStatus::terminated && state.status_since < start)))
        return std::nullopt;

    Classification c;
    c.organization = org.id;
    c.year = year;
    c.scheme = scheme;
    c.sanctioned = sanctioned;
    if (assessment) {
        std::int64_t total = 0;
        for (const auto x : assessment->points) total += x;
        c.points = total;
    }
    const std::string scheme_name(enum_name(scheme));
    if (!version) {
        c.rating = Rating::no_rules;
        c.reason = "no version of " + scheme_name + " is in force on " + end.iso();
        return c;
    }
    const auto& s = version->value;
    c.legal_basis = version->reference;
    c.unconfirmed = version->unconfirmed;
    if (!in_scope) {
        c.rating = Rating::out_of_scope;
        c.reason = scheme_name + " rates " + detail::names(s.scope.kinds) + " in " + detail::names(s.scope.sectors) + " (" +
                   s.scope.reference + "); " + org.id + " is a " + std::string(enum_name(state.kind)) + " in " +
                   std::string(enum_name(org.sector));
        return c;
    }
    if (!assessment) {
        c.rating = Rating::not_assessed;
        c.reason = "no assessment of " + std::to_string(year) + " under " + scheme_name;
        return c;
    }
    c.problems = check_points(*assessment, *version, org.id, assessed_on);
    if (!c.problems.empty()) {
        c.rating = Rating::invalid_points;
        for (const auto& p : c.problems) c.reason += (c.reason.empty() ? "" : "; ") + p.path + ": " + p.message;
        return c;
    }
    const Date since = operating_since(state);
    const Date rated_from = since.plus_months(s.min_operating_months.value);
    if (rated_from > end.plus_days(1)) {
        c.rating = Rating::too_new;
        c.unconfirmed = c.unconfirmed || s.min_operating_months.unconfirmed;
        c.reason = "operating since " + since.iso() + ", under the " + cite(s.min_operating_months) +
                   " months required by the end of " + std::to_string(year);
        return c;
    }
    if (s.max_suspended_months) {
        const auto suspension = suspension_between(reg, i, start, end);
        c.suspended_days = suspension.days;
        if (longer_than_months(suspension, s.max_suspended_months->value)) {
            c.rating = Rating::suspended_too_long;
            c.unconfirmed = c.unconfirmed || s.max_suspended_months->unconfirmed;
            c.reason = "suspended " + std::to_string(suspension.days) + " days in " + std::to_string(year) + " from " +
                       suspension.first_day->iso() + ", more than " + cite(*s.max_suspended_months) +
                       " months";
            return c;
        }
    }
    c.rating = Rating::rated;
    if (s.weak_if_sanctioned && s.weak_if_sanctioned->value == 1 && sanctioned) {
        c.cls = ClassificationClass::weak;
        c.unconfirmed = c.unconfirmed || s.weak_if_sanctioned->unconfirmed;
        c.reason = "administratively sanctioned in " + std::to_string(year) + ": weak whatever its points (" +
                   s.weak_if_sanctioned->reference + ")";
        return c;
    }
    const auto& b = s.bands;
    const auto total = *c.points;
    const Cited* band = total >= b.good.value ? &b.good : total >= b.fair.value ? &b.fair : total >= b.average.value ? &b.average : nullptr;
    c.cls = band == &b.good ? ClassificationClass::good
          : band == &b.fair ? ClassificationClass::fair
          : band == &b.average ? ClassificationClass::average
                               : ClassificationClass::weak;
    const Cited& decisive = band ? *band : b.average;
    c.unconfirmed = c.unconfirmed || decisive.unconfirmed;
    c.reason = std::to_string(total) + " points: " + std::string(enum_name(*c.cls)) +
               (band ? " from " : " below ") + cite(decisive);
    return c;
}

/// The classifications of every organisation for `year` under `scheme`, in registry order.
inline std::vector<Classification> classify(const Registry& reg, std::int32_t year,
                                            ClassificationScheme scheme = ClassificationScheme::tt01_2020,
                                            const Rules& rules = *vietnam()) {
    std::vector<Classification> out;
    for (OrgIndex i = 0; i < reg.size(); ++i)
        if (auto c = classify(reg, i, year, scheme, rules)) out.push_back(std::move(*c));
    return out;
}

}  // namespace coopecon::scoring
