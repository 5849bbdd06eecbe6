// The registry's binary form: it round-trips the example registry and a registry with areas of its own to the same
// file text, and bytes that are truncated, corrupted or of another version are refused, never crash, and give
// nothing half-loaded.

#include <coopecon/io/registry_binary.hpp>
#include <coopecon/io/registry_json.hpp>
#include <coopecon/model/area_catalog_json.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace {

using namespace coopecon;
namespace fs = std::filesystem;

const fs::path binary_example_source = fs::path(COOPECON_SOURCE_DIR) / "examples" / "registry.json";

TEST(RegistryBinary, TheExampleRoundTripsToTheSameFileText) {
    const Registry original = io::read_registry_file(binary_example_source);
    const auto bytes = io::write_registry_binary(original);
    const Registry copy = io::read_registry_binary(bytes);
    EXPECT_EQ(io::write_registry(copy), io::write_registry(original));
    EXPECT_EQ(copy.event_count(), original.event_count());
    EXPECT_LT(bytes.size(), io::write_registry(original).size() / 3);
}

TEST(RegistryBinary, TheDaysAHistoryCoversTravelInBothForms) {
    auto reg = io::read_registry_file(binary_example_source);
    const std::string text = io::write_registry(reg);
    // The registry's and one organisation's history_from and data_until, in the file and in the binary form.
    auto edited = text;
    edited.replace(edited.find("\"as_of\": \"2025-06-30\""), std::string("\"as_of\": \"2025-06-30\"").size(),
                   "\"as_of\": \"2025-06-30\",\n    \"history_from\": \"2020-01-01\"");
    edited.replace(edited.find("\"sector\": \"agriculture\""), std::string("\"sector\": \"agriculture\"").size(),
                   "\"sector\": \"agriculture\",\n      \"history_from\": \"2021-01-01\",\n      "
                   "\"data_until\": \"2024-12-31\"");
    const auto partial = io::read_registry(edited, "partial.json");
    EXPECT_EQ(partial.info().history_from, *Date::parse("2020-01-01"));
    EXPECT_EQ(partial.organization(0).history_from, *Date::parse("2021-01-01"));
    EXPECT_EQ(partial.organization(0).data_until, *Date::parse("2024-12-31"));
    EXPECT_EQ(partial.history_from(0), *Date::parse("2021-01-01"));
    EXPECT_EQ(partial.history_from(1), *Date::parse("2020-01-01"));
    EXPECT_EQ(io::write_registry(partial), edited);
    EXPECT_EQ(io::write_registry(io::read_registry_binary(io::write_registry_binary(partial))), edited);
}

TEST(RegistryBinary, AreasBeyondTheEmbeddedCatalogueTravel) {
    Area commune;
    commune.code = "X-C1";
    commune.official_code = "99001";
    commune.name = commune.full_name = "Xã Thử";
    commune.level = AreaLevel::commune;
    commune.kind = "commune";
    commune.parent = "D964";
    commune.valid_from = *Date::parse("2010-01-01");
    Registry reg(law::vietnam(), std::make_shared<const AreaCatalog>(vietnam_areas()->with({commune})));
    reg.info().title = "areas of its own";
    const auto copy = io::read_registry_binary(io::write_registry_binary(reg));
    ASSERT_TRUE(copy.areas().find("X-C1").has_value());
    EXPECT_EQ(copy.areas().size(), vietnam_areas()->size() + 1);
    EXPECT_EQ(io::write_registry(copy), io::write_registry(reg));
}

TEST(RegistryBinary, DamagedBytesAreRefusedNeverCrash) {
    const auto bytes = io::write_registry_binary(io::read_registry_file(binary_example_source));
    for (std::size_t end = 0; end < bytes.size(); end += 3)
        EXPECT_THROW(io::read_registry_binary(std::span(bytes.data(), end)), Error) << end;
    auto other_version = bytes;
    other_version[8] = std::byte{3};
    EXPECT_THROW(io::read_registry_binary(other_version), Error);
    for (std::size_t at = 8; at < bytes.size(); at += 5) {
        auto damaged = bytes;
        damaged[at] ^= std::byte{0x5a};
        try {
            (void)io::read_registry_binary(damaged);
        } catch (const Error&) {
        }
    }
}

}  // namespace
