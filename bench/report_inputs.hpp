#pragma once
// The inputs of the standard report's indicator pass: its query and the two snapshots it reads.

#include <coopecon/indicators/report.hpp>
#include <coopecon/registry/registry.hpp>
#include <coopecon/registry/snapshot.hpp>

#include <utility>

namespace coopecon::bench {

struct ReportInputs {
    indicators::ReportQuery plan;
    Snapshot before;  // the day before the period starts
    Snapshot end;     // the period's end (the as-of date)
};

inline ReportInputs report_inputs(const Registry& reg) {
    ReportInputs in{indicators::report_query(reg), {}, {}};
    auto snaps = reg.snapshots(in.plan.snapshot_dates());
    in.before = std::move(snaps[0]);
    in.end = std::move(snaps[1]);
    return in;
}

}  // namespace coopecon::bench
