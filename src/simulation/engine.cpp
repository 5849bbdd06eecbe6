// Monte Carlo runs of a scenario: the setup shared by the runs, a pool of worker threads taking runs in turn,
// the tidy table of every run's indicator series in run order, quantiles and paired differences.

#include "world.hpp"

#include <coopecon/compliance/conditions.hpp>
#include <coopecon/indicators/catalogue.hpp>
#include <coopecon/simulation/calibration.hpp>
#include <coopecon/simulation/names.hpp>
#include <coopecon/simulation/projection.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <mutex>
#include <numeric>
#include <stop_token>
#include <thread>
#include <tuple>
#include <unordered_map>

namespace coopecon::simulation {

std::vector<std::string> standard_indicator_ids() {
    return {"organizations", "cooperatives", "cooperative_groups", "active_rate", "suspended_rate", "new",
            "dissolved",     "merged",       "converted",          "members",     "members_per_cooperative"};
}

double SeriesTable::at(std::int32_t r, Date d, std::string_view ind, std::string_view g) const {
    for (std::size_t k = 0; k < rows(); ++k)
        if (run[k] == r && date[k] == d && indicator_ids[indicator[k]] == ind && group_codes[group[k]] == g)
            return value[k];
    return std::numeric_limits<double>::quiet_NaN();
}

std::size_t QuantileTable::find(Date d, std::string_view ind, std::string_view g) const {
    for (std::size_t k = 0; k < rows(); ++k)
        if (date[k] == d && indicator_ids[indicator[k]] == ind && group_codes[group[k]] == g) return k;
    return rows();
}

namespace detail {
namespace {

/// Last day of the month `m` months after d's month.
Date month_end(Date d, int m) {
    const Date first = ymd(d.year(), d.month(), 1).plus_months(m + 1);
    return first.plus_days(-1);
}

Date default_start(const Registry& reg) {
    if (reg.info().as_of) return *reg.info().as_of;
    Date latest = Date::min();
    for (OrgIndex i = 0; i < reg.size(); ++i)
        reg.log(i).replay_until(Date::max(), [&](Date d, const auto&) { latest = std::max(latest, d); });
    if (latest == Date::min()) throw Error(ErrorCode::usage, "the registry is empty: give RunOptions::start");
    return latest;
}

std::uint8_t class_of(std::int32_t points) { return points >= 80 ? 0 : points >= 65 ? 1 : points >= 50 ? 2 : 3; }

}  // namespace

Setup make_setup(const Registry& reg, const Scenario& scenario, const RunOptions& options) {
    Problems problems = check(scenario, reg);
    auto usage = [&](std::string field, std::string message) {
        problems.push_back(Problem::at(ErrorCode::usage, std::move(message), std::move(field)));
    };
    if (options.months < 1 || options.months > 1200) usage("months", "months must be from 1 to 1200");
    if (options.runs < 1) usage("runs", "runs must be at least 1");
    if (options.first_run < 0) usage("first_run", "first_run cannot be negative");
    if (options.report_every < 1) usage("report_every", "report_every must be at least 1 month");
    Setup s;
    s.registry = &reg;
    s.keep_events = options.keep_events;
    s.seed = options.seed;
    std::vector<indicators::Indicator> inds;
    try {
        inds = indicators::catalogue_indicators(options.indicators.empty() ? standard_indicator_ids()
                                                                           : options.indicators);
    } catch (const Error& e) {
        for (const auto& p : e.problems()) usage("indicators", p.message);
    }
    // Areas of the programmes' targets.
    const auto& catalog = reg.areas();
    for (std::size_t k = 0; k < scenario.programmes.size(); ++k) {
        const auto& p = scenario.programmes[k];
        ResolvedProgramme rp{p, 0, 0, {}};
        for (const auto kind : p.target.kinds) rp.kinds = static_cast<std::uint8_t>(rp.kinds | (1u << static_cast<unsigned>(kind)));
        for (const auto sec : p.target.sectors)
            rp.sectors = static_cast<std::uint16_t>(rp.sectors | (1u << static_cast<unsigned>(sec)));
        if (p.target.kinds.empty()) rp.kinds = 0xFF;
        if (p.target.sectors.empty()) rp.sectors = 0xFFFF;
        if (!p.target.areas.empty()) {
            rp.in_area.assign(catalog.areas().size(), 0);
            for (const auto& code : p.target.areas) {
                const auto found = catalog.find(code);
                if (!found) continue;  // reported by check(scenario, reg)
                const auto level = catalog[*found].level;
                for (AreaIndex a = 0; a < catalog.areas().size(); ++a)
                    if (catalog.at_level(a, level) == *found) rp.in_area[a] = 1;
            }
        }
        s.programmes.push_back(std::move(rp));
    }
    throw_if_any(std::move(problems));

    s.law = scenario.reform ? std::make_shared<const law::Framework>(law::apply(reg.law(), *scenario.reform))
                            : reg.law_ptr();
    s.calendar = std::make_unique<law::LawCalendar>(*s.law);
    s.start = options.start ? *options.start : default_start(reg);
    s.months = options.months;
    const bool month_ends = s.start == month_end(s.start, 0);
    for (int m = 0; m <= s.months; ++m) s.month_ends.push_back(month_ends ? month_end(s.start, m) : s.start.plus_months(m));
    s.end = s.month_ends.back();
    for (int m = options.report_every; m < s.months; m += options.report_every) s.report_months.push_back(m);
    s.report_months.push_back(s.months);
    for (const auto p : {law::Param::min_members_cooperative_group, law::Param::min_members_cooperative,
                         law::Param::min_members_union})
        for (const auto& period : s.law->timeline(p).periods())
            for (const Date d : {period.from, period.until ? period.until->plus_days(1) : Date::max()})
                if (d > s.start && d <= s.end) s.minimum_changes.push_back(d);
    std::sort(s.minimum_changes.begin(), s.minimum_changes.end());
    s.minimum_changes.erase(std::unique(s.minimum_changes.begin(), s.minimum_changes.end()), s.minimum_changes.end());

    // Rates: given, or the registry's own over the three years before the start; then the overrides.
    if (options.rates) {
        s.rates = *options.rates;
    } else {
        CalibrationOptions co;
        co.until = s.start;
        s.rates = calibrate(reg, co).rates;
    }
    for (const auto& o : scenario.rates) {
        for (std::size_t k = 0; k < kind_count; ++k)
            for (std::size_t sec = 0; sec < sector_count; ++sec) {
                const auto kind = static_cast<OrgKind>(k);
                const auto sector = static_cast<Sector>(sec);
                const bool kind_ok = o.target.kinds.empty() ||
                                     std::find(o.target.kinds.begin(), o.target.kinds.end(), kind) != o.target.kinds.end();
                const bool sector_ok = o.target.sectors.empty() || std::find(o.target.sectors.begin(),
                                                                             o.target.sectors.end(), sector) !=
                                                                       o.target.sectors.end();
                if (kind_ok && sector_ok) s.rates.at(o.hazard, kind, sector) = o.value;
            }
    }

    // Existing organisations at the start, and the compliance conditions open then.
    const std::size_t n = reg.size();
    s.replays.reserve(n);
    s.initial.resize(n);
    s.sectors.resize(n);
    s.areas.resize(n);
    s.coops_by_area.resize(catalog.areas().size());
    std::array<std::vector<double>, kind_count> weights;
    for (auto& w : weights) w.assign(catalog.areas().size(), 0);
    // One scan of each history gives both the state at the start (its replay, which the runs go on from) and
    // the compliance conditions the office acts on, evaluated for those rules only.
    constexpr auto office_rules = compliance::rule_set(
        {law::Rule::no_annual_assembly, law::Rule::below_minimum_members, law::Rule::group_below_minimum_members});
    for (OrgIndex i = 0; i < n; ++i) {
        const auto& org = reg.organization(i);
        compliance::ConditionScan scan(*s.law, *s.calendar, compliance::AcrossLawChange::by_rule, org, reg.members(i),
                                       office_rules);
        scan.run(reg.log(i), s.start);
        const auto& st = scan.state();
        s.sectors[i] = org.sector;
        s.areas[i] = reg.area(i);
        auto& init = s.initial[i];
        if (st.latest_assessment) init.cls = class_of(st.latest_assessment->points);
        if (st.exists_and_not_terminated()) {
            for (const auto& p : scan.periods()) {
                if (p.until) continue;
                if (p.rule == law::Rule::no_annual_assembly) init.assembly_from = p.counted_from;
                if (p.rule == law::Rule::below_minimum_members || p.rule == law::Rule::group_below_minimum_members)
                    init.below_from = p.began, init.below_counted = p.counted_from;
            }
            if (is_live(st.status)) {
                AreaIndex seat = s.areas[i];
                if (const auto now = catalog.on(seat, s.start); now != no_index) seat = now;
                weights[static_cast<std::size_t>(st.kind)][seat] += 1;
                if (st.kind == OrgKind::cooperative) s.coops_by_area[s.areas[i]].push_back(static_cast<std::uint32_t>(i));
            }
        }
        s.replays.push_back(scan.replay());
    }

    // Founding: per kind, the seats of the live ones at the start; per epoch between programme boundaries.
    for (AreaIndex a = 0; a < catalog.areas().size(); ++a) s.founding_area_list.push_back(a);
    std::vector<double> all(catalog.areas().size(), 0);
    for (const auto& w : weights)
        for (std::size_t a = 0; a < w.size(); ++a) all[a] += w[a];
    for (const auto& p : s.programmes) {
        if (p.spec.type != ProgrammeType::rate_change) continue;
        for (const Date d : {p.spec.from, p.spec.until ? p.spec.until->plus_days(1) : Date::max()})
            if (d > s.start && d <= s.end) s.boundaries.push_back(d);
    }
    std::sort(s.boundaries.begin(), s.boundaries.end());
    s.boundaries.erase(std::unique(s.boundaries.begin(), s.boundaries.end()), s.boundaries.end());
    std::vector<Date> epochs{s.start.plus_days(1)};
    epochs.insert(epochs.end(), s.boundaries.begin(), s.boundaries.end());
    const bool any_seat = std::any_of(all.begin(), all.end(), [](double w) { return w > 0; });
    for (const Date from : epochs) {
        FoundingEpoch ep;
        ep.from = from;
        for (std::size_t k = 0; k < kind_count; ++k) {
            const auto& base = std::any_of(weights[k].begin(), weights[k].end(), [](double w) { return w > 0; })
                                   ? weights[k]
                                   : all;
            for (std::size_t sec = 0; sec < sector_count; ++sec) {
                const double rate = s.rates.at(Hazard::founding, static_cast<OrgKind>(k), static_cast<Sector>(sec));
                if (!(rate > 0) || !any_seat) continue;
                std::vector<double> w = base;
                double before = 0, after = 0;
                for (AreaIndex a = 0; a < w.size(); ++a) {
                    before += w[a];
                    for (const auto& p : s.programmes)
                        if (p.spec.type == ProgrammeType::rate_change && p.spec.hazard == Hazard::founding &&
                            p.active_on(from) && p.targets(static_cast<OrgKind>(k), static_cast<Sector>(sec), a))
                            w[a] *= *p.spec.factor;
                    after += w[a];
                }
                if (!(after > 0)) continue;
                ep.per_month[k][sec] = rate * after / before;
                ep.areas[k][sec].emplace(w);
            }
        }
        s.founding.push_back(std::move(ep));
    }

    // The catalogue of the areas that matter: seats now and of future foundings, their parents and successors.
    {
        std::vector<std::uint8_t> keep(catalog.areas().size(), 0);
        std::vector<AreaIndex> work;
        auto want = [&](AreaIndex a) {
            if (a < keep.size() && !keep[a]) {
                keep[a] = 1;
                work.push_back(a);
            }
        };
        for (const auto a : s.areas) want(a);
        for (AreaIndex a = 0; a < all.size(); ++a)
            if (all[a] > 0) want(a);
        std::unordered_map<std::string_view, std::vector<AreaIndex>> successors;
        for (const auto& c : catalog.crosswalk())
            if (const auto to = catalog.find(c.to)) successors[c.from].push_back(*to);
        while (!work.empty()) {
            const AreaIndex a = work.back();
            work.pop_back();
            if (const auto& parent = catalog[a].parent)
                if (const auto p = catalog.find(*parent)) want(*p);
            if (const auto it = successors.find(catalog[a].code); it != successors.end())
                for (const auto to : it->second) want(to);
        }
        std::vector<Area> areas;
        s.report_area_of.assign(catalog.areas().size(), no_index);
        for (AreaIndex a = 0; a < keep.size(); ++a)
            if (keep[a]) {
                s.report_area_of[a] = static_cast<AreaIndex>(areas.size());
                areas.push_back(catalog[a]);
            }
        std::vector<AreaSuccession> crosswalk;
        for (const auto& c : catalog.crosswalk()) {
            const auto from = catalog.find(c.from), to = catalog.find(c.to);
            if (from && to && keep[*from] && keep[*to]) crosswalk.push_back(c);
        }
        s.report_areas = std::make_shared<const AreaCatalog>(catalog.regions(), std::move(areas), std::move(crosswalk));
    }

    s.query.indicators = std::move(inds);
    s.query.by = options.by;
    s.query.units_as_of = s.end;
    const auto [end_columns, before_columns] = indicators::columns_read(s.query);
    s.columns = end_columns;
    s.columns.add(before_columns);
    return s;
}

}  // namespace detail

namespace {

/// Runs [0, runs) on a pool of threads; outputs in run order. Returns false when cancelled.
bool run_all(const detail::Setup& setup, std::int32_t runs, std::int32_t first_run, unsigned threads,
             std::vector<detail::RunOutput>& outputs, const Progress& progress, const CancellationToken* cancel,
             std::size_t progress_offset, std::size_t progress_total) {
    outputs.assign(static_cast<std::size_t>(runs), {});
    std::atomic<std::int32_t> next{0};
    std::atomic<bool> stop{false};
    std::atomic<std::size_t> done{0};
    std::mutex report;
    std::exception_ptr failure;
    auto work = [&](std::stop_token) {
        for (;;) {
            if (stop.load() || (cancel && cancel->cancelled())) return;
            const auto r = next.fetch_add(1);
            if (r >= runs) return;
            try {
                if (!detail::simulate(setup, first_run + r, outputs[static_cast<std::size_t>(r)], cancel)) return;
            } catch (...) {
                std::lock_guard lock(report);
                if (!failure) failure = std::current_exception();
                stop = true;
                return;
            }
            // Counted under the lock, so that the calls see the counts in order.
            std::lock_guard lock(report);
            const auto finished = ++done;
            if (progress) progress(progress_offset + finished, progress_total);
        }
    };
    const unsigned n = std::max(1u, std::min<unsigned>(threads ? threads : std::max(1u, std::thread::hardware_concurrency()),
                                                      static_cast<unsigned>(runs)));
    {
        std::vector<std::jthread> pool;
        for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
        work(std::stop_token{});
    }  // joined here
    if (failure) std::rethrow_exception(failure);
    return !(cancel && cancel->cancelled()) && done.load() == static_cast<std::size_t>(runs);
}

/// The runs' rows in one table, in run order, with dictionaries in order of first appearance.
SeriesTable merge(const std::vector<detail::RunOutput>& outputs, std::uint64_t seed, std::int32_t first_run) {
    SeriesTable t;
    std::map<std::string, std::uint16_t, std::less<>> indicators;
    std::map<std::string, std::uint32_t, std::less<>> groups;
    for (std::size_t r = 0; r < outputs.size(); ++r) {
        const auto& o = outputs[r];
        if (t.group_keys.empty()) t.group_keys = o.group_keys;
        std::vector<std::uint16_t> ind(o.indicator_ids.size());
        for (std::size_t k = 0; k < ind.size(); ++k) {
            auto [it, added] = indicators.emplace(o.indicator_ids[k], static_cast<std::uint16_t>(t.indicator_ids.size()));
            if (added) t.indicator_ids.push_back(o.indicator_ids[k]);
            ind[k] = it->second;
        }
        std::vector<std::uint32_t> grp(o.group_codes.size());
        for (std::size_t k = 0; k < grp.size(); ++k) {
            auto [it, added] = groups.emplace(o.group_codes[k], static_cast<std::uint32_t>(t.group_codes.size()));
            if (added) t.group_codes.push_back(o.group_codes[k]);
            grp[k] = it->second;
        }
        for (std::size_t k = 0; k < o.value.size(); ++k) {
            t.run.push_back(first_run + static_cast<std::int32_t>(r));
            t.seed.push_back(seed);
            t.date.push_back(o.date[k]);
            t.indicator.push_back(ind[o.indicator[k]]);
            t.group.push_back(grp[o.group[k]]);
            t.value.push_back(o.value[k]);
        }
    }
    return t;
}

RunStats add_stats(const std::vector<detail::RunOutput>& outputs) {
    RunStats s;
    for (const auto& o : outputs) {
        s.organisation_months += o.stats.organisation_months;
        s.events += o.stats.events;
        s.refused += o.stats.refused;
        s.office_actions += o.stats.office_actions;
        s.programme_actions += o.stats.programme_actions;
        s.founded += o.stats.founded;
    }
    return s;
}

Results assemble(const detail::Setup& setup, const Scenario& scenario, const RunOptions& options,
                 const std::vector<detail::RunOutput>& outputs) {
    Results r;
    r.scenario = scenario.name;
    r.start = setup.start;
    r.months = setup.months;
    r.runs = options.runs;
    r.seed = options.seed;
    r.series = merge(outputs, options.seed, options.first_run);
    r.quantiles = quantiles(r.series);
    r.stats = add_stats(outputs);
    return r;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

QuantileTable quantiles(const SeriesTable& series) {
    QuantileTable q;
    q.indicator_ids = series.indicator_ids;
    q.group_codes = series.group_codes;
    q.group_keys = series.group_keys;
    std::vector<std::size_t> order(series.rows());
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto key = [&](std::size_t k) {
        return std::make_tuple(series.date[k], series.indicator[k], series.group[k]);
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    std::vector<double> values;
    auto quantile = [&](double p) {
        const double h = (static_cast<double>(values.size()) - 1) * p;
        const auto lo = static_cast<std::size_t>(std::floor(h));
        const auto hi = std::min(values.size() - 1, lo + 1);
        return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
    };
    for (std::size_t a = 0; a < order.size();) {
        std::size_t b = a;
        values.clear();
        while (b < order.size() && key(order[b]) == key(order[a])) {
            const double v = series.value[order[b]];
            if (!std::isnan(v)) values.push_back(v);
            ++b;
        }
        const auto k = order[a];
        q.date.push_back(series.date[k]);
        q.indicator.push_back(series.indicator[k]);
        q.group.push_back(series.group[k]);
        q.runs.push_back(static_cast<std::int32_t>(values.size()));
        if (values.empty()) {
            const double nan = std::numeric_limits<double>::quiet_NaN();
            q.mean.push_back(nan);
            q.p5.push_back(nan);
            q.p50.push_back(nan);
            q.p95.push_back(nan);
        } else {
            std::sort(values.begin(), values.end());
            q.mean.push_back(std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size()));
            q.p5.push_back(quantile(0.05));
            q.p50.push_back(quantile(0.5));
            q.p95.push_back(quantile(0.95));
        }
        a = b;
    }
    return q;
}

SeriesTable difference(const SeriesTable& baseline, const SeriesTable& scenario) {
    // The baseline's dictionaries mapped to the scenario's, then one hash lookup per row.
    auto mapped = [](const std::vector<std::string>& from, const std::vector<std::string>& to) {
        std::vector<std::int64_t> m(from.size(), -1);
        for (std::size_t k = 0; k < from.size(); ++k)
            if (const auto it = std::find(to.begin(), to.end(), from[k]); it != to.end()) m[k] = it - to.begin();
        return m;
    };
    const auto indicator_of = mapped(baseline.indicator_ids, scenario.indicator_ids);
    const auto group_of = mapped(baseline.group_codes, scenario.group_codes);
    auto key = [](std::int32_t run, Date date, std::uint64_t indicator, std::uint64_t group) {
        const auto high = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(run)) << 32) |
                          static_cast<std::uint32_t>(date.days_since_epoch());
        return std::pair{high, (indicator << 32) | group};
    };
    struct PairHash {
        std::size_t operator()(const std::pair<std::uint64_t, std::uint64_t>& p) const noexcept {
            return std::hash<std::uint64_t>{}(p.first * 0x9E3779B97F4A7C15ull ^ p.second);
        }
    };
    std::unordered_map<std::pair<std::uint64_t, std::uint64_t>, double, PairHash> base;
    base.reserve(baseline.rows());
    for (std::size_t k = 0; k < baseline.rows(); ++k) {
        const auto ind = indicator_of[baseline.indicator[k]], grp = group_of[baseline.group[k]];
        if (ind < 0 || grp < 0) continue;  // the scenario has no such row
        base.emplace(key(baseline.run[k], baseline.date[k], static_cast<std::uint64_t>(ind), static_cast<std::uint64_t>(grp)),
                     baseline.value[k]);
    }
    SeriesTable d;
    d.indicator_ids = scenario.indicator_ids;
    d.group_codes = scenario.group_codes;
    d.group_keys = scenario.group_keys;
    d.run = scenario.run;
    d.seed = scenario.seed;
    d.date = scenario.date;
    d.indicator = scenario.indicator;
    d.group = scenario.group;
    d.value.resize(scenario.rows());
    for (std::size_t k = 0; k < scenario.rows(); ++k) {
        const auto it = base.find(key(scenario.run[k], scenario.date[k], scenario.indicator[k], scenario.group[k]));
        d.value[k] = scenario.value[k] - (it == base.end() ? 0.0 : it->second);
    }
    return d;
}

Problems check(const Scenario& scenario, const Registry& start) {
    Problems problems = check(scenario);
    const auto& catalog = start.areas();
    for (std::size_t k = 0; k < scenario.programmes.size(); ++k) {
        const auto& areas = scenario.programmes[k].target.areas;
        for (std::size_t j = 0; j < areas.size(); ++j)
            if (!catalog.find(areas[j]))
                problems.push_back(Problem::at(ErrorCode::unknown_name, "unknown area code " + areas[j],
                                               "programmes[" + std::to_string(k) + "].target.areas[" +
                                                   std::to_string(j) + "]"));
    }
    if (scenario.reform)
        for (auto p : law::check(start.law(), *scenario.reform)) {
            // Located at the scenario's "reform" key; the path within the reform leads the message.
            if (!p.path.empty()) p.message = p.path + ": " + p.message;
            p.path = "reform";
            problems.push_back(std::move(p));
        }
    return problems;
}

Results run(const Registry& start, const Scenario& scenario, const RunOptions& options, const Progress& progress,
            const CancellationToken* cancel) {
    const auto t0 = std::chrono::steady_clock::now();
    auto setup = detail::make_setup(start, scenario, options);
    std::vector<detail::RunOutput> outputs;
    if (!run_all(setup, options.runs, options.first_run, options.threads, outputs, progress, cancel, 0,
                 static_cast<std::size_t>(options.runs)))
        throw Cancelled();
    auto r = assemble(setup, scenario, options, outputs);
    r.stats.seconds = seconds_since(t0);
    return r;
}

Comparison compare(const Registry& start, const Scenario& baseline, const Scenario& scenario,
                   const RunOptions& options, const Progress& progress, const CancellationToken* cancel) {
    const auto t0 = std::chrono::steady_clock::now();
    // Both setups first, so that a problem in either is reported before anything runs.
    auto base_setup = detail::make_setup(start, baseline, options);
    auto scen_setup = detail::make_setup(start, scenario, options);
    const auto total = static_cast<std::size_t>(options.runs) * 2;
    Comparison c;
    std::vector<detail::RunOutput> outputs;
    if (!run_all(base_setup, options.runs, options.first_run, options.threads, outputs, progress, cancel, 0, total))
        throw Cancelled();
    c.baseline = assemble(base_setup, baseline, options, outputs);
    if (!run_all(scen_setup, options.runs, options.first_run, options.threads, outputs, progress, cancel,
                 static_cast<std::size_t>(options.runs), total))
        throw Cancelled();
    c.scenario = assemble(scen_setup, scenario, options, outputs);
    c.difference = difference(c.baseline.series, c.scenario.series);
    c.difference_quantiles = quantiles(c.difference);
    c.baseline.stats.seconds = c.scenario.stats.seconds = seconds_since(t0);
    return c;
}

Projection project_scenarios(const Registry& start, const Scenario& baseline, const std::vector<Scenario>& scenarios,
                             const RunOptions& options, const Progress& progress, const CancellationToken* cancel) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<const Scenario*> all{&baseline};
    for (const auto& s : scenarios) all.push_back(&s);
    Problems problems;
    for (std::size_t k = 1; k < all.size(); ++k)
        for (std::size_t j = 0; j < k; ++j)
            if (all[k]->name == all[j]->name) {
                problems.push_back(Problem::at(ErrorCode::duplicate,
                                               "scenario name '" + all[k]->name + "' is given twice" +
                                                   (j == 0 ? " (it is the baseline's)" : ""),
                                               "name"));
                break;
            }
    throw_if_any(std::move(problems));

