// CSV import a part at a time: files of more organisations than one part load as the registry they stand for; a
// reference to an organisation of a later part resolves; a bad row in a later part refuses the file, or is
// skipped, as in the first; an organisation refused in a later part sets aside, when rows are skipped, the one that
// names it; an organisation whose event rows come apart loads whole, from the text and from a mapped file; and the
// reader reads one row at a time and refuses a file for the reason it would if it checked the whole file first.

#include <coopecon/io/csv.hpp>
#include <coopecon/io/csv_export.hpp>
#include <coopecon/io/registry_json.hpp>

#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::io;

/// More organisations than one part of the import (4,096): the boundary falls among them.
constexpr std::size_t csv_stream_fillers = 5000;

std::string csv_stream_filler_id(std::size_t i) {
    char id[16];
    std::snprintf(id, sizeof id, "F%04zu", i);
    return id;
}

/// A cooperative of seven members, as the registry file gives it.
std::string csv_stream_filler(std::size_t i) {
    const auto id = csv_stream_filler_id(i);
    return R"({"id": ")" + id + R"(", "registration_code": "", "name": "Hợp tác xã )" + id +
           R"(", "kind": "cooperative", "area": "P96", "sector": "agriculture", "events": [
             {"date": "2020-03-02", "type": "registered", "charter_capital": 100000000},
             {"date": "2020-03-02", "type": "members_joined", "kind": "official", "member_type": "individual",
              "count": 7, "foreign_investors": 0, "capital": 0}]})";
}

// A merges B into itself (tests/scenarios/32_merger_written_by_hand.json): each names the other.
const std::string csv_stream_a = R"({"id": "A", "registration_code": "6101000061", "name": "Hợp tác xã A",
  "kind": "cooperative", "area": "P96", "sector": "agriculture", "events": [
  {"date": "2020-03-02", "type": "registered", "charter_capital": 700000000},
  {"date": "2020-03-02", "type": "members_joined", "kind": "official", "member_type": "individual", "count": 7,
   "foreign_investors": 0, "capital": 700000000},
  {"date": "2024-03-15", "type": "assembly_held", "kind": "annual"},
  {"date": "2024-12-02", "type": "reorganization_started", "form": "merger_receiving", "counterparts": ["B"],
   "approval_percent": 70},
  {"date": "2025-03-03", "type": "reorganization_completed", "form": "merger_receiving", "counterparts": ["B"]},
  {"date": "2025-03-03", "type": "members_joined", "kind": "official", "member_type": "individual", "count": 6,
   "foreign_investors": 0, "capital": 300000000},
  {"date": "2025-03-03", "type": "capital_changed", "charter_capital": 1000000000}]})";
const std::string csv_stream_b = R"({"id": "B", "registration_code": "6101000062", "name": "Hợp tác xã B",
  "kind": "cooperative", "area": "P96", "sector": "agriculture", "events": [
  {"date": "2020-03-02", "type": "registered", "charter_capital": 300000000},
  {"date": "2020-03-02", "type": "members_joined", "kind": "official", "member_type": "individual", "count": 6,
   "foreign_investors": 0, "capital": 300000000},
  {"date": "2024-03-15", "type": "assembly_held", "kind": "annual"},
  {"date": "2024-12-02", "type": "reorganization_started", "form": "merger_into", "counterparts": ["A"],
   "approval_percent": 70},
  {"date": "2025-03-03", "type": "reorganization_completed", "form": "merger_into", "counterparts": ["A"]}]})";

/// The registry of these organisations, in this order.
Registry csv_stream_registry(const std::vector<std::string>& organizations) {
    std::string json = R"({"format": "coopecon-registry", "version": 1,
      "info": {"title": "t", "source": "s", "synthetic": false}, "organizations": [)";
    for (std::size_t k = 0; k < organizations.size(); ++k) json += (k ? "," : "") + organizations[k];
    return read_registry(json + "]}", "expected.json");
}

/// A first, then the fillers, then B: A names an organisation of a later part.
std::vector<std::string> csv_stream_merger_around_fillers() {
    std::vector<std::string> orgs{csv_stream_a};
    for (std::size_t i = 0; i < csv_stream_fillers; ++i) orgs.push_back(csv_stream_filler(i));
    orgs.push_back(csv_stream_b);
    return orgs;
}

/// The registry as JSON, with the info of `like` so that only the organisations are compared.
std::string csv_stream_organizations(Registry registry, const Registry& like) {
    registry.info() = like.info();
    return write_registry(registry);
}

