// coopecon report: the standard report (indicators/report.hpp) of the embedded Cà Mau dataset or of a file, with
// every option. The numbers themselves are tested in tests/indicators; here the command line is: defaults,
// the synthetic first line, groupings, reporting units, series, formats, languages and usage errors.

#include "cli_runner.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace {

using coopecon::test::in_dir;
using coopecon::test::run_cli;
using coopecon::test::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// On 2024-12-31: cooperatives C-1 (suspended, 9 members), C-2 (active, 14) and G-4 (a group converted on
// 2024-09-02, 5); union U-1 (4 member cooperatives, 1 associate); groups G-1 (3) and G-3 (in termination, 2).
// C-3 was dissolved in 2023, C-4 registers in 2025.
const std::string small_registry = R"({
  "format": "coopecon-registry",
  "version": 1,
  "info": {"title": "Small test registry", "source": "hand-made", "synthetic": true, "as_of": "2025-06-30"},
  "organizations": [
    {"id": "G-1", "registration_code": "G1", "name": "Tổ hợp tác Một", "kind": "cooperative_group", "area": "P96",
      "sector": "agriculture",
     "events": [
       {"date": "2020-01-10", "type": "registered", "charter_capital": 0},
       {"date": "2020-01-10", "type": "members_joined", "kind": "official", "member_type": "individual", "count": 3,
         "foreign_investors": 0, "capital": 0}]},
    {"id": "G-2", "registration_code": "G2", "name": "Tổ hợp tác Hai", "kind": "cooperative_group", "area": "P96",
      "sector": "agriculture",
     "events": [
       {"date": "2018-04-02", "type": "registered", "charter_capital": 0},
       {"date": "2018-04-02", "type": "members_joined", "kind": "official", "member_type": "individual", "count": 4,
         "foreign_investors": 0, "capital": 0},
       {"date": "2022-05-02", "type": "dissolution_resolved", "basis": "members_resolution",
         "approval_percent": 100},
       {"date": "2022-07-01", "type": "dissolution_completed", "by": "dossier"}]},
    {"id": "G-3", "registration_code": "G3", "name": "Tổ hợp tác Ba", "kind": "cooperative_group", "area": "P96",
      "sector": "trade_services",
     "events": [
       {"date": "2021-03-01", "type": "registered", "charter_capital": 0},
       {"date": "2021-03-01", "type": "members_joined", "kind": "official", "member_type": "household", "count": 2,
         "foreign_investors": 0, "capital": 0},
       {"date": "2024-11-01", "type": "dissolution_resolved", "basis": "members_resolution",
         "approval_percent": 100}]},
    {"id": "G-4", "registration_code": "G4", "name": "Tổ hợp tác Bốn", "kind": "cooperative_group", "area": "P96",
      "sector": "agriculture",
     "events": [
       {"date": "2022-01-05", "type": "registered", "charter_capital": 0},
       {"date": "2022-01-05", "type": "members_joined", "kind": "official", "member_type": "individual", "count": 5,
         "foreign_investors": 0, "capital": 0},
       {"date": "2024-09-02", "type": "converted_to_cooperative", "consenting_members": 5}]},
    {"id": "C-1", "registration_code": "C1", "name": "Hợp tác xã Một", "kind": "cooperative", "area": "P96",
      "sector": "agriculture",
     "events": [
       {"date": "2019-05-02", "type": "registered", "charter_capital": 500000000},
       {"date": "2019-05-02", "type": "members_joined", "kind": "official", "member_type": "individual", "count": 7,
         "foreign_investors": 0, "capital": 350000000},
       {"date": "2020-06-01", "type": "members_joined", "kind": "capital_associate", "member_type": "legal_entity",
         "count": 2, "foreign_investors": 0, "capital": 100000000},
       {"date": "2024-03-29", "type": "financial_year_closed", "year": 2023, "revenue": 900000000,
         "costs": 800000000, "pre_tax_profit": 100000000, "internal_revenue": 500000000, "workers": 5,
         "wages": 300000000, "indivisible_fund": 0},
       {"date": "2024-04-01", "type": "suspended", "until": "2025-02-28"}]},
    {"id": "C-2", "registration_code": "C2", "name": "Hợp tác xã Hai", "kind": "cooperative", "area": "P96",
      "sector": "transport",
     "events": [
       {"date": "2021-06-01", "type": "registered", "charter_capital": 1000000000},
       {"date": "2021-06-01", "type": "members_joined", "kind": "official", "member_type": "individual",
         "count": 10, "foreign_investors": 0, "capital": 1000000000},
       {"date": "2022-02-01", "type": "members_joined", "kind": "non_capital_associate",
         "member_type": "individual", "count": 4, "foreign_investors": 0, "capital": 0},
       {"date": "2024-03-29", "type": "financial_year_closed", "year": 2023, "revenue": 2000000000,
         "costs": 1800000000, "pre_tax_profit": 200000000, "internal_revenue": 1000000000, "workers": 8,
         "wages": 600000000, "indivisible_fund": 0},
       {"date": "2025-03-31", "type": "financial_year_closed", "year": 2024, "revenue": 2500000000,
         "costs": 2200000000, "pre_tax_profit": 300000000, "internal_revenue": 1200000000, "workers": 11,
         "wages": 800000000, "indivisible_fund": 0}]},
    {"id": "C-3", "registration_code": "C3", "name": "Hợp tác xã Ba", "kind": "cooperative", "area": "P96",
      "sector": "industry_handicraft",
     "events": [
       {"date": "2018-02-01", "type": "registered", "charter_capital": 400000000},
       {"date": "2018-02-01", "type": "members_joined", "kind": "official", "member_type": "individual", "count": 8,
         "foreign_investors": 0, "capital": 400000000},
       {"date": "2022-03-31", "type": "financial_year_closed", "year": 2021, "revenue": 300000000,
         "costs": 350000000, "pre_tax_profit": -50000000, "internal_revenue": 100000000, "workers": 6,
         "wages": 200000000, "indivisible_fund": 0},
       {"date": "2023-01-10", "type": "dissolution_resolved", "basis": "members_resolution",
         "approval_percent": 80},
       {"date": "2023-03-01", "type": "dissolution_completed", "by": "dossier"}]},
    {"id": "U-1", "registration_code": "U1", "name": "Liên hiệp hợp tác xã Một", "kind": "union_of_cooperatives",
      "area": "P96", "sector": "agriculture",
     "events": [
       {"date": "2024-06-03", "type": "registered", "charter_capital": 2000000000},
       {"date": "2024-06-03", "type": "members_joined", "kind": "official", "member_type": "cooperative",
         "count": 4, "foreign_investors": 0, "capital": 2000000000},
       {"date": "2024-06-03", "type": "members_joined", "kind": "capital_associate", "member_type": "legal_entity",
         "count": 1, "foreign_investors": 0, "capital": 100000000}]},
    {"id": "C-4", "registration_code": "C4", "name": "Hợp tác xã Bốn", "kind": "cooperative", "area": "P96",
      "sector": "other",
     "events": [
       {"date": "2025-03-03", "type": "registered", "charter_capital": 0},
       {"date": "2025-03-03", "type": "members_joined", "kind": "official", "member_type": "individual", "count": 7,
         "foreign_investors": 0, "capital": 0}]}
  ]
}
)";


