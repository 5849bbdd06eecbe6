// coopecon report: the organisations registered on or before a date, by kind and legal status, with their
// members and workers, in every format and language. The registry below is small enough to count by hand;
// the expected numbers are those counts (see the comment on each organisation).

#include "cli_runner.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ctime>
#include <string>

namespace {

using coopecon::test::in_dir;
using coopecon::test::run_cli;
using coopecon::test::TempDir;
using ::testing::HasSubstr;

// On 2024-12-31:
//   G-1 group, active: 3 official.                      G-2 group, terminated 2022-07-01: 4 official.
//   G-3 group, in termination since 2024-11-01: 2.     G-4 group converted 2024-09-02: a cooperative, active, 5.
//   C-1 cooperative, suspended to 2025-02-28: 7 official, 2 capital associates, 5 workers (year 2023).
//   C-2 cooperative, active: 10 official, 4 non-capital associates, 8 workers (2023; its 2024 year closes later).
//   C-3 cooperative, terminated 2023-03-01: 8 official, 6 workers (2021).
//   U-1 union, active: 4 official (cooperatives), 1 capital associate.
//   C-4 cooperative registered 2025-03-03: not yet there.
// Totals: not terminated 6 organisations, 31 official, 3 capital, 4 non-capital, 38 members, 13 workers;
// terminated 2 organisations, 12 official, 12 members, 6 workers.
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
        args.insert(args.begin(), {"report", "small.json"});
        return run_cli(args, in_dir(dir.path()));
    }

    TempDir dir;
};

