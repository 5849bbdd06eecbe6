// CSV import end to end: organisation rows and event rows, English and Vietnamese headers, diacritics, a byte
// order mark, quoting and CRLF; the examples load with the states they describe and equal the JSON registry they
// stand for; a wrong row refuses the whole file unless bad rows are skipped, which are then reported.

#include <coopecon/core/text_file.hpp>
#include <coopecon/io/csv.hpp>
#include <coopecon/io/registry_json.hpp>
#include <coopecon/model/area_catalog_json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::io;
namespace fs = std::filesystem;

const fs::path csv_import_examples = fs::path(COOPECON_SOURCE_DIR) / "examples";

Date csv_import_date(std::string_view iso) { return *Date::parse(iso); }

/// The registry as JSON, with the info of `like` so that only the organisations are compared.
std::string csv_import_organizations_json(Registry registry, const Registry& like) {
    registry.info() = like.info();
    return io::write_registry(registry);
}

/// The one problem reading `text` raises, as a line; empty when it loads.
std::string csv_import_refusal(std::string_view text, CsvRows rows, const CsvOptions& options = {}) {
    try {
        io::read_csv(text, "t.csv", rows, options);
    } catch (const Error& e) {
        return e.problems().size() == 1 ? e.problems()[0].to_string() : e.what();
    }
    return {};
}

TEST(CsvImport, ExampleOrganisationsLoadWithTheStatesTheyDescribe) {
    const auto imported = io::read_csv_file(csv_import_examples / "organizations.csv", CsvRows::organizations);
    EXPECT_EQ(imported.mapping, "organizations-vi");
    EXPECT_TRUE(imported.skipped.empty());
    const Registry& reg = imported.registry;
    ASSERT_EQ(reg.size(), 4u);
    const Date on = csv_import_date("2025-06-30");

    const auto tan_hung = reg.state_at("CM-HTX-0101", on);
    EXPECT_EQ(tan_hung.status, LegalStatus::active);
    EXPECT_EQ(tan_hung.members.official(), 15);
    EXPECT_EQ(tan_hung.members.of(MemberKind::capital_associate), 2);
    EXPECT_EQ(tan_hung.members.of(MemberType::individual), 5);
    EXPECT_EQ(tan_hung.members.of(MemberType::household), 12);
    EXPECT_EQ(tan_hung.charter_capital, 1'200'000'000);  // written 1.200.000.000
    ASSERT_TRUE(tan_hung.latest_financials);
    EXPECT_EQ(tan_hung.latest_financials->year, 2024);
    EXPECT_EQ(tan_hung.latest_financials->revenue, 3'450'000'000);
    EXPECT_EQ(tan_hung.latest_financials->workers, 9);

    // A quoted name with quotes written twice, and a note with a comma in an ignored column.
    EXPECT_EQ(reg.organization(reg.index_of("CM-HTX-0102")).name, "Hợp tác xã Dịch vụ Vận tải \"Năm Căn\"");
    EXPECT_EQ(reg.state_at("CM-HTX-0102", on).status, LegalStatus::suspended);
    EXPECT_EQ(reg.state_at("CM-HTX-0102", csv_import_date("2025-02-28")).status, LegalStatus::active);

    // A group's status in the wording for groups (Đã chấm dứt hoạt động), ended by dissolution.
    EXPECT_EQ(reg.state_at("CM-THT-0103", csv_import_date("2025-01-14")).status, LegalStatus::active);
    EXPECT_EQ(reg.state_at("CM-THT-0103", on).status, LegalStatus::terminated);
    EXPECT_EQ(reg.state_at("CM-THT-0103", on).kind, OrgKind::cooperative_group);

    const auto cai_nuoc = reg.state_at("CM-HTX-0104", on);
    EXPECT_EQ(cai_nuoc.status, LegalStatus::in_dissolution);
    EXPECT_EQ(cai_nuoc.charter_capital, 500'000'000);  // written 500,000,000
    EXPECT_EQ(reg.organization(reg.index_of("CM-HTX-0104")).sector, Sector::trade_services);
}

TEST(CsvImport, EventExportOfTheExampleRegistryEqualsTheJsonRegistry) {
    const Registry json = io::read_registry_file(csv_import_examples / "registry.json");
    const auto imported = io::read_csv_file(csv_import_examples / "registry-events.csv", CsvRows::events);
    EXPECT_EQ(imported.mapping, "events-en");
    EXPECT_EQ(imported.registry.event_count(), json.event_count());
    EXPECT_EQ(csv_import_organizations_json(imported.registry, json), io::write_registry(json));
}

TEST(CsvImport, AnOrganisationRowIsTheLeastHistoryThatReachesItsState) {
    const std::string csv =
        "ID,Registration code,Name,Kind,Area code,Sector,Registered on,Charter capital (VND),Status,Status since,"
        "Ended by,Procedure started,Official members,Last annual assembly\n"
        "HTX-1,2001004567,Hợp tác xã Khánh Bình Tây,cooperative,D968,agriculture,2016-05-10,450000000,terminated,"
        "2024-11-30,dissolution,2024-06-03,9,2024-03-25\n";
    const std::string json = R"({"format": "coopecon-registry", "version": 1,
      "info": {"title": "t", "source": "s", "synthetic": false},
      "organizations": [{"id": "HTX-1", "registration_code": "2001004567", "name": "Hợp tác xã Khánh Bình Tây",
        "kind": "cooperative", "area": "D968", "sector": "agriculture", "events": [
          {"date": "2016-05-10", "type": "registered", "charter_capital": 450000000},
          {"date": "2016-05-10", "type": "members_joined", "kind": "official", "member_type": "individual",
           "count": 9, "foreign_investors": 0, "capital": 0},
          {"date": "2024-06-03", "type": "dissolution_resolved", "basis": "members_resolution"},
          {"date": "2024-11-30", "type": "dissolution_completed", "by": "dossier"},
          {"date": "2024-03-25", "type": "assembly_held", "kind": "annual"}]}]})";
    const Registry expected = io::read_registry(json, "expected.json");
    EXPECT_EQ(csv_import_organizations_json(io::read_csv(csv, "t.csv", CsvRows::organizations).registry, expected),
              io::write_registry(expected));
}

