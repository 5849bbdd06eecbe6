#include <coopecon/operations/bankruptcy.hpp>

#include "operations/recording.hpp"

#include <coopecon/core/error.hpp>
#include <coopecon/model/event.hpp>

#include <vector>

namespace coopecon::operations {

Changes open_bankruptcy(Registry& reg, const Bankruptcy& b) {
    if (b.declared_on && *b.declared_on < b.opened_on)
        throw Error(detail::input_problem(reg, ErrorCode::invalid_value, b.organization, "declared_on",
                                          EventType::bankruptcy_declared, *b.declared_on, "",
                                          "the bankruptcy is declared on " + b.declared_on->iso() +
                                              ", before the proceedings opened on " + b.opened_on.iso()));
    std::vector<Event> events{{b.opened_on, BankruptcyOpened{}}};
    if (b.declared_on) events.push_back({*b.declared_on, BankruptcyDeclared{}});
    return detail::record(reg, b.organization, std::move(events));
}

Changes declare_bankruptcy(Registry& reg, const std::string& organization, Date on) {
    return detail::record(reg, organization, {{on, BankruptcyDeclared{}}});
}

}  // namespace coopecon::operations
