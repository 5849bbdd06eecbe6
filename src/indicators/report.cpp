#include <coopecon/indicators/report.hpp>

#include "indicators/accumulation.hpp"
#include "indicators/escape.hpp"
#include "indicators/no_data.hpp"
#include "indicators/report_html.hpp"

#include <coopecon/core/date_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/indicators/catalogue.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace coopecon::indicators {

namespace {

using detail::csv_field;
using detail::json_string;

/// The row, in tables by kind, of the figure provinces publish beside the cooperative groups (hợp tác xã và
/// liên hiệp hợp tác xã, as in the statistics office's and the provinces' reports).
constexpr std::string_view coops_and_unions_code = "cooperatives_and_unions";
constexpr Label coops_and_unions_label{"Cooperatives and unions", "Hợp tác xã và liên hiệp hợp tác xã"};

std::vector<std::string> unique_ids(const std::vector<std::vector<std::string>>& lists) {
    std::vector<std::string> out;
    for (const auto& l : lists)
        for (const auto& id : l)
            if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    return out;
}

/// The headline as sentences, from the headline table (by kind, with the cooperatives-and-unions row).
std::vector<std::string> headline_sentences(const Report& r, Lang lang) {
    const auto& t = r.headline;
    auto value = [&](std::string_view kind, std::string_view id) -> std::optional<double> {
        for (std::size_t row = 0; row < t.rows(); ++row)
            if (!t.keys.empty() && t.keys[0].cells[row].code == kind) return t.column(id).value(row);
        return std::nullopt;
    };
    const std::string no_data(no_data_label.in(lang));
    auto n = [&](std::optional<double> v) {
        if (v && std::isnan(*v)) return no_data;
        return format_integer(static_cast<std::int64_t>(v.value_or(0)), lang);
    };
    auto d = [&](std::optional<double> v) { return v && !std::isnan(*v) ? format_number(*v, 1, lang) : no_data; };
    const bool vi = lang == Lang::vi;
    std::vector<std::string> out;
    if (r.info.synthetic)
        out.push_back(vi ? "Dữ liệu tổng hợp (giả lập), không phải số liệu thống kê chính thức."
                         : "Synthetic data: generated, not official statistics.");
    // The Vietnamese report titles itself from the area and the date, as a province titles its report, so that it
    // names the province whatever language the registry's own title is in.
    std::string title = r.info.title.empty() || vi ? (vi ? "Kinh tế tập thể" : "Collective economy") : r.info.title;
    // A title that already names the area or the date (as the built-in profiles' do) is not followed by it again.
    const auto& area = r.area.en;
    if (!area.empty() && (vi || title.find(area.substr(0, area.rfind(' '))) == std::string::npos))
        title += (vi ? " " : ", ") + std::string(r.area.in(lang));
    if (vi || title.find(r.as_of.iso()) == std::string::npos)
        title += (vi ? ", đến ngày " : ", as of ") + date_text(r.as_of, lang);
    if (r.units_as_of != r.as_of)
        title += (vi ? "; địa bàn theo đơn vị hành chính ngày " : "; areas in the units of ") +
                 date_text(r.units_as_of, lang);
    out.push_back(title + ".");
    const std::string_view coop = "cooperative", uni = "union_of_cooperatives", grp = "cooperative_group";
    if (value(coop, "organizations").value_or(0) > 0) {
        std::string others;
        const auto total = value(coop, "organizations").value_or(0);
        const auto rest = total - value(coop, "active").value_or(0) - value(coop, "suspended").value_or(0);
        if (rest > 0) others = vi ? ", " + n(rest) + " ở tình trạng khác" : ", " + n(rest) + " in other statuses";
        out.push_back(
            vi ? "Hợp tác xã: " + n(total) + " (" + n(value(coop, "active")) + " đang hoạt động, " +
                     n(value(coop, "suspended")) + " tạm ngừng kinh doanh" + others + "), " +
                     n(value(coop, "members")) + " thành viên, bình quân " + d(value(coop, "members_per_organization")) +
                     " thành viên/hợp tác xã; tỷ lệ đang hoạt động " + d(value(coop, "active_rate")) +
                     " %, tạm ngừng " + d(value(coop, "suspended_rate")) + " %."
               : "Cooperatives: " + n(total) + " (" + n(value(coop, "active")) + " active, " +
                     n(value(coop, "suspended")) + " suspended" + others + "), " + n(value(coop, "members")) +
                     " members, " + d(value(coop, "members_per_organization")) + " members per cooperative; active " +
                     d(value(coop, "active_rate")) + " %, suspended " + d(value(coop, "suspended_rate")) + " %.");
    }
    if (value(uni, "organizations").value_or(0) > 0) {
        // Workers come from financial years; a union that reported none has no figure to give.
        const auto workers = value(uni, "workers");
        const bool no_workers = workers && std::isnan(*workers);
        out.push_back(vi ? "Liên hiệp hợp tác xã: " + n(value(uni, "organizations")) + ", gồm " +
                               n(value(uni, "member_cooperatives")) + " hợp tác xã thành viên" +
                               (no_workers ? "; lao động: " + no_data + "." : " và " + n(workers) + " lao động.")
                         : "Unions of cooperatives: " + n(value(uni, "organizations")) + ", with " +
                               n(value(uni, "member_cooperatives")) + " member cooperatives" +
                               (no_workers ? "; workers: " + no_data + "." : " and " + n(workers) + " workers."));
        // The figure provinces publish: a union's member cooperatives are among the cooperatives counted.
        out.push_back(vi ? "Hợp tác xã và liên hiệp hợp tác xã: " + n(value(coops_and_unions_code, "organizations")) +
                               " (" + n(value(coops_and_unions_code, "active")) + " đang hoạt động)."
                         : "Cooperatives and unions: " + n(value(coops_and_unions_code, "organizations")) + " (" +
                               n(value(coops_and_unions_code, "active")) + " active).");
    }
    if (value(grp, "organizations").value_or(0) > 0)
        out.push_back(vi ? "Tổ hợp tác: " + n(value(grp, "organizations")) + ", với " + n(value(grp, "members")) +
                               " thành viên, bình quân " + d(value(grp, "members_per_organization")) +
                               " thành viên/tổ hợp tác."
                         : "Cooperative groups: " + n(value(grp, "organizations")) + ", with " +
                               n(value(grp, "members")) + " members, " + d(value(grp, "members_per_organization")) +
                               " members per group.");
    return out;
}

/// The expression over cooperatives and unions only: each leaf's filter also asks for one of those kinds.
Expression of_cooperatives_and_unions(Expression e) {
    if (e.op == Expression::Op::sum || e.op == Expression::Op::distinct_communes)
        e.filter = e.filter & of_kind({OrgKind::cooperative, OrgKind::union_of_cooperatives});
    for (auto& o : e.operands) o = of_cooperatives_and_unions(std::move(o));
    return e;
}

/// The query's indicators over cooperatives and unions, in one row.
Query of_cooperatives_and_unions(Query q) {
    q.by.clear();
    for (auto& i : q.indicators) {
        i.expression = of_cooperatives_and_unions(std::move(i.expression));
        for (auto& f : i.reported_by) f = f & of_kind({OrgKind::cooperative, OrgKind::union_of_cooperatives});
    }
    return q;
}

/// A table by kind with, in place of each totals row (which would add cooperative groups to cooperatives), the
/// row of cooperatives and unions: `rows` holds them in the same order, one for a table, one per period for a
/// series.
void with_cooperatives_and_unions(Table& t, const Table& rows) {
    for (std::size_t c = 0; c < t.values.size(); ++c) {
        auto& v = t.values[c];
        if (v.integral && !rows.values.at(c).integral) {
            v.reals.assign(v.integers.begin(), v.integers.end());
            v.integers.clear();
            v.integral = false;
        }
    }
    std::size_t next = 0;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        if (!t.totals[r]) continue;
        const std::size_t from = next++;
        for (auto& k : t.keys)
            if (k.cells[r].code == "total") k.cells[r] = {std::string(coops_and_unions_code), Text(coops_and_unions_label)};
        for (std::size_t c = 0; c < t.values.size(); ++c) {
            auto& v = t.values[c];
            if (v.integral) v.integers[r] = rows.values[c].integers.at(from);
            else v.reals[r] = rows.values[c].value(from);
        }
    }
}

