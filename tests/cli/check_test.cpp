// coopecon check: findings in every format and language, exit codes (1 when any finding is due, 0 otherwise,
// 2 for a wrong command line, 3 for a file that cannot be read), and the law changed by --law and --reform.

#ifdef COOPECON_CLI_PATH

#include <cli/cli_runner.hpp>

#include <coopecon/core/date.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using coopecon::test::run_cli;
using coopecon::test::source_dir;
using coopecon::test::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

/// A cooperative founded with 5 official members the day before `since`, with `members` from `since` on.
std::string cooperative_json(const std::string& id, int members, const std::string& since) {
    const std::string founded = (*coopecon::Date::parse(since)).plus_days(-1).iso();
    std::string events = R"({"date": ")" + founded + R"(", "type": "registered", "charter_capital": 0},
       {"date": ")" + founded + R"(", "type": "members_joined", "kind": "official", "member_type": "individual",
        "count": 5, "foreign_investors": 0, "capital": 0})";
    if (members != 5)
        events += R"(,
       {"date": ")" + since + R"(", "type": ")" + (members < 5 ? "members_left" : "members_joined") +
                  R"(", "kind": "official", "member_type": "individual", "count": )" + std::to_string(std::abs(members - 5)) +
                  R"(, "foreign_investors": 0, "capital": 0})";
    return R"({"id": ")" + id + R"(", "registration_code": ")" + id + R"(", "name": "Hợp tác xã )" + id +
           R"(", "kind": "cooperative", "area": "P96", "sector": "agriculture", "events": [
       )" + events + R"(,
       {"date": "2025-04-10", "type": "assembly_held", "kind": "annual"}]})";
}

// HTX-4: founded with 5 official members, 4 from 2024-08-01, below the minimum of 5: counted from 2024-08-02, at
// risk from 2025-06-02, due from 2025-08-02. HTX-6: 6 members, compliant under the 2023 Law. Both hold their 2024
// annual assembly in time.
const std::string check_registry_json = R"({"format": "coopecon-registry", "version": 1,
  "info": {"title": "Check test", "source": "hand-made", "synthetic": true, "as_of": "2025-08-02"},
  "organizations": [)" + cooperative_json("HTX-4", 4, "2024-08-01") + ", " +
                             cooperative_json("HTX-6", 6, "2024-08-01") + "]}";

class CheckCommand : public ::testing::Test {
protected:
    TempDir dir;
    std::string file = dir.write("registry.json", check_registry_json).string();
};

TEST_F(CheckCommand, ADueFindingGivesExitCodeOneAndOneLinePerFinding) {
    const auto r = run_cli({"check", file, "--as-of", "2025-08-02"});
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_THAT(r.out, HasSubstr("Compliance findings on 2025-08-02: Vietnam"));
    const auto line_start = r.out.find("HTX-4");
    ASSERT_NE(line_start, std::string::npos);
    const auto line = r.out.substr(line_start, r.out.find('\n', line_start) - line_start);
    EXPECT_THAT(line, HasSubstr("Due"));
    EXPECT_THAT(line, HasSubstr("Below the minimum of official members"));
    EXPECT_THAT(line, HasSubstr("Law 17/2023/QH15 Art 103.1d; Decree 92/2024/NĐ-CP Art 53"));
    EXPECT_THAT(line, HasSubstr("4 official members, below the minimum of 5 since 2024-08-01; 12 months reached "
                                "on 2025-08-02"));
    EXPECT_THAT(r.out, Not(HasSubstr("HTX-6")));
}