    // One calibration for all: make_setup would calibrate the same history once per scenario.
    RunOptions o = options;
    if (!o.rates) {
        CalibrationOptions co;
        co.until = o.start ? *o.start : detail::default_start(start);
        o.rates = calibrate(start, co).rates;
    }
    // Every setup first, so that a problem in any scenario is reported before anything runs.
    std::vector<detail::Setup> setups;
    setups.reserve(all.size());
    for (const auto* s : all) setups.push_back(detail::make_setup(start, *s, o));

    Projection p;
    p.registry = start.info().title;
    p.synthetic = start.info().synthetic;
    p.start = setups.front().start;
    p.months = o.months;
    p.runs = o.runs;
    p.every = o.report_every;
    p.seed = o.seed;
    const auto runs = static_cast<std::size_t>(o.runs);
    std::vector<detail::RunOutput> outputs;
    for (std::size_t k = 0; k < all.size(); ++k) {
        if (!run_all(setups[k], o.runs, o.first_run, o.threads, outputs, progress, cancel, k * runs, all.size() * runs))
            throw Cancelled();
        ScenarioOutcome outcome{all[k]->name, all[k]->title, assemble(setups[k], *all[k], o, outputs), {}, {}};
        if (k > 0) {
            outcome.difference = difference(p.outcomes.front().results.series, outcome.results.series);
            outcome.difference_quantiles = quantiles(outcome.difference);
        }
        p.outcomes.push_back(std::move(outcome));
    }
    const double seconds = seconds_since(t0);
    for (auto& outcome : p.outcomes) outcome.results.stats.seconds = seconds;
    return p;
}

