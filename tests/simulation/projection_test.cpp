// Several scenarios from one registry (simulation/projection.hpp): the same runs and differences as compare(),
// progress counted in order over all of them, every scenario checked before any run, and the summary tables.

#include <support/builders.hpp>

#include <coopecon/simulation/profiles.hpp>
#include <coopecon/simulation/projection.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace coopecon::simulation {
namespace projection_tests {

using test::operator""_d;

const Registry& ca_mau() {
    static const Registry r = synthesize(ca_mau_2023(), default_seed);
    return r;
}

RunOptions options() {
    RunOptions o;
    o.start = "2025-12-31"_d;
    o.months = 12;
    o.runs = 4;
    o.seed = 5;
    o.report_every = 6;
    o.threads = 2;
    return o;
}

Scenario dissolve_suspended(std::string name = "dissolve") {
    Scenario s;
    s.name = std::move(name);
    s.programmes.push_back(Programme{"p", ProgrammeType::dissolve_suspended, "2026-01-01"_d, {},
                                     Target{{OrgKind::cooperative}, {}, {}}, {}, {}, 12, {}, {}});
    return s;
}

TEST(ProjectScenarios, GivesTheRunsAndPairedDifferencesOfCompare) {
    const auto o = options();
    const auto c = compare(ca_mau(), baseline_scenario(), dissolve_suspended(), o);
    const auto p = project_scenarios(ca_mau(), baseline_scenario(), {dissolve_suspended()}, o);
    ASSERT_EQ(p.outcomes.size(), 2u);
    EXPECT_EQ(p.outcomes[0].name, "baseline");
    EXPECT_EQ(p.outcomes[0].difference.rows(), 0u);
    EXPECT_EQ(p.outcomes[1].results.series.value, c.scenario.series.value);
    EXPECT_EQ(p.outcomes[0].results.series.value, c.baseline.series.value);
    EXPECT_EQ(p.outcomes[1].difference.value, c.difference.value);
    EXPECT_EQ(p.outcomes[1].difference_quantiles.p50, c.difference_quantiles.p50);
    EXPECT_EQ(p.start, "2025-12-31"_d);
    EXPECT_EQ(p.runs, 4);
    EXPECT_TRUE(p.synthetic);
}

TEST(ProjectScenarios, ProgressCountsEveryRunOfEveryScenarioInOrder) {
    std::vector<std::size_t> seen;
    std::size_t total = 0;
    const auto p = project_scenarios(ca_mau(), baseline_scenario(), {dissolve_suspended("a"), dissolve_suspended("b")},
                                     options(), [&](std::size_t done, std::size_t all) {
                                         seen.push_back(done);
                                         total = all;
                                     });
    EXPECT_EQ(total, 12u);
    std::vector<std::size_t> expected(12);
    for (std::size_t k = 0; k < expected.size(); ++k) expected[k] = k + 1;
    EXPECT_EQ(seen, expected);
    EXPECT_EQ(p.outcomes.size(), 3u);
}

TEST(ProjectScenarios, ChecksEveryScenarioBeforeAnyRun) {
    bool ran = false;
    auto progress = [&](std::size_t, std::size_t) { ran = true; };
    auto bad_area = dissolve_suspended("area");
    bad_area.programmes[0].target.areas = {"Q1"};
    try {
        project_scenarios(ca_mau(), baseline_scenario(), {dissolve_suspended(), bad_area}, options(), progress);
        FAIL() << "an unknown area code must be refused";
    } catch (const Error& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "programmes[0].target.areas[0]");
    }
    EXPECT_THROW(project_scenarios(ca_mau(), baseline_scenario(), {dissolve_suspended(), dissolve_suspended()},
                                   options(), progress),
                 Error);
    EXPECT_THROW(project_scenarios(ca_mau(), baseline_scenario(), {dissolve_suspended("baseline")}, options(), progress),
                 Error);
    EXPECT_FALSE(ran);
    EXPECT_EQ(check(dissolve_suspended(), ca_mau()).size(), 0u);
    EXPECT_EQ(check(bad_area, ca_mau()).size(), 1u);

    // A reform that does not fit the registry's law: a rule the framework does not have.
    auto reform = dissolve_suspended("reform");
    reform.reform = law::Reform{};
    reform.reform->rules["no_such_rule"] = {Dated<std::string>{"2026-01-01"_d, {}, "x", "test", false}};
    const auto problems = check(reform, ca_mau());
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].path.rfind("reform", 0), 0u) << problems[0].path;
    EXPECT_THROW(project_scenarios(ca_mau(), baseline_scenario(), {reform}, options(), progress), Error);
    EXPECT_FALSE(ran);
}

TEST(ProjectionTables, OneTablePerIndicatorWithEveryScenarioAtEveryDateAndTheBaselineWithoutDifference) {
    const auto p = project_scenarios(ca_mau(), baseline_scenario(), {dissolve_suspended()}, options());
    const auto tables = projection_tables(p);
    ASSERT_EQ(tables.size(), standard_indicator_ids().size());
    const auto& t = tables[0];
    EXPECT_EQ(t.id, "organizations");
    ASSERT_EQ(t.rows(), 4u);  // 2 scenarios × 2 dates (6 and 12 months)
    EXPECT_EQ(t.keys[0].cells[0].code, "baseline");
    EXPECT_EQ(t.keys[1].cells[1].code, "2026-12-31");
    EXPECT_EQ(t.keys[0].cells[3].code, "dissolve");
    EXPECT_TRUE(std::isnan(t.column("difference_p50").reals[0]));
    const auto& q = p.outcomes[1].results.quantiles;
    EXPECT_EQ(t.column("p50").reals[3], q.p50[q.find("2026-12-31"_d, "organizations")]);
    const auto& d = p.outcomes[1].difference_quantiles;
    EXPECT_EQ(t.column("difference_p95").reals[3], d.p95[d.find("2026-12-31"_d, "organizations")]);

    const auto tidy = projection_table(p);
    EXPECT_EQ(tidy.rows(), 4u * standard_indicator_ids().size());
    EXPECT_EQ(tidy.keys[0].cells.back().code, "members_per_cooperative");
}

TEST(Difference, PairsRowsByRunDateIndicatorAndGroupWhateverTheDictionaryOrder) {
    SeriesTable base, scen;
    base.indicator_ids = {"a", "b"};
    base.group_codes = {"total"};
    scen.indicator_ids = {"b", "a"};
    scen.group_codes = {"total"};
    for (const auto& [table, first] : {std::pair{&base, 10.0}, std::pair{&scen, 100.0}}) {
        for (std::uint16_t ind = 0; ind < 2; ++ind) {
            table->run.push_back(0);
            table->seed.push_back(1);
            table->date.push_back("2026-01-31"_d);
            table->indicator.push_back(ind);
            table->group.push_back(0);
            table->value.push_back(first + ind);
        }
    }
    const auto d = difference(base, scen);
    // scenario b (100) − baseline b (11); scenario a (101) − baseline a (10).
    EXPECT_EQ(d.value, (std::vector<double>{89, 91}));
    EXPECT_EQ(d.indicator_ids, scen.indicator_ids);
}

}  // namespace projection_tests
}  // namespace coopecon::simulation