TEST_F(CheckCommand, AtRiskOnlyGivesExitCodeZero) {
    const auto r = run_cli({"check", file, "--as-of", "2025-08-01"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("At risk"));
    EXPECT_THAT(r.out, HasSubstr("12 months will be reached on 2025-08-02 unless cured"));
}

TEST_F(CheckCommand, APartialHistoryGivesUnknownAndADateAfterTheDataEndProjected) {
    // HTX-4 as a registry whose histories are complete only from 2025-01-01: below the minimum since before then
    // is unknown until 12 months counted from 2025-01-01 end (2025-12-31); due from 2026-01-01, which is after
    // the data end (2025-08-02) and so projected.
    auto text = check_registry_json;
    text.replace(text.find("\"as_of\": \"2025-08-02\""), std::string("\"as_of\": \"2025-08-02\"").size(),
                 "\"as_of\": \"2025-08-02\", \"history_from\": \"2025-01-01\"");
    const auto partial = dir.write("partial.json", text).string();
    const auto unknown = run_cli({"check", partial, "--as-of", "2025-08-02"});
    EXPECT_EQ(unknown.status, 0) << unknown.err;  // unknown is not due
    EXPECT_THAT(unknown.out, HasSubstr("Compliance findings on 2025-08-02; histories complete from 2025-01-01: Vietnam"));
    EXPECT_THAT(unknown.out, HasSubstr("Unknown"));
    EXPECT_THAT(unknown.out, HasSubstr("they are reached by 2026-01-01 at the latest unless cured"));
    const auto csv = run_cli({"check", partial, "--as-of", "2026-01-01", "--format", "csv"});
    EXPECT_EQ(csv.status, 1);
    EXPECT_THAT(csv.out, HasSubstr("HTX-4,Due,projected,compliance.below_minimum_members,Below the minimum of official members,2024-08-01,2026-01-01,"));
    const auto json = run_cli({"check", partial, "--as-of", "2026-01-01", "--format", "json"});
    const auto rows = boost::json::parse(json.out).at("rows").as_array();
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0].at("projected").as_string(), "true");
    const auto vi = run_cli({"check", partial, "--as-of", "2026-01-01", "--lang", "vi"});
    EXPECT_THAT(vi.out, HasSubstr("(dự báo: số liệu đến ngày 02/08/2025)"));
}

TEST_F(CheckCommand, NoFindingsGivesExitCodeZero) {
    const auto r = run_cli({"check", file, "--as-of", "2025-01-01"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, Not(HasSubstr("HTX-")));
    EXPECT_THAT(r.out, ::testing::EndsWith("no findings\n"));
}

TEST_F(CheckCommand, TheRegistrysAsOfIsTheDefaultDate) {
    EXPECT_EQ(run_cli({"check", file}).status, 1);
}

TEST_F(CheckCommand, WithoutAsOfInTheFileTheLatestEventIsTheDefaultDate) {
    // The same registry without info.as_of: judged on its latest event, 2025-04-10, when nothing is at risk yet.
    std::string text = check_registry_json;
    const std::string as_of = R"(, "as_of": "2025-08-02")";
    text.replace(text.find(as_of), as_of.size(), "");
    const auto other = dir.write("no-as-of.json", text).string();
    const auto r = run_cli({"check", other});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("Compliance findings on 2025-04-10"));
    EXPECT_THAT(r.out, HasSubstr("no findings"));
}

TEST_F(CheckCommand, AtRiskMonthsAndTheWayAcrossAChangeOfLawAreOptions) {
    EXPECT_THAT(run_cli({"check", file, "--as-of", "2025-05-02"}).out, Not(HasSubstr("HTX-4")));
    EXPECT_THAT(run_cli({"check", file, "--as-of", "2025-05-02", "--at-risk-months", "3"}).out, HasSubstr("At risk"));
    EXPECT_THAT(run_cli({"check", file, "--as-of", "2025-05-01", "--at-risk-months", "3"}).out, Not(HasSubstr("HTX-4")));
    EXPECT_EQ(run_cli({"check", file, "--across-law-change", "keep_start"}).status, 1);
    EXPECT_EQ(run_cli({"check", file, "--across-law-change", "restart"}).status, 1);
    const auto bad = run_cli({"check", file, "--across-law-change", "sometimes"});
    EXPECT_EQ(bad.status, 2);
    EXPECT_THAT(bad.err, HasSubstr("--across-law-change must be by_rule, restart or keep_start, not 'sometimes'"));
    const auto months = run_cli({"check", file, "--at-risk-months", "-1"});
    EXPECT_EQ(months.status, 2);
    EXPECT_THAT(months.err, HasSubstr("--at-risk-months must be a whole number from 0 to 1200, not '-1'"));
}

