// Strict parsing: every kind of syntax error gets our own message at file:line:column (columns in code points),
// duplicate keys are found even when spelled with escapes, and the source helpers (positions, UTF-8, paths,
// the locator) behave on the edge cases the parser relies on.

#include "json/parse.hpp"
#include "json/path.hpp"
#include "json/source.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace coopecon;

/// The one-line message of the syntax error in `text`, or "" when it parses.
std::string syntax_error(std::string_view text) {
    Problems problems;
    try {
        json::parse(text, "t.json", problems);
    } catch (const Error& e) {
        EXPECT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.code(), ErrorCode::syntax);
        return e.what();
    }
    return {};
}

struct SyntaxCase {
    std::string_view text;
    std::string_view message;
};

TEST(JsonParse, SyntaxErrorsSayWhatAndWhere) {
    const SyntaxCase cases[] = {
        {"", "t.json:1:1: the file is empty: it holds no JSON value"},
        {" \n\t ", "t.json:1:1: the file is empty: it holds no JSON value"},
        {"{\"a\": 1", "t.json:1:8: the file is truncated: it ends before the object opened at line 1, column 1 is closed"},
        {"{\"a\": [1,\n  {\"b\": 2}",
         "t.json:2:11: the file is truncated: it ends before the array opened at line 1, column 7 is closed "
         "(1 enclosing object(s) or array(s) are open too)"},
        {"{\"a\": \"abc", "t.json:1:11: the file is truncated: it ends inside the string that starts at line 1, "
                          "column 7 (is a closing '\"' missing?)"},
        {"[tr", "t.json:1:4: the file is truncated: it ends before the array opened at line 1, column 1 is closed"},
        {"fals", "t.json:1:5: the file is truncated: it ends in the middle of a value"},
        {"{\"a\": 1,}", "t.json:1:8: trailing comma: a ',' must be followed by another member; remove it before '}'"},
        {"[1, 2, ]", "t.json:1:6: trailing comma: a ',' must be followed by another element; remove it before ']'"},
        {"{a: 1}", "t.json:1:2: the key a must be in double quotes: \"a\""},
        {"{'a': 1}", "t.json:1:2: keys must be in double quotes, not single quotes"},
        {"{\"a\": 'x'}", "t.json:1:7: strings must be in double quotes, not single quotes"},
        {"{\"a\" 1}", "t.json:1:6: expected ':' after the key, found '1'"},
        {"{\"a\": 1 \"b\": 2}", "t.json:1:9: expected ',' or '}' after a member, found '\"' (is a comma missing?)"},
        {"[1 2]", "t.json:1:4: expected ',' or ']' after an element, found '2' (is a comma missing?)"},
        {"{\"a\": [1}", "t.json:1:9: mismatched bracket: found '}' but the array opened at line 1, column 7 closes with ']'"},
        {"{\"a\": }", "t.json:1:7: expected a value (a string in double quotes, a number, true, false, null, an object or "
                      "an array), found '}'"},
        {"[,1]", "t.json:1:2: expected a value (a string in double quotes, a number, true, false, null, an object or "
                 "an array), found ','"},
        {"{,}", "t.json:1:2: expected a key in double quotes or '}', found ','"},
        {"{\"a\": nul}", "t.json:1:7: unknown word \"nul\": expected a value (a string in double quotes, a number, true, "
                         "false, null, an object or an array)"},
        {"[True]", "t.json:1:2: unknown word \"True\": expected a value (a string in double quotes, a number, true, "
                   "false, null, an object or an array)"},
        {"[01]", "t.json:1:2: a number cannot have a leading zero"},
        {"[1.]", "t.json:1:2: malformed number \"1.\": a digit must follow '-', '.' and the exponent 'e'"},
        {"[1e]", "t.json:1:2: malformed number \"1e\": a digit must follow '-', '.' and the exponent 'e'"},
        {"[+1]", "t.json:1:2: a number must start with a digit or '-', found '+'"},
        {"[.5]", "t.json:1:2: a number must start with a digit or '-', found '.'"},
        {"{} {}", "t.json:1:4: more text after the end of the JSON document, which must hold exactly one value (found '{')"},
        {"[\"a\nb\"]", "t.json:1:4: a line break inside a string (is the closing '\"' missing? write a line break as \\n)"},
        {"[\"a\tb\"]", "t.json:1:4: control character U+0009 inside a string: write it as \\t"},
        {"[\"\\x\"]", "t.json:1:3: invalid escape '\\x' in a string: use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX"},
        {"[\"\\u12\"]", "t.json:1:7: a \\u escape needs four hex digits, found '\"'"},
        {"[\"\\uD800x\"]", "t.json:1:9: invalid \\u escape: a UTF-16 surrogate must be a high one (\\uD800-\\uDBFF) "
                           "followed by a low one (\\uDC00-\\uDFFF)"},
        {"\xEF\xBB\xBF{}", "t.json:1:1: the file starts with a byte order mark (U+FEFF); save it as UTF-8 without one"},
        {"[\"\xFF\"]", "t.json:1:3: invalid UTF-8: byte 0xFF cannot start a UTF-8 character; the file must be UTF-8 encoded"},
        {"[\"\xC3\"]", "t.json:1:3: invalid UTF-8: byte 0xC3 starts a UTF-8 character that is cut short; the file must "
                       "be UTF-8 encoded"},
        {"[\"\xC0\xAF\"]", "t.json:1:3: invalid UTF-8: byte 0xC0 cannot start a UTF-8 character; the file must be UTF-8 "
                           "encoded"},
        {"[\"\xED\xA0\x80\"]", "t.json:1:3: invalid UTF-8: the bytes from 0xED are an overlong or out-of-range UTF-8 "
                               "sequence; the file must be UTF-8 encoded"},
    };
    for (const auto& c : cases) EXPECT_EQ(syntax_error(c.text), c.message) << "input: " << c.text;
}

