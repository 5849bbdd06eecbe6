// Scenario runs: determinism whatever the threads, seeds that matter, every event through the transition table,
// the registration office acting on the compliance rules' due dates exactly (both sides of each threshold),
// programmes whose effect the affected count predicts exactly, progress and cancellation.

#include <support/builders.hpp>

#include <coopecon/compliance/check.hpp>
#include <coopecon/simulation/calibration.hpp>
#include <coopecon/simulation/engine.hpp>
#include <coopecon/simulation/profiles.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <map>
#include <cmath>
#include <string>

namespace coopecon::simulation {
namespace engine_tests {

using test::operator""_d;

const Registry& ca_mau() {
    static const Registry r = synthesize(ca_mau_2023(), default_seed);
    return r;
}

/// Rates where nothing happens unless a test says so.
Rates quiet() {
    Rates r;
    r.set(Hazard::extension, 1);
    r.set(Hazard::dossier, 0);
    return r;
}

RunOptions small(std::int32_t runs, std::int32_t months = 24) {
    RunOptions o;
    o.start = "2025-12-31"_d;
    o.months = months;
    o.runs = runs;
    o.seed = 11;
    return o;
}

bool same(const SeriesTable& a, const SeriesTable& b) {
    if (a.rows() != b.rows() || a.indicator_ids != b.indicator_ids || a.group_codes != b.group_codes) return false;
    for (std::size_t k = 0; k < a.rows(); ++k) {
        const bool both_nan = std::isnan(a.value[k]) && std::isnan(b.value[k]);
        if (a.run[k] != b.run[k] || a.date[k] != b.date[k] || a.indicator[k] != b.indicator[k] ||
            a.group[k] != b.group[k] || (!both_nan && a.value[k] != b.value[k]))
            return false;
    }
    return true;
}

TEST(Run, TheSameSeedGivesTheSameOutputWithOneAndTwoThreads) {
    auto o = small(6);
    o.by = {indicators::GroupKey::by(indicators::KeyKind::kind)};
    o.threads = 1;
    const auto one = run(ca_mau(), baseline_scenario(), o);
    o.threads = 2;
    const auto two = run(ca_mau(), baseline_scenario(), o);
    EXPECT_TRUE(same(one.series, two.series));
    EXPECT_EQ(one.stats.events, two.stats.events);
    EXPECT_GT(one.series.rows(), 6u * 24 * 11);
    EXPECT_EQ(one.series.group_keys, (std::vector<std::string>{"kind"}));
}

TEST(Run, RangesOfRunsGiveTheRowsOfOneCall) {
    auto o = small(4, 6);
    const auto all = run(ca_mau(), baseline_scenario(), o);
    o.first_run = 2;
    o.runs = 2;
    const auto part = run(ca_mau(), baseline_scenario(), o);
    std::size_t matched = 0;
    for (std::size_t k = 0; k < part.series.rows(); ++k) {
        EXPECT_GE(part.series.run[k], 2);
        const double v = all.series.at(part.series.run[k], part.series.date[k],
                                       part.series.indicator_ids[part.series.indicator[k]],
                                       part.series.group_codes[part.series.group[k]]);
        if (std::isnan(v) && std::isnan(part.series.value[k])) ++matched;
        else if (v == part.series.value[k]) ++matched;
    }
    EXPECT_EQ(matched, part.series.rows());
    EXPECT_EQ(part.series.rows() * 2, all.series.rows());
}

TEST(Run, DifferentSeedsGiveDifferentOutcomes) {
    auto o = small(2);
    const auto a = run(ca_mau(), baseline_scenario(), o);
    o.seed = 12;
    const auto b = run(ca_mau(), baseline_scenario(), o);
    EXPECT_FALSE(same(a.series, b.series));
    // Runs of one seed differ from each other too.
    const Date end = "2027-12-31"_d;
    EXPECT_NE(a.series.at(0, end, "members"), a.series.at(1, end, "members"));
}

TEST(Run, EveryEventPassesTheTransitionTable) {
    const auto r = run(ca_mau(), baseline_scenario(), small(4, 60));
    EXPECT_EQ(r.stats.refused, 0);
    EXPECT_GT(r.stats.events, 4 * 1000);
    EXPECT_GT(r.stats.founded, 0);
    EXPECT_GT(r.stats.organisation_months, 4 * 60 * 1000);
}

TEST(Run, QuantilesAreOrderedAndCountTheRuns) {
    const auto r = run(ca_mau(), baseline_scenario(), small(20, 12));
    const auto& q = r.quantiles;
    ASSERT_GT(q.rows(), 0u);
    for (std::size_t k = 0; k < q.rows(); ++k) {
        if (q.runs[k] == 0) continue;
        EXPECT_LE(q.p5[k], q.p50[k]);
        EXPECT_LE(q.p50[k], q.p95[k]);
    }
    const auto row = q.find("2026-12-31"_d, "cooperatives");
    ASSERT_LT(row, q.rows());
    EXPECT_EQ(q.runs[row], 20);
}

TEST(Run, ProgressCountsEveryRunAndCancellationStopsCleanly) {
    std::atomic<std::size_t> calls{0}, last{0};
    auto o = small(5, 6);
    o.threads = 2;
    run(ca_mau(), baseline_scenario(), o, [&](std::size_t done, std::size_t total) {
        ++calls;
        last = done;
        EXPECT_EQ(total, 5u);
    });
    EXPECT_EQ(calls, 5u);
    EXPECT_EQ(last, 5u);

    CancellationToken token;
    o.runs = 50;
    EXPECT_THROW(run(ca_mau(), baseline_scenario(), o, [&](std::size_t, std::size_t) { token.cancel(); }, &token),
                 Cancelled);
    CancellationToken before;
    before.cancel();
    EXPECT_THROW(run(ca_mau(), baseline_scenario(), o, {}, &before), Cancelled);
}

TEST(Run, RefusesBadOptionsAndUnknownAreasBeforeRunning) {
    auto o = small(1);
    o.months = 0;
    o.indicators = {"no_such_indicator"};
    try {
        run(ca_mau(), baseline_scenario(), o);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.problems().size(), 2u);
    }
    Scenario s = baseline_scenario();
    s.name = "bad-area";
    s.programmes.push_back(Programme{"p", ProgrammeType::dissolve_suspended, "2026-01-01"_d, {}, Target{{}, {}, {"X999"}},
                                     {}, {}, 12, {}, {}});
    try {
        run(ca_mau(), s, small(1));
        FAIL();
    } catch (const Error& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "programmes[0].target.areas[0]");
    }
}