/// Whether two registries written as JSON are the same; else where they first differ (a diff of megabytes of
/// JSON would take GoogleTest minutes).
testing::AssertionResult csv_stream_same(const std::string& actual, const std::string& expected) {
    if (actual == expected) return testing::AssertionSuccess();
    const auto at = std::mismatch(actual.begin(), actual.end(), expected.begin(), expected.end()).first - actual.begin();
    const auto from = static_cast<std::size_t>(std::max<std::ptrdiff_t>(at - 200, 0));
    return testing::AssertionFailure() << "first difference at byte " << at << ":\n" << actual.substr(from, 400)
                                       << "\n---- expected ----\n" << expected.substr(from, 400);
}

std::vector<std::string> csv_stream_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string csv_stream_joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += line + "\n";
    return out;
}

/// The lines (from 1) of the rows of organisation `id`.
std::vector<int> csv_stream_rows_of(const std::string& text, const std::string& id) {
    std::vector<int> rows;
    const auto lines = csv_stream_lines(text);
    for (std::size_t k = 0; k < lines.size(); ++k)
        if (lines[k].starts_with(id + ",")) rows.push_back(static_cast<int>(k + 1));
    return rows;
}

/// `text` with the first occurrence of `from` replaced by `to`.
std::string csv_stream_replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

Problems csv_stream_refusal(const std::string& text, CsvRows rows) {
    try {
        read_csv(text, "t.csv", rows);
    } catch (const Error& e) {
        return e.problems();
    }
    ADD_FAILURE() << "the file loads";
    return {};
}

CsvOptions csv_stream_skipping() {
    CsvOptions options;
    options.skip_bad_rows = true;
    return options;
}

/// The lines of the rows skipped, and of those skipped with a problem whose message contains `about`.
std::vector<int> csv_stream_skipped(const CsvImport& imported, std::string_view about = {}) {
    std::vector<int> lines;
    for (const auto& s : imported.skipped)
        if (std::any_of(s.problems.begin(), s.problems.end(),
                        [&](const Problem& p) { return p.message.find(about) != std::string::npos; }))
            lines.push_back(s.line);
    return lines;
}

std::vector<int> csv_stream_concat(std::vector<int> a, const std::vector<int>& b) {
    a.insert(a.end(), b.begin(), b.end());
    std::sort(a.begin(), a.end());
    return a;
}

TEST(CsvStream, EventRowsOverSeveralPartsLoadAsTheRegistryTheyStandFor) {
    const Registry expected = csv_stream_registry(csv_stream_merger_around_fillers());
    const std::string csv = write_event_rows(expected);
    const auto imported = read_csv(csv, "t.csv", CsvRows::events);
    EXPECT_TRUE(imported.skipped.empty());
    // A's reorganisation names B, which comes two parts later: the reference and the merger's two sides are
    // checked once B is added.
    EXPECT_EQ(imported.registry.size(), csv_stream_fillers + 2);
    EXPECT_TRUE(csv_stream_same(csv_stream_organizations(imported.registry, expected), write_registry(expected)));
}

TEST(CsvStream, ABadRowInALaterPartRefusesTheFileOrIsSkippedAsInTheFirst) {
    const Registry expected = csv_stream_registry(csv_stream_merger_around_fillers());
    const std::string csv = write_event_rows(expected);
    for (const std::size_t filler : {std::size_t{10}, std::size_t{4500}}) {  // in the first part, and in the second
        const auto id = csv_stream_filler_id(filler);
        const auto bad = csv_stream_replaced(csv, id + ",2020-03-02,registered", id + ",2020-02-30,registered");
        const auto rows = csv_stream_rows_of(bad, id);
        ASSERT_EQ(rows.size(), 2u);

        const auto problems = csv_stream_refusal(bad, CsvRows::events);
        ASSERT_EQ(problems.size(), 1u);
        EXPECT_EQ(problems[0].to_string(), "t.csv:" + std::to_string(rows[0]) + ":2: column \"Date\" (date): organization " +
                                               id + ": \"2020-02-30\" is not a calendar date: month 2 of 2020 has 29 days");

        const auto skipped = read_csv(bad, "t.csv", CsvRows::events, csv_stream_skipping());
        EXPECT_EQ(csv_stream_skipped(skipped), rows);
        EXPECT_EQ(skipped.registry.size(), csv_stream_fillers + 1);
        EXPECT_FALSE(skipped.registry.find(id));
        EXPECT_TRUE(skipped.registry.find("A"));
        EXPECT_TRUE(skipped.registry.find("B"));
    }
}

