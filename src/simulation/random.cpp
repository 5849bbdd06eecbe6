// The distributions of simulation/random.hpp whose bodies need <cmath>, and WeightedChoice's checks.

#include <coopecon/simulation/random.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <utility>

namespace coopecon::simulation {

namespace {

/// log(k!) − Stirling's approximation of it, exact for small k (BTRS needs it).
double stirling_tail(double k) noexcept {
    static constexpr std::array<double, 10> table{
        0.08106146679532726, 0.04134069595540929, 0.02767792568499834, 0.02079067210376509,  0.01664469118982119,
        0.01387612882307075, 0.01189670994589177, 0.01041126526197209, 0.009255462182712733, 0.008330563433362871};
    if (k < 10) return table[static_cast<std::size_t>(k)];
    const double kp1sq = (k + 1) * (k + 1);
    return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

}  // namespace

template <class G>
double BasicStream<G>::normal() noexcept {
    const double u = 1.0 - uniform();  // (0, 1]: log is finite
    const double v = uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * 3.14159265358979323846 * v);
}

template <class G>
std::pair<double, double> BasicStream<G>::normal_pair() noexcept {
    const double u = 1.0 - uniform();  // (0, 1]: log is finite
    const double v = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u));
    const double angle = 2.0 * 3.14159265358979323846 * v;
    return {radius * std::cos(angle), radius * std::sin(angle)};
}

template <class G>
double BasicStream<G>::lognormal(double median, double sigma) noexcept {
    return median * std::exp(sigma * normal());
}

template <class G>
std::int64_t BasicStream<G>::poisson(double mean) noexcept {
    if (!(mean > 0)) return 0;
    if (mean < 10) {
        double u = uniform();
        double p = std::exp(-mean);
        std::int64_t k = 0;
        while (u > p && k < 1000) {
            u -= p;
            ++k;
            p *= mean / static_cast<double>(k);
        }
        return k;
    }
    const double root = std::sqrt(mean), log_mean = std::log(mean);
    const double b = 0.931 + 2.53 * root;
    const double a = -0.059 + 0.02483 * b;
    const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4);
    const double v_r = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
        const double u = uniform() - 0.5;
        const double v = uniform();
        const double us = 0.5 - std::fabs(u);
        const auto k = static_cast<std::int64_t>(std::floor((2 * a / us + b) * u + mean + 0.43));
        if (us >= 0.07 && v <= v_r) return k;
        if (k < 0 || (us < 0.013 && v > us)) continue;
        if (std::log(v) + std::log(inv_alpha) - std::log(a / (us * us) + b) <=
            -mean + static_cast<double>(k) * log_mean - std::lgamma(static_cast<double>(k) + 1))
            return k;
    }
}

template <class G>
std::int64_t BasicStream<G>::binomial(std::int64_t n, double p) noexcept {
    if (n <= 0 || !(p > 0)) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - binomial(n, 1 - p);
    const double q = 1 - p;
    if (static_cast<double>(n) * p < 10) {
        const double s = p / q, a = static_cast<double>(n + 1) * s;
        double r = std::pow(q, static_cast<double>(n));
        double u = uniform();
        std::int64_t x = 0;
        while (u > r && x < n) {
            u -= r;
            ++x;
            r *= a / static_cast<double>(x) - s;
        }
        return x;
    }
    const double nd = static_cast<double>(n);
    const double sd = std::sqrt(nd * p * q);
    const double b = 1.15 + 2.53 * sd;
    const double a = -0.0873 + 0.0248 * b + 0.01 * p;
    const double c = nd * p + 0.5;
    const double v_r = 0.92 - 4.2 / b;
    const double r = p / q;
    const double alpha = (2.83 + 5.1 / b) * sd;
    const double m = std::floor((nd + 1) * p);
    for (;;) {
        const double u = uniform() - 0.5;
        double v = uniform();
        const double us = 0.5 - std::fabs(u);
        const double k = std::floor((2 * a / us + b) * u + c);
        if (k < 0 || k > nd) continue;
        if (us >= 0.07 && v <= v_r) return static_cast<std::int64_t>(k);
        v = std::log(v * alpha / (a / (us * us) + b));
        const double bound = (m + 0.5) * std::log((m + 1) / (r * (nd - m + 1))) +
                             (nd + 1) * std::log((nd - m + 1) / (nd - k + 1)) +
                             (k + 0.5) * std::log(r * (nd - k + 1) / (k + 1)) + stirling_tail(m) +
                             stirling_tail(nd - m) - stirling_tail(k) - stirling_tail(nd - k);
        if (v <= bound) return static_cast<std::int64_t>(k);
    }
}

template class BasicStream<Philox4x32Draws>;
template class BasicStream<Philox4x64Draws>;

WeightedChoice::WeightedChoice(std::span<const double> weights) : cumulative_(weights.size()) {
    double total = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (!(weights[i] >= 0) || !std::isfinite(weights[i]))
            throw std::invalid_argument("weights must be finite and not negative");
        total += weights[i];
        cumulative_[i] = total;
        if (weights[i] > 0) last_positive_ = i;
    }
    if (!(total > 0)) throw std::invalid_argument("at least one weight must be positive");
}

}  // namespace coopecon::simulation
