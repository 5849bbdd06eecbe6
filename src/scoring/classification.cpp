#include <coopecon/scoring/classification.hpp>

#include "scoring/lists.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/registry/registry.hpp>
#include <coopecon/scoring/assessment_check.hpp>
#include <coopecon/scoring/operating_time.hpp>

#include <type_traits>
#include <utility>

namespace coopecon::scoring {

std::optional<Classification> classify(const Registry& reg, OrgIndex i, std::int32_t year, ClassificationScheme scheme,
                                       const Rules& rules) {
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

std::vector<Classification> classify(const Registry& reg, std::int32_t year, ClassificationScheme scheme,
                                     const Rules& rules) {
    std::vector<Classification> out;
    for (OrgIndex i = 0; i < reg.size(); ++i)
        if (auto c = classify(reg, i, year, scheme, rules)) out.push_back(std::move(*c));
    return out;
}

}  // namespace coopecon::scoring
