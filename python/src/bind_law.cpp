// Law: legal frameworks (the embedded Vietnamese one, one read from a file, one with reforms applied), their
// dated values, and the compliance check. Findings cross as a dict of columns (numpy arrays for numbers and
// dates as day counts, lists for text), made on the check's threads; the Python package (coopecon/law.py) makes
// the DataFrame.

#include "bindings.hpp"
#include "date_caster.hpp"
#include "framework_handle.hpp"
#include "interruptible.hpp"
#include "shared_registry.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/core/text_file.hpp>
#include <coopecon/compliance/check.hpp>
#include <coopecon/compliance/explain.hpp>
#include <coopecon/law/framework_check.hpp>
#include <coopecon/law/framework_json.hpp>
#include <coopecon/law/reform_json.hpp>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace coopecon::python {

namespace {

constexpr int framework_pickle_version = 1;

template <class E>
E enum_named(const std::string& name, std::string_view what) {
    if (const auto e = enum_from_name<E>(name)) return *e;
    throw Error(ErrorCode::unknown_name, json::in_quotes(name) + " is not " + std::string(what) + ": " +
                                             enum_names_list<E>());
}

FrameworkHandle wrap(law::Framework f) { return {std::make_shared<const law::Framework>(std::move(f))}; }

FrameworkHandle framework_loads(const std::string& text, const std::string& file_name) {
    py::gil_scoped_release release;
    return wrap(law::read_checked_framework(text, file_name));
}

FrameworkHandle framework_load(const std::filesystem::path& path) {
    py::gil_scoped_release release;
    return wrap(law::read_framework_file(path));
}

/// The framework with the reform in `text` applied; problems name `file_name` with line and column.
FrameworkHandle apply(const FrameworkHandle& self, const std::string& text, const std::string& file_name) {
    py::gil_scoped_release release;
    return wrap(law::apply_reform(*self.law, text, file_name));
}

/// Checks a reform's text on its own and returns its title.
std::string check_reform(const std::string& text, const std::string& file_name) {
    py::gil_scoped_release release;
    return law::read_reform(text, file_name).title;
}

std::string read_text(const std::filesystem::path& path) {
    py::gil_scoped_release release;
    return read_text_file(path);
}

py::list timeline(const FrameworkHandle& self, const std::string& param) {
    const auto p = enum_named<law::Param>(param, "a parameter");
    py::list out;
    for (const auto& d : self.law->timeline(p).periods()) {
        py::dict period;
        period["from"] = date_to_python(d.from);
        period["until"] = d.until ? date_to_python(*d.until) : py::none();
        period["value"] = d.value;
        period["reference"] = d.reference;
        period["unconfirmed"] = d.unconfirmed;
        out.append(std::move(period));
    }
    return out;
}

py::object value(const FrameworkHandle& self, const std::string& param, Date date) {
    const auto v = self.law->value(enum_named<law::Param>(param, "a parameter"), date);
    return v ? py::object(py::int_(*v)) : py::none();
}

py::object regime(const FrameworkHandle& self, Date date) {
    const auto* r = self.law->regime(date);
    return r ? py::object(py::str(r->id)) : py::none();
}

std::vector<std::string> parameter_names() {
    std::vector<std::string> out;
    for (const auto p : enum_values<law::Param>()) out.emplace_back(enum_name(p));
    return out;
}

std::vector<std::string> rule_ids() {
    std::vector<std::string> out;
    for (const auto r : enum_values<law::Rule>()) out.emplace_back(law::info(r).id);
    return out;
}

py::tuple framework_get_state(const FrameworkHandle& self) {
    return py::make_tuple(framework_pickle_version, law::write_framework(*self.law));
}

FrameworkHandle framework_set_state(const py::tuple& state) {
    if (state.size() != 2 || !py::isinstance<py::int_>(state[0]) || !py::isinstance<py::str>(state[1]))
        throw Error(ErrorCode::invalid_value, "cannot unpickle a coopecon Framework: expected a tuple (version, text)");
    if (const auto version = state[0].cast<int>(); version != framework_pickle_version)
        throw Error(ErrorCode::invalid_value, "cannot unpickle a coopecon Framework: unknown pickle version " +
                                                  std::to_string(version));
    return framework_loads(state[1].cast<std::string>(), "<pickle>");
}

template <class T>
py::array_t<T> numpy_column(const std::vector<T>& values) {
    py::array_t<T> out(static_cast<py::ssize_t>(values.size()));
    std::copy(values.begin(), values.end(), out.mutable_data());
    return out;
}

py::array_t<bool> bool_column(const std::vector<std::uint8_t>& values) {
    py::array_t<bool> out(static_cast<py::ssize_t>(values.size()));
    std::transform(values.begin(), values.end(), out.mutable_data(), [](std::uint8_t v) { return v != 0; });
    return out;
}

/// A column of few distinct strings as codes into its distinct values, in order of first appearance.
struct CodedTexts {
    std::vector<std::int32_t> codes;
    std::vector<std::string> values;

