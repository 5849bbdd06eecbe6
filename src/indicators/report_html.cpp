#include "indicators/report_html.hpp"

#include <coopecon/indicators/chart.hpp>
#include <coopecon/indicators/html.hpp>
#include <coopecon/indicators/render.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

namespace coopecon::indicators::detail {

namespace {

constexpr int chart_width = 540;  // two charts side by side on a wide screen, drawn at about their own size
constexpr std::size_t max_bars = 25;  // more would make a chart taller than a page; the tables have every row
constexpr Label charts_heading{"Charts", "Biểu đồ"};
constexpr Label tables_heading{"Tables", "Bảng số liệu"};
constexpr Label headline_heading{"Headline figures", "Số liệu chính"};
constexpr Label other_statuses{"Other statuses", "Tình trạng khác"};
constexpr Label over_time{"Organisations over time", "Số tổ chức qua các kỳ"};

/// The values of one column on the rows that are not totals, or on the totals rows only.
std::vector<double> column_values(const Table& t, std::string_view id, bool totals) {
    std::vector<double> out;
    const auto& c = t.column(id);
    for (std::size_t r = 0; r < t.rows(); ++r)
        if (static_cast<bool>(t.totals[r]) == totals) out.push_back(c.value(r));
    return out;
}

/// One label per row that is not a total: its key cells joined, e.g. "2023-Q1 · Cà Mau".
std::vector<std::string> row_labels(const Table& t, Lang lang) {
    std::vector<std::string> out;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        if (t.totals[r]) continue;
        std::string label;
        for (const auto& k : t.keys) {
            if (!label.empty()) label += " · ";
            label += k.cells[r].label.in(lang);
        }
        out.push_back(label);
    }
    return out;
}

bool has_columns(const Table& t, std::initializer_list<std::string_view> ids) {
    return std::all_of(ids.begin(), ids.end(), [&](std::string_view id) {
        return std::any_of(t.values.begin(), t.values.end(), [&](const ValueColumn& v) { return v.id == id; });
    });
}

const Table* find_table(const Report& r, std::string_view id) {
    for (const auto& t : r.tables)
        if (t.id == id) return &t;
    return nullptr;
}

std::string key_names(const Table& t, Lang lang) {
    std::string out;
    for (const auto& k : t.keys) out += (out.empty() ? "" : ", ") + std::string(k.label.in(lang));
    return out;
}

/// What a chart of a table shows, for people who cannot see it; the table has the figures.
std::string description(const Table& t, const std::vector<ChartSeries>& series, Lang lang) {
    std::string names;
    for (const auto& s : series) names += (names.empty() ? "" : ", ") + s.name;
    return lang == Lang::vi
               ? "Biểu đồ thanh theo " + key_names(t, lang) + ": " + names + ". Số liệu ở bảng “" +
                     std::string(t.title.in(lang)) + "”."
               : "Bars by " + key_names(t, lang) + ": " + names + ". The table “" + std::string(t.title.in(lang)) +
                     "” has the figures.";
}

std::string figure(std::string_view caption, const std::string& svg_element) {
    return "<figure>\n<figcaption>" + html_escape(caption) + "</figcaption>\n" + svg_element + "</figure>\n";
}

/// The `keep` categories with the largest stacks, largest first, when there are more.
void keep_largest(std::vector<std::string>& categories, std::vector<ChartSeries>& series, std::size_t keep) {
    if (categories.size() <= keep) return;
    std::vector<double> totals(categories.size(), 0.0);
    for (const auto& s : series)
        for (std::size_t i = 0; i < totals.size() && i < s.values.size(); ++i)
            if (!std::isnan(s.values[i])) totals[i] += s.values[i];
    std::vector<std::size_t> order(categories.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return totals[a] > totals[b]; });
    order.resize(keep);
    std::vector<std::string> kept;
    for (const auto i : order) kept.push_back(std::move(categories[i]));
    categories = std::move(kept);
    for (auto& s : series) {
        std::vector<double> values;
        for (const auto i : order) values.push_back(i < s.values.size() ? s.values[i] : std::nan(""));
        s.values = std::move(values);
    }
}

/// Bars of the rows that are not totals, one stacked series per column; of many rows (communes, say), the largest.
std::optional<std::string> bar_figure(const Table& t, std::string id, std::string_view caption,
                                      std::vector<ChartSeries> series, int decimals, Lang lang) {
    auto categories = row_labels(t, lang);
    if (categories.empty()) return std::nullopt;
    std::string title(caption);
    if (categories.size() > max_bars) {
        const auto all = format_integer(static_cast<std::int64_t>(categories.size()), lang);
        title += lang == Lang::vi ? " (" + std::to_string(max_bars) + " giá trị lớn nhất trong " + all + ")"
                                  : " (the " + std::to_string(max_bars) + " largest of " + all + ")";
        keep_largest(categories, series, max_bars);
    }
    BarChart chart;
    chart.text = {std::move(id), title, description(t, series, lang), lang, decimals};
    chart.categories = std::move(categories);
    chart.series = std::move(series);
    return figure(title, svg(chart, chart_width));
}

