#pragma once
// A cooperative group becomes a cooperative (Law 17/2023/QH15 Art 108; Decree 92/2024/NĐ-CP Art 61). It keeps
// its id and its registration code: the conversion is one event in its own history, after which its kind is
// cooperative. Row C1 of the transition table decides: the law provides for it from 2024-07-01, after at least
// 12 months of operation since registration (Art 108.1b), with every member agreeing (Art 108.1c), when the
// group has the official members a cooperative is founded with on that day (Art 108 with Art 4.7: 5). The
// number of consenting members is required here, so a conversion without the members' consent cannot be recorded.

#include <coopecon/core/date.hpp>
#include <coopecon/export.hpp>
#include <coopecon/operations/plan.hpp>
#include <coopecon/registry/registry.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string>

namespace coopecon::operations {

struct Conversion {
    std::string organization;
    Date converted_on;
    std::int32_t consenting_members = 0;  // members who agreed
};
BOOST_DESCRIBE_STRUCT(Conversion, (), (organization, converted_on, consenting_members))

COOPECON_EXPORT Changes convert_to_cooperative(Registry& reg, const Conversion& c);

}  // namespace coopecon::operations
