#pragma once
// A snapshot as Python holds it (_core.Snapshot): the columns, the organisation id of every row and the code of
// every area index, so that it can be labelled (to_pandas) and pickled without the registry it came from.
//
// Bindings of other areas that take a snapshot take `const NamedSnapshot&` and use `.snapshot`.

#include "shared_registry.hpp"

#include <coopecon/core/date.hpp>
#include <coopecon/registry/registry.hpp>
#include <coopecon/registry/snapshot.hpp>

#include <string>
#include <vector>

namespace coopecon::python {

struct NamedSnapshot {
    Snapshot snapshot;
    std::vector<std::string> ids;         // row i: the organisation with OrgIndex i
    std::vector<std::string> area_codes;  // area index → area code
};

/// The snapshot of `registry` at the end of `date`, with its names (reads without the GIL).
inline NamedSnapshot named_snapshot(const SharedRegistry& registry, Date date) {
    return registry.read([&](const Registry& r) {
        NamedSnapshot out{r.snapshot(date), {}, {}};
        out.ids.reserve(r.size());
        for (OrgIndex i = 0; i < r.size(); ++i) out.ids.push_back(r.organization(i).id);
        out.area_codes.reserve(r.areas().size());
        for (const auto& area : r.areas().areas()) out.area_codes.push_back(area.code);
        return out;
    });
}

}  // namespace coopecon::python