std::vector<std::string> charts(const Report& r, Lang lang) {
    std::vector<std::string> out;
    auto add = [&](std::optional<std::string> f) {
        if (f) out.push_back(std::move(*f));
    };
    if (const auto* t = find_table(r, "status"); t && has_columns(*t, {"organizations", "active", "suspended"})) {
        const auto all = column_values(*t, "organizations", false);
        const auto active = column_values(*t, "active", false), suspended = column_values(*t, "suspended", false);
        std::vector<double> other(all.size());
        for (std::size_t i = 0; i < all.size(); ++i) other[i] = std::max(0.0, all[i] - active[i] - suspended[i]);
        add(bar_figure(*t, "chart-status", t->title.in(lang),
                       {{std::string(t->column("active").label.in(lang)), active, "#1f6f8b"},
                        {std::string(t->column("suspended").label.in(lang)), suspended, "#e07b39"},
                        {std::string(other_statuses.in(lang)), other, "#9aa5b1"}},
                       0, lang));
    }
    if (const auto* t = find_table(r, "members");
        t && has_columns(*t, {"official_members", "capital_associates", "non_capital_associates"})) {
        std::vector<ChartSeries> series;
        for (const std::string_view id : {"official_members", "capital_associates", "non_capital_associates"})
            series.push_back({std::string(t->column(id).label.in(lang)), column_values(*t, id, false), ""});
        add(bar_figure(*t, "chart-members", t->column("members").label.in(lang), std::move(series), 0, lang));
    }
    if (const auto* t = find_table(r, "members"); t && has_columns(*t, {"members_per_organization"})) {
        const auto& c = t->column("members_per_organization");
        add(bar_figure(*t, "chart-members-per-organization", c.label.in(lang),
                       {{std::string(c.label.in(lang)), column_values(*t, c.id, false), "#3d9a9b"}}, c.decimals, lang));
    }
    if (const auto* t = find_table(r, "series");
        t && !t->keys.empty() && has_columns(*t, {"organizations", "active", "suspended"})) {
        LineChart chart;
        for (std::size_t row = 0; row < t->rows(); ++row)
            if (t->totals[row]) chart.x.emplace_back(t->keys.front().cells[row].label.in(lang));
        // The colours of the status chart: active and suspended keep theirs; all organisations are purple.
        for (const auto& [id, colour] : {std::pair<std::string_view, std::string_view>{"organizations", "#8e6bb0"},
                                         {"active", "#1f6f8b"},
                                         {"suspended", "#e07b39"}})
            chart.lines.push_back(
                {std::string(t->column(id).label.in(lang)), column_values(*t, id, true), std::string(colour)});
        std::string names;
        for (const auto& l : chart.lines) names += (names.empty() ? "" : ", ") + l.name;
        chart.text = {"chart-series", std::string(over_time.in(lang)),
                      lang == Lang::vi ? "Đường theo kỳ, tổng số: " + names + ". Số liệu ở bảng “" +
                                             std::string(t->title.in(lang)) + "”."
                                       : "Lines by period, totals: " + names + ". The table “" +
                                             std::string(t->title.in(lang)) + "” has the figures.",
                      lang, 0};
        if (!chart.x.empty()) out.push_back(figure(over_time.in(lang), svg(chart, chart_width, 300)));
    }
    return out;
}