// ---- the registration office on both sides of each threshold -----------------------------------------------

/// A cooperative that holds its 2024 assembly on 2025-01-15 and never another: 18 months without an annual
/// assembly are reached on 2026-07-16 (counted from the day after the assembly).
Registry lonely_cooperative() {
    auto reg = test::registry();
    reg.add(test::cooperative("htx-1")
                .registered("2024-08-01"_d, 50'000'000)
                .then(test::ev::members_joined("2024-08-01"_d, 9))
                .then(test::ev::annual_assembly("2025-01-15"_d)));
    return reg;
}

RunOptions office_only(Date start, std::int32_t months) {
    RunOptions o;
    o.start = start;
    o.months = months;
    o.runs = 1;
    o.rates = quiet();
    o.rates->set(Hazard::assembly_missed, 1);
    o.rates->set(Hazard::office_action, 1);  // the office acts on the first day it can
    return o;
}

std::vector<Event> of(const Registry& r, std::string_view id) { return r.events(r.index_of(id)); }

template <class T>
const Event* first(const std::vector<Event>& events) {
    for (const auto& e : events)
        if (e.get<T>()) return &e;
    return nullptr;
}
// The pointer points into the vector: a temporary would leave it dangling.
template <class T>
const Event* first(std::vector<Event>&&) = delete;

template <class T>
bool has(const std::vector<Event>& events) { return first<T>(events) != nullptr; }