/// The province every organisation is seated in on `d`, named for a sentence; empty when there is no one such.
Text covering_province(const Registry& reg, Date d) {
    const auto& areas = reg.areas();
    AreaIndex only = no_index;
    for (OrgIndex i = 0; i < reg.size(); ++i) {
        // A seat in a unit that begins after the date (an organisation founded later, in later units) has no
        // province on that date and does not decide which province the registry covers.
        if (areas[reg.area(i)].valid_from > d) continue;
        const auto p = reporting_unit(areas, reg.area(i), AreaLevel::province, d);
        if (p == no_index || (only != no_index && p != only)) return {};
        only = p;
    }
    if (only == no_index) return {};
    const auto& a = areas[only];
    const bool city = a.kind == "city";  // thành phố trực thuộc trung ương
    return {a.name + (city ? " city" : " province"), (city ? "thành phố " : "tỉnh ") + a.name};
}

}  // namespace

ReportQuery report_query(const Registry& reg, const ReportOptions& options, const StandardLayout& layout) {
    ReportQuery r;
    const Date as_of = options.as_of.value_or(reg.data_as_of());
    r.period = period_between(options.from.value_or(*Date::from_ymd(as_of.year(), 1, 1)), as_of);
    r.units_as_of = options.units_as_of.value_or(as_of);
    r.by_kind = options.by == std::vector<GroupKey>{GroupKey::by(KeyKind::kind)};
    r.query.by = options.by;
    r.query.units_as_of = r.units_as_of;
    r.query.size_classes = options.size_classes;
    r.query.scoring = options.scoring;
    r.query.threads = options.threads;
    r.query.cancel = options.cancel;
    std::vector<std::vector<std::string>> lists;
    for (const auto& s : layout.sections) lists.push_back(s.columns);
    if (r.by_kind) lists.push_back(layout.headline);
    r.query.indicators = catalogue_indicators(unique_ids(lists), options.scoring);
    return r;
}

