#pragma once
// What a registry operation records, and how it is recorded all-or-nothing. An operation (dissolution,
// reorganisation, conversion, bankruptcy) builds Changes: new organisations with their whole histories, named
// members added to existing member lists, and events appended to existing organisations. commit() first judges
// every change exactly as the registry will — the same replay through the transition table, in the same order —
// and reports every problem at once; only when there is none does it record them through Registry::add,
// Registry::add_member and Registry::append, which then cannot refuse. A refused operation changes nothing.

#include <coopecon/core/error.hpp>
#include <coopecon/export.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/registry/registry.hpp>

#include <string>
#include <vector>

namespace coopecon::operations {

using coopecon::Listing;

struct Changes {
    std::vector<OrganizationRecord> added;  // new organisations, each with its members and history
    std::vector<Listing> listed;            // recorded before `appended`, which may admit them
    std::vector<Append> appended;           // events of existing organisations, in the order given

    bool empty() const noexcept { return added.empty() && listed.empty() && appended.empty(); }
};

/// Every problem that would stop `changes` from being recorded: identities of new organisations, member lists,
/// each organisation's history with the new events, and references to organisations that do not exist.
COOPECON_EXPORT Problems check(const Registry& reg, const Changes& changes);

/// Records `changes` all-or-nothing: throws Error with every problem of check() and leaves the registry as it
/// was, or records them all and returns them.
COOPECON_EXPORT Changes commit(Registry& reg, Changes changes);

}  // namespace coopecon::operations
