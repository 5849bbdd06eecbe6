// Series: calendar months, quarters and years covering a range, events counted in the period whose days
// include them (first and last days of a period), stocks at each period's end, growth against the previous one.

#include "fixture.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::indicators;
using namespace coopecon::test;

TEST(Series, PeriodsFollowCalendarBoundariesAndStopAtTheEnd) {
    const auto months = series("2023-02-15"_day, "2023-05-10"_day, PeriodLength::month);
    ASSERT_EQ(months.size(), 4u);
    EXPECT_EQ(months[0], (Period{"2023-02-01"_day, "2023-02-28"_day, "2023-02"}));
    EXPECT_EQ(months[3], (Period{"2023-05-01"_day, "2023-05-10"_day, "2023-05"}));
    const auto quarters = series("2023-02-15"_day, "2023-08-31"_day, PeriodLength::quarter);
    ASSERT_EQ(quarters.size(), 3u);
    EXPECT_EQ(quarters[0], (Period{"2023-01-01"_day, "2023-03-31"_day, "2023-Q1"}));
    EXPECT_EQ(quarters[2], (Period{"2023-07-01"_day, "2023-08-31"_day, "2023-Q3"}));
    const auto years = series("2022-06-15"_day, "2024-02-29"_day, PeriodLength::year);
    ASSERT_EQ(years.size(), 3u);
    EXPECT_EQ(years[0], (Period{"2022-01-01"_day, "2022-12-31"_day, "2022"}));
    EXPECT_EQ(years[2], (Period{"2024-01-01"_day, "2024-02-29"_day, "2024"}));
    EXPECT_THROW(series("2024-01-02"_day, "2024-01-01"_day, PeriodLength::month), Error);
}

/// c registered on the last day of 2023 and dissolved on the last day of March 2024; a on the last day of
/// January, b on the first of February.
Registry flows_registry() {
    auto reg = empty_registry();
    reg.add(std::vector<OrganizationRecord>{
        cooperative("c").registered("2023-12-31"_day).members("2023-12-31"_day, 7)
            .dissolved("2024-03-01"_day, "2024-03-31"_day),
        cooperative("a").registered("2024-01-31"_day).members("2024-01-31"_day, 7),
        cooperative("b").registered("2024-02-01"_day).members("2024-02-01"_day, 7),
    });
    return reg;
}

std::vector<double> column(const Table& t, const std::string& id, bool totals_only = true) {
    std::vector<double> out;
    for (std::size_t r = 0; r < t.rows(); ++r)
        if (!totals_only || t.totals[r]) out.push_back(t.column(id).value(r));
    return out;
}

TEST(Series, MonthlyBoundaries) {
    const auto reg = flows_registry();
    const auto t = compute(reg, query({"organizations_before", "new", "dissolved", "organizations", "growth"}),
                           series("2024-01-01"_day, "2024-03-31"_day, PeriodLength::month));
    ASSERT_EQ(t.rows(), 3u);
    EXPECT_EQ(t.keys[0].id, "period");
    EXPECT_EQ(t.keys[0].cells[1].code, "2024-02");
    EXPECT_EQ(column(t, "organizations_before"), (std::vector<double>{1, 2, 3}));
    EXPECT_EQ(column(t, "new"), (std::vector<double>{1, 1, 0}));
    EXPECT_EQ(column(t, "dissolved"), (std::vector<double>{0, 0, 1}));
    EXPECT_EQ(column(t, "organizations"), (std::vector<double>{2, 3, 2}));
    EXPECT_DOUBLE_EQ(column(t, "growth")[0], 100);
    EXPECT_DOUBLE_EQ(column(t, "growth")[1], 50);
    EXPECT_NEAR(column(t, "growth")[2], -100.0 / 3, 1e-12);
}

TEST(Series, QuarterlyAndYearlyBoundaries) {
    const auto reg = flows_registry();
    const auto q = compute(reg, query({"new", "dissolved", "organizations"}),
                           series("2024-01-01"_day, "2024-06-30"_day, PeriodLength::quarter));
    EXPECT_EQ(column(q, "new"), (std::vector<double>{2, 0}));
    EXPECT_EQ(column(q, "dissolved"), (std::vector<double>{1, 0}));
    EXPECT_EQ(column(q, "organizations"), (std::vector<double>{2, 2}));
    const auto y = compute(reg, query({"new", "organizations"}), series("2023-06-15"_day, "2024-05-31"_day, PeriodLength::year));
    EXPECT_EQ(y.keys[0].cells[0].code, "2023");
    EXPECT_EQ(column(y, "new"), (std::vector<double>{1, 2}));
    EXPECT_EQ(column(y, "organizations"), (std::vector<double>{1, 2}));
}

TEST(Series, ConversionByKindAndGroupsPerPeriod) {
    auto reg = empty_registry();
    reg.add(std::vector<OrganizationRecord>{
        group("g").registered("2023-01-02"_day).members("2023-01-02"_day, 8).on("2024-09-16"_day, ConvertedToCooperative{8}),
    });
    const auto t = compute(reg, query({"organizations_before", "converted", "organizations"}, {GroupKey::by(KeyKind::kind)}),
                           series("2024-07-01"_day, "2024-12-31"_day, PeriodLength::quarter));
    // Q3: the group converted; Q4: nothing moves.
    EXPECT_EQ(t.at({"2024-Q3", "cooperative"}, "converted"), 1);
    EXPECT_EQ(t.at({"2024-Q3", "cooperative"}, "organizations"), 1);
    EXPECT_EQ(t.at({"2024-Q3", "cooperative_group"}, "organizations_before"), 1);
    EXPECT_EQ(t.at({"2024-Q3", "cooperative_group"}, "organizations"), 0);
    EXPECT_EQ(t.at({"2024-Q4", "cooperative"}, "converted"), 0);
    EXPECT_EQ(t.at({"2024-Q4", "total"}, "organizations"), 1);
    EXPECT_EQ(t.rows(), 5u);  // Q3: group, cooperative, total; Q4: cooperative, total
}

TEST(Series, ManyPeriodsInChunksEqualOnePeriodAtATime) {
    const auto reg = flows_registry();
    const auto periods = series("2023-11-01"_day, "2024-04-30"_day, PeriodLength::month);
    const auto q = query({"organizations", "new", "net_change", "growth"});
    const auto all = compute(reg, q, periods);
    for (std::size_t k = 0; k < periods.size(); ++k) {
        const auto one = compute(reg, q, periods[k]);
        for (const auto* id : {"organizations", "new", "net_change"})
            EXPECT_EQ(all.column(id).value(k), one.column(id).value(0)) << periods[k].id << " " << id;
    }
}

}  // namespace
