// The CSV reader's limits (CsvLimits: columns and bytes per row), both sides of each, overridable; and a header of
// many unknown columns, whose problems stay short and are found in time linear in the header.

#include <coopecon/io/csv.hpp>
#include <coopecon/io/csv_reader.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

namespace {

using namespace coopecon;
using namespace coopecon::io;

std::string header_of(std::size_t columns) {
    std::string out = "ID";
    for (std::size_t k = 1; k < columns; ++k) out += ",X" + std::to_string(k);
    return out + "\n";
}

std::string first_problem(const std::string& text, const CsvLimits& limits = {}) {
    try {
        parse(text, "wide.csv", ',', limits);
    } catch (const Error& e) {
        return e.problems().front().to_string();
    }
    return {};
}

TEST(CsvLimits, AThousandColumnsAreReadAndOneMoreIsRefusedAtOnce) {
    EXPECT_EQ(parse(header_of(1000), "wide.csv").header.size(), 1000u);
    EXPECT_EQ(first_problem(header_of(1001)),
              "wide.csv:1:1001: the row has more than 1000 columns, the most a CSV file may have (COOPECON_MAX_CSV_COLUMNS raises it)");
    EXPECT_EQ(first_problem("ID\n" + std::string(1001, ',') + "\n"),
              "wide.csv:2:1001: the row has more than 1000 columns, the most a CSV file may have (COOPECON_MAX_CSV_COLUMNS raises it)");
}

TEST(CsvLimits, ARowOfAMebibyteIsReadAndALongerOneIsRefused) {
    const std::string at_limit = "ID\n" + std::string(1u << 20, 'x') + "\n";
    EXPECT_EQ(parse(at_limit, "long.csv").rows.size(), 1u);
    EXPECT_EQ(first_problem("ID\n" + std::string((1u << 20) + 1, 'x') + "\n"),
              "wide.csv:2:1: the row is longer than 1048576 bytes, the most a CSV row may have (COOPECON_MAX_CSV_ROW_BYTES raises it)");
    // A quoted field's line breaks count too.
    EXPECT_NE(first_problem("ID\n\"" + std::string(1u << 20, '\n') + "\"\n"), "");
}

TEST(CsvLimits, TheLimitsAreOverridable) {
    CsvLimits wider, shorter;
    wider.columns = 2000;
    shorter.row_bytes = 10;
    EXPECT_EQ(parse(header_of(1500), "wide.csv", ',', wider).header.size(), 1500u);
    EXPECT_EQ(parse("ID\n1234567890\n", "short.csv", ',', shorter).rows.size(), 1u);
    EXPECT_EQ(first_problem("ID\n12345678901\n", shorter),
              "wide.csv:2:1: the row is longer than 10 bytes, the most a CSV row may have (COOPECON_MAX_CSV_ROW_BYTES raises it)");
}

TEST(CsvLimits, TheEnvironmentSetsTheLimitsAndABadValueIsAUsageError) {
    const CsvLimits defaults;
    ::setenv("COOPECON_MAX_CSV_COLUMNS", "2000", 1);
    ::setenv("COOPECON_MAX_CSV_ROW_BYTES", "10", 1);
    const auto limits = CsvLimits::from_environment();
    EXPECT_EQ(limits.columns, 2000u);
    EXPECT_EQ(limits.row_bytes, 10u);
    ::setenv("COOPECON_MAX_CSV_COLUMNS", "0", 1);
    try {
        (void)CsvLimits::from_environment();
        ADD_FAILURE() << "a limit of 0 was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::usage);
        EXPECT_NE(std::string(e.what()).find("COOPECON_MAX_CSV_COLUMNS"), std::string::npos) << e.what();
    }
    ::unsetenv("COOPECON_MAX_CSV_COLUMNS");
    ::unsetenv("COOPECON_MAX_CSV_ROW_BYTES");
    EXPECT_EQ(CsvLimits::from_environment().columns, defaults.columns);
    EXPECT_EQ(CsvLimits::from_environment().row_bytes, defaults.row_bytes);
}

TEST(CsvLimits, ManyUnknownColumnsNameTheMissingHeadersOnce) {
    CsvOptions options;
    options.limits.columns = 50000;
    const std::string text = header_of(40000) + "1" + std::string(39999, ',') + "\n";
    try {
        read_csv(text, "wide.csv", CsvRows::organizations, options);
        FAIL() << "refused";
    } catch (const Error& e) {
        const auto& problems = e.problems();
        ASSERT_GE(problems.size(), 39999u);
        std::size_t naming = 0, bytes = 0;
        for (const auto& p : problems) {
            naming += p.message.find("missing from this file") != std::string::npos;
            bytes += p.message.size();
        }
        EXPECT_EQ(naming, 1u);
        EXPECT_LT(bytes / problems.size(), 200u);  // short problems
        EXPECT_NE(problems.back().message.find("(see column 2)"), std::string::npos) << problems.back().message;
    }
}

}  // namespace
