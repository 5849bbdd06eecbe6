#include <coopecon/core/article.hpp>
#include <coopecon/operations/dissolution.hpp>

#include "operations/recording.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>

#include <vector>

namespace coopecon::operations {

namespace {

/// A dissolution cannot be completed before it began.
void completion_after(const Registry& reg, const std::string& org, Date start, const std::optional<Date>& end) {
    if (end && *end < start)
        throw Error(detail::input_problem(reg, ErrorCode::invalid_value, org, "completed_on",
                                          EventType::dissolution_completed, *end, "",
                                          "the dissolution is completed on " + end->iso() + ", before it began on " +
                                              start.iso()));
}

}  // namespace

Changes dissolve_voluntarily(Registry& reg, const VoluntaryDissolution& d) {
    completion_after(reg, d.organization, d.resolved_on, d.completed_on);
    std::vector<Event> events{{d.resolved_on, DissolutionResolved{DissolutionBasis::members_resolution, d.approval_percent}}};
    if (d.completed_on) events.push_back({*d.completed_on, DissolutionCompleted{d.completed_by}});
    return detail::record(reg, d.organization, std::move(events));
}

Changes cancel_dissolution(Registry& reg, const std::string& organization, Date on) {
    return detail::record(reg, organization, {{on, DissolutionCancelled{}}});
}

Changes complete_dissolution(Registry& reg, const std::string& organization, Date on, CompletionMode by) {
    return detail::record(reg, organization, {{on, DissolutionCompleted{by}}});
}

Changes dissolve_compulsorily(Registry& reg, const CompulsoryDissolution& d) {
    const bool revocation = d.basis == CompulsoryBasis::revocation;
    const auto event = revocation ? EventType::registration_revoked : EventType::dissolution_resolved;
    if (revocation && !d.ground)
        throw Error(detail::input_problem(reg, ErrorCode::missing_field, d.organization, "ground", event, d.ordered_on,
                                          "T10", "a revocation needs its ground of Law 17/2023/QH15 Art 103.1"));
    if (!revocation && d.ground)
        throw Error(detail::input_problem(reg, ErrorCode::invalid_value, d.organization, "ground", event, d.ordered_on,
                                          "", "a ground is given only for a revocation, not for " +
                                                  with_article(enum_name(d.basis))));
    if (revocation && *d.ground == RevocationGround::tax_enforcement)
        throw Error(detail::input_problem(
            reg, ErrorCode::rule_violation, d.organization, "ground", event, d.ordered_on, "T13",
            "a revocation at the tax authority's request does not dissolve the organization (its status becomes "
            "revoked_tax_enforcement); a compulsory dissolution needs a ground of Art 103.1 or a court decision"));
    completion_after(reg, d.organization, d.ordered_on, d.completed_on);
    std::vector<Event> events;
    if (revocation) events.push_back({d.ordered_on, RegistrationRevoked{*d.ground}});
    else
        events.push_back({d.ordered_on, DissolutionResolved{d.basis == CompulsoryBasis::court_decision
                                                                 ? DissolutionBasis::court_decision
                                                                 : DissolutionBasis::authority_decision,
                                                             std::nullopt}});
    if (d.completed_on) events.push_back({*d.completed_on, DissolutionCompleted{d.completed_by}});
    return detail::record(reg, d.organization, std::move(events));
}

}  // namespace coopecon::operations
