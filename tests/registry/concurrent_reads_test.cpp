// Reads are const and share nothing mutable: four threads reading one registry at once see exactly what one
// thread sees.

#include <support/builders.hpp>
#include <support/registry_checks.hpp>

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;

/// 300 organisations of every kind with varied but valid histories from 2023 to 2025.
Registry busy_registry() {
    auto reg = registry();
    std::vector<OrganizationRecord> records;
    for (int i = 0; i < 300; ++i) {
        const Date start = "2023-01-02"_d.plus_days(i * 3);
        Org org = i % 5 == 0 ? cooperative_group("org-" + std::to_string(i))
                : i % 11 == 0 ? union_of_cooperatives("org-" + std::to_string(i))
                              : cooperative("org-" + std::to_string(i));
        org.registered(start, Dong{1'000'000} * i)
            .then(ev::members_joined(start, 3 + i % 9,
                                     i % 11 == 0 && i % 5 != 0 ? MemberType::cooperative : MemberType::individual));
        if (i % 3 == 0) org.then(ev::suspended(start.plus_days(40), start.plus_days(200)));
        if (i % 4 == 0) org.then(ev::financial_year_closed(start.plus_days(250), start.year(), Dong{10'000'000} * i));
        if (i % 7 == 0) org.then(ev::dissolution_resolved(start.plus_days(300), 100));
        if (i % 14 == 0) org.then(ev::dissolution_completed(start.plus_days(330)));
        records.push_back(org);
    }
    reg.add(std::move(records));
    return reg;
}

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