class Report : public ::testing::Test {
protected:
    void SetUp() override { dir.write("small.json", small_registry); }

    coopecon::test::CliResult report(std::vector<std::string> args) {
        args.insert(args.begin(), "report");
        return run_cli(args, in_dir(dir.path()));
    }

    TempDir dir;
};

const std::string headline_en =
    "Cooperatives: 281 (247 active, 34 suspended), 4,292 members, 15.3 members per cooperative; active 87.9 %, "
    "suspended 12.1 %.\n"
    "Unions of cooperatives: 1, with 6 member cooperatives and 59 workers.\n"
    "Cooperatives and unions: 282 (248 active).\n"
    "Cooperative groups: 987, with 14,560 members, 14.8 members per group.\n";

TEST_F(Report, WithoutFileTheEmbeddedCaMauDataLeadWithThePublishedFigures) {
    const auto r = report({});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err, "");
    EXPECT_THAT(r.out, StartsWith("Synthetic data: generated, not official statistics.\n"
                                  "Cà Mau province: cooperatives, union and cooperative groups, as of 2023-08-31 "
                                  "(synthetic).\n" +
                                  headline_en));
    EXPECT_THAT(r.out, HasSubstr("\nOrganisations by legal status\n"));
    EXPECT_THAT(r.out, HasSubstr("\nChange in the period, 2023-01-01 to 2023-08-31\n"));
}

