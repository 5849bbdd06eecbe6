#pragma once
// What each event does to a replayed state, and detail::apply_event, the body of Replay::apply. Inline and private
// to the library: a loop that replays millions of histories (the snapshot blocks, the condition scan) includes
// this header and calls apply_event, so that decoding an event and applying it compile into one piece. Replay::apply
// (src/history/replay.cpp) is the exported instantiation for other callers.

#include <coopecon/history/replay.hpp>
#include <coopecon/law/period.hpp>
#include <coopecon/law/transition_table.hpp>

#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>

namespace coopecon {

struct Replay::Effects {
    Replay& r;

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

    void operator()(Date d, const Registered& p) {
        auto& s = r.state_;
        s.registered = true;
        s.kind = r.registered_as_;
        s.registered_on = d;
        s.status_since = d;
        s.charter_capital = p.charter_capital;
        s.indivisible_fund = p.indivisible_fund.value_or(0);
    }
    void operator()(Date, const Suspended& p) { r.state_.suspended_until = p.until; }
    void operator()(Date, const Resumed&) {}
    void operator()(Date d, const MemberJoined& p) {
        auto& m = slot(p.member);
        m = {true, p.kind, p.capital};
        count(d, p.kind, member(p.member).type, member(p.member).foreign_investor ? 1 : 0, 1, p.capital, +1);
    }
    void operator()(Date d, const MemberLeft& p) {
        auto& m = slot(p.member);
        count(d, m.kind, member(p.member).type, member(p.member).foreign_investor ? 1 : 0, 1, m.capital, -1);
        m.current = false;
    }
    void operator()(Date d, const MembersJoined& p) {
        count(d, p.kind, p.member_type, p.foreign_investors, p.count, p.capital, +1);
    }
    void operator()(Date d, const MembersLeft& p) {
        count(d, p.kind, p.member_type, p.foreign_investors, p.count, p.capital, -1);
    }
    void operator()(Date d, const AssemblyHeld& p) {
        if (p.kind == AssemblyKind::annual) r.state_.last_annual_assembly = d;
    }
    void operator()(Date d, const ReportFiled&) { r.state_.last_report = d; }
    void operator()(Date, const FinancialYearClosed& p) {
        auto& s = r.state_;
        if (!s.latest_financials || s.latest_financials->year < p.year) {
            s.latest_financials = p;
            s.indivisible_fund = p.indivisible_fund;
        }
    }
    void operator()(Date, const CapitalChanged& p) { r.state_.charter_capital = p.charter_capital; }
    void operator()(Date, const BusinessLineSuspended&) {}
    void operator()(Date, const ReorganizationStarted& p) {
        if (ends_organization(p.form)) r.state_.reorganization = p.form;
    }
    /// An organisation that ends by division, consolidation or merger passes on all it holds (Law 17/2023/QH15
    /// Art 92–95): its members, charter capital and indivisible fund leave with it, whether or not its history
    /// records them leaving. What its successors receive they record (docs/legal-rules.md).
    void operator()(Date d, const ReorganizationCompleted& p) {
        auto& s = r.state_;
        s.reorganization.reset();
        const Dong carried = p.indivisible_fund.value_or(0);
        s.indivisible_fund += p.form == ReorganizationForm::merger_receiving ? carried : -carried;
        if (!ends_organization(p.form)) return;
        if (s.members != MemberCounts{}) s.last_member_change = d;
        s.members = MemberCounts{};
        for (auto& m : r.slots_) m.current = false;
        s.charter_capital = 0;
        s.indivisible_fund = 0;
    }
    void operator()(Date d, const ConvertedToCooperative&) {
        r.state_.kind = OrgKind::cooperative;
        r.state_.converted_on = d;
    }
    void operator()(Date, const DissolutionResolved& p) {
        r.state_.dissolution = p.basis == DissolutionBasis::members_resolution ? DissolutionTrack::voluntary
                                                                               : DissolutionTrack::court_or_authority;
    }
    void operator()(Date, const DissolutionCancelled&) { r.state_.dissolution = DissolutionTrack::none; }
    void operator()(Date, const DissolutionCompleted&) {}
    void operator()(Date, const RegistrationRevoked& p) {
        if (p.ground != RevocationGround::tax_enforcement) r.state_.dissolution = DissolutionTrack::revocation;
    }
    void operator()(Date, const RevocationWithdrawn&) { r.state_.dissolution = DissolutionTrack::none; }
    void operator()(Date, const BankruptcyOpened&) {}
    void operator()(Date, const BankruptcyDeclared&) {}
    void operator()(Date, const AddressFlagSet&) { r.state_.not_at_address = true; }
    void operator()(Date, const AddressFlagCleared&) { r.state_.not_at_address = false; }
    void operator()(Date, const Assessed& p) {
        auto& s = r.state_;
        if (s.latest_assessment && s.latest_assessment->year > p.year) return;
        std::int32_t points = 0;
        for (auto x : p.points) points += x;
        s.latest_assessment = AssessmentSummary{p.year, p.scheme, points};
    }
    void operator()(Date, const Certified& p) {
        r.state_.certified_until[static_cast<std::size_t>(p.certification)] = p.valid_until.value_or(Date::max());
    }
    /// A product rated again keeps only its latest stars.
    void operator()(Date, const OcopRated& p) {
        auto& products = r.ocop_products_;
        const auto stars = p.stars ? *p.stars : ocop_stars_for_score(*p.score);
        auto it = std::find_if(products.begin(), products.end(),
                               [&](const auto& product) { return product.first == p.product; });
        if (it == products.end()) {
            products.emplace_back(p.product, stars);
        } else {
            --r.state_.ocop_products_by_stars[static_cast<std::size_t>(it->second - 1)];
            it->second = stars;
        }
        ++r.state_.ocop_products_by_stars[static_cast<std::size_t>(stars - 1)];
    }
    void operator()(Date d, const Sanctioned&) { r.state_.last_sanction_year = d.year(); }

