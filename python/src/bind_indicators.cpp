// Indicators: the catalogue's metadata, user-defined indicators from JSON specs (Python dicts arrive as JSON, so
// their errors carry the same field paths as in C++), tables computed over a registry, and the standard report.
// A table crosses as a dict of columns (numpy arrays for values, lists of codes and labels for keys); the
// Python package (coopecon/indicators.py) turns it into a pandas DataFrame. The work runs without the GIL.

#include "bindings.hpp"
#include "date_caster.hpp"
#include "interruptible.hpp"
#include "shared_registry.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/indicators/catalogue.hpp>
#include <coopecon/indicators/engine.hpp>
#include <coopecon/indicators/report.hpp>
#include <coopecon/indicators/spec.hpp>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

namespace py = pybind11;

namespace coopecon::python {

namespace {

py::dict metadata(const indicators::Indicator& i) {
    py::dict d;
    d["id"] = i.id;
    d["label_en"] = i.label.en;
    d["label_vi"] = i.label.vi;
    d["unit"] = std::string(enum_name(i.unit));
    d["decimals"] = i.decimals;
    d["definition"] = i.definition;
    d["practice"] = std::string(enum_name(i.practice));
    d["reference"] = i.reference;
    d["provisional"] = i.provisional;
    return d;
}

py::list catalogue_metadata() {
    py::list out;
    for (const auto& i : indicators::catalogue()) out.append(metadata(i));
    return out;
}

py::dict table_to_python(const indicators::Table& t) {
    py::dict d;
    d["id"] = t.id;
    d["title_en"] = t.title.en;
    d["title_vi"] = t.title.vi;
    py::list keys;
    for (const auto& k : t.keys) {
        py::dict key;
        key["id"] = k.id;
        key["label_en"] = k.label.en;
        key["label_vi"] = k.label.vi;
        py::list codes, en, vi;
        for (const auto& c : k.cells) {
            codes.append(c.code);
            en.append(c.label.en);
            vi.append(c.label.vi);
        }
        key["codes"] = codes;
        key["labels_en"] = en;
        key["labels_vi"] = vi;
        keys.append(key);
    }
    d["keys"] = keys;
    py::list values;
    for (const auto& v : t.values) {
        py::dict value;
        value["id"] = v.id;
        value["label_en"] = v.label.en;
        value["label_vi"] = v.label.vi;
        value["unit"] = std::string(enum_name(v.unit));
        value["decimals"] = v.decimals;
        if (v.integral)
            value["values"] = py::array_t<std::int64_t>(static_cast<py::ssize_t>(v.integers.size()), v.integers.data());
        else
            value["values"] = py::array_t<double>(static_cast<py::ssize_t>(v.reals.size()), v.reals.data());
        values.append(value);
    }
    d["values"] = values;
    py::list totals;
    for (auto x : t.totals) totals.append(x != 0);
    d["totals"] = totals;
    return d;
}

/// Each item is a catalogue id (str) or a spec already serialised as JSON by the Python side ({"json": text}).
std::vector<indicators::Indicator> resolve(const std::vector<py::object>& items,
                                           const std::vector<indicators::SizeClass>& size_classes) {
    std::vector<indicators::Indicator> out;
    for (const auto& item : items) {
        if (py::isinstance<py::str>(item))
            out.push_back(indicators::catalogue_indicator(item.cast<std::string>()));
        else
            out.push_back(indicators::indicator_from_json(item.attr("__getitem__")("json").cast<std::string>(),
                                                          size_classes));
    }
    return out;
}

std::vector<indicators::GroupKey> keys(const std::vector<std::string>& by) {
    std::vector<indicators::GroupKey> out;
    for (const auto& b : by) out.push_back(indicators::GroupKey::parse(b));
    return out;
}

std::optional<indicators::PeriodLength> period_length(const std::optional<std::string>& name) {
    if (!name) return std::nullopt;
    if (auto p = enum_from_name<indicators::PeriodLength>(*name)) return p;
    throw Error(ErrorCode::unknown_name, "unknown period '" + *name + "'; expected month, quarter or year");
}

py::dict compute_table(const SharedRegistry& registry, const std::vector<py::object>& requested, Date start, Date end,
                       const std::vector<std::string>& by, std::optional<Date> units_as_of,
                       const std::optional<std::string>& period, bool totals, const std::optional<int>& threads) {
    indicators::Query q;
    q.threads = threads_argument(threads);
    q.indicators = resolve(requested, q.size_classes);
    q.by = keys(by);
    q.units_as_of = units_as_of;
    q.totals = totals;
    const auto length = period_length(period);
    const auto t = run_interruptible([&](Interruptible& call) {
        return registry.read_off_gil([&](const Registry& r) {
            auto cancellable = q;
            cancellable.cancel = &call.token();
            return length ? indicators::compute(r, cancellable, indicators::series(start, end, *length))
                          : indicators::compute(r, cancellable, indicators::period_between(start, end));
        });
    });
    return table_to_python(t);
}

py::dict report(const SharedRegistry& registry, std::optional<Date> as_of, std::optional<Date> from,
                const std::vector<std::string>& by, const std::optional<std::string>& period,
                std::optional<Date> units_as_of, const std::string& format, const std::string& lang,
                const std::optional<int>& threads) {
    indicators::ReportOptions o;
    o.threads = threads_argument(threads);
    o.as_of = as_of;
    o.from = from;
    o.by = keys(by);
    o.period = period_length(period);
    o.units_as_of = units_as_of;
    const auto f = enum_from_name<indicators::Format>(format);
    if (!f) throw Error(ErrorCode::unknown_name, "unknown format '" + format + "'; expected text, md, csv, json or html");
    const auto l = enum_from_name<Lang>(lang);
    if (!l) throw Error(ErrorCode::unknown_name, "unknown language '" + lang + "'; expected en or vi");
    // The page in both languages too, so that Report.to_html(lang) needs neither the registry nor the C++ report
    // (and the Python Report stays picklable).
    struct Rendered {
        indicators::Report report;
        std::string text, html_en, html_vi;
    };
    const auto done = run_interruptible([&](Interruptible& call) {
        return registry.read_off_gil([&](const Registry& reg) {
            auto cancellable = o;
            cancellable.cancel = &call.token();
            Rendered out{indicators::standard_report(reg, cancellable), {}, {}, {}};
            throw_if_cancelled(&call.token());
            out.text = indicators::render(out.report, *f, *l);
            throw_if_cancelled(&call.token());
            out.html_en = indicators::render(out.report, indicators::Format::html, Lang::en);
            throw_if_cancelled(&call.token());
            out.html_vi = indicators::render(out.report, indicators::Format::html, Lang::vi);
            return out;
        });
    });
    const auto& r = done.report;
    const auto& rendered = done.text;
    py::dict pages;
    pages["en"] = done.html_en;
    pages["vi"] = done.html_vi;
    py::dict d;
    d["as_of"] = r.as_of;
    d["start"] = r.period.start;
    d["units_as_of"] = r.units_as_of;
    d["synthetic"] = r.info.synthetic;
    d["headline"] = table_to_python(r.headline);
    py::list tables;
    for (const auto& t : r.tables) tables.append(table_to_python(t));
    d["tables"] = tables;
    d["rendered"] = rendered;
    d["html"] = pages;
    return d;
}

}  // namespace

void bind_indicators(py::module_& m) {
    m.def("indicator_catalogue", &catalogue_metadata, "The standard indicators' metadata, in catalogue order.");
    m.def("indicator_spec",
          [](const std::string& json) { return metadata(indicators::indicator_from_json(json)); },
          py::arg("json"),
          "Checks a user-defined indicator's JSON spec; returns its metadata or raises with every field path.");
    m.def("compute_indicators", &compute_table, py::arg("registry"), py::arg("indicators"), py::arg("start"),
          py::arg("end"), py::arg("by"), py::arg("units_as_of") = py::none(), py::arg("period") = py::none(),
          py::arg("totals") = true, py::arg("threads") = py::none(),
          "A table of indicators (catalogue ids or {'json': spec}) over [start, end], grouped by `by`; with "
          "`period`, a series of calendar months, quarters or years.");
    m.def("indicator_report", &report, py::arg("registry"), py::arg("as_of") = py::none(), py::arg("from_") = py::none(),
          py::arg("by") = std::vector<std::string>{"kind"}, py::arg("period") = py::none(),
          py::arg("units_as_of") = py::none(), py::arg("format") = "text", py::arg("lang") = "en",
          py::arg("threads") = py::none(), "The standard report: headline and standard tables, and its rendering.");
}

}  // namespace coopecon::python
