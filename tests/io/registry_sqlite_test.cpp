// The SQLite store and the forms together: JSON ⇄ binary ⇄ SQLite ⇄ CSV give equal registries; a database holds
// what any SQLite tool can query; an append is all or nothing; a value edited by hand into a database is refused
// with its table, row and column.

#include <coopecon/io/csv.hpp>
#include <coopecon/io/csv_export.hpp>
#include <coopecon/io/registry_binary.hpp>
#include <coopecon/io/registry_file.hpp>
#include <coopecon/io/registry_json.hpp>
#include <coopecon/io/registry_sqlite.hpp>
#include <coopecon/model/area_catalog_json.hpp>
#include <support/builders.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace {

using namespace coopecon;
namespace fs = std::filesystem;

const fs::path sqlite_example_source = fs::path(COOPECON_SOURCE_DIR) / "examples" / "registry.json";

/// A directory of its own for each test, removed after it.
class SqliteStore : public testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("coopecon_sqlite_" + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path at(const std::string& name) const { return dir_ / name; }

    /// Runs SQL on the database with SQLite itself, as any tool would; returns the first column of the first row.
    std::string sql(const fs::path& db, const std::string& statement) const {
        sqlite3* handle = nullptr;
        EXPECT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
        std::string first;
        char* error = nullptr;
        const int rc = sqlite3_exec(
            handle, statement.c_str(),
            [](void* out, int, char** values, char**) {
                auto& s = *static_cast<std::string*>(out);
                if (s.empty() && values[0]) s = values[0];
                return 0;
            },
            &first, &error);
        EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
        sqlite3_free(error);
        sqlite3_close(handle);
        return first;
    }

private:
    fs::path dir_;
};

TEST_F(SqliteStore, EveryFormRoundTripsToAnEqualRegistry) {
    const Registry original = io::read_registry_file(sqlite_example_source);
    const std::string text = io::write_registry(original);
    io::save_registry_file(original, at("r.coopreg"), io::RegistryForm::binary);
    const Registry from_binary = io::load_registry_file(at("r.coopreg"));
    EXPECT_EQ(io::write_registry(from_binary), text);
    io::save_registry_file(from_binary, at("r.db"), io::RegistryForm::sqlite);
    const Registry from_sqlite = io::load_registry_file(at("r.db"));
    EXPECT_EQ(io::write_registry(from_sqlite), text);
    io::save_registry_file(from_sqlite, at("r.csv"), io::RegistryForm::csv);
    Registry from_csv = io::load_registry_file(at("r.csv"));
    from_csv.info() = original.info();  // event rows have no place for the registry's info
    EXPECT_EQ(io::write_registry(from_csv), text);
    io::save_registry_file(from_csv, at("back.json"), io::RegistryForm::json);
    EXPECT_EQ(io::write_registry(io::load_registry_file(at("back.json"))), text);
    // And back the other way, from the CSV to SQLite to binary.
    io::save_registry_file(from_csv, at("again.db"), io::RegistryForm::sqlite);
    io::save_registry_file(io::load_registry_file(at("again.db")), at("again.coopreg"), io::RegistryForm::binary);
    EXPECT_EQ(io::write_registry(io::load_registry_file(at("again.coopreg"))), text);
}

TEST_F(SqliteStore, AreasOfItsOwnAndTheInfoTravel) {
    Area commune;
    commune.code = "X-C1";
    commune.official_code = "99001";
    commune.name = commune.full_name = "Xã Thử";
    commune.level = AreaLevel::commune;
    commune.kind = "commune";
    commune.parent = "D964";
    commune.valid_from = *Date::parse("2010-01-01");
    Registry reg(law::vietnam(), std::make_shared<const AreaCatalog>(vietnam_areas()->with({commune})));
    reg.info().title = "areas of its own";
    reg.info().as_of = *Date::parse("2024-12-31");
    io::write_registry_sqlite(reg, at("a.db"));
    const auto copy = io::read_registry_sqlite(at("a.db"));
    ASSERT_TRUE(copy.areas().find("X-C1").has_value());
    EXPECT_EQ(io::write_registry(copy), io::write_registry(reg));
    EXPECT_EQ(sql(at("a.db"), "SELECT name FROM areas WHERE code = 'X-C1'"), "Xã Thử");
}

