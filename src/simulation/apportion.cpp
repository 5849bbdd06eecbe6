// Splitting an exact total into integer parts (apportion.hpp).

#include <coopecon/core/error.hpp>
#include <coopecon/simulation/apportion.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <span>
#include <string>
#include <vector>

namespace coopecon::simulation {

std::vector<std::int64_t> apportion(std::int64_t total, std::span<const double> weights,
                                    std::span<const std::int64_t> minimums) {
    const std::size_t n = weights.size();
    if (!minimums.empty() && minimums.size() != n)
        throw Error(ErrorCode::usage, "apportion: one minimum per weight, or none");
    std::vector<std::int64_t> parts(n, 0);
    if (!minimums.empty()) std::copy(minimums.begin(), minimums.end(), parts.begin());
    const std::int64_t floor_sum = std::accumulate(parts.begin(), parts.end(), std::int64_t{0});
    const std::int64_t rest = total - floor_sum;
    if (rest < 0)
        throw Error(ErrorCode::invalid_value, "cannot split " + std::to_string(total) + " into " + std::to_string(n) +
                                                  " parts with minimums adding up to " + std::to_string(floor_sum));
    if (rest == 0) return parts;
    double weight_sum = 0;
    for (const double w : weights) weight_sum += w > 0 ? w : 0;
    if (!(weight_sum > 0))
        throw Error(ErrorCode::invalid_value,
                    "cannot share " + std::to_string(rest) + " among parts whose weights are all zero");

    std::vector<double> remainder(n, 0);
    std::int64_t given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!(weights[i] > 0)) continue;
        const double exact = static_cast<double>(rest) * (weights[i] / weight_sum);
        const double whole = std::floor(exact);
        parts[i] += static_cast<std::int64_t>(whole);
        given += static_cast<std::int64_t>(whole);
        remainder[i] = exact - whole;
    }
    // Each floor loses less than 1, so between 0 and n - 1 units are left for the largest remainders. Floating
    // rounding can make the floors overshoot by a unit or two; those come back from the smallest remainders.
    std::int64_t left = rest - given;
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    auto larger_remainder = [&](std::uint32_t a, std::uint32_t b) {
        return remainder[a] != remainder[b] ? remainder[a] > remainder[b] : a < b;
    };
    if (left > 0) {
        const auto k = static_cast<std::size_t>(std::min<std::int64_t>(left, static_cast<std::int64_t>(n)));
        std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k - 1), order.end(),
                         larger_remainder);
        for (std::size_t j = 0; j < k; ++j) ++parts[order[j]];
    } else if (left < 0) {
        std::sort(order.begin(), order.end(), larger_remainder);
        for (std::size_t j = n; left < 0 && j-- > 0;) {
            const auto i = order[j];
            if (parts[i] > (minimums.empty() ? 0 : minimums[i])) {
                --parts[i];
                ++left;
            }
        }
    }
    return parts;
}

}  // namespace coopecon::simulation
