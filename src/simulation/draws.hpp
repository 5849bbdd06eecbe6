#pragma once
// Small draws shared by the synthetic generator and the dynamics: a uniform date, money rounded to thousands.

#include <coopecon/core/date.hpp>
#include <coopecon/core/money.hpp>
#include <coopecon/simulation/random.hpp>

#include <cmath>
#include <cstdint>

namespace coopecon::simulation::detail {

/// A date uniformly in [lo, hi].
template <class Generator>
Date pick(BasicStream<Generator>& s, Date lo, Date hi) {
    return Date::from_days(static_cast<std::int32_t>(s.between(lo.days_since_epoch(), hi.days_since_epoch())));
}
/// std::llround without the library call: half away from zero, exact for |v| < 2^63 (the fraction of a double
/// below 2^53 is exact, and above it every double is whole).
inline std::int64_t round_half_away(double v) {
    const auto whole = static_cast<std::int64_t>(v);  // toward zero
    const double fraction = v - static_cast<double>(whole);
    return whole + (fraction >= 0.5 ? 1 : fraction <= -0.5 ? -1 : 0);
}
inline Dong round_thousands(double v) { return static_cast<Dong>(round_half_away(v / 1000.0)) * 1000; }

}  // namespace coopecon::simulation::detail
