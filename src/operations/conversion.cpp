#include <coopecon/operations/conversion.hpp>

#include "operations/recording.hpp"

#include <coopecon/core/error.hpp>
#include <coopecon/law/period.hpp>
#include <coopecon/model/event.hpp>

#include <string>
#include <utility>

namespace coopecon::operations {

namespace {

/// The field of a conversion that row C1 refuses, in the order it judges them: the date (not provided for, or
/// before 12 months of operation), then the consent; the founding minimum is the group's, not a field's.
std::string refused_field(const Registry& reg, const Conversion& c) {
    const auto state = reg.state_at(c.organization, c.converted_on);
    const auto months = reg.law().value(law::Param::conversion_min_operating_months, c.converted_on);
    if (!months || c.converted_on < law::day_after_months(state.registered_on, *months)) return "converted_on";
    const auto share = reg.law().value(law::Param::conversion_consent_percent, c.converted_on);
    if (share && std::int64_t{c.consenting_members} * 100 < *share * state.members.total()) return "consenting_members";
    return "";
}

}  // namespace

Changes convert_to_cooperative(Registry& reg, const Conversion& c) {
    const auto members = reg.state_at(c.organization, c.converted_on).members.total();
    if (c.consenting_members < 0 || c.consenting_members > members)
        throw Error(detail::input_problem(reg, ErrorCode::invalid_value, c.organization, "consenting_members",
                                          EventType::converted_to_cooperative, c.converted_on, "",
                                          std::to_string(c.consenting_members) + " consenting members, but the group has " +
                                              std::to_string(members) + " members on " + c.converted_on.iso()));
    try {
        return detail::record(reg, c.organization, {{c.converted_on, ConvertedToCooperative{c.consenting_members}}});
    } catch (const Error& e) {
        // Row C1 judges the one event; its refusal is about one of the conversion's own fields where it has one.
        auto problems = e.problems();
        for (auto& p : problems)
            if (p.rule == "C1" && p.path.empty()) p.path = refused_field(reg, c);
        throw Error(std::move(problems));
    }
}

}  // namespace coopecon::operations