TEST_F(CheckCommand, ExplainShowsTheEventsTheParametersAndTheDaysCounted) {
    const auto r = run_cli({"explain", file, "HTX-4"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("Organisation HTX-4 on 2025-08-02"));
    EXPECT_THAT(r.out, HasSubstr("2024-07-31  Active (registered)"));
    EXPECT_THAT(r.out, HasSubstr("compliance.below_minimum_members — Due"));
    EXPECT_THAT(r.out, HasSubstr("(events of 2024-08-01: members_left)"));
    EXPECT_THAT(r.out, HasSubstr("Counted from 2024-08-02 (the day after the day it arose, Civil Code 2015 Art 147.2)"));
    EXPECT_THAT(r.out, HasSubstr("Period of 12 months ends on 2025-08-01 (Art 148.3); the consequence follows from 2025-08-02"));
    EXPECT_THAT(r.out, HasSubstr("below_minimum_members_months = 12 on 2025-08-01 (Law 17/2023/QH15 Art 103.1d"));
    EXPECT_THAT(r.out, HasSubstr("min_members_cooperative = 5 on 2025-08-02 (Law 17/2023/QH15 Art 4.7)"));
    const auto vi = run_cli({"explain", file, "HTX-4", "--as-of", "2025-08-01", "--lang", "vi"});
    EXPECT_THAT(vi.out, HasSubstr("Tổ chức HTX-4 tại ngày 01/08/2025"));
    EXPECT_THAT(vi.out, HasSubstr("Có nguy cơ"));
    const auto none = run_cli({"explain", file, "HTX-6"});
    EXPECT_THAT(none.out, HasSubstr("No findings."));
    const auto unknown = run_cli({"explain", file, "HTX-9"});
    EXPECT_EQ(unknown.status, 1);
    EXPECT_THAT(unknown.err, HasSubstr("no organisation with id 'HTX-9'"));
    EXPECT_EQ(run_cli({"explain", file}).status, 2);
}

TEST_F(CheckCommand, SeverityLeavesOutLesserFindings) {
    const auto due = run_cli({"check", file, "--as-of", "2025-07-31", "--severity", "due"});
    EXPECT_EQ(due.status, 0);
    EXPECT_THAT(due.out, Not(HasSubstr("HTX-4")));
    const auto risk = run_cli({"check", file, "--as-of", "2025-07-31", "--severity=at_risk"});
    EXPECT_THAT(risk.out, HasSubstr("HTX-4"));
}

TEST_F(CheckCommand, JsonKeepsRuleIdsAndSeverities) {
    const auto r = run_cli({"check", file, "--as-of", "2025-08-02", "--format", "json"});
    EXPECT_EQ(r.status, 1);
    const auto doc = boost::json::parse(r.out);
    EXPECT_EQ(doc.at("id").as_string(), "compliance_findings");
    const auto& rows = doc.at("rows").as_array();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].at("organization").as_string(), "HTX-4");
    EXPECT_EQ(rows[0].at("severity").as_string(), "due");
    EXPECT_EQ(rows[0].at("rule").as_string(), "compliance.below_minimum_members");
    EXPECT_EQ(rows[0].at("consequence").as_string(), "revocation_ground");
    EXPECT_EQ(rows[0].at("threshold").as_string(), "2025-08-02");
}

TEST_F(CheckCommand, CsvHasOneRecordPerFindingWithItsRuleIdAndName) {
    const auto r = run_cli({"check", file, "--as-of", "2025-08-02", "--format", "csv"});
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(r.out, ::testing::StartsWith(
                           "Organisation,Severity,Projected,Rule id,Rule,Since,Threshold,Consequence,Legal basis,Finding\r\n"
                           "HTX-4,Due,,compliance.below_minimum_members,Below the minimum of official members,"
                           "2024-08-01,2025-08-02,"));
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);
    // Dates stay ISO in CSV, in either language.
    const auto vi = run_cli({"check", file, "--as-of", "2025-08-02", "--format", "csv", "--lang", "vi"});
    EXPECT_THAT(vi.out, ::testing::StartsWith("Tổ chức,Mức độ,Dự báo,Mã quy định,Quy định,"));
    EXPECT_THAT(vi.out, HasSubstr(",compliance.below_minimum_members,"));
    EXPECT_THAT(vi.out, HasSubstr(",2024-08-01,2025-08-02,"));
}

TEST_F(CheckCommand, OnlyCsvHasARuleIdColumnOfItsOwn) {
    const auto text = run_cli({"check", file, "--as-of", "2025-08-02"});
    EXPECT_THAT(text.out, Not(HasSubstr("Rule id")));
    const auto md = run_cli({"check", file, "--as-of", "2025-08-02", "--format", "md"});
    EXPECT_THAT(md.out, Not(HasSubstr("Rule id")));
}

