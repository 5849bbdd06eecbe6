#include <coopecon/operations/conversion.hpp>

#include "operations/recording.hpp"

#include <coopecon/core/error.hpp>
#include <coopecon/model/event.hpp>

#include <string>

namespace coopecon::operations {

Changes convert_to_cooperative(Registry& reg, const Conversion& c) {
    const auto members = reg.state_at(c.organization, c.converted_on).members.total();
    if (c.consenting_members < 0 || c.consenting_members > members)
        throw Error(detail::input_problem(reg, ErrorCode::invalid_value, c.organization, "consenting_members",
                                          EventType::converted_to_cooperative, c.converted_on, "",
                                          std::to_string(c.consenting_members) + " consenting members, but the group has " +
                                              std::to_string(members) + " members on " + c.converted_on.iso()));
    return detail::record(reg, c.organization, {{c.converted_on, ConvertedToCooperative{c.consenting_members}}});
}

}  // namespace coopecon::operations
