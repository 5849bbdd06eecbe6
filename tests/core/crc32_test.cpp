// CRC-32 as zlib computes it: the standard check value, the empty input, a long input in pieces (the
// eight-byte step and the byte tail agree, whatever the split), and every length and alignment against the
// definition bit by bit (the folding with carry-less multiplication, where the processor has it, agrees too).

#include <coopecon/core/crc32.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
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

/// The CRC-32 by its definition, one bit at a time.
std::uint32_t bit_by_bit(std::span<const std::byte> bytes) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (const std::byte b : bytes) {
        c ^= std::to_integer<std::uint32_t>(b);
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return ~c;
}

TEST(Crc32, AgreesWithTheDefinitionAtEveryLengthAndAlignment) {
    std::vector<std::byte> data(1100);
    std::uint32_t x = 12345;
    for (auto& b : data) {
        x = x * 1103515245u + 12345u;
        b = static_cast<std::byte>(x >> 24);
    }
    for (std::size_t start : {0, 1, 3, 8, 15})
        for (std::size_t n = 0; n + start <= data.size(); n += (n < 300 ? 1 : 37)) {
            const auto piece = std::span<const std::byte>(data).subspan(start, n);
            ASSERT_EQ(crc32(piece), bit_by_bit(piece)) << "from " << start << ", " << n << " bytes";
        }
    // Continued from a CRC other than 0: what the folding starts its first lane with.
    const auto all = std::span<const std::byte>(data);
    for (std::size_t split : {1, 63, 64, 65, 128, 1000})
        EXPECT_EQ(crc32(all.subspan(split), crc32(all.first(split))), bit_by_bit(all)) << split;
}

}  // namespace