TEST(CsvStream, AnOrganisationRefusedInALaterPartSetsAsideTheOneThatNamesItWhenRowsAreSkipped) {
    const Registry expected = csv_stream_registry(csv_stream_merger_around_fillers());
    // B's seat is a unit the catalogue lacks: B is refused by the registry, in the last part.
    const auto bad = csv_stream_replaced(write_event_rows(expected), "Hợp tác xã B,cooperative,P96,",
                                         "Hợp tác xã B,cooperative,P9999,");
    const auto a_rows = csv_stream_rows_of(bad, "A");
    const auto b_rows = csv_stream_rows_of(bad, "B");

    // Refused whole: B's problem alone; that A names an organisation refused is not a problem of its own.
    const auto problems = csv_stream_refusal(bad, CsvRows::events);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].line, b_rows[0]);
    EXPECT_EQ(problems[0].message.rfind("unknown area code P9999", 0), 0u) << problems[0].message;

    // Skipped: B for its seat, and A, added two parts before, for naming B.
    const auto skipped = read_csv(bad, "t.csv", CsvRows::events, csv_stream_skipping());
    EXPECT_EQ(csv_stream_skipped(skipped), csv_stream_concat(a_rows, b_rows));
    EXPECT_EQ(csv_stream_skipped(skipped, "unknown area code P9999"), b_rows);
    EXPECT_EQ(csv_stream_skipped(skipped, "no organization with id B (its rows are skipped)"), a_rows);
    EXPECT_EQ(skipped.registry.size(), csv_stream_fillers);
    EXPECT_FALSE(skipped.registry.find("A"));

    std::vector<std::string> fillers;
    for (std::size_t i = 0; i < csv_stream_fillers; ++i) fillers.push_back(csv_stream_filler(i));
    const Registry only_fillers = csv_stream_registry(fillers);
    EXPECT_TRUE(csv_stream_same(csv_stream_organizations(skipped.registry, only_fillers), write_registry(only_fillers)));
}

TEST(CsvStream, AnOrganisationWhoseEventRowsComeApartLoadsWholeAtItsLastRow) {
    const Registry sorted = csv_stream_registry(csv_stream_merger_around_fillers());
    // A's first two rows stay first; its other rows come last, after every other organisation's.
    auto lines = csv_stream_lines(write_event_rows(sorted));
    const auto a_rows = csv_stream_rows_of(csv_stream_joined(lines), "A");
    ASSERT_GT(a_rows.size(), 2u);
    std::vector<std::string> tail;
    for (std::size_t k = a_rows.size(); k-- > 2;) {
        tail.insert(tail.begin(), lines[static_cast<std::size_t>(a_rows[k] - 1)]);
        lines.erase(lines.begin() + (a_rows[k] - 1));
    }
    lines.insert(lines.end(), tail.begin(), tail.end());
    const std::string apart = csv_stream_joined(lines);

    // The same organisations, A added at its last row: after the fillers, and before B, whose rows (which A's do
    // not interrupt) end with the file.
    auto reordered = csv_stream_merger_around_fillers();
    std::rotate(reordered.begin(), reordered.begin() + 1, reordered.end() - 1);
    const Registry expected = csv_stream_registry(reordered);
    const auto imported = read_csv(apart, "apart.csv", CsvRows::events);
    EXPECT_TRUE(csv_stream_same(csv_stream_organizations(imported.registry, expected), write_registry(expected)));

    // From a mapped file, read twice (the second reading gives its pages back again), the same.
    const test::TempDir dir;
    const auto file = read_csv_file(dir.write("apart.csv", apart), CsvRows::events);
    EXPECT_TRUE(csv_stream_same(csv_stream_organizations(file.registry, expected), write_registry(expected)));

    // A bad row among A's last rows leaves out all of A's rows, and B, which names A.
    const auto bad = csv_stream_replaced(apart, "A,2025-03-03,capital_changed", "A,2025-03-03,capital_change");
    const auto skipped = read_csv(bad, "t.csv", CsvRows::events, csv_stream_skipping());
    EXPECT_EQ(csv_stream_skipped(skipped, "capital_change"), csv_stream_rows_of(bad, "A"));
    EXPECT_EQ(csv_stream_skipped(skipped, "no organization with id A (its rows are skipped)"),
              csv_stream_rows_of(bad, "B"));
    EXPECT_EQ(skipped.registry.size(), csv_stream_fillers);
}

std::string csv_stream_organization_row(std::size_t i) {
    const auto id = csv_stream_filler_id(i);
    return id + ",Hợp tác xã " + id + ",cooperative,P96,agriculture,2020-03-02,100000000,active,7";
}

std::string csv_stream_organization_rows(std::size_t n) {
    std::string csv = "ID,Name,Kind,Area code,Sector,Registered on,Charter capital (VND),Status,Official members\n";
    for (std::size_t i = 0; i < n; ++i) csv += csv_stream_organization_row(i) + "\n";
    return csv;
}