TEST(Office, RevokesTheDayAfterEighteenMonthsWithoutAnAssemblyNotBefore) {
    const auto reg = lonely_cooperative();
    const auto p = project(reg, baseline_scenario(), office_only("2025-01-31"_d, 24));
    const auto events = of(p, "htx-1");
    const auto* revoked = first<RegistrationRevoked>(events);
    ASSERT_NE(revoked, nullptr);
    EXPECT_EQ(revoked->date, "2026-07-17"_d);
    EXPECT_EQ(revoked->get<RegistrationRevoked>()->ground, RevocationGround::no_annual_assembly);
    // The compliance check agrees: due at the end of 2026-07-16, only at risk the day before.
    const auto i = p.index_of("htx-1");
    auto due_on = [&](Date d) {
        for (const auto& f : compliance::check(p, p.organization(i).id, d))
            if (f.rule == "compliance.no_annual_assembly") return f.severity == compliance::Severity::due;
        return false;
    };
    EXPECT_TRUE(due_on("2026-07-16"_d));
    EXPECT_FALSE(due_on("2026-07-15"_d));
    // Terminated by lapse on the day after six months counted from the day after the revocation (2023 Law
    // Art 99.3; Decree 92/2024 Art 51.3; Civil Code Art 147, 148): the replay derives it, the office writes no
    // completion.
    EXPECT_FALSE(has<DissolutionCompleted>(events));
    EXPECT_EQ(p.state_at(i, "2027-01-17"_d).status, LegalStatus::in_dissolution);
    const auto ended = p.state_at(i, "2027-01-18"_d);
    EXPECT_EQ(ended.status, LegalStatus::terminated);
    EXPECT_EQ(ended.status_since, "2027-01-18"_d);
}

TEST(Office, AnAssemblyHeldInTimeKeepsTheCooperative) {
    const auto reg = lonely_cooperative();
    auto o = office_only("2025-01-31"_d, 24);
    o.rates->set(Hazard::assembly_missed, 0);  // assemblies every year from 2026
    const auto p = project(reg, baseline_scenario(), o);
    EXPECT_FALSE(has<RegistrationRevoked>(of(p, "htx-1")));
    EXPECT_TRUE(has<AssemblyHeld>(of(p, "htx-1")));
}

TEST(Office, RevokesTwelveMonthsBelowTheMinimumNotElevenAndACureStopsIt) {
    auto reg = test::registry();
    reg.add(test::cooperative("htx-low")
                .registered("2024-08-01"_d, 50'000'000)
                .then(test::ev::members_joined("2024-08-01"_d, 5))
                .then(test::ev::members_left("2025-03-10"_d, 1)));  // 4 < 5 from 2025-03-10, counted from 03-11
    auto o = office_only("2025-03-31"_d, 18);
    o.rates->set(Hazard::assembly_missed, 0);
    const auto p = project(reg, baseline_scenario(), o);
    const auto events = of(p, "htx-low");
    const auto* revoked = first<RegistrationRevoked>(events);
    ASSERT_NE(revoked, nullptr);
    EXPECT_EQ(revoked->date, "2026-03-12"_d);  // the twelve months end on 2026-03-10 (Civil Code Art 148.3)
    EXPECT_EQ(revoked->get<RegistrationRevoked>()->ground, RevocationGround::below_minimum_members);
    const auto i = p.index_of("htx-low");
    auto due_on = [&](Date d) {
        for (const auto& f : compliance::check(p, p.organization(i).id, d))
            if (f.rule == "compliance.below_minimum_members") return f.severity == compliance::Severity::due;
        return false;
    };
    EXPECT_TRUE(due_on("2026-03-11"_d));
    EXPECT_FALSE(due_on("2026-03-10"_d));

    // A member joining before the twelve months cures it.
    auto cured = test::registry();
    cured.add(test::cooperative("htx-low")
                  .registered("2024-08-01"_d, 50'000'000)
                  .then(test::ev::members_joined("2024-08-01"_d, 5))
                  .then(test::ev::members_left("2025-03-10"_d, 1))
                  .then(test::ev::annual_assembly("2026-01-20"_d))
                  .then(test::ev::members_joined("2026-03-10"_d, 1)));  // the last day of the twelve months
    o.start = "2026-03-10"_d;
    EXPECT_FALSE(has<RegistrationRevoked>(of(project(cured, baseline_scenario(), o), "htx-low")));
}