    /// Always inlined: in the snapshot loop GCC otherwise leaves it a call, which costs a snapshot about 3 %.
    [[gnu::always_inline]] void count(Date d, MemberKind kind, MemberType type, std::int32_t foreign, std::int32_t n,
                                      Dong capital, int sign) {
        r.state_.last_member_change = d;
        auto& c = r.state_.members;
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

    // ---- named members --------------------------------------------------------------------------------

    std::optional<std::uint32_t> find_member(std::string_view id) {
        const auto& members = r.members_;
        if (members.size() <= 16) {
            for (std::uint32_t i = 0; i < members.size(); ++i)
                if (members[i].id == id) return i;
            return std::nullopt;
        }
        auto& index = r.index_;
        if (index.empty()) {
            index.reserve(members.size());
            for (std::uint32_t i = 0; i < members.size(); ++i) index.emplace_back(members[i].id, i);
            std::sort(index.begin(), index.end());
        }
        auto it = std::lower_bound(index.begin(), index.end(), std::pair<std::string_view, std::uint32_t>{id, 0});
        if (it == index.end() || it->first != id) return std::nullopt;
        return it->second;
    }
    std::vector<Membership>& slots() {
        if (r.slots_.size() != r.members_.size()) r.slots_.resize(r.members_.size());
        return r.slots_;
    }
    Membership& slot(std::string_view id) { return slots()[*find_member(id)]; }
    const Member& member(std::string_view id) { return r.members_[*find_member(id)]; }
};

template <class Payload>
inline void detail::apply_event(Replay& replay, Date d, const Payload& p) {
    replay.settle(d);
    auto& state = replay.state_;
    const LegalStatus before = state.status;
    constexpr EventType type = Replay::Effects::type_of<Payload>();
    if constexpr (!law::keeps_status[static_cast<std::size_t>(type)]) {
        if (const auto* row = law::find_transition(type, law::selector(p), state))
            state.status = law::apply_target(row->to, state);
    }
    Replay::Effects{replay}(d, p);
    // A suspension restored (T9, T14) after its notified end has run out: active again.
    if (state.status == LegalStatus::suspended && state.suspended_until && *state.suspended_until < d)
        state.status = LegalStatus::active;
    if (state.status != before) {
        state.status_since = d;
        if (state.status == LegalStatus::terminated) state.ended_by = Replay::Effects::ending_of<Payload>();
        if (is_live(before) && !is_live(state.status)) state.restore_to = before;
        // The notified end is kept while a cancellation or withdrawal may restore the suspension.
        if (state.status == LegalStatus::in_dissolution) {
            // The office received the resolution or gave notice on d; the lapse period counts from the next day.
            const auto p = state.kind == OrgKind::cooperative_group ? law::Param::group_termination_lapse_months
                                                                    : law::Param::dissolution_lapse_months;
            state.lapses_on = law::period_runs_out(*replay.law_, p, d.plus_days(1), law::AcrossLawChange::by_rule);
        } else {
            state.lapses_on.reset();
        }
        const bool restorable = state.status == LegalStatus::in_dissolution ||
                                state.status == LegalStatus::revoked_tax_enforcement;
        if (state.status != LegalStatus::suspended && !restorable) state.suspended_until.reset();
    }
}

}  // namespace coopecon
