#pragma once
// Replaying one organisation's events into its state. The same effects serve two paths: `step` validates an
// event against the transition table and the integrity rules first (when recording), `apply` trusts a history
// that was validated when it was recorded (snapshots, state_at).

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/transition_table.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization.hpp>

#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace coopecon {

class Replay {
public:
    /// `registered_as`: the kind the organisation was registered as; `members`: its member list.
    Replay(OrgKind registered_as, std::span<const Member> members) : registered_as_(registered_as), members_(members) {
        state_.kind = registered_as;
    }
    Replay(const Organization& org, std::span<const Member> members) : Replay(org.kind, members) {}

    const OrgState& state() const noexcept { return state_; }

    /// A suspension ends by itself after its last notified day.
    void settle(Date d) noexcept {
        if (state_.registered && state_.status == LegalStatus::suspended && state_.suspended_until &&
            d > *state_.suspended_until) {
            state_.status = LegalStatus::active;
            state_.status_since = state_.suspended_until->plus_days(1);
            state_.suspended_until.reset();
        }
    }

    /// Validates `e` (dated on or after every event applied so far) and applies it when allowed.
    /// On refusal the state is unchanged and the problem names the event, date, rule and legal basis.
    std::optional<Problem> step(const Event& e, const law::Framework& law) {
        settle(e.date);
        auto decision = law::decide(state_, e, law);
        if (!decision) return std::move(decision.refusal);
        if (auto problem = std::visit([&](const auto& p) { return check(e, p, law); }, e.data)) return problem;
        std::visit([&](const auto& p) { apply(e.date, p); }, e.data);
        // Only validation asks which years were closed: replays of recorded histories need not keep them.
        if (const auto* f = e.get<FinancialYearClosed>()) closed_years_.push_back(f->year);
        return std::nullopt;
    }

    /// Applies a validated event.
    template <class Payload>
    void apply(Date d, const Payload& p) {
        settle(d);
        const LegalStatus before = state_.status;
        if constexpr (!law::keeps_status[static_cast<std::size_t>(type_of<Payload>())]) {
            if (const auto* row = law::find_transition(type_of<Payload>(), law::selector(p), state_))
                state_.status = law::apply_target(row->to, state_);
        }
        effects(d, p);
        // A suspension restored (T9, T14) after its notified end has run out: active again.
        if (state_.status == LegalStatus::suspended && state_.suspended_until && *state_.suspended_until < d)
            state_.status = LegalStatus::active;
        if (state_.status != before) {
            state_.status_since = d;
            if (state_.status == LegalStatus::terminated) state_.ended_by = ending_of<Payload>();
            if (is_live(before) && !is_live(state_.status)) state_.restore_to = before;
            // The notified end is kept while a cancellation or withdrawal may restore the suspension.
            const bool restorable = state_.status == LegalStatus::in_dissolution ||
                                    state_.status == LegalStatus::revoked_tax_enforcement;
            if (state_.status != LegalStatus::suspended && !restorable) state_.suspended_until.reset();
        }
    }

private:
    struct Membership {
        bool current = false;
        MemberKind kind = MemberKind::official;
        Dong capital = 0;
    };

    template <class Payload>
    static constexpr EventType type_of() noexcept {
        return static_cast<EventType>(boost::mp11::mp_find<EventData, Payload>::value);
    }

    /// The transition table lets only these events terminate an organisation.
    template <class Payload>
    static constexpr Ending ending_of() noexcept {
        if constexpr (std::is_same_v<Payload, BankruptcyDeclared>) return Ending::bankruptcy;
        else if constexpr (std::is_same_v<Payload, ReorganizationCompleted>) return Ending::reorganization;
        else return Ending::dissolution;
    }

    // ---- effects beyond the status, which the transition table decides ----------------------------------

