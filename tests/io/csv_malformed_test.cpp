// Every malformed CSV file in tests/io/malformed-csv/ is refused with exactly the expected messages: file, line,
// column position and header, field, organisation, and the rule for refusals by the law. Files named org_* hold
// organisation rows, event_* event rows.

#include <coopecon/core/text_file.hpp>
#include <coopecon/io/csv.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::io;
namespace fs = std::filesystem;

const fs::path malformed_csv_dir = fs::path(COOPECON_SOURCE_DIR) / "tests" / "io" / "malformed-csv";

CsvRows malformed_csv_rows(const std::string& name) {
    return name.starts_with("org_") ? CsvRows::organizations : CsvRows::events;
}

/// The lines of the Error that reading `name` throws; empty when it loads.
std::vector<std::string> malformed_csv_refusal(const std::string& name) {
    std::vector<std::string> lines;
    try {
        io::read_csv(read_text_file(malformed_csv_dir / name), name, malformed_csv_rows(name));
    } catch (const Error& e) {
        for (const auto& p : e.problems()) lines.push_back(p.to_string());
    }
    return lines;
}

// clang-format off
const std::map<std::string, std::vector<std::string>> expected_csv_refusals{
    {"event_cell_of_another_type.csv",
     {R"csv(event_cell_of_another_type.csv:3:16: column "Until" (until): organization HTX-1: a members_joined event has no until: leave the cell blank)csv"}},
    {"event_identity_differs.csv",
     {R"csv(event_identity_differs.csv:3:4: column "Name" (name): organization HTX-1: this differs from the registered row at line 2: give the organization's identity there, and leave it blank or the same on its other rows)csv"}},
    {"event_member_described_differently.csv",
     {R"csv(event_member_described_differently.csv:5:9: column "Member ID" (member): organization HTX-1: member M1 is described differently at line 3: describe a member the same way each time they join)csv"}},
    {"event_missing_payload_value.csv",
     {R"csv(event_missing_payload_value.csv:3:14: column "Count" (count): organization HTX-1: a value is required for a members_joined event)csv"}},
    {"event_no_registered_row.csv",
     {R"csv(event_no_registered_row.csv:2:3: column "Event" (type): organization HTX-1: the organization has no registered row: its history starts with one, which gives its name, kind, area and sector)csv"}},
    {"event_refused_by_the_law.csv",
     {R"csv(event_refused_by_the_law.csv:4:3: column "Event" (type): organization HTX-1, event resumed on 2024-09-01: resumed is not allowed while the cooperative is active [rule T4; Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47])csv"}},
    {"event_suspension_too_long.csv",
     {R"csv(event_suspension_too_long.csv:4:3: column "Event" (type): organization HTX-1, event suspended on 2024-09-01: the notice runs from 2024-09-01 to 2025-10-31, longer than the 12 months one notice may cover (Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47.1); the latest end allowed is 2025-08-31 [rule T2; Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47])csv"}},
    {"event_unknown_type.csv",
     {R"csv(event_unknown_type.csv:3:3: column "Event" (type): organization HTX-1: "members_admitted" is not one of the allowed values: registered (Registered, Đăng ký thành lập); suspended (Suspended, Tạm ngừng kinh doanh); resumed (Resumed, Tiếp tục kinh doanh); member_joined (Member joined, Kết nạp thành viên); member_left (Member left, Chấm dứt tư cách thành viên); members_joined (Members joined, Kết nạp thành viên (theo nhóm)); members_left (Members left, Chấm dứt tư cách thành viên (theo nhóm)); assembly_held (General assembly held, Đại hội thành viên); report_filed (Report filed, Cập nhật báo cáo); financial_year_closed (Financial year closed, Khóa sổ năm tài chính); capital_changed (Charter capital changed, Thay đổi vốn điều lệ); business_line_suspended (Business line suspended, Tạm ngừng ngành, nghề kinh doanh); reorganization_started (Reorganisation started, Tổ chức lại); reorganization_completed (Reorganisation completed, Hoàn tất tổ chức lại); converted_to_cooperative (Converted into a cooperative, Chuyển đổi thành hợp tác xã); dissolution_resolved (Dissolution resolved, Quyết định giải thể); dissolution_cancelled (Dissolution cancelled, Hủy bỏ quyết định giải thể); dissolution_completed (Dissolution completed, Hoàn tất giải thể); registration_revoked (Registration revoked, Thu hồi giấy chứng nhận đăng ký); revocation_withdrawn (Revocation withdrawn, Khôi phục tình trạng pháp lý); bankruptcy_opened (Bankruptcy opened, Mở thủ tục phá sản); bankruptcy_declared (Declared bankrupt, Tuyên bố phá sản); address_flag_set (Not at registered address, Không hoạt động tại địa chỉ đã đăng ký); address_flag_cleared (Back at registered address, Chấm dứt tình trạng không hoạt động tại địa chỉ); assessed (Classification assessed, Đánh giá, xếp loại); certified (Certified, Được chứng nhận); ocop_rated (OCOP product rated, Sản phẩm OCOP được xếp hạng); sanctioned (Administrative sanction, Bị xử phạt vi phạm hành chính))csv"}},
    {"org_ambiguous_amount.csv",
     {R"csv(org_ambiguous_amount.csv:2:7: column "Charter capital (VND)" (charter_capital): organization HTX-1: "1.500" is ambiguous: "." may separate thousands (1500) or decimals; write 1500 without separators)csv"}},
    {"org_bad_date.csv",
     {R"csv(org_bad_date.csv:3:6: column "Ngày đăng ký" (registered_on): organization HTX-2: "31/02/2024" is not a calendar date: month 2 of 2024 has 29 days)csv"}},
    {"org_decimal_amount.csv",
     {R"csv(org_decimal_amount.csv:2:7: column "Charter capital (VND)" (charter_capital): organization HTX-1: "1,500,000.50" has a decimal part (".50"); amounts are whole đồng)csv"}},
    {"org_duplicate_id.csv",
     {R"csv(org_duplicate_id.csv:3:1: column "ID" (id): organization HTX-1: organization id HTX-1 is already used by the row at line 2)csv"}},
    {"org_empty.csv",
     {R"csv(org_empty.csv:1:1: the file is empty: it has no header line)csv"}},
    {"org_header_only.csv",
     {R"csv(org_header_only.csv:1:1: the file has a header but no rows)csv"}},
    {"org_iso_date_with_vietnamese_headers.csv",
     {R"csv(org_iso_date_with_vietnamese_headers.csv:2:6: column "Ngày đăng ký" (registered_on): organization HTX-1: "2018-03-12" is not a date written DD/MM/YYYY, the date format of the mapping; it is written YYYY-MM-DD, which this mapping does not use)csv"}},
    {"org_legacy_encoding.csv",
     {R"csv(org_legacy_encoding.csv:2:2: invalid UTF-8: byte 0xE2 starts a UTF-8 character that is cut short; the file must be UTF-8 encoded (in a spreadsheet, save as "CSV UTF-8"))csv"}},
    {"org_members_do_not_add_up.csv",
     {R"csv(org_members_do_not_add_up.csv:2:10: column "Individual members" (individual_members): organization HTX-1: the members by type add up to 8, the members by kind (official and associates) to 9: both count the same members)csv"}},
    {"org_missing_required_column.csv",
     {R"csv(org_missing_required_column.csv:1:1: no column for the required field sector: the mapping "organizations-en" reads it from "Sector")csv"}},
    {"org_month_first_date.csv",
     {R"csv(org_month_first_date.csv:2:6: column "Ngày đăng ký" (registered_on): organization HTX-1: "03/13/2018" is not a calendar date: there is no month 13 (dates here are day first, DD/MM/YYYY))csv"}},
    {"org_quote_inside_field.csv",
     {R"csv(org_quote_inside_field.csv:2:2: column "Name": organization HTX-1: a quote inside a field that does not start with one: put the whole field in quotes and write the quote twice (""))csv"}},
    {"org_semicolon_separated.csv",
     {R"csv(org_semicolon_separated.csv:1:1: column "ID;Name;Kind;Area code;Sector;Registered on;Charter capital …": unknown column: the mapping "organizations-en" has no field for it and does not ignore it. The header is one column: if the file is separated by ";" or another character, give a mapping with that "delimiter")csv"}},
    {"org_several_problems.csv",
     {R"csv(org_several_problems.csv:3:2: column "Name" (name): organization HTX-2: a value is required)csv",
      R"csv(org_several_problems.csv:3:5: column "Sector" (sector): organization HTX-2: "mining" is not one of the allowed values: agriculture (Agriculture, forestry, fishery, Nông, lâm, ngư, diêm nghiệp); industry_handicraft (Industry and handicraft, Công nghiệp, tiểu thủ công nghiệp); construction (Construction, Xây dựng); transport (Transport, Vận tải); trade_services (Trade and services, Thương mại, dịch vụ); credit (People's credit funds, Quỹ tín dụng nhân dân); environment (Environment and water, Môi trường, nước sạch); other (Other, Khác))csv",
      R"csv(org_several_problems.csv:3:9: column "Status since" (status_since): organization HTX-2: this is only for statuses other than active, and the status is active: leave the cell blank)csv",
      R"csv(org_several_problems.csv:3:12: column "Official members" (official_members): organization HTX-2: -3 is negative: a number of members is 0 or more)csv",
      R"csv(org_several_problems.csv:4:6: column "Registered on" (registered_on): organization HTX-3: "2018-02-30" is not a calendar date: month 2 of 2018 has 28 days)csv"}},
    {"org_suspended_without_end.csv",
     {R"csv(org_suspended_without_end.csv:2:10: column "Suspended until" (suspended_until): organization HTX-1: a value is required for a suspended organization)csv"}},
    {"org_terminated_before_registered.csv",
     {R"csv(org_terminated_before_registered.csv:2:9: column "Status since" (status_since): organization HTX-1, event dissolution_resolved on 2017-06-30: the organization is not registered on this date: its history must start with a registered event, and no event may be dated before it [rule integrity.registered_first])csv"}},
    {"org_too_many_fields.csv",
     {R"csv(org_too_many_fields.csv:2:13: organization HTX-1: the row has 13 fields but the header has 12: this field and those after it have no column (a field that holds the delimiter must be in double quotes))csv"}},
    {"org_unclosed_quote.csv",
     {R"csv(org_unclosed_quote.csv:3:2: column "Name": the quoted field that starts on line 3 is never closed: the file ends inside it)csv"}},
    {"org_unknown_area.csv",
     {R"csv(org_unknown_area.csv:2:4: column "Area code" (area): organization HTX-1: unknown area code D999; the catalogue holds the units valid on 2025-06-30 and from 2025-07-01 (docs/areas.md); give units that ended earlier, or any other, in an areas file (format coopecon-areas))csv"}},
    {"org_unknown_column.csv",
     {R"csv(org_unknown_column.csv:1:1: no column for the required field name: the mapping "organizations-en" reads it from "Name")csv",
      R"csv(org_unknown_column.csv:1:2: column "Name of cooperative": unknown column: the mapping "organizations-en" has no field for it and does not ignore it; did you mean one of the required headers missing from this file: "Name")csv"}},
    {"org_unknown_status.csv",
     {R"csv(org_unknown_status.csv:2:8: column "Tình trạng pháp lý" (status): organization HTX-1: "Đang hoạt đông" is not one of the allowed values: active (Active, Đang hoạt động); suspended (Suspended, Tạm ngừng kinh doanh); revoked_tax_enforcement (Registration revoked for tax enforcement, Bị thu hồi do cưỡng chế về quản lý thuế); in_dissolution (In dissolution, Đang làm thủ tục giải thể, In termination, Đang làm thủ tục chấm dứt hoạt động); in_reorganization (In reorganisation, Đang làm thủ tục bị chia, bị hợp nhất, được sáp nhập); in_bankruptcy (In bankruptcy, Đang làm thủ tục phá sản); terminated (Terminated, Đã giải thể, phá sản, chấm dứt tồn tại, Đã chấm dứt hoạt động); and as the mapping spells them: "Tạm ngưng hoạt động" for suspended)csv"}},

};
// clang-format on

