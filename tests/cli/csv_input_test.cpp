// A CSV export given to validate, report, check and convert: read by the header's kind of row and language,
// refused with every problem (exit 1) unless --bad-rows skip, which lists the skipped rows on stderr and goes on.

#include "cli_runner.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

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

// A Bình Thuận export of 2022, by district and commune codes, one of them a ward that ended on 2025-01-01 and that
// the catalogue lacks: refused once for that code, then read with an areas file naming it, and reported by
// district and commune in the units of 2022 and by province and commune in those of 2025.
const std::string binh_thuan_header = "ID,Name,Kind,Area code,Sector,Registered on,Status,Official members\n";
std::string binh_thuan_export() {
    const char* codes[] = {"C22915", "C22915", "C22939", "C22939", "D594", "C23065", "P60"};  // Mũi Né, Bình Hưng, …
    std::string text = binh_thuan_header;
    int n = 0;
    for (const char* code : codes) {
        ++n;
        text += "BT-" + std::to_string(n) + ",Hợp tác xã " + std::to_string(n) + ",cooperative," + code +
                ",agriculture,2019-01-10,active,7\n";
    }
    return text;
}
const std::string binh_hung_areas = R"({"format": "coopecon-areas", "version": 2, "title": "Phan Thiết before 2025",
 "areas": [
  {"code": "C22939", "official_code": "22939", "name": "Bình Hưng", "name_en": "Binh Hung", "full_name": "Phường Bình Hưng", "level": "commune", "kind": "ward", "region": null, "parent": "D593", "valid_from": "2004-01-01", "valid_to": "2024-12-31"}
 ],
 "crosswalk": [{"from": "C22939", "to": "C22951", "on": "2025-01-01", "part": false}]})";

/// The rows of the CSV table titled `title`, header row first.
std::vector<std::string> table(std::string report, const std::string& title) {
    std::erase(report, '\r');
    std::vector<std::string> rows;
    auto at = report.find(title + "\n");
    if (at == std::string::npos) return rows;
    at += title.size() + 1;
    while (at < report.size() && report[at] != '\n') {
        const auto end = report.find('\n', at);
        rows.push_back(report.substr(at, end - at));
        at = end + 1;
    }
    return rows;
}

TEST(CsvInput, AnExportBringsTheUnitsTheCatalogueLacks) {
    TempDir dir;
    const auto file = dir.write("bt.csv", binh_thuan_export()).string();
    const auto areas = dir.write("areas.json", binh_hung_areas).string();

    const auto refused = run_cli({"validate", file});
    EXPECT_EQ(refused.status, 1);
    EXPECT_EQ(refused.out, file + ":4:4: column \"Area code\" (area): organization BT-3: unknown area code C22939 (2 rows "
                                  "of 2 organizations: lines 4, 5); the catalogue holds the units valid on 2025-06-30 "
                                  "and from 2025-07-01 (docs/areas.md); give units that ended earlier, or any other, "
                                  "in an areas file (format coopecon-areas)\n1 problem in " + file + "\n");

    std::string broken = binh_hung_areas;
    broken.replace(broken.find("\"D593\""), 6, "\"D999\"");
    const auto bad_areas = dir.write("bad-areas.json", broken).string();
    const auto bad = run_cli({"validate", file, "--areas", bad_areas});
    EXPECT_EQ(bad.status, 1);
    EXPECT_EQ(bad.out, bad_areas + ":3:188: areas[0].parent: unknown parent area D999\n1 problem in " + bad_areas + "\n");

    // Skipping bad rows, the organisations seated in the missing ward are listed once, by code.
    const auto skipped = run_cli({"validate", file, "--bad-rows", "skip"});
    EXPECT_EQ(skipped.status, 0) << skipped.out << skipped.err;
    EXPECT_EQ(skipped.err, file + ":4:4: column \"Area code\" (area): organization BT-3: unknown area code C22939\n" +
                               file + ": skipped 2 rows (lines 4, 5) of 2 organizations seated in C22939, which the "
                                      "catalogue lacks: give it in an areas file (--areas FILE, docs/areas.md)\n");

    const auto valid = run_cli({"validate", file, "--areas", areas});
    EXPECT_EQ(valid.status, 0) << valid.out << valid.err;

    auto report = [&](std::initializer_list<std::string> more) {
        std::vector<std::string> args{"report", file, "--areas", areas, "--as-of", "2022-12-31", "--format", "csv"};
        args.insert(args.end(), more);
        const auto r = run_cli(args);
        EXPECT_EQ(r.status, 0) << r.err;
        return table(r.out, "Organisations by legal status");
    };
    auto first_cells = [](const std::vector<std::string>& rows) {
        std::vector<std::string> out;
        for (const auto& row : rows) out.push_back(row.substr(0, row.find(',', row.find(',') + 1)));
        return out;
    };
    // 2022 units: the ward Bình Hưng and its district exist; a cooperative seated at the province is in no district.
    // Rows follow the catalogue, where the areas file comes last.
    EXPECT_EQ(first_cells(report({"--by", "district"})),
              (std::vector<std::string>{"District,Organisations", "Phan Thiết,4", "La Gi,1", "Hàm Thuận Bắc,1",
                                        "(no unit at this level),1", "Total,7"}));
    EXPECT_EQ(first_cells(report({"--by", "commune"})),
              (std::vector<std::string>{"Commune,Organisations", "Mũi Né,2", "La Dạ,1", "Bình Hưng,2",
                                        "(no unit at this level),2", "Total,7"}));
    // 2025 units: every one is in the new Lâm Đồng; the communes are those of 2025-07-01, reached by the crosswalk.
    EXPECT_EQ(first_cells(report({"--by", "province", "--units-as-of", "2025-07-01"})),
              (std::vector<std::string>{"Province,Organisations", "Lâm Đồng,7", "Total,7"}));
    const auto communes_2025 = first_cells(report({"--by", "commune", "--units-as-of", "2025-07-01"}));
    ASSERT_EQ(communes_2025.size(), 6u);
    EXPECT_EQ(communes_2025.back(), "Total,7");
    EXPECT_EQ(communes_2025[communes_2025.size() - 2], "(no unit at this level),2");
}

