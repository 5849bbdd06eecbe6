// The standard report on the embedded Cà Mau dataset (the synthetic ca_mau_2023 profile) reproduces the
// published 2023 figures exactly, leads with them, says first that the data are synthetic, and can be reported
// by province in 2023 units and in 2025 units.

#include "fixture.hpp"

#include <cmath>
#include <coopecon/indicators/report.hpp>
#include <coopecon/simulation/profiles.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include <support/text_checks.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace {

using namespace coopecon;
using namespace coopecon::indicators;
using ::testing::HasSubstr;
using ::testing::Not;

using test::occurrences;
using test::operator""_day;

const Registry& ca_mau() {
    static const Registry reg = simulation::synthesize(simulation::ca_mau_2023());
    return reg;
}

TEST(Report, HeadlineReproducesThePublishedCaMauFigures) {
    const auto r = standard_report(ca_mau());
    EXPECT_EQ(r.as_of, *Date::parse("2023-08-31"));
    const auto& h = r.headline;
    EXPECT_EQ(h.at({"cooperative"}, "organizations"), 281);
    EXPECT_EQ(h.at({"cooperative"}, "active"), 247);
    EXPECT_EQ(h.at({"cooperative"}, "suspended"), 34);
    EXPECT_EQ(h.at({"cooperative"}, "members"), 4292);
    EXPECT_EQ(h.at({"union_of_cooperatives"}, "organizations"), 1);
    EXPECT_EQ(h.at({"union_of_cooperatives"}, "member_cooperatives"), 6);
    EXPECT_EQ(h.at({"union_of_cooperatives"}, "workers"), 59);
    EXPECT_EQ(h.at({"cooperative_group"}, "organizations"), 987);
    EXPECT_EQ(h.at({"cooperative_group"}, "members"), 14560);
    EXPECT_EQ(format_number(h.at({"cooperative"}, "members_per_organization"), 1, Lang::en), "15.3");
    EXPECT_EQ(format_number(h.at({"cooperative"}, "active_rate"), 1, Lang::en), "87.9");
    EXPECT_EQ(format_number(h.at({"cooperative"}, "suspended_rate"), 1, Lang::en), "12.1");
    EXPECT_EQ(format_number(h.at({"cooperative_group"}, "members_per_organization"), 1, Lang::en), "14.8");
    // Groups and cooperatives are shown apart: below the kinds, in place of a total, the figure provinces
    // publish for cooperatives and unions. People and member cooperatives are never added up.
    EXPECT_EQ(h.totals.back(), 1);
    EXPECT_EQ(h.keys[0].cells.back().code, "cooperatives_and_unions");
    EXPECT_EQ(h.at({"cooperatives_and_unions"}, "organizations"), 282);
    EXPECT_EQ(h.at({"cooperatives_and_unions"}, "active"), 248);
    EXPECT_EQ(h.at({"cooperatives_and_unions"}, "members"), 4292);
    EXPECT_EQ(h.at({"cooperatives_and_unions"}, "member_cooperatives"), 6);
    EXPECT_EQ(h.at({"cooperatives_and_unions"}, "workers"), 2147 + 59);  // the cooperatives' are drawn
    EXPECT_TRUE(std::isnan(h.at({"union_of_cooperatives"}, "members")));
    EXPECT_TRUE(std::isnan(h.at({"cooperative_group"}, "workers")));  // no group reported a financial year
    EXPECT_THROW(h.row({"total"}), Error);
}

