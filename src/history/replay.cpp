#include <coopecon/core/article.hpp>
#include <coopecon/history/replay.hpp>

#include "history/replay_effects.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/law/transition_table.hpp>

#include <algorithm>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace coopecon {

/// Integrity and value checks of the validating path, before any effect.
struct Replay::Checks {
    Replay& r;
    const Event& e;
    const law::Framework& law;

    template <class Payload>
    std::optional<Problem> operator()(const Payload&) const {
        return std::nullopt;
    }
    std::optional<Problem> operator()(const Registered& p) const {
        if (p.charter_capital < 0) return invalid("charter_capital is negative");
        if (p.formed_by.has_value() == p.predecessors.empty())
            return invalid("formed_by and predecessors go together: both given or both absent");
        if (p.formed_by && ends_organization(*p.formed_by) == false && *p.formed_by != ReorganizationForm::split_off)
            return invalid("a new organisation is formed by division, split_off or consolidation, not " +
                           std::string(enum_name(*p.formed_by)));
        if (p.indivisible_fund && !p.formed_by)
            return invalid("indivisible_fund is carried only into a successor (give formed_by and predecessors)");
        if (p.indivisible_fund && *p.indivisible_fund < 0) return invalid("indivisible_fund is negative");
        return std::nullopt;
    }
    std::optional<Problem> operator()(const ReorganizationCompleted& p) const {
        if (!p.indivisible_fund) return std::nullopt;
        if (*p.indivisible_fund < 0) return invalid("indivisible_fund is negative");
        Dong received = 0;
        if (p.form == ReorganizationForm::merger_receiving &&
            __builtin_add_overflow(r.state_.indivisible_fund, *p.indivisible_fund, &received))
            return out_of_range("indivisible_fund", "the indivisible fund");
        if (p.form != ReorganizationForm::merger_receiving && *p.indivisible_fund > r.state_.indivisible_fund)
            return integrity("integrity.indivisible_fund_carried",
                             "carries " + std::to_string(*p.indivisible_fund) + " of indivisible fund out, but holds " +
                                 std::to_string(r.state_.indivisible_fund));
        return std::nullopt;
    }
    std::optional<Problem> operator()(const MemberJoined& p) const {
        Effects effects{r};
        const auto index = effects.find_member(p.member);
        if (!index) return unknown_member(p.member);
        if (p.capital < 0) return invalid("capital is negative");
        if (effects.slots()[*index].current)
            return integrity("integrity.member_twice", "member " + p.member + " is already a member");
        const auto& m = r.members_[*index];
        if (auto problem = totals_fit(p.kind, m.type, 1, m.foreign_investor ? 1 : 0, p.capital)) return problem;
        return union_membership(p.kind, m.type);
    }
    std::optional<Problem> operator()(const MemberLeft& p) const {
        Effects effects{r};
        const auto index = effects.find_member(p.member);
        if (!index) return unknown_member(p.member);
        if (!effects.slots()[*index].current)
            return integrity("integrity.member_not_current", "member " + p.member + " is not a member at this date");
        return std::nullopt;
    }
    std::optional<Problem> operator()(const MembersJoined& p) const {
        if (auto problem = cohort_values(p.count, p.foreign_investors, p.capital)) return problem;
        if (auto problem = totals_fit(p.kind, p.member_type, p.count, p.foreign_investors, p.capital)) return problem;
        return union_membership(p.kind, p.member_type);
    }
    std::optional<Problem> operator()(const MembersLeft& p) const {
        if (auto problem = cohort_values(p.count, p.foreign_investors, p.capital)) return problem;
        const auto& c = r.state_.members;
        const auto kind_now = c.of(p.kind), type_now = c.of(p.member_type);
        if (p.count > kind_now || p.count > type_now)
            return integrity("integrity.members_not_current",
                             std::to_string(p.count) + " " + std::string(enum_name(p.kind)) + " members of type " +
                                 std::string(enum_name(p.member_type)) + " leave, but only " +
                                 std::to_string(std::min(kind_now, type_now)) + " are members");
        if (p.kind == MemberKind::official && p.foreign_investors > c.foreign_official)
            return integrity("integrity.members_not_current",
                             std::to_string(p.foreign_investors) + " foreign investors leave, but only " +
                                 std::to_string(c.foreign_official) + " are official members");
        return std::nullopt;
    }
    std::optional<Problem> operator()(const Suspended& p) const {
        if (p.notified_on && *p.notified_on > p.until)
            return invalid("notified_on " + p.notified_on->iso() + " is after the suspension ends");
        return std::nullopt;
    }
    std::optional<Problem> operator()(const ReportFiled& p) const {
        if (p.year < 1900 || p.year > e.date.year())
            return invalid("report year " + std::to_string(p.year) + " is not a past or current year");
        return std::nullopt;
    }
    std::optional<Problem> operator()(const FinancialYearClosed& p) const {
        if (p.year < 1900 || p.year > e.date.year())
            return invalid("financial year " + std::to_string(p.year) + " has not ended on " + e.date.iso());
        if (p.revenue < 0 || p.costs < 0 || p.internal_revenue < 0 || p.wages < 0 || p.workers < 0 ||
            p.indivisible_fund < 0)
            return invalid("revenue, costs, internal_revenue, wages, workers and indivisible_fund cannot be negative");
        if (p.internal_revenue > p.revenue)
            return invalid("internal_revenue " + std::to_string(p.internal_revenue) + " exceeds revenue " +
                           std::to_string(p.revenue));
        const auto& closed = r.closed_years_;
        if (std::find(closed.begin(), closed.end(), p.year) != closed.end())
            return integrity("integrity.financial_year_twice",
                             "financial year " + std::to_string(p.year) + " was already closed");
        return std::nullopt;
    }
    std::optional<Problem> operator()(const Assessed& p) const {
        if (p.year < 1900 || p.year > e.date.year())
            return invalid("assessment year " + std::to_string(p.year) + " is not a past or current year");
        if (std::any_of(p.points.begin(), p.points.end(), [](std::int32_t x) { return x < 0; }))
            return invalid("criterion points cannot be negative");
        // Whether the points fit the criteria of the rules in use is scoring's to judge (scoring::check_points);
        // the registry bounds them so that any list it holds is small and adds up without overflow.
        const std::size_t criteria = criteria_count(p.scheme);
        if (p.points.size() > criteria)
            return invalid(std::to_string(p.points.size()) + " points for the " + std::to_string(criteria) +
                           " criteria of " + std::string(enum_name(p.scheme)));
        if (std::any_of(p.points.begin(), p.points.end(), [](std::int32_t x) { return x > scheme_total_points; }))
            return invalid("criterion points cannot exceed the scheme's total of " +
                           std::to_string(scheme_total_points));
        return std::nullopt;
    }
    std::optional<Problem> operator()(const OcopRated& p) const {
        if (p.product.empty()) return invalid("the OCOP product has no name");
        if (p.score.has_value() == p.stars.has_value()) return invalid("give either score or stars");
        if (p.score && (*p.score < 0 || *p.score > 100))
            return invalid("score " + std::to_string(*p.score) + " is not between 0 and 100");
        if (p.stars && (*p.stars < 1 || *p.stars > 5))
            return invalid("stars " + std::to_string(*p.stars) + " is not between 1 and 5");
        return std::nullopt;
    }
    std::optional<Problem> operator()(const Certified& p) const {
        if (p.valid_until && *p.valid_until < e.date) return invalid("valid_until is before the certification date");
        return std::nullopt;
    }
    std::optional<Problem> operator()(const CapitalChanged& p) const {
        if (p.charter_capital < 0) return invalid("charter_capital is negative");
        return std::nullopt;
    }