TEST(CsvImport, EnglishAndVietnameseHeadersGiveTheSameRegistry) {
    const std::string english =
        "No.,ID,Name,Kind,Area code,Sector,Registered on,Status,Status since,Suspended until,Official members,"
        "Non-capital associates,Financial year,Revenue (VND),Notes\n"
        "1,HTX-1,Hợp tác xã Đất Mũi,Cooperative,D972,Transport,2019-01-10,Suspended,2025-03-01,2025-12-31,7,1,"
        "2024,\"1,500,000\",checked\n";
    const std::string vietnamese =
        "STT,Mã tổ chức,Tên tổ chức,Loại hình,Mã địa bàn,Lĩnh vực,Ngày đăng ký,Tình trạng pháp lý,"
        "Tình trạng từ ngày,Tạm ngừng đến ngày,Thành viên chính thức,Thành viên liên kết không góp vốn,"
        "Năm tài chính,Doanh thu (đồng),Ghi chú\n"
        "1,HTX-1,Hợp tác xã Đất Mũi,Hợp tác xã,D972,Vận tải,10/01/2019,Tạm ngưng hoạt động,1/3/2025,31/12/2025,7,1,"
        "2024,1.500.000,đã kiểm tra\n";
    const auto en = io::read_csv(english, "en.csv", CsvRows::organizations);
    const auto vi = read_csv(vietnamese, "vi.csv", CsvRows::organizations);
    EXPECT_EQ(en.mapping, "organizations-en");
    EXPECT_EQ(vi.mapping, "organizations-vi");
    EXPECT_EQ(csv_import_organizations_json(vi.registry, en.registry), io::write_registry(en.registry));
    EXPECT_EQ(en.registry.state_at("HTX-1", csv_import_date("2025-06-30")).status, LegalStatus::suspended);
    EXPECT_EQ(en.registry.state_at("HTX-1", csv_import_date("2025-06-30")).members.total(), 8);
}

