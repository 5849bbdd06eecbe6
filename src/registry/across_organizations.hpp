#pragma once
// The integrity rules that tie organisations together, judged whenever organisations are added or changed
// (docs/legal-rules.md, "Reorganisations across organisations"):
//
// - no organisation names itself, as predecessor, counterpart or member (integrity.self_reference);
// - no organisation is formed, through its predecessors, from itself (integrity.reorganization_cycle);
// - a successor is registered on the day its predecessor's reorganisation completes
//   (integrity.successor_registered_on_completion);
// - the two sides of a reorganisation name each other (integrity.reorganization_counterparts);
// - what the organisations concerned give on that day, their successors receive
//   (integrity.reorganization_transfer);
// - a member organisation exists, and the official members of a union are cooperatives when they join
//   (member.union_official_is_cooperative, integrity.member_organization).
//
// Private to the registry (src/registry/registry.cpp).

#include <coopecon/core/date.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/history/event_log.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/model/organization.hpp>

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace coopecon::detail {

/// An event that names other organisations: a registration as a successor, a reorganisation started or completed.
struct Link {
    EventType type = EventType::registered;
    Date date;
    ReorganizationForm form = ReorganizationForm::division;
    std::vector<std::string> ids;  // predecessors or counterparts
    std::string path;              // of the event in the caller's input
    bool given = true;             // false for an event recorded before: it was judged then
};

/// The link an event makes, if it makes one.
std::optional<Link> link_of(const Event& e, std::string path);

/// One organisation as these checks see it: being added or changed (`links` given, paths into the input), or
/// recorded before (its links are read from its log when needed).
struct OrgView {
    const Organization* org = nullptr;
    std::span<const Member> members;
    EventLog log;
    const std::vector<Link>* links = nullptr;  // null: read from `log`
    std::string where;                         // path of the organisation in the input: organizations[i], or ""
};

/// The organisation with this id as the change would leave it, or nullopt when it does not exist (or was refused).
using FindOrg = std::function<std::optional<OrgView>(std::string_view id)>;

/// Adds to `problems` every broken rule above that involves one of `touched`.
void check_across_organizations(const law::Framework& law, std::span<const OrgView> touched, const FindOrg& find,
                                Problems& problems);

}  // namespace coopecon::detail
