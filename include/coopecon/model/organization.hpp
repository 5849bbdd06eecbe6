#pragma once
// The fixed identity of an organisation. Everything that changes (status, kind after a conversion, members,
// capital, figures) comes from its events; the registration date is the date of its `registered` event.
// Where this organisation's records are partial (an export that starts late, a row rebuilt into a minimal
// history), `history_from` and `data_until` say which days its history covers completely; when absent, the
// registry's (RegistryInfo) apply.

#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>

#include <boost/describe/class.hpp>

#include <coopecon/core/date.hpp>

#include <optional>
#include <string>

namespace coopecon {

struct Organization {
    std::string id;                 // stable external id, unique in a registry
    std::string registration_code;  // mã số hợp tác xã / mã số tổ hợp tác; kept through a group's conversion
    std::string name;
    OrgKind kind = OrgKind::cooperative;  // the kind it was registered as
    std::string area;                     // area code of the registered seat
    Sector sector = Sector::other;
    // Every event on or after this day is recorded; before it the history may miss events, so how long a
    // condition held before it is unknown (docs/legal-rules.md). Absent: the registry's, else from registration.
    std::optional<Date> history_from;
    std::optional<Date> data_until;  // the last day its data cover; absent: the registry's data_as_of()
};
BOOST_DESCRIBE_STRUCT(Organization, (), (id, registration_code, name, kind, area, sector, history_from, data_until))

}  // namespace coopecon
