// CSV organisation rows (one row per organisation, its state on the export date), with the built-in mapping
// that knows the header; when accepted, the registry's event rows read back to the same rows.

#include "harness.hpp"

#include <coopecon/io/csv.hpp>
#include <coopecon/io/csv_export.hpp>

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace coopecon;
    const auto imported = fuzz::accepted(
        [&] { return io::read_csv(fuzz::text_of(data, size), "fuzz.csv", io::CsvRows::organizations); });
    if (!imported) return 0;
    const std::string rows = io::write_event_rows(imported->registry);
    if (io::write_event_rows(io::read_csv(rows, "written.csv", io::CsvRows::events).registry) != rows) fuzz::broken();
    return 0;
}
