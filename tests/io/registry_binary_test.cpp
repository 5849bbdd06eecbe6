// The registry's binary form: it round-trips the example registry and a registry with areas of its own to the same
// file text, and bytes that are truncated, corrupted (every single flipped byte: the checksums) or of another
// version are refused with a message naming the file and the damage, never crash, and give nothing half-loaded.

#include <coopecon/core/crc32.hpp>
#include <coopecon/io/registry_binary.hpp>
#include <coopecon/io/registry_file.hpp>
#include <coopecon/io/registry_json.hpp>
#include <coopecon/model/area_catalog_json.hpp>
#include <support/builders.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace coopecon;
namespace fs = std::filesystem;

Registry test_registry() { return Registry(law::vietnam(), vietnam_areas()); }

const fs::path binary_example_source = fs::path(COOPECON_SOURCE_DIR) / "examples" / "registry.json";

TEST(RegistryBinary, TheExampleRoundTripsToTheSameFileText) {
    const Registry original = io::read_registry_file(binary_example_source);
    const auto bytes = io::write_registry_binary(original);
    const Registry copy = io::read_registry_binary(bytes);
    EXPECT_EQ(io::write_registry(copy), io::write_registry(original));
    EXPECT_EQ(copy.event_count(), original.event_count());
    EXPECT_LT(bytes.size(), io::write_registry(original).size() / 3);
    // The histories travel as the registry holds them.
    const auto text = std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    for (OrgIndex i = 0; i < original.size(); ++i) {
        const auto log = original.log(i).encoded();
        EXPECT_NE(text.find(std::string(reinterpret_cast<const char*>(log.data()), log.size())), std::string::npos);
    }
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
                   "\"data_until\": \"2025-05-31\"");
    const auto partial = io::read_registry(edited, "partial.json");
    EXPECT_EQ(partial.info().history_from, *Date::parse("2020-01-01"));
    EXPECT_EQ(partial.organization(0).history_from, *Date::parse("2021-01-01"));
    EXPECT_EQ(partial.organization(0).data_until, *Date::parse("2025-05-31"));
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

TEST(RegistryBinary, TheInfoInVietnameseTravelsAndAVersion4FileStillLoads) {
    Registry reg = io::read_registry_file(binary_example_source);
    reg.info().title_vi = "Hợp tác xã Cà Mau: sổ đăng ký mẫu";
    reg.info().source_vi = "Dữ liệu mẫu";
    EXPECT_EQ(io::read_registry_binary(io::write_registry_binary(reg), law::vietnam(), "vi.coopreg").info(),
              reg.info());
    // Written by the build before the Vietnamese info (tests/io/formats): read with none, the rest equal.
    const auto old = io::load_registry_file(fs::path(COOPECON_SOURCE_DIR) / "tests/io/formats/example-registry-v4.coopreg");
    EXPECT_FALSE(old.info().title_vi.has_value());
    EXPECT_EQ(io::write_registry(old), io::write_registry(io::read_registry_file(binary_example_source)));
}

TEST(RegistryBinary, AnotherVersionIsRefusedByName) {
    auto bytes = io::write_registry_binary(io::read_registry_file(binary_example_source));
    bytes[8] = std::byte{7};
    try {
        (void)io::read_registry_binary(bytes, law::vietnam(), "new.coopreg");
        FAIL() << "version 7 was read";
    } catch (const Error& e) {
        EXPECT_EQ(e.problems().front().to_string(),
                  "new.coopreg: not a coopecon registry in binary form: version 7; this build reads versions 1 to 5");
    }
}

/// `bytes` with every checksum made to match again, as a hostile writer would leave them.
std::vector<std::byte> resealed(std::vector<std::byte> bytes) {
    std::uint32_t sections = 0;
    std::memcpy(&sections, bytes.data() + 12, 4);
    const std::size_t table = 16, header = table + sections * 24;
    for (std::uint32_t k = 0; k < sections; ++k) {
        std::uint64_t offset = 0, length = 0;
        std::memcpy(&offset, bytes.data() + table + k * 24 + 8, 8);
        std::memcpy(&length, bytes.data() + table + k * 24 + 16, 8);
        const auto crc = crc32(std::span<const std::byte>(bytes).subspan(offset, length));
        std::memcpy(bytes.data() + table + k * 24 + 4, &crc, 4);
    }
    const auto crc = crc32(std::span<const std::byte>(bytes).first(header));
    std::memcpy(bytes.data() + header, &crc, 4);
    return bytes;
}

