#pragma once
// CRC-32 (ISO-HDLC, polynomial 0xEDB88320 reflected): the checksum of zlib, gzip and PNG, so a file's sections can
// be checked with any of their tools (Python's zlib.crc32) as well as by the library.

#include <coopecon/export.hpp>

#include <cstddef>
#include <cstdint>
#include <span>

namespace coopecon {

/// The CRC-32 of `bytes`, continuing from `crc` (the CRC of the bytes before them; 0 to start).
COOPECON_EXPORT std::uint32_t crc32(std::span<const std::byte> bytes, std::uint32_t crc = 0) noexcept;

}  // namespace coopecon
