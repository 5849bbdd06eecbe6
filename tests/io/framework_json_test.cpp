// Legal frameworks from JSON: the embedded Vietnamese framework loads once and round-trips; a framework with
// overlapping or gapped timelines, unknown or missing parameters or wrong types is refused with every problem.

#include <coopecon/law/framework_json.hpp>

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace {

using namespace coopecon;
using law::Param;

Date law_date(std::string_view iso) { return *Date::parse(iso); }

std::vector<std::string> framework_refusal(const std::string& text) {
    std::vector<std::string> lines;
    try {
        law::read_framework(text, "law.json");
    } catch (const Error& e) {
        for (const auto& p : e.problems()) lines.push_back(p.to_string());
    }
    return lines;
}

TEST(FrameworkJson, EmbeddedFrameworkLoadsOnceWithItsValues) {
    const auto law = law::vietnam();
    ASSERT_NE(law, nullptr);
    EXPECT_EQ(law, law::vietnam()) << "parsed once and shared";
    EXPECT_EQ(law->value(Param::min_members_cooperative, law_date("2020-01-01")), 7);
    EXPECT_EQ(law->value(Param::min_members_cooperative, law_date("2025-01-01")), 5);
    EXPECT_EQ(law->value(Param::suspension_max_months, law_date("2025-01-01")), 12);
    EXPECT_FALSE(law->value(Param::suspension_max_months, law_date("2020-01-01")));  // no cap under the 2012 Law
    EXPECT_EQ(law->regime(law_date("2023-08-31"))->id, "law_2012");
    EXPECT_EQ(law->regime(law_date("2024-07-01"))->id, "law_2023");
    EXPECT_NE(law->basis("T2", law_date("2025-01-01")).find("Art 96.1"), std::string::npos);
    for (const Param p : enum_values<Param>()) EXPECT_FALSE(law->timeline(p).empty()) << enum_name(p);
}

TEST(FrameworkJson, WriteReadWriteIsByteIdentical) {
    const auto& law = *law::vietnam();
    const std::string written = law::write_framework(law);
    const auto back = law::read_framework(written, "written.json");
    EXPECT_EQ(law::write_framework(back), written);
    EXPECT_EQ(back.title(), law.title());
    EXPECT_TRUE(back.regimes() == law.regimes());
    for (const Param p : enum_values<Param>()) EXPECT_TRUE(back.timeline(p) == law.timeline(p)) << enum_name(p);
    EXPECT_EQ(back.rules().size(), law.rules().size());
    for (const auto& [id, timeline] : law.rules()) EXPECT_TRUE(back.rules().at(id) == timeline) << id;
}

/// A framework document whose first parameters are `first` (one per line, from line 7), followed by every
/// other parameter with a single valid period, except those in `omit`.
std::string framework_text(const std::vector<std::string>& first, const std::set<std::string>& omit,
                           const std::string& rules = "{}") {
    std::string text = R"({
  "format": "coopecon-law",
  "version": 1,
  "title": "test",
  "regimes": [{"from": "2013-07-01", "value": {"id": "x", "title": "X", "title_vi": "X"}, "reference": "", "unconfirmed": false}],
  "parameters": {
)";
    std::vector<std::string> entries = first;
    for (const Param p : enum_values<Param>()) {
        const std::string name(enum_name(p));
        const bool given = std::any_of(first.begin(), first.end(),
                                       [&](const std::string& e) { return e.find("\"" + name + "\"") != std::string::npos; });
        if (!given && !omit.count(name))
            entries.push_back("    \"" + name + R"(": [{"from": "2013-07-01", "value": 1, "reference": "r", "unconfirmed": false}])");
    }
    for (std::size_t i = 0; i < entries.size(); ++i) text += entries[i] + (i + 1 < entries.size() ? ",\n" : "\n");
    return text + "  },\n  \"rules\": " + rules + "\n}\n";
}

TEST(FrameworkJson, AValidDocumentLoads) {
    const auto f = law::read_framework(framework_text({}, {}), "law.json");
    EXPECT_EQ(f.value(Param::capital_cap_months, law_date("2030-01-01")), 1);
}

TEST(FrameworkJson, EveryProblemIsReportedBeforeAnythingIsBuilt) {
    const std::vector<std::string> first{
        R"(    "min_members_cooperative": [{"from": "2013-07-01", "until": "2024-06-30", "value": 7, "reference": "a", "unconfirmed": false}, {"from": "2024-06-01", "value": 5, "reference": "b", "unconfirmed": false}])",
        R"(    "min_members_union": [{"from": "2013-07-01", "until": "2024-06-30", "value": 4, "reference": "a", "unconfirmed": false}, {"from": "2024-08-01", "value": 3, "reference": "b", "unconfirmed": false}])",
        R"(    "suspension_max_months": [{"from": "2024-07-01", "value": "12", "reference": "a", "unconfirmed": false}])",
        R"(    "min_members_cooperatives": [])",
        R"(    "not_operating_months": [{"from": "2025-01-01", "until": "2024-12-31", "value": 12, "reference": "a", "unconfirmed": false}])",
    };
    const std::string rules =
        R"({"T1": [{"from": "2013-07-01", "value": "Law 23/2012/QH13 Art 24", "reference": "", "unconfirmed": false}, {"from": "2024-07-01", "value": "Law 17/2023/QH15 Art 39", "reference": "", "unconfirmed": false}]})";
    const auto lines = framework_refusal(framework_text(first, {"capital_cap_months", "max_foreign_capital_percent"}, rules));
    EXPECT_EQ(lines,
              (std::vector<std::string>{
                  "law.json:6:17: parameters.capital_cap_months: missing parameter \"capital_cap_months\" (consecutive "
                  "months over a capital-contribution cap that make a ground)",
                  "law.json:6:17: parameters.max_foreign_capital_percent: missing parameter "
                  "\"max_foreign_capital_percent\" (foreign investors together, share of charter capital)",
                  "law.json:7:132: parameters.min_members_cooperative[1]: period from 2024-06-01 overlaps the period "
                  "from 2013-07-01 to 2024-06-30",
                  "law.json:8:126: parameters.min_members_union[1]: gap: nothing is in force from 2024-07-01 to "
                  "2024-07-31",
                  "law.json:9:63: parameters.suspension_max_months[0].value: expected a whole number, got a string",
                  "law.json:10:33: parameters.min_members_cooperatives: unknown parameter \"min_members_cooperatives\"; "
                  "the parameters are: " + enum_names_list<Param>(),
                  "law.json:11:30: parameters.not_operating_months[0]: period ends (2024-12-31) before it starts "
                  "(2025-01-01)",
                  "law.json:" + std::to_string(enum_count<Param> + 7) +
                      ":119: rules.T1[1]: period from 2024-07-01 overlaps the period from 2013-07-01 (open-ended)",
              }));
}

TEST(FrameworkJson, WrongFormatOrVersionStopsEarly) {
    std::string text = framework_text({}, {});
    EXPECT_EQ(framework_refusal(std::string(text).replace(text.find("coopecon-law"), 12, "coopecon-registry")),
              (std::vector<std::string>{"law.json:2:13: format: expected \"coopecon-law\", got \"coopecon-registry\": "
                                        "this is not a coopecon-law file"}));
    EXPECT_EQ(framework_refusal(std::string(text).replace(text.find("\"version\": 1"), 12, "\"version\": 1.5")),
              (std::vector<std::string>{"law.json:3:14: version: expected a whole number, got 1.5"}));
    EXPECT_EQ(framework_refusal("[]"), (std::vector<std::string>{"law.json:1:1: expected an object, got an array"}));
}

}  // namespace
