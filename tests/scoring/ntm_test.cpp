// New Rural Development criterion 13.1 per commune: an effective cooperative (by default rated good or fair,
// UNCONFIRMED), a caller's predicate, the older criterion under QĐ 1980/QĐ-TTg, communes merged by the crosswalk.

#include <coopecon/scoring/ntm.hpp>

#include "fixture.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;
using scoring::CommuneResult;

Registry ntm_communes() {
    auto reg = registry_with_communes();
    reg.add(std::vector<OrganizationRecord>{
        cooperative("fair-X1").area("X1").registered("2020-01-01"_d).then(assessed("2024-03-01"_d, 2023, 65)),
        cooperative("average-X1").area("X1").registered("2020-01-01"_d).then(assessed("2024-03-01"_d, 2023, 64)),
        cooperative("average-X2").area("X2").registered("2020-01-01"_d).then(assessed("2024-03-01"_d, 2023, 64)),
        cooperative("new-X2").area("X2").registered("2023-06-01"_d).then(assessed("2024-03-01"_d, 2023, 95)),
        cooperative("good-X3")
            .area("X3")
            .registered("2020-01-01"_d)
            .then(assessed("2024-03-01"_d, 2023, 85))
            .then(ev::suspended("2023-12-01"_d, "2024-01-31"_d)),
        cooperative_group("group-X3").area("X3").registered("2020-01-01"_d),
        cooperative("province-seat").registered("2020-01-01"_d).then(assessed("2024-03-01"_d, 2023, 95)),
    });
    return reg;
}

std::vector<std::string> commune_rows(const std::vector<CommuneResult>& results) {
    std::vector<std::string> out;
    for (const auto& r : results) {
        std::string effective;
        for (const auto& id : r.effective_organizations) effective += " " + id;
        out.push_back(r.commune + " " + std::to_string(r.cooperatives) + "/" + std::to_string(r.active) + "/" +
                      std::to_string(r.rated) + "/" + std::to_string(r.effective) + (r.meets ? " meets" : " fails") +
                      effective);
    }
    return out;
}

TEST(Ntm, QD318_13_1_AnEffectiveCooperativeIsRatedGoodOrFairNotAverage) {
    const auto results = scoring::ntm_13_1(ntm_communes(), 2023);
    // X2: the new cooperative is not rated (under 12 months), the other is average. X3: the good cooperative is
    // suspended at the end of the year; the group does not count.
    EXPECT_EQ(commune_rows(results), (std::vector<std::string>{"X1 2/2/2/1 meets fair-X1", "X2 2/2/1/0 fails", "X3 1/0/0/0 fails"}));
    const auto& x1 = results[0];
    EXPECT_EQ(x1.name, "Xã Một");
    EXPECT_TRUE(x1.unconfirmed);
    EXPECT_EQ(x1.legal_basis, "QĐ 318/QĐ-TTg (2022-03-08), national New Rural Development criteria 2021–2025, criterion 13");
    EXPECT_TRUE(x1.reason.starts_with("1 of 2 active cooperatives effective (good, fair: \"Hoạt động hiệu quả\" is not "
                                      "defined in a retrieved source (UNCONFIRMED);"))
        << x1.reason;
    EXPECT_TRUE(x1.reason.ends_with("; at least 1 (QĐ 318/QĐ-TTg (2022) criterion 13.1 (text not retrieved: "
                                    "UNCONFIRMED), UNCONFIRMED) needed"))
        << x1.reason;
}

TEST(Ntm, EffectiveClassesAreData) {
    const auto good_only = scoring::with_effective(*scoring::vietnam(), {scoring::ClassificationClass::good});
    EXPECT_EQ(commune_rows(scoring::ntm_13_1(ntm_communes(), 2023, good_only)),
              (std::vector<std::string>{"X1 2/2/2/0 fails", "X2 2/2/1/0 fails", "X3 1/0/0/0 fails"}));
    const auto with_average = scoring::with_effective(
        *scoring::vietnam(), {scoring::ClassificationClass::good, scoring::ClassificationClass::fair,
                              scoring::ClassificationClass::average});
    EXPECT_EQ(commune_rows(scoring::ntm_13_1(ntm_communes(), 2023, with_average)),
              (std::vector<std::string>{"X1 2/2/2/2 meets fair-X1 average-X1", "X2 2/2/1/1 meets average-X2",
                                        "X3 1/0/0/0 fails"}));
}

TEST(Ntm, ACallersPredicate) {
    const auto at_least_60 = [](const scoring::Classification& c) { return c.points && *c.points >= 60; };
    const auto results = scoring::ntm_13_1(ntm_communes(), 2023, *scoring::vietnam(), at_least_60);
    EXPECT_EQ(commune_rows(results), (std::vector<std::string>{"X1 2/2/2/2 meets fair-X1 average-X1",
                                                       "X2 2/2/1/2 meets average-X2 new-X2", "X3 1/0/0/0 fails"}));
    EXPECT_TRUE(results[0].reason.starts_with("2 of 2 active cooperatives effective by the caller's predicate"));
}

TEST(Ntm, QD1980_13_1_BeforeQd318AnyCooperativeOperatingUnderTheLawCounted) {
    const auto results = scoring::ntm_13_1(ntm_communes(), 2021);
    EXPECT_EQ(commune_rows(results), (std::vector<std::string>{"X1 2/2/0/2 meets fair-X1 average-X1",
                                                       "X2 1/1/0/1 meets average-X2", "X3 1/1/0/1 meets good-X3"}));
}

TEST(Ntm, MergedCommunesCountUnderTheirSuccessor) {
    auto reg = registry_with_communes();
    reg.add(std::vector<OrganizationRecord>{
        cooperative("good-X3").area("X3").registered("2020-01-01"_d).then(assessed("2026-03-01"_d, 2025, 85)),
    });
    EXPECT_EQ(commune_rows(scoring::ntm_13_1(reg, 2025)), (std::vector<std::string>{"X1 1/1/1/1 meets good-X3"}));
    EXPECT_THROW(scoring::ntm_13_1(reg, 2015), Error);
}

}  // namespace
