// Reading described types: the optional/vector policy, every kind of problem with its path and position, all
// problems at once, and integers that are whole and in range.

#include "json/json.hpp"

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace coopecon::json_read_test {

enum class Colour : std::uint8_t { red, green, blue };
BOOST_DESCRIBE_ENUM(Colour, red, green, blue)

struct Part {
    std::string name;
    std::int32_t count = 0;
};
BOOST_DESCRIBE_STRUCT(Part, (), (name, count))

struct Thing {
    std::string id;
    bool active = false;
    Colour colour = Colour::red;
    Date since;
    std::int64_t money = 0;
    std::optional<Date> until;
    std::optional<std::int32_t> score;
    std::vector<Part> parts;
    std::map<std::string, std::int32_t> counters;
};
BOOST_DESCRIBE_STRUCT(Thing, (), (id, active, colour, since, money, until, score, parts, counters))

struct Small {
    std::int8_t tiny = 0;
    std::uint16_t unsigned_small = 0;
    std::int64_t big = 0;
};
BOOST_DESCRIBE_STRUCT(Small, (), (tiny, unsigned_small, big))

struct Laws {
    Timeline<std::int64_t> minimum;
};
BOOST_DESCRIBE_STRUCT(Laws, (), (minimum))

namespace {

/// Every problem of reading `text` as T, one to_string() line each; empty when it reads.
template <class T>
std::vector<std::string> problems_of(const std::string& text) {
    std::vector<std::string> out;
    try {
        json::read_json<T>(text, "t.json");
    } catch (const Error& e) {
        for (const auto& p : e.problems()) out.push_back(p.to_string());
    }
    return out;
}

using Lines = std::vector<std::string>;

TEST(JsonRead, OptionalAndVectorMembersMayBeAbsentOthersNot) {
    const auto t = json::read_json<Thing>(
        R"({"id": "a", "active": true, "colour": "green", "since": "2024-07-01", "money": 5, "counters": {}})", "t.json");
    EXPECT_EQ(t.id, "a");
    EXPECT_TRUE(t.active);
    EXPECT_EQ(t.colour, Colour::green);
    EXPECT_EQ(t.since, *Date::parse("2024-07-01"));
    EXPECT_FALSE(t.until);
    EXPECT_FALSE(t.score);
    EXPECT_TRUE(t.parts.empty());

    const auto n = json::read_json<Thing>(
        R"({"id": "a", "active": false, "colour": "red", "since": "2024-07-01", "money": 5, "counters": {"x": 2},
            "until": null, "score": null, "parts": [{"name": "p", "count": 3}]})",
        "t.json");
    EXPECT_FALSE(n.until);
    EXPECT_EQ(n.parts.at(0).count, 3);
    EXPECT_EQ(n.counters.at("x"), 2);

    EXPECT_EQ(problems_of<Thing>(R"({"id": "a"})"),
              (Lines{"t.json:1:1: active: missing required key \"active\"",
                     "t.json:1:1: colour: missing required key \"colour\"",
                     "t.json:1:1: since: missing required key \"since\"",
                     "t.json:1:1: money: missing required key \"money\"",
                     "t.json:1:1: counters: missing required key \"counters\""}));
}

TEST(JsonRead, EveryProblemIsReportedWithItsPathAndPlace) {
    const std::string text = R"({
  "id": 7,
  "active": "yes",
  "colour": "purple",
  "since": "2023-02-30",
  "money": 1.5,
  "until": "2024-7-1",
  "score": 1e30,
  "parts": [
    {"name": "p", "count": 3},
    {"name": "q", "count": "3", "colour": "red"},
    "r"
  ],
  "counters": {"a": true},
  "extra": null
})";
    EXPECT_EQ(problems_of<Thing>(text),
              (Lines{
                  "t.json:2:9: id: expected a string, got a number",
                  "t.json:3:13: active: expected true or false, got a string",
                  "t.json:4:13: colour: \"purple\" is not one of: red, green, blue",
                  "t.json:5:12: since: \"2023-02-30\" is not a calendar date: month 2 of 2023 has 28 days",
                  "t.json:6:12: money: expected a whole number, got 1.5",
                  "t.json:7:12: until: \"2024-7-1\" is not a date written YYYY-MM-DD",
                  "t.json:8:12: score: 1e+30 is out of range: expected a whole number from -2147483648 to 2147483647",
                  "t.json:11:28: parts[1].count: expected a whole number, got a string",
                  "t.json:11:33: parts[1].colour: unknown key \"colour\"; allowed keys: name, count",
                  "t.json:12:5: parts[2]: expected an object, got a string",
                  "t.json:14:21: counters.a: expected a whole number, got a boolean",
                  "t.json:15:3: extra: unknown key \"extra\"; allowed keys: id, active, colour, since, money, until, "
                  "score, parts, counters",
              }));
}

