// coopecon check FILE: the compliance findings of every active or suspended organisation at a date (revocation
// and dissolution grounds, a group below its minimum, late notices and assemblies), one row per finding, under
// the embedded law or a framework file, with a reform applied if given. Exit code 1 when any finding is due.

#include "commands.hpp"
#include "interrupt.hpp"
#include "registry_input.hpp"

#include <coopecon/core/date_text.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/indicators/render.hpp>
#include <coopecon/indicators/table.hpp>
#include <coopecon/compliance/check.hpp>
#include <coopecon/law/framework_check.hpp>
#include <coopecon/law/framework_json.hpp>
#include <coopecon/law/reform_json.hpp>

#include <array>
#include <charconv>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace coopecon::cli {

namespace {

// The values are checked while the line is parsed, then read from Arguments::value.
void check_severity(Arguments&, std::string_view v) {
    if (v != "unknown" && v != "at_risk" && v != "due")
        throw UsageError(concat("--severity must be unknown, at_risk or due, not '", v, "'"), {});
}
void check_at_risk_months(Arguments&, std::string_view v) {
    int n = -1;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc{} || end != v.data() + v.size() || n < 0 || n > law::max_months)
        throw UsageError(concat("--at-risk-months must be a whole number from 0 to ", std::to_string(law::max_months),
                                ", not '", v, "'"),
                         {});
}

constexpr Option severity_option{"severity", "unknown|at_risk|due",
                                 "only findings at least this severe (default: all, notices included)",
                                 check_severity};
constexpr Option at_risk_option{"at-risk-months", "N",
                                "a finding is at risk this many months before its threshold (default: 2)",
                                check_at_risk_months};
constexpr std::array<const Option*, 13> check_options{
    &option::as_of,    &severity_option,     &option::across,       &at_risk_option,    &option::law,  &option::reform,
    &option::csv_rows, &option::csv_mapping, &option::csv_bad_rows, &option::csv_areas, &option::lang, &option::format,
    &option::threads};

constexpr Syntax check_syntax{
    "FILE", 1,
    "Replays every organisation's history once and lists, for each one active or suspended at the end of the\n"
    "date, the legal conditions it meets: the grounds for revoking a registration of Law 17/2023/QH15\n"
    "Art 103.1 (not operating, below the minimum of members, foreign-investor members, capital caps, no\n"
    "annual assembly) and the compulsory dissolution grounds of Law 23/2012/QH13 Art 54.2, each under the\n"
    "law in force at its dates; a cooperative group below its minimum (Decree 77/2019/NĐ-CP Art 14); and\n"
    "late suspension notices and annual assemblies.\n"
    "\n"
    "A finding is 'due' once its condition has lasted the months the law gives and is not cured, 'at risk'\n"
    "in the months before (--at-risk-months), and a 'notice' for a minor lapse. A period of months starts\n"
    "the day after the day its condition arose and ends on the same day of its last month (Civil Code\n"
    "Art 147, 148). Without --as-of the registry is judged at its own as_of date, else at its latest event.\n"
    "docs/legal-rules.md lists every rule with its article and its values under each law. The exit code is\n"
    "1 when any finding is due. Ctrl-C stops the check: 'interrupted; nothing written', exit code 130.\n",
    check_options};

constexpr Label title_label{"Compliance findings on ", "Kết quả kiểm tra tuân thủ tại ngày "};
constexpr Label projected_title{" (projected: the data end on ", " (dự báo: số liệu đến ngày "};
constexpr Label partial_title{"; histories complete from ", "; lịch sử đầy đủ từ ngày "};
constexpr Label none_label{"no findings", "không có"};
constexpr Label projected_label{"projected", "dự báo"};

struct ColumnText {
    std::string_view id;
    Label label;
};
// A lapse has no threshold: it is shown from the day it began ("Since"), and its threshold cell is blank.
// CSV keeps labels only, so there the rule id is a column of its own ("rule_id"), for the programs that read it.
constexpr std::array<ColumnText, 10> columns{{
    {"organization", {"Organisation", "Tổ chức"}},
    {"severity", {"Severity", "Mức độ"}},
    {"projected", {"Projected", "Dự báo"}},
    {"rule_id", {"Rule id", "Mã quy định"}},
    {"rule", {"Rule", "Quy định"}},
    {"since", {"Since", "Từ ngày"}},
    {"threshold", {"Threshold", "Ngày đủ thời hạn"}},
    {"consequence", {"Consequence", "Hậu quả pháp lý"}},
    {"legal_basis", {"Legal basis", "Căn cứ pháp lý"}},
    {"finding", {"Finding", "Nội dung"}},
}};