    /// The counts and capital after members join must fit their types (the replay adds them up unchecked).
    std::optional<Problem> totals_fit(MemberKind kind, MemberType type, std::int32_t n, std::int32_t foreign,
                                      Dong capital) const {
        const auto& c = r.state_.members;
        constexpr std::int64_t most = std::numeric_limits<std::int32_t>::max();
        const std::int64_t total = std::int64_t{c.by_kind[0]} + c.by_kind[1] + c.by_kind[2];
        if (std::int64_t{c.of(kind)} + n > most || std::int64_t{c.of(type)} + n > most || total + n > most ||
            (kind == MemberKind::official && std::int64_t{c.foreign_official} + foreign > most))
            return out_of_range("count", "the members");
        Dong sum = 0;
        const Dong held = kind == MemberKind::official          ? c.capital_official
                          : kind == MemberKind::capital_associate ? c.capital_associates
                                                                  : 0;
        if (__builtin_add_overflow(held, capital, &sum) || __builtin_add_overflow(c.capital_foreign, capital, &sum))
            return out_of_range("capital", "the members' capital");
        return std::nullopt;
    }
    Problem out_of_range(const std::string& field, const std::string& what) const {
        return integrity("integrity.total_out_of_range",
                         field + ": " + what + " would add up to more than the registry can hold (" +
                             (field == "count" ? std::to_string(std::numeric_limits<std::int32_t>::max()) + " members"
                                               : std::to_string(std::numeric_limits<Dong>::max()) + " đồng") +
                             ")");
    }

    std::optional<Problem> cohort_values(std::int32_t n, std::int32_t foreign, Dong capital) const {
        if (n < 1) return invalid("count must be at least 1, not " + std::to_string(n));
        if (foreign < 0 || foreign > n)
            return invalid("foreign_investors " + std::to_string(foreign) + " is not between 0 and count " +
                           std::to_string(n));
        if (capital < 0) return invalid("capital is negative");
        return std::nullopt;
    }