TEST(Office, UnderThe2012LawThePeoplesCommitteeDissolvesInstead) {
    auto reg = test::registry();
    reg.add(test::cooperative("htx-old")
                .registered("2019-03-01"_d, 70'000'000)
                .then(test::ev::members_joined("2019-03-01"_d, 9))
                .then(test::ev::annual_assembly("2021-02-01"_d)));
    auto o = office_only("2022-01-31"_d, 12);
    o.rates->set(Hazard::dossier, 1);  // completed on the dossier, before any lapse
    const auto p = project(reg, baseline_scenario(), o);
    const auto events = of(p, "htx-old");
    const auto* resolved = first<DissolutionResolved>(events);
    ASSERT_NE(resolved, nullptr);
    EXPECT_EQ(resolved->date, "2022-08-03"_d);  // 18 months from 2021-02-02 are reached on 2022-08-02
    EXPECT_EQ(resolved->get<DissolutionResolved>()->basis, DissolutionBasis::authority_decision);
    EXPECT_EQ(first<RegistrationRevoked>(events), nullptr);
}

TEST(Office, AReformThatRaisesTheMinimumMakesCooperativesBelowItFromItsDate) {
    auto reg = test::registry();
    reg.add(test::cooperative("htx-six")
                .registered("2024-08-01"_d, 60'000'000)
                .then(test::ev::members_joined("2024-08-01"_d, 6))
                .then(test::ev::annual_assembly("2025-03-01"_d)));
    auto o = office_only("2025-06-30"_d, 30);
    o.rates->set(Hazard::assembly_missed, 0);
    EXPECT_FALSE(has<RegistrationRevoked>(of(project(reg, baseline_scenario(), o), "htx-six")));
    Scenario reform = read_scenario_file(std::string(COOPECON_SOURCE_DIR) + "/data/scenarios/min-members-seven-from-2026.json");
    const auto events = of(project(reg, reform, o), "htx-six");
    const auto* revoked = first<RegistrationRevoked>(events);
    ASSERT_NE(revoked, nullptr);
    EXPECT_EQ(revoked->date, "2027-01-02"_d);  // below 7 from 2026-01-01: twelve months on 2027-01-01
}

// ---- sampling: waiting times with the distribution of the monthly model ----------------------------------------

/// n cooperatives of 9 members registered on 2024-08-01, whose 2024 assembly is on 2025-01-15 and who never hold
/// another: the no-assembly ground is due at the end of 2026-07-16 for every one of them.
Registry lonely_cooperatives(int n) {
    auto reg = test::registry();
    for (int k = 0; k < n; ++k)
        reg.add(test::cooperative("htx-" + std::to_string(k))
                    .registered("2024-08-01"_d, 50'000'000)
                    .then(test::ev::members_joined("2024-08-01"_d, 9))
                    .then(test::ev::annual_assembly("2025-01-15"_d)));
    return reg;
}

// The office's delay is drawn on the day after the ground is due (not when the due date was set), as an
// exponential waiting time with the office_action rate rounded up to whole days: the days from 2026-07-17 to the
// revocation have the mean and the share within 30 days of ceil(Exp(rate)) in days, within five standard errors.
TEST(Sampling, TheOfficesDelayIsExponentialWithItsMonthlyRate) {
    constexpr int n = 600;
    const auto reg = lonely_cooperatives(n);
    auto o = office_only("2025-01-31"_d, 60);
    const double rate = 0.25;  // a month: four months on average
    o.rates->set(Hazard::office_action, rate);
    const auto p = project(reg, baseline_scenario(), o);
    double sum = 0, sum_sq = 0;
    int within_30 = 0, revoked = 0;
    for (int k = 0; k < n; ++k) {
        const auto events = of(p, "htx-" + std::to_string(k));
        const auto* r = first<RegistrationRevoked>(events);
        if (!r) continue;  // not within the 60 months: P = exp(-rate · 41.5 months) ≈ 3e-5
        ++revoked;
        const double days = r->date.days_since_epoch() - "2026-07-17"_d.days_since_epoch();
        ASSERT_GE(days, 1) << "the office acts after a waiting time of at least a day";
        sum += days;
        sum_sq += days * days;
        within_30 += days <= 30 ? 1 : 0;
    }
    ASSERT_EQ(revoked, n);
    // ceil(X) for X ~ Exp with mean m days: mean m + 1/2 (within a thousandth for m of 120 days), sd ≈ m.
    const double m = 30.436875 / rate;
    const double mean = sum / n, sd = std::sqrt(sum_sq / n - mean * mean);
    EXPECT_NEAR(mean, m + 0.5, 5 * m / std::sqrt(n));
    EXPECT_NEAR(sd, m, 0.15 * m);
    const double p30 = 1 - std::exp(-30 / m);
    EXPECT_NEAR(within_30, n * p30, 5 * std::sqrt(n * p30 * (1 - p30)));
}

