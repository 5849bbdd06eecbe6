// The registry file read one organisation at a time: the same registry and the same problems whatever the
// order of the root's members and however the organisations fall into parts, the input limits on both sides
// of each, and problems capped with a count of the rest.

#include <coopecon/io/registry_json.hpp>

#include <coopecon/core/input_limits.hpp>
#include <coopecon/core/text_file.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using namespace coopecon;
namespace fs = std::filesystem;

const fs::path mapped_example = fs::path(COOPECON_SOURCE_DIR) / "examples" / "registry.json";

/// The problems reading `text` throws, one line each; empty when it loads.
std::vector<std::string> stream_refusal(const std::string& text, const InputLimits& limits = {}) {
    std::vector<std::string> lines;
    try {
        io::read_registry(text, "t.json", law::vietnam(), limits);
    } catch (const Error& e) {
        for (const auto& p : e.problems()) lines.push_back(p.to_string());
    }
    return lines;
}

/// A registry file of `n` cooperatives, each registered with seven members, one organisation a line from the
/// second; `extra` goes into the root object after the organisations.
std::string cooperatives(int n, const std::string& extra = "") {
    std::string out = R"({"format": "coopecon-registry", "version": 1, "info": {"title": "t", "source": "s", )"
                      R"("synthetic": true}, "areas": [], "crosswalk": [], "organizations": [)";
    for (int i = 0; i < n; ++i) {
        out += i ? ",\n" : "\n";
        out += R"({"id": "HTX-)" + std::to_string(i) + R"(", "registration_code": "R)" + std::to_string(i) +
               R"(", "name": "Co-op", "kind": "cooperative", "area": "D964", "sector": "agriculture", "events": [)"
               R"({"date": "2019-03-01", "type": "registered", "charter_capital": 500000000}, )"
               R"({"date": "2019-03-01", "type": "members_joined", "kind": "official", "member_type": )"
               R"("individual", "count": 7, "foreign_investors": 0, "capital": 500000000}]})";
    }
    return out + "]" + extra + "}";
}