    void effects(Date d, const Registered& p) {
        state_.registered = true;
        state_.kind = registered_as_;
        state_.registered_on = d;
        state_.status_since = d;
        state_.charter_capital = p.charter_capital;
        state_.indivisible_fund = p.indivisible_fund.value_or(0);
    }
    void effects(Date, const Suspended& p) { state_.suspended_until = p.until; }
    void effects(Date, const Resumed&) {}
    void effects(Date, const MemberJoined& p) {
        auto& m = slot(p.member);
        m = {true, p.kind, p.capital};
        count(p.kind, member(p.member).type, member(p.member).foreign_investor ? 1 : 0, 1, p.capital, +1);
    }
    void effects(Date, const MemberLeft& p) {
        auto& m = slot(p.member);
        count(m.kind, member(p.member).type, member(p.member).foreign_investor ? 1 : 0, 1, m.capital, -1);
        m.current = false;
    }
    void effects(Date, const MembersJoined& p) {
        count(p.kind, p.member_type, p.foreign_investors, p.count, p.capital, +1);
    }
    void effects(Date, const MembersLeft& p) { count(p.kind, p.member_type, p.foreign_investors, p.count, p.capital, -1); }
    void effects(Date d, const AssemblyHeld& p) {
        if (p.kind == AssemblyKind::annual) state_.last_annual_assembly = d;
    }
    void effects(Date d, const ReportFiled&) { state_.last_report = d; }
    void effects(Date, const FinancialYearClosed& p) {
        if (!state_.latest_financials || state_.latest_financials->year < p.year) {
            state_.latest_financials = p;
            state_.indivisible_fund = p.indivisible_fund;
        }
    }
    void effects(Date, const CapitalChanged& p) { state_.charter_capital = p.charter_capital; }
    void effects(Date, const BusinessLineSuspended&) {}
    void effects(Date, const ReorganizationStarted& p) {
        if (ends_organization(p.form)) state_.reorganization = p.form;
    }
    void effects(Date, const ReorganizationCompleted& p) {
        state_.reorganization.reset();
        const Dong carried = p.indivisible_fund.value_or(0);
        state_.indivisible_fund += p.form == ReorganizationForm::merger_receiving ? carried : -carried;
    }
    void effects(Date d, const ConvertedToCooperative&) {
        state_.kind = OrgKind::cooperative;
        state_.converted_on = d;
    }
    void effects(Date, const DissolutionResolved& p) {
        state_.dissolution = p.basis == DissolutionBasis::members_resolution ? DissolutionTrack::voluntary
                                                                             : DissolutionTrack::court_or_authority;
    }
    void effects(Date, const DissolutionCancelled&) { state_.dissolution = DissolutionTrack::none; }
    void effects(Date, const DissolutionCompleted&) {}
    void effects(Date, const RegistrationRevoked& p) {
        if (p.ground != RevocationGround::tax_enforcement) state_.dissolution = DissolutionTrack::revocation;
    }
    void effects(Date, const RevocationWithdrawn&) { state_.dissolution = DissolutionTrack::none; }
    void effects(Date, const BankruptcyOpened&) {}
    void effects(Date, const BankruptcyDeclared&) {}
    void effects(Date, const AddressFlagSet&) { state_.not_at_address = true; }
    void effects(Date, const AddressFlagCleared&) { state_.not_at_address = false; }
    void effects(Date, const Assessed& p) {
        if (state_.latest_assessment && state_.latest_assessment->year > p.year) return;
        std::int32_t points = 0;
        for (auto x : p.points) points += x;
        state_.latest_assessment = AssessmentSummary{p.year, p.scheme, points};
    }
    void effects(Date, const Certified& p) {
        state_.certified_until[static_cast<std::size_t>(p.certification)] = p.valid_until.value_or(Date::max());
    }
    /// A product rated again keeps only its latest stars.
    void effects(Date, const OcopRated& p) {
        const auto stars = p.stars ? *p.stars : ocop_stars_for_score(*p.score);
        auto it = std::find_if(ocop_products_.begin(), ocop_products_.end(),
                               [&](const auto& product) { return product.first == p.product; });
        if (it == ocop_products_.end()) {
            ocop_products_.emplace_back(p.product, stars);
        } else {
            --state_.ocop_products_by_stars[static_cast<std::size_t>(it->second - 1)];
            it->second = stars;
        }
        ++state_.ocop_products_by_stars[static_cast<std::size_t>(stars - 1)];
    }
    void effects(Date d, const Sanctioned&) { state_.last_sanction_year = d.year(); }

    void count(MemberKind kind, MemberType type, std::int32_t foreign, std::int32_t n, Dong capital, int sign) {
        auto& c = state_.members;
        c.by_kind[static_cast<std::size_t>(kind)] += sign * n;
        c.by_type[static_cast<std::size_t>(type)] += sign * n;
        if (kind == MemberKind::official) {
            c.foreign_official += sign * foreign;
            c.capital_official += sign * capital;
        } else if (kind == MemberKind::capital_associate) {
            c.capital_associates += sign * capital;
        }
        if (foreign > 0 && n > 0) c.capital_foreign += sign * (capital / n) * foreign;
    }

    // ---- integrity and value checks, before any effect ------------------------------------------------

