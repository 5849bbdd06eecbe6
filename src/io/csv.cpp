// CSV import of either kind of row (csv.hpp).

#include <coopecon/core/text_file.hpp>
#include <coopecon/io/csv.hpp>
#include <coopecon/io/csv_reader.hpp>

#include <string>

namespace coopecon::io {

CsvImport read_csv(std::string_view text, std::string_view file, CsvRows rows, const CsvOptions& options) {
    return rows == CsvRows::organizations ? read_organization_rows(text, file, options)
                                          : read_event_rows(text, file, options);
}

CsvImport read_csv(std::string_view text, std::string_view file, const CsvOptions& options) {
    const CsvRows rows = options.mapping ? options.mapping->rows : detect_csv_rows(parse(text, file, ',', options.limits).header);
    return read_csv(text, file, rows, options);
}

CsvImport read_csv_file(const std::filesystem::path& path, CsvRows rows, const CsvOptions& options) {
    const std::string text = read_text_file(path);
    return read_csv(text, path.string(), rows, options);
}

CsvImport read_csv_file(const std::filesystem::path& path, const CsvOptions& options) {
    const std::string text = read_text_file(path);
    return read_csv(text, path.string(), options);
}

}  // namespace coopecon::io