Registry project(const Registry& start, const Scenario& scenario, const RunOptions& options, std::int32_t run) {
    RunOptions o = options;
    o.keep_events = true;
    o.runs = 1;
    auto setup = detail::make_setup(start, scenario, o);
    detail::RunOutput out;
    detail::simulate(setup, run, out, nullptr);
    const std::size_t n = start.size();
    std::vector<std::vector<Event>> events(n + out.founded.size());
    for (auto& [i, e] : out.events) events[i].push_back(std::move(e));
    std::vector<OrganizationRecord> records;
    records.reserve(events.size());
    for (OrgIndex i = 0; i < n; ++i) {
        OrganizationRecord rec{start.organization(i), {start.members(i).begin(), start.members(i).end()},
                               start.events(i)};
        // Recorded events after the start are replaced by the simulated ones.
        std::erase_if(rec.events, [&](const Event& e) { return e.date > setup.start; });
        for (auto& e : events[i]) rec.events.push_back(std::move(e));
        records.push_back(std::move(rec));
    }
    const auto& catalog = start.areas();
    for (std::size_t k = 0; k < out.founded.size(); ++k) {
        const auto& f = out.founded[k];
        Stream s = SeedTree(options.seed).child("run").child(static_cast<std::uint64_t>(run)).child("name").child(k).stream();
        OrganizationRecord rec;
        rec.organization.id = f.id;
        rec.organization.kind = f.kind;
        rec.organization.sector = f.sector;
        rec.organization.area = catalog[f.area].code;
        rec.organization.name =
            organization_name(f.kind, f.sector, common_name_words[s.below(common_name_words.size())], s);
        rec.organization.registration_code = f.id;
        rec.events = std::move(events[n + k]);
        if (!rec.events.empty()) records.push_back(std::move(rec));
    }
    Registry out_registry(setup.law, start.areas_ptr());
    out_registry.info() = start.info();
    out_registry.info().synthetic = true;
    out_registry.info().as_of = setup.end;
    out_registry.info().title = start.info().title + " — projected to " + setup.end.iso() + " (" + scenario.name + ")";
    out_registry.add(std::move(records));
    return out_registry;
}

}  // namespace coopecon::simulation