TEST_F(SqliteStore, TheInfoInVietnameseTravelsAndAVersion1DatabaseStillOpens) {
    Registry reg = io::read_registry_file(sqlite_example_source);
    reg.info().title_vi = "Hợp tác xã Cà Mau: sổ đăng ký mẫu";
    reg.info().source_vi = "Dữ liệu mẫu";
    io::write_registry_sqlite(reg, at("vi.db"));
    EXPECT_EQ(io::read_registry_sqlite(at("vi.db")).info(), reg.info());
    EXPECT_EQ(sql(at("vi.db"), "SELECT title_vi FROM info"), "Hợp tác xã Cà Mau: sổ đăng ký mẫu");
    // Written by the build before the Vietnamese info (tests/io/formats): read with none, the rest equal.
    fs::copy_file(fs::path(COOPECON_SOURCE_DIR) / "tests/io/formats/example-registry-v1.db", at("v1.db"));
    EXPECT_EQ(sql(at("v1.db"), "SELECT version FROM info"), "1");
    const auto old = io::read_registry_sqlite(at("v1.db"));
    EXPECT_FALSE(old.info().title_vi.has_value());
    EXPECT_EQ(io::write_registry(old), io::write_registry(io::read_registry_file(sqlite_example_source)));
}

TEST_F(SqliteStore, AnyToolCanQueryTheTablesInWalMode) {
    io::write_registry_sqlite(io::read_registry_file(sqlite_example_source), at("r.db"));
    EXPECT_EQ(io::registry_form_of_file(at("r.db")), io::RegistryForm::sqlite);
    EXPECT_EQ(sql(at("r.db"), "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(sql(at("r.db"), "SELECT count(*) FROM organizations"), "10");
    EXPECT_EQ(sql(at("r.db"), "SELECT count(*) FROM events"), "127");
    EXPECT_EQ(sql(at("r.db"), "SELECT title FROM info"), "Cà Mau cooperatives: a small sample registry");
    EXPECT_EQ(sql(at("r.db"), "SELECT json_extract(data, '$.charter_capital') FROM events "
                              "WHERE organization = 'CM-HTX-0001' AND type = 'registered'"),
              "700000000");
    EXPECT_EQ(sql(at("r.db"), "SELECT count(*) FROM members WHERE member_of = 'CM-HTX-0001'"), "8");
    EXPECT_EQ(sql(at("r.db"), "SELECT name FROM members WHERE member_of = 'CM-HTX-0001' AND id = 'M01'"),
              "Nguyễn Văn An");
}

TEST_F(SqliteStore, InitCreatesOnceAndAppendsAreAllOrNothing) {
    RegistryInfo info;
    info.title = "kept";
    io::create_registry_sqlite(at("k.db"), info);
    EXPECT_THROW(io::create_registry_sqlite(at("k.db"), info), Error);
    io::append_registry_sqlite(at("k.db"), sqlite_example_source);
    EXPECT_EQ(io::read_registry_sqlite(at("k.db")).event_count(), 127u);

    io::RegistryAdditions good;
    Member m;
    m.id = "M99";
    m.name = "Phạm Văn Mới";
    good.members.emplace_back("CM-HTX-0001", m);
    good.events.push_back({"CM-HTX-0001", Event{*Date::parse("2025-06-01"), MemberJoined{"M99", MemberKind::official, 1000}}});
    good.events.push_back({"CM-HTX-0001", Event{*Date::parse("2025-06-10"), AssemblyHeld{AssemblyKind::annual}}});
    io::append_registry_sqlite(at("k.db"), good);
    const auto after = io::read_registry_sqlite(at("k.db"));
    EXPECT_EQ(after.event_count(), 129u);
    EXPECT_EQ(after.state_at("CM-HTX-0001", *Date::parse("2025-06-30")).members.official(),
              io::read_registry_file(sqlite_example_source).state_at("CM-HTX-0001", *Date::parse("2025-06-30"))
                      .members.official() + 1);

    // One event the law refuses among good ones: nothing of the batch is written.
    io::RegistryAdditions bad;
    bad.events.push_back({"CM-HTX-0001", Event{*Date::parse("2025-07-01"), AssemblyHeld{AssemblyKind::annual}}});
    bad.events.push_back({"CM-HTX-0001", Event{*Date::parse("2025-07-02"), MemberLeft{"M98", MembershipEnd::voluntary}}});
    try {
        io::append_registry_sqlite(at("k.db"), bad);
        FAIL() << "an unknown member left";
    } catch (const Error& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems().front().path, "events[1]");
        EXPECT_EQ(e.problems().front().organization, "CM-HTX-0001");
    }
    EXPECT_EQ(io::read_registry_sqlite(at("k.db")).event_count(), 129u);
    EXPECT_EQ(sql(at("k.db"), "SELECT count(*) FROM events"), "129");
}

TEST_F(SqliteStore, AValueEditedByHandIsRefusedWithItsTableRowAndColumn) {
    io::write_registry_sqlite(io::read_registry_file(sqlite_example_source), at("r.db"));
    sql(at("r.db"), "UPDATE organizations SET kind = 'bank' WHERE id = 'CM-HTX-0002'");
    sql(at("r.db"), "UPDATE events SET date = '2023-02-30' WHERE sequence = 5");
    sql(at("r.db"), "UPDATE events SET data = '{\"kind\": 3' WHERE sequence = 6");
    try {
        (void)io::load_registry_file(at("r.db"));
        FAIL() << "edited values were read";
    } catch (const Error& e) {
        std::vector<std::string> lines;
        for (const auto& p : e.problems()) lines.push_back(p.to_string());
        const std::string file = at("r.db").string();
        EXPECT_THAT(lines, testing::ElementsAre(
                               testing::StartsWith(file + ": organizations[1].kind: \"bank\" is not one of"),
                               file + ": events[5].date: \"2023-02-30\" is not a calendar date: month 2 of 2023 has 28 days",
                               file + ": events[6]: the data column is not a JSON object: {\"kind\": 3"));
    }
}

TEST_F(SqliteStore, AFileThatIsNoRegistryDatabaseIsRefused) {
    sql(at("other.db"), "CREATE TABLE t (x INTEGER)");
    EXPECT_THROW((void)io::load_registry_file(at("other.db")), Error);
}

/// The events file of a division of htx-a completed on 2024-11-04, with the two cooperatives it forms.
io::RegistryAdditions division_of_htx_a(bool consistent) {
    using namespace coopecon::test;
    const Date on = *Date::parse("2024-11-04");
    io::RegistryAdditions out;
    out.organizations.push_back(cooperative("htx-b")
                                    .then(ev::registered_as_successor(on, ReorganizationForm::division, {"htx-a"}))
                                    .then(ev::members_joined(on, 4)));
    out.organizations.push_back(cooperative("htx-c")
                                    .then(ev::registered_as_successor(on, ReorganizationForm::division, {"htx-a"}))
                                    .then(ev::members_joined(on, 3)));
    out.events.push_back({"htx-a", ev::reorganization_completed(on, ReorganizationForm::division,
                                                                consistent ? std::vector<std::string>{"htx-b", "htx-c"}
                                                                           : std::vector<std::string>{"htx-b"})});
    return out;
}

TEST_F(SqliteStore, AReorganisationFormingNewOrganisationsIsAppendedAsOneChange) {
    using namespace coopecon::test;
    auto kept = registry();
    kept.add(cooperative("htx-a")
                 .registered(*Date::parse("2020-03-02"))
                 .then(ev::members_joined(*Date::parse("2020-03-02"), 7))
                 .then(ev::reorganization_started(*Date::parse("2024-09-02"), ReorganizationForm::division, 70)));
    io::write_registry_sqlite(kept, at("k.db"));

    // One side without the other is refused: the completion names only htx-b, so htx-c's predecessor disowns it.
    try {
        io::append_registry_sqlite(at("k.db"), division_of_htx_a(false));
        FAIL() << "a one-sided division was appended";
    } catch (const Error& e) {
        std::vector<std::string> rules;
        for (const auto& p : e.problems()) rules.push_back(p.rule);
        EXPECT_THAT(rules, testing::Contains("integrity.reorganization_counterparts"));
    }
    EXPECT_EQ(sql(at("k.db"), "SELECT count(*) FROM organizations"), "1");
    EXPECT_EQ(sql(at("k.db"), "SELECT count(*) FROM events"), "3");

    // Both sides in one append: the successors registered and the predecessor's completion, all written.
    io::append_registry_sqlite(at("k.db"), division_of_htx_a(true));
    const auto after = io::read_registry_sqlite(at("k.db"));
    const Date on = *Date::parse("2024-11-04");
    EXPECT_EQ(after.size(), 3u);
    EXPECT_EQ(after.state_at("htx-a", on).status, LegalStatus::terminated);
    EXPECT_EQ(after.state_at("htx-b", on).members.total() + after.state_at("htx-c", on).members.total(), 7);
    EXPECT_EQ(sql(at("k.db"), "SELECT count(*) FROM events"), "8");
}

}  // namespace
