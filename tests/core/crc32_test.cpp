// CRC-32 as zlib computes it: the standard check value, the empty input, and a long input in pieces (the
// eight-byte step and the byte tail agree, whatever the split).

#include <coopecon/core/crc32.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace {

using coopecon::crc32;

std::span<const std::byte> bytes_of(std::string_view s) { return std::as_bytes(std::span(s.data(), s.size())); }

TEST(Crc32, GivesTheStandardCheckValue) {
    EXPECT_EQ(crc32(bytes_of("123456789")), 0xCBF43926u);
    EXPECT_EQ(crc32(bytes_of("")), 0u);
    EXPECT_EQ(crc32(bytes_of("The quick brown fox jumps over the lazy dog")), 0x414FA339u);
}

TEST(Crc32, ContinuesAcrossPieces) {
    std::vector<std::byte> data(1000);
    for (std::size_t k = 0; k < data.size(); ++k) data[k] = static_cast<std::byte>(k * 31 + 7);
    const auto whole = crc32(data);
    for (std::size_t split : {0, 1, 7, 8, 9, 500, 999, 1000})
        EXPECT_EQ(crc32(std::span(data).subspan(split), crc32(std::span(data).first(split))), whole) << split;
}

}  // namespace
