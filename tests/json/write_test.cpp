// The writer's exact layout (2-space indent, declaration order, omitted empty optionals and vectors, UTF-8 as
// is, escapes only where JSON needs them, final newline), byte-identical write → read → write, and streaming.

#include "json/json.hpp"

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

namespace coopecon::json_write_test {

enum class Level : std::uint8_t { low, high };
BOOST_DESCRIBE_ENUM(Level, low, high)

struct Empty {};
BOOST_DESCRIBE_STRUCT(Empty, (), ())

struct Inner {
    std::string text;
    std::vector<std::int32_t> numbers;
};
BOOST_DESCRIBE_STRUCT(Inner, (), (text, numbers))

struct Outer {
    std::string name;
    Level level = Level::low;
    std::optional<Date> until;
    std::optional<std::int64_t> amount;
    std::vector<Inner> inner;
    Empty nothing;
    std::map<std::string, Timeline<std::int64_t>> timelines;
    bool flag = false;
    std::uint64_t big = 0;
};
BOOST_DESCRIBE_STRUCT(Outer, (), (name, level, until, amount, inner, nothing, timelines, flag, big))

namespace {

Outer sample() {
    Outer o;
    o.name = "Hợp tác xã \"Rạch Gốc\"\n\t\\ \x01 ✓";
    o.level = Level::high;
    o.amount = -9223372036854775807 - 1;
    o.inner = {Inner{"a", {1, -2, 3}}, Inner{"b", {}}};
    o.timelines["min_members"] = Timeline<std::int64_t>::make(
        {Dated<std::int64_t>{*Date::parse("2013-07-01"), *Date::parse("2024-06-30"), 7, "Law 23/2012/QH13 Art 3.1", false},
         Dated<std::int64_t>{*Date::parse("2024-07-01"), std::nullopt, 5, "Law 17/2023/QH15 Art 4.7", true}});
    o.timelines["empty"] = {};
    o.flag = true;
    o.big = 18446744073709551615u;
    return o;
}

TEST(JsonWrite, LayoutIsExactAndDeterministic) {
    const std::string expected = R"({
  "name": "Hợp tác xã \"Rạch Gốc\"\n\t\\ \u0001 ✓",
  "level": "high",
  "amount": -9223372036854775808,
  "inner": [
    {
      "text": "a",
      "numbers": [
        1,
        -2,
        3
      ]
    },
    {
      "text": "b"
    }
  ],
  "nothing": {},
  "timelines": {
    "empty": [],
    "min_members": [
      {
        "from": "2013-07-01",
        "until": "2024-06-30",
        "value": 7,
        "reference": "Law 23/2012/QH13 Art 3.1",
        "unconfirmed": false
      },
      {
        "from": "2024-07-01",
        "value": 5,
        "reference": "Law 17/2023/QH15 Art 4.7",
        "unconfirmed": true
      }
    ]
  },
  "flag": true,
  "big": 18446744073709551615
}
)";
    EXPECT_EQ(json::write_json(sample()), expected);
}

TEST(JsonWrite, WriteReadWriteIsByteIdentical) {
    const std::string first = json::write_json(sample());
    const auto back = json::read_json<Outer>(first, "t.json");
    EXPECT_EQ(back.name, sample().name);
    EXPECT_EQ(back.amount, sample().amount);
    EXPECT_FALSE(back.until);
    EXPECT_TRUE(back.timelines.at("min_members") == sample().timelines.at("min_members"));
    EXPECT_EQ(json::write_json(back), first);
}

TEST(JsonWrite, NoTrailingSpacesAndOneFinalNewline) {
    const std::string text = json::write_json(sample());
    EXPECT_EQ(text.find(" \n"), std::string::npos);
    EXPECT_EQ(text.back(), '\n');
    EXPECT_NE(text[text.size() - 2], '\n');
    EXPECT_EQ(json::write_json(std::vector<std::int32_t>{}), "[]\n");
    EXPECT_EQ(json::write_json(Empty{}), "{}\n");
}

TEST(JsonWrite, RefusesWhatCannotBeReadBack) {
    Outer bad;
    bad.name = "valid then \xC3";
    EXPECT_THROW(json::write_json(bad), Error);
    Outer undescribed;
    undescribed.level = static_cast<Level>(9);
    try {
        json::write_json(undescribed);
        ADD_FAILURE() << "an undescribed enumerator was written";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::invalid_value);
    }
}

/// A stream buffer that remembers the largest single write it was given.
class CountingBuffer : public std::streambuf {
public:
    std::size_t total = 0;
    std::size_t largest = 0;

protected:
    std::streamsize xsputn(const char*, std::streamsize n) override {
        total += static_cast<std::size_t>(n);
        largest = std::max(largest, static_cast<std::size_t>(n));
        return n;
    }
    int_type overflow(int_type c) override {
        ++total;
        return c;
    }
};

TEST(JsonWrite, StreamsThroughASmallBuffer) {
    std::vector<Inner> many(20000, Inner{"một chuỗi khá dài để lấp đầy bộ đệm", {1, 2, 3, 4, 5}});
    CountingBuffer counter;
    std::ostream out(&counter);
    json::Writer w(out);
    w.value(many);
    w.finish();
    const std::string whole = json::write_json(many);
    EXPECT_EQ(counter.total, whole.size());
    EXPECT_GT(whole.size(), 2'000'000u);
    EXPECT_LT(counter.largest, 80'000u);  // never the whole document at once

    std::ostringstream same;
    json::Writer sw(same);
    sw.value(many);
    sw.finish();
    EXPECT_EQ(same.str(), whole);
}

}  // namespace
}  // namespace coopecon::json_write_test
