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
inline Dong round_thousands(double v) { return static_cast<Dong>(std::llround(v / 1000.0)) * 1000; }

}  // namespace coopecon::simulation::detail
