// Reforms: splicing dated periods into a framework (as OpenFisca's Parameter.update), validation of the whole
// reform before anything is built (every problem, with exact messages and file:line:column), the original
// framework left untouched, and the example reforms of data/reforms/ and docs/reforms.md.

#include <coopecon/compliance/check.hpp>
#include <coopecon/law/framework_check.hpp>
#include <coopecon/law/framework_json.hpp>
#include <coopecon/law/reform.hpp>
#include <coopecon/law/reform_json.hpp>

#include <support/builders.hpp>
#include <support/registry_checks.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;
using law::Param;
using ::testing::HasSubstr;

const std::filesystem::path repository_dir = COOPECON_SOURCE_DIR;

/// A reform of one parameter's periods, as JSON text.
std::string reform_text(std::string_view param, std::string_view periods) {
    return R"({"format": "coopecon-reform", "version": 1, "title": "test", "parameters": {")" + std::string(param) +
           R"(": )" + std::string(periods) + "}}";
}

std::string period(std::string_view from, std::string_view until, std::string_view value) {
    return R"({"from": ")" + std::string(from) + R"(", "until": )" +
           (until.empty() ? std::string("null") : "\"" + std::string(until) + "\"") + R"(, "value": )" +
           std::string(value) + R"(, "reference": "r", "unconfirmed": false})";
}

/// The problems of reading and applying `text` to the Vietnamese framework; empty when it applies.
Problems problems_of(const std::string& text) {
    try {
        law::apply_reform(*law::vietnam(), text, "reform.json");
    } catch (const Error& e) {
        return e.problems();
    }
    return {};
}

/// The one problem of `text`, or a failure.
Problem the_problem(const std::string& text) {
    const auto problems = problems_of(text);
    EXPECT_EQ(problems.size(), 1u) << (problems.empty() ? "no problem" : Error(problems).what());
    return problems.empty() ? Problem{} : problems.front();
}

/// Values and their periods as "from..until=value" lines, for whole-timeline comparisons.
std::vector<std::string> periods_of(const law::Framework& f, Param p) {
    std::vector<std::string> out;
    for (const auto& d : f.timeline(p).periods())
        out.push_back(d.from.iso() + ".." + (d.until ? d.until->iso() : "") + "=" + std::to_string(d.value));
    return out;
}

// ---- splicing -----------------------------------------------------------------------------------------------

TEST(Reform, AnOpenEndedPeriodReplacesEverythingFromItsFirstDay) {
    const auto f = law::apply_reform(*law::vietnam(),
                                     reform_text("min_members_cooperative", "[" + period("2026-01-01", "", "7") + "]"),
                                     "r.json");
    EXPECT_EQ(periods_of(f, Param::min_members_cooperative),
              (std::vector<std::string>{"2013-07-01..2024-06-30=7", "2024-07-01..2025-12-31=5", "2026-01-01..=7"}));
    EXPECT_EQ(f.value(Param::min_members_cooperative, "2025-12-31"_d), 5);
    EXPECT_EQ(f.value(Param::min_members_cooperative, "2026-01-01"_d), 7);
    EXPECT_EQ(f.entry(Param::min_members_cooperative, "2026-01-01"_d)->reference, "r");
    EXPECT_EQ(f.entry(Param::min_members_cooperative, "2025-01-01"_d)->reference, "Law 17/2023/QH15 Art 4.7");
}

TEST(Reform, AClosedPeriodCutsTheLawInForceAndTheLawResumesAfterIt) {
    const auto f = law::apply_reform(
        *law::vietnam(), reform_text("min_members_cooperative", "[" + period("2026-01-01", "2026-12-31", "6") + "]"),
        "r.json");
    EXPECT_EQ(periods_of(f, Param::min_members_cooperative),
              (std::vector<std::string>{"2013-07-01..2024-06-30=7", "2024-07-01..2025-12-31=5",
                                        "2026-01-01..2026-12-31=6", "2027-01-01..=5"}));
    EXPECT_EQ(f.entry(Param::min_members_cooperative, "2027-01-01"_d)->reference, "Law 17/2023/QH15 Art 4.7");
}

TEST(Reform, SeveralContiguousPeriodsAreSplicedTogether) {
    const auto f = law::apply_reform(*law::vietnam(),
                                     reform_text("min_members_cooperative",
                                                 "[" + period("2027-01-01", "", "7") + ", " +
                                                     period("2026-01-01", "2026-12-31", "6") + "]"),
                                     "r.json");
    EXPECT_EQ(periods_of(f, Param::min_members_cooperative),
              (std::vector<std::string>{"2013-07-01..2024-06-30=7", "2024-07-01..2025-12-31=5",
                                        "2026-01-01..2026-12-31=6", "2027-01-01..=7"}));
}

