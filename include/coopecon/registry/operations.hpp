#pragma once
// Registry operations: the procedures of the Law on Cooperatives as all-or-nothing changes to a registry. Each
// appends the events the procedure consists of — through Registry::add, add_member and append, after judging
// them all (operations_plan.hpp) — and returns what it recorded, or throws an Error whose problems name the
// organisation, event, date, rule and legal basis, leaving the registry exactly as it was.
//
// - dissolution, voluntary and compulsory: operations_dissolution.hpp
// - division, split-off, consolidation and merger: operations_reorganization.hpp
// - conversion of a cooperative group into a cooperative: operations_conversion.hpp
// - bankruptcy: operations_bankruptcy.hpp
// The order in which a dissolved organisation's assets are paid out is law::distribute_assets
// (law/asset_distribution.hpp). docs/operations.md shows each with an example.

#include <coopecon/registry/operations_bankruptcy.hpp>
#include <coopecon/registry/operations_conversion.hpp>
#include <coopecon/registry/operations_dissolution.hpp>
#include <coopecon/registry/operations_holdings.hpp>
#include <coopecon/registry/operations_plan.hpp>
#include <coopecon/registry/operations_reorganization.hpp>