TEST(JsonRead, IntegersMustBeWholeAndInRange) {
    EXPECT_EQ(problems_of<Small>(R"({"tiny": 128, "unsigned_small": -1, "big": 9223372036854775808})"),
              (Lines{"t.json:1:10: tiny: 128 is out of range: expected a whole number from -128 to 127",
                     "t.json:1:33: unsigned_small: -1 is out of range: expected a whole number from 0 to 65535",
                     "t.json:1:44: big: 9223372036854775808 is out of range: expected a whole number from "
                     "-9223372036854775808 to 9223372036854775807"}));
    EXPECT_EQ(problems_of<Small>(R"({"tiny": 1e2, "unsigned_small": 2.0, "big": 1e400})"),
              (Lines{"t.json:1:45: big: inf is out of range: expected a whole number from -9223372036854775808 to "
                     "9223372036854775807"}));
    // Whole numbers written with an exponent are fine while a double holds them exactly.
    const auto s = json::read_json<Small>(R"({"tiny": -128, "unsigned_small": 65535, "big": 2e15})", "t.json");
    EXPECT_EQ(s.tiny, -128);
    EXPECT_EQ(s.unsigned_small, 65535);
    EXPECT_EQ(s.big, 2'000'000'000'000'000);
    EXPECT_EQ(problems_of<Small>(R"({"tiny": 0, "unsigned_small": 0, "big": 1e16})"),
              (Lines{"t.json:1:41: big: 1e+16 is out of range: expected a whole number from -9223372036854775808 to "
                     "9223372036854775807"}));
    const auto extremes = json::read_json<Small>(R"({"tiny": 0, "unsigned_small": 0, "big": -9223372036854775808})", "t.json");
    EXPECT_EQ(extremes.big, INT64_MIN);
}

TEST(JsonRead, TimelinesAreCheckedForOverlapsGapsAndInvertedPeriods) {
    const std::string text = R"({"minimum": [
  {"from": "2013-07-01", "until": "2024-06-30", "value": 7, "reference": "a", "unconfirmed": false},
  {"from": "2024-08-01", "until": "2024-07-31", "value": 5, "reference": "b", "unconfirmed": false},
  {"from": "2025-01-01", "value": 5, "reference": "c", "unconfirmed": true},
  {"from": "2025-06-01", "value": 4, "reference": "d", "unconfirmed": "no"}
]})";
    EXPECT_EQ(problems_of<Laws>(text), (Lines{"t.json:5:71: minimum[3].unconfirmed: expected true or false, got a string"}));
    const std::string fixed_type = std::string(text).replace(text.find("\"no\""), 4, "false");
    EXPECT_EQ(problems_of<Laws>(fixed_type),
              (Lines{"t.json:3:3: minimum[1]: period ends (2024-07-31) before it starts (2024-08-01)",
                     "t.json:3:3: minimum[1]: gap: nothing is in force from 2024-07-01 to 2024-07-31",
                     "t.json:4:3: minimum[2]: gap: nothing is in force from 2024-08-01 to 2024-12-31",
                     "t.json:5:3: minimum[3]: period from 2025-06-01 overlaps the period from 2025-01-01 (open-ended)"}));

    const auto good = json::read_json<Laws>(R"({"minimum": [
  {"from": "2024-07-01", "value": 5, "reference": "new", "unconfirmed": false},
  {"from": "2013-07-01", "until": "2024-06-30", "value": 7, "reference": "old", "unconfirmed": true}]})", "t.json");
    ASSERT_EQ(good.minimum.periods().size(), 2u);
    EXPECT_EQ(good.minimum.find(*Date::parse("2020-01-01"))->value, 7);
    EXPECT_EQ(good.minimum.find(*Date::parse("2030-01-01"))->value, 5);
}

TEST(JsonRead, FormatHeaderIsCheckedFirst) {
    Problems problems;
    json::Reader r(problems);
    const auto ok = json::parse(R"({"format": "coopecon-x", "version": 1})", "t.json", problems);
    EXPECT_TRUE(json::check_format(r, ok.as_object(), "coopecon-x", 1));
    EXPECT_TRUE(problems.empty());
    const auto other = json::parse(R"({"format": "other", "version": 1})", "t.json", problems);
    EXPECT_FALSE(json::check_format(r, other.as_object(), "coopecon-x", 1));
    const auto newer = json::parse(R"({"format": "coopecon-x", "version": 3})", "t.json", problems);
    EXPECT_FALSE(json::check_format(r, newer.as_object(), "coopecon-x", 1));
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].to_string(), "format: expected \"coopecon-x\", got \"other\": this is not a coopecon-x file");
    EXPECT_EQ(problems[1].to_string(), "version: unsupported version 3: this library reads coopecon-x version 1");
}

TEST(JsonRead, HostileInputDoesNotCrash) {
    // Wrong shapes at every level, huge numbers, deep but legal nesting, long strings: problems, never a crash.
    EXPECT_EQ(problems_of<Thing>("[]"), (Lines{"t.json:1:1: expected an object, got an array"}));
    EXPECT_EQ(problems_of<Thing>("null"), (Lines{"t.json:1:1: expected an object, got null"}));
    const std::string long_name(100000, 'x');
    try {
        json::read_json<Part>("{\"name\": \"a\", \"count\": 1, \"" + long_name + "\": 1}", "t.json");
        ADD_FAILURE() << "an unknown key was accepted";
    } catch (const Error& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_LT(e.problems()[0].message.size(), 200u);  // the message quotes the key cut short
        EXPECT_EQ(e.problems()[0].line, 1);
    }
    EXPECT_EQ(problems_of<std::vector<std::vector<Part>>>("[[" + std::string(60, '[') + std::string(60, ']') + "]]").size(), 1u);
}

}  // namespace
}  // namespace coopecon::json_read_test
