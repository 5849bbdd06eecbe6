#pragma once
// A reform: a change of law given as data, the periods of some parameters, rule bases or regimes that replace
// what a framework has in force for their dates. Applying it splices each list into the framework's timeline
// (as OpenFisca's Parameter.update does): from the list's first day to its last day (or on, when its last
// period is open-ended) the reform's periods are in force; before and after, the framework's periods stay,
// cut at the edges. The whole reform is checked before anything is built, and every problem is reported:
// inverted, overlapping or gapped periods, impossible values, empty lists, unknown rules, and gaps between the
// reform's periods and the framework's. The framework applied to is never changed; apply returns a new one.
//
// The format of reform files is in law/reform_json.hpp and docs/reforms.md.

#include <coopecon/core/error.hpp>
#include <coopecon/core/timeline.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/parameter.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace coopecon::law {

struct Reform {
    std::string title;
    std::vector<Dated<Regime>> regimes;
    std::map<Param, std::vector<Dated<std::int64_t>>> parameters;
    std::map<std::string, std::vector<Dated<std::string>>, std::less<>> rules;
};

/// Every problem of the reform on its own, with the paths of its JSON form (e.g. parameters.X[1].value).
COOPECON_EXPORT Problems check(const Reform& reform);

/// Every problem of applying the reform to `base`: those of the reform on its own, unknown rules, and gaps.
COOPECON_EXPORT Problems check(const Framework& base, const Reform& reform);

/// `base` with the reform applied. Throws Error listing every problem (see check); `base` is never changed.
COOPECON_EXPORT Framework apply(const Framework& base, const Reform& reform);

}  // namespace coopecon::law
