// Counting periods of months (law/period.hpp): the Civil Code's rule, and the three ways across a change of law,
// on both sides of each end.

#include <coopecon/law/framework_json.hpp>
#include <coopecon/law/period.hpp>

#include <support/builders.hpp>

#include <gtest/gtest.h>

namespace {

using namespace coopecon;
using namespace coopecon::test;
using law::AcrossLawChange;
using law::Param;

TEST(Period, CivilCodeCountsFromTheNextDayAndEndsOnTheSameDayNumber) {
    // An event on 2024-03-15: the period starts on 2024-03-16 and 12 months end at the end of 2025-03-15.
    EXPECT_EQ(law::last_day_of_months("2024-03-16"_d, 12), "2025-03-15"_d);
    EXPECT_EQ(law::day_after_months("2024-03-15"_d, 12), "2025-03-16"_d);
    EXPECT_EQ(law::day_after_months("2024-03-15"_d, 6), "2024-09-16"_d);
}

TEST(Period, AMonthWithoutTheDayEndsOnItsLastDay) {
    EXPECT_EQ(law::day_after_months("2024-01-31"_d, 1), "2024-03-01"_d);  // ends 2024-02-29
    EXPECT_EQ(law::day_after_months("2020-02-29"_d, 12), "2021-03-01"_d);  // ends 2021-02-28
    EXPECT_EQ(law::last_day_of_months("2024-07-01"_d, 6), "2024-12-30"_d);  // the event's day is 30 June
}

TEST(Period, TheSameLengthUnderBothLawsKeepsItsCountByRule) {
    const auto& law = *law::vietnam();
    // 12 months of Art 54.2b and of Art 103.1d: counted from 2023-09-11 through the change.
    EXPECT_FALSE(law::period_restarts_on(law, Param::below_minimum_members_months, "2024-07-01"_d, AcrossLawChange::by_rule));
    EXPECT_EQ(law::period_runs_out(law, Param::below_minimum_members_months, "2023-09-11"_d, AcrossLawChange::by_rule),
              "2024-09-11"_d);
    EXPECT_EQ(law::period_runs_out(law, Param::below_minimum_members_months, "2023-09-11"_d, AcrossLawChange::restart),
              "2025-07-01"_d);
    EXPECT_EQ(law::period_runs_out(law, Param::below_minimum_members_months, "2023-09-11"_d, AcrossLawChange::keep_start),
              "2024-09-11"_d);
}

TEST(Period, APeriodTheOldLawDidNotHaveCountsFromTheNewLawsFirstDay) {
    const auto& law = *law::vietnam();
    EXPECT_TRUE(law::period_restarts_on(law, Param::dissolution_lapse_months, "2024-07-01"_d, AcrossLawChange::by_rule));
    EXPECT_FALSE(law::period_restarts_on(law, Param::dissolution_lapse_months, "2024-07-02"_d, AcrossLawChange::restart));
    // A dissolution resolved on 2024-03-12 under the 2012 Law, which had no lapse.
    EXPECT_EQ(law::period_runs_out(law, Param::dissolution_lapse_months, "2024-03-13"_d, AcrossLawChange::by_rule),
              "2024-12-31"_d);
    EXPECT_EQ(law::period_runs_out(law, Param::dissolution_lapse_months, "2024-03-13"_d, AcrossLawChange::keep_start),
              "2024-09-13"_d);
    // Resolved on 2025-01-15: six months end on 2025-07-15.
    EXPECT_EQ(law::period_runs_out(law, Param::dissolution_lapse_months, "2025-01-16"_d, AcrossLawChange::by_rule),
              "2025-07-16"_d);
}

TEST(Period, TheNextChangeOfLaw) {
    const auto& law = *law::vietnam();
    EXPECT_EQ(law::next_law_change_after(law, "2024-06-30"_d), "2024-07-01"_d);
    EXPECT_EQ(law::next_law_change_after(law, "2024-07-01"_d), std::nullopt);
}

}  // namespace
