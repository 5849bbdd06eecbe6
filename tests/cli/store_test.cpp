// The forms of a registry through the command line: every command reads the binary form and a SQLite database by
// their first bytes, convert goes between all four forms, init and append keep a registry in SQLite, and an append
// of 100,000 events killed with SIGKILL half-way leaves all of them or none.

#include "cli_runner.hpp"

#include <coopecon/io/registry_json.hpp>
#include <coopecon/io/registry_sqlite.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using coopecon::test::in_dir;
using coopecon::test::read_file;
using coopecon::test::run_cli;
using coopecon::test::RunningCli;
using coopecon::test::source_dir;
using coopecon::test::TempDir;
namespace fs = std::filesystem;

const std::string store_example = (source_dir / "examples" / "registry.json").string();

TEST(CliStore, EveryCommandReadsTheBinaryFormAndSqliteByTheirFirstBytes) {
    TempDir dir;
    ASSERT_EQ(run_cli({"convert", store_example, "--out", (dir.path() / "r.coopreg").string()}).status, 0);
    ASSERT_EQ(run_cli({"convert", store_example, "--to", "sqlite", "--out", (dir.path() / "r.data").string()}).status, 0);
    // Names that say nothing, or the wrong thing: the bytes decide.
    fs::rename(dir.path() / "r.coopreg", dir.path() / "binary.json");
    const auto json = run_cli({"report", store_example, "--as-of", "2024-12-31"});
    for (const auto* file : {"binary.json", "r.data"}) {
        const auto path = (dir.path() / file).string();
        EXPECT_EQ(run_cli({"validate", path}).out, path + ": valid: 10 organisations, 127 events, 2015-08-03 to 2025-05-20\n");
        EXPECT_EQ(run_cli({"report", path, "--as-of", "2024-12-31"}).out, json.out) << file;
        EXPECT_EQ(run_cli({"check", path}).out, run_cli({"check", store_example}).out) << file;
        EXPECT_EQ(run_cli({"explain", path, "CM-HTX-0002"}).out, run_cli({"explain", store_example, "CM-HTX-0002"}).out);
    }
}

TEST(CliStore, ConvertGoesBetweenAllFourForms) {
    TempDir dir;
    const auto canonical = run_cli({"convert", store_example}).out;
    auto at = [&](const char* name) { return (dir.path() / name).string(); };
    ASSERT_EQ(run_cli({"convert", store_example, "--out", at("r.db")}).status, 0);
    ASSERT_EQ(run_cli({"convert", at("r.db"), "--out", at("r.coopreg")}).status, 0);
    ASSERT_EQ(run_cli({"convert", at("r.coopreg"), "--out", at("r.csv")}).status, 0);
    ASSERT_EQ(run_cli({"convert", at("r.csv"), "--to", "binary", "--out", at("again.bin")}).status, 0);
    ASSERT_EQ(run_cli({"convert", at("again.bin"), "--out", at("back.json")}).status, 0);
    auto from_csv = coopecon::io::read_registry_file(at("back.json"));
    from_csv.info() = coopecon::io::read_registry_file(store_example).info();  // CSV rows carry no info
    EXPECT_EQ(coopecon::io::write_registry(from_csv), canonical);
    EXPECT_EQ(run_cli({"convert", at("r.db")}).out, canonical);
    EXPECT_EQ(run_cli({"convert", at("r.db"), "--to", "csv"}).out, read_file(at("r.csv")));
    const auto refused = run_cli({"convert", store_example, "--to", "binary"});
    EXPECT_EQ(refused.status, 2);
    EXPECT_THAT(refused.err, testing::HasSubstr("--to binary needs --out FILE"));
    EXPECT_EQ(run_cli({"convert", store_example, "--to", "xml"}).status, 2);
}

TEST(CliStore, ADamagedBinaryFileIsUnreadableAndSaysWhy) {
    TempDir dir;
    const auto file = (dir.path() / "r.coopreg").string();
    ASSERT_EQ(run_cli({"convert", store_example, "--out", file}).status, 0);
    auto bytes = read_file(file);
    bytes[bytes.size() / 2] ^= 0x10;
    dir.write("r.coopreg", bytes);
    const auto flipped = run_cli({"report", file});
    EXPECT_EQ(flipped.status, 1);
    EXPECT_EQ(flipped.err, file + ": not a coopecon registry in binary form: section ORGS is damaged (its CRC-32 does "
                                  "not match)\n1 problem in " + file + "\n");
    dir.write("r.coopreg", bytes.substr(0, bytes.size() - 1));
    const auto truncated = run_cli({"validate", file});
    EXPECT_EQ(truncated.status, 1);
    EXPECT_THAT(truncated.out, testing::HasSubstr("the file is truncated"));
}

