// Scenario files: the examples read, a scenario writes and reads back, and files with mistakes are refused with
// every problem located by field path and line:column.

#include <coopecon/simulation/scenario.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace coopecon::simulation {
namespace scenario_tests {

const std::filesystem::path scenarios = std::filesystem::path(COOPECON_SOURCE_DIR) / "data" / "scenarios";

TEST(Scenario, TheExampleFilesRead) {
    for (const auto* name : {"baseline.json", "min-members-seven-from-2026.json", "consolidate-weak.json",
                             "dissolve-suspended.json", "credit-support.json"}) {
        SCOPED_TRACE(name);
        const auto s = read_scenario_file(scenarios / name);
        EXPECT_FALSE(s.name.empty());
        EXPECT_TRUE(check(s).empty());
    }
    const auto reform = read_scenario_file(scenarios / "min-members-seven-from-2026.json");
    ASSERT_TRUE(reform.reform.has_value());
    EXPECT_EQ(reform.reform->parameters.count(law::Param::min_members_cooperative), 1u);
    const auto credit = read_scenario_file(scenarios / "credit-support.json");
    ASSERT_EQ(credit.programmes.size(), 2u);
    EXPECT_EQ(credit.programmes[0].hazard, Hazard::founding);
    EXPECT_DOUBLE_EQ(*credit.programmes[0].factor, 1.2);
    EXPECT_EQ(credit.programmes[1].until, Date::parse("2029-12-31"));
}

TEST(Scenario, WritesWhatItReads) {
    const auto s = read_scenario_file(scenarios / "credit-support.json");
    const auto text = write_scenario(s);
    const auto again = read_scenario(text, "again.json", scenarios);
    EXPECT_EQ(again, s);
    EXPECT_NE(text.find("\"factor\": 1.2"), std::string::npos) << text;
}

TEST(Scenario, MistakesAreRefusedTogetherWithTheirPlaces) {
    const std::string text = R"({
  "format": "coopecon-scenario",
  "version": 1,
  "name": "broken",
  "colour": "red",
  "programmes": [
    {"id": "a", "type": "rate_change", "from": "2027-01-01", "target": {}, "hazard": "founding"},
    {"id": "a", "type": "dissolve_suspended", "from": "2027-01-01", "until": "2026-01-01", "target": {},
     "months": 12, "factor": 2},
    {"id": "c", "type": "consolidate_weak", "from": "2027-02-30", "target": {"kinds": ["cooperative_group"]}}
  ],
  "rates": [{"hazard": "assembly_missed", "target": {}, "value": 1.5},
            {"hazard": "suspension", "target": {}, "value": "often"}]
})";
    try {
        read_scenario(text, "broken.json");
        FAIL() << "accepted";
    } catch (const Error& e) {
        std::vector<std::string> paths;
        for (const auto& p : e.problems()) {
            paths.push_back(p.path);
            EXPECT_EQ(p.file, "broken.json");
            EXPECT_GT(p.line, 0) << p.path << ": " << p.message;
        }
        const std::vector<std::string> expected{"colour", "programmes[2].from", "rates[1].value"};
        for (const auto& path : expected)
            EXPECT_NE(std::find(paths.begin(), paths.end(), path), paths.end()) << path;
        const auto& first = e.problems().front();
        EXPECT_EQ(first.path, "colour");
        EXPECT_EQ(first.line, 5);
    }
    // With the values readable, the scenario's own checks are reported, each where it is written.
    const std::string logic = R"({
  "format": "coopecon-scenario", "version": 1, "name": "logic",
  "programmes": [
    {"id": "a", "type": "rate_change", "from": "2027-01-01", "target": {}, "hazard": "founding"},
    {"id": "a", "type": "dissolve_suspended", "from": "2027-01-01", "until": "2026-01-01", "target": {},
     "months": 12, "factor": 2},
    {"id": "c", "type": "consolidate_weak", "from": "2027-02-28", "target": {"kinds": ["cooperative_group"]}}
  ],
  "rates": [{"hazard": "assembly_missed", "target": {}, "value": 1.5}]
})";
    try {
        read_scenario(logic, "logic.json");
        FAIL() << "accepted";
    } catch (const Error& e) {
        std::vector<std::string> paths;
        for (const auto& p : e.problems()) {
            paths.push_back(p.path);
            EXPECT_GT(p.line, 0) << p.path;
        }
        EXPECT_EQ(paths, (std::vector<std::string>{"programmes[0].factor", "programmes[1].id", "programmes[1].until",
                                                   "programmes[1].factor", "programmes[2].target.kinds",
                                                   "rates[0].value"}));
    }
}

TEST(Scenario, AMissingReformFileIsNamed) {
    const std::string text = R"({"format": "coopecon-scenario", "version": 1, "name": "r", "reform": "nowhere.json"})";
    try {
        read_scenario(text, "r.json", scenarios);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.problems().front().path, "reform");
        EXPECT_EQ(e.problems().front().line, 1);
    }
}

TEST(Scenario, NotAScenarioFile) {
    EXPECT_THROW(read_scenario(R"({"format": "coopecon-reform", "version": 1})", "x.json"), Error);
    EXPECT_THROW(read_scenario("{", "x.json"), Error);
}

}  // namespace scenario_tests
}  // namespace coopecon::simulation
