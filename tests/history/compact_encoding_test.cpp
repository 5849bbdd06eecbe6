// The compact encoding of histories: every value comes back exactly, amounts rounded to thousands or millions and
// dates a year apart take a few bytes, damaged bytes throw instead of reading astray, and a history from outside
// the library (the binary form) is taken only when replaying it is safe.

#include <support/builders.hpp>

#include <coopecon/history/compact_encoding.hpp>
#include <coopecon/history/event_log.hpp>
#include <coopecon/history/replayable.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;

template <class T>
std::vector<std::byte> encoded(const T& v) {
    std::vector<std::byte> out;
    CompactWriter(out).write(v);
    return out;
}

template <class T>
T decoded(const std::vector<std::byte>& bytes) {
    CompactReader r(bytes.data(), bytes.data() + bytes.size());
    const T v = r.read<T>();
    EXPECT_TRUE(r.at_end());
    return v;
}

TEST(CompactEncoding, AmountsComeBackExactlyAndWholeThousandsTakeFourBytes) {
    constexpr auto most = std::numeric_limits<std::int64_t>::max(), least = std::numeric_limits<std::int64_t>::min();
    // The short form holds whole thousands whose zigzagged count is below 2^31: ±1,073,741,823,000 đồng.
    constexpr std::int64_t largest_short = 1'073'741'823'000;
    for (const std::int64_t v : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{999}, std::int64_t{1000},
                                 std::int64_t{-1000}, std::int64_t{1'500'000}, std::int64_t{5'000'000'000},
                                 largest_short, largest_short + 1000, -largest_short - 1000, -largest_short - 2000,
                                 std::int64_t{1'000'000'000'000'000'000}, most, least, most - 807, least + 808})
        EXPECT_EQ(decoded<std::int64_t>(encoded(v)), v) << v;
    EXPECT_EQ(encoded(std::int64_t{0}).size(), 4u);
    EXPECT_EQ(encoded(std::int64_t{123'456'000}).size(), 4u);
    EXPECT_EQ(encoded(largest_short).size(), 4u);
    EXPECT_EQ(encoded(-largest_short - 1000).size(), 4u);     // zigzag: the negative side reaches one further
    EXPECT_EQ(encoded(largest_short + 1000).size(), 12u);     // the mark, then all eight bytes
    EXPECT_EQ(encoded(std::int64_t{123'456'789}).size(), 12u);  // not whole thousands
}

