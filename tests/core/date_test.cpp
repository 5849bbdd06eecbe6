#include <coopecon/core/date.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace {

using coopecon::Date;
using coopecon::months_between;

Date d(std::string_view iso) {
    const auto parsed = Date::parse(iso);
    EXPECT_TRUE(parsed.has_value()) << iso;
    return parsed.value_or(Date{});
}

static_assert(Date::parse("2024-02-29").has_value(), "parsing is usable in constant expressions");
static_assert(sizeof(Date) == 4);

TEST(DateParse, AcceptsValidDatesAndRoundTrips) {
    const auto date = Date::parse("2024-07-01");
    ASSERT_TRUE(date.has_value());
    EXPECT_EQ(date->year(), 2024);
    EXPECT_EQ(date->month(), 7u);
    EXPECT_EQ(date->day(), 1u);
    EXPECT_EQ(date->iso(), "2024-07-01");
    for (const char* iso : {"1970-01-01", "2012-11-20", "2023-06-20", "2025-07-01", "1999-12-31"})
        EXPECT_EQ(d(iso).iso(), iso);
}

TEST(DateParse, RejectsDaysThatDoNotExist) {
    EXPECT_FALSE(Date::parse("2023-02-30"));
    EXPECT_FALSE(Date::parse("2024-04-31"));
    EXPECT_FALSE(Date::parse("2024-13-01"));
    EXPECT_FALSE(Date::parse("2024-00-10"));
    EXPECT_FALSE(Date::parse("2024-01-00"));
}

TEST(DateParse, LeapYears) {
    EXPECT_TRUE(Date::parse("2024-02-29"));
    EXPECT_FALSE(Date::parse("2023-02-29"));
    EXPECT_TRUE(Date::parse("2000-02-29"));   // divisible by 400
    EXPECT_FALSE(Date::parse("1900-02-29"));  // divisible by 100 only
}

TEST(DateParse, RejectsAnythingButExactlyYYYYMMDD) {
    for (const char* text : {"2023-2-3", "2023-02-3", "23-02-03", "2024-07-01T00:00", "2024-07-01 ", " 2024-07-01",
                             "2024/07/01", "20240701", "", "+024-07-01", "2024-0a-01", "2024-07--1"})
        EXPECT_FALSE(Date::parse(text)) << '"' << text << '"';
}

TEST(DateParse, YearRangeIsOneToNineThousandNineHundredNinetyNine) {
    EXPECT_FALSE(Date::parse("0000-01-01"));
    EXPECT_EQ(d("0001-01-01"), Date::min());
    EXPECT_EQ(d("9999-12-31"), Date::max());
    EXPECT_EQ(Date::min().iso(), "0001-01-01");
    EXPECT_EQ(Date::max().iso(), "9999-12-31");
    EXPECT_FALSE(Date::from_ymd(10000, 1, 1));
    EXPECT_FALSE(Date::from_ymd(0, 12, 31));
}

TEST(Date, DefaultIsTheEpoch) {
    EXPECT_EQ(Date{}.iso(), "1970-01-01");
    EXPECT_EQ(Date{}.days_since_epoch(), 0);
    EXPECT_EQ(Date::from_days(-1).iso(), "1969-12-31");
    EXPECT_EQ(Date::from_days(d("2024-07-01").days_since_epoch()), d("2024-07-01"));
}

TEST(Date, OrderingFollowsTheCalendar) {
    EXPECT_LT(d("2023-12-31"), d("2024-01-01"));
    EXPECT_GT(d("2024-07-01"), d("2024-06-30"));
    EXPECT_EQ(d("2024-02-28").plus_days(1), d("2024-02-29"));
    EXPECT_EQ(d("2023-02-28").plus_days(1), d("2023-03-01"));
    EXPECT_EQ(d("2024-01-01").plus_days(-1), d("2023-12-31"));
}

TEST(Date, IsoWeekday) {
    EXPECT_EQ(d("2024-07-01").iso_weekday(), 1u);  // Monday
    EXPECT_EQ(d("2024-07-06").iso_weekday(), 6u);
    EXPECT_EQ(d("2024-07-07").iso_weekday(), 7u);  // Sunday
}

TEST(DatePlusMonths, ClampsToTheLastDayOfTheMonth) {
    EXPECT_EQ(d("2024-01-31").plus_months(1), d("2024-02-29"));
    EXPECT_EQ(d("2023-01-31").plus_months(1), d("2023-02-28"));
    EXPECT_EQ(d("2024-03-31").plus_months(-1), d("2024-02-29"));
    EXPECT_EQ(d("2024-08-31").plus_months(1), d("2024-09-30"));
}

TEST(DatePlusMonths, CrossesYears) {
    EXPECT_EQ(d("2024-01-15").plus_months(12), d("2025-01-15"));
    EXPECT_EQ(d("2024-11-30").plus_months(3), d("2025-02-28"));
    EXPECT_EQ(d("2024-02-29").plus_months(-13), d("2023-01-29"));
    EXPECT_EQ(d("2024-07-01").plus_months(0), d("2024-07-01"));
}

