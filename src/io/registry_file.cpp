#include <coopecon/io/registry_file.hpp>

#include <coopecon/core/text_file.hpp>
#include <coopecon/io/csv.hpp>
#include <coopecon/io/csv_export.hpp>
#include <coopecon/io/registry_binary.hpp>
#include <coopecon/io/registry_json.hpp>
#include <coopecon/io/registry_sqlite.hpp>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <span>
#include <string>
#include <string_view>

namespace coopecon::io {

namespace {

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (auto& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext;
}

}  // namespace

RegistryForm registry_form_of_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(file_problem(path, std::string("cannot open the file: ") + std::strerror(errno)));
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return RegistryForm::json;  // whose reader says it is a directory
    std::array<std::byte, 16> first{};
    in.read(reinterpret_cast<char*>(first.data()), first.size());
    const auto read = std::span(first).first(static_cast<std::size_t>(in.gcount()));
    if (is_registry_binary(read)) return RegistryForm::binary;
    if (is_sqlite_database(read)) return RegistryForm::sqlite;
    return lower_extension(path) == ".csv" ? RegistryForm::csv : RegistryForm::json;
}

RegistryForm registry_form_for_name(const std::filesystem::path& path) {
    const auto ext = lower_extension(path);
    if (ext == ".csv") return RegistryForm::csv;
    if (ext == ".db" || ext == ".sqlite" || ext == ".sqlite3") return RegistryForm::sqlite;
    if (ext == ".coopreg") return RegistryForm::binary;
    return RegistryForm::json;
}

Registry load_registry_file(const std::filesystem::path& path, std::shared_ptr<const law::Framework> law) {
    switch (registry_form_of_file(path)) {
    case RegistryForm::binary: return read_registry_binary_file(path, std::move(law));
    case RegistryForm::sqlite: return read_registry_sqlite(path, std::move(law));
    case RegistryForm::csv: {
        CsvOptions options;
        options.law = std::move(law);
        return std::move(read_csv_file(path, options).registry);
    }
    case RegistryForm::json: break;
    }
    return read_registry_file(path, std::move(law));
}

void save_registry_file(const Registry& registry, const std::filesystem::path& path, RegistryForm form) {
    switch (form) {
    case RegistryForm::json: return write_registry_file(registry, path);
    case RegistryForm::binary: return write_registry_binary_file(registry, path);
    case RegistryForm::sqlite: return write_registry_sqlite(registry, path);
    case RegistryForm::csv:
        return write_file_atomically(path, [&](std::ostream& out) { write_event_rows(registry, out); });
    }
}

}  // namespace coopecon::io