TEST_F(CheckCommand, VietnameseLabelsAndMessages) {
    const auto r = run_cli({"check", file, "--as-of", "2025-08-02", "--lang", "vi"});
    EXPECT_EQ(r.status, 1);
    // The title, the legal basis and the dates are Vietnamese; dates dd/mm/yyyy.
    EXPECT_THAT(r.out, HasSubstr("Kết quả kiểm tra tuân thủ tại ngày 02/08/2025: Việt Nam: Luật Hợp tác xã 2012 và "
                                 "2023 cùng các nghị định hướng dẫn"));
    EXPECT_THAT(r.out, HasSubstr("4 thành viên chính thức, dưới mức tối thiểu 5 từ 01/08/2024"));
    EXPECT_THAT(r.out, HasSubstr("Đến hạn xử lý"));
    EXPECT_THAT(r.out, HasSubstr("điểm d khoản 1 Điều 103 Luật 17/2023/QH15; Điều 53 Nghị định 92/2024/NĐ-CP"));
    EXPECT_THAT(r.out, HasSubstr("01/08/2024  02/08/2025"));
    EXPECT_THAT(r.out, Not(HasSubstr("Law 17/2023")));
    EXPECT_THAT(r.out, Not(HasSubstr("2025-08-02")));
}

TEST_F(CheckCommand, AReformChangesTheFindings) {
    // Seven members from 2026: HTX-6 is below from 2026-01-01 and due on 2027-01-01.
    const auto reform = (source_dir / "data/reforms/min-members-seven-from-2026.json").string();
    const auto r = run_cli({"check", file, "--as-of", "2027-01-01", "--reform", reform, "--severity", "due"});
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(r.out, HasSubstr("6 official members, below the minimum of 7 since 2026-01-01"));
    EXPECT_THAT(r.out, HasSubstr("reform: Hypothetical: seven official members again from 2026"));
}

TEST_F(CheckCommand, AFrameworkFileReplacesTheEmbeddedLaw) {
    const auto law = run_cli({"check", file, "--as-of", "2025-08-02",
                              "--law", (source_dir / "data/law/vn-cooperatives.json").string()});
    EXPECT_EQ(law.status, 1) << law.err;
}

TEST_F(CheckCommand, AnInvalidReformIsListedWithItsPlaces) {
    const auto bad = (source_dir / "tests/law/reforms/several_problems.json").string();
    const auto r = run_cli({"check", file, "--as-of", "2025-08-01", "--reform", bad});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_THAT(r.err, HasSubstr(bad + ":7:54: parameters.below_minimum_members_months[0].value: a number of months "
                                       "must be from 0 to 1200, not -3"));
    EXPECT_THAT(r.err, HasSubstr("10 problems in " + bad + "\n"));
}

TEST_F(CheckCommand, WrongCommandLinesGiveExitCodeTwo) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"check"},
             {"check", file, "--as-of", "2025-02-30"},
             {"check", file, "--severity", "notice"},
             {"check", file, "--severity", "projected"},
             {"check", file, "--as-of"},
             {"check", file, "--reform", "a.json", "--reform", "b.json"},
             {"check", file, "other.json"}}) {
        const auto r = run_cli(args);
        EXPECT_EQ(r.status, 2) << ::testing::PrintToString(args);
        EXPECT_THAT(r.err, HasSubstr("usage: coopecon check FILE"));
    }
    EXPECT_THAT(run_cli({"check", file, "--severity", "notice"}).err,
                HasSubstr("--severity must be unknown, at_risk or due, not 'notice'"));
}

TEST_F(CheckCommand, UnreadableFilesGiveExitCodeThree) {
    EXPECT_EQ(run_cli({"check", (dir.path() / "missing.json").string()}).status, 3);
    EXPECT_EQ(run_cli({"check", dir.path().string()}).status, 3);
    EXPECT_EQ(run_cli({"check", file, "--reform", (dir.path() / "missing.json").string()}).status, 3);
    EXPECT_EQ(run_cli({"check", file, "--law", dir.path().string()}).status, 3);
}

TEST_F(CheckCommand, HelpListsTheOptions) {
    const auto r = run_cli({"check", "--help"});
    EXPECT_EQ(r.status, 0);
    for (const char* option : {"--as-of DATE", "--severity unknown|at_risk|due", "--law FILE", "--reform FILE",
                               "--lang en|vi", "--format text|md|csv|json|html"})
        EXPECT_THAT(r.out, HasSubstr(option));
}

}  // namespace

#endif