TEST_F(Report, TheReadmeQuotesTheHeadlineFigures) {
    const auto readme = coopecon::test::read_file(coopecon::test::source_dir / "README.md");
    EXPECT_THAT(readme, HasSubstr("```text\n" + headline_en + "```\n"));
}

TEST_F(Report, InVietnamese) {
    const auto r = report({"--lang", "vi"});
    EXPECT_EQ(r.status, 0);
    // The embedded registry runs on past 2025-07-01, with organisations founded later in the new units: they
    // exist after the date, so they do not hide the province the registry covers on it.
    EXPECT_THAT(r.out, StartsWith("Dữ liệu tổng hợp (giả lập), không phải số liệu thống kê chính thức.\n"
                                  "Kinh tế tập thể tỉnh Cà Mau, đến ngày 31/08/2023.\n"));
    EXPECT_THAT(r.out, HasSubstr("Hợp tác xã: 281 (247 đang hoạt động, 34 tạm ngừng kinh doanh), 4.292 thành viên, "
                                 "bình quân 15,3 thành viên/hợp tác xã; tỷ lệ đang hoạt động 87,9 %, tạm ngừng 12,1 %.\n"
                                 "Liên hiệp hợp tác xã: 1, gồm 6 hợp tác xã thành viên và 59 lao động.\n"));
    EXPECT_THAT(r.out, HasSubstr("Tổ chức theo tình trạng pháp lý\n"));
}

TEST_F(Report, ByProvinceInTodaysUnitsAsJson) {
    const auto r = report({"--by", "province", "--units-as-of", "2025-07-01", "--format", "json"});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto doc = boost::json::parse(r.out);
    EXPECT_EQ(doc.at("synthetic"), true);
    EXPECT_EQ(doc.at("units_as_of"), "2025-07-01");
    const auto& status = doc.at("tables").at(1);
    EXPECT_EQ(status.at("id"), "status");
    const auto& first = status.at("rows").at(0);
    EXPECT_EQ(first.at("province"), "P96-2025");
    EXPECT_EQ(first.at("province_label"), "Cà Mau");
    EXPECT_EQ(first.at("organizations"), 1269);
}

TEST_F(Report, ByRegionTheProvincesRegionInBothLanguages) {
    const auto en = report({"--by", "region"});
    ASSERT_EQ(en.status, 0) << en.err;
    EXPECT_THAT(en.out, HasSubstr("\nRegion              Organisations  Active  Suspended  "));
    EXPECT_THAT(en.out, HasSubstr("\nMekong River Delta          1,269   1,235         34  "));
    const auto vi = report({"--by", "region", "--lang", "vi", "--format", "csv"});
    ASSERT_EQ(vi.status, 0) << vi.err;
    EXPECT_THAT(vi.out, HasSubstr("\r\nĐồng bằng sông Cửu Long,1269,1235,34,"));
}

