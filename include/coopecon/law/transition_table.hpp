#pragma once
// The transition table: the one place that decides which event may happen to which kind of organisation in
// which legal status, what status follows, and which guard (a legal number read from the framework at the
// event's date) must hold. Rows T1–T18 follow the domain reference §3.2 (Decree 92/2024/NĐ-CP and the Laws
// on Cooperatives), G-rows are the cooperative-group variants (§3.3), C1 the conversion of a group, and the
// record.* rows admit events that change figures but not status.
//
// A refusal is a Problem naming the rule and the legal basis in force on the event's date.
//
// The table and the lookups a replay of a validated history makes for every event (find_transition,
// apply_target, keeps_status) are constant data and constexpr functions here; decide() and the guards, which
// only validation calls, are compiled in the library.

#include <coopecon/core/error.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization_kind.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace coopecon::law {

/// What follows an allowed transition.
enum class Target : std::uint8_t {
    same,  // status unchanged
    active,
    suspended,
    revoked_tax_enforcement,
    in_dissolution,
    in_reorganization,
    in_bankruptcy,
    terminated,
    restore,  // back to the status before the dissolution or revocation (OrgState::restore_to)
};

/// Bit sets over statuses (bit 7: not yet registered) and kinds.
using StatusMask = std::uint16_t;
using KindMask = std::uint8_t;

constexpr StatusMask bit(LegalStatus s) noexcept { return static_cast<StatusMask>(1u << static_cast<unsigned>(s)); }
constexpr KindMask bit(OrgKind k) noexcept { return static_cast<KindMask>(1u << static_cast<unsigned>(k)); }

inline constexpr StatusMask unregistered = 1u << 7;
inline constexpr StatusMask live = bit(LegalStatus::active) | bit(LegalStatus::suspended);
inline constexpr StatusMask existing = 0x7F & ~bit(LegalStatus::terminated);
inline constexpr KindMask group_kind = bit(OrgKind::cooperative_group);
inline constexpr KindMask coop_kinds = bit(OrgKind::cooperative) | bit(OrgKind::union_of_cooperatives);
inline constexpr KindMask all_kinds = group_kind | coop_kinds;

/// Which dissolution track a row requires (rows completing or undoing a dissolution differ by its origin).
enum class TrackRule : std::uint8_t { any, voluntary, compulsory, revocation };

/// The payload detail that selects between rows of the same event type (a number below 4).
template <class Payload>
constexpr unsigned selector(const Payload&) noexcept {
    return 0;
}
constexpr unsigned selector(const DissolutionResolved& d) noexcept { return static_cast<unsigned>(d.basis); }
constexpr unsigned selector(const DissolutionCompleted& d) noexcept { return static_cast<unsigned>(d.by); }
constexpr unsigned selector(const RegistrationRevoked& r) noexcept {
    return r.ground == RevocationGround::tax_enforcement ? 1 : 0;
}
constexpr unsigned selector(const ReorganizationStarted& r) noexcept { return ends_organization(r.form) ? 1 : 0; }
constexpr unsigned selector(const ReorganizationCompleted& r) noexcept { return ends_organization(r.form) ? 1 : 0; }
COOPECON_EXPORT unsigned selector(const Event& e) noexcept;

/// What a guard sees: the state before the event, the event, the framework, and the member total.
struct GuardInput {
    const OrgState& state;
    const Event& event;
    const Framework& law;
};

/// A guard returns the reason for refusing, or nothing.
using Guard = std::optional<std::string> (*)(const GuardInput&);

struct Transition {
    std::string_view id;
    EventType event;
    std::uint8_t selectors;  // bit set of selector values this row matches
    KindMask kinds;
    StatusMask from;
    TrackRule track;
    Target to;
    Guard guard;
    std::string_view summary;
};