    /// The official members of a union are cooperatives (2023 Law Art 34; 2012 Law Art 3.2).
    std::optional<Problem> union_membership(MemberKind kind, MemberType type) const {
        if (r.state_.kind != OrgKind::union_of_cooperatives || kind != MemberKind::official ||
            type == MemberType::cooperative)
            return std::nullopt;
        Problem p = base(ErrorCode::rule_violation, "member.union_official_is_cooperative",
                         "an official member of a union of cooperatives must be a cooperative, not " +
                             with_article(enum_name(type)));
        p.legal_basis = law.basis(p.rule, e.date);
        return p;
    }

    Problem base(ErrorCode code, std::string rule, std::string message) const {
        Problem p;
        p.code = code;
        p.message = std::move(message);
        p.event = std::string(enum_name(e.type()));
        p.date = e.date;
        p.rule = std::move(rule);
        return p;
    }
    Problem invalid(std::string message) const { return base(ErrorCode::invalid_value, "", std::move(message)); }
    Problem integrity(std::string rule, std::string message) const {
        return base(ErrorCode::integrity, std::move(rule), std::move(message));
    }
    Problem unknown_member(const std::string& id) const {
        return base(ErrorCode::unknown_name, "", "member " + id + " is not in the organization's member list");
    }
};

std::optional<Problem> Replay::step(const Event& e, const law::Framework& law) {
    settle(e.date);
    // One dispatch on the payload's type: the row lookup, the checks and the effects are compiled for it.
    return std::visit(
        [&]<class Payload>(const Payload& p) __attribute__((flatten)) -> std::optional<Problem> {
            // The office's record of a termination by lapse the replay derived: kept, nothing changes.
            if constexpr (std::is_same_v<Payload, DissolutionCompleted>)
                if (p.by == CompletionMode::lapse && state_.status == LegalStatus::terminated && state_.lapses_on)
                    return std::nullopt;
            // The table's row and its guard, looked up inline; law::decide, which words a refusal with its rule
            // and legal basis, runs only when the lookup finds no row or the guard objects (the same rows in the
            // same order, so the same verdict). Order first: nothing before the registration, no second one,
            // nothing after the end.
            constexpr EventType type = Effects::type_of<Payload>();
            const bool in_order = state_.registered
                                      ? type != EventType::registered && state_.status != LegalStatus::terminated
                                      : type == EventType::registered;
            const auto* row = in_order ? law::find_transition(type, law::selector(p), state_) : nullptr;
            if (!row || (row->guard && row->guard(law::GuardInput{state_, e, law}))) {
                auto decision = law::decide(state_, e, law);
                if (!decision) return std::move(decision.refusal);
            }
            if (auto problem = Checks{*this, e, law}(p)) return problem;
            detail::apply_event(*this, e.date, p);
            // Only validation asks which years were closed: replays of recorded histories need not keep them.
            if constexpr (std::is_same_v<Payload, FinancialYearClosed>) closed_years_.push_back(p.year);
            return std::nullopt;
        },
        e.data);
}

template <class Payload>
void Replay::apply(Date d, const Payload& p) {
    detail::apply_event(*this, d, p);
}

// Every payload type of EventData, for replays compiled without the effects.
static_assert(std::variant_size_v<EventData> == 28, "instantiate Replay::apply for every payload type");
template void Replay::apply(Date, const Registered&);
template void Replay::apply(Date, const Suspended&);
template void Replay::apply(Date, const Resumed&);
template void Replay::apply(Date, const MemberJoined&);
template void Replay::apply(Date, const MemberLeft&);
template void Replay::apply(Date, const MembersJoined&);
template void Replay::apply(Date, const MembersLeft&);
template void Replay::apply(Date, const AssemblyHeld&);
template void Replay::apply(Date, const ReportFiled&);
template void Replay::apply(Date, const FinancialYearClosed&);
template void Replay::apply(Date, const CapitalChanged&);
template void Replay::apply(Date, const BusinessLineSuspended&);
template void Replay::apply(Date, const ReorganizationStarted&);
template void Replay::apply(Date, const ReorganizationCompleted&);
template void Replay::apply(Date, const ConvertedToCooperative&);
template void Replay::apply(Date, const DissolutionResolved&);
template void Replay::apply(Date, const DissolutionCancelled&);
template void Replay::apply(Date, const DissolutionCompleted&);
template void Replay::apply(Date, const RegistrationRevoked&);
template void Replay::apply(Date, const RevocationWithdrawn&);
template void Replay::apply(Date, const BankruptcyOpened&);
template void Replay::apply(Date, const BankruptcyDeclared&);
template void Replay::apply(Date, const AddressFlagSet&);
template void Replay::apply(Date, const AddressFlagCleared&);
template void Replay::apply(Date, const Assessed&);
template void Replay::apply(Date, const Certified&);
template void Replay::apply(Date, const OcopRated&);
template void Replay::apply(Date, const Sanctioned&);

}  // namespace coopecon