TEST(CompactEncoding, SmallNumbersDatesAndStringsComeBack) {
    for (const std::int32_t v : {0, 1, -1, 2024, -2024, 16'383, 16'384, -16'384, -16'385,
                                 std::numeric_limits<std::int32_t>::max(), std::numeric_limits<std::int32_t>::min()})
        EXPECT_EQ(decoded<std::int32_t>(encoded(v)), v) << v;
    EXPECT_EQ(encoded(std::int32_t{2024}).size(), 2u);
    EXPECT_EQ(encoded(std::int32_t{16'383}).size(), 2u);
    EXPECT_EQ(encoded(std::int32_t{16'384}).size(), 6u);
    EXPECT_EQ(encoded(std::int32_t{-16'384}).size(), 2u);
    for (const Date d : {Date::min(), Date::max(), "1970-01-01"_d, "2024-02-29"_d})
        EXPECT_EQ(decoded<Date>(encoded(d)), d) << d.iso();
    const FinancialYearClosed f{2024, 5'123'000'000, 4'000'000'000, 1'123'000'000, 900'000'000, 12, 600'000'000, 0};
    EXPECT_EQ(decoded<FinancialYearClosed>(encoded(f)), f);
    EXPECT_EQ(encoded(f).size(), 28u);  // 57 bytes at fixed widths
    for (const std::uint64_t v : {std::uint64_t{0}, std::uint64_t{127}, std::uint64_t{128},
                                  std::numeric_limits<std::uint64_t>::max()}) {
        std::vector<std::byte> out;
        CompactWriter(out).varint(v);
        CompactReader r(out.data(), out.data() + out.size());
        EXPECT_EQ(r.varint(), v);
    }
    const Member m{"m-1", "Nguyễn Văn A", MemberType::household, true, std::string("htx-2")};
    const auto back = decoded<Member>(encoded(m));
    EXPECT_EQ(back.id, m.id);
    EXPECT_EQ(back.name, m.name);
    EXPECT_EQ(back.type, m.type);
    EXPECT_EQ(back.foreign_investor, m.foreign_investor);
    EXPECT_EQ(back.organization, m.organization);
}

TEST(CompactEncoding, AnEventHeaderTakesTwoBytesUnlessTheGapIsOverFiveYears) {
    EncodedEvents out;
    out.push_back(ev::registered("2019-03-04"_d));                      // from 0001-01-01: 2 + 4
    out.push_back(ev::annual_assembly("2024-10-10"_d));                 // 2,047 days later: 2 + 4, then 1
    out.push_back(ev::annual_assembly("2030-05-06"_d));                 // 2,034 days later: 2, then 1
    const auto events = out.view().decode();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[1].date, "2024-10-10"_d);
    EXPECT_EQ(events[2].date, "2030-05-06"_d);
    const std::size_t registered_payload = encoded(Registered{}).size();
    EXPECT_EQ(out.view().bytes(), 6 + registered_payload + 7 + 3);
}

/// A history with every kind of field: named members, cohorts, amounts, optionals, lists and strings.
EncodedEvents varied_history() {
    EncodedEvents out;
    out.push_back(ev::registered("2019-03-04"_d, 2'000'000'000));
    out.push_back(ev::member_joined("2019-03-04"_d, "m-1", MemberKind::official, 50'000'000));
    out.push_back(ev::members_joined("2019-04-01"_d, 12));
    out.push_back(ev::suspended("2020-01-01"_d, "2020-06-30"_d));
    out.push_back(ev::financial_year_closed("2020-12-31"_d, 2020, 3'456'789'000));
    out.push_back(ev::assessed("2021-03-01"_d, 2020, {10, 20, 5}));
    out.push_back(ev::ocop_rated("2022-05-05"_d, "Mật ong U Minh", 4));
    out.push_back(ev::member_left("2023-01-01"_d, "m-1"));
    return out;
}

TEST(CompactEncoding, AHistoryDecodesToTheEventsEncoded) {
    const auto history = varied_history();
    const auto events = history.view().decode();
    ASSERT_EQ(events.size(), 8u);
    EXPECT_EQ(events[1].date, "2019-03-04"_d);
    EXPECT_EQ(events[4].date, "2020-12-31"_d);
    EXPECT_EQ(events[4].get<FinancialYearClosed>()->revenue, 3'456'789'000);
    EXPECT_EQ(events[5].get<Assessed>()->points, (std::vector<std::int32_t>{10, 20, 5}));
    EXPECT_EQ(events[6].get<OcopRated>()->product, "Mật ong U Minh");
    EXPECT_EQ(history.view().last_date(), "2023-01-01"_d);
    // A cursor stops before the first later event and goes on from there.
    auto cursor = history.view().cursor();
    std::vector<Date> seen;
    cursor.replay_until("2020-01-01"_d, [&](Date d, const auto&) { seen.push_back(d); });
    EXPECT_EQ(seen.size(), 4u);
    EXPECT_FALSE(cursor.at_end());
    cursor.replay_until(Date::max(), [&](Date d, const auto&) { seen.push_back(d); });
    EXPECT_EQ(seen.size(), 8u);
    EXPECT_TRUE(cursor.at_end());
}

TEST(CompactEncoding, AnEventBeforeTheLastOneIsRefused) {
    EncodedEvents out;
    out.push_back(ev::registered("2020-01-01"_d));
    EXPECT_THROW(out.push_back(ev::annual_assembly("2019-12-31"_d)), Error);
    out.push_back(ev::annual_assembly("2020-01-01"_d));  // the same day is in order
    EXPECT_EQ(out.view().size(), 2u);
}

TEST(CompactEncoding, DamagedBytesThrowAndNeverReadAstray) {
    const auto history = varied_history();
    const auto bytes = history.view().encoded();
    for (std::size_t end = 0; end < bytes.size(); ++end) {
        const EventLog cut(bytes.first(end), 8, Date::max());
        // Either the history stops cleanly at an event boundary with fewer events, or it throws.
        std::size_t n = 0;
        try {
            cut.replay_until(Date::max(), [&](Date, const auto&) { ++n; });
            EXPECT_LT(n, 8u) << end;
        } catch (const Error& e) {
            EXPECT_THAT(e.problems().front().message, testing::StartsWith("encoded events are damaged")) << end;
        }
    }
    // Eleven continuation bytes: a size longer than 64 bits.
    const std::vector<std::byte> overlong(11, std::byte{0xFF});
    CompactReader sizes(overlong.data(), overlong.data() + overlong.size());
    EXPECT_THROW(sizes.varint(), Error);
    // Type 31 does not exist.
    const std::vector<std::byte> unknown{std::byte{31}, std::byte{0}};
    EXPECT_THROW(EventLog(unknown, 1, Date::max()).decode(), Error);
}

/// `history`'s bytes checked as the binary form checks them, with `members` as the member list.
void check(const EncodedEvents& history, const std::vector<Member>& members, const std::string& why) {
    try {
        (void)replayable_history(history.view().encoded(), static_cast<std::uint32_t>(history.view().size()), members);
        ADD_FAILURE() << "taken: " << why;
    } catch (const Error& e) {
        EXPECT_THAT(e.problems().front().message, testing::HasSubstr(why));
    }
}

TEST(ReplayableHistory, AValidHistoryIsTakenWithItsCountAndLastDate) {
    const auto history = varied_history();
    const std::vector<Member> members{Member{"m-1", "A", MemberType::individual, false, {}}};
    const auto log = replayable_history(history.view().encoded(), 8, members);
    EXPECT_EQ(log.size(), 8u);
    EXPECT_EQ(log.last_date(), "2023-01-01"_d);
    EXPECT_THROW((void)replayable_history(history.view().encoded(), 7, members), Error);
    EXPECT_THROW((void)replayable_history(history.view().encoded(), 9, members), Error);
}

TEST(ReplayableHistory, WhatTheReplayTakesForGrantedIsRefused) {
    const std::vector<Member> none;
    EncodedEvents stranger;
    stranger.push_back(ev::registered("2020-01-01"_d));
    stranger.push_back(ev::member_joined("2020-01-02"_d, "m-9"));
    check(stranger, none, "a member who is not in the member list");

    EncodedEvents not_first;
    not_first.push_back(ev::annual_assembly("2020-01-01"_d));
    check(not_first, none, "begins with its one registered event");

    EncodedEvents twice;
    twice.push_back(ev::registered("2020-01-01"_d));
    twice.push_back(ev::registered("2020-01-02"_d));
    check(twice, none, "begins with its one registered event");

    EncodedEvents both;
    both.push_back(ev::registered("2020-01-01"_d));
    both.push_back(Event{"2020-02-01"_d, OcopRated{"rice", 80, 4}});
    check(both, none, "OCOP rating");

    EncodedEvents six_stars;
    six_stars.push_back(ev::registered("2020-01-01"_d));
    six_stars.push_back(ev::ocop_rated("2020-02-01"_d, "rice", 6));
    check(six_stars, none, "OCOP rating");

    EncodedEvents empty_cohort;
    empty_cohort.push_back(ev::registered("2020-01-01"_d));
    empty_cohort.push_back(ev::members_joined("2020-02-01"_d, 0));
    check(empty_cohort, none, "cohort count");

    EncodedEvents crowd;  // two cohorts that together overflow the member counts
    crowd.push_back(ev::registered("2020-01-01"_d));
    crowd.push_back(ev::members_joined("2020-02-01"_d, std::numeric_limits<std::int32_t>::max()));
    crowd.push_back(ev::members_joined("2020-03-01"_d, 1));
    check(crowd, none, "totals out of range");

    EncodedEvents points;
    points.push_back(ev::registered("2020-01-01"_d));
    points.push_back(ev::assessed("2021-01-01"_d, 2020, {101}));
    check(points, none, "assessment points");

    EncodedEvents kind;  // an enumeration value no kind has
    kind.push_back(ev::registered("2020-01-01"_d));
    kind.push_back(Event{"2020-02-01"_d, AssemblyHeld{static_cast<AssemblyKind>(9)}});
    check(kind, none, "out of range");
}
}  // namespace