TEST(CliStore, InitThenAppendOrganisationsAndEvents) {
    TempDir dir;
    const auto db = (dir.path() / "kept.db").string();
    EXPECT_EQ(run_cli({"init", db}).out, db + ": created an empty registry\n");
    const auto again = run_cli({"init", db});
    EXPECT_EQ(again.status, 3);
    EXPECT_THAT(again.err, testing::HasSubstr("the file already exists"));
    ASSERT_EQ(run_cli({"append", db, store_example}).status, 0);
    dir.write("events.json", R"({"format": "coopecon-events", "version": 1,
 "members": [{"organization": "CM-HTX-0001", "id": "M99", "name": "Phạm Văn Mới", "type": "individual",
              "foreign_investor": false}],
 "events": [
  {"organization": "CM-HTX-0001", "date": "2025-06-01", "type": "member_joined", "member": "M99", "kind": "official",
   "capital": 1000000},
  {"organization": "CM-HTX-0001", "date": "2025-06-10", "type": "assembly_held", "kind": "annual"}]}
)");
    EXPECT_EQ(run_cli({"append", db, (dir.path() / "events.json").string()}).status, 0);
    EXPECT_EQ(run_cli({"validate", db}).out, db + ": valid: 10 organisations, 129 events, 2015-08-03 to 2025-06-10\n");

    // A refused event among good ones: nothing is appended, and the problem is located in the events file.
    const auto bad = dir.write("bad.json", R"({"format": "coopecon-events", "version": 1,
 "events": [
  {"organization": "CM-HTX-0001", "date": "2025-06-11", "type": "assembly_held", "kind": "annual"},
  {"organization": "CM-HTX-0001", "date": "2025-06-12", "type": "member_left", "member": "M98", "reason": "voluntary"}]}
)");
    const auto refused = run_cli({"append", db, bad.string()});
    EXPECT_EQ(refused.status, 1);
    EXPECT_EQ(refused.err, bad.string() + ":4:3: events[1]: organization CM-HTX-0001, event member_left on 2025-06-12: "
                                          "member M98 is not in the organization's member list\n"
                                          "1 problem: nothing appended to " + db + "\n");
    EXPECT_EQ(run_cli({"validate", db}).out, db + ": valid: 10 organisations, 129 events, 2015-08-03 to 2025-06-10\n");
    // A reorganisation forming new organisations: an events file brings a cooperative, then another brings the
    // cooperative its division forms with its history and the divided one's completion, judged and written as one
    // change.
    const auto founded = dir.write("founded.json", R"({"format": "coopecon-events", "version": 1,
 "organizations": [
  {"id": "CM-HTX-0100", "registration_code": "2001099100", "name": "Hợp tác xã Rạch Gốc", "kind": "cooperative",
   "area": "D973", "sector": "agriculture", "members": [],
   "events": [{"date": "2020-03-02", "type": "registered", "charter_capital": 0},
              {"date": "2020-03-02", "type": "members_joined", "kind": "official", "member_type": "individual",
               "count": 7, "foreign_investors": 0, "capital": 0}]}]}
)");
    ASSERT_EQ(run_cli({"append", db, founded.string()}).status, 0);
    const auto division = dir.write("division.json", R"({"format": "coopecon-events", "version": 1,
 "organizations": [
  {"id": "CM-HTX-0101", "registration_code": "2001099101", "name": "Hợp tác xã Rạch Gốc Một", "kind": "cooperative",
   "area": "D973", "sector": "agriculture", "members": [],
   "events": [{"date": "2025-06-20", "type": "registered", "charter_capital": 0, "formed_by": "division",
               "predecessors": ["CM-HTX-0100"]},
              {"date": "2025-06-20", "type": "members_joined", "kind": "official", "member_type": "individual",
               "count": 7, "foreign_investors": 0, "capital": 0}]}],
 "events": [
  {"organization": "CM-HTX-0100", "date": "2025-06-15", "type": "reorganization_started", "form": "division",
   "counterparts": [], "approval_percent": 80},
  {"organization": "CM-HTX-0100", "date": "2025-06-20", "type": "reorganization_completed", "form": "division",
   "counterparts": ["CM-HTX-0101"]}]}
)");
    const auto divided = run_cli({"append", db, division.string()});
    EXPECT_EQ(divided.status, 0) << divided.err;
    EXPECT_EQ(run_cli({"validate", db}).out, db + ": valid: 12 organisations, 135 events, 2015-08-03 to 2025-06-20\n");
    // The same organisations twice: refused, each at its place in the file.
    const auto twice = run_cli({"append", db, store_example});
    EXPECT_EQ(twice.status, 1);
    EXPECT_THAT(twice.err, testing::HasSubstr(store_example + ":12:13: organizations[0].id: organization CM-HTX-0001: "
                                                              "organization id CM-HTX-0001 is already used"));
}