TEST(Report, TextLeadsWithTheHeadlineAndSaysFirstThatTheDataAreSynthetic) {
    const auto text = render(standard_report(ca_mau()), Format::text, Lang::en);
    EXPECT_EQ(text.substr(0, text.find('\n')), "Synthetic data: generated, not official statistics.");
    EXPECT_NE(text.find("Cooperatives: 281 (247 active, 34 suspended), 4,292 members, 15.3 members per cooperative; "
                        "active 87.9 %, suspended 12.1 %.\n"
                        "Unions of cooperatives: 1, with 6 member cooperatives and 59 workers.\n"
                        "Cooperatives and unions: 282 (248 active).\n"
                        "Cooperative groups: 987, with 14,560 members, 14.8 members per group.\n"),
              std::string::npos)
        << text.substr(0, 800);
    const auto vi = render(standard_report(ca_mau()), Format::text, Lang::vi);
    EXPECT_EQ(vi.substr(0, vi.find('\n')), "Dữ liệu tổng hợp (giả lập), không phải số liệu thống kê chính thức.");
    EXPECT_NE(vi.find("Hợp tác xã: 281 (247 đang hoạt động, 34 tạm ngừng kinh doanh), 4.292 thành viên, bình quân "
                      "15,3 thành viên/hợp tác xã; tỷ lệ đang hoạt động 87,9 %, tạm ngừng 12,1 %."),
              std::string::npos);
    EXPECT_NE(vi.find("Tổ hợp tác: 987, với 14.560 thành viên, bình quân 14,8 thành viên/tổ hợp tác."), std::string::npos);
    const auto json = render(standard_report(ca_mau()), Format::json, Lang::en);
    EXPECT_EQ(json.substr(0, 22), "{\n  \"synthetic\": true,");
    const auto csv = render(standard_report(ca_mau()), Format::csv, Lang::en);
    EXPECT_EQ(csv.substr(0, csv.find('\r')), "\"Synthetic data: generated, not official statistics.\"");
}

TEST(Report, ByProvinceIn2023And2025Units) {
    ReportOptions o;
    o.by = {GroupKey::by_area(AreaLevel::province)};
    const auto r2023 = standard_report(ca_mau(), o);
    EXPECT_EQ(r2023.tables[0].at({"P96"}, "organizations"), 281 + 1 + 987);
    o.units_as_of = *Date::parse("2025-07-01");
    const auto r2025 = standard_report(ca_mau(), o);
    EXPECT_EQ(r2025.tables[0].at({"P96-2025"}, "organizations"), 281 + 1 + 987);
    EXPECT_EQ(r2025.headline.at({"cooperative"}, "organizations"), 281);
    o.by = {GroupKey::by_area(AreaLevel::district)};
    o.units_as_of.reset();
    const auto districts = standard_report(ca_mau(), o);
    EXPECT_EQ(districts.tables[0].keys[0].cells.size(), 10u);  // 9 districts and the total
}

TEST(Report, SeriesAndLayout) {
    ReportOptions o;
    o.period = PeriodLength::quarter;
    const auto r = standard_report(ca_mau(), o);
    EXPECT_EQ(r.period, period_between(*Date::parse("2023-01-01"), *Date::parse("2023-08-31")));
    std::vector<std::string> ids;
    for (const auto& t : r.tables) ids.push_back(t.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"status", "members", "change", "results", "classification", "certification",
                                             "series"}));
    const auto& s = r.tables.back();
    const auto& status = r.tables[0];
    // Each period ends, as the tables do, with cooperatives and unions rather than a total that would add the
    // groups to them; no period has a totals row of its own.
    EXPECT_EQ(s.at({"2023-Q3", "cooperatives_and_unions"}, "organizations"),
              status.at({"cooperative"}, "organizations") + status.at({"union_of_cooperatives"}, "organizations"));
    EXPECT_EQ(s.at({"2023-Q3", "cooperatives_and_unions"}, "members"), r.headline.at({"cooperative"}, "members"));
    EXPECT_EQ(s.at({"2023-Q1", "cooperatives_and_unions"}, "organizations"),
              s.at({"2023-Q1", "cooperative"}, "organizations") +
                  s.at({"2023-Q1", "union_of_cooperatives"}, "organizations"));
    EXPECT_EQ(std::count(s.totals.begin(), s.totals.end(), 1), 3);
    EXPECT_EQ(std::count_if(s.keys[1].cells.begin(), s.keys[1].cells.end(),
                            [](const KeyCell& c) { return c.code == "total"; }),
              0);
    const auto& change = r.tables[2];
    EXPECT_EQ(change.at({"cooperatives_and_unions"}, "net_change"),
              change.at({"cooperatives_and_unions"}, "organizations") -
                  change.at({"cooperatives_and_unions"}, "organizations_before"));
}