    void add(std::string_view text) {
        const auto at = std::find(values.begin(), values.end(), text);
        codes.push_back(static_cast<std::int32_t>(at - values.begin()));
        if (at == values.end()) values.emplace_back(text);
    }
    /// Appends the codes of `other`, whose values are taken in as they first appear.
    void append(const CodedTexts& other) {
        std::vector<std::int32_t> recoded;
        for (const auto& v : other.values) {
            const auto at = std::find(values.begin(), values.end(), v);
            recoded.push_back(static_cast<std::int32_t>(at - values.begin()));
            if (at == values.end()) values.push_back(v);
        }
        for (const auto c : other.codes) codes.push_back(recoded[static_cast<std::size_t>(c)]);
    }
};

/// Findings as columns, made without the GIL: each chunk's on the thread that found it (so the findings are freed
/// where they were allocated), then the chunks appended in order. The free texts of all findings lie in one
/// buffer, from which the Python strings are made.
struct CheckColumns {
    std::vector<std::int16_t> rule;         // index in compliance_rules()
    std::vector<std::int8_t> severity;      // Severity's value: SEVERITIES in coopecon/law.py
    std::vector<std::int8_t> consequence;   // Consequence's value
    std::vector<std::string_view> seat;     // the organisation's area code, which the registry holds
    CodedTexts basis, basis_vi;
    std::vector<std::int64_t> began, counted_from, threshold;  // days since 1970-01-01, as datetime64[D] counts
    std::vector<std::int32_t> months;
    std::vector<double> observed;           // NaN: none
    std::vector<std::int64_t> limit;
    std::vector<std::uint8_t> has_limit, projected;
    std::string texts;                      // organization, message, message_vi of each finding in turn
    std::vector<std::size_t> text_ends;     // where each of them ends in `texts`

    static constexpr std::size_t texts_per_finding = 3;

    void add(const Registry& r, const std::unordered_map<std::string_view, std::int16_t>& rule_index,
             const compliance::Finding& f) {
        rule.push_back(rule_index.at(f.rule));
        severity.push_back(static_cast<std::int8_t>(f.severity));
        consequence.push_back(static_cast<std::int8_t>(f.consequence));
        seat.push_back(r.organization(r.index_of(f.organization)).area);
        basis.add(f.legal_basis);
        basis_vi.add(f.legal_basis_vi);
        began.push_back(f.began.days_since_epoch());
        counted_from.push_back(f.counted_from.days_since_epoch());
        threshold.push_back(f.threshold.days_since_epoch());
        months.push_back(f.months);
        observed.push_back(f.observed.value_or(std::numeric_limits<double>::quiet_NaN()));
        limit.push_back(f.limit.value_or(0));
        has_limit.push_back(f.limit.has_value());
        projected.push_back(f.projected);
        for (const auto* text : {&f.organization, &f.message, &f.message_vi}) {
            texts += *text;
            text_ends.push_back(texts.size());
        }
    }

    void append(CheckColumns&& c) {
        auto take = [](auto& to, auto& from) { to.insert(to.end(), from.begin(), from.end()); };
        take(rule, c.rule);
        take(severity, c.severity);
        take(consequence, c.consequence);
        take(seat, c.seat);
        basis.append(c.basis);
        basis_vi.append(c.basis_vi);
        take(began, c.began);
        take(counted_from, c.counted_from);
        take(threshold, c.threshold);
        take(months, c.months);
        take(observed, c.observed);
        take(limit, c.limit);
        take(has_limit, c.has_limit);
        take(projected, c.projected);
        const std::size_t offset = texts.size();
        texts += c.texts;
        for (const auto end : c.text_ends) text_ends.push_back(offset + end);
    }

    std::size_t size() const noexcept { return rule.size(); }

    /// Text `k` (0: organization, 1: message, 2: message_vi) of every finding, as a list of Python strings.
    py::list text_column(std::size_t k) const {
        py::list out(size());
        for (std::size_t i = 0; i < size(); ++i) {
            const std::size_t j = i * texts_per_finding + k;
            const std::size_t begin = j ? text_ends[j - 1] : 0;
            PyObject* s = PyUnicode_DecodeUTF8(texts.data() + begin, static_cast<Py_ssize_t>(text_ends[j] - begin),
                                               "strict");
            if (!s) throw py::error_already_set();
            PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), s);
        }
        return out;
    }
};