// Competing risks: each hazard's events over the organisation-months exposed to it (the calibration's own count of
// both, docs/simulation.md "Calibration") give the monthly rate the run was given, within the exact Poisson
// interval of the pooled count (99.9 %, ten checked at once), over five runs of 60 months of the Cà Mau registry
// (about 450,000 organisation-months) with rates large enough for a thousand events and more each.
TEST(Sampling, EventsOverExposureGiveEachCompetingRate) {
    Rates truth = quiet();
    truth.set(Hazard::suspension, 0.02);
    truth.set(Hazard::resumption, 0.1);
    truth.set(Hazard::extension, 0.3);
    truth.set(Hazard::member_joining, 0.05);
    truth.set(Hazard::member_leaving, 0.03);
    truth.set(Hazard::voluntary_dissolution, 0.004);
    constexpr std::array hazards{Hazard::suspension, Hazard::resumption, Hazard::member_joining,
                                 Hazard::member_leaving, Hazard::voluntary_dissolution};
    constexpr std::array kinds{OrgKind::cooperative, OrgKind::cooperative_group};
    std::map<std::pair<Hazard, OrgKind>, std::pair<std::int64_t, double>> pooled;  // events, exposure
    CalibrationOptions c;
    c.from = "2026-01-01"_d;
    c.until = "2030-12-31"_d;
    c.by = {CalibrationKey::kind};
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        RunOptions o = small(1, 60);
        o.rates = truth;
        o.seed = seed;
        for (const auto& e : calibrate(project(ca_mau(), baseline_scenario(), o), c).estimates)
            for (const auto k : kinds)
                if (e.group == std::vector<std::string>{std::string(enum_name(k))}) {
                    auto& [events, exposure] = pooled[{e.hazard, k}];
                    events += e.events;
                    exposure += e.exposure;
                }
    }
    for (const auto h : hazards)
        for (const auto k : kinds) {
            SCOPED_TRACE(std::string(enum_name(h)) + " " + std::string(enum_name(k)));
            const auto [events, exposure] = pooled[{h, k}];
            EXPECT_GT(events, 300);
            const auto [lower, upper] = poisson_interval(events, exposure, 0.999);
            const double rate = truth.at(h, k, Sector::agriculture);
            EXPECT_LE(lower, rate) << events << " events over " << exposure << " organisation-months";
            EXPECT_GE(upper, rate) << events << " events over " << exposure << " organisation-months";
        }
}

// ---- programmes --------------------------------------------------------------------------------------------

