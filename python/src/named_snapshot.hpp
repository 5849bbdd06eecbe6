#pragma once
// A snapshot as Python holds it (_core.Snapshot): the columns, the organisation id of every row and the code of
// every area index, so that it can be labelled (to_pandas) and pickled without the registry it came from.
//
// Bindings of other areas that take a snapshot take `const NamedSnapshot&` and use `.snapshot`.

#include "interruptible.hpp"
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

namespace named_snapshot_detail {

inline std::vector<std::string> ids(const Registry& r) {
    std::vector<std::string> out;
    out.reserve(r.size());
    for (OrgIndex i = 0; i < r.size(); ++i) out.push_back(r.organization(i).id);
    return out;
}

inline std::vector<std::string> area_codes(const Registry& r) {
    std::vector<std::string> out;
    out.reserve(r.areas().size());
    for (const auto& area : r.areas().areas()) out.push_back(area.code);
    return out;
}

}  // namespace named_snapshot_detail

/// The snapshot of `registry` at the end of `date`, with its names (reads without the GIL).
inline NamedSnapshot named_snapshot(const SharedRegistry& registry, Date date, const std::optional<int>& threads) {
    const auto n = threads_argument(threads);
    return run_interruptible([&](Interruptible& call) {
        return registry.read_off_gil([&](const Registry& r) {
            return NamedSnapshot{r.snapshot(date, SnapshotColumns::all(), n, &call.token()),
                                 named_snapshot_detail::ids(r), named_snapshot_detail::area_codes(r)};
        });
    });
}

/// Snapshots at strictly increasing dates from one replay of each history, with their names.
inline std::vector<NamedSnapshot> named_snapshots(const SharedRegistry& registry, const std::vector<Date>& dates,
                                                  const std::optional<int>& threads) {
    const auto n = threads_argument(threads);
    return run_interruptible([&](Interruptible& call) {
        return registry.read_off_gil([&](const Registry& r) {
            auto snapshots = r.snapshots(dates, {}, n, &call.token());
            const auto ids = named_snapshot_detail::ids(r);
            const auto area_codes = named_snapshot_detail::area_codes(r);
            std::vector<NamedSnapshot> out;
            out.reserve(snapshots.size());
            for (auto& s : snapshots) out.push_back(NamedSnapshot{std::move(s), ids, area_codes});
            return out;
        });
    });
}

}  // namespace coopecon::python
