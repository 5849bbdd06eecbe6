#include <coopecon/indicators/report.hpp>

#include "indicators/accumulation.hpp"
#include "indicators/escape.hpp"
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

std::vector<std::string> unique_ids(const std::vector<std::vector<std::string>>& lists) {
    std::vector<std::string> out;
    for (const auto& l : lists)
        for (const auto& id : l)
            if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    return out;
}

/// The headline as sentences, from the headline table (by kind).
std::vector<std::string> headline_sentences(const Report& r, Lang lang) {
    const auto& t = r.headline;
    auto value = [&](std::string_view kind, std::string_view id) -> std::optional<double> {
        for (std::size_t row = 0; row < t.rows(); ++row)
            if (!t.keys.empty() && t.keys[0].cells[row].code == kind) return t.column(id).value(row);
        return std::nullopt;
    };
    auto n = [&](std::optional<double> v) { return format_integer(static_cast<std::int64_t>(v.value_or(0)), lang); };
    auto d = [&](std::optional<double> v) {
        return v && !std::isnan(*v) ? format_number(*v, 1, lang) : std::string("–");
    };
    const bool vi = lang == Lang::vi;
    std::vector<std::string> out;
    if (r.info.synthetic)
        out.push_back(vi ? "Dữ liệu tổng hợp (giả lập), không phải số liệu thống kê chính thức."
                         : "Synthetic data: generated, not official statistics.");
    std::string title = r.info.title.empty() ? (vi ? "Kinh tế tập thể" : "Collective economy") : r.info.title;
    // A title that already names the area or the date (as the built-in profiles' do) is not followed by it again.
    const auto& area = r.area.en;
    if (!area.empty() && title.find(area.substr(0, area.rfind(' '))) == std::string::npos)
        title += ", " + std::string(r.area.in(lang));
    if (title.find(r.as_of.iso()) == std::string::npos)
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
    if (value(uni, "organizations").value_or(0) > 0)
        out.push_back(vi ? "Liên hiệp hợp tác xã: " + n(value(uni, "organizations")) + ", gồm " +
                               n(value(uni, "member_cooperatives")) + " hợp tác xã thành viên và " +
                               n(value(uni, "workers")) + " lao động."
                         : "Unions of cooperatives: " + n(value(uni, "organizations")) + ", with " +
                               n(value(uni, "member_cooperatives")) + " member cooperatives and " +
                               n(value(uni, "workers")) + " workers.");
    if (value(grp, "organizations").value_or(0) > 0)
        out.push_back(vi ? "Tổ hợp tác: " + n(value(grp, "organizations")) + ", với " + n(value(grp, "members")) +
                               " thành viên, bình quân " + d(value(grp, "members_per_organization")) +
                               " thành viên/tổ hợp tác."
                         : "Cooperative groups: " + n(value(grp, "organizations")) + ", with " +
                               n(value(grp, "members")) + " members, " + d(value(grp, "members_per_organization")) +
                               " members per group.");
    return out;
}

/// The province every organisation is seated in on `d`, named for a sentence; empty when there is no one such.
Text covering_province(const Registry& reg, Date d) {
    const auto& areas = reg.areas();
    AreaIndex only = no_index;
    for (OrgIndex i = 0; i < reg.size(); ++i) {
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

    // One replay feeds both the standard tables and, when they are not by kind, the headline.
    std::vector<detail::Accumulation> accs;
    accs.reserve(2);
    accs.emplace_back(main, r.period, reg.areas());
    if (!by_kind) {
        Query head = main;
        head.by = {GroupKey::by(KeyKind::kind)};
        head.indicators = catalogue_indicators(layout.headline, options.scoring);
        accs.emplace_back(std::move(head), r.period, reg.areas());
    }
    detail::accumulate_replayed(reg, accs, options.threads, options.cancel);
    Table all;
    accs[0].append_to(all, false);
    if (by_kind) {
        r.headline = all.select("headline", {"Headline figures", "Số liệu chính"}, layout.headline);
    } else {
        accs[1].append_to(r.headline, false);
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
        auto t = compute(reg, q, series(r.period.start, r.as_of, *options.period));
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
            out += "  \"title\": " + json_string(r.info.title) + ",\n";
            out += "  \"source\": " + json_string(r.info.source) + ",\n";
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
