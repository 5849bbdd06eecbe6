#pragma once
// Bankruptcy (phá sản), Law 17/2023/QH15 Art 102; Decree 92/2024/NĐ-CP Art 57: the court opens proceedings
// (the organisation is then in bankruptcy) and declares it bankrupt (it is terminated). Row T17 of the
// transition table decides each step.

#include <coopecon/core/date.hpp>
#include <coopecon/export.hpp>
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

COOPECON_EXPORT Changes open_bankruptcy(Registry& reg, const Bankruptcy& b);
COOPECON_EXPORT Changes declare_bankruptcy(Registry& reg, const std::string& organization, Date on);

}  // namespace coopecon::operations
