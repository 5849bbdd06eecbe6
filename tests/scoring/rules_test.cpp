// The scoring rules as data: the embedded file loads, every number cites its basis, the UNCONFIRMED values are
// flagged and listed, replacements are checked, and damaged rules are refused with their field paths.

#include <coopecon/scoring/rules.hpp>

#include "fixture.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;
using namespace coopecon::scoring;

const SchemeRules& tt01_rules(const Rules& r, int year = 2023) { return scheme_for_year(r, ClassificationScheme::tt01_2020, year)->value; }
const SchemeRules& tt09_rules(const Rules& r, int year = 2023) { return scheme_for_year(r, ClassificationScheme::tt09_2017, year)->value; }

std::vector<std::int32_t> criterion_maxima(const SchemeRules& s) {
    std::vector<std::int32_t> out;
    for (const auto& c : s.criteria) out.push_back(c.max_points.value);
    return out;
}

TEST(ScoringRules, ThongTu01HasFifteenCriteriaOfTheDomainReference) {
    const auto& s = tt01_rules(*vietnam());
    EXPECT_EQ(criterion_maxima(s), (std::vector<std::int32_t>{7, 6, 11, 6, 8, 6, 6, 6, 4, 8, 8, 10, 5, 5, 4}));
    std::vector<std::string> ids, groups;
    for (const auto& c : s.criteria) {
        ids.push_back(c.id);
        groups.push_back(c.group);
        EXPECT_FALSE(c.max_points.reference.empty()) << c.id;
        EXPECT_FALSE(c.label.empty() || c.label_vi.empty()) << c.id;
        // Groups I and II are sourced; group III's split is the project's default.
        EXPECT_EQ(c.max_points.unconfirmed, c.group == "III") << c.id;
    }
    EXPECT_EQ(ids.front(), "TC1");
    EXPECT_EQ(ids.back(), "TC15");
    EXPECT_EQ(s.total_points.value, 100);
    EXPECT_EQ((std::vector<std::int32_t>{s.bands.good.value, s.bands.fair.value, s.bands.average.value}),
              (std::vector<std::int32_t>{80, 65, 50}));
    EXPECT_EQ(s.min_operating_months.value, 12);
    ASSERT_TRUE(s.max_suspended_months);
    EXPECT_EQ(s.max_suspended_months->value, 3);
    EXPECT_FALSE(s.weak_if_sanctioned);
}

TEST(ScoringRules, ThongTu09HasSixCriteriaAllUnconfirmed) {
    const auto& s = tt09_rules(*vietnam());
    const auto m = criterion_maxima(s);
    EXPECT_EQ(m.size(), 6u);
    EXPECT_EQ(std::accumulate(m.begin(), m.end(), 0), 100);
    for (const auto& c : s.criteria) EXPECT_TRUE(c.max_points.unconfirmed) << c.id;
    ASSERT_TRUE(s.weak_if_sanctioned);
    EXPECT_EQ(s.weak_if_sanctioned->value, 1);
    EXPECT_FALSE(s.max_suspended_months);
    EXPECT_EQ(s.scope.sectors, (std::vector<Sector>{Sector::agriculture}));
}

TEST(ScoringRules, NtmAndOcopVersions) {
    const auto& r = *vietnam();
    const auto* old_ntm = r.ntm_13_1.find("2021-12-31"_d);
    const auto* ntm = r.ntm_13_1.find("2023-12-31"_d);
    ASSERT_TRUE(old_ntm && ntm);
    EXPECT_FALSE(old_ntm->value.effective);  // QĐ 1980/QĐ-TTg: any cooperative operating under the Law
    ASSERT_TRUE(ntm->value.effective);
    EXPECT_EQ(ntm->value.effective->classes, (std::vector<ClassificationClass>{ClassificationClass::good, ClassificationClass::fair}));
    EXPECT_TRUE(ntm->value.effective->unconfirmed);
    const auto* ocop = r.ocop.find("2023-02-24"_d);
    ASSERT_TRUE(ocop);
    EXPECT_EQ(ocop->value.parts.a.value, 40);
    EXPECT_EQ(ocop->value.certificate_months.value, 36);
    EXPECT_TRUE(ocop->value.certificate_months.unconfirmed);
    EXPECT_EQ(r.ocop.find("2023-02-23"_d)->value.parts.a.value, 35);  // QĐ 1048/QĐ-TTg
}