/// The findings of check() as columns, the work spread over the check's threads.
CheckColumns check_columns(const Registry& r, Date as_of, const compliance::CheckOptions& o) {
    std::unordered_map<std::string_view, std::int16_t> rule_index;
    for (const auto rule : enum_values<law::Rule>())
        rule_index.emplace(law::info(rule).id, static_cast<std::int16_t>(rule_index.size()));
    std::vector<CheckColumns> chunks(compliance::check_chunk_count(r.size()));
    compliance::check_chunks(r, as_of, o, [&](std::size_t chunk, std::vector<compliance::Finding>&& findings) {
        auto& c = chunks[chunk];
        for (const auto& f : findings) c.add(r, rule_index, f);
        findings = {};
    });
    CheckColumns out;
    for (auto& c : chunks) {
        out.append(std::move(c));
        c = {};
    }
    return out;
}

py::dict check(const SharedRegistry& registry, std::optional<Date> as_of, int at_risk_months, int notice_months,
               const std::string& across_law_change, const std::string& minimum,
               const std::optional<FrameworkHandle>& law, const std::optional<int>& threads) {
    compliance::CheckOptions options;
    options.threads = threads_argument(threads);
    if (law) options.law = law->law;
    options.at_risk_months = at_risk_months;
    options.notice_months = notice_months;
    options.across_law_change = enum_named<compliance::AcrossLawChange>(across_law_change, "a way across a change of law");
    options.minimum = enum_named<compliance::Severity>(minimum, "a severity");
    struct Found {
        CheckColumns columns;
        std::vector<std::string> area_codes;  // the seats found, sorted
        std::vector<std::int32_t> area;       // each finding's index in area_codes
    };
    const auto found = run_interruptible([&](Interruptible& call) {
        return registry.read_off_gil([&](const Registry& r) {
            auto o = options;
            o.cancel = &call.token();
            Found f{check_columns(r, as_of.value_or(r.data_as_of()), o), {}, {}};
            std::vector<std::string_view> distinct = f.columns.seat;
            std::sort(distinct.begin(), distinct.end());
            distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
            f.area_codes.assign(distinct.begin(), distinct.end());
            f.area.reserve(f.columns.size());
            for (const auto a : f.columns.seat)
                f.area.push_back(static_cast<std::int32_t>(std::lower_bound(distinct.begin(), distinct.end(), a) -
                                                           distinct.begin()));
            return f;
        });
    });
    const auto& c = found.columns;
    py::dict out;
    out["organization"] = c.text_column(0);
    out["area"] = numpy_column(found.area);
    out["area_codes"] = found.area_codes;
    out["rule"] = numpy_column(c.rule);
    out["severity"] = numpy_column(c.severity);
    out["consequence"] = numpy_column(c.consequence);
    out["legal_basis"] = numpy_column(c.basis.codes);
    out["legal_basis_texts"] = c.basis.values;
    out["legal_basis_vi"] = numpy_column(c.basis_vi.codes);
    out["legal_basis_vi_texts"] = c.basis_vi.values;
    out["began"] = numpy_column(c.began);
    out["counted_from"] = numpy_column(c.counted_from);
    out["threshold"] = numpy_column(c.threshold);
    out["months"] = numpy_column(c.months);
    out["observed"] = numpy_column(c.observed);
    out["limit"] = numpy_column(c.limit);
    out["has_limit"] = bool_column(c.has_limit);
    out["message"] = c.text_column(1);
    out["message_vi"] = c.text_column(2);
    out["projected"] = bool_column(c.projected);
    return out;
}

