// CSV import of a registry export (docs/csv-import.md): the text of organisation or event rows becomes a Registry,
// with the rows skipped for their problems when asked. The coopecon package's read_csv wraps it.

#include "bindings.hpp"
#include "date_caster.hpp"
#include "framework_handle.hpp"
#include "shared_registry.hpp"

#include <coopecon/io/csv.hpp>
#include <coopecon/model/area_catalog_json.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>

namespace py = pybind11;

namespace coopecon::python {

namespace {

using namespace coopecon::io;

/// The mapping given as JSON text (named `mapping_name` in problems) or by the name of a built-in one.
std::optional<io::CsvMapping> csv_mapping_of(const std::optional<std::string>& mapping_text,
                                         const std::optional<std::string>& mapping_name) {
    if (mapping_text) return io::read_csv_mapping(*mapping_text, mapping_name.value_or("<mapping>"));
    if (!mapping_name) return std::nullopt;
    if (const CsvMapping* builtin = find_builtin_csv_mapping(*mapping_name)) return *builtin;
    std::string names;
    for (const auto& m : io::builtin_csv_mappings()) names += (names.empty() ? "" : ", ") + m.name;
    throw Error(ErrorCode::unknown_name,
                json::in_quotes(*mapping_name) + " is not a built-in CSV mapping: " + names);
}

py::tuple read_csv_text(const std::string& text, const std::string& file_name, const std::optional<std::string>& rows,
                        const std::optional<std::string>& mapping_text, const std::optional<std::string>& mapping_name,
                        bool skip_bad_rows, const std::optional<Date>& as_of,
                        const std::optional<FrameworkHandle>& framework, const std::optional<Date>& history_from,
                        const std::optional<std::string>& areas_text, const std::string& areas_name,
                        std::optional<std::size_t> max_columns, std::optional<std::size_t> max_row_bytes) {
    io::CsvOptions options;
    options.limits = io::CsvLimits::from_environment();
    if (max_columns) options.limits.columns = *max_columns;
    if (max_row_bytes) options.limits.row_bytes = *max_row_bytes;
    if (areas_text)
        options.areas =
            std::make_shared<const AreaCatalog>(extend_area_catalog(*vietnam_areas(), *areas_text, areas_name));
    options.mapping = csv_mapping_of(mapping_text, mapping_name);
    options.skip_bad_rows = skip_bad_rows;
    options.as_of = as_of;
    options.history_from = history_from;
    if (framework) options.law = framework->law;
    std::optional<io::CsvRows> kind;
    if (rows) {
        kind = enum_from_name<io::CsvRows>(*rows);
        if (!kind)
            throw Error(ErrorCode::unknown_name, json::in_quotes(*rows) + " is not a kind of row: organizations, events");
    }
    auto imported = [&] {
        py::gil_scoped_release release;
        return kind ? io::read_csv(text, file_name, *kind, options) : read_csv(text, file_name, options);
    }();
    py::list skipped;
    for (const auto& s : imported.skipped) {
        py::list problems;
        for (const auto& p : s.problems) problems.append(problem_to_python(p));
        py::dict row;
        row["line"] = s.line;
        row["organization"] = s.organization.empty() ? py::none() : py::object(py::str(s.organization));
        row["problems"] = problems;
        skipped.append(row);
    }
    return py::make_tuple(std::make_unique<SharedRegistry>(std::move(imported.registry)), skipped,
                          imported.mapping);
}

}  // namespace

void bind_csv(py::module_& m) {
    m.def("read_csv", &read_csv_text, py::arg("text"), py::arg("file_name") = "<string>", py::arg("rows") = py::none(),
          py::arg("mapping_text") = py::none(), py::arg("mapping_name") = py::none(),
          py::arg("skip_bad_rows") = false, py::arg("as_of") = py::none(), py::arg("framework") = py::none(),
          py::arg("history_from") = py::none(), py::arg("areas_text") = py::none(), py::arg("areas_name") = "<areas>",
          py::arg("max_columns") = py::none(), py::arg("max_row_bytes") = py::none(),
          "Reads CSV text of organisation or event rows (rows: None detects them from the header), with the units "
          "of an areas file added to the embedded catalogue when areas_text is given, and limits per row "
          "(default: COOPECON_MAX_CSV_COLUMNS and COOPECON_MAX_CSV_ROW_BYTES, else 1000 and 1 MiB). Returns "
          "(registry, skipped rows as dicts of line, organization and problems, the mapping's name).");
    m.def(
        "csv_mappings", [] {
            py::list out;
            for (const auto& mapping : io::builtin_csv_mappings()) {
                py::dict columns;
                for (const auto& [header, field] : mapping.columns) columns[py::str(header)] = field;
                py::dict d;
                d["name"] = mapping.name;
                d["title"] = mapping.title;
                d["rows"] = std::string(enum_name(mapping.rows));
                d["date_format"] = std::string(io::date_format_text(mapping.date_format));
                d["columns"] = columns;
                out.append(d);
            }
            return out;
        },
        "The built-in column mappings: name, title, rows, date_format and columns (header → field).");
}

}  // namespace coopecon::python