TEST(DatePlusWorkingDays, SkipsWeekends) {
    EXPECT_EQ(d("2024-07-05").plus_working_days(1), d("2024-07-08"));   // Friday -> Monday
    EXPECT_EQ(d("2024-07-06").plus_working_days(1), d("2024-07-08"));   // Saturday -> Monday
    EXPECT_EQ(d("2024-07-01").plus_working_days(5), d("2024-07-08"));   // a full week
    EXPECT_EQ(d("2024-07-03").plus_working_days(15), d("2024-07-24"));  // three weeks
    EXPECT_EQ(d("2024-07-08").plus_working_days(-1), d("2024-07-05"));  // Monday -> Friday
    EXPECT_EQ(d("2024-07-06").plus_working_days(0), d("2024-07-06"));
}

TEST(MonthsBetween, CountsWholeMonthsWithTheSameClamping) {
    EXPECT_EQ(months_between(d("2024-01-31"), d("2024-02-29")), 1);
    EXPECT_EQ(months_between(d("2024-01-31"), d("2024-02-28")), 0);
    EXPECT_EQ(months_between(d("2024-07-15"), d("2024-08-14")), 0);
    EXPECT_EQ(months_between(d("2024-07-15"), d("2024-08-15")), 1);
    EXPECT_EQ(months_between(d("2023-07-01"), d("2024-07-01")), 12);
    EXPECT_EQ(months_between(d("2024-07-01"), d("2023-07-01")), -12);
    EXPECT_EQ(months_between(d("2024-07-01"), d("2024-07-01")), 0);
    EXPECT_EQ(months_between(d("2024-03-31"), d("2024-02-29")), -1);
}

}  // namespace

// Arithmetic saturates at the calendar's ends: past 9999-12-31 is never(), before 0001-01-01 is before_all(); both
// stay put, compare beyond every date, and no count, however large, overflows.
TEST(Date, ArithmeticSaturatesAtTheCalendarsEnds) {
    const Date last = Date::max();
    EXPECT_EQ(last.plus_days(1), Date::never());
    EXPECT_EQ(last.plus_days(-1).plus_days(1), last);
    EXPECT_EQ(Date::never().plus_days(-1), Date::never());
    EXPECT_EQ(Date::never().plus_months(-1), Date::never());
    EXPECT_EQ(Date::min().plus_days(-1), Date::before_all());
    EXPECT_EQ(Date::before_all().plus_months(5), Date::before_all());
    EXPECT_EQ(Date::parse("9999-06-15")->plus_months(7), Date::never());
    EXPECT_EQ(Date::parse("9999-06-15")->plus_months(6), Date::parse("9999-12-15"));
    EXPECT_EQ(Date::parse("0001-06-15")->plus_months(-6), Date::before_all());
    EXPECT_EQ(Date::parse("2024-01-31")->plus_months(std::numeric_limits<std::int64_t>::max()), Date::never());
    EXPECT_EQ(Date::parse("2024-01-31")->plus_months(std::numeric_limits<std::int64_t>::min()), Date::before_all());
    EXPECT_EQ(Date::parse("2024-01-31")->plus_days(std::numeric_limits<std::int64_t>::max()), Date::never());
    EXPECT_EQ(Date::parse("2024-01-31")->plus_days(std::numeric_limits<std::int64_t>::min()), Date::before_all());
    // Found by fuzzing (fuzz/dates.cpp): the least count was negated before it was clamped, a signed overflow.
    EXPECT_EQ(Date::parse("2024-01-31")->plus_working_days(std::numeric_limits<std::int64_t>::min()), Date::before_all());
    EXPECT_EQ(Date::parse("2024-01-31")->plus_working_days(std::numeric_limits<std::int64_t>::max()), Date::never());
    EXPECT_EQ(Date::from_days(std::numeric_limits<std::int32_t>::max()).plus_days(1), Date::never());
    EXPECT_GT(Date::never(), Date::max());
    EXPECT_LT(Date::before_all(), Date::min());
    EXPECT_FALSE(Date::never().in_calendar());
    EXPECT_EQ(Date::never().iso(), "never");
    EXPECT_EQ(Date::never().dmy(), "never");
    EXPECT_EQ(Date::before_all().iso(), "before 0001-01-01");
}

// Working days in constant time: the same as counting day by day, and bounded for any count.
TEST(Date, WorkingDaysSkipWholeWeeks) {
    for (int start = 0; start < 7; ++start) {
        const Date from = Date::parse("2024-07-01")->plus_days(start);
        for (int n = -23; n <= 23; ++n) {
            Date d = from;
            for (int left = n >= 0 ? n : -n; left > 0;) {
                d = d.plus_days(n >= 0 ? 1 : -1);
                if (d.iso_weekday() <= 5) --left;
            }
            EXPECT_EQ(from.plus_working_days(n), d) << from.iso() << " + " << n;
        }
    }
    EXPECT_EQ(Date::parse("2024-07-01")->plus_working_days(std::numeric_limits<std::int64_t>::max()), Date::never());
    EXPECT_EQ(Date::parse("2024-07-01")->plus_working_days(std::numeric_limits<std::int64_t>::min() + 1), Date::before_all());
}
