// Reads are const and share nothing mutable: four threads reading one registry at once see exactly what one
// thread sees.

#include <support/builders.hpp>
#include <support/busy_registry.hpp>
#include <support/registry_checks.hpp>

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;

/// Everything the reads give at a few dates: each snapshot's exact encoding and each state.
std::vector<std::string> reads(const Registry& reg) {
    std::vector<std::string> out;
    for (const Date d : {"2022-12-31"_d, "2023-06-30"_d, "2024-06-30"_d, "2024-07-01"_d, "2025-12-31"_d}) {
        out.push_back(hex(reg.snapshot(d)));
        for (OrgIndex i = 0; i < reg.size(); ++i) out.push_back(text(reg.state_at(i, d)));
    }
    return out;
}

TEST(ConcurrentReads, FourThreadsSeeWhatOneThreadSees) {
    const Registry reg = busy_registry();
    ASSERT_EQ(reg.size(), 300u);
    const auto expected = reads(reg);
    std::array<std::vector<std::string>, 4> seen;
    {
        std::vector<std::jthread> threads;
        for (auto& s : seen) threads.emplace_back([&reg, &s] { s = reads(reg); });
    }
    for (const auto& s : seen) EXPECT_TRUE(s == expected);
}

}  // namespace
