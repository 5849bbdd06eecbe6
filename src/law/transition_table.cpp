#include <coopecon/core/enum_text.hpp>
#include <coopecon/law/period.hpp>
#include <coopecon/law/transition_table.hpp>

#include <utility>

namespace coopecon::law {

namespace {

std::string months_text(std::int64_t n) { return std::to_string(n) + (n == 1 ? " month" : " months"); }

/// "12 (Law 17/2023/QH15 Art 96.1)": a legal number with its source, for messages.
std::string cite(const Dated<std::int64_t>& e) {
    return e.reference.empty() ? std::string() : " (" + e.reference + (e.unconfirmed ? ", UNCONFIRMED" : "") + ")";
}

std::optional<std::string> approval_at_least(const GuardInput& in, std::optional<std::int32_t> approval, Param p) {
    if (!approval) return std::nullopt;
    if (*approval < 0 || *approval > 100) return "approval_percent " + std::to_string(*approval) + " is not a percentage";
    const auto* need = in.law.entry(p, in.event.date);
    if (need && *approval < need->value)
        return "approved by " + std::to_string(*approval) + " % of votes, below the " + std::to_string(need->value) +
               " % required" + cite(*need);
    return std::nullopt;
}

/// A completion by lapse written in a history: the replay derives the termination on the lapse day
/// (OrgState::lapses_on), so a record of it can only come early, and is refused.
std::optional<std::string> lapse_after(const GuardInput& in, Param p) {
    if (in.event.get<DissolutionCompleted>()->by != CompletionMode::lapse) return std::nullopt;
    const auto* months = in.law.entry(p, in.state.status_since.plus_days(1));
    if (!in.state.lapses_on)
        return "completion by lapse is not provided for by the law in force on " + in.event.date.iso();
    if (in.event.date < *in.state.lapses_on)
        return "completion by lapse comes after " + (months ? months_text(months->value) + cite(*months) : "the period") +
               " counted from the day after the dissolution began on " + in.state.status_since.iso() +
               " (Civil Code Art 147, 148), so not before " + in.state.lapses_on->iso();
    return std::nullopt;
}

}  // namespace

unsigned selector(const Event& e) noexcept {
    return std::visit([](const auto& p) { return selector(p); }, e.data);
}

namespace detail {

std::optional<std::string> suspension_period(const GuardInput& in) {
    const auto& s = *in.event.get<Suspended>();
    if (s.until < in.event.date)
        return "the suspension ends (" + s.until.iso() + ") before it starts (" + in.event.date.iso() + ")";
    const auto* cap = in.law.entry(Param::suspension_max_months, in.event.date);
    if (!cap) return std::nullopt;
    const Date last_allowed = in.event.date.plus_months(cap->value).plus_days(-1);
    if (s.until > last_allowed)
        return "the notice runs from " + in.event.date.iso() + " to " + s.until.iso() + ", longer than the " +
               months_text(cap->value) + " one notice may cover" + cite(*cap) + "; the latest end allowed is " +
               last_allowed.iso();
    return std::nullopt;
}

std::optional<std::string> special_resolution(const GuardInput& in) {
    if (const auto* d = in.event.get<DissolutionResolved>())
        return approval_at_least(in, d->approval_percent, Param::special_resolution_percent);
    return approval_at_least(in, in.event.get<ReorganizationStarted>()->approval_percent,
                             Param::special_resolution_percent);
}

std::optional<std::string> group_termination_consent(const GuardInput& in) {
    return approval_at_least(in, in.event.get<DissolutionResolved>()->approval_percent,
                             Param::group_termination_consent_percent);
}

std::optional<std::string> cooperative_lapse(const GuardInput& in) {
    return lapse_after(in, Param::dissolution_lapse_months);
}

std::optional<std::string> group_lapse(const GuardInput& in) {
    return lapse_after(in, Param::group_termination_lapse_months);
}

std::optional<std::string> cancel_window(const GuardInput& in) {
    const auto* months = in.law.entry(Param::dissolution_cancel_window_months, in.event.date);
    if (!months) return "cancelling a dissolution is not provided for by the law in force on " + in.event.date.iso();
    const Date end = day_after_months(in.state.status_since, months->value);
    if (in.event.date >= end)
        return "the dissolution began on " + in.state.status_since.iso() + "; it could be cancelled only until " +
               end.plus_days(-1).iso() + " (" + months_text(months->value) + cite(*months) +
               ", counted from the next day, Civil Code Art 147, 148)";
    return std::nullopt;
}

std::optional<std::string> dissolution_order(const GuardInput& in) {
    if (in.event.get<DissolutionResolved>()->basis != DissolutionBasis::authority_decision) return std::nullopt;
    const auto* allowed = in.law.entry(Param::authority_dissolution_allowed, in.event.date);
    if (!allowed || allowed->value == 0)
        return "no administrative authority may order a dissolution under the law in force on " +
               in.event.date.iso() + (allowed ? cite(*allowed) : std::string()) +
               "; a court decision or a revoked registration is needed";
    return std::nullopt;
}

std::optional<std::string> completes_started_reorganization(const GuardInput& in) {
    const auto form = in.event.get<ReorganizationCompleted>()->form;
    if (in.state.reorganization && *in.state.reorganization != form)
        return std::string("the reorganisation under way is a ") + std::string(enum_name(*in.state.reorganization)) +
               ", not a " + std::string(enum_name(form));
    return std::nullopt;
}

std::optional<std::string> flag_not_set(const GuardInput& in) {
    if (in.state.not_at_address) return "the organisation is already flagged as not at its registered address";
    return std::nullopt;
}

std::optional<std::string> flag_set(const GuardInput& in) {
    if (!in.state.not_at_address) return "the organisation is not flagged as not at its registered address";
    return std::nullopt;
}

std::optional<std::string> conversion(const GuardInput& in) {
    const auto* months = in.law.entry(Param::conversion_min_operating_months, in.event.date);
    if (!months)
        return "conversion of a cooperative group into a cooperative is not provided for by the law in force on " +
               in.event.date.iso();
    const Date earliest = day_after_months(in.state.registered_on, months->value);
    if (in.event.date < earliest)
        return "the group has operated since " + in.state.registered_on.iso() + ", less than the " +
               months_text(months->value) + cite(*months) + " required; it may convert from " + earliest.iso();
    const auto consenting = in.event.get<ConvertedToCooperative>()->consenting_members;
    const auto* share = in.law.entry(Param::conversion_consent_percent, in.event.date);
    const std::int64_t members = in.state.members.total();
    if (share && !consenting)
        return "consenting_members is needed: " + std::to_string(share->value) + " % of the members must agree" +
               cite(*share);
    if (consenting && share && *consenting * 100 < share->value * members)
        return std::to_string(*consenting) + " of " + std::to_string(members) + " members agreed; " +
               std::to_string(share->value) + " % must agree" + cite(*share);
    // The cooperative it becomes must meet the founding conditions of a cooperative on that day (Art 108 with
    // Art 4.7): at least the minimum of official members.
    const auto* minimum = in.law.entry(Param::min_members_cooperative, in.event.date);
    const std::int64_t official = in.state.members.official();
    if (minimum && official < minimum->value)
        return "the group has " + std::to_string(official) + " official member" + (official == 1 ? "" : "s") +
               " on " + in.event.date.iso() + "; the cooperative it becomes must be founded with at least " +
               std::to_string(minimum->value) + " official members" + cite(*minimum);
    return std::nullopt;
}

}  // namespace detail

Decision decide(const OrgState& s, const Event& e, const Framework& law) {
    Decision d;
    auto refuse = [&](ErrorCode code, std::string rule, std::string basis, std::string message) {
        Problem p;
        p.code = code;
        p.message = std::move(message);
        p.event = std::string(enum_name(e.type()));
        p.date = e.date;
        p.rule = std::move(rule);
        p.legal_basis = std::move(basis);
        d.refusal = std::move(p);
        return d;
    };
    if (!s.registered && e.type() != EventType::registered)
        return refuse(ErrorCode::integrity, "integrity.registered_first", "",
                      "the organization is not registered on this date: its history must start with a "
                      "registered event, and no event may be dated before it");
    if (s.registered && e.type() == EventType::registered)
        return refuse(ErrorCode::integrity, "integrity.single_registration", "",
                      "the organization was already registered on " + s.registered_on.iso());
    if (s.registered && s.status == LegalStatus::terminated)
        return refuse(ErrorCode::integrity, "integrity.after_termination", law.basis("integrity.after_termination", e.date),
                      "the organization was terminated on " + s.status_since.iso() + "; no event may follow");

    const unsigned sel = selector(e);
    const Transition* candidate = nullptr;
    const auto& rows = rows_by_event[static_cast<std::size_t>(e.type())];
    for (std::size_t k = 0; k < rows.count; ++k) {
        const auto& t = transitions[rows.row[k]];
        if (!(t.selectors >> sel & 1u) || !(t.kinds & bit(s.kind))) continue;
        if (!candidate) candidate = &t;
        if ((t.from & status_bit(s)) && track_matches(t.track, s.dissolution)) {
            if (t.guard) {
                if (auto why = t.guard(GuardInput{s, e, law}))
                    return refuse(ErrorCode::rule_violation, std::string(t.id), law.basis(t.id, e.date), *why);
            }
            d.rule = &t;
            d.to = apply_target(t.to, s);
            return d;
        }
    }
    auto lower = [](std::string_view text) {
        std::string out(text);
        if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
        return out;
    };
    const std::string kind_label = lower(label(s.kind).en);
    if (!candidate)
        return refuse(ErrorCode::rule_violation, "transition_table", "",
                      "no transition allows " + std::string(enum_name(e.type())) + " for a " + kind_label);
    std::string status_text = lower(label(s.status, s.kind).en);
    if (s.status == LegalStatus::in_dissolution && candidate->track != TrackRule::any)
        status_text += s.dissolution == DissolutionTrack::voluntary ? " (voluntary)" : " (compulsory)";
    return refuse(ErrorCode::rule_violation, std::string(candidate->id), law.basis(candidate->id, e.date),
                  std::string(enum_name(e.type())) + " is not allowed while the " + kind_label + " is " + status_text);
}

}  // namespace coopecon::law