TEST(Reform, APeriodCoveringSeveralOfTheLawsReplacesThemAll) {
    const auto f = law::apply_reform(*law::vietnam(),
                                     reform_text("min_members_cooperative", "[" + period("2010-01-01", "", "9") + "]"),
                                     "r.json");
    EXPECT_EQ(periods_of(f, Param::min_members_cooperative), (std::vector<std::string>{"2010-01-01..=9"}));
}

TEST(Reform, APeriodInsideOneOfTheLawsSplitsIt) {
    const auto f = law::apply_reform(
        *law::vietnam(), reform_text("min_members_cooperative", "[" + period("2020-01-01", "2020-12-31", "6") + "]"),
        "r.json");
    EXPECT_EQ(periods_of(f, Param::min_members_cooperative),
              (std::vector<std::string>{"2013-07-01..2019-12-31=7", "2020-01-01..2020-12-31=6",
                                        "2021-01-01..2024-06-30=7", "2024-07-01..=5"}));
}

TEST(Reform, RulesAndRegimesAreSplicedToo) {
    const auto f = law::apply_reform_file(*law::vietnam(), repository_dir / "data/reforms/new-law-2026.json");
    EXPECT_EQ(f.regime("2026-06-30"_d)->id, "law_2023");
    EXPECT_EQ(f.regime("2026-07-01"_d)->id, "law_2026");
    EXPECT_EQ(f.value(Param::min_members_cooperative, "2026-07-01"_d), 3);
    const auto g = law::apply_reform_file(*law::vietnam(), repository_dir / "data/reforms/grace-periods-2026-2027.json");
    EXPECT_EQ(g.basis("compliance.below_minimum_members", "2026-03-01"_d),
              "Law 17/2023/QH15 Art 103.1d as amended by a hypothetical reform");
    EXPECT_EQ(g.basis("compliance.below_minimum_members", "2028-01-01"_d),
              "Law 17/2023/QH15 Art 103.1d; Decree 92/2024/NĐ-CP Art 53");
    EXPECT_EQ(g.value(Param::no_annual_assembly_months, "2027-06-01"_d), 21);
    EXPECT_EQ(g.value(Param::no_annual_assembly_months, "2028-01-01"_d), 18);
}

TEST(Reform, TheOriginalFrameworkIsUntouched) {
    const auto base = law::vietnam();
    const std::string before = law::write_framework(*base);
    const auto reformed = law::apply_reform_file(*base, repository_dir / "data/reforms/min-members-seven-from-2026.json");
    EXPECT_EQ(law::write_framework(*base), before);
    EXPECT_EQ(base->value(Param::min_members_cooperative, "2030-01-01"_d), 5);
    EXPECT_EQ(reformed.value(Param::min_members_cooperative, "2030-01-01"_d), 7);
    EXPECT_EQ(reformed.title(), base->title() + " + reform: Hypothetical: seven official members again from 2026");
    // Everything the reform does not name is the base's.
    for (const Param p : enum_values<Param>()) {
        if (p == Param::min_members_cooperative) continue;
        EXPECT_TRUE(reformed.timeline(p) == base->timeline(p)) << enum_name(p);
    }
    EXPECT_EQ(reformed.rules().size(), base->rules().size());
}

TEST(Reform, AReformBuiltInCodeIsCheckedTheSameWay) {
    law::Reform r;
    r.parameters[Param::capital_cap_months] = {Dated<std::int64_t>{"2026-01-01"_d, std::nullopt, -1, "r", false}};
    try {
        law::apply(*law::vietnam(), r);
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "parameters.capital_cap_months[0].value");
        EXPECT_EQ(e.problems()[0].message, "a number of months must be from 0 to 1200, not -1");
    }
    EXPECT_EQ(law::check(r).size(), 1u);
}

TEST(Reform, AReformChangesTheComplianceCheckFromItsDate) {
    auto law = std::make_shared<const law::Framework>(
        law::apply_reform_file(*law::vietnam(), repository_dir / "data/reforms/grace-periods-2026-2027.json"));
    Registry reg(law, vietnam_areas());
    reg.add(cooperative("htx").registered("2025-06-02"_d).then(ev::members_joined("2025-06-02"_d, 4)));
    // Counted from 2025-06-03: 12 months would end on 2026-06-02; in 2026 the reform asks 18, which end on
    // 2026-12-02, so the ground exists from 2026-12-03.
    std::optional<compliance::Finding> f;
    for (auto& x : compliance::check(reg, "2026-12-03"_d))
        if (x.rule == "compliance.below_minimum_members") f = x;
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, compliance::Severity::due);
    EXPECT_EQ(f->threshold, "2026-12-03"_d);
    EXPECT_EQ(f->months, 18);
    EXPECT_EQ(f->legal_basis, "Law 17/2023/QH15 Art 103.1d as amended by a hypothetical reform");
}

