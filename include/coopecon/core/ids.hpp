#pragma once
// Integer handles used inside the library. External ids (strings) are the stable identity in files;
// these indices are positions in columnar tables and are only valid for the registry that issued them.

#include <cstdint>
#include <limits>

namespace coopecon {

using OrgIndex = std::uint32_t;
using AreaIndex = std::uint32_t;

inline constexpr std::uint32_t no_index = std::numeric_limits<std::uint32_t>::max();

}  // namespace coopecon