TEST(ScoringRules, TheUnconfirmedValuesAreListed) {
    std::vector<std::string> paths;
    for (const auto& f : unconfirmed(*vietnam())) paths.push_back(f.path);
    auto listed = [&](const std::string& p) { return std::find(paths.begin(), paths.end(), p) != paths.end(); };
    EXPECT_TRUE(listed("tt01_2020[0].value.criteria[9].max_points"));   // TC10
    EXPECT_FALSE(listed("tt01_2020[0].value.criteria[8].max_points"));  // TC9, sourced
    EXPECT_TRUE(listed("tt01_2020[1]"));                                // after the 2012 Law expired
    EXPECT_FALSE(listed("tt01_2020[0]"));
    EXPECT_TRUE(listed("tt09_2017[0].value.criteria[5].max_points"));
    EXPECT_TRUE(listed("ntm_13_1[1].value.effective"));
    EXPECT_TRUE(listed("ocop[1].value.bands[0].min_score"));
    EXPECT_TRUE(listed("ocop[1].value.certificate_months"));
    EXPECT_FALSE(listed("ocop[1].value.parts.a"));
}

TEST(ScoringRules, WriteAndReadAgain) {
    const auto text = write_rules(*vietnam());
    const auto again = read_rules(text, "<written>");
    EXPECT_EQ(write_rules(again), text);
    EXPECT_TRUE(again.tt01_2020 == vietnam()->tt01_2020);
    EXPECT_TRUE(again.ocop == vietnam()->ocop);
}

TEST(ScoringRules, ReplacingGroupThreeWeights) {
    const auto r = with_max_points(*vietnam(), ClassificationScheme::tt01_2020,
                                   {{"TC10", 10}, {"TC11", 10}, {"TC12", 8}, {"TC13", 4}, {"TC14", 4}, {"TC15", 4}});
    EXPECT_EQ(criterion_maxima(tt01_rules(r)), (std::vector<std::int32_t>{7, 6, 11, 6, 8, 6, 6, 6, 4, 10, 10, 8, 4, 4, 4}));
    EXPECT_EQ(tt01_rules(r, 2024).criteria[9].max_points.value, 10);  // every version
    EXPECT_EQ(tt01_rules(r).criteria[9].max_points.reference, "set by the caller");
    EXPECT_FALSE(tt01_rules(r).criteria[9].max_points.unconfirmed);
}

TEST(ScoringRules, ReplacementsThatBreakTheRulesAreRefused) {
    try {
        with_max_points(*vietnam(), ClassificationScheme::tt01_2020, {{"TC10", 12}, {"TC99", 1}});
        FAIL() << "not refused";
    } catch (const Error& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].message, "scheme tt01_2020 has no criterion TC99");
    }
    try {
        with_max_points(*vietnam(), ClassificationScheme::tt01_2020, {{"TC10", 12}});
        FAIL() << "not refused";
    } catch (const Error& e) {
        ASSERT_EQ(e.problems().size(), 2u);  // both versions
        EXPECT_EQ(e.problems()[0].path, "tt01_2020[0].value.criteria");
        EXPECT_EQ(e.problems()[0].message,
                  "the criteria's maximum points add up to 104, not the total 100 (Thông tư 01/2020/TT-BKHĐT Phụ lục: "
                  "15 criteria, 100 points (thuvienphapluat.vn summary))");
    }
    EXPECT_THROW(with_bands(*vietnam(), ClassificationScheme::tt09_2017, 60, 65, 50), Error);
    EXPECT_THROW(with_ocop_bands(*vietnam(), {90, 70, 50}), Error);
    EXPECT_THROW(with_ocop_bands(*vietnam(), {90, 95, 50, 30}), Error);
    EXPECT_THROW(with_ocop_certificate_months(*vietnam(), 0), Error);
    EXPECT_THROW(with_effective(*vietnam(), {}), Error);
}

TEST(ScoringRules, DamagedRulesAreRefusedWithLineAndPath) {
    auto text = write_rules(*vietnam());
    const auto at = text.find("\"value\": 80");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 11, "\"value\": 40");  // good from 40, below fair
    try {
        read_rules(text, "rules.json");
        FAIL() << "not refused";
    } catch (const Error& e) {
        ASSERT_FALSE(e.problems().empty());
        const auto& p = e.problems()[0];
        EXPECT_EQ(p.file, "rules.json");
        EXPECT_EQ(p.path, "tt01_2020[0].value.bands");
        EXPECT_GT(p.line, 0);
    }
    EXPECT_THROW(read_rules("{\"format\": \"coopecon-law\", \"version\": 1}", "x.json"), Error);
}

}  // namespace