TEST(CsvImport, TheLastReportIsTheAnnualUpdateOfItsYearInBothLanguages) {
    const std::string english = "ID,Name,Kind,Area code,Sector,Registered on,Status,Last report\n"
                                "HTX-1,Hợp tác xã Đất Mũi,cooperative,D972,transport,2019-01-10,active,2024-12-10\n";
    const std::string vietnamese =
        "Mã tổ chức,Tên tổ chức,Loại hình,Mã địa bàn,Lĩnh vực,Ngày đăng ký,Tình trạng pháp lý,"
        "Ngày cập nhật báo cáo gần nhất\n"
        "HTX-1,Hợp tác xã Đất Mũi,Hợp tác xã,D972,Vận tải,10/01/2019,Đang hoạt động,10/12/2024\n";
    const auto en = io::read_csv(english, "en.csv", CsvRows::organizations);
    const auto vi = io::read_csv(vietnamese, "vi.csv", CsvRows::organizations);
    EXPECT_EQ(csv_import_organizations_json(vi.registry, en.registry), io::write_registry(en.registry));
    EXPECT_EQ(en.registry.state_at("HTX-1", csv_import_date("2025-06-30")).last_report, csv_import_date("2024-12-10"));
    const auto events = en.registry.events(en.registry.index_of("HTX-1"));
    const auto filed = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.get<ReportFiled>(); });
    ASSERT_NE(filed, events.end());
    EXPECT_EQ(filed->date, csv_import_date("2024-12-10"));
    EXPECT_EQ(filed->get<ReportFiled>()->year, 2024);

    // Not a date, and a date after the export date: refused at the cell.
    const std::string bad = "ID,Name,Kind,Area code,Sector,Registered on,Status,Last report\n"
                            "HTX-1,Hợp tác xã Đất Mũi,cooperative,D972,transport,2019-01-10,active,2024-13-10\n";
    EXPECT_EQ(csv_import_refusal(bad, CsvRows::organizations).rfind("t.csv:2:8: column \"Last report\" (last_report): "
                                                                    "organization HTX-1: ", 0),
              0u);
    io::CsvOptions options;
    options.as_of = csv_import_date("2024-11-30");
    EXPECT_EQ(csv_import_refusal(english, CsvRows::organizations, options),
              "t.csv:2:8: column \"Last report\" (last_report): organization HTX-1: 2024-12-10 is after the export "
              "date 2024-11-30");
}

TEST(CsvImport, VietnameseEventRowsWithTheMappingsOwnSpellings) {
    const std::string text =
        "STT,Mã tổ chức,Ngày,Sự kiện,Tên tổ chức,Loại hình,Mã địa bàn,Lĩnh vực,Mã thành viên,Tên thành viên,"
        "Thành viên là,Nhà đầu tư nước ngoài,Loại,Vốn góp (đồng),Vốn điều lệ (đồng),Căn cứ giải thể\n"
        "1,THT-1,20/04/2019,Đăng ký thành lập,Tổ hợp tác Nuôi ong Hòa Thành,Tổ hợp tác,D967,"
        "\"Nông, lâm, ngư, diêm nghiệp\",,,,,,,0,\n"
        "2,THT-1,20/04/2019,Kết nạp thành viên,,,,,TV01,Nguyễn Thị Huệ,Hộ gia đình,không,Thành viên chính thức,"
        "5.000.000,,\n"
        "3,THT-1,25/03/2020,Đại hội thành viên,,,,,,,,,Thường niên,,,\n"
        "4,THT-1,10/02/2025,Quyết định giải thể,,,,,,,,,,,,Nghị quyết đại hội thành viên\n";
    const auto imported = io::read_csv(text, "vi-events.csv", CsvRows::events);
    EXPECT_EQ(imported.mapping, "events-vi");
    const Registry& reg = imported.registry;
    const OrgIndex group = reg.index_of("THT-1");
    EXPECT_EQ(reg.organization(group).name, "Tổ hợp tác Nuôi ong Hòa Thành");
    ASSERT_EQ(reg.members(group).size(), 1u);
    EXPECT_EQ(reg.members(group)[0].name, "Nguyễn Thị Huệ");
    EXPECT_EQ(reg.members(group)[0].type, MemberType::household);
    EXPECT_EQ(reg.events(group).size(), 4u);
    EXPECT_EQ(reg.state_at("THT-1", csv_import_date("2025-02-10")).status, LegalStatus::in_dissolution);
    EXPECT_EQ(reg.state_at("THT-1", csv_import_date("2025-02-09")).members.of(MemberType::household), 1);
}

