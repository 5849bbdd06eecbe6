// HTML pages and SVG charts: hostile text from files (names with <script>, &, quotes, control bytes) is escaped
// everywhere it is written; figures are written as people read them in each language; tables carry a caption
// and right-aligned figures; charts are accessible and their geometry follows the values.

#include <coopecon/indicators/chart.hpp>
#include <coopecon/indicators/html.hpp>
#include <coopecon/indicators/render.hpp>

#include <support/text_checks.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::indicators;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string hostile = "<script>alert(\"x\")</script> & 'Đầm Dơi'";
const std::string hostile_escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Đầm Dơi&#39;";

Table table_with(const std::string& area_name) {
    Table t;
    t.id = "status";
    t.title = {"Status & members <b>", "Tình trạng & thành viên <b>"};
    t.keys.push_back({"district", {"District", "Huyện"},
                      {{"D1", {area_name, area_name}}, {"D2", {"Năm Căn", "Năm Căn"}}, {"total", {"Total", "Tổng số"}}}});
    t.values.push_back({"organizations", {"Organisations", "Số tổ chức"}, Unit::organizations, 0, true, {1234, 34, 1268}, {}});
    t.values.push_back({"active_rate", {"Active rate", "Tỷ lệ đang hoạt động"}, Unit::percent, 1, false, {},
                        {87.94, std::nan(""), 95.06}});
    t.totals = {0, 0, 1};
    return t;
}

using test::occurrences;

/// The numeric attribute `name` of every element `tag` in `svg`, in order. (No std::regex: GCC 12 warns in its
/// headers under the sanitizers.)
std::vector<double> attributes(const std::string& svg, const std::string& tag, const std::string& name) {
    std::vector<double> out;
    for (auto at = svg.find("<" + tag + " "); at != std::string::npos; at = svg.find("<" + tag + " ", at + 1)) {
        const std::string element = svg.substr(at, svg.find('>', at) - at);
        const auto value = element.find(" " + name + "=\"");
        if (value != std::string::npos) out.push_back(std::stod(element.substr(value + name.size() + 3)));
    }
    return out;
}

/// The d attribute of the first <path>.
std::string first_path(const std::string& svg) {
    const auto at = svg.find("<path d=\"");
    if (at == std::string::npos) return "";
    const auto from = at + 9;
    return svg.substr(from, svg.find('"', from) - from);
}

TEST(Html, EscapeWritesMarkupCharactersAsReferencesAndKeepsVietnamese) {
    EXPECT_EQ(html_escape(hostile), hostile_escaped);
    EXPECT_EQ(html_escape("Hợp tác xã"), "Hợp tác xã");
    // Control characters and bytes that are not UTF-8 cannot reach the page.
    EXPECT_EQ(html_escape("a\x1b[31mb\xff"), "a\xEF\xBF\xBD[31mb\xEF\xBF\xBD");
}

TEST(Html, TableHasCaptionHeadersAndRightAlignedFiguresInEnglish) {
    const auto html = to_html(table_with(hostile), Lang::en);
    EXPECT_THAT(html, HasSubstr("<caption id=\"caption-status\">Status &amp; members &lt;b&gt;</caption>"));
    EXPECT_THAT(html, HasSubstr("<th scope=\"col\">District</th><th scope=\"col\" class=\"num\">Organisations</th>"
                                "<th scope=\"col\" class=\"num\">Active rate (%)</th>"));
    EXPECT_THAT(html, HasSubstr("<tr><th scope=\"row\">" + hostile_escaped +
                                "</th><td class=\"num\">1,234</td><td class=\"num\">87.9</td></tr>"));
    EXPECT_THAT(html, HasSubstr("<td class=\"num missing\">–</td>"));
    EXPECT_THAT(html, HasSubstr("<tr class=\"total\"><th scope=\"row\">Total</th><td class=\"num\">1,268</td>"));
    EXPECT_THAT(html, Not(HasSubstr("<script")));
    EXPECT_THAT(html, Not(HasSubstr("<b>")));
}

TEST(Html, TableInVietnameseWritesVietnameseNumbers) {
    const auto html = to_html(table_with("Đầm Dơi"), Lang::vi);
    EXPECT_THAT(html, HasSubstr("<caption id=\"caption-status\">Tình trạng &amp; thành viên &lt;b&gt;</caption>"));
    EXPECT_THAT(html, HasSubstr("<th scope=\"row\">Đầm Dơi</th><td class=\"num\">1.234</td><td class=\"num\">87,9</td>"));
    EXPECT_THAT(html, HasSubstr("<th scope=\"row\">Tổng số</th><td class=\"num\">1.268</td><td class=\"num\">95,1</td>"));
}

