// The summary of a projection: per indicator, the quantiles of every scenario at each reported date and those of
// its paired difference from the baseline, as tables of the indicators layer, and their renderings.

#include <coopecon/simulation/projection.hpp>

#include <coopecon/indicators/catalogue.hpp>
#include <coopecon/indicators/chart.hpp>
#include <coopecon/indicators/html.hpp>

#include "indicators/escape.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string_view>

namespace coopecon::simulation {

namespace {

using indicators::KeyCell;
using indicators::KeyColumn;
using indicators::Table;
using indicators::Text;
using indicators::ValueColumn;

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// The quantile columns: p5, p50, p95, then the difference's.
constexpr std::array<Label, 6> column_labels{{{"p5", "p5"},
                                               {"p50", "p50"},
                                               {"p95", "p95"},
                                               {"Δ p5", "Δ p5"},
                                               {"Δ p50", "Δ p50"},
                                               {"Δ p95", "Δ p95"}}};
constexpr std::array<std::string_view, 6> column_ids{"p5", "p50", "p95", "difference_p5", "difference_p50",
                                                     "difference_p95"};

std::vector<ValueColumn> quantile_columns(indicators::Unit unit, int decimals) {
    std::vector<ValueColumn> columns;
    for (std::size_t c = 0; c < column_ids.size(); ++c)
        columns.push_back(ValueColumn{std::string(column_ids[c]), Text(column_labels[c]), unit, decimals, false, {}, {}});
    return columns;
}

/// The totals row of (date, indicator) in a quantile table, or rows() when absent.
std::size_t total_row(const QuantileTable& q, Date date, std::string_view indicator) {
    return q.find(date, indicator, "total");
}

/// Appends, for every outcome and every date of the baseline's quantiles, the row of one indicator.
void append_rows(const Projection& p, std::string_view indicator, std::vector<KeyColumn>& keys, std::size_t scenario_key,
                 std::size_t date_key, std::vector<ValueColumn>& values, std::vector<std::uint8_t>& totals) {
    for (const auto& o : p.outcomes) {
        const auto& q = o.results.quantiles;
        for (std::size_t k = 0; k < q.rows(); ++k) {
            if (q.indicator_ids[q.indicator[k]] != indicator || q.group_codes[q.group[k]] != "total") continue;
            keys[scenario_key].cells.push_back(KeyCell{o.name, Text(o.name, o.name)});
            keys[date_key].cells.push_back(KeyCell{q.date[k].iso(), Text(q.date[k].iso(), q.date[k].iso())});
            values[0].reals.push_back(q.p5[k]);
            values[1].reals.push_back(q.p50[k]);
            values[2].reals.push_back(q.p95[k]);
            const auto& d = o.difference_quantiles;
            const auto r = total_row(d, q.date[k], indicator);
            values[3].reals.push_back(r < d.rows() ? d.p5[r] : nan);
            values[4].reals.push_back(r < d.rows() ? d.p50[r] : nan);
            values[5].reals.push_back(r < d.rows() ? d.p95[r] : nan);
            totals.push_back(0);
        }
    }
}

const Label scenario_label{"Scenario", "Kịch bản"};
const Label date_label{"Date", "Ngày"};
const Label indicator_label{"Indicator", "Chỉ tiêu"};

std::vector<std::string> indicator_ids(const Projection& p) {
    return p.outcomes.empty() ? std::vector<std::string>{} : p.outcomes.front().results.quantiles.indicator_ids;
}

std::string runs_text(const Projection& p, Lang lang) {
    return indicators::format_integer(p.runs, lang) + (lang == Lang::vi ? " lần chạy" : p.runs == 1 ? " run" : " runs");
}

std::vector<std::string> heading(const Projection& p, Lang lang) {
    std::vector<std::string> lines;
    const auto months = indicators::format_integer(p.months, lang);
    const auto every = indicators::format_integer(p.every, lang);
    if (lang == Lang::vi) {
        if (p.synthetic) lines.push_back("Dữ liệu tổng hợp (giả lập), không phải số liệu thống kê chính thức.");
        lines.push_back(p.registry);
        lines.push_back("Dự báo từ " + p.start.iso() + ": " + months + " tháng, " +
                        runs_text(p, lang) + ", hạt giống " + std::to_string(p.seed) + ", số liệu mỗi " + every +
                        " tháng.");
        lines.push_back("Chênh lệch (Δ) là kịch bản trừ kịch bản gốc theo từng lần chạy (cùng hạt giống).");
    } else {
        if (p.synthetic) lines.push_back("Synthetic data: generated, not official statistics.");
        lines.push_back(p.registry);
        lines.push_back("Projected from " + p.start.iso() + ": " + months + " months, " +
                        runs_text(p, lang) + ", seed " + std::to_string(p.seed) + ", figures every " + every +
                        (p.every == 1 ? " month." : " months."));
        lines.push_back("Differences (Δ) are scenario minus baseline, run by run (the same seeds).");
    }
    return lines;
}


/// The page of a projection: the heading, then per indicator a fan chart (each scenario's p5–p95 band under its
/// median) and its table.
std::string html_page(const Projection& p, Lang lang) {
    using indicators::html_escape;
    // One colour per scenario, for its band and its median line alike.
    static constexpr std::array<std::string_view, 6> colours{"#1f5f8b", "#c0392b", "#2e8b57", "#8e44ad", "#d68910",
                                                              "#5d6d7e"};
    const Label title{"Policy scenarios: a projection", "Kịch bản chính sách: dự báo"};
    const auto lines = heading(p, lang);  // [the synthetic notice,] the registry, the projection, the differences
    const std::size_t first = p.synthetic ? 1 : 0;
    std::string body = "<main>\n<header>\n";
    if (p.synthetic) body += "<p class=\"notice\" role=\"note\">" + html_escape(lines.front()) + "</p>\n";
    body += "<h1>" + html_escape(title.in(lang)) + "</h1>\n";
    for (std::size_t i = first; i < lines.size(); ++i)
        body += "<p class=\"meta\">" + html_escape(lines[i]) + "</p>\n";
    body += "<ul>\n";
    for (const auto& o : p.outcomes)
        body += "<li><strong>" + html_escape(o.name) + "</strong>: " + html_escape(o.title) + "</li>\n";
    body += "</ul>\n</header>\n";
    const auto tables = projection_tables(p);
    for (const auto& table : tables) {
        const auto ind = indicators::catalogue_indicator(table.id);
        indicators::LineChart chart;
        chart.text.id = "fan-" + table.id;
        chart.text.title = std::string(ind.label.in(lang));
        chart.text.description = lang == Lang::vi
                                     ? "Trung vị (đường) và khoảng p5–p95 (dải) của mỗi kịch bản theo thời gian"
                                     : "Median (line) and p5–p95 interval (band) of each scenario over time";
        chart.text.lang = lang;
        chart.text.decimals = ind.decimals;
        chart.zero_based = false;
        for (std::size_t k = 0; k < p.outcomes.size(); ++k) {
            const auto& q = p.outcomes[k].results.quantiles;
            indicators::ChartBand band{p.outcomes[k].name + " p5–p95", {}, {}, std::string(colours[k % colours.size()])};
            indicators::ChartSeries median{p.outcomes[k].name + " p50", {}, band.colour};
            for (std::size_t r = 0; r < q.rows(); ++r) {
                if (q.indicator_ids[q.indicator[r]] != table.id || q.group_codes[q.group[r]] != "total") continue;
                if (k == 0) chart.x.push_back(q.date[r].iso());
                band.low.push_back(q.p5[r]);
                band.high.push_back(q.p95[r]);
                median.values.push_back(q.p50[r]);
            }
            chart.bands.push_back(std::move(band));
            chart.lines.push_back(std::move(median));
        }
        body += "<section>\n<h2>" + html_escape(ind.label.in(lang)) + "</h2>\n<figure>" + indicators::svg(chart) +
                "</figure>\n" + indicators::to_html(table, lang) + "</section>\n";
    }
    body += "</main>\n";
    return indicators::html_document(title.in(lang), lang, body);
}
}  // namespace

std::vector<Table> projection_tables(const Projection& p) {
    std::vector<Table> tables;
    for (const auto& id : indicator_ids(p)) {
        const auto ind = indicators::catalogue_indicator(id);
        Table t;
        t.id = id;
        t.title = Text(ind.label.en + ": p5, p50 and p95 over " + runs_text(p, Lang::en),
                       ind.label.vi + ": p5, p50 và p95 qua " + runs_text(p, Lang::vi));
        t.keys = {KeyColumn{"scenario", Text(scenario_label), {}}, KeyColumn{"date", Text(date_label), {}}};
        t.values = quantile_columns(ind.unit, ind.decimals);
        append_rows(p, id, t.keys, 0, 1, t.values, t.totals);
        tables.push_back(std::move(t));
    }
    return tables;
}

Table projection_table(const Projection& p) {
    Table t;
    t.id = "projection";
    t.title = Text("Projection: p5, p50 and p95 over " + runs_text(p, Lang::en),
                   "Dự báo: p5, p50 và p95 qua " + runs_text(p, Lang::vi));
    t.keys = {KeyColumn{"indicator", Text(indicator_label), {}}, KeyColumn{"scenario", Text(scenario_label), {}},
              KeyColumn{"date", Text(date_label), {}}};
    // Plain numbers (CSV, JSON) keep the most decimals any indicator shows.
    int decimals = 0;
    for (const auto& id : indicator_ids(p)) decimals = std::max(decimals, indicators::catalogue_indicator(id).decimals);
    t.values = quantile_columns(indicators::Unit::number, decimals);
    for (const auto& id : indicator_ids(p)) {
        const auto ind = indicators::catalogue_indicator(id);
        const auto before = t.totals.size();
        append_rows(p, id, t.keys, 1, 2, t.values, t.totals);
        for (auto r = before; r < t.totals.size(); ++r) t.keys[0].cells.push_back(KeyCell{id, ind.label});
    }
    return t;
}

std::string render(const Projection& p, indicators::Format format, Lang lang) {
    using indicators::Format;
    using indicators::detail::json_string;
    const auto lines = heading(p, lang);
    std::string out;
    switch (format) {
        case Format::text:
        case Format::md: {
            const bool md = format == Format::md;
            for (std::size_t i = 0; i < lines.size(); ++i)
                out += (md && i + 1 == lines.size() - 1 ? "## " : "") + lines[i] + (md ? "\n\n" : "\n");
            out += lang == Lang::vi ? "Kịch bản:\n" : "Scenarios:\n";
            if (md) out += "\n";
            for (const auto& o : p.outcomes)
                out += (md ? "- **" + o.name + "**: " : "  " + o.name + ": ") + o.title + "\n";
            for (const auto& t : projection_tables(p)) out += "\n" + indicators::render(t, format, lang);
            return out;
        }
        case Format::csv: return indicators::to_csv(projection_table(p), lang);
        case Format::html: return html_page(p, lang);
        case Format::json: {
            out += "{\n  \"registry\": " + json_string(p.registry) + ",\n";
            out += "  \"synthetic\": " + std::string(p.synthetic ? "true" : "false") + ",\n";
            out += "  \"start\": " + json_string(p.start.iso()) + ",\n";
            out += "  \"months\": " + std::to_string(p.months) + ",\n";
            out += "  \"runs\": " + std::to_string(p.runs) + ",\n";
            out += "  \"every\": " + std::to_string(p.every) + ",\n";
            out += "  \"seed\": " + std::to_string(p.seed) + ",\n";
            out += "  \"scenarios\": [";
            for (std::size_t k = 0; k < p.outcomes.size(); ++k)
                out += (k ? ", " : "") + std::string("{\"name\": ") + json_string(p.outcomes[k].name) +
                       ", \"title\": " + json_string(p.outcomes[k].title) + "}";
            out += "],\n  \"tables\": [";
            const auto tables = projection_tables(p);
            for (std::size_t k = 0; k < tables.size(); ++k) out += (k ? ", " : "") + indicators::to_json(tables[k], lang, 2);
            out += "]\n}\n";
            return out;
        }
    }
    throw Error(ErrorCode::usage, "unknown projection format");
}

}  // namespace coopecon::simulation