TEST(JsonParse, ColumnsCountCodePointsNotBytes) {
    // "tên" and "Hợp tác xã" take 17 bytes for 13 code points: the stray x is at column 22, not byte 29.
    EXPECT_EQ(syntax_error("{\"tên\": \"Hợp tác xã\" x}"),
              "t.json:1:22: expected ',' or '}' after a member, found 'x' (is a comma missing?)");
    EXPECT_EQ(syntax_error("{\n  \"đồng\": 1,\n  \"số\": ?\n}"),
              "t.json:3:9: expected a value (a string in double quotes, a number, true, false, null, an object or "
              "an array), found '?'");
}

TEST(JsonParse, NestingIsLimitedTo64Levels) {
    const auto nested = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
    Problems problems;
    EXPECT_NO_THROW(json::parse(nested(json::max_depth), "t.json", problems));
    EXPECT_EQ(syntax_error(nested(json::max_depth + 1)), "t.json:1:65: objects and arrays are nested more than 64 levels deep");
    EXPECT_EQ(syntax_error(nested(100000)), "t.json:1:65: objects and arrays are nested more than 64 levels deep");
}

TEST(JsonParse, AcceptsWhatJsonAllows) {
    Problems problems;
    const auto v = json::parse(" {\"a\": [1, -2.5e3, true, null, \"\\u00e9\\ud83d\\ude00 ✓\"], \"b\": {}} \n", "t.json", problems);
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ(v.at("a").at(4).as_string(), "é😀 ✓");
}

