#pragma once
// Calibration to published totals: splitting an exact integer total (members of a province's cooperatives,
// cooperatives of a region) into integer parts that follow weights and respect minimums, so that generated
// organisations add up to the published figure exactly rather than on average.

#include <coopecon/core/error.hpp>
#include <coopecon/export.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace coopecon::simulation {

/// Splits `total` into parts with part i >= minimums[i] (0 when `minimums` is empty) and the rest shared in
/// proportion to `weights` by the largest-remainder (Hamilton) method; equal remainders go to the lower index.
/// The parts add up to `total` exactly. Throws Error when the minimums exceed the total, or when something is
/// left to share and no weight is positive.
COOPECON_EXPORT std::vector<std::int64_t> apportion(std::int64_t total, std::span<const double> weights,
                                                    std::span<const std::int64_t> minimums = {});

}  // namespace coopecon::simulation