Report standard_report(const Registry& reg, const ReportOptions& options, const StandardLayout& layout) {
    const auto plan = report_query(reg, options, layout);
    const bool by_kind = plan.by_kind;
    const Query& main = plan.query;
    Report r;
    r.info = reg.info();
    r.as_of = plan.period.end;
    r.period = plan.period;
    r.units_as_of = plan.units_as_of;
    r.area = covering_province(reg, r.as_of);

    // One replay feeds the standard tables, the headline when they are not by kind, and the row of
    // cooperatives and unions that takes the place of the totals in tables by kind.
    Query head = main;
    if (!by_kind) {
        head.by = {GroupKey::by(KeyKind::kind)};
        head.indicators = catalogue_indicators(layout.headline, options.scoring);
    }
    std::vector<detail::Accumulation> accs;
    accs.reserve(3);
    accs.emplace_back(detail::with_reported_counts(main), r.period, reg.areas());
    accs.emplace_back(detail::with_reported_counts(of_cooperatives_and_unions(head)), r.period, reg.areas());
    if (!by_kind) accs.emplace_back(detail::with_reported_counts(head), r.period, reg.areas());
    detail::accumulate_replayed(reg, accs, options.threads, options.cancel);
    auto table_of = [](const detail::Accumulation& acc) {
        Table t;
        acc.append_to(t, false);
        detail::mark_no_data(t);
        return t;
    };
    Table all = table_of(accs[0]);
    const Table coops_and_unions_row = table_of(accs[1]);
    if (by_kind) {
        with_cooperatives_and_unions(all, coops_and_unions_row);
        r.headline = all.select("headline", {"Headline figures", "Số liệu chính"}, layout.headline);
    } else {
        r.headline = table_of(accs[2]);
        with_cooperatives_and_unions(r.headline, coops_and_unions_row);
        r.headline.id = "headline";
        r.headline.title = {"Headline figures", "Số liệu chính"};
    }
    for (const auto& s : layout.sections) {
        Text title = s.title;
        if (s.id == "change") {
            title.en += ", " + date_text(r.period.start, Lang::en) + " to " + date_text(r.period.end, Lang::en);
            title.vi += ", " + date_text(r.period.start, Lang::vi) + " đến " + date_text(r.period.end, Lang::vi);
        }
        r.tables.push_back(all.select(s.id, std::move(title), s.columns));
    }
    if (options.period) {
        Query q = main;
        q.indicators = catalogue_indicators(layout.series, options.scoring);
        const auto periods = series(r.period.start, r.as_of, *options.period);
        auto t = compute(reg, q, periods);
        if (by_kind) with_cooperatives_and_unions(t, compute(reg, of_cooperatives_and_unions(q), periods));
        t.id = "series";
        const std::string_view length_en = enum_name(*options.period);
        const std::string length_vi = *options.period == PeriodLength::month     ? "tháng"
                                      : *options.period == PeriodLength::quarter ? "quý"
                                                                                 : "năm";
        t.title = {"Series by " + std::string(length_en) + ", " + date_text(r.period.start, Lang::en) + " to " +
                       date_text(r.as_of, Lang::en),
                   "Chuỗi số liệu theo " + length_vi + ", " + date_text(r.period.start, Lang::vi) + " đến " +
                       date_text(r.as_of, Lang::vi)};
        r.tables.push_back(std::move(t));
    }
    return r;
}