TEST(RegistryBinary, EveryChangedByteUnderMatchingChecksumsIsRefusedOrLoadsAReplayableRegistry) {
    // The checksums catch damage, not a hostile writer: whatever a byte of the organisations is changed into,
    // loading either refuses the file or gives a registry whose every history replays.
    const auto bytes = io::write_registry_binary(io::read_registry_file(binary_example_source));
    std::uint64_t orgs = 0;
    std::memcpy(&orgs, bytes.data() + 16 + 24 + 8, 8);  // the second section, ORGS
    std::size_t loaded = 0;
    for (std::size_t at = orgs; at < bytes.size(); ++at) {
        for (const std::byte flip : {std::byte{0x01}, std::byte{0x80}, std::byte{0xFF}}) {
            auto changed = bytes;
            changed[at] ^= flip;
            try {
                const auto reg = io::read_registry_binary(resealed(changed));
                for (OrgIndex i = 0; i < reg.size(); ++i) (void)reg.state_at(i, Date::max());
                (void)reg.snapshot(Date::max());
                ++loaded;
            } catch (const Error&) {
            }
        }
    }
    EXPECT_GT(loaded, 0u);  // a changed amount or name still makes a registry
}

TEST(RegistryBinary, AFileNamingAnUnknownOrganisationIsRefusedAsAFileIs) {
    Registry reg = test_registry();
    EncodedEvents history;
    history.push_back(Event{*Date::parse("2024-01-01"), Registered{0, ReorganizationForm::split_off, {"nobody"}, {}}});
    EncodedRecord r;
    r.record.organization = Organization{"htx-1", "code-1", "HTX 1", OrgKind::cooperative, "P96", Sector::other, {}, {}};
    r.events = history.view().encoded();
    r.count = 1;
    std::vector<EncodedRecord> records{r};
    try {
        reg.add_encoded(records);
        FAIL() << "taken";
    } catch (const Error& e) {
        EXPECT_EQ(e.problems().front().path, "organizations[0].events[0].predecessors[0]");
        EXPECT_EQ(reg.size(), 0u);
    }
    records[0].record.organization.area = "nowhere";
    EXPECT_THROW(reg.add_encoded(records), Error);
    // Two organisations with one id.
    EncodedEvents plain;
    plain.push_back(Event{*Date::parse("2024-01-01"), Registered{}});
    records[0].record.organization.area = "P96";
    records[0].events = plain.view().encoded();
    records.push_back(records[0]);
    EXPECT_THROW(reg.add_encoded(records), Error);
    EXPECT_EQ(reg.size(), 0u);
    records.pop_back();
    reg.add_encoded(records);
    EXPECT_EQ(reg.size(), 1u);
    EXPECT_EQ(reg.event_count(), 1u);
    EXPECT_EQ(reg.log(0).last_date(), *Date::parse("2024-01-01"));
}

/// A division of htx-a into htx-b and htx-c, consistent on both sides, in the binary form.
std::vector<std::byte> division_in_binary() {
    using namespace coopecon::test;
    auto reg = registry();
    const Date on = "2024-11-04"_d;
    reg.add(std::vector<OrganizationRecord>{
        std::move(cooperative("htx-a")
                      .registered("2020-03-02"_d)
                      .then(ev::members_joined("2020-03-02"_d, 7))
                      .then(ev::reorganization_started("2024-09-02"_d, ReorganizationForm::division, 70))
                      .then(ev::reorganization_completed(on, ReorganizationForm::division, {"htx-b", "htx-c"}))),
        std::move(cooperative("htx-b")
                      .then(ev::registered_as_successor(on, ReorganizationForm::division, {"htx-a"}))
                      .then(ev::members_joined(on, 4))),
        std::move(cooperative("htx-c")
                      .then(ev::registered_as_successor(on, ReorganizationForm::division, {"htx-a"}))
                      .then(ev::members_joined(on, 3))),
    });
    return io::write_registry_binary(reg);
}