// ---- validation, with exact messages -------------------------------------------------------------------------

TEST(Reform, OverlappingPeriodsAreRefused) {
    const auto p = the_problem(reform_text("min_members_cooperative", "[" + period("2026-01-01", "2026-12-31", "6") +
                                                                          ", " + period("2026-06-01", "", "7") + "]"));
    EXPECT_EQ(p.message, "period from 2026-06-01 overlaps the period from 2026-01-01 to 2026-12-31");
    EXPECT_EQ(p.path, "parameters.min_members_cooperative[1]");
    EXPECT_EQ(p.file, "reform.json");
    EXPECT_EQ(p.line, 1);
}

TEST(Reform, GapsBetweenTheReformsPeriodsAreRefused) {
    const auto p = the_problem(reform_text("min_members_cooperative", "[" + period("2026-01-01", "2026-12-31", "6") +
                                                                          ", " + period("2027-07-01", "", "7") + "]"));
    EXPECT_EQ(p.message, "gap: nothing is in force from 2027-01-01 to 2027-06-30");
    EXPECT_EQ(p.path, "parameters.min_members_cooperative[1]");
}

TEST(Reform, APeriodEndingBeforeItStartsIsRefused) {
    const auto p = the_problem(reform_text("min_members_cooperative", "[" + period("2026-01-01", "2025-12-31", "6") + "]"));
    EXPECT_EQ(p.message, "period ends (2025-12-31) before it starts (2026-01-01)");
    EXPECT_EQ(p.path, "parameters.min_members_cooperative[0]");
}

TEST(Reform, ImpossibleValuesAreRefused) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"below_minimum_members_months", "a number of months must be from 0 to 1200, not -3"},
        {"max_foreign_capital_percent", "a percentage must be from 0 to 100, not 120"},
        {"min_members_union", "a minimum number of members must be from 1 to 1000000, not 0"},
        {"authority_dissolution_allowed", "a flag must be 0 or 1, not 2"},
        {"suspension_notice_working_days", "a number of working days must be from 0 to 36600, not -1"},
        {"group_suspension_notice_min_days", "a number of days must be from 0 to 36600, not 40000"},
    };
    const std::vector<std::string> values{"-3", "120", "0", "2", "-1", "40000"};
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto p = the_problem(reform_text(cases[i].first, "[" + period("2026-01-01", "", values[i]) + "]"));
        EXPECT_EQ(p.message, cases[i].second);
        EXPECT_EQ(p.path, "parameters." + cases[i].first + "[0].value");
        EXPECT_EQ(p.code, ErrorCode::invalid_value);
    }
}

TEST(Reform, UnknownParametersKeysAndRulesAreRefused) {
    auto p = the_problem(reform_text("min_member_cooperative", "[" + period("2026-01-01", "", "7") + "]"));
    EXPECT_EQ(p.code, ErrorCode::unknown_name);
    EXPECT_THAT(p.message, HasSubstr("unknown parameter \"min_member_cooperative\"; the parameters are: "
                                     "min_members_cooperative_group, min_members_cooperative, "));
    p = the_problem(R"({"format": "coopecon-reform", "version": 1, "title": "t", "paramters": {}})");
    EXPECT_EQ(p.code, ErrorCode::unknown_field);
    EXPECT_EQ(p.message, "unknown key \"paramters\"; allowed keys: format, version, title, parameters, rules, regimes; "
              "did you mean parameters?");
    p = the_problem(R"({"format": "coopecon-reform", "version": 1, "title": "t", "rules": {"compliance.nope": [)" +
                    period("2026-01-01", "", "\"Art 1\"") + "]}}");
    EXPECT_EQ(p.code, ErrorCode::unknown_name);
    EXPECT_EQ(p.path, "rules[\"compliance.nope\"]");
    EXPECT_EQ(p.message, "unknown rule compliance.nope: a reform can give the legal basis of a rule of the transition "
                         "table, a compliance rule or a rule of the framework");
}

TEST(Reform, WrongTypesMissingKeysAndEmptyListsAreRefused) {
    auto p = the_problem(reform_text("capital_cap_months", "[" + period("2026-01-01", "", "\"twelve\"") + "]"));
    EXPECT_EQ(p.message, "expected a whole number, got a string");
    EXPECT_EQ(p.path, "parameters.capital_cap_months[0].value");
    p = the_problem(reform_text("capital_cap_months", "[]"));
    EXPECT_EQ(p.message, "no periods: a reform gives at least one period for each entry it names");
    p = the_problem(R"({"format": "coopecon-reform", "version": 1})");
    EXPECT_EQ(p.message, "missing required key \"title\"");
    p = the_problem(R"({"format": "coopecon-law", "version": 1})");
    EXPECT_EQ(p.message, "expected \"coopecon-reform\", got \"coopecon-law\": this is not a coopecon-reform file");
    p = the_problem(R"({"format": "coopecon-reform", "version": 2, "title": "t"})");
    EXPECT_EQ(p.message, "unsupported version 2: this library reads coopecon-reform version 1");
    p = the_problem("{\"format\": ");
    EXPECT_EQ(p.code, ErrorCode::syntax);
}

