// The table renderer on its own, with cells no registry report produces yet: wide and combining characters,
// quotes, line breaks, Markdown syntax, control characters and bytes that are not UTF-8.

// The test programs are built from tests/<layer>/*_test.cpp only, so the renderer's one source file is
// compiled into this test directly.
#include "../../src/cli/table_output.cpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace {

using namespace coopecon::cli;

std::string render(const Table& t, Format f) {
    std::ostringstream out;
    write_table(out, t, f);
    return out.str();
}

Table two_columns(std::vector<Row> rows) {
    Table t;
    t.title = "T";
    t.columns = {{"name", "Name", false}, {"n", "N", true}};
    t.section_label = "Section";
    t.sections.push_back({"s", "S", std::move(rows), std::nullopt});
    return t;
}

TEST(DisplayWidth, CountsWhatATerminalShows) {
    EXPECT_EQ(display_width(""), 0u);
    EXPECT_EQ(display_width("Total"), 5u);
    EXPECT_EQ(display_width("Tổ hợp tác"), 10u);                   // precomposed (NFC)
    EXPECT_EQ(display_width("To\xCC\x82\xCC\x89 ho\xCC\x9B\xCC\xA3p"), 6u);  // "Tổ hợp" decomposed (NFD)
    EXPECT_EQ(display_width("合作社"), 6u);
    EXPECT_EQ(display_width("\xF0\x9F\x8C\xBE"), 2u);  // U+1F33E ear of rice
    EXPECT_EQ(display_width("a\xFF\xC3"), 3u);         // an invalid byte and a truncated sequence count 1 each
    EXPECT_EQ(display_width("\xED\xA0\x80"), 3u);      // an encoded surrogate is three invalid bytes
}

TEST(TextTable, AlignsWideAndCombiningCharacters) {
    const auto t = two_columns({{Cell::of("合作社"), Cell::of(1)}, {Cell::of("Ho\xCC\x9B\xCC\xA3p"), Cell::of(22)}});
    EXPECT_EQ(render(t, Format::text),
              "T\n"
              "\n"
              "S\n"
              "\n"
              "Name     N\n"
              "------  --\n"
              "合作社   1\n"
              "Ho\xCC\x9B\xCC\xA3p     22\n");
}

TEST(TextTable, ReplacesControlCharactersAndInvalidBytes) {
    const auto t = two_columns({{Cell::of("a\x1b[31mb\tc\xFF"), Cell::of(-5)}});
    EXPECT_EQ(render(t, Format::text),
              "T\n\nS\n\n"
              "Name         N\n"
              "----------  --\n"
              "a\xEF\xBF\xBD[31mb\xEF\xBF\xBD" "c\xEF\xBF\xBD  -5\n");
}

TEST(CsvTable, QuotesAsRfc4180Requires) {
    const auto t = two_columns({{Cell::of("plain"), Cell::of(1)},
                                {Cell::of("a, b"), Cell::of(2)},
                                {Cell::of("say \"hi\""), Cell::of(3)},
                                {Cell::of("two\nlines"), Cell::of(4)},
                                {Cell::of("cr\rhere"), Cell::of(5)},
                                {Cell::of("bad\xFF"), Cell::of(6)}});
    EXPECT_EQ(render(t, Format::csv),
              "Section,Name,N\n"
              "S,plain,1\n"
              "S,\"a, b\",2\n"
              "S,\"say \"\"hi\"\"\",3\n"
              "S,\"two\nlines\",4\n"
              "S,\"cr\rhere\",5\n"
              "S,bad\xEF\xBF\xBD,6\n");
}

TEST(MarkdownTable, EscapesWhatWouldBreakTheTable) {
    auto t = two_columns({{Cell::of("a|b *c* _d_ `e` [f](g) <h> \\"), Cell::of(1)}});
    t.facts.push_back({"file", "File", "my_registry.json", {}});
    EXPECT_EQ(render(t, Format::md),
              "# T\n"
              "\n"
              "- File: my\\_registry.json\n"
              "\n"
              "## S\n"
              "\n"
              "| Name | N |\n"
              "| --- | ---: |\n"
              "| a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\<h> \\\\ | 1 |\n");
}

TEST(JsonTable, WritesIdsNumbersAndOnlyValidUtf8) {
    auto t = two_columns({{Cell::of("Hợp tác xã", "cooperative"), Cell::of(3)}, {Cell::of("x\xFF\x01"), Cell::of(4)}});
    t.sections.front().total = Row{Cell::of("Total"), Cell::of(7)};
    t.facts.push_back({"synthetic", "Synthetic", "yes", true});
    EXPECT_EQ(render(t, Format::json),
              "{\n"
              "  \"title\": \"T\",\n"
              "  \"synthetic\": true,\n"
              "  \"columns\": [\n"
              "    {\n"
              "      \"key\": \"name\",\n"
              "      \"label\": \"Name\"\n"
              "    },\n"
              "    {\n"
              "      \"key\": \"n\",\n"
              "      \"label\": \"N\"\n"
              "    }\n"
              "  ],\n"
              "  \"sections\": [\n"
              "    {\n"
              "      \"key\": \"s\",\n"
              "      \"title\": \"S\",\n"
              "      \"rows\": [\n"
              "        {\n"
              "          \"name\": \"cooperative\",\n"
              "          \"name_label\": \"Hợp tác xã\",\n"
              "          \"n\": 3\n"
              "        },\n"
              "        {\n"
              "          \"name\": \"x\xEF\xBF\xBD\\u0001\",\n"
              "          \"n\": 4\n"
              "        }\n"
              "      ],\n"
              "      \"total\": {\n"
              "        \"n\": 7\n"
              "      }\n"
              "    }\n"
              "  ]\n"
              "}\n");
}

}  // namespace