TEST(CsvMalformed, EveryFileIsRefusedWithExactMessages) {
    std::set<std::string> on_disk;
    for (const auto& entry : fs::directory_iterator(malformed_csv_dir))
        if (entry.path().extension() == ".csv") on_disk.insert(entry.path().filename().string());
    EXPECT_GE(on_disk.size(), 15u);
    for (const auto& name : on_disk) {
        const auto expected = expected_csv_refusals.find(name);
        if (expected == expected_csv_refusals.end()) {
            ADD_FAILURE() << name << " has no expected messages";
            continue;
        }
        EXPECT_EQ(malformed_csv_refusal(name), expected->second) << name;
    }
    for (const auto& [name, lines] : expected_csv_refusals) EXPECT_TRUE(on_disk.count(name)) << name << " is missing";
}

TEST(CsvMalformed, ProblemsCarryTheirPositionOrganisationAndColumn) {
    try {
        io::read_csv_file(malformed_csv_dir / "org_several_problems.csv", CsvRows::organizations);
        FAIL() << "org_several_problems.csv loaded";
    } catch (const Error& e) {
        ASSERT_EQ(e.problems().size(), 5u);
        const Problem& sector = e.problems()[1];
        EXPECT_EQ(fs::path(sector.file).filename(), "org_several_problems.csv");
        EXPECT_EQ(sector.line, 3);
        EXPECT_EQ(sector.column, 5);
        EXPECT_EQ(sector.path, "column \"Sector\" (sector)");
        EXPECT_EQ(sector.organization, "HTX-2");
        EXPECT_EQ(sector.code, ErrorCode::unknown_name);
    }
}