/// The fields at `columns` of each CSV row, joined by commas again (the rows quote nothing).
std::vector<std::string> fields(const std::vector<std::string>& rows, std::initializer_list<std::size_t> columns) {
    std::vector<std::string> out;
    for (const auto& row : rows) {
        std::vector<std::string> all{""};
        for (char c : row) {
            if (c == ',') all.emplace_back();
            else all.back() += c;
        }
        std::string picked;
        for (const auto c : columns) picked += (picked.empty() ? "" : ",") + all.at(c);
        out.push_back(picked);
    }
    return out;
}

// examples/binh-thuan-2022.csv: a Bình Thuận export as a province keeps it, with Vietnamese headers, commune codes
// of 2022 (and one district code alone), 16 cooperatives (one suspended, one dissolved on 15/09/2022), a union of 4
// cooperatives and 5 cooperative groups. Reported by district and by commune in the units of 2022, and by province
// and commune in those of 2025-07-01, where Bình Thuận is part of the new Lâm Đồng and communes merged.
TEST(CsvInput, ABinhThuanExportReportsByDistrictAndCommuneIn2022UnitsAndIn2025Units) {
    const std::string file = (source_dir / "examples/binh-thuan-2022.csv").string();
    auto report = [&](std::initializer_list<std::string> more) {
        std::vector<std::string> args{"report", file, "--as-of", "2022-12-31", "--format", "csv"};
        args.insert(args.end(), more);
        const auto r = run_cli(args);
        EXPECT_EQ(r.status, 0) << r.err;
        return r.out;
    };
    // Status: organisations, active, suspended. Members (people of groups and cooperatives), the union's member
    // cooperatives and workers; empty where no organisation reported the figure (no group reports workers).
    auto status = [](const std::string& out) { return fields(table(out, "Organisations by legal status"), {0, 1, 2, 3}); };
    auto members = [](const std::string& out) { return fields(table(out, "Members and workers"), {0, 1, 8, 9}); };

    const auto districts = report({"--by", "district"});
    EXPECT_EQ(status(districts),
              (std::vector<std::string>{"District,Organisations,Active,Suspended", "Phan Thiết,4,3,1", "La Gi,3,3,0",
                                        "Tuy Phong,3,3,0", "Bắc Bình,1,1,0", "Hàm Thuận Bắc,3,3,0", "Hàm Thuận Nam,2,2,0",
                                        "Tánh Linh,2,2,0", "Đức Linh,1,1,0", "Hàm Tân,1,1,0", "Phú Quí,1,1,0",
                                        "Total,21,20,1"}));
    // Phan Thiết: cooperatives of 25, 9 and 30 members and a group of 12; Hàm Thuận Nam: a cooperative of 22 and
    // the union, whose 4 members are cooperatives and not added to people; Hàm Tân's cooperative filed no accounts.
    EXPECT_EQ(members(districts),
              (std::vector<std::string>{"District,Members,Member cooperatives,Workers", "Phan Thiết,76,,52",
                                        "La Gi,45,,12", "Tuy Phong,25,,2", "Bắc Bình,40,,9", "Hàm Thuận Bắc,66,,24",
                                        "Hàm Thuận Nam,22,4,35", "Tánh Linh,24,,7", "Đức Linh,31,,11", "Hàm Tân,10,,",
                                        "Phú Quí,40,,22", "Total,379,4,174"}));

    // Communes of 2022; the group seated by its district code alone is in no commune; Phan Lâm's only cooperative
    // was dissolved in the year.
    const auto communes = report({"--by", "commune"});
    EXPECT_EQ(status(communes),
              (std::vector<std::string>{"Commune,Organisations,Active,Suspended", "Mũi Né,2,2,0", "Hàm Tiến,1,0,1",
                                        "Phú Hài,1,1,0", "Phước Hội,2,2,0", "Tân Thiện,1,1,0", "Liên Hương,1,1,0",
                                        "Phan Dũng,1,1,0", "Phong Phú,1,1,0", "Chợ Lầu,1,1,0", "Phan Lâm,0,0,0",
                                        "Ma Lâm,1,1,0", "Phú Long,2,2,0", "Mỹ Thạnh,1,1,0", "Hàm Cần,1,1,0",
                                        "Bắc Ruộng,1,1,0", "Võ Xu,1,1,0", "Tân Nghĩa,1,1,0", "Ngũ Phụng,1,1,0",
                                        "(no unit at this level),1,1,0", "Total,21,20,1"}));
    const auto commune_members = members(communes);
    EXPECT_EQ(commune_members.at(13), "Mỹ Thạnh,,4,25");  // the union alone: no people, 4 member cooperatives
    EXPECT_EQ(commune_members.back(), "Total,379,4,174");

    // 2025 units: one province, the new Lâm Đồng, with the same totals.
    const auto province_2025 = report({"--by", "province", "--units-as-of", "2025-07-01"});
    const auto title = run_cli({"report", file, "--as-of", "2022-12-31", "--units-as-of", "2025-07-01"});
    EXPECT_THAT(title.out, ::testing::StartsWith("CSV import of " + file + ", Bình Thuận province, as of 2022-12-31; "
                                                 "areas in the units of 2025-07-01.\n"));
    EXPECT_EQ(status(province_2025),
              (std::vector<std::string>{"Province,Organisations,Active,Suspended", "Lâm Đồng,21,20,1", "Total,21,20,1"}));
    EXPECT_EQ(members(province_2025), (std::vector<std::string>{"Province,Members,Member cooperatives,Workers",
                                                                "Lâm Đồng,379,4,174", "Total,379,4,174"}));

    // Communes of 2025-07-01, by the crosswalk: Mũi Né and Hàm Tiến became Mũi Né (3 organisations), Mỹ Thạnh and
    // Hàm Cần Hàm Thạnh (the union and a cooperative), Phong Phú and Phan Dũng Tuy Phong.
    const auto communes_2025 = report({"--by", "commune", "--units-as-of", "2025-07-01"});
    EXPECT_EQ(status(communes_2025),
              (std::vector<std::string>{"Commune,Organisations,Active,Suspended", "Hàm Thắng,2,2,0", "Mũi Né,3,2,1",
                                        "Phú Thủy,1,1,0", "La Gi,1,1,0", "Phước Hội,2,2,0", "Liên Hương,1,1,0",
                                        "Tuy Phong,2,2,0", "Bắc Bình,1,1,0", "Phan Sơn,0,0,0", "Hàm Thuận,1,1,0",
                                        "Hàm Thạnh,2,2,0", "Hàm Tân,1,1,0", "Bắc Ruộng,1,1,0", "Đức Linh,1,1,0",
                                        "Phú Quý,1,1,0", "(no unit at this level),1,1,0", "Total,21,20,1"}));
    EXPECT_EQ(members(communes_2025),
              (std::vector<std::string>{"Commune,Members,Member cooperatives,Workers", "Hàm Thắng,21,,6",
                                        "Mũi Né,46,,17", "Phú Thủy,30,,35", "La Gi,20,,12", "Phước Hội,25,,",
                                        "Liên Hương,8,,2", "Tuy Phong,17,,", "Bắc Bình,40,,9", "Phan Sơn,,,",
                                        "Hàm Thuận,45,,18", "Hàm Thạnh,22,4,35", "Hàm Tân,10,,", "Bắc Ruộng,18,,7",
                                        "Đức Linh,31,,11", "Phú Quý,40,,22", "(no unit at this level),6,,",
                                        "Total,379,4,174"}));

    // The headline keeps groups and cooperatives apart and gives the cooperatives and unions.
    EXPECT_EQ(fields(table(districts, "Headline figures"), {0, 1, 2, 4, 5, 6}),
              (std::vector<std::string>{"Kind,Organisations,Active,Members,Member cooperatives,Workers",
                                        "Cooperative group,5,5,45,,", "Cooperative,15,14,334,,149",
                                        "Union of cooperatives,1,1,,4,25", "Cooperatives and unions,16,15,334,4,174"}));
}

}  // namespace