TEST_F(Report, ByDistrictInMarkdownAndSizeInCsv) {
    const auto md = report({"--by", "district", "--format", "md"});
    ASSERT_EQ(md.status, 0);
    EXPECT_THAT(md.out, StartsWith("Synthetic data: generated, not official statistics.\n\n## Cà Mau province"));
    EXPECT_THAT(md.out, HasSubstr("| U Minh |"));
    const auto csv = report({"--by", "size", "--format", "csv"});
    ASSERT_EQ(csv.status, 0);
    EXPECT_THAT(csv.out, StartsWith("\"Synthetic data: generated, not official statistics.\"\r\n\r\nHeadline figures\r\n"));
    EXPECT_THAT(csv.out, HasSubstr("\r\nSize class,Organisations,"));
    EXPECT_THAT(csv.out, HasSubstr("\r\nMicro (< 50 members),"));
}

TEST_F(Report, SeriesByQuarterFrom) {
    const auto r = report({"--period", "quarter", "--from", "2022-07-01", "--by", "status"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("\nSeries by quarter, 2022-07-01 to 2023-08-31\n"));
    EXPECT_THAT(r.out, HasSubstr("\n2022-Q3  Active"));
    EXPECT_THAT(r.out, HasSubstr("\n2023-Q3  Suspended"));
    EXPECT_THAT(r.out, HasSubstr("\nChange in the period, 2022-07-01 to 2023-08-31\n"));
}

TEST_F(Report, FileAtADate) {
    const auto r = report({"small.json", "--as-of", "2024-12-31", "--format", "json"});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto doc = boost::json::parse(r.out);
    EXPECT_EQ(doc.at("as_of"), "2024-12-31");
    EXPECT_EQ(doc.at("title"), "Small test registry");
    const auto& headline = doc.at("tables").at(0).at("rows");
    // cooperative_group, cooperative, union_of_cooperatives, then cooperatives and unions (not a total of all)
    EXPECT_EQ(headline.at(0).at("organizations"), 2);
    EXPECT_EQ(headline.at(1).at("organizations"), 3);
    EXPECT_EQ(headline.at(1).at("suspended"), 1);
    EXPECT_EQ(headline.at(1).at("members"), 28);
    EXPECT_EQ(headline.at(2).at("member_cooperatives"), 4);
    EXPECT_EQ(headline.at(2).at("members"), nullptr);  // a union's members are cooperatives: no people to count
    EXPECT_EQ(headline.at(3).at("kind"), "cooperatives_and_unions");
    EXPECT_EQ(headline.at(3).at("organizations"), 4);
    EXPECT_EQ(headline.at(3).at("members"), 28);
    EXPECT_EQ(headline.at(3).at("member_cooperatives"), 4);
    const auto& change = doc.at("tables").at(3);
    EXPECT_EQ(change.at("id"), "change");
    EXPECT_EQ(change.at("rows").at(1).at("converted"), 1);  // G-4, now a cooperative
}

TEST_F(Report, DefaultDateIsTheRegistrysAsOf) {
    const auto r = report({"small.json"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, StartsWith("Synthetic data: generated, not official statistics.\n"
                                  "Small test registry, Cà Mau province, as of 2025-06-30.\n"));
}

TEST_F(Report, UsageErrors) {
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    for (const auto& c : std::vector<Case>{
             {{"--by", "ward"},
              "--by must be province, district, commune, region, kind, sector, status or size, not 'ward'"},
             {{"--period", "week"}, "--period must be month, quarter or year, not 'week'"},
             {{"--from", "2023-02-30"}, "--from needs a calendar date as YYYY-MM-DD, not '2023-02-30'"},
             {{"--units-as-of", "tomorrow"}, "--units-as-of needs a calendar date as YYYY-MM-DD, not 'tomorrow'"},
             {{"--from", "2023-09-01"}, "--from 2023-09-01 is after the as-of date 2023-08-31"},
             {{"a.json", "b.json"}, "unexpected argument 'b.json'"},
             {{"--format", "pdf"}, "--format must be text, md, csv, json or html, not 'pdf'"},
             {{"--out", ""}, "--out needs a file name"},
         }) {
        const auto r = report(c.args);
        EXPECT_EQ(r.status, 2) << c.message;
        EXPECT_THAT(r.err, StartsWith("coopecon report: " + c.message + "\nusage: coopecon report [FILE] [--as-of DATE] "
                                      "[--by KEY] [--period month|quarter|year] [--from DATE] [--units-as-of DATE] "
                                      "[--rows organizations|events] [--mapping FILE] [--bad-rows refuse|skip] "
                                      "[--areas FILE] [--lang en|vi] [--format text|md|csv|json|html] [--out FILE] "
                                      "[--threads N]\n"))
            << r.err;
    }
}

TEST_F(Report, FileWithProblemsIsNotReported) {
    dir.write("bad.json", "{\"format\": \"coopecon-registry\"");
    const auto r = report({"bad.json"});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.out, "");
}

TEST_F(Report, HtmlPageToAFile) {
    const auto r = report({"--format", "html", "--period", "quarter", "--out", "report.html"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "");
    std::ifstream file(dir.path() / "report.html", std::ios::binary);
    const std::string page((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    EXPECT_THAT(page, StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n"));
    EXPECT_THAT(page, HasSubstr("<span class=\"value\">4,292</span>"));
    EXPECT_THAT(page, HasSubstr("<title id=\"chart-series-title\">Organisations over time</title>"));
    EXPECT_THAT(page, HasSubstr("</html>\n"));
    // Without --out the same page goes to standard output.
    EXPECT_EQ(report({"--format", "html", "--period", "quarter"}).out, page);
}

TEST_F(Report, HtmlEscapesTheRegistrysTitleAndSource) {
    std::string hostile = small_registry;
    const std::string title = R"("title": "Small test registry", "source": "hand-made")";
    hostile.replace(hostile.find(title), title.size(),
                    R"("title": "<script>alert(1)</script> & \"Tổ\"", "source": "<img src=x onerror=alert(2)>")");
    dir.write("hostile.json", hostile);
    const auto r = report({"hostile.json", "--format", "html", "--lang", "vi"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, StartsWith("<!DOCTYPE html>\n<html lang=\"vi\">\n"));
    // The registry's title is data in one language: the Vietnamese page titles itself.
    EXPECT_THAT(r.out, HasSubstr("<h1>Kinh tế tập thể tỉnh Cà Mau, đến ngày 30/06/2025</h1>"));
    EXPECT_THAT(r.out, HasSubstr("Nguồn: &lt;img src=x onerror=alert(2)&gt;</p>"));
    const auto en = report({"hostile.json", "--format", "html"});
    EXPECT_EQ(en.status, 0) << en.err;
    EXPECT_THAT(en.out, HasSubstr("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Tổ&quot;, Cà Mau province, as of "
                                  "2025-06-30</h1>"));
    EXPECT_THAT(en.out, HasSubstr("Source: &lt;img src=x onerror=alert(2)&gt;</p>"));
    for (const auto& page : {r.out, en.out}) {
        EXPECT_THAT(page, Not(HasSubstr("<script")));
        EXPECT_THAT(page, Not(HasSubstr("<img")));
    }
}

TEST_F(Report, OutputThatCannotBeWrittenGivesExitCodeThreeAndLeavesNothing) {
    const auto target = dir.path() / "missing" / "report.html";
    const auto r = report({"--format", "html", "--out", target.string()});
    EXPECT_EQ(r.status, 3);
    EXPECT_THAT(r.err, HasSubstr(target.string()));
    EXPECT_EQ(r.out, "");
    EXPECT_FALSE(std::filesystem::exists(target));
    EXPECT_FALSE(std::filesystem::exists(target.parent_path()));
}

}  // namespace