TEST_F(Report, TextInEnglish) {
    const auto r = report({"--as-of", "2024-12-31"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out,
        "Organisations by kind and legal status\n"
        "As of:          2024-12-31\n"
        "Registry:       Small test registry\n"
        "Source:         hand-made\n"
        "Synthetic data: yes\n"
        "File:           small.json\n"
        "\n"
        "Registered and not terminated on 2024-12-31\n"
        "\n"
        "Kind                   Legal status    Organisations  Official members  Capital associates  Non-capital associates  Members  Workers\n"
        "---------------------  --------------  -------------  ----------------  ------------------  ----------------------  -------  -------\n"
        "Cooperative group      Active                      1                 3                   0                       0        3        0\n"
        "Cooperative group      In termination              1                 2                   0                       0        2        0\n"
        "Cooperative            Active                      2                15                   0                       4       19        8\n"
        "Cooperative            Suspended                   1                 7                   2                       0        9        5\n"
        "Union of cooperatives  Active                      1                 4                   1                       0        5        0\n"
        "---------------------  --------------  -------------  ----------------  ------------------  ----------------------  -------  -------\n"
        "Total                                              6                31                   3                       4       38       13\n"
        "\n"
        "Terminated on or before 2024-12-31\n"
        "\n"
        "Kind                   Legal status    Organisations  Official members  Capital associates  Non-capital associates  Members  Workers\n"
        "---------------------  --------------  -------------  ----------------  ------------------  ----------------------  -------  -------\n"
        "Cooperative group      Terminated                  1                 4                   0                       0        4        0\n"
        "Cooperative            Terminated                  1                 8                   0                       0        8        6\n"
        "---------------------  --------------  -------------  ----------------  ------------------  ----------------------  -------  -------\n"
        "Total                                              2                12                   0                       0       12        6\n");
}

TEST_F(Report, TextInVietnameseAlignsByCharactersNotBytes) {
    const auto r = report({"--as-of", "2024-12-31", "--lang", "vi", "--format", "text"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out,
        "Tổ chức kinh tế tập thể theo loại hình và tình trạng pháp lý\n"
        "Tại ngày:        2024-12-31\n"
        "Sổ đăng ký:      Small test registry\n"
        "Nguồn:           hand-made\n"
        "Dữ liệu giả lập: có\n"
        "Tệp:             small.json\n"
        "\n"
        "Đã đăng ký, chưa chấm dứt tại ngày 2024-12-31\n"
        "\n"
        "Loại hình             Tình trạng pháp lý                      Số tổ chức  Thành viên chính thức  Thành viên liên kết góp vốn  Thành viên liên kết không góp vốn  Tổng số thành viên  Người lao động\n"
        "--------------------  --------------------------------------  ----------  ---------------------  ---------------------------  ---------------------------------  ------------------  --------------\n"
        "Tổ hợp tác            Đang hoạt động                                   1                      3                            0                                  0                   3               0\n"
        "Tổ hợp tác            Đang làm thủ tục chấm dứt hoạt động              1                      2                            0                                  0                   2               0\n"
        "Hợp tác xã            Đang hoạt động                                   2                     15                            0                                  4                  19               8\n"
        "Hợp tác xã            Tạm ngừng kinh doanh                             1                      7                            2                                  0                   9               5\n"
        "Liên hiệp hợp tác xã  Đang hoạt động                                   1                      4                            1                                  0                   5               0\n"
        "--------------------  --------------------------------------  ----------  ---------------------  ---------------------------  ---------------------------------  ------------------  --------------\n"
        "Tổng cộng                                                              6                     31                            3                                  4                  38              13\n"
        "\n"
        "Đã chấm dứt đến ngày 2024-12-31\n"
        "\n"
        "Loại hình             Tình trạng pháp lý                      Số tổ chức  Thành viên chính thức  Thành viên liên kết góp vốn  Thành viên liên kết không góp vốn  Tổng số thành viên  Người lao động\n"
        "--------------------  --------------------------------------  ----------  ---------------------  ---------------------------  ---------------------------------  ------------------  --------------\n"
        "Tổ hợp tác            Đã chấm dứt hoạt động                            1                      4                            0                                  0                   4               0\n"
        "Hợp tác xã            Đã giải thể, phá sản, chấm dứt tồn tại           1                      8                            0                                  0                   8               6\n"
        "--------------------  --------------------------------------  ----------  ---------------------  ---------------------------  ---------------------------------  ------------------  --------------\n"
        "Tổng cộng                                                              2                     12                            0                                  0                  12               6\n");
}

TEST_F(Report, MarkdownInEnglish) {
    const auto r = report({"--as-of=2024-12-31", "--format=md"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out,
              "# Organisations by kind and legal status\n"
              "\n"
              "- As of: 2024-12-31\n"
              "- Registry: Small test registry\n"
              "- Source: hand-made\n"
              "- Synthetic data: yes\n"
              "- File: small.json\n"
              "\n"
              "## Registered and not terminated on 2024-12-31\n"
              "\n"
              "| Kind | Legal status | Organisations | Official members | Capital associates | Non-capital associates "
              "| Members | Workers |\n"
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
              "| Cooperative group | Active | 1 | 3 | 0 | 0 | 3 | 0 |\n"
              "| Cooperative group | In termination | 1 | 2 | 0 | 0 | 2 | 0 |\n"
              "| Cooperative | Active | 2 | 15 | 0 | 4 | 19 | 8 |\n"
              "| Cooperative | Suspended | 1 | 7 | 2 | 0 | 9 | 5 |\n"
              "| Union of cooperatives | Active | 1 | 4 | 1 | 0 | 5 | 0 |\n"
              "| Total |  | 6 | 31 | 3 | 4 | 38 | 13 |\n"
              "\n"
              "## Terminated on or before 2024-12-31\n"
              "\n"
              "| Kind | Legal status | Organisations | Official members | Capital associates | Non-capital associates "
              "| Members | Workers |\n"
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
              "| Cooperative group | Terminated | 1 | 4 | 0 | 0 | 4 | 0 |\n"
              "| Cooperative | Terminated | 1 | 8 | 0 | 0 | 8 | 6 |\n"
              "| Total |  | 2 | 12 | 0 | 0 | 12 | 6 |\n");
}

TEST_F(Report, MarkdownInVietnamese) {
    const auto r = report({"--as-of", "2024-12-31", "--format", "md", "--lang", "vi"});
    EXPECT_EQ(r.status, 0);
    EXPECT_THAT(r.out, HasSubstr("# Tổ chức kinh tế tập thể theo loại hình và tình trạng pháp lý\n\n"
                                 "- Tại ngày: 2024-12-31\n"));
    EXPECT_THAT(r.out, HasSubstr("\n## Đã đăng ký, chưa chấm dứt tại ngày 2024-12-31\n\n"
                                 "| Loại hình | Tình trạng pháp lý | Số tổ chức | Thành viên chính thức | "
                                 "Thành viên liên kết góp vốn | Thành viên liên kết không góp vốn | "
                                 "Tổng số thành viên | Người lao động |\n"));
    EXPECT_THAT(r.out, HasSubstr("| Tổ hợp tác | Đang làm thủ tục chấm dứt hoạt động | 1 | 2 | 0 | 0 | 2 | 0 |\n"));
    EXPECT_THAT(r.out, HasSubstr("| Tổng cộng |  | 6 | 31 | 3 | 4 | 38 | 13 |\n"));
    EXPECT_THAT(r.out, HasSubstr("| Hợp tác xã | Đã giải thể, phá sản, chấm dứt tồn tại | 1 | 8 | 0 | 0 | 8 | 6 |\n"
                                 "| Tổng cộng |  | 2 | 12 | 0 | 0 | 12 | 6 |\n"));
}

TEST_F(Report, CsvInEnglish) {
    const auto r = report({"--as-of", "2024-12-31", "--format", "csv"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out,
              "Section,Kind,Legal status,Organisations,Official members,Capital associates,Non-capital associates,"
              "Members,Workers\n"
              "Registered and not terminated on 2024-12-31,Cooperative group,Active,1,3,0,0,3,0\n"
              "Registered and not terminated on 2024-12-31,Cooperative group,In termination,1,2,0,0,2,0\n"
              "Registered and not terminated on 2024-12-31,Cooperative,Active,2,15,0,4,19,8\n"
              "Registered and not terminated on 2024-12-31,Cooperative,Suspended,1,7,2,0,9,5\n"
              "Registered and not terminated on 2024-12-31,Union of cooperatives,Active,1,4,1,0,5,0\n"
              "Registered and not terminated on 2024-12-31,Total,,6,31,3,4,38,13\n"
              "Terminated on or before 2024-12-31,Cooperative group,Terminated,1,4,0,0,4,0\n"
              "Terminated on or before 2024-12-31,Cooperative,Terminated,1,8,0,0,8,6\n"
              "Terminated on or before 2024-12-31,Total,,2,12,0,0,12,6\n");
}

// The Vietnamese labels hold commas, so RFC 4180 quotes those fields.
TEST_F(Report, CsvInVietnameseQuotesFieldsWithCommas) {
    const auto r = report({"--as-of", "2024-12-31", "--format", "csv", "--lang", "vi"});
    EXPECT_EQ(r.status, 0);
    const std::string existing = "\"Đã đăng ký, chưa chấm dứt tại ngày 2024-12-31\",";
    EXPECT_EQ(r.out,
              "Phần,Loại hình,Tình trạng pháp lý,Số tổ chức,Thành viên chính thức,Thành viên liên kết góp vốn,"
              "Thành viên liên kết không góp vốn,Tổng số thành viên,Người lao động\n" +
                  existing + "Tổ hợp tác,Đang hoạt động,1,3,0,0,3,0\n" +
                  existing + "Tổ hợp tác,Đang làm thủ tục chấm dứt hoạt động,1,2,0,0,2,0\n" +
                  existing + "Hợp tác xã,Đang hoạt động,2,15,0,4,19,8\n" +
                  existing + "Hợp tác xã,Tạm ngừng kinh doanh,1,7,2,0,9,5\n" +
                  existing + "Liên hiệp hợp tác xã,Đang hoạt động,1,4,1,0,5,0\n" +
                  existing + "Tổng cộng,,6,31,3,4,38,13\n"
                  "Đã chấm dứt đến ngày 2024-12-31,Tổ hợp tác,Đã chấm dứt hoạt động,1,4,0,0,4,0\n"
                  "Đã chấm dứt đến ngày 2024-12-31,Hợp tác xã,\"Đã giải thể, phá sản, chấm dứt tồn tại\",1,8,0,0,8,6\n"
                  "Đã chấm dứt đến ngày 2024-12-31,Tổng cộng,,2,12,0,0,12,6\n");
}

// Stable keys and ids for programs, labels beside them; compared as JSON values, then as pretty text.
TEST_F(Report, JsonInEnglish) {
    const auto r = report({"--as-of", "2024-12-31", "--format", "json"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(boost::json::parse(r.out), boost::json::parse(R"({
      "title": "Organisations by kind and legal status", "as_of": "2024-12-31", "registry": "Small test registry",
      "source": "hand-made", "synthetic": true, "file": "small.json",
      "columns": [{"key": "kind", "label": "Kind"}, {"key": "status", "label": "Legal status"},
                  {"key": "organizations", "label": "Organisations"},
                  {"key": "official_members", "label": "Official members"},
                  {"key": "capital_associates", "label": "Capital associates"},
                  {"key": "non_capital_associates", "label": "Non-capital associates"},
                  {"key": "members", "label": "Members"}, {"key": "workers", "label": "Workers"}],
      "sections": [
        {"key": "existing", "title": "Registered and not terminated on 2024-12-31",
         "rows": [
           {"kind": "cooperative_group", "kind_label": "Cooperative group", "status": "active",
            "status_label": "Active",
            "organizations": 1, "official_members": 3, "capital_associates": 0, "non_capital_associates": 0,
            "members": 3, "workers": 0},
           {"kind": "cooperative_group", "kind_label": "Cooperative group", "status": "in_dissolution",
            "status_label": "In termination", "organizations": 1, "official_members": 2, "capital_associates": 0,
            "non_capital_associates": 0, "members": 2, "workers": 0},
           {"kind": "cooperative", "kind_label": "Cooperative", "status": "active", "status_label": "Active",
            "organizations": 2, "official_members": 15, "capital_associates": 0, "non_capital_associates": 4,
            "members": 19, "workers": 8},
           {"kind": "cooperative", "kind_label": "Cooperative", "status": "suspended", "status_label": "Suspended",
            "organizations": 1, "official_members": 7, "capital_associates": 2, "non_capital_associates": 0,
            "members": 9, "workers": 5},
           {"kind": "union_of_cooperatives", "kind_label": "Union of cooperatives", "status": "active",
            "status_label": "Active", "organizations": 1, "official_members": 4, "capital_associates": 1,
            "non_capital_associates": 0, "members": 5, "workers": 0}],
         "total": {"organizations": 6, "official_members": 31, "capital_associates": 3, "non_capital_associates": 4,
                   "members": 38, "workers": 13}},
        {"key": "terminated", "title": "Terminated on or before 2024-12-31",
         "rows": [
           {"kind": "cooperative_group", "kind_label": "Cooperative group", "status": "terminated",
            "status_label": "Terminated", "organizations": 1, "official_members": 4, "capital_associates": 0,
            "non_capital_associates": 0, "members": 4, "workers": 0},
           {"kind": "cooperative", "kind_label": "Cooperative", "status": "terminated", "status_label": "Terminated",
            "organizations": 1, "official_members": 8, "capital_associates": 0, "non_capital_associates": 0,
            "members": 8, "workers": 6}],
         "total": {"organizations": 2, "official_members": 12, "capital_associates": 0, "non_capital_associates": 0,
                   "members": 12, "workers": 6}}]
    })"));
    EXPECT_THAT(r.out, ::testing::StartsWith("{\n  \"title\": \"Organisations by kind and legal status\",\n"));
    EXPECT_THAT(r.out, ::testing::EndsWith("\n}\n"));
}

// Only the labels change with the language; keys, ids and numbers stay.
TEST_F(Report, JsonInVietnameseKeepsIdsAndTranslatesLabels) {
    const auto en = boost::json::parse(report({"--as-of", "2024-12-31", "--format", "json"}).out).as_object();
    const auto vi = boost::json::parse(report({"--as-of", "2024-12-31", "--format", "json", "--lang", "vi"}).out)
                        .as_object();
    EXPECT_EQ(vi.at("title"), "Tổ chức kinh tế tập thể theo loại hình và tình trạng pháp lý");
    EXPECT_EQ(vi.at("columns").at(1).at("label"), "Tình trạng pháp lý");
    const auto& en_sections = en.at("sections").as_array();
    const auto& vi_sections = vi.at("sections").as_array();
    ASSERT_EQ(vi_sections.size(), 2u);
    EXPECT_EQ(vi_sections[0].at("title"), "Đã đăng ký, chưa chấm dứt tại ngày 2024-12-31");
    EXPECT_EQ(vi_sections[1].at("title"), "Đã chấm dứt đến ngày 2024-12-31");
    for (std::size_t s = 0; s < 2; ++s) {
        EXPECT_EQ(vi_sections[s].at("total"), en_sections[s].at("total"));
        const auto& en_rows = en_sections[s].at("rows").as_array();
        const auto& vi_rows = vi_sections[s].at("rows").as_array();
        ASSERT_EQ(vi_rows.size(), en_rows.size());
        for (std::size_t i = 0; i < vi_rows.size(); ++i) {
            auto a = en_rows[i].as_object(), b = vi_rows[i].as_object();
            for (auto* row : {&a, &b}) {
                row->erase("kind_label");
                row->erase("status_label");
            }
            EXPECT_EQ(a, b);
        }
    }
    EXPECT_EQ(vi_sections[0].at("rows").at(1).at("status_label"), "Đang làm thủ tục chấm dứt hoạt động");
    EXPECT_EQ(vi_sections[1].at("rows").at(1).at("status_label"), "Đã giải thể, phá sản, chấm dứt tồn tại");
}

TEST_F(Report, BeforeAnyRegistrationEverythingIsZero) {
    const auto r = report({"--as-of", "2015-01-01"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out,
        "Organisations by kind and legal status\n"
        "As of:          2015-01-01\n"
        "Registry:       Small test registry\n"
        "Source:         hand-made\n"
        "Synthetic data: yes\n"
        "File:           small.json\n"
        "\n"
        "Registered and not terminated on 2015-01-01\n"
        "\n"
        "Kind   Legal status  Organisations  Official members  Capital associates  Non-capital associates  Members  Workers\n"
        "-----  ------------  -------------  ----------------  ------------------  ----------------------  -------  -------\n"
        "Total                            0                 0                   0                       0        0        0\n"
        "\n"
        "Terminated on or before 2015-01-01\n"
        "\n"
        "Kind   Legal status  Organisations  Official members  Capital associates  Non-capital associates  Members  Workers\n"
        "-----  ------------  -------------  ----------------  ------------------  ----------------------  -------  -------\n"
        "Total                            0                 0                   0                       0        0        0\n");
}

// Without --as-of: the registry's own as_of (2025-06-30): C-1's suspension has run out, C-2's 2024 year is
// closed (11 workers) and C-4 exists.
TEST_F(Report, DefaultDateIsTheRegistrysAsOf) {
    const auto r = report({"--format", "csv"});
    EXPECT_EQ(r.status, 0);
    EXPECT_THAT(r.out, HasSubstr("Registered and not terminated on 2025-06-30,Cooperative,Active,4,29,2,4,35,16\n"));
    EXPECT_THAT(r.out, HasSubstr("Registered and not terminated on 2025-06-30,Total,,7,38,3,4,45,16\n"));
}

TEST_F(Report, DefaultDateWithoutAsOfIsToday) {
    dir.write("undated.json", R"({"format": "coopecon-registry", "version": 1,
 "info": {"title": "Undated", "source": "test", "synthetic": true}})");
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char today[11];
    std::strftime(today, sizeof today, "%Y-%m-%d", &local);
    const auto r = run_cli({"report", "undated.json", "--format", "json"}, in_dir(dir.path()));
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(boost::json::parse(r.out).at("as_of"), today);
}

TEST_F(Report, ProblemsInTheFileGoToStandardErrorWithExitOne) {
    dir.write("bad.json", R"({"format": "coopecon-registry", "version": 1,
 "info": {"title": "Bad", "source": "test", "synthetic": "yes"}})");
    const auto r = run_cli({"report", "bad.json", "--as-of", "2024-12-31"}, in_dir(dir.path()));
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "bad.json:2:58: info.synthetic: expected true or false, got a string\n1 problem in bad.json\n");
}

TEST_F(Report, MissingFileExitsThree) {
    const auto r = run_cli({"report", "absent.json"}, in_dir(dir.path()));
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "absent.json: cannot open the file: No such file or directory\n");
}

TEST_F(Report, OutputThatCannotBeWrittenExitsThree) {
    auto options = in_dir(dir.path());
    options.stdout_file = "/dev/full";
    for (const std::string format : {"text", "json"}) {
        const auto r = run_cli({"report", "small.json", "--format", format}, options);
        EXPECT_EQ(r.status, 3) << format;
        EXPECT_THAT(r.err, HasSubstr("cannot write")) << format;
    }
}

}  // namespace
