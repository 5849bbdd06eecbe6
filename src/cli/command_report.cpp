// coopecon report FILE: organisations, their members and workers by kind and legal status at a date, from a
// snapshot of the registry. The numbers are computed here; how they look is table_output's business.

#include "commands.hpp"
#include "registry_input.hpp"
#include "table_output.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/model/organization_kind.hpp>

#include <array>
#include <chrono>
#include <ctime>
#include <map>
#include <utility>

namespace coopecon::cli {

namespace {

constexpr std::array<const Option*, 3> options{&option::as_of, &option::lang, &option::format};

constexpr Syntax syntax{
    "FILE", 1,
    "Replays every organisation's events up to the end of the date and groups the organisations registered\n"
    "on or before it by kind (a converted cooperative group counts as a cooperative) and legal status.\n"
    "Organisations terminated on or before the date have a section of their own, outside the first total.\n"
    "\n"
    "Members are counted by kind of membership: official members, capital-contributing associates and\n"
    "non-capital associates (Law 17/2023/QH15 Art 30-31). Workers are the regular workers of the latest\n"
    "financial year closed on or before the date. Status labels are worded as Decree 92/2024/NĐ-CP words\n"
    "them: Art 27 for cooperatives and unions, Art 28 for cooperative groups.\n"
    "\n"
    "Errors in the file are printed as by 'coopecon validate', to standard error (exit code 1).\n",
    options};

// The report's own words; kinds and statuses use the model's labels.
constexpr Label title_label{"Organisations by kind and legal status",
                            "Tổ chức kinh tế tập thể theo loại hình và tình trạng pháp lý"};
constexpr Label as_of_label{"As of", "Tại ngày"};
constexpr Label registry_label{"Registry", "Sổ đăng ký"};
constexpr Label source_label{"Source", "Nguồn"};
constexpr Label synthetic_label{"Synthetic data", "Dữ liệu giả lập"};
constexpr Label yes_label{"yes", "có"};
constexpr Label file_label{"File", "Tệp"};
constexpr Label section_label{"Section", "Phần"};
constexpr Label existing_label{"Registered and not terminated on ", "Đã đăng ký, chưa chấm dứt tại ngày "};
constexpr Label terminated_label{"Terminated on or before ", "Đã chấm dứt đến ngày "};
constexpr Label total_label{"Total", "Tổng cộng"};

struct ColumnText {
    std::string_view key;
    Label label;
    bool numeric;
};
constexpr std::array<ColumnText, 8> columns{{
    {"kind", {"Kind", "Loại hình"}, false},
    {"status", {"Legal status", "Tình trạng pháp lý"}, false},
    {"organizations", {"Organisations", "Số tổ chức"}, true},
    {"official_members", {"Official members", "Thành viên chính thức"}, true},
    {"capital_associates", {"Capital associates", "Thành viên liên kết góp vốn"}, true},
    {"non_capital_associates", {"Non-capital associates", "Thành viên liên kết không góp vốn"}, true},
    {"members", {"Members", "Tổng số thành viên"}, true},
    {"workers", {"Workers", "Người lao động"}, true},
}};

struct Counts {
    std::int64_t organizations = 0;
    std::int64_t official = 0;
    std::int64_t capital_associates = 0;
    std::int64_t non_capital_associates = 0;
    std::int64_t workers = 0;

    void add(const Snapshot& s, std::size_t i) {
        ++organizations;
        official += s.official_members[i];
        capital_associates += s.capital_associates[i];
        non_capital_associates += s.non_capital_associates[i];
        workers += s.workers[i];
    }
    void add(const Counts& c) {
        organizations += c.organizations;
        official += c.official;
        capital_associates += c.capital_associates;
        non_capital_associates += c.non_capital_associates;
        workers += c.workers;
    }
    void append_to(Row& row) const {
        for (const auto n : {organizations, official, capital_associates, non_capital_associates,
                             official + capital_associates + non_capital_associates, workers})
            row.push_back(Cell::of(n));
    }
};

std::string text(Label l, Lang lang) { return std::string(l.in(lang)); }

// The calendar date where the user is: "today" in Vietnam starts seven hours before it does in UTC.
Date today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return *Date::from_ymd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                           static_cast<unsigned>(local.tm_mday));
}

Table build(const Registry& registry, Date as_of, Lang lang, const std::string& file) {
    Table t;
    t.title = text(title_label, lang);
    t.facts.push_back({"as_of", text(as_of_label, lang), as_of.iso(), {}});
    const auto& info = registry.info();
    if (!info.title.empty()) t.facts.push_back({"registry", text(registry_label, lang), info.title, {}});
    if (!info.source.empty()) t.facts.push_back({"source", text(source_label, lang), info.source, {}});
    if (info.synthetic) t.facts.push_back({"synthetic", text(synthetic_label, lang), text(yes_label, lang), true});
    t.facts.push_back({"file", text(file_label, lang), file, {}});
    for (const auto& c : columns) t.columns.push_back({std::string(c.key), text(c.label, lang), c.numeric});
    t.section_label = text(section_label, lang);

    // Ordered by kind, then status, in the order the model declares them.
    std::map<std::pair<OrgKind, LegalStatus>, Counts> groups;
    const auto snapshot = registry.snapshot(as_of);
    for (std::size_t i = 0; i < snapshot.size(); ++i)
        if (snapshot.exists[i]) groups[{snapshot.kind[i], snapshot.status[i]}].add(snapshot, i);

    Section existing{"existing", text(existing_label, lang) + as_of.iso(), {}, {}};
    Section terminated{"terminated", text(terminated_label, lang) + as_of.iso(), {}, {}};
    Counts existing_total, terminated_total;
    for (const auto& [group, counts] : groups) {
        const auto [kind, status] = group;
        Row row{Cell::of(text(label(kind), lang), std::string(enum_name(kind))),
                Cell::of(text(label(status, kind), lang), std::string(enum_name(status)))};
        counts.append_to(row);
        const bool ended = status == LegalStatus::terminated;
        (ended ? terminated : existing).rows.push_back(std::move(row));
        (ended ? terminated_total : existing_total).add(counts);
    }
    for (auto [section, total] : {std::pair{&existing, &existing_total}, std::pair{&terminated, &terminated_total}}) {
        Row row{Cell::of(text(total_label, lang)), Cell::of("")};
        total->append_to(row);
        section->total = std::move(row);
    }
    t.sections.push_back(std::move(existing));
    t.sections.push_back(std::move(terminated));
    return t;
}

}  // namespace

int report(const Invocation& call) {
    const auto args = parse_arguments(call.command.name, syntax, call.args);
    if (args.help) {
        call.out << help_text(call.command.name, call.command.summary, syntax);
        return exit_code::ok;
    }
    const auto& file = args.operands.front();
    const auto loaded = load_registry(file, call.err, call.err);
    if (!loaded.registry) return loaded.exit_code;

    const auto& registry = *loaded.registry;
    const Date as_of = args.as_of ? *args.as_of : registry.info().as_of ? *registry.info().as_of : today();
    write_table(call.out, build(registry, as_of, args.lang, file), args.format);
    return exit_code::ok;
}

}  // namespace coopecon::cli