TEST(CsvImport, ByteOrderMarkCrlfAndQuotedLineBreaks) {
    // A spreadsheet's "CSV UTF-8": a byte order mark, CRLF, and a name with a line break and quotes in it.
    const std::string text = "\xEF\xBB\xBF"
                             "ID,Name,Kind,Area code,Sector,Registered on,Status,Official members\r\n"
                             "HTX-1,\"Hợp tác xã\r\n\"\"Sông Đốc\"\"\",cooperative,D973,agriculture,2019-01-10,active,7\r\n"
                             "\r\n"
                             "HTX-2,Hợp tác xã Tân Hưng,cooperative,D968,agriculture,2019-02-30,active,7\r\n";
    EXPECT_EQ(csv_import_refusal(text, CsvRows::organizations),
              "t.csv:5:6: column \"Registered on\" (registered_on): organization HTX-2: \"2019-02-30\" is not a "
              "calendar date: month 2 of 2019 has 28 days")
        << "the quoted line break and the blank line count as lines";

    const std::string fixed = text.substr(0, text.find("2019-02-30")) + "2019-02-28,active,7";  // no final CRLF
    const auto imported = io::read_csv(fixed, "t.csv", CsvRows::organizations);
    EXPECT_EQ(imported.registry.organization(imported.registry.index_of("HTX-1")).name,
              "Hợp tác xã\r\n\"Sông Đốc\"");
    EXPECT_EQ(imported.registry.size(), 2u);
}

TEST(CsvImport, AWrongRowRefusesTheWholeFileUnlessBadRowsAreSkipped) {
    const std::string text =
        "Organisation ID,Date,Event,Name,Kind of organisation,Area code,Sector,Charter capital (VND),Kind,"
        "Member type,Count,Foreign investors,Capital (VND)\n"
        "HTX-1,2019-01-10,registered,Hợp tác xã Một,cooperative,D968,agriculture,100000000,,,,,\n"
        "HTX-2,2019-01-10,registered,Hợp tác xã Hai,cooperative,D968,agriculture,100000000,,,,,\n"
        "HTX-1,2019-01-10,members_joined,,,,,,official,individual,7,0,0\n"
        "HTX-2,2019-01-10,members_joined,,,,,,official,individual,seven,0,0\n"
        "HTX-2,2020-03-01,assembly_held,,,,,,annual,,,,\n";
    EXPECT_EQ(csv_import_refusal(text, CsvRows::events),
              "t.csv:5:11: column \"Count\" (count): organization HTX-2: \"seven\" is not a whole number");

    io::CsvOptions skip;
    skip.skip_bad_rows = true;
    const auto imported = io::read_csv(text, "t.csv", CsvRows::events, skip);
    ASSERT_EQ(imported.registry.size(), 1u);
    EXPECT_EQ(imported.registry.state_at("HTX-1", csv_import_date("2020-01-01")).members.total(), 7);
    // Every row of the organisation is left out, each reported with the problem that caused it.
    ASSERT_EQ(imported.skipped.size(), 3u);
    std::vector<int> lines;
    for (const auto& s : imported.skipped) {
        lines.push_back(s.line);
        EXPECT_EQ(s.organization, "HTX-2");
        ASSERT_EQ(s.problems.size(), 1u);
        EXPECT_EQ(s.problems[0].line, 5);
    }
    EXPECT_EQ(lines, (std::vector<int>{3, 5, 6}));
}

