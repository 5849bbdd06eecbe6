// docs/legal-rules.md and docs/reforms.md cannot rot: the first must name every parameter and every compliance rule,
// and every test either names must exist; the reform example of the second must load and apply as it says.

#include <coopecon/core/enum_text.hpp>
#include <coopecon/law/compliance_rule.hpp>
#include <coopecon/law/framework_json.hpp>
#include <coopecon/law/parameter.hpp>
#include <coopecon/law/reform_json.hpp>

#include <support/builders.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;

const std::filesystem::path doc_source_dir = COOPECON_SOURCE_DIR;

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// "Suite.Test" for every TEST and TEST_F under tests/. (Read by hand: std::regex trips GCC 12's
/// -Wmaybe-uninitialized in the sanitizer build.)
std::set<std::string> all_tests() {
    std::set<std::string> out;
    for (const auto& layer : std::filesystem::directory_iterator(doc_source_dir / "tests")) {
        if (!layer.is_directory()) continue;
        for (const auto& entry : std::filesystem::directory_iterator(layer.path())) {
            if (entry.path().extension() != ".cpp") continue;
            const auto text = slurp(entry.path());
            for (auto at = text.find("TEST"); at != std::string::npos; at = text.find("TEST", at + 4)) {
                auto open = at + 4;
                if (text.compare(open, 2, "_F") == 0) open += 2;
                if (open >= text.size() || text[open] != '(' || (at > 0 && word_char(text[at - 1]))) continue;
                const auto comma = text.find(',', open);
                const auto close = text.find(')', open);
                if (comma == std::string::npos || close == std::string::npos || close < comma) continue;
                auto trim = [](std::string s) {
                    const auto b = s.find_first_not_of(" \n");
                    const auto e = s.find_last_not_of(" \n");
                    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
                };
                out.insert(trim(text.substr(open + 1, comma - open - 1)) + "." +
                           trim(text.substr(comma + 1, close - comma - 1)));
            }
        }
    }
    return out;
}

/// Every `Suite.Test` in backquotes in `doc`: a capitalised word, a dot, a capitalised word.
std::vector<std::string> named_tests(const std::string& doc) {
    std::vector<std::string> out;
    for (auto open = doc.find('`'); open != std::string::npos;) {
        const auto close = doc.find('`', open + 1);
        if (close == std::string::npos) break;
        const auto name = doc.substr(open + 1, close - open - 1);
        const auto dot = name.find('.');
        const bool shaped = dot != std::string::npos && dot > 0 && dot + 1 < name.size() &&
                            name[0] >= 'A' && name[0] <= 'Z' && name[dot + 1] >= 'A' && name[dot + 1] <= 'Z' &&
                            std::all_of(name.begin(), name.end(), [](char c) { return word_char(c) || c == '.'; });
        if (shaped) out.push_back(name);
        open = doc.find('`', close + 1);
    }
    return out;
}

TEST(LegalRulesDoc, NamesEveryParameter) {
    const auto doc = slurp(doc_source_dir / "docs/legal-rules.md");
    for (const law::Param p : enum_values<law::Param>())
        EXPECT_NE(doc.find("| `" + std::string(enum_name(p)) + "` |"), std::string::npos)
            << enum_name(p) << " has no row in docs/legal-rules.md";
}

TEST(LegalRulesDoc, NamesEveryComplianceRule) {
    const auto doc = slurp(doc_source_dir / "docs/legal-rules.md");
    for (const law::Rule r : enum_values<law::Rule>())
        EXPECT_NE(doc.find("| `" + std::string(law::info(r).id) + "` |"), std::string::npos)
            << law::info(r).id << " has no row in docs/legal-rules.md";
}

TEST(LegalRulesDoc, EveryTestItNamesExists) {
    const auto doc = slurp(doc_source_dir / "docs/legal-rules.md");
    const auto tests = all_tests();
    std::size_t n = 0;
    for (const auto& name : named_tests(doc)) {
        ++n;
        EXPECT_TRUE(tests.count(name)) << name
            << " is named in docs/legal-rules.md but is not a test under tests/";
    }
    EXPECT_GT(n, 50u);
}

TEST(LegalRulesDoc, EveryComplianceRuleHasALegalBasisUnderThe2023Law) {
    const auto law = law::vietnam();
    for (const law::Rule r : enum_values<law::Rule>())
        EXPECT_FALSE(law->basis(law::info(r).id, "2024-07-01"_d).empty()) << law::info(r).id;
}

TEST(ReformsDoc, TheExampleLoadsAndApplies) {
    const auto doc = slurp(doc_source_dir / "docs/reforms.md");
    const std::string open = "```json\n";
    const auto start = doc.find(open);
    ASSERT_NE(start, std::string::npos) << "docs/reforms.md has no JSON example";
    const auto end = doc.find("```", start + open.size());
    ASSERT_NE(end, std::string::npos);
    const auto example = doc.substr(start + open.size(), end - start - open.size());
    const auto f = law::apply_reform(*law::vietnam(), example, "docs/reforms.md");
    EXPECT_EQ(f.value(law::Param::min_members_cooperative, "2025-12-31"_d), 5);
    EXPECT_EQ(f.value(law::Param::min_members_cooperative, "2026-01-01"_d), 7);
    EXPECT_EQ(f.value(law::Param::below_minimum_members_months, "2026-06-01"_d), 18);
    EXPECT_EQ(f.value(law::Param::below_minimum_members_months, "2028-01-01"_d), 12);
    EXPECT_EQ(f.basis("compliance.below_minimum_members", "2026-06-01"_d), "hypothetical Law 2026 Art 9");
}

}  // namespace
