// The registry's binary form: it round-trips the example registry and a registry with areas of its own to the same
// file text, and bytes that are truncated, corrupted (every single flipped byte: the checksums) or of another
// version are refused with a message naming the file and the damage, never crash, and give nothing half-loaded.

#include <coopecon/io/registry_binary.hpp>
#include <coopecon/io/registry_file.hpp>
#include <coopecon/io/registry_json.hpp>
#include <coopecon/model/area_catalog_json.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
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

TEST(RegistryBinary, TruncatedBytesAreRefusedNeverCrash) {
    const auto bytes = io::write_registry_binary(io::read_registry_file(binary_example_source));
    for (std::size_t end = 0; end < bytes.size(); end += 3)
        EXPECT_THROW(io::read_registry_binary(std::span(bytes.data(), end)), Error) << end;
    auto longer = bytes;
    longer.push_back(std::byte{0});
    EXPECT_THROW(io::read_registry_binary(longer), Error);
}

TEST(RegistryBinary, EveryFlippedByteIsCaughtByAChecksum) {
    const auto bytes = io::write_registry_binary(io::read_registry_file(binary_example_source));
    for (std::size_t at = 0; at < bytes.size(); ++at) {
        auto damaged = bytes;
        damaged[at] ^= std::byte{0x04};
        EXPECT_THROW(io::read_registry_binary(damaged), Error) << "byte " << at;
    }
}

TEST(RegistryBinary, AnotherVersionIsRefusedByName) {
    auto bytes = io::write_registry_binary(io::read_registry_file(binary_example_source));
    bytes[8] = std::byte{7};
    try {
        (void)io::read_registry_binary(bytes, law::vietnam(), "new.coopreg");
        FAIL() << "version 7 was read";
    } catch (const Error& e) {
        EXPECT_EQ(e.problems().front().to_string(),
                  "new.coopreg: not a coopecon registry in binary form: version 7; this build reads versions 1 to 2");
    }
}

/// The message reading `bytes` as a file gives.
std::string binary_file_error(const std::vector<std::byte>& bytes) {
    const auto path = fs::temp_directory_path() / "coopecon_binary_test.coopreg";
    {
        std::ofstream out(path, std::ios::binary);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }
    try {
        (void)io::read_registry_binary_file(path);
    } catch (const Error& e) {
        fs::remove(path);
        return e.problems().front().to_string();
    }
    fs::remove(path);
    return "no error";
}

TEST(RegistryBinary, ADamagedFileSaysWhichFileAndWhichSection) {
    const auto bytes = io::write_registry_binary(io::read_registry_file(binary_example_source));
    const std::string file = (fs::temp_directory_path() / "coopecon_binary_test.coopreg").string();
    auto flipped = bytes;
    flipped[bytes.size() - 10] ^= std::byte{1};
    EXPECT_EQ(binary_file_error(flipped),
              file + ": not a coopecon registry in binary form: section ORGS is damaged (its CRC-32 does not match)");
    auto header = bytes;
    header[20] ^= std::byte{1};
    EXPECT_EQ(binary_file_error(header),
              file + ": not a coopecon registry in binary form: the header is damaged (its CRC-32 does not match)");
    const std::vector<std::byte> truncated(bytes.begin(), bytes.end() - 100);
    EXPECT_THAT(binary_file_error(truncated),
                testing::StartsWith(file + ": not a coopecon registry in binary form: the file is truncated: section "
                                           "ORGS runs to byte " + std::to_string(bytes.size())));
    EXPECT_EQ(binary_file_error({bytes.begin(), bytes.begin() + 12}),
              file + ": not a coopecon registry in binary form: the file is truncated: it ends inside the header");
}

TEST(RegistryBinary, TheFileRoundTripsAndIsRecognisedByItsFirstBytes) {
    const Registry original = io::read_registry_file(binary_example_source);
    const auto path = fs::temp_directory_path() / "coopecon_binary_test.json";  // the name says JSON; the bytes do not
    io::write_registry_binary_file(original, path);
    EXPECT_EQ(io::registry_form_of_file(path), io::RegistryForm::binary);
    EXPECT_EQ(io::write_registry(io::load_registry_file(path)), io::write_registry(original));
    fs::remove(path);
}

}  // namespace
