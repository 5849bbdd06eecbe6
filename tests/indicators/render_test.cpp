// Each renderer's exact output for a small table, in English and Vietnamese: aligned text measured in
// terminal cells of UTF-8 text, Markdown, CSV (RFC 4180) and JSON.

#include <coopecon/indicators/render.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace {

using namespace coopecon;
using namespace coopecon::indicators;

Table small_table() {
    Table t;
    t.id = "test";
    t.title = {"Test table", "Bảng thử"};
    t.keys.push_back({"kind", {"Kind", "Loại hình"},
                      {{"cooperative", {"Cooperative", "Hợp tác xã"}},
                       {"cooperative_group", {"Cooperative group", "Tổ hợp tác"}},
                       {"total", {"Total", "Tổng số"}}}});
    t.values.push_back({"organizations", {"Organisations", "Số tổ chức"}, Unit::organizations, 0, true, {281, 987, 1268}, {}});
    t.values.push_back({"active_rate", {"Active rate", "Tỷ lệ đang hoạt động"}, Unit::percent, 1, false, {},
                        {87.94, std::nan(""), 95.06}});
    t.totals = {0, 0, 1};
    return t;
}

TEST(Render, TextInEnglish) {
    EXPECT_EQ(to_text(small_table(), Lang::en),
              "Test table\n"
              "Kind               Organisations  Active rate (%)\n"
              "-----------------  -------------  ---------------\n"
              "Cooperative                  281             87.9\n"
              "Cooperative group            987                –\n"
              "-----------------  -------------  ---------------\n"
              "Total                      1,268             95.1\n");
}

TEST(Render, TextInVietnameseCountsCellsNotBytes) {
    EXPECT_EQ(to_text(small_table(), Lang::vi),
              "Bảng thử\n"
              "Loại hình   Số tổ chức  Tỷ lệ đang hoạt động (%)\n"
              "----------  ----------  ------------------------\n"
              "Hợp tác xã         281                      87,9\n"
              "Tổ hợp tác         987                         –\n"
              "----------  ----------  ------------------------\n"
              "Tổng số          1.268                      95,1\n");
}

TEST(Render, Markdown) {
    EXPECT_EQ(to_markdown(small_table(), Lang::en),
              "### Test table\n\n"
              "| Kind | Organisations | Active rate (%) |\n"
              "| :--- | ---: | ---: |\n"
              "| Cooperative | 281 | 87.9 |\n"
              "| Cooperative group | 987 | – |\n"
              "| Total | 1,268 | 95.1 |\n");
}

// A figure no organisation reported reads "no data", never 0 or a dash that could be taken for "not applicable";
// programs get an empty CSV field and null.
TEST(Render, AFigureNoOrganisationReportedIsNoDataInEveryFormat) {
    auto t = small_table();
    t.values[1].missing_is_no_data = true;
    EXPECT_NE(to_text(t, Lang::en).find("Cooperative group            987          no data\n"), std::string::npos);
    EXPECT_NE(to_text(t, Lang::vi).find("Tổ hợp tác         987          không có số liệu\n"), std::string::npos);
    EXPECT_NE(to_markdown(t, Lang::en).find("| Cooperative group | 987 | no data |\n"), std::string::npos);
    EXPECT_NE(to_markdown(t, Lang::vi).find("| Tổ hợp tác | 987 | không có số liệu |\n"), std::string::npos);
    EXPECT_NE(to_csv(t, Lang::vi).find("\r\nTổ hợp tác,987,\r\n"), std::string::npos);
    EXPECT_NE(to_json(t, Lang::vi).find("\"organizations\": 987, \"active_rate\": null"), std::string::npos);
    EXPECT_NE(render(t, Format::html, Lang::vi).find("<td class=\"num missing\">không có số liệu</td>"),
              std::string::npos);
}

