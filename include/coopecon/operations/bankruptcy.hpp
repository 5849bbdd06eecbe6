#pragma once
// Bankruptcy (phá sản), Law 17/2023/QH15 Art 102; Decree 92/2024/NĐ-CP Art 57: the court opens proceedings
// (the organisation is then in bankruptcy) and declares it bankrupt (it is terminated). Row T17 of the
// transition table decides each step.

#include <coopecon/operations/dissolution.hpp>
#include <coopecon/operations/plan.hpp>
#include <coopecon/registry/registry.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>

namespace coopecon::operations {

struct Bankruptcy {
    std::string organization;
    Date opened_on;
    std::optional<Date> declared_on;  // when given, the declaration is recorded too
};
BOOST_DESCRIBE_STRUCT(Bankruptcy, (), (organization, opened_on, declared_on))

inline Changes open_bankruptcy(Registry& reg, const Bankruptcy& b) {
    if (b.declared_on && *b.declared_on < b.opened_on)
        throw Error(detail::input_problem(reg, ErrorCode::invalid_value, b.organization, "declared_on",
                                          EventType::bankruptcy_declared, *b.declared_on, "",
                                          "the bankruptcy is declared on " + b.declared_on->iso() +
                                              ", before the proceedings opened on " + b.opened_on.iso()));
    std::vector<Event> events{{b.opened_on, BankruptcyOpened{}}};
    if (b.declared_on) events.push_back({*b.declared_on, BankruptcyDeclared{}});
    return detail::record(reg, b.organization, std::move(events));
}

inline Changes declare_bankruptcy(Registry& reg, const std::string& organization, Date on) {
    return detail::record(reg, organization, {{on, BankruptcyDeclared{}}});
}

}  // namespace coopecon::operations