/// `bytes` with the first occurrence of `from` replaced by `to` (of the same length).
std::vector<std::byte> patched(std::vector<std::byte> bytes, std::string_view from, std::string_view to) {
    const auto* begin = reinterpret_cast<const char*>(bytes.data());
    const std::string_view all(begin, bytes.size());
    const auto at = all.find(from);
    EXPECT_NE(at, std::string_view::npos);
    if (at != std::string_view::npos) std::memcpy(bytes.data() + at, to.data(), to.size());
    return bytes;
}

TEST(RegistryBinary, AFileBreakingARuleAcrossOrganisationsIsRefusedWithTheRule) {
    // The content of a binary file is not judged again against the law, but what ties its organisations
    // together is: written by hand with matching checksums, a division naming the divided cooperative itself
    // among its successors is refused as the registry file would be.
    const auto valid = division_in_binary();
    EXPECT_EQ(io::read_registry_binary(valid).size(), 3u);
    // The completion's counterparts: two ids of five bytes each.
    const auto self_named = resealed(patched(valid, "\x02\x05htx-b\x05htx-c", "\x02\x05htx-a\x05htx-c"));
    try {
        (void)io::read_registry_binary(self_named, law::vietnam(), "division.coopreg");
        FAIL() << "a division into itself was loaded";
    } catch (const Error& e) {
        std::vector<std::string> rules;
        for (const auto& p : e.problems()) rules.push_back(p.rule);
        EXPECT_THAT(rules, testing::Contains("integrity.self_reference"));
        const auto& p = e.problems().front();
        EXPECT_EQ(p.file, "division.coopreg");
        EXPECT_EQ(p.organization, "htx-a");
        EXPECT_EQ(p.rule, "integrity.self_reference");
        EXPECT_EQ(p.path, "organizations[0].events[3].counterparts[0]");
    }
    // A successor whose predecessor's completion does not name it: the two sides disagree.
    const auto one_sided = resealed(patched(valid, "\x02\x05htx-b\x05htx-c", "\x02\x05htx-c\x05htx-c"));
    try {
        (void)io::read_registry_binary(one_sided);
        FAIL() << "a one-sided division was loaded";
    } catch (const Error& e) {
        std::vector<std::string> rules;
        for (const auto& p : e.problems()) rules.push_back(p.rule);
        EXPECT_THAT(rules, testing::Contains("integrity.reorganization_counterparts"));
    }
}

TEST(RegistryBinary, AnEventStringThatIsNotUtf8IsRefusedUnderMatchingChecksums) {
    // A history's strings are checked with the rest of what a replay relies on, in its one decoding: a product
    // name changed by a hostile writer into bytes that are not UTF-8 refuses the file, naming the organisation.
    using namespace coopecon::test;
    auto reg = registry();
    reg.add(std::move(cooperative("htx-a").registered("2020-03-02"_d).then(ev::ocop_rated("2022-05-01"_d, "Mật ong", 4))));
    const auto valid = io::write_registry_binary(reg);
    EXPECT_EQ(io::read_registry_binary(valid).events(0).size(), 2u);
    // "ậ" is E1 BA AD: a lead byte followed by ASCII is cut short.
    const auto cut_short = resealed(patched(valid, "M\xE1\xBA\xAD", "M\xE1\x41\x41"));
    try {
        (void)io::read_registry_binary(cut_short, law::vietnam(), "honey.coopreg");
        FAIL() << "a product name that is not UTF-8 was loaded";
    } catch (const Error& e) {
        const auto& p = e.problems().front();
        EXPECT_EQ(p.file, "honey.coopreg");
        EXPECT_EQ(p.organization, "htx-a");
        EXPECT_EQ(p.path, "organizations[0].events");
        EXPECT_THAT(p.message, testing::HasSubstr("event 1: a date, kind or string out of range"));
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