TEST(JsonParse, DuplicateKeysAreReportedWithBothPlaces) {
    Problems problems;
    const auto v = json::parse("{\"a\": 1,\n \"b\": {\"x\": 1, \"\\u0078\": 2},\n \"a\": 3, \"a\": 4}", "t.json", problems);
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].to_string(), "t.json:2:16: b.x: duplicate key \"x\" (first given at line 2, column 8)");
    EXPECT_EQ(problems[1].to_string(), "t.json:3:2: a: duplicate key \"a\" (first given at line 1, column 2)");
    EXPECT_EQ(problems[2].to_string(), "t.json:3:10: a: duplicate key \"a\" (first given at line 1, column 2)");
    EXPECT_EQ(problems[0].code, ErrorCode::duplicate);
    EXPECT_EQ(v.at("a").as_int64(), 4);  // what Boost.JSON keeps, for the record
}

TEST(JsonParse, DuplicateKeysInAHugeObjectAreFoundQuickly) {
    std::string text = "{";
    for (int i = 0; i < 200000; ++i) text += "\"k\":0,";
    text += "\"end\":1}";
    Problems problems;
    json::parse(text, "t.json", problems);
    EXPECT_EQ(problems.size(), 199999u);
}

TEST(JsonSource, PathsQuoteKeysThatAreNotIdentifiers) {
    std::string path;
    json::append_key(path, "rules");
    json::append_key(path, "integrity.after_termination");
    json::append_index(path, 0);
    json::append_key(path, "from");
    EXPECT_EQ(path, "rules[\"integrity.after_termination\"][0].from");
    EXPECT_EQ(json::prefix_lengths(path), (std::vector<std::size_t>{5, 36, 39}));
    std::string odd;
    json::append_key(odd, "say \"hi\"");
    EXPECT_EQ(odd, "[\"say \\\"hi\\\"\"]");
}

TEST(JsonSource, LocatorFindsValuesKeysAndSkipsTheRest) {
    const std::string text = "{\"a\": [10, {\"b\": \"x\"}],\n \"r\": {\"p.q\": [true]}, \"z\": null}";
    const auto found = json::Locator(text).find({"a[1].b", "r[\"p.q\"][0]", "missing.key"});
    ASSERT_TRUE(found.count("a[1].b"));
    EXPECT_EQ(found.at("a[1].b").value, text.find("\"x\""));
    EXPECT_EQ(found.at("a[1].b").key, text.find("\"b\""));
    EXPECT_EQ(found.at("r[\"p.q\"][0]").value, text.find("true"));
    EXPECT_EQ(found.at("a[1]").value, text.find("{\"b\""));  // prefixes are recorded for absent paths
    EXPECT_FALSE(found.count("missing.key"));
    EXPECT_FALSE(found.count("z"));
}

TEST(JsonSource, LocateProblemsFallsBackToTheNearestEnclosingValueAndSorts) {
    const std::string text = "{\n  \"list\": [\n    {\"x\": 1},\n    {\"y\": 2}\n  ]\n}";
    Problems problems{Problem::at(ErrorCode::unknown_field, "unknown", "list[1].y"),
                      Problem::at(ErrorCode::missing_field, "missing", "list[0].z"),
                      Problem::at(ErrorCode::missing_field, "missing at the top", "format")};
    json::locate_problems(problems, text, "t.json");
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].to_string(), "t.json:1:1: format: missing at the top");
    EXPECT_EQ(problems[1].to_string(), "t.json:3:5: list[0].z: missing");
    EXPECT_EQ(problems[2].to_string(), "t.json:4:6: list[1].y: unknown");  // the key, for an unknown key
}

TEST(JsonSource, DecodeStringResolvesEscapesAndSurrogatePairs) {
    EXPECT_EQ(json::decode_string(R"(a\"b\\c\/d\n\t\u0041\u00e9\u1ea1\ud83d\ude00)"), "a\"b\\c/d\n\tAéạ😀");
}

TEST(JsonSource, QuotedTextIsEscapedAndCut) {
    EXPECT_EQ(json::in_quotes("a\"b\n"), "\"a\\\"b\\u000A\"");
    EXPECT_EQ(json::in_quotes(std::string(100, 'x')), "\"" + std::string(60, 'x') + "…\"");
}

}  // namespace
