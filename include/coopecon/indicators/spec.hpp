#pragma once
// User-defined indicators written as data (JSON here; Python dicts pass through it), parsed into the same
// Indicator as the catalogue's, by the same reader as the catalogue itself (data/indicators/catalogue.json).
// The text is read by the strict JSON layer, so keys given twice are problems too; every problem is reported
// with its line, column and field path, e.g. `indicator spec:2:35: expression.share.part.kind[1]: unknown kind
// 'coop'; expected cooperative_group, cooperative, union_of_cooperatives`.
//
//   {"id": "large_share", "label": {"en": "Large cooperatives", "vi": "Hợp tác xã lớn"}, "unit": "percent",
//    "decimals": 1, "definition": "…",
//    "expression": {"share": {"part": {"members": {"min": 1001}},
//                             "base": {"existing": true, "kind": "cooperative"}}}}
//
// Expressions (an object with exactly one key):
//   {"count": FILTER}                {"sum": {"field": F, "filter": FILTER}}
//   {"mean": {"field": F, "filter": FILTER, "scale": x}}      {"share": {"part": FILTER, "base": FILTER}}
//   {"ratio": {"numerator": E, "denominator": E, "scale": x}} {"difference": [E, E]}
//   {"growth": E}   {"previous": E}   {"distinct_communes": FILTER}   {"indicator": "catalogue id"}
// Filters (an object; every key must hold):
//   "existing" | "registered" | "new_in_period" | "terminated_in_period" | "converted_in_period" |
//   "with_results" | "rated" | "not_at_address": true
//   "kind" | "status" | "sector" | "ended_by" | "certified" | "classified" | "size_class": a name or a list of names
//   a Field name: {"min": n, "max": n}  (both included; either may be left out)

#include <coopecon/export.hpp>
#include <coopecon/indicators/group_key.hpp>
#include <coopecon/indicators/indicator.hpp>

#include <string_view>
#include <vector>

namespace coopecon::indicators {

/// An indicator from its JSON spec; an Error listing every problem with its line, column and field path
/// otherwise (the text is named "indicator spec" in them).
COOPECON_EXPORT Indicator indicator_from_json(std::string_view json,
                                              const std::vector<SizeClass>& size_classes = tt01_2020_size_classes());

}  // namespace coopecon::indicators
