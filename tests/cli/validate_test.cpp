// coopecon validate: a valid file gives one summary line (exit 0); a file with problems gives every problem in
// the Problem::to_string() format and a count (exit 1); a file that cannot be read gives exit 3.

#include "cli_runner.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <string>

namespace {

using coopecon::test::in_dir;
using coopecon::test::run_cli;
using coopecon::test::source_dir;
using coopecon::test::TempDir;

TEST(Validate, TheExampleRegistryIsValid) {
    const auto r = run_cli({"validate", "examples/registry.json"}, in_dir(source_dir));
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_EQ(r.err, "");
    // The numbers are the example's business (docs/cli.md shows them); the shape is this command's.
    EXPECT_THAT(r.out, ::testing::StartsWith("examples/registry.json: valid: "));
    EXPECT_THAT(r.out, ::testing::HasSubstr(" organisations, "));
    EXPECT_THAT(r.out, ::testing::HasSubstr(" events, "));
    EXPECT_THAT(r.out, ::testing::HasSubstr(" to "));
    EXPECT_THAT(r.out, ::testing::EndsWith("\n"));
}

TEST(Validate, SummarisesOrganisationsEventsAndDates) {
    TempDir dir;
    const auto file = dir.write("one.json", R"({
  "format": "coopecon-registry",
  "version": 1,
  "info": {"title": "One", "source": "test", "synthetic": true},
  "organizations": [
    {"id": "G-1", "registration_code": "G1", "name": "Tổ hợp tác Một", "kind": "cooperative_group",
     "area": "P96", "sector": "agriculture",
     "events": [
       {"date": "2020-01-10", "type": "registered", "charter_capital": 0},
       {"date": "2021-02-03", "type": "members_joined", "kind": "official", "member_type": "individual",
        "count": 3, "foreign_investors": 0, "capital": 0}]}
  ]
}
)");
    const auto r = run_cli({"validate", file.string()});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out, file.string() + ": valid: 1 organisation, 2 events, 2020-01-10 to 2021-02-03\n");
}

TEST(Validate, AnEmptyRegistryHasNoDateRange) {
    TempDir dir;
    const auto file = dir.write("empty.json", R"({"format": "coopecon-registry", "version": 1,
 "info": {"title": "Empty", "source": "test", "synthetic": true}}
)");
    const auto r = run_cli({"validate", file.string()});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out, file.string() + ": valid: 0 organisations, 0 events\n");
}

TEST(Validate, SyntaxErrorGivesLineAndColumn) {
    TempDir dir;
    dir.write("syntax.json", "{\n  \"format\": \"coopecon-registry\",\n  \"version\": 1,\n"
                             "  \"organizations\": [\n    {\"id\": \"a\",,}\n  ]\n}\n");
    const auto r = run_cli({"validate", "syntax.json"}, in_dir(dir.path()));
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out,
              "syntax.json:5:16: expected a key in double quotes, found ','\n"
              "1 problem in syntax.json\n");
}

// Three organisations, each with a different kind of problem; all are reported, in file order.
const std::string broken_registry = R"({
  "format": "coopecon-registry",
  "version": 1,
  "info": {"title": "Broken", "source": "test", "synthetic": true},
  "organizations": [
    {
      "id": "HTX-1", "registration_code": "0001", "name": "Hợp tác xã Một",
      "kind": "cooperative", "area": "P96", "sector": "agriculture",
      "events": [
        {"date": "2019-01-02", "type": "registered", "charter_capital": 0},
        {"date": "2023-01-10", "type": "dissolution_resolved", "basis": "members_resolution", "approval_percent": 80},
        {"date": "2023-03-01", "type": "dissolution_completed", "by": "dossier"},
        {"date": "2023-05-01", "type": "assembly_held", "kind": "annual"}
      ]
    },
    {
      "id": "HTX-2", "registration_code": "0002", "name": "Hợp tác xã Hai",
      "kind": "cooperative", "area": "P96", "sector": "agriculture",
      "events": [
        {"date": "2024-08-01", "type": "registered", "charter_capital": 0},
        {"date": "2024-09-02", "type": "suspended", "until": "2025-12-31"}
      ]
    },
    {
      "id": "HTX-3", "registration_code": "0003", "name": "Hợp tác xã Ba",
      "kind": "cooperative", "area": "P96", "sector": "fishing",
      "events": [
        {"date": "2024-08-01", "type": "registered", "charter_capital": "many"}
      ]
    }
  ]
}
)";