TEST(CsvImport, ARefusalByTheRegistryIsSkippedLikeARowProblem) {
    const std::string text = "ID,Name,Kind,Area code,Sector,Registered on,Status,Official members\n"
                             "HTX-1,Hợp tác xã Một,cooperative,D999,agriculture,2019-01-10,active,7\n"
                             "HTX-2,Hợp tác xã Hai,cooperative,D968,agriculture,2019-01-10,active,7\n";
    io::CsvOptions skip;
    skip.skip_bad_rows = true;
    const auto imported = io::read_csv(text, "t.csv", CsvRows::organizations, skip);
    ASSERT_EQ(imported.registry.size(), 1u);
    EXPECT_TRUE(imported.registry.find("HTX-2"));
    ASSERT_EQ(imported.skipped.size(), 1u);
    ASSERT_EQ(imported.skipped[0].problems.size(), 1u);
    EXPECT_EQ(imported.skipped[0].problems[0].to_string(),
              "t.csv:2:4: column \"Area code\" (area): organization HTX-1: unknown area code D999");
}

TEST(CsvImport, TheExportDateBoundsEveryDate) {
    const std::string text = "ID,Name,Kind,Area code,Sector,Registered on,Status,Status since,Suspended until\n"
                             "HTX-1,Hợp tác xã Một,cooperative,D968,agriculture,2019-01-10,suspended,2025-01-01,"
                             "2025-03-31\n";
    io::CsvOptions options;
    options.as_of = csv_import_date("2025-06-30");
    EXPECT_EQ(csv_import_refusal(text, CsvRows::organizations, options),
              "t.csv:2:9: column \"Suspended until\" (suspended_until): organization HTX-1: the suspension ended on "
              "2025-03-31, before the export date 2025-06-30: on that date the organization was active again");
    options.as_of = csv_import_date("2024-12-31");
    EXPECT_EQ(csv_import_refusal(text, CsvRows::organizations, options),
              "t.csv:2:8: column \"Status since\" (status_since): organization HTX-1: 2025-01-01 is after the export "
              "date 2024-12-31");
}

