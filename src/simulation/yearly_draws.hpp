#pragma once
// The yearly records the dynamics draw (private to src/simulation): the days between which a year's records fall,
// a financial year grown from the one before, and a TT 01/2020 self-assessment whose class drifts by one at most.

#include <coopecon/law/framework.hpp>
#include <coopecon/law/parameter.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/simulation/profile.hpp>
#include <coopecon/simulation/random.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include "simulation/draws.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace coopecon::simulation::detail {

/// The days between which the records of year `year` fall (its 1 December on): the same for every organisation.
struct RecordDays {
    int year = 0;
    Date next_dec1, dec31, assembly_from, assembly_until, late_from, late_until, assessment_from, assessment_until;
};

inline RecordDays record_days(const law::Framework& law, int y) {
    RecordDays t;
    t.year = y;
    t.next_dec1 = ymd(y + 1, 12, 1);
    t.dec31 = ymd(y, 12, 31);
    // Within the deadline in force after the year ends (most in the first quarter).
    const auto deadline = law.value(law::Param::annual_assembly_deadline_months, ymd(y + 1, 1, 1));
    t.assembly_from = ymd(y + 1, 1, 10);
    t.assembly_until = std::min(t.dec31.plus_months(static_cast<int>(deadline.value_or(3))), ymd(y + 1, 4, 30));
    t.late_from = ymd(y + 1, 7, 1);
    t.late_until = ymd(y + 1, 12, 20);
    t.assessment_from = ymd(y + 1, 3, 1);
    t.assessment_until = ymd(y + 1, 3, 31);
    return t;
}

/// A financial year grown from the one before (the first around 2.5 billion đồng of revenue), lower when
/// suspended; wages of 50 million đồng a worker in 2023 times `wage_factor`.
template <class Generator>
FinancialYearClosed draw_financial_year(const OrgState& st, std::int32_t year, double wage_factor,
                                        BasicStream<Generator>& s) {
    FinancialYearClosed f;
    f.year = year;
    const auto& last = st.latest_financials;
    const auto [z_growth, z_margin] = s.normal_pair();
    const auto [z_workers, z_base] = s.normal_pair();
    const double growth = 1.05 * std::exp(0.15 * z_growth);
    const double paused = st.status == LegalStatus::suspended ? 0.6 : 0;
    const double base = last && last->revenue > 0 ? static_cast<double>(last->revenue) : 2.5e9 * std::exp(0.7 * z_base);
    const double revenue = base * growth * (1 - paused);
    const double margin = 0.04 + 0.05 * z_margin;
    f.revenue = round_thousands(revenue);
    f.pre_tax_profit = round_thousands(revenue * margin);
    f.costs = f.revenue - f.pre_tax_profit;
    const double internal =
        last && last->revenue > 0 ? static_cast<double>(last->internal_revenue) / static_cast<double>(last->revenue) : 0.45;
    f.internal_revenue = std::min(f.revenue, round_thousands(revenue * internal));
    const double workers = last && last->workers > 0 ? last->workers * std::exp(0.08 * z_workers)
                                                     : std::min(8.0, 0.6 * st.members.official() + 1) * std::exp(0.5 * z_workers);
    f.workers = std::max<std::int32_t>(1, static_cast<std::int32_t>(std::llround(workers)));
    f.wages = round_thousands(f.workers * 50e6 * wage_factor);
    f.indivisible_fund =
        st.indivisible_fund + round_thousands(std::max<double>(0, static_cast<double>(f.pre_tax_profit)) * s.uniform(0.05, 0.15));
    return f;
}

/// A score's points per criterion: in proportion to the criteria's maxima, rounded down, then the rest one point
/// at a time in criterion order. The same for every organisation, so tabulated for scores 0 to 100.
using CriterionPoints = std::array<std::int32_t, tt01_2020_criterion_maxima.size()>;
constexpr CriterionPoints spread(std::int32_t score) {
    CriterionPoints points{};
    std::int32_t given = 0;
    for (std::size_t k = 0; k < points.size(); ++k) {
        points[k] = score * tt01_2020_criterion_maxima[k] / 100;
        given += points[k];
    }
    for (std::size_t k = 0; given < score; k = (k + 1) % points.size())
        if (points[k] < tt01_2020_criterion_maxima[k]) {
            ++points[k];
            ++given;
        }
    return points;
}
inline constexpr std::array<CriterionPoints, 101> points_of_score = [] {
    std::array<CriterionPoints, 101> t{};
    for (std::int32_t score = 0; score <= 100; ++score) t[static_cast<std::size_t>(score)] = spread(score);
    return t;
}();

/// The class (0 good … 3 weak) of a first assessment.
template <class Generator>
std::uint8_t first_class(BasicStream<Generator>& s) {
    static constexpr std::array<double, 4> shares{0.06, 0.34, 0.40, 0.20};
    return static_cast<std::uint8_t>(WeightedChoice(shares)(s));
}

/// The class a year later: up one with chance `up`, down one with chance `down`.
template <class Generator>
std::uint8_t drifted_class(std::uint8_t cls, double up, double down, BasicStream<Generator>& s) {
    const double u = s.uniform();
    if (u < up && cls > 0) return static_cast<std::uint8_t>(cls - 1);
    if (u >= up && u < up + down && cls < 3) return static_cast<std::uint8_t>(cls + 1);
    return cls;
}

/// A self-assessment of `year` with points in the band of class `cls`.
template <class Generator>
Assessed assessment(std::int32_t year, std::uint8_t cls, BasicStream<Generator>& s) {
    static constexpr std::array<std::array<std::int32_t, 2>, 4> bands{{{80, 95}, {65, 79}, {50, 64}, {30, 49}}};
    const auto score = static_cast<std::int32_t>(s.between(bands[cls][0], bands[cls][1]));
    const auto& points = points_of_score[static_cast<std::size_t>(score)];
    return Assessed{year, ClassificationScheme::tt01_2020, {points.begin(), points.end()}};
}

}  // namespace coopecon::simulation::detail