TEST(RegistryJsonStream, ManyPartsLoadAsOne) {
    // 10,000 organisations are three parts of 4,096; every one is there, in file order.
    const auto reg = io::read_registry(cooperatives(10'000), "t.json");
    ASSERT_EQ(reg.size(), 10'000u);
    EXPECT_EQ(reg.organization(0).id, "HTX-0");
    EXPECT_EQ(reg.organization(9'999).id, "HTX-9999");
}

TEST(RegistryJsonStream, ProblemsInLaterPartsCarryTheirFileIndex) {
    auto text = cooperatives(9'000);
    const std::string last = R"("id": "HTX-8999", "registration_code": "R8999")";
    text.replace(text.find(last), last.size(), R"("id": "HTX-5", "registration_code": "R8999")");
    const auto lines = stream_refusal(text);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0], "t.json:9001:8: organizations[8999].id: organization HTX-5: organization id HTX-5 is "
                        "already used");
}

TEST(RegistryJsonStream, AReferenceToALaterPartIsResolved) {
    // The first cooperative is reorganised with the last one, thousands of organisations later.
    auto text = cooperatives(5'000);
    const std::string first_events = R"("capital": 500000000}]})";
    text.replace(text.find(first_events), first_events.size(),
                 R"("capital": 500000000}, {"date": "2024-09-02", "type": "reorganization_started", )"
                 R"("form": "merger_receiving", "counterparts": ["HTX-4999"], "approval_percent": 70}]})");
    EXPECT_EQ(stream_refusal(text), std::vector<std::string>{});
    text.replace(text.find(R"(["HTX-4999"])"), 12, R"(["HTX-7777"])");
    const auto lines = stream_refusal(text);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NE(lines[0].find("no organization with id HTX-7777"), std::string::npos) << lines[0];
}

TEST(RegistryJsonStream, RulesAcrossOrganisationsHoldAcrossParts) {
    // The first cooperative is absorbed by the last one, thousands of organisations later, which records no
    // merger: the rule is broken across two parts, and only the first one's events show it.
    auto text = cooperatives(5'000);
    const std::string first_events = R"("capital": 500000000}]})";
    text.replace(text.find(first_events), first_events.size(),
                 R"("capital": 500000000}, {"date": "2024-09-02", "type": "reorganization_started", )"
                 R"("form": "merger_into", "counterparts": ["HTX-4999"], "approval_percent": 70}, )"
                 R"({"date": "2024-11-04", "type": "reorganization_completed", "form": "merger_into", )"
                 R"("counterparts": ["HTX-4999"]}]})");
    const auto lines = stream_refusal(text);
    const std::string missing = "organizations[0].events[3].counterparts[0]: organization HTX-0, event "
                                "reorganization_completed on 2024-11-04: HTX-0 completes a merger (merger_into) with "
                                "HTX-4999, but HTX-4999 records no reorganization_completed (merger_receiving) naming "
                                "HTX-0 [rule integrity.reorganization_counterparts]";
    EXPECT_TRUE(std::any_of(lines.begin(), lines.end(),
                            [&](const std::string& l) { return l.find(missing) != std::string::npos; }))
        << ::testing::PrintToString(lines);
}

TEST(RegistryJsonStream, AreasAfterTheOrganisationsAreStillTheirCatalogue) {
    // A hand-written file may give its areas last: the organisations wait for them.
    std::string text = cooperatives(2);
    const std::string areas = R"("areas": [], "crosswalk": [], )";
    text.erase(text.find(areas), areas.size());
    text.insert(text.size() - 1, R"(, "areas": [], "crosswalk": [])");
    const auto reg = io::read_registry(text, "t.json");
    EXPECT_EQ(reg.size(), 2u);
    // And a catalogue with a problem, given last, still keeps the organisations from being judged.
    text.replace(text.rfind(R"("areas": [])"), 11, R"("areas": 5)");
    const auto lines = stream_refusal(text);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NE(lines[0].find("areas: expected an array, got a number"), std::string::npos) << lines[0];
}

TEST(RegistryJsonStream, AnAreaGivenAfterTheOrganisationsIsKnownToThem) {
    // The file is read a second time with its catalogue known: the cooperative seated in the area given last is
    // not refused for an unknown area, and a problem of another organisation is reported once.
    std::string text = cooperatives(3);
    text.erase(text.find(R"("areas": [], "crosswalk": [], )"), 30);
    const std::string seat = R"("id": "HTX-1", "registration_code": "R1", "name": "Co-op", "kind": "cooperative", )"
                             R"("area": "D964")";
    text.replace(text.find(seat), seat.size(), R"("id": "HTX-1", "registration_code": "R1", "name": "Co-op", )"
                                               R"("kind": "cooperative", "area": "C22939")");
    text.insert(text.size() - 1, R"(, "areas": [{"code": "C22939", "official_code": "22939", "name": "Bình Hưng", )"
                                 R"("name_en": "Binh Hung", "full_name": "Phường Bình Hưng", "level": "commune", )"
                                 R"("kind": "ward", "region": null, "parent": "D593", "valid_from": "2004-01-01"}])");
    const auto reg = io::read_registry(text, "t.json");
    ASSERT_EQ(reg.size(), 3u);
    EXPECT_EQ(reg.organization(1).area, "C22939");
    text.replace(text.find(R"("id": "HTX-2")"), 13, R"("id": "HTX-0")");
    const auto lines = stream_refusal(text);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NE(lines[0].find("organizations[2].id: organization HTX-0: organization id HTX-0 is already used"),
              std::string::npos)
        << lines[0];
    // Without the area, the same cooperative is refused for it.
    text.erase(text.rfind(R"(, "areas": [)"), text.size() - 1 - text.rfind(R"(, "areas": [)"));
    const auto without = stream_refusal(text);
    EXPECT_TRUE(std::any_of(without.begin(), without.end(),
                            [](const std::string& l) { return l.find("C22939") != std::string::npos; }))
        << ::testing::PrintToString(without);
}

TEST(RegistryJsonStream, FormatGivenLastStillDecides) {
    std::string text = cooperatives(1);
    text.replace(text.find(R"("format": "coopecon-registry", )"), 31, "");
    text.insert(text.size() - 1, R"(, "format": "something-else")");
    const auto lines = stream_refusal(text);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NE(lines[0].find("this is not a coopecon-registry file"), std::string::npos) << lines[0];
}

TEST(RegistryJsonStream, FileReadByMappingEqualsText) {
    const auto from_file = io::read_registry_file(mapped_example);
    const auto from_text = io::read_registry(read_text_file(mapped_example), mapped_example.string());
    EXPECT_EQ(io::write_registry(from_file), io::write_registry(from_text));
}

// ---- limits: each refused just past it, accepted at it ------------------------------------------------------

TEST(RegistryJsonLimits, InputSize) {
    const auto text = cooperatives(1);
    InputLimits limits;
    limits.max_input_bytes = text.size();
    EXPECT_EQ(stream_refusal(text, limits), std::vector<std::string>{});
    limits.max_input_bytes = text.size() - 1;
    const auto lines = stream_refusal(text, limits);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0], "t.json:1:1: the file is larger than " + std::to_string(text.size() - 1) +
                            " bytes (the limit; COOPECON_MAX_INPUT_BYTES raises it)");
}

TEST(RegistryJsonLimits, Depth) {
    // The example nests six levels (root, organizations, organisation, events, event, counterparts).
    const auto text = read_text_file(mapped_example);
    InputLimits limits;
    limits.max_depth = 6;
    EXPECT_EQ(stream_refusal(text, limits), std::vector<std::string>{});
    limits.max_depth = 5;
    const auto lines = stream_refusal(text, limits);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NE(lines[0].find("objects and arrays are nested more than 5 levels deep"), std::string::npos) << lines[0];
}

TEST(RegistryJsonLimits, StringLength) {
    std::string text = cooperatives(1);
    text.replace(text.find(R"("Co-op")"), 7, "\"" + std::string(100, 'x') + "\"");
    InputLimits limits;
    limits.max_string_bytes = 100;
    EXPECT_EQ(stream_refusal(text, limits), std::vector<std::string>{});
    limits.max_string_bytes = 99;
    const auto lines = stream_refusal(text, limits);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NE(lines[0].find("reading stopped here: a string longer than 99 bytes (the limit; "
                            "COOPECON_MAX_STRING_BYTES raises it)"),
              std::string::npos)
        << lines[0];
}

TEST(RegistryJsonLimits, KeysPerObject) {
    const auto text = cooperatives(1);  // an organisation and an event have seven keys
    InputLimits limits;
    limits.max_keys_per_object = 7;
    EXPECT_EQ(stream_refusal(text, limits), std::vector<std::string>{});
    limits.max_keys_per_object = 6;
    const auto lines = stream_refusal(text, limits);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NE(lines[0].find("an object has more than 6 keys (the limit; COOPECON_MAX_KEYS raises it)"),
              std::string::npos)
        << lines[0];
}

TEST(RegistryJsonLimits, Organisations) {
    const auto text = cooperatives(3);
    InputLimits limits;
    limits.max_organizations = 3;
    EXPECT_EQ(stream_refusal(text, limits), std::vector<std::string>{});
    limits.max_organizations = 2;
    const auto lines = stream_refusal(text, limits);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NE(lines[0].find("t.json:4:1: reading stopped here: more than 2 elements in \"organizations\""),
              std::string::npos)
        << lines[0];
}

TEST(RegistryJsonLimits, Events) {
    const auto text = cooperatives(3);  // two events each
    InputLimits limits;
    limits.max_events = 6;
    EXPECT_EQ(stream_refusal(text, limits), std::vector<std::string>{});
    limits.max_events = 5;
    const auto lines = stream_refusal(text, limits);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0], "t.json:4:1: organizations[2]: organization HTX-2: more than 5 events in the file (the "
                        "limit; COOPECON_MAX_EVENTS raises it)");
}

TEST(RegistryJsonLimits, ManyUnknownKeysListAFewAndCountTheRest) {
    // 200,000 unknown keys under a raised key limit: 1,000 lines, then one that counts the others.
    std::string text = cooperatives(1);
    std::string keys;
    for (int i = 0; i < 200'000; ++i) keys += ", \"k" + std::to_string(i) + "\": 0";
    text.insert(text.size() - 1, keys);
    InputLimits limits;
    limits.max_keys_per_object = 300'000;
    const auto lines = stream_refusal(text, limits);
    ASSERT_EQ(lines.size(), 1'001u);
    EXPECT_NE(lines[0].find("unknown key \"k0\""), std::string::npos) << lines[0];
    EXPECT_EQ(lines.back(), "t.json: and 199000 more problem(s), not listed (at most 1000 are; "
                            "COOPECON_MAX_PROBLEMS sets how many)");
    std::size_t bytes = 0;
    for (const auto& l : lines) bytes += l.size();
    EXPECT_LT(bytes, 300'000u);
}

TEST(RegistryJsonLimits, AHugeKeyIsCutInTheMessage) {
    std::string text = cooperatives(1);
    const std::string key(1'000'000, 'k');
    text.insert(text.size() - 1, ", \"" + key + "\": 0");
    InputLimits limits;
    limits.max_string_bytes = 2'000'000;
    const auto lines = stream_refusal(text, limits);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_LT(lines[0].size(), 1'000u);
    EXPECT_NE(lines[0].find("…"), std::string::npos);
}

TEST(RegistryJsonLimits, FromTheEnvironment) {
    ::setenv("COOPECON_MAX_KEYS", "12", 1);
    ::setenv("COOPECON_MAX_DEPTH", "9", 1);
    const auto limits = InputLimits::from_environment();
    EXPECT_EQ(limits.max_keys_per_object, 12u);
    EXPECT_EQ(limits.max_depth, 9u);
    EXPECT_EQ(limits.max_string_bytes, InputLimits{}.max_string_bytes);
    ::setenv("COOPECON_MAX_KEYS", "twelve", 1);
    try {
        (void)InputLimits::from_environment();
        ADD_FAILURE() << "a limit that is not a number is accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.problems().front().message,
                  "the environment variable COOPECON_MAX_KEYS is twelve: expected a whole number from 1 up");
    }
    ::unsetenv("COOPECON_MAX_KEYS");
    ::unsetenv("COOPECON_MAX_DEPTH");
}

TEST(RegistryJsonLimits, AStreamStopsAtTheSizeLimit) {
    // /dev/zero never ends: reading stops at the limit, with the limit's error.
    InputLimits limits;
    limits.max_input_bytes = 10'000'000;
    try {
        (void)io::read_registry_file("/dev/zero", law::vietnam(), limits);
        ADD_FAILURE() << "/dev/zero was read";
    } catch (const Error& e) {
        EXPECT_EQ(e.problems().front().to_string(),
                  "/dev/zero: the file is larger than 10000000 bytes (the limit; COOPECON_MAX_INPUT_BYTES raises it)");
    }
}

}  // namespace
