#pragma once
// Replaying one organisation's events into its state. The same effects serve two paths: `step` validates an
// event against the transition table and the integrity rules first (when recording), `apply` trusts a history
// that was validated when it was recorded (snapshots, state_at).
//
// The effects of each event are compiled in the library (src/history), where the loops that replay millions of
// histories inline them (detail::apply_event); `apply` is instantiated there for every payload type of EventData.

#include <coopecon/core/date.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coopecon {

class Replay;

namespace detail {
/// Replay::apply, inline where the library replays every history (src/history/replay_effects.hpp).
template <class Payload>
void apply_event(Replay& replay, Date d, const Payload& p);
}  // namespace detail

class COOPECON_EXPORT Replay {
public:
    /// `registered_as`: the kind the organisation was registered as; `members`: its member list; `law`: the
    /// framework that says when a dissolution completes by lapse (kept by reference: it must outlive the replay).
    Replay(OrgKind registered_as, std::span<const Member> members, const law::Framework& law)
        : registered_as_(registered_as), members_(members), law_(&law) {
        state_.kind = registered_as;
    }
    Replay(const Organization& org, std::span<const Member> members, const law::Framework& law)
        : Replay(org.kind, members, law) {}

    const OrgState& state() const noexcept { return state_; }

    /// What happens by itself by `d`: a suspension ends after its last notified day; a dissolution with no
    /// dossier and no objection terminates on its lapse day (OrgState::lapses_on). Inline: a snapshot settles
    /// every organisation at every date.
    void settle(Date d) noexcept {
        if (!state_.registered) return;
        if (state_.status == LegalStatus::suspended && state_.suspended_until && d > *state_.suspended_until) {
            state_.status = LegalStatus::active;
            state_.status_since = state_.suspended_until->plus_days(1);
            state_.suspended_until.reset();
        } else if (state_.status == LegalStatus::in_dissolution && state_.lapses_on && d >= *state_.lapses_on) {
            state_.status = LegalStatus::terminated;
            state_.status_since = *state_.lapses_on;
            state_.ended_by = Ending::dissolution;
            state_.suspended_until.reset();
        }
    }

    /// Validates `e` (dated on or after every event applied so far) and applies it when allowed.
    /// On refusal the state is unchanged and the problem names the event, date, rule and legal basis.
    std::optional<Problem> step(const Event& e, const law::Framework& law);

    /// Applies a validated event (compiled in the library for every payload type of EventData).
    template <class Payload>
    void apply(Date d, const Payload& p);

private:
    struct Membership {
        bool current = false;
        MemberKind kind = MemberKind::official;
        Dong capital = 0;
    };
    // What each event does beyond the status, and the checks before it (src/history).
    struct Effects;
    struct Checks;
    template <class Payload>
    friend void detail::apply_event(Replay& replay, Date d, const Payload& p);

    OrgKind registered_as_;
    std::span<const Member> members_;
    const law::Framework* law_;
    OrgState state_;
    std::vector<Membership> slots_;
    std::vector<std::pair<std::string_view, std::uint32_t>> index_;
    std::vector<std::int32_t> closed_years_;
    std::vector<std::pair<std::string, std::int32_t>> ocop_products_;  // product name, latest stars
};

}  // namespace coopecon
