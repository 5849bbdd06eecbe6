#pragma once
// Money in đồng (VND) as a 64-bit integer: exact sums, no rounding drift; rates are computed at the edge.

#include <cstdint>

namespace coopecon {

using Dong = std::int64_t;

}  // namespace coopecon