/// The guards of the table's rows (bodies in the library: only validation calls them, through decide).
namespace detail {

/// A suspension notice covers at most N months (2023 Law Art 96.1; Decree 92/2024/NĐ-CP Art 47.1, 62.1).
COOPECON_EXPORT std::optional<std::string> suspension_period(const GuardInput& in);
/// Dissolution and reorganisation resolutions need the special majority of the votes present.
COOPECON_EXPORT std::optional<std::string> special_resolution(const GuardInput& in);
/// Terminating a cooperative group needs the share of its members the law requires.
COOPECON_EXPORT std::optional<std::string> group_termination_consent(const GuardInput& in);
/// Completion by lapse: only once the period has run since the dissolution began, and only where the law
/// in force provides for it.
COOPECON_EXPORT std::optional<std::string> cooperative_lapse(const GuardInput& in);
COOPECON_EXPORT std::optional<std::string> group_lapse(const GuardInput& in);
/// A voluntary dissolution may be cancelled while its lapse period has not run (Decree 92/2024/NĐ-CP Art 50.6).
COOPECON_EXPORT std::optional<std::string> cancel_window(const GuardInput& in);
/// Under the 2012 Law the People's Committee could order dissolution (Art 54.2); from 2024-07-01 only a court
/// or a revocation can (2023 Law Art 97.1b).
COOPECON_EXPORT std::optional<std::string> dissolution_order(const GuardInput& in);
/// A reorganisation completes as the form it was started as.
COOPECON_EXPORT std::optional<std::string> completes_started_reorganization(const GuardInput& in);
/// The not-at-address flag is set only when clear, and cleared only when set.
COOPECON_EXPORT std::optional<std::string> flag_not_set(const GuardInput& in);
COOPECON_EXPORT std::optional<std::string> flag_set(const GuardInput& in);
/// A cooperative group may become a cooperative after operating N months, with all members agreeing
/// (2023 Law Art 108.1), when it has the official members a cooperative is founded with (Art 4.7). The law
/// provides for it from 2024-07-01 only.
COOPECON_EXPORT std::optional<std::string> conversion(const GuardInput& in);

}  // namespace detail

