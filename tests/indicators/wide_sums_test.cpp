// Sums over organisations are kept in 128 bits: amounts near the 64-bit limit (9,223,372,036,854,775,807 đồng)
// add up without wrapping round, so averages stay right and a whole-number total beyond 64 bits is shown as an
// approximate real, never as a negative or small number.

#include "fixture.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::indicators;
using namespace coopecon::test;

constexpr Dong near_limit = 9'200'000'000'000'000'000;  // 9.2 × 10^18 đồng, below 2^63 − 1

Registry two_results_near_the_limit() {
    auto reg = empty_registry();
    reg.add(std::vector<OrganizationRecord>{
        cooperative("c1").registered("2020-01-01"_day).members("2020-01-01"_day, 10)
            .results("2023-01-20"_day, 2022, near_limit, 0, 0, 1, 0),
        cooperative("c2").registered("2020-01-01"_day).members("2020-01-01"_day, 10)
            .results("2023-01-20"_day, 2022, near_limit, 0, 0, 1, 0),
    });
    return reg;
}

double total(const Table& t, const std::string& id) { return t.column(id).value(t.rows() - 1); }

TEST(WideSums, TwoYearsNearTheLimitAverageToTheirValue) {
    const auto t = compute(two_results_near_the_limit(), query({"with_results", "average_revenue"}), period_2023);
    EXPECT_EQ(total(t, "with_results"), 2);
    EXPECT_DOUBLE_EQ(total(t, "average_revenue"), 9.2e12);  // million đồng
}

TEST(WideSums, AWholeNumberTotalBeyondSixtyFourBitsIsShownAsAReal) {
    Query q = query({"with_results"});
    q.indicators.push_back({"revenue_total", {"Revenue", "Doanh thu"}, Unit::number, "revenue summed",
                            Practice::user, "test", 0, false, sum(Field::revenue, existing() & with_results())});
    const auto t = compute(two_results_near_the_limit(), q, period_2023);
    const auto& column = t.column("revenue_total");
    EXPECT_FALSE(column.integral);
    EXPECT_DOUBLE_EQ(column.value(t.rows() - 1), 2 * 9.2e18);
    EXPECT_TRUE(t.column("with_results").integral);  // the other columns stay whole numbers
}

TEST(WideSums, AWholeNumberTotalWithinSixtyFourBitsStaysWhole) {
    Query q = query({});
    q.indicators.push_back({"revenue_total", {"Revenue", "Doanh thu"}, Unit::number, "revenue summed",
                            Practice::user, "test", 0, false, sum(Field::revenue, existing() & with_results())});
    auto reg = empty_registry();
    reg.add(std::vector<OrganizationRecord>{cooperative("c1").registered("2020-01-01"_day).members("2020-01-01"_day, 10)
                                                .results("2023-01-20"_day, 2022, near_limit, 0, 0, 1, 0)});
    const auto t = compute(reg, q, period_2023);
    ASSERT_TRUE(t.column("revenue_total").integral);
    EXPECT_EQ(t.column("revenue_total").integers.back(), near_limit);
}

}  // namespace