/// One row per finding; every cell keeps its stable code (rule id, severity, consequence, ISO date) beside its
/// label. Dates are written for people in text, Markdown and HTML (core/date_text.hpp) and stay ISO in CSV and
/// JSON.
indicators::Table build(const Registry& registry, const std::vector<compliance::Finding>& findings, Date as_of,
                        Format format) {
    using indicators::KeyCell;
    using indicators::Text;
    const bool for_people = format != Format::csv && format != Format::json;
    auto date = [&](Date d) {
        return for_people ? Text(date_text(d, Lang::en), date_text(d, Lang::vi)) : Text(d.iso(), d.iso());
    };
    auto title = [&](Lang lang) {
        std::string out = std::string(title_label.in(lang)) + std::string(date(as_of).in(lang));
        if (const auto from = registry.info().history_from)
            out += std::string(partial_title.in(lang)) + std::string(date(*from).in(lang));
        if (as_of > registry.data_as_of())
            out += std::string(projected_title.in(lang)) + std::string(date(registry.data_as_of()).in(lang)) + ")";
        return out + ": " + registry.law().title(lang);
    };
    indicators::Table t;
    t.id = "compliance_findings";
    t.title = Text(title(Lang::en), title(Lang::vi));
    auto shown = [&](const ColumnText& c) { return c.id != "rule_id" || format == Format::csv; };
    for (const auto& c : columns)
        if (shown(c)) t.keys.push_back({std::string(c.id), Text(c.label), {}});
    for (const auto& f : findings) {
        const auto rule = law::rule_from_id(f.rule);
        const bool lapse = law::info(*rule).form == law::RuleForm::lapse;
        const std::array<KeyCell, 10> cells{{
            {f.organization, Text(f.organization, f.organization)},
            {std::string(enum_name(f.severity)), Text(label(f.severity))},
            {f.projected ? "true" : "false", f.projected ? Text(projected_label) : Text("", "")},
            {f.rule, Text(f.rule, f.rule)},
            {f.rule, Text(law::info(*rule).name)},
            {f.began.iso(), date(f.began)},
            {lapse ? "" : f.threshold.iso(), lapse ? Text("", "") : date(f.threshold)},
            {std::string(enum_name(f.consequence)), Text(label(f.consequence))},
            {f.legal_basis, Text(f.legal_basis, f.legal_basis_vi)},
            {f.message, Text(f.message, f.message_vi)},
        }};
        std::size_t key = 0;
        for (std::size_t c = 0; c < cells.size(); ++c)
            if (shown(columns[c])) t.keys[key++].cells.push_back(cells[c]);
        t.totals.push_back(0);
    }
    return t;
}

}  // namespace

int check(const Invocation& call) {
    const auto args = parse_arguments(call.command.name, check_syntax, call.args);
    if (args.help) {
        call.out << help_text(call.command.name, call.command.summary, check_syntax);
        return exit_code::ok;
    }
    const auto law = load_law(args.value(option::law.name), args.value(option::reform.name), call.err);
    if (!law.law) return law.exit_code;
    const auto& file = args.operands.front();
    const auto loaded = load_registry(file, call.err, call.err, law.law, CsvInput::from(args));
    if (!loaded.registry) return loaded.exit_code;

    const auto& registry = *loaded.registry;
    compliance::CheckOptions options;
    options.threads = threads_of(args);
    if (const auto v = args.value(severity_option.name))
        options.minimum = *enum_from_name<compliance::Severity>(*v);
    if (const auto v = args.value(option::across.name)) options.across_law_change = *enum_from_name<law::AcrossLawChange>(*v);
    if (const auto v = args.value(at_risk_option.name)) std::from_chars(v->data(), v->data() + v->size(), options.at_risk_months);
    const Date as_of = args.as_of.value_or(registry.data_as_of());
    std::vector<compliance::Finding> findings;
    {
        CancellationToken cancel;
        const InterruptGuard guard(cancel);
        options.cancel = &cancel;
        try {
            findings = compliance::check(registry, as_of, options);
        } catch (const Cancelled&) {
            return interrupted(call.err, call.command.name);
        }
    }
    call.out << indicators::render(build(registry, findings, as_of, args.format), args.format, args.lang);
    if (findings.empty() && args.format == Format::text) call.out << none_label.in(args.lang) << '\n';
    return compliance::any_due(findings) ? exit_code::problems : exit_code::ok;
}

}  // namespace coopecon::cli
