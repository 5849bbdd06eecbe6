#pragma once
// What bench/pandas_report.py reads to build the same report in pandas: the two snapshots the standard report
// reads (every column as a raw little-endian array), the commune of every area in the report's units, and the
// report the library computed from them (JSON), so that the figures can be compared.
//
// And the registry's event table (pandas_events.hpp), which bench/pandas_replay.py replays to the same two states.
//
// Layout of `folder`: manifest.json, before/<column>.bin, end/<column>.bin, commune_of_area.bin, report.json,
// events/<column>.bin, organizations/<column>.bin.

#include "pandas_events.hpp"
#include "raw_arrays.hpp"
#include "report_inputs.hpp"

#include <coopecon/core/error.hpp>
#include <coopecon/indicators/engine.hpp>
#include <coopecon/indicators/report.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <type_traits>
#include <vector>

namespace coopecon::bench {

namespace export_detail {

/// Writes every column of `s` into `folder`; returns the "name": "dtype" entries of the manifest.
inline std::string write_columns(const Snapshot& s, const std::filesystem::path& folder) {
    std::filesystem::create_directories(folder);
    std::string entries;
    boost::mp11::mp_for_each<boost::describe::describe_members<Snapshot, boost::describe::mod_public>>([&](auto m) {
        const auto& column = s.*m.pointer;
        if constexpr (requires { column.data(); }) {
            using T = typename std::decay_t<decltype(column)>::value_type;
            write_array(folder / (std::string(m.name) + ".bin"), column);
            entries += std::string(entries.empty() ? "" : ", ") + "\"" + m.name + "\": \"" + dtype<T>() + "\"";
        }
    });
    return entries;
}

}  // namespace export_detail

inline void export_for_pandas(const Registry& reg, const std::filesystem::path& folder) {
    using namespace export_detail;
    const auto in = report_inputs(reg);
    write_columns(in.before, folder / "before");
    const auto columns = write_columns(in.end, folder / "end");
    std::vector<std::uint32_t> commune(reg.areas().size());
    for (AreaIndex a = 0; a < commune.size(); ++a)
        commune[a] = indicators::reporting_unit(reg.areas(), a, AreaLevel::commune, in.plan.units_as_of);
    write_array(folder / "commune_of_area.bin", commune);
    const auto event_table = write_event_table(reg, folder);

    std::ofstream manifest(folder / "manifest.json");
    manifest << "{\"organizations\": " << reg.size() << ", \"events\": " << reg.event_count()
             << ", \"period_start\": \"" << in.plan.period.start.iso() << "\", \"as_of\": \""
             << in.plan.period.end.iso() << "\", \"before\": \"" << in.plan.snapshot_dates()[0].iso()
             << "\", \"columns\": {" << columns << "}, " << event_table << "}\n";
    std::ofstream report(folder / "report.json");
    report << indicators::render(indicators::standard_report(reg), indicators::Format::json, Lang::en);
    if (!manifest || !report) throw Error(ErrorCode::io, "cannot write into " + folder.string());
}

}  // namespace coopecon::bench
