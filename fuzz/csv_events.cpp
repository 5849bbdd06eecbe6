// CSV event rows (one row per event), with the built-in mapping that knows the header, refusing bad rows and,
// for the same input, skipping them; when accepted, the rows written read back to the same rows.

#include "harness.hpp"

#include <coopecon/io/csv.hpp>
#include <coopecon/io/csv_export.hpp>

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace coopecon;
    const auto text = fuzz::text_of(data, size);
    io::CsvOptions skipping;
    skipping.skip_bad_rows = true;
    fuzz::accepted([&] { return io::read_csv(text, "fuzz.csv", io::CsvRows::events, skipping).skipped.size(); });
    const auto imported = fuzz::accepted([&] { return io::read_csv(text, "fuzz.csv", io::CsvRows::events); });
    if (!imported) return 0;
    const std::string rows = io::write_event_rows(imported->registry);
    if (io::write_event_rows(io::read_csv(rows, "written.csv", io::CsvRows::events).registry) != rows) fuzz::broken();
    return 0;
}