TEST(CsvStream, OrganisationRowsOverSeveralPartsLoadAsTheRegistryTheyStandFor) {
    const std::string csv = csv_stream_organization_rows(csv_stream_fillers);
    std::vector<std::string> fillers;
    for (std::size_t i = 0; i < csv_stream_fillers; ++i) fillers.push_back(csv_stream_filler(i));
    const Registry expected = csv_stream_registry(fillers);
    const auto imported = read_csv(csv, "t.csv", CsvRows::organizations);
    EXPECT_TRUE(csv_stream_same(csv_stream_organizations(imported.registry, expected), write_registry(expected)));
}

TEST(CsvStream, AnIdUsedAgainInALaterPartNamesTheLineOfItsFirstUse) {
    // The row of F0010 (line 12) is written again at line 4601, two parts later.
    std::string csv = csv_stream_organization_rows(csv_stream_fillers);
    csv = csv_stream_replaced(csv, csv_stream_organization_row(4599), csv_stream_organization_row(10));
    const auto problems = csv_stream_refusal(csv, CsvRows::organizations);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].to_string(),
              "t.csv:4601:1: column \"ID\" (id): organization F0010: organization id F0010 is already used by the row "
              "at line 12");

    const auto skipped = read_csv(csv, "t.csv", CsvRows::organizations, csv_stream_skipping());
    EXPECT_EQ(csv_stream_skipped(skipped), std::vector<int>{4601});
    EXPECT_EQ(skipped.registry.size(), csv_stream_fillers - 1);
}

TEST(CsvStream, TheReaderGivesOneRowAtATimeAndReadsThemAgainFromTheFirst) {
    const std::string text = "\xEF\xBB\xBFID,Name\r\n1,\"a\nb\"\n\n , \n2,c";
    CsvReader reader(text, "t.csv");
    EXPECT_EQ(reader.header(), (std::vector<std::string>{"ID", "Name"}));
    EXPECT_EQ(reader.offset(), 3u + 9u);  // the byte order mark and the header line
    Row row;
    for (int reading = 0; reading < 2; ++reading) {
        ASSERT_TRUE(reader.next(row));
        EXPECT_EQ(row.line, 2);
        EXPECT_EQ(row.fields, (std::vector<std::string>{"1", "a\nb"}));
        ASSERT_TRUE(reader.next(row));  // the empty line and the blank row are left out
        EXPECT_EQ(row.line, 6);
        EXPECT_EQ(row.fields, (std::vector<std::string>{"2", "c"}));
        EXPECT_EQ(reader.offset(), text.size());
        EXPECT_FALSE(reader.next(row));
        reader.rewind();
    }
}

std::string csv_stream_first_problem(const std::string& text, CsvRows rows) {
    const auto problems = csv_stream_refusal(text, rows);
    return problems.empty() ? std::string() : problems.front().to_string();
}

TEST(CsvStream, AFileIsRefusedForItsEncodingBeforeAnythingFoundEarlierInIt) {
    const std::string invalid = "\xFF";
    const std::string utf8_at_line_4 =
        "t.csv:4:1: invalid UTF-8: byte 0xFF cannot start a UTF-8 character; the file must be UTF-8 encoded (in a "
        "spreadsheet, save as \"CSV UTF-8\")";
    // A row beyond the limits, a quote never closed, a header that fits no mapping: each comes before the invalid
    // byte, and the file is refused for its encoding, as when the whole file was checked first.
    const std::string too_long = csv_stream_organization_rows(1) + std::string(2u << 20, 'x') + "\n" + invalid;
    EXPECT_EQ(csv_stream_first_problem(csv_stream_organization_rows(2) + invalid, CsvRows::organizations),
              utf8_at_line_4);
    EXPECT_EQ(csv_stream_first_problem(too_long, CsvRows::organizations), utf8_at_line_4);
    EXPECT_EQ(csv_stream_first_problem("Unknown\n1\n\"2\n" + invalid, CsvRows::organizations),
              utf8_at_line_4);
    EXPECT_EQ(csv_stream_first_problem("Unknown\n1\n2\n" + invalid, CsvRows::organizations), utf8_at_line_4);
    // Without invalid bytes, a header that fits no mapping is refused for a row that cannot be read after it.
    EXPECT_EQ(csv_stream_first_problem("Unknown\n1\n\"2\n", CsvRows::organizations),
              "t.csv:3:1: column \"Unknown\": the quoted field that starts on line 3 is never closed: the file ends "
              "inside it");
}

}  // namespace