// clang-format off
inline constexpr std::array<Transition, 45> transitions{{
    {"T1",  EventType::registered, 0b0001, coop_kinds, unregistered, TrackRule::any, Target::active, nullptr,
     "registration certificate issued: the cooperative or union exists and is active"},
    {"G1",  EventType::registered, 0b0001, group_kind, unregistered, TrackRule::any, Target::active, nullptr,
     "cooperative group registered (or its contract signed)"},
    {"T2",  EventType::suspended, 0b0001, coop_kinds, bit(LegalStatus::active), TrackRule::any, Target::suspended,
     detail::suspension_period, "suspension notified, at most the legal maximum per notice"},
    {"T3",  EventType::suspended, 0b0001, coop_kinds, bit(LegalStatus::suspended), TrackRule::any, Target::suspended,
     detail::suspension_period, "suspension extended by a new notice, again at most the maximum"},
    {"T4",  EventType::resumed, 0b0001, coop_kinds, bit(LegalStatus::suspended), TrackRule::any, Target::active, nullptr,
     "business resumed before the notified end"},
    {"G2",  EventType::suspended, 0b0001, group_kind, bit(LegalStatus::active), TrackRule::any, Target::suspended,
     detail::suspension_period, "cooperative group suspension notified"},
    {"G3",  EventType::suspended, 0b0001, group_kind, bit(LegalStatus::suspended), TrackRule::any, Target::suspended,
     detail::suspension_period, "cooperative group suspension extended"},
    {"G4",  EventType::resumed, 0b0001, group_kind, bit(LegalStatus::suspended), TrackRule::any, Target::active, nullptr,
     "cooperative group resumed"},
    {"T5",  EventType::business_line_suspended, 0b0001, coop_kinds, live, TrackRule::any, Target::same, nullptr,
     "a business line suspended by the registration office, an authority or a court; the status is unchanged"},
    {"T6",  EventType::dissolution_resolved, 0b0001, coop_kinds, live, TrackRule::any, Target::in_dissolution,
     detail::special_resolution, "voluntary dissolution resolved by the general assembly"},
    {"G6",  EventType::dissolution_resolved, 0b0001, group_kind, live, TrackRule::any, Target::in_dissolution,
     detail::group_termination_consent, "members agree to terminate the cooperative group"},
    {"T7",  EventType::dissolution_completed, 0b0001, coop_kinds, bit(LegalStatus::in_dissolution), TrackRule::voluntary,
     Target::terminated, nullptr, "voluntary dissolution completed on the dossier, debts and taxes settled"},
    {"T8",  EventType::dissolution_completed, 0b0010, coop_kinds, bit(LegalStatus::in_dissolution), TrackRule::voluntary,
     Target::terminated, detail::cooperative_lapse, "voluntary dissolution completed by lapse, no dossier and no objection"},
    {"T9",  EventType::dissolution_cancelled, 0b0001, coop_kinds, bit(LegalStatus::in_dissolution), TrackRule::voluntary,
     Target::restore, detail::cancel_window, "the general assembly cancels its dissolution resolution"},
    {"G7",  EventType::dissolution_completed, 0b0001, group_kind, bit(LegalStatus::in_dissolution), TrackRule::any,
     Target::terminated, nullptr, "cooperative group termination completed on the dossier"},
    {"G8",  EventType::dissolution_completed, 0b0010, group_kind, bit(LegalStatus::in_dissolution), TrackRule::any,
     Target::terminated, detail::group_lapse, "cooperative group termination completed by lapse"},
    {"T10", EventType::registration_revoked, 0b0001, coop_kinds, live, TrackRule::any, Target::in_dissolution, nullptr,
     "registration revoked on a ground of Art 103: compulsory dissolution"},
    {"G10", EventType::registration_revoked, 0b0001, group_kind, live, TrackRule::any, Target::in_dissolution, nullptr,
     "cooperative group registration revoked: termination"},
    {"T11", EventType::dissolution_resolved, 0b0110, coop_kinds, live | bit(LegalStatus::revoked_tax_enforcement),
     TrackRule::any, Target::in_dissolution, detail::dissolution_order, "compulsory dissolution ordered by a court (or, under the 2012 Law, the People's Committee)"},
    {"G11", EventType::dissolution_resolved, 0b0110, group_kind, live | bit(LegalStatus::revoked_tax_enforcement),
     TrackRule::any, Target::in_dissolution, nullptr, "cooperative group terminated by decision of a competent authority"},
    {"T12", EventType::dissolution_completed, 0b0011, coop_kinds, bit(LegalStatus::in_dissolution), TrackRule::compulsory,
     Target::terminated, detail::cooperative_lapse, "compulsory dissolution completed on the dossier or by lapse"},
    {"T13", EventType::registration_revoked, 0b0010, all_kinds, live, TrackRule::any, Target::revoked_tax_enforcement,
     nullptr, "registration revoked at the tax authority's request, without dissolution"},
    {"T14", EventType::revocation_withdrawn, 0b0001, all_kinds, bit(LegalStatus::revoked_tax_enforcement), TrackRule::any,
     Target::restore, nullptr, "revocation for tax enforcement withdrawn: the previous status returns"},
    {"T14", EventType::revocation_withdrawn, 0b0001, all_kinds, bit(LegalStatus::in_dissolution), TrackRule::revocation,
     Target::restore, nullptr, "revocation withdrawn, it was not a case for revocation: the previous status returns"},
    {"T15", EventType::reorganization_started, 0b0010, coop_kinds, live, TrackRule::any, Target::in_reorganization,
     detail::special_resolution, "division, consolidation or merger resolved: the organisation will end"},
    {"T15", EventType::reorganization_started, 0b0001, coop_kinds, live, TrackRule::any, Target::same,
     detail::special_resolution, "split-off or receiving merger resolved: the organisation continues"},
    {"T16", EventType::reorganization_completed, 0b0010, coop_kinds, bit(LegalStatus::in_reorganization), TrackRule::any,
     Target::terminated, detail::completes_started_reorganization, "reorganisation completed after tax finalisation: the organisation ends"},
    {"T16", EventType::reorganization_completed, 0b0001, coop_kinds, live, TrackRule::any, Target::same, nullptr,
     "split-off or receiving merger completed: the organisation continues"},
    {"T17", EventType::bankruptcy_opened, 0b0001, coop_kinds,
     live | bit(LegalStatus::in_dissolution) | bit(LegalStatus::revoked_tax_enforcement) | bit(LegalStatus::in_reorganization),
     TrackRule::any, Target::in_bankruptcy, nullptr, "the court opens bankruptcy proceedings"},
    {"T17", EventType::bankruptcy_declared, 0b0001, coop_kinds, bit(LegalStatus::in_bankruptcy), TrackRule::any,
     Target::terminated, nullptr, "the court declares the organisation bankrupt"},
    {"T18", EventType::address_flag_set, 0b0001, all_kinds, live, TrackRule::any, Target::same, detail::flag_not_set,
     "the tax authority finds it not operating at its registered address"},
    {"T18", EventType::address_flag_cleared, 0b0001, all_kinds, existing, TrackRule::any, Target::same, detail::flag_set,
     "the tax authority clears the not-at-address flag"},
    {"C1",  EventType::converted_to_cooperative, 0b0001, group_kind, bit(LegalStatus::active), TrackRule::any,
     Target::same, detail::conversion, "a cooperative group becomes a cooperative keeping its code"},
    {"record.members", EventType::member_joined, 0b0001, all_kinds, existing, TrackRule::any, Target::same, nullptr,
     "membership changes are recorded until the organisation ends"},
    {"record.members", EventType::member_left, 0b0001, all_kinds, existing, TrackRule::any, Target::same, nullptr,
     "membership changes are recorded until the organisation ends"},
    {"record.members", EventType::members_joined, 0b0001, all_kinds, existing, TrackRule::any, Target::same, nullptr,
     "membership changes are recorded until the organisation ends"},
    {"record.members", EventType::members_left, 0b0001, all_kinds, existing, TrackRule::any, Target::same, nullptr,
     "membership changes are recorded until the organisation ends"},
    {"record.assembly", EventType::assembly_held, 0b0001, all_kinds, existing, TrackRule::any, Target::same, nullptr,
     "general assemblies are recorded until the organisation ends"},
    {"record.report", EventType::report_filed, 0b0001, all_kinds, existing, TrackRule::any, Target::same, nullptr,
     "reports are recorded until the organisation ends"},
    {"record.financials", EventType::financial_year_closed, 0b0001, all_kinds, existing, TrackRule::any, Target::same,
     nullptr, "financial years are recorded until the organisation ends"},
    {"record.capital", EventType::capital_changed, 0b0001, all_kinds, existing, TrackRule::any, Target::same, nullptr,
     "charter capital changes are recorded until the organisation ends"},
    {"record.assessment", EventType::assessed, 0b0001, all_kinds, existing, TrackRule::any, Target::same, nullptr,
     "classification assessments are recorded until the organisation ends"},
    {"record.certification", EventType::certified, 0b0001, all_kinds, existing, TrackRule::any, Target::same, nullptr,
     "certifications are recorded until the organisation ends"},
    {"record.ocop", EventType::ocop_rated, 0b0001, all_kinds, existing, TrackRule::any, Target::same, nullptr,
     "OCOP ratings are recorded until the organisation ends"},
    {"record.sanction", EventType::sanctioned, 0b0001, all_kinds, existing, TrackRule::any, Target::same, nullptr,
     "administrative sanctions are recorded until the organisation ends"},
}};
// clang-format on