    template <class Payload>
    std::optional<Problem> check(const Event&, const Payload&, const law::Framework&) {
        return std::nullopt;
    }
    std::optional<Problem> check(const Event& e, const Registered& p, const law::Framework&) {
        if (p.charter_capital < 0) return invalid(e, "charter_capital is negative");
        if (p.formed_by.has_value() == p.predecessors.empty())
            return invalid(e, "formed_by and predecessors go together: both given or both absent");
        if (p.formed_by && ends_organization(*p.formed_by) == false && *p.formed_by != ReorganizationForm::split_off)
            return invalid(e, "a new organisation is formed by division, split_off or consolidation, not " +
                                  std::string(enum_name(*p.formed_by)));
        if (p.indivisible_fund && !p.formed_by)
            return invalid(e, "indivisible_fund is carried only into a successor (give formed_by and predecessors)");
        if (p.indivisible_fund && *p.indivisible_fund < 0) return invalid(e, "indivisible_fund is negative");
        return std::nullopt;
    }
    std::optional<Problem> check(const Event& e, const ReorganizationCompleted& p, const law::Framework&) {
        if (!p.indivisible_fund) return std::nullopt;
        if (*p.indivisible_fund < 0) return invalid(e, "indivisible_fund is negative");
        if (p.form != ReorganizationForm::merger_receiving && *p.indivisible_fund > state_.indivisible_fund)
            return integrity(e, "integrity.indivisible_fund_carried",
                             "carries " + std::to_string(*p.indivisible_fund) + " of indivisible fund out, but holds " +
                                 std::to_string(state_.indivisible_fund));
        return std::nullopt;
    }
    std::optional<Problem> check(const Event& e, const MemberJoined& p, const law::Framework& law) {
        const auto index = find_member(p.member);
        if (!index) return unknown_member(e, p.member);
        if (p.capital < 0) return invalid(e, "capital is negative");
        if (slots()[*index].current)
            return integrity(e, "integrity.member_twice", "member " + p.member + " is already a member");
        return union_membership(e, p.kind, members_[*index].type, law);
    }
    std::optional<Problem> check(const Event& e, const MemberLeft& p, const law::Framework&) {
        const auto index = find_member(p.member);
        if (!index) return unknown_member(e, p.member);
        if (!slots()[*index].current)
            return integrity(e, "integrity.member_not_current", "member " + p.member + " is not a member at this date");
        return std::nullopt;
    }
    std::optional<Problem> check(const Event& e, const MembersJoined& p, const law::Framework& law) {
        if (auto problem = cohort_values(e, p.count, p.foreign_investors, p.capital)) return problem;
        return union_membership(e, p.kind, p.member_type, law);
    }
    std::optional<Problem> check(const Event& e, const MembersLeft& p, const law::Framework&) {
        if (auto problem = cohort_values(e, p.count, p.foreign_investors, p.capital)) return problem;
        const auto& c = state_.members;
        const auto kind_now = c.of(p.kind), type_now = c.of(p.member_type);
        if (p.count > kind_now || p.count > type_now)
            return integrity(e, "integrity.members_not_current",
                             std::to_string(p.count) + " " + std::string(enum_name(p.kind)) + " members of type " +
                                 std::string(enum_name(p.member_type)) + " leave, but only " +
                                 std::to_string(std::min(kind_now, type_now)) + " are members");
        if (p.kind == MemberKind::official && p.foreign_investors > c.foreign_official)
            return integrity(e, "integrity.members_not_current",
                             std::to_string(p.foreign_investors) + " foreign investors leave, but only " +
                                 std::to_string(c.foreign_official) + " are official members");
        return std::nullopt;
    }
    std::optional<Problem> check(const Event& e, const Suspended& p, const law::Framework&) {
        if (p.notified_on && *p.notified_on > p.until)
            return invalid(e, "notified_on " + p.notified_on->iso() + " is after the suspension ends");
        return std::nullopt;
    }
    std::optional<Problem> check(const Event& e, const ReportFiled& p, const law::Framework&) {
        if (p.year < 1900 || p.year > e.date.year()) return invalid(e, "report year " + std::to_string(p.year) +
                                                                         " is not a past or current year");
        return std::nullopt;
    }
    std::optional<Problem> check(const Event& e, const FinancialYearClosed& p, const law::Framework&) {
        if (p.year < 1900 || p.year > e.date.year())
            return invalid(e, "financial year " + std::to_string(p.year) + " has not ended on " + e.date.iso());
        if (p.revenue < 0 || p.costs < 0 || p.internal_revenue < 0 || p.wages < 0 || p.workers < 0 ||
            p.indivisible_fund < 0)
            return invalid(e, "revenue, costs, internal_revenue, wages, workers and indivisible_fund cannot be negative");
        if (p.internal_revenue > p.revenue)
            return invalid(e, "internal_revenue " + std::to_string(p.internal_revenue) + " exceeds revenue " +
                                  std::to_string(p.revenue));
        if (std::find(closed_years_.begin(), closed_years_.end(), p.year) != closed_years_.end())
            return integrity(e, "integrity.financial_year_twice",
                             "financial year " + std::to_string(p.year) + " was already closed");
        return std::nullopt;
    }
    std::optional<Problem> check(const Event& e, const Assessed& p, const law::Framework&) {
        if (p.year < 1900 || p.year > e.date.year())
            return invalid(e, "assessment year " + std::to_string(p.year) + " is not a past or current year");
        if (std::any_of(p.points.begin(), p.points.end(), [](std::int32_t x) { return x < 0; }))
            return invalid(e, "criterion points cannot be negative");
        return std::nullopt;
    }
    std::optional<Problem> check(const Event& e, const OcopRated& p, const law::Framework&) {
        if (p.product.empty()) return invalid(e, "the OCOP product has no name");
        if (p.score.has_value() == p.stars.has_value()) return invalid(e, "give either score or stars");
        if (p.score && (*p.score < 0 || *p.score > 100)) return invalid(e, "score " + std::to_string(*p.score) + " is not between 0 and 100");
        if (p.stars && (*p.stars < 1 || *p.stars > 5)) return invalid(e, "stars " + std::to_string(*p.stars) + " is not between 1 and 5");
        return std::nullopt;
    }
    std::optional<Problem> check(const Event& e, const Certified& p, const law::Framework&) {
        if (p.valid_until && *p.valid_until < e.date) return invalid(e, "valid_until is before the certification date");
        return std::nullopt;
    }
    std::optional<Problem> check(const Event& e, const CapitalChanged& p, const law::Framework&) {
        if (p.charter_capital < 0) return invalid(e, "charter_capital is negative");
        return std::nullopt;
    }

