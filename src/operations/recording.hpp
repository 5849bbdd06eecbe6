#pragma once
// What the registry operations share when they record their events: problems with an operation's input, cited
// like a refusal, and the recording of one organisation's events.

#include <coopecon/core/date.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/operations/plan.hpp>
#include <coopecon/registry/registry.hpp>

#include <string>
#include <vector>

namespace coopecon::operations::detail {

/// A problem with an operation's input, located at `path` and cited like a refusal when `rule` is given.
Problem input_problem(const Registry& reg, ErrorCode code, const std::string& org, std::string path, EventType event,
                      Date on, std::string rule, std::string message);

/// The events of one organisation, recorded together.
Changes record(Registry& reg, const std::string& org, std::vector<Event> events);

}  // namespace coopecon::operations::detail