std::string render(const Report& r, Format format, Lang lang) {
    const auto sentences = headline_sentences(r, lang);
    std::vector<const Table*> tables{&r.headline};
    for (const auto& t : r.tables) tables.push_back(&t);
    std::string out;
    switch (format) {
        case Format::text:
        case Format::md: {
            for (std::size_t i = 0; i < sentences.size(); ++i)
                out += (format == Format::md && i == (r.info.synthetic ? 1u : 0u) ? "## " : "") + sentences[i] +
                       (format == Format::md ? "\n\n" : "\n");
            for (const auto* t : tables) out += "\n" + render(*t, format, lang);
            return out;
        }
        case Format::csv: {
            if (r.info.synthetic) out += csv_field(sentences.front()) + "\r\n";
            for (std::size_t i = 0; i < tables.size(); ++i) {
                if (i > 0 || r.info.synthetic) out += "\r\n";
                out += csv_field(tables[i]->title.in(lang)) + "\r\n" + to_csv(*tables[i], lang);
            }
            return out;
        }
        case Format::json: {
            out += "{\n  \"synthetic\": " + std::string(r.info.synthetic ? "true" : "false") + ",\n";
            out += "  \"title\": " +
                   json_string(lang == Lang::vi && r.info.title_vi ? *r.info.title_vi : r.info.title) + ",\n";
            out += "  \"source\": " + json_string(detail::source_in(r.info, lang)) + ",\n";
            out += "  \"as_of\": " + json_string(r.as_of.iso()) + ",\n";
            out += "  \"period\": {\"start\": " + json_string(r.period.start.iso()) + ", \"end\": " +
                   json_string(r.period.end.iso()) + "},\n";
            out += "  \"units_as_of\": " + json_string(r.units_as_of.iso()) + ",\n";
            out += "  \"headline\": [";
            for (std::size_t i = 0; i < sentences.size(); ++i) out += (i ? ", " : "") + json_string(sentences[i]);
            out += "],\n  \"tables\": [";
            for (std::size_t i = 0; i < tables.size(); ++i) out += (i ? ", " : "") + to_json(*tables[i], lang, 2);
            out += "]\n}\n";
            return out;
        }
        case Format::html: return detail::report_html(r, sentences, lang);
    }
    throw Error(ErrorCode::usage, "unknown report format");
}

}  // namespace coopecon::indicators