TEST(Render, CsvFollowsRfc4180) {
    EXPECT_EQ(to_csv(small_table(), Lang::vi),
              "Loại hình,Số tổ chức,Tỷ lệ đang hoạt động (%)\r\n"
              "Hợp tác xã,281,87.9\r\n"
              "Tổ hợp tác,987,\r\n"
              "Tổng số,1268,95.1\r\n");
    auto t = small_table();
    t.keys[0].cells[0].label.en = "Agriculture, \"fishery\"";
    EXPECT_EQ(to_csv(t, Lang::en).substr(0, 80).find("\"Agriculture, \"\"fishery\"\"\",281,87.9\r\n"), 36u);
}

TEST(Render, Json) {
    EXPECT_EQ(to_json(small_table(), Lang::en),
              "{\n"
              "  \"id\": \"test\",\n"
              "  \"title\": \"Test table\",\n"
              "  \"columns\": [\n"
              "    {\"id\": \"kind\", \"label\": \"Kind\", \"role\": \"key\"},\n"
              "    {\"id\": \"organizations\", \"label\": \"Organisations\", \"role\": \"value\", \"unit\": \"organizations\"},\n"
              "    {\"id\": \"active_rate\", \"label\": \"Active rate\", \"role\": \"value\", \"unit\": \"percent\"}\n"
              "  ],\n"
              "  \"rows\": [\n"
              "    {\"kind\": \"cooperative\", \"kind_label\": \"Cooperative\", \"organizations\": 281, \"active_rate\": 87.94, \"total\": false},\n"
              "    {\"kind\": \"cooperative_group\", \"kind_label\": \"Cooperative group\", \"organizations\": 987, \"active_rate\": null, \"total\": false},\n"
              "    {\"kind\": \"total\", \"kind_label\": \"Total\", \"organizations\": 1268, \"active_rate\": 95.06, \"total\": true}\n"
              "  ]\n"
              "}");
}

TEST(Render, TextAndMarkdownShowControlCharactersAndBrokenUtf8AsReplacements) {
    EXPECT_EQ(printable("Cà Mau"), "Cà Mau");
    EXPECT_EQ(printable("a\x1b[31mb"), "a\xEF\xBF\xBD[31mb");
    EXPECT_EQ(printable("x\xC3"), "x\xEF\xBF\xBD");          // cut short
    EXPECT_EQ(printable("\xC0\xAF"), "\xEF\xBF\xBD");         // overlong '/'
    EXPECT_EQ(printable("\xC2\x85"), "\xEF\xBF\xBD");         // C1 control NEL
    EXPECT_EQ(printable("\xF0\x9F\x8C\xBE"), "\xF0\x9F\x8C\xBE");  // an emoji stays
    auto t = small_table();
    t.keys[0].cells[0].label.en = "Bad\nname|x";
    EXPECT_NE(to_text(t, Lang::en).find("Bad\xEF\xBF\xBDname|x"), std::string::npos);
    EXPECT_NE(to_markdown(t, Lang::en).find("| Bad\xEF\xBF\xBDname\\|x |"), std::string::npos);
}

TEST(Render, NumbersForPeople) {
    EXPECT_EQ(format_integer(14560, Lang::en), "14,560");
    EXPECT_EQ(format_integer(14560, Lang::vi), "14.560");
    EXPECT_EQ(format_integer(-1234567, Lang::en), "-1,234,567");
    EXPECT_EQ(format_number(15.274, 1, Lang::vi), "15,3");
    EXPECT_EQ(format_number(-0.04, 1, Lang::en), "0.0");
    EXPECT_EQ(format_number(1234.5, 0, Lang::en), "1,234");  // round half to even, as printf does
    EXPECT_EQ(display_width("Tỷ lệ"), 5u);
    EXPECT_EQ(display_width("Ti\xCC\x89"), 2u);  // i + combining hook above
    EXPECT_EQ(display_width("合作社"), 6u);
}

}  // namespace