py::dict explain(const SharedRegistry& registry, const std::string& organization, std::optional<Date> as_of,
                 const std::string& across_law_change, const std::string& lang) {
    compliance::CheckOptions options;
    options.across_law_change = enum_named<compliance::AcrossLawChange>(across_law_change, "a way across a change of law");
    const auto language = enum_named<Lang>(lang, "a language");
    const auto e = registry.read([&](const Registry& r) {
        return compliance::explain(r, organization, as_of.value_or(r.data_as_of()), options);
    });
    py::list history;
    for (const auto& h : e.history) {
        py::dict row;
        row["date"] = h.date;
        row["status"] = std::string(enum_name(h.status));
        row["cause"] = h.cause;
        history.append(row);
    }
    py::list findings;
    for (const auto& x : e.findings) {
        const auto& f = x.finding;
        py::dict row;
        row["rule"] = f.rule;
        row["severity"] = std::string(enum_name(f.severity));
        row["consequence"] = std::string(enum_name(f.consequence));
        row["legal_basis"] = language == Lang::vi ? f.legal_basis_vi : f.legal_basis;
        row["projected"] = f.projected;
        row["began"] = f.began;
        row["counted_from"] = f.counted_from;
        row["threshold"] = f.threshold;
        row["period_last_day"] = x.period_last_day;
        row["law_change"] = x.law_change;
        row["months"] = f.months;
        row["observed"] = f.observed;
        row["limit"] = f.limit;
        row["message"] = language == Lang::vi ? f.message_vi : f.message;
        py::list events;
        for (const auto& ev : x.events) {
            py::dict evd;
            evd["date"] = ev.date;
            evd["type"] = ev.type;
            events.append(evd);
        }
        row["events"] = events;
        py::list parameters;
        for (const auto& p : x.parameters) {
            py::dict pd;
            pd["name"] = p.name;
            pd["on"] = p.on;
            pd["value"] = p.value;
            pd["reference"] = p.reference;
            pd["unconfirmed"] = p.unconfirmed;
            parameters.append(pd);
        }
        row["parameters"] = parameters;
        findings.append(row);
    }
    py::dict out;
    out["organization"] = e.organization;
    out["as_of"] = e.as_of;
    out["history_from"] = e.history_from;
    out["data_until"] = e.data_until;
    out["history"] = history;
    out["findings"] = findings;
    out["text"] = compliance::explain_text(e, language);
    return out;
}

}  // namespace

void bind_law(py::module_& m) {
    py::class_<FrameworkHandle>(m, "Framework", "A legal framework: dated parameters and legal bases.")
        .def_static("vietnam", [] { return FrameworkHandle{law::vietnam()}; },
                    "Vietnam's Laws on Cooperatives 2012 and 2023, compiled into the library.")
        .def_static("load", &framework_load, py::arg("path"),
                    "Reads and checks a framework file (format coopecon-law).")
        .def_static("loads", &framework_loads, py::arg("text"), py::arg("file_name") = "<string>",
                    "Reads and checks a framework file's text.")
        .def("apply_reform", &apply, py::arg("text"), py::arg("file_name") = "<string>",
             "A new framework with the reform (format coopecon-reform) applied; this one is unchanged.")
        .def("dumps", [](const FrameworkHandle& self) { return law::write_framework(*self.law); },
             "The framework file's text.")
        .def_property_readonly("title", [](const FrameworkHandle& self) { return self.law->title(); })
        .def_property_readonly("title_vi", [](const FrameworkHandle& self) { return self.law->title(Lang::vi); })
        .def("value", &value, py::arg("parameter"), py::arg("date"),
             "The value in force on `date`, or None when the parameter is not in force then.")
        .def("timeline", &timeline, py::arg("parameter"), "Every period of a parameter, with its reference.")
        .def("basis", [](const FrameworkHandle& self, const std::string& rule, Date date) {
                 return self.law->basis(rule, date);
             },
             py::arg("rule"), py::arg("date"), "The legal basis of a rule on `date` (\"\" when none is recorded).")
        .def("regime", &regime, py::arg("date"), "The id of the regime (law) in force on `date`, or None.")
        .def(py::pickle(&framework_get_state, &framework_set_state));
    m.def("check_reform", &check_reform, py::arg("text"), py::arg("file_name") = "<string>",
          "Checks a reform (format coopecon-reform) on its own; returns its title.");
    m.def("read_text", &read_text, py::arg("path"), "A file's text; FileError naming it when it cannot be read.");
    m.def("parameter_names", &parameter_names, "The parameters of a framework, in order.");
    m.def("compliance_rules", &rule_ids, "The compliance rule ids, in order.");
}

void bind_compliance(py::module_& m) {
    m.def("check", &check, py::arg("registry"), py::arg("as_of") = py::none(), py::arg("at_risk_months") = 2,
          py::arg("notice_months") = 12, py::arg("across_law_change") = "by_rule", py::arg("minimum") = "notice",
          py::arg("law") = py::none(), py::arg("threads") = py::none(),
          "The compliance findings on `as_of` (None: the registry's data_as_of), as columns.");
    m.def("explain", &explain, py::arg("registry"), py::arg("organization"), py::arg("as_of") = py::none(),
          py::arg("across_law_change") = "by_rule", py::arg("lang") = "en",
          "Why an organisation has its findings: status history, events, parameters, days counted.");
}

}  // namespace coopecon::python