    std::optional<Problem> cohort_values(const Event& e, std::int32_t n, std::int32_t foreign, Dong capital) const {
        if (n < 1) return invalid(e, "count must be at least 1, not " + std::to_string(n));
        if (foreign < 0 || foreign > n)
            return invalid(e, "foreign_investors " + std::to_string(foreign) + " is not between 0 and count " +
                                  std::to_string(n));
        if (capital < 0) return invalid(e, "capital is negative");
        return std::nullopt;
    }

    /// The official members of a union are cooperatives (2023 Law Art 34; 2012 Law Art 3.2).
    std::optional<Problem> union_membership(const Event& e, MemberKind kind, MemberType type,
                                            const law::Framework& law) const {
        if (state_.kind != OrgKind::union_of_cooperatives || kind != MemberKind::official ||
            type == MemberType::cooperative)
            return std::nullopt;
        Problem p = base(e, ErrorCode::rule_violation, "member.union_official_is_cooperative",
                         "an official member of a union of cooperatives must be a cooperative, not a " +
                             std::string(enum_name(type)));
        p.legal_basis = law.basis(p.rule, e.date);
        return p;
    }

    static Problem base(const Event& e, ErrorCode code, std::string rule, std::string message) {
        Problem p;
        p.code = code;
        p.message = std::move(message);
        p.event = std::string(enum_name(e.type()));
        p.date = e.date;
        p.rule = std::move(rule);
        return p;
    }
    static Problem invalid(const Event& e, std::string message) {
        return base(e, ErrorCode::invalid_value, "", std::move(message));
    }
    static Problem integrity(const Event& e, std::string rule, std::string message) {
        return base(e, ErrorCode::integrity, std::move(rule), std::move(message));
    }
    static Problem unknown_member(const Event& e, const std::string& id) {
        return base(e, ErrorCode::unknown_name, "",
                    "member " + id + " is not in the organization's member list");
    }

    // ---- named members --------------------------------------------------------------------------------

    std::optional<std::uint32_t> find_member(std::string_view id) {
        if (members_.size() <= 16) {
            for (std::uint32_t i = 0; i < members_.size(); ++i)
                if (members_[i].id == id) return i;
            return std::nullopt;
        }
        if (index_.empty()) {
            index_.reserve(members_.size());
            for (std::uint32_t i = 0; i < members_.size(); ++i) index_.emplace_back(members_[i].id, i);
            std::sort(index_.begin(), index_.end());
        }
        auto it = std::lower_bound(index_.begin(), index_.end(), std::pair<std::string_view, std::uint32_t>{id, 0});
        if (it == index_.end() || it->first != id) return std::nullopt;
        return it->second;
    }
    std::vector<Membership>& slots() {
        if (slots_.size() != members_.size()) slots_.resize(members_.size());
        return slots_;
    }
    Membership& slot(std::string_view id) { return slots()[*find_member(id)]; }
    const Member& member(std::string_view id) { return members_[*find_member(id)]; }

    OrgKind registered_as_;
    std::span<const Member> members_;
    OrgState state_;
    std::vector<Membership> slots_;
    std::vector<std::pair<std::string_view, std::uint32_t>> index_;
    std::vector<std::int32_t> closed_years_;
    std::vector<std::pair<std::string, std::int32_t>> ocop_products_;  // product name, latest stars
};

}  // namespace coopecon
