// A CSV export given to validate, report, check and convert: read by the header's kind of row and language,
// refused with every problem (exit 1) unless --bad-rows skip, which lists the skipped rows on stderr and goes on.

#include "cli_runner.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace {

using coopecon::test::in_dir;
using coopecon::test::read_file;
using coopecon::test::run_cli;
using coopecon::test::source_dir;
using coopecon::test::TempDir;

const std::string csv_cli_two_cooperatives =
    "ID,Name,Kind,Area code,Sector,Registered on,Status,Official members\n"
    "HTX-1,Hợp tác xã Một,cooperative,D968,agriculture,2019-01-10,active,7\n"
    "HTX-2,Hợp tác xã Hai,cooperative,D968,mining,2019-01-10,active,7\n";

TEST(CsvInput, ValidateReadsOrganisationAndEventRows) {
    const auto orgs = run_cli({"validate", "examples/organizations.csv"}, in_dir(source_dir));
    EXPECT_EQ(orgs.status, 0) << orgs.out << orgs.err;
    EXPECT_EQ(orgs.out, "examples/organizations.csv: valid: 4 organisations, 19 events, 2016-07-05 to 2025-06-02\n");

    const auto events = run_cli({"validate", "examples/registry-events.csv"}, in_dir(source_dir));
    const auto json = run_cli({"validate", "examples/registry.json"}, in_dir(source_dir));
    EXPECT_EQ(events.status, 0) << events.out << events.err;
    // The same organisations, events and dates as the registry file it was exported from.
    EXPECT_EQ(events.out.substr(events.out.find(':')), json.out.substr(json.out.find(':')));
}

TEST(CsvInput, AWrongRowRefusesTheFile) {
    TempDir dir;
    const auto file = dir.write("two.csv", csv_cli_two_cooperatives);
    const auto r = run_cli({"validate", file.string()});
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(r.out, ::testing::StartsWith(file.string() +
                                             ":3:5: column \"Sector\" (sector): organization HTX-2: \"mining\" is "
                                             "not one of the allowed values: agriculture"));
    EXPECT_THAT(r.out, ::testing::EndsWith("\n1 problem in " + file.string() + "\n"));
}

TEST(CsvInput, BadRowsCanBeSkippedAndAreListedOnStderr) {
    TempDir dir;
    const auto file = dir.write("two.csv", csv_cli_two_cooperatives);
    const auto r = run_cli({"validate", file.string(), "--bad-rows", "skip"});
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_EQ(r.out, file.string() + ": valid: 1 organisation, 2 events, 2019-01-10 to 2019-01-10\n");
    EXPECT_THAT(r.err, ::testing::HasSubstr("\"mining\" is not one of the allowed values"));
    EXPECT_THAT(r.err, ::testing::EndsWith(file.string() + ": skipped 1 row (line 3) of organization HTX-2\n"));
}

TEST(CsvInput, ReportAndCheckReadCsvToo) {
    const auto report = run_cli({"report", "examples/organizations.csv", "--as-of", "2025-06-30", "--format", "csv"},
                                in_dir(source_dir));
    EXPECT_EQ(report.status, 0) << report.err;
    EXPECT_FALSE(report.out.empty());
    const auto check = run_cli({"check", "examples/organizations.csv", "--as-of", "2025-06-30"}, in_dir(source_dir));
    EXPECT_NE(check.status, 2) << check.err;
    EXPECT_NE(check.status, 3) << check.err;
}

TEST(CsvInput, OptionsAreCheckedBeforeTheFileIsRead) {
    const auto rows = run_cli({"validate", "x.csv", "--rows", "members"});
    EXPECT_EQ(rows.status, 2);
    EXPECT_THAT(rows.err, ::testing::HasSubstr("--rows must be organizations or events, not 'members'"));
    const auto bad = run_cli({"validate", "x.csv", "--bad-rows", "ignore"});
    EXPECT_EQ(bad.status, 2);
    EXPECT_THAT(bad.err, ::testing::HasSubstr("--bad-rows must be refuse or skip, not 'ignore'"));
}

TEST(CsvInput, AMappingFileAndAKindOfRow) {
    TempDir dir;
    const auto mapping = dir.write("m.json", R"({"format": "coopecon-csv-mapping", "version": 1,
 "rows": "organizations", "date_format": "YYYY-MM-DD", "delimiter": ";",
 "columns": {"ma": "id", "ten": "name", "loai": "kind", "dia_ban": "area", "nganh": "sector",
             "ngay": "registered_on", "tinh_trang": "status"}})");
    const auto file = dir.write("semi.csv", "ma;ten;loai;dia_ban;nganh;ngay;tinh_trang\n"
                                            "HTX-1;Hợp tác xã Một;cooperative;D968;other;2020-01-01;active\n");
    const auto r = run_cli({"validate", file.string(), "--mapping", mapping.string()});
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_EQ(r.out, file.string() + ": valid: 1 organisation, 1 event, 2020-01-01 to 2020-01-01\n");

    const auto wrong = run_cli({"validate", file.string(), "--mapping", mapping.string(), "--rows", "events"});
    EXPECT_EQ(wrong.status, 1);
    EXPECT_THAT(wrong.out, ::testing::HasSubstr("is for organizations rows, not events rows"));
}

TEST(CsvInput, ConvertWritesTheRegistryFileTheExportStandsFor) {
    TempDir dir;
    const auto out = dir.path() / "registry.json";
    const auto r = run_cli({"convert", "examples/registry-events.csv", "--out", out.string()}, in_dir(source_dir));
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_EQ(r.out, "");
    // Only the info differs from the registry file the export was made from.
    const auto written = read_file(out);
    const auto example = read_file(source_dir / "examples" / "registry.json");
    const std::string organizations = "\n  \"organizations\": [";
    ASSERT_NE(written.find(organizations), std::string::npos);
    EXPECT_EQ(written.substr(written.find(organizations)), example.substr(example.find(organizations)));
    EXPECT_NE(written.find("\"title\": \"CSV import of examples/registry-events.csv\""), std::string::npos);

    // Without --out the file goes to stdout; a refused export writes nothing there.
    const auto refused = run_cli({"convert", dir.write("two.csv", csv_cli_two_cooperatives).string()});
    EXPECT_EQ(refused.status, 1);
    EXPECT_EQ(refused.out, "");
    EXPECT_THAT(refused.err, ::testing::HasSubstr("1 problem in "));
}

}  // namespace
