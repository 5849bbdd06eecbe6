// docs/indicators.md carries the catalogue as generated from the code's metadata; this test regenerates it and
// compares, so the documentation cannot drift from the code. On a difference it writes the expected file next
// to the build (indicators.md.expected) to copy over.

#include <coopecon/core/enum_text.hpp>
#include <coopecon/indicators/catalogue.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace {

using namespace coopecon;
using namespace coopecon::indicators;

std::string cell(std::string s) {
    std::string out;
    for (char c : s) {
        if (c == '|') out += '\\';
        out += c;
    }
    return out;
}

std::string generated_catalogue() {
    std::string out =
        "| id | English | Tiếng Việt | unit | definition | practice | reference |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n";
    for (const auto& i : catalogue()) {
        out += "| `" + i.id + "` | " + cell(i.label.en) + " | " + cell(i.label.vi) + " | " +
               std::string(enum_name(i.unit)) + " | " + cell(i.definition) + (i.provisional ? " (provisional)" : "") +
               " | " + std::string(enum_name(i.practice)) + " | " + cell(i.reference) + " |\n";
    }
    return out;
}

TEST(Docs, CatalogueInDocsMatchesTheCode) {
    const std::string path = std::string(COOPECON_SOURCE_DIR) + "/docs/indicators.md";
    std::ifstream in(path);
    ASSERT_TRUE(in) << "cannot read " << path;
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string doc = ss.str();
    const std::string begin = "<!-- catalogue:begin -->\n", end = "<!-- catalogue:end -->";
    const auto b = doc.find(begin), e = doc.find(end);
    ASSERT_NE(b, std::string::npos);
    ASSERT_NE(e, std::string::npos);
    const auto current = doc.substr(b + begin.size(), e - b - begin.size());
    const auto expected = generated_catalogue();
    if (current != expected) {
        std::ofstream(std::string(COOPECON_BINARY_DIR) + "/indicators.md.expected")
            << doc.substr(0, b + begin.size()) << expected << doc.substr(e);
        FAIL() << "docs/indicators.md is out of date; the regenerated file is " << COOPECON_BINARY_DIR
               << "/indicators.md.expected";
    }
}

}  // namespace