TEST(Programme, DissolvingTheLongSuspendedRaisesTheActiveRateByExactlyWhatTheirNumberPredicts) {
    // Nothing moves but the programme: suspended ones stay suspended, nobody founds, leaves or is revoked.
    auto o = small(3, 18);
    o.rates = quiet();
    o.indicators = {"organizations", "active_rate"};
    o.threads = 2;
    Scenario s;
    s.name = "dissolve-suspended";
    s.programmes.push_back(Programme{"dissolve", ProgrammeType::dissolve_suspended, "2026-01-01"_d, "2026-12-31"_d,
                                     Target{{OrgKind::cooperative}, {}, {}}, {}, {}, 12, {}, {}});
    const auto c = compare(ca_mau(), baseline_scenario(), s, o);
    // A cooperative suspended at the start crosses 12 months at a monthly check of 2026 (the first of each month,
    // the last on 2026-12-01) unless its suspension began in the last month of 2025 (notices are always extended);
    // the last dissolution, resolved on 2026-12-01, has terminated by lapse on 2027-06-02.
    const Date end = "2027-06-30"_d;
    const auto k = c.scenario.stats.programme_actions;
    ASSERT_GT(k, 0);
    // The affected count is known from the start alone: the cooperatives suspended on 2025-12-31 whose suspension
    // is over 12 months old on 2026-12-01.
    const auto at_start = ca_mau().snapshot("2025-12-31"_d);
    std::int64_t suspended = 0;
    for (std::size_t i = 0; i < at_start.size(); ++i)
        suspended += at_start.exists[i] && at_start.kind[i] == OrgKind::cooperative &&
                     at_start.status[i] == LegalStatus::suspended &&
                     Date::from_days(at_start.status_since[i]).plus_months(12) < "2026-12-01"_d;
    EXPECT_EQ(k, 3 * suspended);
    EXPECT_EQ(c.scenario.stats.refused, 0);
    for (std::int32_t run = 0; run < 3; ++run) {
        const double n = c.baseline.series.at(run, end, "organizations");
        const double rate = c.baseline.series.at(run, end, "active_rate");
        const double active = std::round(rate * n / 100);
        const double affected = -c.difference.at(run, end, "organizations");
        EXPECT_EQ(affected * 3, static_cast<double>(k));  // the same cooperatives in every run
        EXPECT_DOUBLE_EQ(c.scenario.series.at(run, end, "active_rate"), 100 * active / (n - affected));
        EXPECT_GT(c.difference.at(run, end, "active_rate"), 0);
    }
}

TEST(Programme, ConsolidatingWeakCooperativesMergesThemIntoStrongerOnesOfTheirDistrict) {
    auto o = small(1, 24);
    Scenario s = read_scenario_file(std::string(COOPECON_SOURCE_DIR) + "/data/scenarios/consolidate-weak.json");
    s.programmes[0].from = "2026-01-01"_d;
    s.programmes[0].share_per_year = 1.0;
    const auto p = project(ca_mau(), s, o);
    int merged = 0;
    for (OrgIndex i = 0; i < p.size(); ++i)
        for (const auto& e : p.events(i))
            if (const auto* r = e.get<ReorganizationCompleted>(); r && r->form == ReorganizationForm::merger_into) {
                ++merged;
                const auto to = p.index_of(r->counterparts.at(0));
                EXPECT_EQ(p.area(to), p.area(i));
            }
    EXPECT_GT(merged, 5);
}

TEST(Programme, CreditSupportRaisesAgriculturalFounding) {
    auto o = small(8, 48);
    o.indicators = {"new"};
    o.by = {indicators::GroupKey::by(indicators::KeyKind::sector)};
    o.report_every = 12;
    const auto base = run(ca_mau(), baseline_scenario(), o);
    const auto credit =
        run(ca_mau(), read_scenario_file(std::string(COOPECON_SOURCE_DIR) + "/data/scenarios/credit-support.json"), o);
    double before = 0, after = 0;
    for (std::size_t k = 0; k < base.series.rows(); ++k)
        if (base.series.group_codes[base.series.group[k]] == "agriculture") before += base.series.value[k];
    for (std::size_t k = 0; k < credit.series.rows(); ++k)
        if (credit.series.group_codes[credit.series.group[k]] == "agriculture") after += credit.series.value[k];
    EXPECT_GT(after, before);
}

TEST(Project, TheProjectedRegistryValidatesAndContinuesTheStart) {
    const auto p = project(ca_mau(), baseline_scenario(), small(1, 36));
    EXPECT_GT(p.size(), ca_mau().size());
    EXPECT_GT(p.event_count(), ca_mau().event_count());
    EXPECT_EQ(p.info().as_of, "2028-12-31"_d);
    EXPECT_TRUE(p.info().synthetic);
}

}  // namespace engine_tests
}  // namespace coopecon::simulation
