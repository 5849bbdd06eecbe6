// Exact splitting of published totals: parts add up, follow the weights, keep their minimums.

#include <coopecon/simulation/apportion.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <vector>

namespace coopecon::simulation {
namespace {

std::int64_t sum(const std::vector<std::int64_t>& v) { return std::accumulate(v.begin(), v.end(), std::int64_t{0}); }

TEST(Apportion, LargestRemaindersGetTheLeftOverUnits) {
    // 10 by 1:1:1 is 3.33 each: the remaining unit goes to the lowest index on equal remainders.
    EXPECT_EQ(apportion(10, std::vector<double>{1, 1, 1}), (std::vector<std::int64_t>{4, 3, 3}));
    // 7 by 0.5:0.3:0.2 is 3.5, 2.1, 1.4: floors 3, 2, 1 and one unit for the largest remainder (0.5).
    EXPECT_EQ(apportion(7, std::vector<double>{0.5, 0.3, 0.2}), (std::vector<std::int64_t>{4, 2, 1}));
}

TEST(Apportion, MinimumsComeFirstAndTheRestFollowsTheWeights) {
    const std::vector<double> w{1, 0, 3};
    const std::vector<std::int64_t> minimums{7, 7, 5};
    const auto parts = apportion(39, w, minimums);  // 20 to share: 5 and 15
    EXPECT_EQ(parts, (std::vector<std::int64_t>{12, 7, 20}));
}

TEST(Apportion, AddsUpExactlyForManyParts) {
    std::vector<double> w(100'003);
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = 1.0 + static_cast<double>(i % 17) / 7.0;
    const auto parts = apportion(5'935'000, w, std::vector<std::int64_t>(w.size(), 7));
    EXPECT_EQ(sum(parts), 5'935'000);
    for (const auto p : parts) ASSERT_GE(p, 7);
}

TEST(Apportion, RefusesWhatCannotBeMet) {
    EXPECT_THROW(apportion(10, std::vector<double>{1, 1}, std::vector<std::int64_t>{6, 6}), Error);
    EXPECT_THROW(apportion(10, std::vector<double>{0, 0}), Error);
    EXPECT_EQ(apportion(12, std::vector<double>{0, 0}, std::vector<std::int64_t>{6, 6}),
              (std::vector<std::int64_t>{6, 6}));
}

}  // namespace
}  // namespace coopecon::simulation