TEST(Reform, AGapBetweenTheReformAndTheLawIsRefusedWithItsPlaceInTheFile) {
    const auto path = repository_dir / "tests/law/reforms/gap_before_the_law.json";
    try {
        law::apply_reform_file(*law::vietnam(), path);
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        ASSERT_EQ(e.problems().size(), 2u) << e.what();
        const auto& gap = e.problems()[0];
        EXPECT_EQ(gap.message, "nothing would be in force from 2021-01-01 to 2024-06-30: the reform's periods and the "
                               "framework's must meet");
        EXPECT_EQ(gap.path, "parameters.suspension_notice_working_days");
        EXPECT_EQ(gap.file, path.string());
        EXPECT_EQ(gap.line, 6);
        EXPECT_EQ(gap.column, 39);
        EXPECT_EQ(e.problems()[1].path, "rules[\"compliance.no_such_rule\"]");
        EXPECT_EQ(e.problems()[1].line, 11);
    }
}

TEST(Reform, EveryProblemOfAFileIsReportedAtOnceInFileOrder) {
    const auto path = repository_dir / "tests/law/reforms/several_problems.json";
    try {
        law::read_reform_file(path);
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        std::vector<std::string> lines;
        for (const auto& p : e.problems())
            lines.push_back(std::to_string(p.line) + ":" + std::to_string(p.column) + " " + p.path + ": " + p.message);
        EXPECT_EQ(lines, (std::vector<std::string>{
                             "7:54 parameters.below_minimum_members_months[0].value: a number of months must be from 0 "
                             "to 1200, not -3",
                             "10:54 parameters.max_foreign_capital_percent[0].value: a percentage must be from 0 to "
                             "100, not 120",
                             "13:54 parameters.min_members_union[0].value: a minimum number of members must be from 1 "
                             "to 1000000, not 0",
                             "16:54 parameters.authority_dissolution_allowed[0].value: a flag must be 0 or 1, not 2",
                             "20:7 parameters.min_members_cooperative[1]: period from 2026-06-01 overlaps the period "
                             "from 2026-01-01 to 2026-12-31",
                             "24:7 parameters.special_resolution_percent[1]: gap: nothing is in force from 2027-01-01 "
                             "to 2027-06-30",
                             "26:31 parameters.min_member_cooperative: unknown parameter \"min_member_cooperative\"; "
                             "the parameters are: " + enum_names_list<Param>(),
                             "30:54 parameters.capital_cap_months[0].value: expected a whole number, got a string",
                             "32:29 parameters.not_operating_months: no periods: a reform gives at least one period "
                             "for each entry it names",
                             "34:3 rulez: unknown key \"rulez\"; allowed keys: format, version, title, parameters, "
                             "rules, regimes; did you mean rules?",
                         }));
        EXPECT_EQ(e.problems().front().file, path.string());
    }
}

TEST(Reform, AnUnreadableFileIsAnIoError) {
    try {
        law::read_reform_file(repository_dir / "tests/law/reforms/no-such-file.json");
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::io);
    }
}

// ---- the example reforms ---------------------------------------------------------------------------------------

TEST(Reform, EveryExampleReformInDataReformsApplies) {
    std::size_t n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(repository_dir / "data/reforms")) {
        if (entry.path().extension() != ".json") continue;
        ++n;
        EXPECT_NO_THROW(law::apply_reform_file(*law::vietnam(), entry.path())) << entry.path();
    }
    EXPECT_GE(n, 3u);
}

// ---- frameworks from files ---------------------------------------------------------------------------------

TEST(Framework, AFrameworkFileIsCheckedForImpossibleValues) {
    auto text = law::write_framework(*law::vietnam());
    EXPECT_NO_THROW(law::read_checked_framework(text, "law.json"));
    const std::string from = "\"value\": 65,";
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, from.size(), "\"value\": 165,");
    try {
        law::read_checked_framework(text, "law.json");
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "parameters.special_resolution_percent[1].value");
        EXPECT_EQ(e.problems()[0].message, "a percentage must be from 0 to 100, not 165");
        EXPECT_GT(e.problems()[0].line, 0);
    }
}

TEST(Framework, TheEmbeddedFrameworkHasOnlyPossibleValues) {
    EXPECT_TRUE(law::check_values(*law::vietnam()).empty());
}

}  // namespace