TEST(Validate, ListsEveryProblemWithLocationOrganisationAndRule) {
    TempDir dir;
    dir.write("broken.json", broken_registry);
    const auto r = run_cli({"validate", "broken.json"}, in_dir(dir.path()));
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out,
              "broken.json:13:9: organizations[0].events[3]: organization HTX-1, event assembly_held on 2023-05-01: "
              "the organization was terminated on 2023-03-01; no event may follow [rule integrity.after_termination]\n"
              "broken.json:21:9: organizations[1].events[1]: organization HTX-2, event suspended on 2024-09-02: the "
              "notice runs from 2024-09-02 to 2025-12-31, longer than the 12 months one notice may cover (Law "
              "17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47.1); the latest end allowed is 2025-09-01 [rule T2; "
              "Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47]\n"
              "broken.json:26:55: organizations[2].sector: \"fishing\" is not one of: agriculture, "
              "industry_handicraft, construction, transport, trade_services, credit, environment, other\n"
              "broken.json:28:73: organizations[2].events[0].charter_capital: expected a whole number, got a "
              "string\n"
              "4 problems in broken.json\n");
}

TEST(Validate, MissingFileExitsThree) {
    const auto r = run_cli({"validate", "/nonexistent/registry.json"});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "/nonexistent/registry.json: cannot open the file: No such file or directory\n");
}

TEST(Validate, DirectoryExitsThree) {
    TempDir dir;
    const auto r = run_cli({"validate", dir.path().string()});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(r.err, dir.path().string() + ": is a directory, not a registry file\n");
}

TEST(Validate, FileWithoutReadPermissionExitsThree) {
    TempDir dir;
    const auto file = dir.write("secret.json", "{}");
    std::filesystem::permissions(file, std::filesystem::perms::none);
    // Root reads any file: as root the CLI runs as the unprivileged user nobody (util-linux setpriv).
    coopecon::test::CliOptions options;
    if (geteuid() == 0) options.wrapper = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    const auto r = run_cli({"validate", file.string()}, options);
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(r.err, file.string() + ": cannot open the file: Permission denied\n");
}

// Whatever the bytes, the answer is a list of problems and exit 1: never a crash, a hang or exit 3.
TEST(Validate, HostileFilesAreProblemsNotCrashes) {
    TempDir dir;
    std::string random_bytes;
    std::uint32_t x = 12345;
    for (int i = 0; i < 4096; ++i) {
        x = x * 1664525u + 1013904223u;
        random_bytes += static_cast<char>(x >> 24);
    }
    const std::vector<std::pair<std::string, std::string>> files{
        {"empty.json", ""},
        {"bom.json", "\xEF\xBB\xBF{}"},
        {"random.json", random_bytes},
        {"nul.json", std::string("{\"format\": \"coopecon-registry\"\0}", 32)},
        {"deep.json", std::string(200000, '[')},
        {"huge-number.json", R"({"format": "coopecon-registry", "version": 1e999999})"},
        {"array.json", "[1, 2, 3]"},
        {"wrong-version.json", R"({"format": "coopecon-registry", "version": -9223372036854775809})"},
        {"long-string.json", "{\"format\": \"" + std::string(1 << 20, 'x') + "\"}"},
        {"odd-ids.json", R"({"format": "coopecon-registry", "version": 1,
 "info": {"title": "\u001b[31mred", "source": "", "synthetic": false},
 "organizations": [{"id": "\u0000", "registration_code": "", "name": "", "kind": "cooperative",
                    "area": "nowhere", "sector": "other", "events": []},
                   {"id": "\u0000"}]})"},
    };
    for (const auto& [name, content] : files) {
        SCOPED_TRACE(name);
        dir.write(name, content);
        const auto r = run_cli({"validate", name}, in_dir(dir.path()));
        EXPECT_EQ(r.status, 1) << r.out << r.err;
        EXPECT_EQ(r.err, "");
        EXPECT_THAT(r.out, ::testing::EndsWith(" in " + name + "\n"));
    }
}

}  // namespace