constexpr bool track_matches(TrackRule rule, DissolutionTrack track) noexcept {
    switch (rule) {
        case TrackRule::any: return true;
        case TrackRule::voluntary: return track == DissolutionTrack::voluntary;
        case TrackRule::compulsory:
            return track == DissolutionTrack::court_or_authority || track == DissolutionTrack::revocation;
        case TrackRule::revocation: return track == DissolutionTrack::revocation;
    }
    return false;
}

constexpr StatusMask status_bit(const OrgState& s) noexcept { return s.registered ? bit(s.status) : unregistered; }

/// The rows of each event type, in table order: a lookup reads only its event's rows (replays do one per event).
struct EventRows {
    std::array<std::uint8_t, transitions.size()> row{};
    std::uint8_t count = 0;
};
inline constexpr auto rows_by_event = [] {
    std::array<EventRows, std::variant_size_v<EventData>> out{};
    for (std::size_t i = 0; i < transitions.size(); ++i) {
        auto& rows = out[static_cast<std::size_t>(transitions[i].event)];
        rows.row[rows.count++] = static_cast<std::uint8_t>(i);
    }
    return out;
}();

/// Per event type: whether every row of the type leaves the status as it is (Target::same), so that a replay of a
/// validated history need not look the event up at all.
inline constexpr auto keeps_status = [] {
    std::array<bool, std::variant_size_v<EventData>> out{};
    out.fill(true);
    for (const auto& t : transitions)
        if (t.to != Target::same) out[static_cast<std::size_t>(t.event)] = false;
    return out;
}();

/// The row that applies to an event with this type and selector, for this state; nullptr when none does.
/// Guards are not evaluated here: replaying a history that was validated when it was recorded needs only this.
constexpr const Transition* find_transition(EventType type, unsigned sel, const OrgState& s) noexcept {
    const auto& rows = rows_by_event[static_cast<std::size_t>(type)];
    for (std::size_t k = 0; k < rows.count; ++k) {
        const auto& t = transitions[rows.row[k]];
        if ((t.selectors >> sel & 1u) && (t.kinds & bit(s.kind)) && (t.from & status_bit(s)) &&
            track_matches(t.track, s.dissolution))
            return &t;
    }
    return nullptr;
}

constexpr LegalStatus apply_target(Target t, const OrgState& s) noexcept {
    switch (t) {
        case Target::same: return s.status;
        case Target::active: return LegalStatus::active;
        case Target::suspended: return LegalStatus::suspended;
        case Target::revoked_tax_enforcement: return LegalStatus::revoked_tax_enforcement;
        case Target::in_dissolution: return LegalStatus::in_dissolution;
        case Target::in_reorganization: return LegalStatus::in_reorganization;
        case Target::in_bankruptcy: return LegalStatus::in_bankruptcy;
        case Target::terminated: return LegalStatus::terminated;
        case Target::restore: return s.restore_to;
    }
    return s.status;
}

/// The outcome of asking the table about one event.
struct Decision {
    const Transition* rule = nullptr;  // the row that allowed the event (nullptr when refused)
    LegalStatus to = LegalStatus::active;
    std::optional<Problem> refusal;

    explicit operator bool() const noexcept { return !refusal; }
};

/// Decides an event against the state just before it (suspensions that ran out already settled).
/// The refusal names the event, its date, the rule and the legal basis in force on that date; the caller adds
/// the organisation.
COOPECON_EXPORT Decision decide(const OrgState& s, const Event& e, const Framework& law);

}  // namespace coopecon::law
