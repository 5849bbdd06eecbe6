// coopecon check FILE: the compliance findings of every active or suspended organisation at a date (revocation
// and dissolution grounds, a group below its minimum, late notices and assemblies), one row per finding, under
// the embedded law or a framework file, with a reform applied if given. Exit code 1 when any finding is due.

#include "commands.hpp"
#include "registry_input.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/indicators/render.hpp>
#include <coopecon/indicators/table.hpp>
#include <coopecon/compliance/check.hpp>
#include <coopecon/law/framework_check.hpp>
#include <coopecon/law/framework_json.hpp>
#include <coopecon/law/reform_json.hpp>

#include <array>
#include <ctime>
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
    if (v != "at_risk" && v != "due") throw UsageError(concat("--severity must be at_risk or due, not '", v, "'"), {});
}
void check_file(Arguments&, std::string_view v) {
    if (v.empty()) throw UsageError("the file name is empty", {});
}

constexpr Option severity_option{"severity", "at_risk|due",
                                 "only findings at least this severe (default: all, notices included)",
                                 check_severity};
constexpr Option law_option{"law", "FILE", "a framework file (format coopecon-law) instead of the embedded law",
                            check_file};
constexpr Option reform_option{"reform", "FILE", "a reform (format coopecon-reform) applied to the law",
                               check_file};
constexpr std::array<const Option*, 9> check_options{
    &option::as_of,       &severity_option,       &law_option,  &reform_option, &option::csv_rows,
    &option::csv_mapping, &option::csv_bad_rows, &option::lang, &option::format};

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
    "in the two months before, and a 'notice' for a minor lapse. docs/legal-rules.md lists every rule with\n"
    "its article and its values under each law. The exit code is 1 when any finding is due.\n",
    check_options};

constexpr Label title_label{"Compliance findings on ", "Kết quả kiểm tra tuân thủ tại ngày "};
constexpr Label none_label{"no findings", "không có"};

struct ColumnText {
    std::string_view id;
    Label label;
};
constexpr std::array<ColumnText, 7> columns{{
    {"organization", {"Organisation", "Tổ chức"}},
    {"severity", {"Severity", "Mức độ"}},
    {"rule", {"Rule", "Quy định"}},
    {"threshold", {"Threshold", "Thời hạn"}},
    {"consequence", {"Consequence", "Hậu quả pháp lý"}},
    {"legal_basis", {"Legal basis", "Căn cứ pháp lý"}},
    {"finding", {"Finding", "Nội dung"}},
}};

Date today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return *Date::from_ymd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                           static_cast<unsigned>(local.tm_mday));
}

/// The law to check under, or the exit code after printing why it cannot be had.
struct LoadedLaw {
    std::shared_ptr<const law::Framework> law;
    int exit_code = exit_code::ok;
};

LoadedLaw load_law(std::optional<std::string_view> law_file, std::optional<std::string_view> reform_file,
                   std::ostream& err) {
    const std::string* current = nullptr;
    const std::string law_name(law_file.value_or(""));
    const std::string reform_name(reform_file.value_or(""));
    try {
        auto law = law::vietnam();
        std::error_code ec;
        for (const auto* name : {&law_name, &reform_name})
            if (!name->empty() && std::filesystem::is_directory(*name, ec)) {
                err << *name << ": is a directory, not a file\n";
                return {nullptr, exit_code::unreadable};
            }
        if (law_file) {
            current = &law_name;
            law = std::make_shared<const law::Framework>(law::read_framework_file(law_name));
        }
        if (reform_file) {
            current = &reform_name;
            law = std::make_shared<const law::Framework>(law::apply_reform_file(*law, reform_name));
        }
        return {std::move(law), exit_code::ok};
    } catch (const Error& e) {
        const auto& problems = e.problems();
        if (e.code() == ErrorCode::io) {
            err << problems.front().to_string() << '\n';
            return {nullptr, exit_code::unreadable};
        }
        for (const auto& p : problems) err << p.to_string() << '\n';
        err << count_of(problems.size(), "problem", "problems") << " in " << (current ? *current : "") << '\n';
        return {nullptr, exit_code::problems};
    }
}

/// One row per finding; every cell keeps its stable code (rule id, severity, consequence) beside its label.
indicators::Table build(const Registry& registry, const std::vector<compliance::Finding>& findings, Date as_of) {
    using indicators::KeyCell;
    using indicators::Text;
    indicators::Table t;
    t.id = "compliance_findings";
    t.title = Text(std::string(title_label.en) + as_of.iso() + ": " + registry.law().title(),
                   std::string(title_label.vi) + as_of.iso() + ": " + registry.law().title());
    for (const auto& c : columns) t.keys.push_back({std::string(c.id), Text(c.label), {}});
    for (const auto& f : findings) {
        const auto rule = law::rule_from_id(f.rule);
        const std::array<KeyCell, 7> cells{{
            {f.organization, Text(f.organization, f.organization)},
            {std::string(enum_name(f.severity)), Text(label(f.severity))},
            {f.rule, Text(law::info(*rule).name)},
            {f.threshold.iso(), Text(f.threshold.iso(), f.threshold.iso())},
            {std::string(enum_name(f.consequence)), Text(label(f.consequence))},
            {f.legal_basis, Text(f.legal_basis, f.legal_basis)},
            {f.message, Text(f.message, f.message_vi)},
        }};
        for (std::size_t c = 0; c < cells.size(); ++c) t.keys[c].cells.push_back(cells[c]);
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
    const auto law = load_law(args.value(law_option.name), args.value(reform_option.name), call.err);
    if (!law.law) return law.exit_code;
    const auto& file = args.operands.front();
    const auto loaded = load_registry(file, call.err, call.err, law.law, CsvInput::from(args));
    if (!loaded.registry) return loaded.exit_code;

    const auto& registry = *loaded.registry;
    compliance::CheckOptions options;
    if (const auto v = args.value(severity_option.name))
        options.minimum = *v == "due" ? compliance::Severity::due : compliance::Severity::at_risk;
    const Date as_of = args.as_of ? *args.as_of : registry.info().as_of ? *registry.info().as_of : today();
    const auto findings = compliance::check(registry, as_of, options);
    call.out << indicators::render(build(registry, findings, as_of), args.format, args.lang);
    if (findings.empty() && args.format == Format::text) call.out << none_label.in(args.lang) << '\n';
    return compliance::any_due(findings) ? exit_code::problems : exit_code::ok;
}

}  // namespace coopecon::cli