TEST(CsvImport, AMappingOfTheUsersOwn) {
    const std::string mapping_text = R"({"format": "coopecon-csv-mapping", "version": 1, "title": "Provincial export",
      "rows": "organizations", "date_format": "DD/MM/YYYY", "delimiter": ";",
      "columns": {"Mã HTX": "id", "Tên": "name", "Loại": "kind", "Huyện": "area", "Ngành": "sector",
                  "Thành lập": "registered_on", "Trạng thái": "status"},
      "ignore_unknown_columns": true,
      "values": {"status": {"HĐ": "active"}, "kind": {"HTX": "cooperative"}}})";
    io::CsvOptions options;
    options.mapping = io::read_csv_mapping(mapping_text, "province.json");
    const std::string text = "Mã HTX;Tên;Loại;Huyện;Ngành;Thành lập;Trạng thái;Người lập biểu\n"
                             "HTX-1;Hợp tác xã Một, Cái Nước;HTX;D969;Khác;05/06/2020;HĐ;Lê Văn Tám\n";
    const auto imported = io::read_csv(text, "province.csv", CsvRows::organizations, options);
    EXPECT_EQ(imported.mapping, "province.json");
    const auto state = imported.registry.state_at("HTX-1", csv_import_date("2025-01-01"));
    EXPECT_EQ(state.status, LegalStatus::active);
    EXPECT_EQ(imported.registry.organization(0).sector, Sector::other);
    EXPECT_EQ(imported.registry.organization(0).name, "Hợp tác xã Một, Cái Nước");

    // A mapping for the other kind of row is a usage error, and a mapping's own mistakes are located in it.
    EXPECT_EQ(csv_import_refusal(text, CsvRows::events, options),
              "the mapping \"province.json\" is for organizations rows, not events rows");
    try {
        read_csv_mapping(R"({"format": "coopecon-csv-mapping", "version": 1, "rows": "organizations",
          "date_format": "YYYY-MM-DD", "columns": {"ID": "id", "Tên": "nam"}})",
                         "bad.json");
        FAIL() << "a mapping with an unknown field was read";
    } catch (const Error& e) {
        // "nam" is not a field, so the required field name has no header either.
        ASSERT_EQ(e.problems().size(), 7u);
        EXPECT_EQ(e.problems()[0].to_string(), "bad.json:2:51: columns: no header is given for the required field name");
        const Problem& unknown = e.problems().back();
        EXPECT_EQ(std::pair(unknown.line, unknown.column), std::pair(2, 71));
        EXPECT_EQ(unknown.path, "columns[\"Tên\"]");
        EXPECT_TRUE(unknown.message.starts_with("\"nam\" is not a field of organizations rows: id, registration_code, "
                                                "name, kind"))
            << unknown.message;
    }
}

TEST(CsvImport, BuiltInMappingsNameEveryFieldInBothLanguages) {
    for (const CsvRows rows : {CsvRows::organizations, CsvRows::events})
        for (const std::string_view language : {"en", "vi"}) {
            const std::string name = std::string(enum_name(rows)) + "-" + std::string(language);
            const CsvMapping* m = find_builtin_csv_mapping(name);
            ASSERT_NE(m, nullptr) << name;
            EXPECT_EQ(m->rows, rows);
            for (const auto& f : io::csv_fields(rows)) EXPECT_FALSE(m->headers_of(f.name).empty()) << name << " " << f.name;
        }
}

TEST(CsvImport, TheDocumentationListsEveryColumnOfTheBuiltInMappings) {
    const std::string doc = read_text_file(fs::path(COOPECON_SOURCE_DIR) / "docs" / "csv-import.md");
    auto header_of = [](const CsvMapping& m, const std::string& field) {
        for (const auto& [header, f] : m.columns)
            if (f == field) return header;
        return std::string("?");
    };
    for (const CsvRows rows : {CsvRows::organizations, CsvRows::events}) {
        const CsvMapping* en = find_builtin_csv_mapping(std::string(enum_name(rows)) + "-en");
        const CsvMapping* vi = find_builtin_csv_mapping(std::string(enum_name(rows)) + "-vi");
        ASSERT_TRUE(en && vi);
        for (const auto& f : io::csv_fields(rows)) {
            const std::string row = "| `" + f.name + "` | " + header_of(*en, f.name) + " | " + header_of(*vi, f.name) + " | ";
            EXPECT_NE(doc.find(row), std::string::npos) << row;
        }
    }
}