TEST(CliStore, ThreadsChangeNothingButTheCoresUsed) {
    for (const auto* command : {"report", "check"}) {
        const auto one = run_cli({command, store_example, "--threads", "1"});
        EXPECT_EQ(one.status, 0);
        EXPECT_EQ(run_cli({command, store_example, "--threads", "2"}).out, one.out) << command;
        EXPECT_EQ(run_cli({command, store_example}).out, one.out) << command;
        const auto none = run_cli({command, store_example, "--threads", "0"});
        EXPECT_EQ(none.status, 2);
        EXPECT_THAT(none.err, testing::HasSubstr("--threads needs a whole number from 1 to 1024, not '0'"));
    }
}

/// A registry of `n` cooperatives with seven members each, and an events file of `per` extraordinary assemblies
/// for each, on consecutive days.
std::pair<std::string, std::string> kill_test_files(int n, int per) {
    std::ostringstream orgs, events;
    orgs << R"({"format": "coopecon-registry", "version": 1, "info": {"title": "t", "source": "s", "synthetic": true},)"
         << R"( "organizations": [)";
    events << R"({"format": "coopecon-events", "version": 1, "events": [)";
    for (int i = 0; i < n; ++i) {
        const std::string id = "K-" + std::to_string(i);
        orgs << (i ? "," : "") << R"({"id": ")" << id << R"(", "registration_code": ")" << 1000000 + i
             << R"(", "name": "Hợp tác xã )" << i << R"(", "kind": "cooperative", "area": "D964", "sector": "agriculture",)"
             << R"( "events": [{"date": "2010-01-04", "type": "registered", "charter_capital": 100000000},)"
             << R"( {"date": "2010-01-04", "type": "members_joined", "kind": "official", "member_type": "individual",)"
             << R"( "count": 7, "foreign_investors": 0, "capital": 100000000}]})";
        for (int k = 0; k < per; ++k) {
            const auto day = coopecon::Date::parse("2011-01-01")->plus_days(k);
            events << (i || k ? "," : "") << R"({"organization": ")" << id << R"(", "date": ")" << day.iso()
                   << R"(", "type": "assembly_held", "kind": "extraordinary"})";
        }
    }
    orgs << "]}";
    events << "]}";
    return {orgs.str(), events.str()};
}

TEST(CliStore, AnAppendKilledHalfWayLeavesAllOrNoneOfItsEvents) {
    TempDir dir;
    const auto db = dir.path() / "kept.db";
    const auto [orgs, events] = kill_test_files(1000, 100);  // 100,000 events
    ASSERT_EQ(run_cli({"init", db.string()}).status, 0);
    ASSERT_EQ(run_cli({"append", db.string(), dir.write("orgs.json", orgs).string()}).status, 0);
    const auto events_file = dir.write("events.json", events).string();
    const std::size_t before = coopecon::io::read_registry_sqlite(db).event_count();
    ASSERT_EQ(before, 2000u);

    // Kill the append once its transaction has written a megabyte to the write-ahead log: well inside it, as the
    // 100,000 events take several.
    RunningCli append({"append", db.string(), events_file});
    const auto wal = fs::path(db.string() + "-wal");
    for (int waited = 0; waited < 60000 && !append.ended(); ++waited) {
        std::error_code ec;
        if (fs::exists(wal, ec) && fs::file_size(wal, ec) > (1u << 20)) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ASSERT_FALSE(append.ended()) << "the append ended before it could be killed";
    append.signal(SIGKILL);
    ASSERT_EQ(append.wait(), 128 + SIGKILL);

    const std::size_t after_kill = coopecon::io::read_registry_sqlite(db).event_count();
    EXPECT_TRUE(after_kill == before || after_kill == before + 100000) << after_kill;
    EXPECT_EQ(after_kill, before) << "killed in its transaction, the append left none of its events";
    // The database is whole: the same append now goes through, once.
    ASSERT_EQ(run_cli({"append", db.string(), events_file}).status, 0);
    EXPECT_EQ(coopecon::io::read_registry_sqlite(db).event_count(), before + 100000);
}

}  // namespace
