// CSV import of either kind of row (csv.hpp).

#include <coopecon/core/text_file.hpp>
#include <coopecon/io/csv.hpp>
#include <coopecon/io/csv_reader.hpp>

#include "io/csv_import.hpp"
#include "json/input.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>
#include <string_view>

namespace coopecon::io {

namespace {

CsvImport read_csv(std::string_view text, std::string_view file, CsvRows rows, const CsvOptions& options,
                   const detail::GivenBack& given_back) {
    return rows == CsvRows::organizations ? detail::read_organization_rows(text, file, options, given_back)
                                          : detail::read_event_rows(text, file, options, given_back);
}

/// The kind of row of options.mapping, else the one the header fits best.
CsvRows rows_of(std::string_view text, std::string_view file, const CsvOptions& options) {
    if (options.mapping) return options.mapping->rows;
    return detect_csv_rows(CsvReader(text, file, ',', options.limits).header());
}

/// Reads the CSV file at `path` with read(text, given_back). A regular file is mapped, and the pages of the rows
/// already read are given back (json/input.hpp), so that its text never counts against memory; anything else (a
/// pipe, a device) is read whole.
template <class Read>
CsvImport with_text_of(const std::filesystem::path& path, Read&& read) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        const std::string text = read_text_file(path);
        return read(std::string_view(text), detail::GivenBack());
    }
    json::InputText input(path, std::numeric_limits<std::uint64_t>::max());
    std::size_t last = 0;
    return read(input.text(), detail::GivenBack([&input, &last](std::size_t offset) {
        if (offset < last) input.read_again();
        last = offset;
        input.given_back(offset);
    }));
}

}  // namespace

CsvImport read_csv(std::string_view text, std::string_view file, CsvRows rows, const CsvOptions& options) {
    return read_csv(text, file, rows, options, {});
}

CsvImport read_csv(std::string_view text, std::string_view file, const CsvOptions& options) {
    return read_csv(text, file, rows_of(text, file, options), options, {});
}

CsvImport read_csv_file(const std::filesystem::path& path, CsvRows rows, const CsvOptions& options) {
    return with_text_of(path, [&](std::string_view text, const detail::GivenBack& given_back) {
        return read_csv(text, path.string(), rows, options, given_back);
    });
}

CsvImport read_csv_file(const std::filesystem::path& path, const CsvOptions& options) {
    return with_text_of(path, [&](std::string_view text, const detail::GivenBack& given_back) {
        return read_csv(text, path.string(), rows_of(text, path.string(), options), options, given_back);
    });
}

}  // namespace coopecon::io