TEST(Report, HtmlLeadsWithTheHeadlineThenChartsThenEveryTable) {
    ReportOptions o;
    o.period = PeriodLength::quarter;
    const auto r = standard_report(ca_mau(), o);
    const auto en = render(r, Format::html, Lang::en);
    EXPECT_EQ(en.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
    EXPECT_THAT(en, HasSubstr("<title>Cà Mau province: cooperatives, union and cooperative groups, as of 2023-08-31 "
                              "(synthetic)</title>"));
    EXPECT_THAT(en, HasSubstr("<p class=\"notice\" role=\"note\">Synthetic data: generated, not official statistics.</p>"));
    EXPECT_THAT(en, HasSubstr("<span class=\"label\">Cooperatives</span><span class=\"value\">281</span>"
                              "<span class=\"detail\">247 active · 34 suspended</span>"));
    EXPECT_THAT(en, HasSubstr("<span class=\"value\">4,292</span><span class=\"detail\">15.3 per cooperative</span>"));
    EXPECT_THAT(en, HasSubstr("<span class=\"value\">87.9 %</span>"));
    EXPECT_THAT(en, HasSubstr("<p>Unions of cooperatives: 1, with 6 member cooperatives and 59 workers.</p>"));
    // Status, members, members per organisation, and the series over time; then the headline and 7 tables.
    EXPECT_EQ(occurrences(en, "<svg "), 4u);
    for (const char* id : {"chart-status-title", "chart-members-title", "chart-members-per-organization-title",
                           "chart-series-title"})
        EXPECT_THAT(en, HasSubstr(id));
    EXPECT_EQ(occurrences(en, "<table "), 8u);
    EXPECT_EQ(occurrences(en, "<caption "), 8u);
    EXPECT_LT(en.find("class=\"figures\""), en.find("<svg "));
    EXPECT_LT(en.find("<svg "), en.find("<table "));
    EXPECT_THAT(en, Not(HasSubstr("<script")));

    const auto vi = render(r, Format::html, Lang::vi);
    EXPECT_EQ(vi.rfind("<!DOCTYPE html>\n<html lang=\"vi\">", 0), 0u);
    EXPECT_THAT(vi, HasSubstr("Dữ liệu tổng hợp (giả lập), không phải số liệu thống kê chính thức."));
    EXPECT_THAT(vi, HasSubstr("<span class=\"label\">Hợp tác xã</span><span class=\"value\">281</span>"
                              "<span class=\"detail\">247 đang hoạt động · 34 tạm ngừng</span>"));
    EXPECT_THAT(vi, HasSubstr("<span class=\"value\">4.292</span><span class=\"detail\">15,3 thành viên/hợp tác xã</span>"));
    EXPECT_THAT(vi, HasSubstr("Số liệu đến ngày 31/08/2023 · kỳ báo cáo 01/01/2023 – 31/08/2023"));
    EXPECT_THAT(vi, HasSubstr("<h2 id=\"charts\">Biểu đồ</h2>"));
    EXPECT_THAT(vi, HasSubstr("<figcaption>Tổ chức theo tình trạng pháp lý</figcaption>"));
    EXPECT_EQ(occurrences(vi, "<svg "), 4u);
}

TEST(Report, HtmlWithoutASeriesHasNoTimeChart) {
    const auto html = render(standard_report(ca_mau()), Format::html, Lang::en);
    EXPECT_EQ(occurrences(html, "<svg "), 3u);
    EXPECT_THAT(html, Not(HasSubstr("chart-series")));
}

TEST(Report, HtmlEscapesTitleSourceAndAreaNamesFromFiles) {
    ReportOptions o;
    o.by = {GroupKey::by_area(AreaLevel::district)};
    auto r = standard_report(ca_mau(), o);
    const std::string hostile = "<script>alert('x')</script> & \"Đầm Dơi\"";
    const std::string escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Đầm Dơi&quot;";
    r.info.title = hostile;
    r.info.source = hostile;
    r.info.source_vi = hostile;
    for (auto& t : r.tables) t.keys[0].cells[0].label = {hostile, hostile};
    for (const auto lang : {Lang::en, Lang::vi}) {
        const auto html = render(r, Format::html, lang);
        EXPECT_THAT(html, Not(HasSubstr("<script")));
        // The registry's title is data in one language: the Vietnamese report gives its own.
        EXPECT_THAT(html, HasSubstr(lang == Lang::vi ? "<h1>Kinh tế tập thể tỉnh Cà Mau, đến ngày 31/08/2023</h1>"
                                                     : "<h1>" + escaped + ", "));
        if (lang == Lang::en) {
            EXPECT_THAT(html, HasSubstr("<title>" + escaped + ", "));
        }
        EXPECT_THAT(html, HasSubstr((lang == Lang::vi ? "Nguồn: " : "Source: ") + escaped + "</p>"));
        EXPECT_THAT(html, HasSubstr("<th scope=\"row\">" + escaped + "</th>"));  // a table's district
        EXPECT_THAT(html, HasSubstr("<title>" + escaped + " — "));  // the same district in a chart's tooltip
    }
}

TEST(Report, HtmlOfAnEmptyRegistryHasTheTitleAndTablesButNoCharts) {
    ReportOptions o;
    o.as_of = *Date::parse("2024-12-31");
    const auto r = standard_report(test::empty_registry(), o);
    for (const auto lang : {Lang::en, Lang::vi}) {
        const auto html = render(r, Format::html, lang);
        EXPECT_THAT(html, HasSubstr(lang == Lang::vi ? "<h1>Kinh tế tập thể, đến ngày 31/12/2024</h1>"
                                                     : "<h1>Collective economy, as of 2024-12-31</h1>"));
        EXPECT_EQ(occurrences(html, "<svg "), 0u);
        EXPECT_THAT(html, Not(HasSubstr("class=\"figures\"")));
        EXPECT_EQ(occurrences(html, "<table "), 7u);
        EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
    }
}

TEST(Report, HtmlChartsOfManyAreasShowTheLargest) {
    // 30 provinces with 1 to 30 cooperatives: the charts keep the 25 largest, largest first; tables keep all.
    auto reg = test::empty_registry();
    std::vector<std::string> names;
    std::vector<OrganizationRecord> records;
    for (const auto& a : reg.areas().areas()) {
        if (a.level != AreaLevel::province || a.valid_from > "2020-01-01"_day) continue;
        if (a.valid_to && *a.valid_to < "2024-12-31"_day) continue;
        names.push_back(a.name);
        for (std::size_t n = 0; n < names.size(); ++n)
            records.push_back(test::cooperative(a.code + "-" + std::to_string(n), a.code)
                                  .registered("2020-01-01"_day)
                                  .members("2020-01-01"_day, 5));
        if (names.size() == 30) break;
    }
    ASSERT_EQ(names.size(), 30u);
    reg.add(std::move(records));
    ReportOptions o;
    o.as_of = "2024-12-31"_day;
    o.by = {GroupKey::by_area(AreaLevel::province)};
    const auto html = render(standard_report(reg, o), Format::html, Lang::en);
    const std::string caption = "<figcaption>Organisations by legal status (the 25 largest of 30)</figcaption>";
    ASSERT_THAT(html, HasSubstr(caption));
    const auto from = html.find(caption);
    const auto chart = html.substr(from, html.find("</svg>", from) - from);
    EXPECT_EQ(occurrences(chart, "text-anchor=\"end\""), 25u);  // one label per bar
    EXPECT_LT(chart.find(">" + names[29] + "</text>"), chart.find(">" + names[5] + "</text>"));
    EXPECT_NE(chart.find(">" + names[5] + "</text>"), std::string::npos);
    EXPECT_EQ(chart.find(">" + names[4] + "</text>"), std::string::npos);
    EXPECT_THAT(html, HasSubstr("<tr><th scope=\"row\">" + names[4] + "</th>"));  // the tables have every province
    EXPECT_THAT(render(standard_report(reg, o), Format::html, Lang::vi),
                HasSubstr("<figcaption>Tổ chức theo tình trạng pháp lý (25 giá trị lớn nhất trong 30)</figcaption>"));
}

// A province's report names the province its organisations are seated in on the as-of date, and says in which
// units the areas are shown when that is another date; organisations of several provinces name none.
TEST(Report, TheVietnameseReportGivesTheRegistrysTitleAndSourceInVietnamese) {
    const auto r = standard_report(ca_mau());
    ASSERT_TRUE(r.info.source_vi.has_value());
    const auto json = render(r, Format::json, Lang::vi);
    EXPECT_THAT(json, HasSubstr("\"title\": \"Tỉnh Cà Mau: hợp tác xã, liên hiệp hợp tác xã và tổ hợp tác, đến ngày "
                                "31/08/2023 (giả lập)\""));
    EXPECT_THAT(json, HasSubstr("\"source\": \"Báo Cà Mau (2023): 281 hợp tác xã (247 đang hoạt động"));
    EXPECT_THAT(render(r, Format::html, Lang::vi), HasSubstr("Nguồn: Báo Cà Mau (2023): 281 hợp tác xã"));
    // English keeps the English texts; a registry without Vietnamese ones shows its own in both.
    EXPECT_THAT(render(r, Format::json, Lang::en), HasSubstr("\"source\": \"Báo Cà Mau (2023): 281 cooperatives"));
    Report plain = r;
    plain.info.source_vi.reset();
    EXPECT_THAT(render(plain, Format::html, Lang::vi), HasSubstr("Nguồn: Báo Cà Mau (2023): 281 cooperatives"));
}

TEST(Report, TheHeadlineNamesTheProvinceAndTheUnits) {
    auto reg = test::empty_registry();
    reg.add(std::vector<OrganizationRecord>{
        test::cooperative("BT-1", "C22915").registered("2019-01-10"_day).members("2019-01-10"_day, 7),
        test::cooperative("BT-2", "D594").registered("2019-01-10"_day).members("2019-01-10"_day, 7)});
    reg.info().title = "CSV import of bt.csv";
    ReportOptions o;
    o.as_of = "2022-12-31"_day;
    const auto r = standard_report(reg, o);
    EXPECT_EQ(r.area.en, "Bình Thuận province");
    const auto first_line = [](const std::string& text) { return text.substr(0, text.find('\n')); };
    EXPECT_EQ(first_line(render(r, Format::text, Lang::en)),
              "CSV import of bt.csv, Bình Thuận province, as of 2022-12-31.");
    EXPECT_EQ(first_line(render(r, Format::text, Lang::vi)),
              "Kinh tế tập thể tỉnh Bình Thuận, đến ngày 31/12/2022.");

    o.units_as_of = "2025-07-01"_day;  // the new Lâm Đồng: the registry still covers Bình Thuận
    const auto in_2025 = standard_report(reg, o);
    EXPECT_EQ(first_line(render(in_2025, Format::text, Lang::en)),
              "CSV import of bt.csv, Bình Thuận province, as of 2022-12-31; areas in the units of 2025-07-01.");
    EXPECT_EQ(first_line(render(in_2025, Format::text, Lang::vi)),
              "Kinh tế tập thể tỉnh Bình Thuận, đến ngày 31/12/2022; địa bàn theo đơn vị hành chính ngày 01/07/2025.");

    reg.info().title = "Bình Thuận cooperatives";  // a title that names the province already
    o.units_as_of.reset();
    EXPECT_EQ(first_line(render(standard_report(reg, o), Format::text, Lang::en)),
              "Bình Thuận cooperatives, as of 2022-12-31.");

    reg.add(test::cooperative("HCM-1", "P79").registered("2019-01-10"_day));
    const auto two = standard_report(reg, o);
    EXPECT_TRUE(two.area.en.empty());
    EXPECT_EQ(first_line(render(two, Format::text, Lang::en)), "Bình Thuận cooperatives, as of 2022-12-31.");
    auto hcm = test::empty_registry();
    hcm.add(test::cooperative("HCM-1", "P79").registered("2019-01-10"_day));
    EXPECT_EQ(standard_report(hcm, o).area.vi, "thành phố Hồ Chí Minh");
}

}  // namespace