TEST(CsvValues, AmountsDatesAndYesNo) {
    using io::parse_whole_number;
    const auto money = [](std::string_view t) { return parse_whole_number(t, INT64_MIN, INT64_MAX, true); };
    EXPECT_EQ(money("1.500.000").value, 1'500'000);
    EXPECT_EQ(money("1,500,000").value, 1'500'000);
    EXPECT_EQ(money("-2.000.000").value, -2'000'000);
    EXPECT_EQ(money("1500").value, 1500);
    EXPECT_EQ(money("1.500").error, "\"1.500\" is ambiguous: \".\" may separate thousands (1500) or decimals; write "
                                    "1500 without separators");
    EXPECT_EQ(money("1.500,50").error, "\"1.500,50\" has a decimal part (\",50\"); amounts are whole đồng");
    EXPECT_EQ(money("1.50.000").error,
              "\"1.50.000\" is not a number: after each thousands separator \".\" come exactly three digits");
    EXPECT_EQ(money("9223372036854775808").error,
              "\"9223372036854775808\" is out of range: expected a whole number from -9223372036854775808 to "
              "9223372036854775807");

    EXPECT_EQ(io::parse_date("1/3/2025", DateFormat::day_month_year).value, csv_import_date("2025-03-01"));
    EXPECT_EQ(io::parse_date("2024-02-29", DateFormat::iso).value, csv_import_date("2024-02-29"));
    EXPECT_EQ(io::parse_date("0000-01-01", DateFormat::iso).error,
              "\"0000-01-01\" is not a calendar date: there is no year 0");

    EXPECT_EQ(io::parse_bool("Có").value, true);
    EXPECT_EQ(io::parse_bool("không").value, false);
    EXPECT_FALSE(io::parse_bool("maybe"));

    // Decomposed accents (as some Mac programs save text) are named as the reason a label does not match.
    const std::string decomposed = "Ho\xCC\x9B\xCC\xA3p ta\xCC\x81\x63 xa\xCC\x83";
    EXPECT_NE(io::parse_enum<OrgKind>(decomposed, nullptr).error.find("Unicode NFC"), std::string::npos);
    EXPECT_EQ(io::parse_enum<OrgKind>("Hợp tác xã", nullptr).value, OrgKind::cooperative);
}

// A code the catalogue lacks is reported once, at its first row, with the rows and organisations that use it and
// a hint; the same export with an areas file naming the unit loads.
TEST(CsvImport, AnUnknownAreaCodeIsReportedOnceWithItsRowsAndAHint) {
    std::string text = "ID,Name,Kind,Area code,Sector,Registered on,Status,Official members\n";
    for (int i = 1; i <= 7; ++i)
        text += "HTX-" + std::to_string(i) + ",Hợp tác xã " + std::to_string(i) + ",cooperative," +
                (i == 3 ? "597" : "C22939") + ",agriculture,2019-01-10,active,7\n";
    std::vector<std::string> lines;
    try {
        io::read_csv(text, "bt.csv", CsvRows::organizations, {});
    } catch (const Error& e) {
        for (const auto& p : e.problems()) lines.push_back(p.to_string());
    }
    EXPECT_EQ(lines, (std::vector<std::string>{
                         "bt.csv:2:4: column \"Area code\" (area): organization HTX-1: unknown area code C22939 (6 "
                         "rows of 6 organizations: lines 2, 3, 5, 6, 7, …); the catalogue holds the units valid on "
                         "2025-06-30 and from 2025-07-01 (docs/areas.md); give units that ended earlier, or any "
                         "other, in an areas file (format coopecon-areas)",
                         "bt.csv:4:4: column \"Area code\" (area): organization HTX-3: unknown area code 597; did you "
                         "mean D597 (Huyện Hàm Thuận Bắc, to 2025-06-30)?",
                     }));

    text.replace(text.find(",597,"), 5, ",D597,");
    io::CsvOptions options;
    options.areas = std::make_shared<const AreaCatalog>(extend_area_catalog(*vietnam_areas(), R"({
 "format": "coopecon-areas", "version": 2, "title": "t",
 "areas": [{"code": "C22939", "official_code": "22939", "name": "Bình Hưng", "name_en": "Binh Hung", "full_name": "Phường Bình Hưng", "level": "commune", "kind": "ward", "region": null, "parent": "D593", "valid_from": "2004-01-01", "valid_to": "2024-12-31"}]})",
                                                                            "areas.json"));
    const auto imported = io::read_csv(text, "bt.csv", CsvRows::organizations, options);
    ASSERT_EQ(imported.registry.size(), 7u);
    EXPECT_EQ(imported.registry.areas()[imported.registry.area(0)].code, "C22939");
}

}  // namespace
