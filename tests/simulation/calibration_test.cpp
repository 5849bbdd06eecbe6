// Calibration: the intervals against known values, and known rates recovered from a simulated registry within
// their confidence intervals.

#include <coopecon/simulation/calibration.hpp>
#include <coopecon/simulation/engine.hpp>
#include <coopecon/simulation/profiles.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include <gtest/gtest.h>

namespace coopecon::simulation {
namespace calibration_tests {

TEST(Intervals, ExactPoissonAndWilsonMatchPublishedValues) {
    // Garwood 95 % limits for k = 0, 1, 10 (e.g. Ulm 1990, Table 1): [0, 3.689], [0.0253, 5.572], [4.795, 18.39].
    auto [lo0, hi0] = poisson_interval(0, 1);
    EXPECT_EQ(lo0, 0);
    EXPECT_NEAR(hi0, 3.6889, 1e-3);
    auto [lo1, hi1] = poisson_interval(1, 1);
    EXPECT_NEAR(lo1, 0.0253, 1e-3);
    EXPECT_NEAR(hi1, 5.5716, 1e-3);
    auto [lo10, hi10] = poisson_interval(10, 2);  // per unit of exposure
    EXPECT_NEAR(lo10, 4.7954 / 2, 1e-3);
    EXPECT_NEAR(hi10, 18.390 / 2, 1e-3);
    // Wilson 95 % for 8 of 20: [0.2188, 0.6134].
    auto [wl, wh] = wilson_interval(8, 20);
    EXPECT_NEAR(wl, 0.2188, 1e-3);
    EXPECT_NEAR(wh, 0.6134, 1e-3);
    // None of 18 and all of 3: the bounds at the ends are exact, and the other bound is inside.
    for (const double confidence : {0.95, 0.99, 0.999}) {
        const auto [l0, h0] = wilson_interval(0, 18, confidence);
        EXPECT_EQ(l0, 0.0);
        EXPECT_GT(h0, 0.0);
        const auto [l3, h3] = wilson_interval(3, 3, confidence);
        EXPECT_EQ(h3, 1.0);
        EXPECT_LT(l3, 1.0);
        const auto [l1, h1] = wilson_interval(1, 18, confidence);
        EXPECT_GT(l1, 0.0);
        EXPECT_LT(h1, 1.0);
    }
}

TEST(Calibrate, RecoversKnownRatesFromASimulatedRegistry) {
    const auto start = synthesize(ca_mau_2023(), default_seed);
    Rates truth = default_rates();
    truth.set(Hazard::suspension, 0.012);
    truth.set(Hazard::resumption, 0.06);
    truth.set(Hazard::member_joining, 0.035);
    truth.set(Hazard::member_leaving, 0.025);
    truth.set(Hazard::voluntary_dissolution, 0.003);
    truth.set(Hazard::assembly_missed, 0.08);
    truth.set(Hazard::merger, 0);
    truth.set(Hazard::conversion, 0);
    truth.set(Hazard::founding, 0);
    truth.set(Hazard::founding, OrgKind::cooperative, 0.3);   // per sector: 2.4 a month in all
    RunOptions o;
    o.start = *Date::parse("2025-12-31");
    o.months = 60;
    o.rates = truth;
    o.seed = 3;
    const auto projected = project(start, baseline_scenario(), o);

    CalibrationOptions c;
    c.from = *Date::parse("2026-01-01");
    c.until = *Date::parse("2030-12-31");
    c.by = {CalibrationKey::kind};
    c.confidence = 0.999;  // a dozen intervals checked at once
    const auto cal = calibrate(projected, c);
    auto estimate = [&](Hazard h, OrgKind k) {
        for (const auto& e : cal.estimates)
            if (e.hazard == h && e.group == std::vector<std::string>{std::string(enum_name(k))}) return e;
        ADD_FAILURE() << "no estimate";
        return RateEstimate{};
    };
    for (const auto k : {OrgKind::cooperative, OrgKind::cooperative_group})
        for (const auto h : {Hazard::suspension, Hazard::member_joining, Hazard::member_leaving,
                             Hazard::voluntary_dissolution}) {
            const auto e = estimate(h, k);
            SCOPED_TRACE(std::string(enum_name(h)) + " " + std::string(enum_name(k)));
            EXPECT_GT(e.events, 20);
            EXPECT_LE(e.lower, truth.at(h, k, Sector::agriculture));
            EXPECT_GE(e.upper, truth.at(h, k, Sector::agriculture));
        }
    // Resumption is estimated from few suspended months: within a quarter of the truth (groups of this start come
    // out about 15 % low; a registry of fresh groups recovers it within its interval).
    for (const auto k : {OrgKind::cooperative, OrgKind::cooperative_group}) {
        const auto e = estimate(Hazard::resumption, k);
        EXPECT_GT(e.events, 50);
        EXPECT_NEAR(e.rate, 0.06, 0.015) << enum_name(k);
    }
    const auto missed = estimate(Hazard::assembly_missed, OrgKind::cooperative);
    EXPECT_GT(missed.exposure, 500);
    // A missed season is followed by a late assembly with the chance of holding one: about p² of the years have
    // none in the first half; the share of missed seasons is p, twice that for the suspended (a tenth to a fifth
    // of the organisation-years here), so the estimate lies between p and 1.2 p.
    EXPECT_LE(missed.lower, 0.08 * 1.2);
    EXPECT_GE(missed.upper, 0.08);
    const auto founded = estimate(Hazard::founding, OrgKind::cooperative);
    EXPECT_LE(founded.lower, 2.4);
    EXPECT_GE(founded.upper, 2.4);
    // The table of rates by kind and sector carries them over.
    EXPECT_NEAR(cal.rates.at(Hazard::suspension, OrgKind::cooperative_group, Sector::agriculture), 0.012, 0.004);
}

TEST(Calibrate, GroupsByProvinceRegionAndAgeBand) {
    const auto reg = synthesize(ca_mau_2023(), default_seed);
    CalibrationOptions c;
    c.by = {CalibrationKey::region, CalibrationKey::province, CalibrationKey::age_band};
    const auto cal = calibrate(reg, c);
    bool young = false, old = false;
    for (const auto& e : cal.estimates) {
        ASSERT_EQ(e.group.size(), 3u);
        EXPECT_EQ(e.group[0], "mekong_delta");
        EXPECT_EQ(e.group[1], "P96");
        young = young || e.group[2] == "0-1";
        old = old || e.group[2] == "10+";
    }
    EXPECT_TRUE(young);
    EXPECT_TRUE(old);
    EXPECT_THROW(calibrate(reg, CalibrationOptions{Date::parse("2024-01-01"), Date::parse("2023-01-01")}), Error);
}

}  // namespace calibration_tests
}  // namespace coopecon::simulation