TEST(CsvMalformed, BadRowsCanBeSkippedAndAreReported) {
    io::CsvOptions skip;
    skip.skip_bad_rows = true;
    const auto imported = io::read_csv_file(malformed_csv_dir / "org_several_problems.csv", CsvRows::organizations, skip);
    ASSERT_EQ(imported.registry.size(), 1u);
    EXPECT_TRUE(imported.registry.find("HTX-1"));
    ASSERT_EQ(imported.skipped.size(), 2u);
    EXPECT_EQ(imported.skipped[0].line, 3);
    EXPECT_EQ(imported.skipped[0].organization, "HTX-2");
    EXPECT_EQ(imported.skipped[0].problems.size(), 4u);
    EXPECT_EQ(imported.skipped[1].line, 4);
    EXPECT_EQ(imported.skipped[1].organization, "HTX-3");
    ASSERT_EQ(imported.skipped[1].problems.size(), 1u);
    EXPECT_EQ(imported.skipped[1].problems[0].column, 6);
}

TEST(CsvMalformed, ProblemsOfTheWholeFileAreNotSkipped) {
    // Skipping applies to rows: a file whose header does not fit, or that cannot be read as CSV, is refused.
    io::CsvOptions skip;
    skip.skip_bad_rows = true;
    for (const std::string name : {"org_unknown_column.csv", "org_unclosed_quote.csv", "org_legacy_encoding.csv",
                                   "org_empty.csv", "org_semicolon_separated.csv"})
        EXPECT_THROW(io::read_csv_file(malformed_csv_dir / name, CsvRows::organizations, skip), Error) << name;
}

}  // namespace