/// The headline figures of each kind present, as cards: the count, then what the sentences say about it.
std::string cards(const Report& r, Lang lang) {
    const auto& t = r.headline;
    const bool vi = lang == Lang::vi;
    auto value = [&](std::string_view kind, std::string_view id) -> double {
        if (t.keys.empty() || t.keys[0].id != "kind") return 0;
        for (std::size_t row = 0; row < t.rows(); ++row)
            if (t.keys[0].cells[row].code == kind) return t.column(id).value(row);
        return 0;
    };
    const std::string no_data(no_data_label.in(lang));
    auto n = [&](double v) { return std::isnan(v) ? no_data : format_integer(static_cast<std::int64_t>(v), lang); };
    auto d = [&](double v) { return std::isnan(v) ? no_data : format_number(v, 1, lang); };
    auto card = [](std::string_view label, const std::string& figure, const std::string& detail) {
        return "<li class=\"figure\"><span class=\"label\">" + html_escape(label) + "</span><span class=\"value\">" +
               figure + "</span><span class=\"detail\">" + html_escape(detail) + "</span></li>\n";
    };
    std::string out;
    const std::string_view coop = "cooperative", uni = "union_of_cooperatives", grp = "cooperative_group";
    if (value(coop, "organizations") > 0) {
        out += card(vi ? "Hợp tác xã" : "Cooperatives", n(value(coop, "organizations")),
                    vi ? n(value(coop, "active")) + " đang hoạt động · " + n(value(coop, "suspended")) + " tạm ngừng"
                       : n(value(coop, "active")) + " active · " + n(value(coop, "suspended")) + " suspended");
        out += card(vi ? "Thành viên hợp tác xã" : "Members of cooperatives", n(value(coop, "members")),
                    vi ? d(value(coop, "members_per_organization")) + " thành viên/hợp tác xã"
                       : d(value(coop, "members_per_organization")) + " per cooperative");
        out += card(vi ? "Tỷ lệ hợp tác xã đang hoạt động" : "Active cooperatives", d(value(coop, "active_rate")) + " %",
                    vi ? "tạm ngừng " + d(value(coop, "suspended_rate")) + " %"
                       : d(value(coop, "suspended_rate")) + " % suspended");
    }
    if (value(uni, "organizations") > 0)
        out += card(vi ? "Liên hiệp hợp tác xã" : "Unions of cooperatives", n(value(uni, "organizations")),
                    vi ? n(value(uni, "member_cooperatives")) + " hợp tác xã thành viên · " + n(value(uni, "workers")) +
                             " lao động"
                       : n(value(uni, "member_cooperatives")) + " member cooperatives · " + n(value(uni, "workers")) +
                             " workers");
    if (value(grp, "organizations") > 0)
        out += card(vi ? "Tổ hợp tác" : "Cooperative groups", n(value(grp, "organizations")),
                    vi ? n(value(grp, "members")) + " thành viên" : n(value(grp, "members")) + " members");
    return out.empty() ? out : "<ul class=\"figures\">\n" + out + "</ul>\n";
}

std::string without_final_period(std::string s) {
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

}  // namespace

std::string report_html(const Report& r, const std::vector<std::string>& sentences, Lang lang) {
    const bool vi = lang == Lang::vi;
    const std::size_t title_at = r.info.synthetic ? 1 : 0;
    const std::string title = without_final_period(sentences.at(title_at));
    std::string body = "<main>\n<header>\n";
    if (r.info.synthetic) body += "<p class=\"notice\" role=\"note\">" + html_escape(sentences.front()) + "</p>\n";
    body += "<h1>" + html_escape(title) + "</h1>\n<p class=\"meta\">";
    std::string meta = vi ? "Số liệu đến ngày " + date_text(r.as_of, lang) + " · kỳ báo cáo " +
                                date_text(r.period.start, lang) + " – " + date_text(r.period.end, lang) +
                                " · đơn vị hành chính tại ngày " + date_text(r.units_as_of, lang)
                          : "As of " + date_text(r.as_of, lang) + " · period " + date_text(r.period.start, lang) +
                                " to " + date_text(r.period.end, lang) + " · areas as on " +
                                date_text(r.units_as_of, lang);
    body += html_escape(meta) + "</p>\n";
    if (const auto& source = source_in(r.info, lang); !source.empty())
        body += "<p class=\"source\">" + html_escape((vi ? "Nguồn: " : "Source: ") + source) + "</p>\n";
    body += "</header>\n";

    body += "<section aria-labelledby=\"headline\">\n<h2 id=\"headline\">" +
            html_escape(headline_heading.in(lang)) + "</h2>\n" + cards(r, lang);
    body += "<div class=\"summary\">\n";
    for (std::size_t i = title_at + 1; i < sentences.size(); ++i) body += "<p>" + html_escape(sentences[i]) + "</p>\n";
    body += "</div>\n</section>\n";

    if (const auto figures = charts(r, lang); !figures.empty()) {
        body += "<section aria-labelledby=\"charts\">\n<h2 id=\"charts\">" + html_escape(charts_heading.in(lang)) +
                "</h2>\n<div class=\"charts\">\n";
        for (const auto& f : figures) body += f;
        body += "</div>\n</section>\n";
    }

    body += "<section aria-labelledby=\"tables\">\n<h2 id=\"tables\">" + html_escape(tables_heading.in(lang)) + "</h2>\n";
    body += to_html(r.headline, lang);
    for (const auto& t : r.tables) body += to_html(t, lang);
    body += "</section>\n<footer>\n<p>" +
            html_escape(vi ? "Lập bằng coopecon. Định nghĩa các chỉ tiêu: docs/indicators.md. Xếp loại, tiêu chí 13.1 "
                             "nông thôn mới và số sao OCOP theo quy tắc tạm thời."
                           : "Made with coopecon. Definitions of the indicators: docs/indicators.md. Classification, "
                             "NTM criterion 13.1 and OCOP stars follow provisional rules.") +
            "</p>\n</footer>\n</main>\n";
    return html_document(title, lang, body);
}

}  // namespace coopecon::indicators::detail