TEST(Html, DocumentIsSelfContainedWithLanguageAndEscapedTitle) {
    for (const auto lang : {Lang::en, Lang::vi}) {
        const auto page = render(table_with(hostile), Format::html, lang);
        EXPECT_EQ(page.rfind("<!DOCTYPE html>\n<html lang=\"", 0), 0u);
        EXPECT_THAT(page, HasSubstr(lang == Lang::vi ? "<html lang=\"vi\">" : "<html lang=\"en\">"));
        EXPECT_THAT(page, HasSubstr("<meta charset=\"utf-8\">"));
        EXPECT_THAT(page, HasSubstr("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
        EXPECT_THAT(page, HasSubstr(lang == Lang::vi ? "<title>Tình trạng &amp; thành viên &lt;b&gt;</title>"
                                                     : "<title>Status &amp; members &lt;b&gt;</title>"));
        EXPECT_THAT(page, HasSubstr("@media print"));
        // Nothing is loaded from outside and nothing runs.
        for (const char* outside : {"<script", "<link", "@import", "url(", "src=", "https:"})
            EXPECT_THAT(page, Not(HasSubstr(outside))) << outside;
        EXPECT_EQ(page.substr(page.size() - 8), "</html>\n");
    }
}

TEST(Html, TableWithoutKeysLabelsItsTotalsRow) {
    Table t;
    t.id = "one";
    t.title = {"One", "Một"};
    t.values.push_back({"organizations", {"Organisations", "Số tổ chức"}, Unit::organizations, 0, true, {7}, {}});
    t.totals = {1};
    EXPECT_THAT(to_html(t, Lang::vi), HasSubstr("<tr class=\"total\"><th scope=\"row\">Tổng số</th><td class=\"num\">7</td>"));
}

BarChart stacked_bars(Lang lang) {
    BarChart c;
    c.text = {"bars", "Bars & <stacks>", "Two districts: active and suspended", lang, 0};
    c.categories = {hostile, "Năm Căn"};
    c.series = {{"Active", {1000, 30}, ""}, {"Suspended \"s\"", {234, 0}, "#e07b39"}};
    return c;
}

TEST(Chart, BarChartIsAccessibleAndEscapesEveryText) {
    const auto s = svg(stacked_bars(Lang::en));
    EXPECT_EQ(s.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 ", 0), 0u);
    EXPECT_THAT(s, HasSubstr("role=\"img\" aria-labelledby=\"bars-title\" aria-describedby=\"bars-desc\""));
    EXPECT_THAT(s, HasSubstr("<title id=\"bars-title\">Bars &amp; &lt;stacks&gt;</title>"));
    EXPECT_THAT(s, HasSubstr("<desc id=\"bars-desc\">Two districts: active and suspended</desc>"));
    EXPECT_THAT(s, HasSubstr("Suspended &quot;s&quot;"));
    EXPECT_THAT(s, Not(HasSubstr("<script")));
    EXPECT_THAT(s, Not(HasSubstr("<stacks>")));
    EXPECT_EQ(s.substr(s.size() - 7), "</svg>\n");
}

TEST(Chart, StackedBarsFollowTheValues) {
    const auto s = svg(stacked_bars(Lang::en));
    // Legend swatches come first (two), then one bar per non-zero value: 1000 and 234 stacked, then 30.
    const auto xs = attributes(s, "rect", "x"), widths = attributes(s, "rect", "width");
    ASSERT_EQ(widths.size(), 5u);
    const double per_unit = widths[2] / 1000;
    EXPECT_GT(per_unit, 0);
    EXPECT_NEAR(xs[3], xs[2] + widths[2], 0.11);  // the second series starts where the first ends
    EXPECT_NEAR(widths[3], 234 * per_unit, 0.11);
    EXPECT_NEAR(widths[4], 30 * per_unit, 0.11);
    EXPECT_NEAR(xs[4], xs[2], 0.11);
    // A stack's total after its end, as people read it; tooltips give each part.
    EXPECT_THAT(s, HasSubstr(">1,234</text>"));
    EXPECT_THAT(s, HasSubstr("<title>Năm Căn — Active: 30</title>"));
    const auto vi = svg(stacked_bars(Lang::vi));
    EXPECT_THAT(vi, HasSubstr(">1.234</text>"));
    EXPECT_THAT(vi, HasSubstr(">1.000</text>"));  // an axis tick
}

TEST(Chart, BarChartOfNothingIsStillAChart) {
    BarChart c;
    c.text = {"empty", "Nothing", "", Lang::en, 0};
    const auto s = svg(c);
    EXPECT_THAT(s, HasSubstr("<title id=\"empty-title\">Nothing</title>"));
    EXPECT_EQ(occurrences(s, "<rect"), 0u);
    EXPECT_EQ(s.substr(s.size() - 7), "</svg>\n");
}

TEST(Chart, ValuesThatAreNotFiniteAreLeftOut) {
    BarChart c;
    c.text = {"odd", "Odd", "", Lang::en, 1};
    c.categories = {"a", "b", "c"};
    c.series = {{"n", {std::nan(""), INFINITY, 2.5}, ""}};
    const auto s = svg(c);
    EXPECT_EQ(occurrences(s, "<rect"), 1u);
    EXPECT_EQ(occurrences(s, ">–</text>"), 2u);
    for (const char* bad : {"nan", "inf"}) EXPECT_THAT(s, Not(HasSubstr(bad)));
    LineChart l;
    l.text = {"odd-line", "Odd", "", Lang::en, 0};
    l.x = {"1", "2"};
    l.lines = {{"n", {-INFINITY, std::nan("")}, ""}};
    l.bands = {{"b", {std::nan(""), 1}, {INFINITY, std::nan("")}, ""}};
    const auto line = svg(l);
    EXPECT_EQ(occurrences(line, "<circle"), 0u);
    EXPECT_EQ(occurrences(line, "<polygon"), 0u);
    for (const char* bad : {"nan", "inf"}) EXPECT_THAT(line, Not(HasSubstr(bad)));
}

TEST(Chart, LongCategoryNamesAreCutWithAnEllipsis) {
    BarChart c;
    c.text = {"long", "Long", "", Lang::en, 0};
    c.categories = {std::string(200, 'x')};
    c.series = {{"n", {5}, ""}};
    const auto s = svg(c, 400);
    // The label is cut to the room left of the bars; the bar's tooltip keeps the whole name.
    EXPECT_THAT(s, HasSubstr(">" + std::string(19, 'x') + "…</text>"));
    EXPECT_THAT(s, HasSubstr("<title>" + std::string(200, 'x') + " — n: 5</title>"));
}

TEST(Chart, LinesBreakAtMissingValuesAndBandsLieUnderThem) {
    LineChart c;
    c.text = {"fan", "Projection <p>", "Median with its 90 % band", Lang::vi, 1};
    c.x = {"2024", "2025", "2026", "2027"};
    c.bands = {{"90 % & more", {9, 10, 11, 12}, {11, 14, 17, 20}, ""}};
    c.lines = {{"Median", {10, 12, std::nan(""), 16}, ""}};
    const auto s = svg(c, 600, 300);
    EXPECT_THAT(s, HasSubstr("viewBox=\"0 0 600 300\""));
    EXPECT_THAT(s, HasSubstr("<title id=\"fan-title\">Projection &lt;p&gt;</title>"));
    EXPECT_THAT(s, HasSubstr("90 % &amp; more"));
    EXPECT_EQ(occurrences(s, "<polygon"), 1u);
    // The median is drawn in two pieces around the missing 2026, with a point at each value.
    const auto d = first_path(s);
    EXPECT_EQ(occurrences(d, "M"), 2u) << d;
    EXPECT_EQ(occurrences(d, "L"), 1u) << d;
    EXPECT_EQ(d.rfind("M", 0), 0u) << d;
    EXPECT_EQ(d.find_first_not_of("ML0123456789.,"), std::string::npos) << d;
    EXPECT_EQ(occurrences(s, "<circle"), 3u);
    EXPECT_THAT(s, HasSubstr("<title>2027 — Median: 16,0</title>"));
    // Higher values are drawn higher: the y of the points falls as the median rises.
    const auto ys = attributes(s, "circle", "cy");
    ASSERT_EQ(ys.size(), 3u);
    EXPECT_GT(ys[0], ys[1]);
    EXPECT_GT(ys[1], ys[2]);
    EXPECT_THAT(s, Not(HasSubstr("<p>")));
}

TEST(Chart, LineChartOfOnePointOrNoneDoesNotFail) {
    LineChart c;
    c.text = {"one", "One", "", Lang::en, 0};
    c.x = {"2023-Q1"};
    c.lines = {{"Organisations", {5}, ""}};
    EXPECT_EQ(occurrences(svg(c), "<circle"), 1u);
    c.x.clear();
    c.lines = {{"Organisations", {}, ""}};
    EXPECT_EQ(occurrences(svg(c), "<circle"), 0u);
}

}  // namespace
