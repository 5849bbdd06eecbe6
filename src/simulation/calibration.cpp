// Rates from a registry's own history: events over exposure per group, with exact intervals.

#include <coopecon/simulation/calibration.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include <coopecon/core/enum_text.hpp>
#include <coopecon/history/replay.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>

namespace coopecon::simulation {
using detail::ymd;

namespace {

constexpr double days_per_month = 30.436875;

/// The regularised lower incomplete gamma function P(a, x) (series below a + 1, continued fraction above).
double gamma_p(double a, double x) {
    if (x <= 0) return 0;
    const double log_front = a * std::log(x) - x - std::lgamma(a);
    if (x < a + 1) {
        double term = 1 / a, sum = term;
        for (int n = 1; n < 1000; ++n) {
            term *= x / (a + n);
            sum += term;
            if (std::fabs(term) < std::fabs(sum) * 1e-15) break;
        }
        return sum * std::exp(log_front);
    }
    // Lentz's method for the continued fraction of Q(a, x).
    const double tiny = 1e-300;
    double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
    for (int i = 1; i < 1000; ++i) {
        const double an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (std::fabs(d) < tiny) d = tiny;
        c = b + an / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d;
        const double del = d * c;
        h *= del;
        if (std::fabs(del - 1) < 1e-15) break;
    }
    return 1 - std::exp(log_front) * h;
}

/// x with P(a, x) = p, by bisection (monotone in x).
double gamma_quantile(double p, double a) {
    double lo = 0, hi = std::max(1.0, a);
    while (gamma_p(a, hi) < p) hi *= 2;
    for (int i = 0; i < 200; ++i) {
        const double mid = (lo + hi) / 2;
        (gamma_p(a, mid) < p ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

/// z with Φ(z) = p.
double normal_quantile(double p) {
    double lo = -40, hi = 40;
    for (int i = 0; i < 200; ++i) {
        const double mid = (lo + hi) / 2;
        (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

constexpr std::array<int, 4> age_band_years{1, 3, 5, 10};
constexpr std::array<const char*, 5> age_band_names{"0-1", "1-3", "3-5", "5-10", "10+"};

/// Counts of one group.
struct Cell {
    std::array<double, 7> months{};            // exposure by status
    std::array<double, hazard_count> occasions{};  // for shares
    std::array<std::int64_t, hazard_count> events{};
};

/// Packs the group of an exposure or event: kind, sector, region, province, age band.
struct GroupCode {
    std::uint8_t kind, sector, band;
    std::uint32_t province;
    std::uint16_t region;
};

}  // namespace

std::pair<double, double> poisson_interval(std::int64_t k, double exposure, double confidence) {
    if (!(exposure > 0)) return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    const double alpha = 1 - confidence;
    const double lower = k == 0 ? 0.0 : gamma_quantile(alpha / 2, static_cast<double>(k));
    const double upper = gamma_quantile(1 - alpha / 2, static_cast<double>(k) + 1);
    return {lower / exposure, upper / exposure};
}

std::pair<double, double> wilson_interval(std::int64_t k, std::int64_t n, double confidence) {
    if (n <= 0) return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    const double z = normal_quantile(1 - (1 - confidence) / 2);
    const double nn = static_cast<double>(n), p = static_cast<double>(k) / nn;
    const double centre = (p + z * z / (2 * nn)) / (1 + z * z / nn);
    const double half = z * std::sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / (1 + z * z / nn);
    // At k = 0 and k = n the bounds are 0 and 1 exactly; computed, they miss by a rounding error.
    return {k == 0 ? 0.0 : std::max(0.0, centre - half), k == n ? 1.0 : std::min(1.0, centre + half)};
}

Calibration calibrate(const Registry& reg, const CalibrationOptions& options) {
    Calibration out;
    Date until = options.until ? *options.until : Date::min();
    if (!options.until) {
        if (reg.info().as_of) until = *reg.info().as_of;
        else
            for (OrgIndex i = 0; i < reg.size(); ++i)
                reg.log(i).replay_until(Date::max(), [&](Date d, const auto&) { until = std::max(until, d); });
    }
    const Date from = options.from ? *options.from : until.plus_months(-36).plus_days(1);
    if (until < from) throw Error(ErrorCode::usage, "the calibration window ends before it starts");
    out.from = from;
    out.until = until;
    const double window_months = (until.days_since_epoch() - from.days_since_epoch() + 1) / days_per_month;
    const auto& catalog = reg.areas();

    std::map<std::uint64_t, Cell> cells;          // by the requested groups
    std::map<std::uint64_t, GroupCode> codes;
    std::array<std::array<Cell, sector_count>, kind_count> by_kind_sector{};

    auto wanted = [&](CalibrationKey k) {
        return std::find(options.by.begin(), options.by.end(), k) != options.by.end();
    };
    auto group_of = [&](const OrgState& st, Sector sector, AreaIndex area, int band) {
        const auto province = catalog.at_level(area, AreaLevel::province);
        std::uint16_t region = 0xFFFF;
        if (province != no_index && catalog[province].region) {
            const auto& regions = catalog.regions();
            for (std::size_t r = 0; r < regions.size(); ++r)
                if (regions[r].id == *catalog[province].region) region = static_cast<std::uint16_t>(r);
        }
        GroupCode g{wanted(CalibrationKey::kind) ? static_cast<std::uint8_t>(st.kind) : std::uint8_t{0xFF},
                    wanted(CalibrationKey::sector) ? static_cast<std::uint8_t>(sector) : std::uint8_t{0xFF},
                    wanted(CalibrationKey::age_band) ? static_cast<std::uint8_t>(band) : std::uint8_t{0xFF},
                    wanted(CalibrationKey::province) ? province : no_index,
                    wanted(CalibrationKey::region) ? region : std::uint16_t{0xFFFF}};
        const std::uint64_t key = std::uint64_t{g.kind} << 56 | std::uint64_t{g.sector} << 48 |
                                  std::uint64_t{g.band} << 40 | std::uint64_t{g.region} << 24 | (g.province & 0xFFFFFF);
        codes.emplace(key, g);
        return key;
    };
    auto band_at = [](const OrgState& st, Date d) {
        int band = 0;
        for (const int y : age_band_years)
            if (d >= st.registered_on.plus_months(12 * y)) ++band;
        return band;
    };

    for (OrgIndex i = 0; i < reg.size(); ++i) {
        const auto& org = reg.organization(i);
        const AreaIndex area = reg.area(i);
        const Sector sector = org.sector;
        Replay r(org, reg.members(i), reg.law());
        Date cursor = Date::min();
        std::vector<Date> assemblies, reports;
        std::vector<std::int32_t> report_years;
        std::vector<std::pair<std::int32_t, std::int32_t>> assessed;  // year, points
        Date last_join = Date::min(), last_leave = Date::min();

        auto cell_for = [&](const OrgState& st, Date d) -> Cell& {
            return cells[group_of(st, sector, area, band_at(st, d))];
        };
        // Exposure from the cursor to the day before `to`, split where a notice runs out and at age bands.
        auto expose = [&](Date to) {
            while (cursor < to) {
                const auto& st = r.state();
                Date stop = to;
                if (st.registered && st.status == LegalStatus::suspended && st.suspended_until &&
                    st.suspended_until->plus_days(1) < stop && st.suspended_until->plus_days(1) > cursor)
                    stop = st.suspended_until->plus_days(1);
                if (st.registered)
                    for (const int y : age_band_years) {
                        const Date b = st.registered_on.plus_months(12 * y);
                        if (b > cursor && b < stop) stop = b;
                    }
                const Date a = std::max(cursor, from), b = std::min(stop, until.plus_days(1));
                if (st.registered && st.status != LegalStatus::terminated && a < b) {
                    const double months = (b.days_since_epoch() - a.days_since_epoch()) / days_per_month;
                    const auto s = static_cast<std::size_t>(st.status);
                    cell_for(st, a).months[s] += months;
                    by_kind_sector[static_cast<std::size_t>(st.kind)][static_cast<std::size_t>(sector)].months[s] += months;
                }
                // A notice that ran out inside the window: an occasion for extension, not taken.
                if (st.registered && st.status == LegalStatus::suspended && st.suspended_until &&
                    stop == st.suspended_until->plus_days(1) && stop > from && stop <= until.plus_days(1)) {
                    cell_for(st, stop).occasions[static_cast<std::size_t>(Hazard::extension)] += 1;
                    by_kind_sector[static_cast<std::size_t>(st.kind)][static_cast<std::size_t>(sector)]
                        .occasions[static_cast<std::size_t>(Hazard::extension)] += 1;
                }
                r.settle(stop);
                cursor = stop;
            }
        };
        auto count = [&](Hazard h, Date d, bool share = false) {
            if (d < from || d > until) return;
            const auto& st = r.state();
            auto& c = cell_for(st, d);
            auto& ks = by_kind_sector[static_cast<std::size_t>(st.kind)][static_cast<std::size_t>(sector)];
            ++c.events[static_cast<std::size_t>(h)];
            ++ks.events[static_cast<std::size_t>(h)];
            if (share) {
                c.occasions[static_cast<std::size_t>(h)] += 1;
                ks.occasions[static_cast<std::size_t>(h)] += 1;
            }
        };
        auto occasion = [&](Hazard h, Date d) {
            if (d < from || d > until) return;
            const auto& st = r.state();
            cell_for(st, d).occasions[static_cast<std::size_t>(h)] += 1;
            by_kind_sector[static_cast<std::size_t>(st.kind)][static_cast<std::size_t>(sector)]
                .occasions[static_cast<std::size_t>(h)] += 1;
        };

        std::vector<std::pair<Date, LegalStatus>> year_ends;  // status at each 31 December and 30 June
        reg.log(i).replay_until(until, [&](Date d, const auto& p) {
            using P = std::decay_t<decltype(p)>;
            if (cursor == Date::min()) cursor = d;
            expose(d);
            const auto& st = r.state();
            if constexpr (std::is_same_v<P, Registered>) {
                if (!p.formed_by) count(Hazard::founding, d);
            } else if constexpr (std::is_same_v<P, Suspended>) {
                if (st.status == LegalStatus::active) count(Hazard::suspension, d);
                else if (st.status == LegalStatus::suspended) count(Hazard::extension, d, true);
            } else if constexpr (std::is_same_v<P, Resumed>) {
                count(Hazard::resumption, d);
            } else if constexpr (std::is_same_v<P, MembersJoined> || std::is_same_v<P, MemberJoined>) {
                if (d != st.registered_on && d != last_join) count(Hazard::member_joining, d);
                last_join = d;
            } else if constexpr (std::is_same_v<P, MembersLeft> || std::is_same_v<P, MemberLeft>) {
                if (d != last_leave) count(Hazard::member_leaving, d);
                last_leave = d;
            } else if constexpr (std::is_same_v<P, DissolutionResolved>) {
                if (p.basis == DissolutionBasis::members_resolution) count(Hazard::voluntary_dissolution, d);
            } else if constexpr (std::is_same_v<P, ReorganizationStarted>) {
                if (p.form == ReorganizationForm::merger_into) count(Hazard::merger, d);
            } else if constexpr (std::is_same_v<P, ConvertedToCooperative>) {
                count(Hazard::conversion, d);
            } else if constexpr (std::is_same_v<P, DissolutionCompleted>) {
                if (p.by == CompletionMode::dossier) count(Hazard::dossier, d, true);
                else occasion(Hazard::dossier, d);
            } else if constexpr (std::is_same_v<P, AssemblyHeld>) {
                if (p.kind == AssemblyKind::annual) assemblies.push_back(d);
            } else if constexpr (std::is_same_v<P, ReportFiled>) {
                report_years.push_back(p.year);
            } else if constexpr (std::is_same_v<P, Assessed>) {
                std::int32_t points = 0;
                for (auto x : p.points) points += x;
                assessed.emplace_back(p.year, points);
            }
            r.apply(d, p);
        });
        expose(until.plus_days(1));

        // Yearly occasions, replayed again year by year from the organisation's states.
        const auto& final_state = r.state();
        if (!final_state.registered) continue;
        Replay again(org, reg.members(i), reg.law());
        const auto log = reg.log(i);
        auto cursor2 = log.cursor();
        for (int y = std::max(from.year() - 1, final_state.registered_on.year()); y <= until.year(); ++y) {
            const Date dec31 = ymd(y, 12, 31), dec15 = ymd(y, 12, 15), jun30 = ymd(y + 1, 6, 30);
            cursor2.replay_until(dec15, [&](Date d, const auto& p) { again.apply(d, p); });
            again.settle(dec15);
            const auto& st = again.state();
            const bool coop = st.kind != OrgKind::cooperative_group;
            if (st.registered && is_live(st.status) && st.registered_on <= ymd(y, 11, 30) && dec15 >= from &&
                dec31 <= until && (coop || y >= 2024)) {
                const bool filed = std::find(report_years.begin(), report_years.end(), y) != report_years.end();
                auto& c = cells[group_of(st, sector, area, band_at(st, dec15))];
                auto& ks = by_kind_sector[static_cast<std::size_t>(st.kind)][static_cast<std::size_t>(sector)];
                for (auto* x : {&c, &ks}) {
                    x->occasions[static_cast<std::size_t>(Hazard::report_missed)] += 1;
                    if (!filed) ++x->events[static_cast<std::size_t>(Hazard::report_missed)];
                }
            }
            cursor2.replay_until(dec31, [&](Date d, const auto& p) { again.apply(d, p); });
            again.settle(dec31);
            const auto st31 = again.state();
            if (!coop || !st31.registered || !is_live(st31.status) || st31.registered_on > ymd(y, 10, 1) ||
                dec31 < from || jun30 > until)
                continue;
            // Live through the first half of the next year: an occasion for its annual assembly.
            Replay ahead = again;
            auto peek = cursor2;
            peek.replay_until(jun30, [&](Date d, const auto& p) { ahead.apply(d, p); });
            ahead.settle(jun30);
            if (!is_live(ahead.state().status) || ahead.state().kind == OrgKind::cooperative_group) continue;
            const bool held = std::any_of(assemblies.begin(), assemblies.end(),
                                          [&](Date d) { return d > dec31 && d <= jun30; });
            auto& c = cells[group_of(st31, sector, area, band_at(st31, dec31))];
            auto& ks = by_kind_sector[static_cast<std::size_t>(st31.kind)][static_cast<std::size_t>(sector)];
            for (auto* x : {&c, &ks}) {
                x->occasions[static_cast<std::size_t>(Hazard::assembly_missed)] += 1;
                if (!held) ++x->events[static_cast<std::size_t>(Hazard::assembly_missed)];
            }
        }
        // Classification moves between consecutive assessed years.
        std::sort(assessed.begin(), assessed.end());
        auto cls = [](std::int32_t p) { return p >= 80 ? 0 : p >= 65 ? 1 : p >= 50 ? 2 : 3; };
        for (std::size_t k = 1; k < assessed.size(); ++k) {
            if (assessed[k].first != assessed[k - 1].first + 1) continue;
            const Date d = ymd(assessed[k].first, 12, 31);
            if (d < from || d > until) continue;
            const int a = cls(assessed[k - 1].second), b = cls(assessed[k].second);
            auto& ks = by_kind_sector[static_cast<std::size_t>(final_state.kind)][static_cast<std::size_t>(sector)];
            auto& c = cells[group_of(final_state, sector, area, band_at(final_state, d))];
            for (auto* x : {&c, &ks}) {
                x->occasions[static_cast<std::size_t>(Hazard::class_up)] += 1;
                x->occasions[static_cast<std::size_t>(Hazard::class_down)] += 1;
                if (b < a) ++x->events[static_cast<std::size_t>(Hazard::class_up)];
                if (b > a) ++x->events[static_cast<std::size_t>(Hazard::class_down)];
            }
        }
    }

    // Exposure of each hazard: months in its statuses, occasions for shares, the window for founding.
    auto exposure = [&](const Cell& c, Hazard h) {
        const auto info = hazard_info(h);
        if (info.unit == RateUnit::per_year_share) return c.occasions[static_cast<std::size_t>(h)];
        if (info.unit == RateUnit::count_per_month) return window_months;
        double m = 0;
        for (std::size_t s = 0; s < c.months.size(); ++s)
            if (info.exposure & (1u << s)) m += c.months[s];
        return m;
    };
    auto estimate = [&](const Cell& c, Hazard h) {
        RateEstimate e;
        e.hazard = h;
        e.events = c.events[static_cast<std::size_t>(h)];
        e.exposure = exposure(c, h);
        e.rate = e.exposure > 0 ? static_cast<double>(e.events) / e.exposure : std::numeric_limits<double>::quiet_NaN();
        const auto [lo, hi] = hazard_info(h).unit == RateUnit::per_year_share
                                  ? wilson_interval(e.events, static_cast<std::int64_t>(std::llround(e.exposure)),
                                                    options.confidence)
                                  : poisson_interval(e.events, e.exposure, options.confidence);
        e.lower = lo;
        e.upper = hi;
        return e;
    };
    const std::array<Hazard, 13> estimated{Hazard::founding, Hazard::suspension, Hazard::resumption, Hazard::extension,
                                           Hazard::member_joining, Hazard::member_leaving, Hazard::voluntary_dissolution,
                                           Hazard::merger, Hazard::conversion, Hazard::assembly_missed,
                                           Hazard::report_missed, Hazard::dossier, Hazard::class_up};
    for (const auto& [key, cell] : cells) {
        const auto& g = codes.at(key);
        std::vector<std::string> group;
        for (const auto k : options.by) switch (k) {
                case CalibrationKey::kind: group.emplace_back(enum_name(static_cast<OrgKind>(g.kind))); break;
                case CalibrationKey::sector: group.emplace_back(enum_name(static_cast<Sector>(g.sector))); break;
                case CalibrationKey::age_band: group.emplace_back(age_band_names[g.band]); break;
                case CalibrationKey::province:
                    group.push_back(g.province == no_index ? std::string("?") : catalog[g.province].code);
                    break;
                case CalibrationKey::region:
                    group.push_back(g.region == 0xFFFF ? std::string("?") : catalog.regions()[g.region].id);
                    break;
            }
        for (const auto h : estimated) {
            auto e = estimate(cell, h);
            e.group = group;
            out.estimates.push_back(std::move(e));
        }
        auto e = estimate(cell, Hazard::class_down);
        e.group = group;
        out.estimates.push_back(std::move(e));
    }

    // Rates by kind and sector, pooled over sectors, then the defaults, where exposure is thin. Founding is a
    // count, never pooled: a kind and sector with no registration in the window founds none.
    out.rates = default_rates();
    for (std::size_t k = 0; k < kind_count; ++k) {
        Cell pooled;
        for (const auto& c : by_kind_sector[k]) {
            for (std::size_t s = 0; s < pooled.months.size(); ++s) pooled.months[s] += c.months[s];
            for (std::size_t h = 0; h < hazard_count; ++h) {
                pooled.occasions[h] += c.occasions[h];
                pooled.events[h] += c.events[h];
            }
        }
        for (std::size_t h = 0; h < hazard_count; ++h) {
            const auto hz = static_cast<Hazard>(h);
            if (hz == Hazard::office_action) continue;
            const bool share = hazard_info(hz).unit == RateUnit::per_year_share;
            const double min = share ? 20 : options.min_exposure;
            for (std::size_t s = 0; s < sector_count; ++s) {
                double& rate = out.rates.value[h][k][s];
                const auto& c = by_kind_sector[k][s];
                if (hz == Hazard::founding) {
                    rate = static_cast<double>(c.events[h]) / window_months;
                } else if (exposure(c, hz) >= min) {
                    rate = static_cast<double>(c.events[h]) / exposure(c, hz);
                } else if (exposure(pooled, hz) >= min) {
                    rate = static_cast<double>(pooled.events[h]) / exposure(pooled, hz);
                }
            }
        }
    }
    return out;
}

}  // namespace coopecon::simulation
