#pragma once
// The fixed identity of an organisation. Everything that changes (status, kind after a conversion, members,
// capital, figures) comes from its events; the registration date is the date of its `registered` event.

#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>

#include <boost/describe/class.hpp>

#include <string>

namespace coopecon {

struct Organization {
    std::string id;                 // stable external id, unique in a registry
    std::string registration_code;  // mã số hợp tác xã / mã số tổ hợp tác; kept through a group's conversion
    std::string name;
    OrgKind kind = OrgKind::cooperative;  // the kind it was registered as
    std::string area;                     // area code of the registered seat
    Sector sector = Sector::other;
};
BOOST_DESCRIBE_STRUCT(Organization, (), (id, registration_code, name, kind, area, sector))

}  // namespace coopecon
