// One organisation through the dynamics: its end state is the replay of its history, the same stream gives the
// same history, its yearly records come every year, the office acts when a ground falls due, and the conditions
// a generator sets (a planned dissolution, a suspension held to the end) are met.

#include <coopecon/history/replay.hpp>
#include <coopecon/law/framework_json.hpp>
#include <coopecon/simulation/single_organization.hpp>

#include <gtest/gtest.h>

#include <map>
#include <vector>

namespace coopecon::simulation {
namespace single_organization_tests {

Date date(const char* iso) { return *Date::parse(iso); }

const law::Framework& law() {
    static const auto framework = law::vietnam();
    return *framework;
}

/// A cooperative of ten founders registered on 2012-03-15, with a cohort joining in 2016 given.
struct Cooperative {
    std::vector<Event> given{
        Event{date("2012-03-15"), MembersJoined{MemberKind::official, MemberType::individual, 10, 0, 40'000'000}},
        Event{date("2016-06-01"), MembersJoined{MemberKind::official, MemberType::individual, 3, 0, 12'000'000}}};
    SingleOrganization org() const {
        SingleOrganization o;
        o.kind = OrgKind::cooperative;
        o.sector = Sector::agriculture;
        o.registered = date("2012-03-15");
        o.registration = Registered{40'000'000, std::nullopt, {}, std::nullopt};
        o.given = given;
        return o;
    }
};

SingleRun run(const Rates& rates, const SingleRunOptions& options, std::uint64_t stream,
              const SingleOrganization& org = Cooperative().org()) {
    WideStream rng = SeedTree(20230831).child("single").child(stream).wide_stream();
    return simulate_organization(law(), rates, org, options, rng);
}

SingleRunOptions until(const char* iso) {
    SingleRunOptions o;
    o.until = date(iso);
    return o;
}

/// Busy rates: suspensions and resumptions often, members moving, assemblies sometimes missed.
Rates busy() {
    Rates r = default_rates();
    r.set(Hazard::suspension, 0.03);
    r.set(Hazard::resumption, 0.1);
    r.set(Hazard::voluntary_dissolution, 0);
    return r;
}

TEST(SingleOrganization, ItsEndStateIsTheReplayOfItsHistory) {
    const Cooperative c;
    for (std::uint64_t stream = 0; stream < 20; ++stream) {
        SCOPED_TRACE(stream);
        const auto r = run(busy(), until("2023-08-31"), stream, c.org());
        ASSERT_FALSE(r.events.empty());
        EXPECT_TRUE(r.events.front().get<Registered>());
        Replay replay(OrgKind::cooperative, {}, law());
        Date last = Date::min();
        for (const auto& e : r.events) {
            EXPECT_LE(last, e.date);
            last = e.date;
            EXPECT_FALSE(replay.step(e, law())) << e.date.iso();
        }
        replay.settle(date("2023-08-31"));
        const auto& st = replay.state();
        EXPECT_EQ(st.status, r.state.status);
        EXPECT_EQ(st.status_since, r.state.status_since);
        EXPECT_EQ(st.members, r.state.members);
        EXPECT_EQ(st.last_annual_assembly, r.state.last_annual_assembly);
        ASSERT_EQ(st.latest_financials.has_value(), r.state.latest_financials.has_value());
        if (st.latest_financials) {
            EXPECT_EQ(st.latest_financials->year, r.state.latest_financials->year);
        }
        EXPECT_EQ(r.given_left_out, 0);
    }
}

TEST(SingleOrganization, TheSameStreamGivesTheSameHistoryAnotherStreamAnother) {
    const auto a = run(busy(), until("2023-08-31"), 1), b = run(busy(), until("2023-08-31"), 1),
               c = run(busy(), until("2023-08-31"), 2);
    ASSERT_EQ(a.events.size(), b.events.size());
    for (std::size_t k = 0; k < a.events.size(); ++k) {
        EXPECT_EQ(a.events[k].date, b.events[k].date);
        EXPECT_EQ(a.events[k].data.index(), b.events[k].data.index());
    }
    bool differ = a.events.size() != c.events.size();
    for (std::size_t k = 0; !differ && k < a.events.size(); ++k) differ = a.events[k].date != c.events[k].date;
    EXPECT_TRUE(differ);
}

TEST(SingleOrganization, ClosesAFinancialYearEveryFullYearAndReportsAndHoldsAssemblies) {
    Rates quiet = busy();
    quiet.set(Hazard::suspension, 0);
    const auto r = run(quiet, until("2022-12-31"), 3);
    std::map<int, int> closed, assemblies, reports;
    for (const auto& e : r.events) {
        if (const auto* f = e.get<FinancialYearClosed>()) ++closed[f->year];
        if (const auto* a = e.get<AssemblyHeld>(); a && a->kind == AssemblyKind::annual) ++assemblies[e.date.year() - 1];
        if (const auto* f = e.get<ReportFiled>()) ++reports[f->year];
    }
    for (int y = 2012; y <= 2022; ++y) EXPECT_EQ(closed[y], 1) << y;  // registered before 1 December 2012
    int held = 0, filed = 0;
    for (int y = 2012; y <= 2021; ++y) held += assemblies[y], filed += reports[y];
    EXPECT_GE(held, 8);
    EXPECT_GE(filed, 7);
    EXPECT_EQ(r.state.status, LegalStatus::active);
}

TEST(SingleOrganization, TheOfficeActsOnceNoAnnualAssemblyIsAGroundAndNotWhenItDoesNotAct) {
    Rates never = busy();
    never.set(Hazard::suspension, 0);
    never.set(Hazard::assembly_missed, 1);  // no annual assembly is ever held
    never.set(Hazard::office_action, 1);    // the office acts on the day after a ground is due
    const auto acted = run(never, until("2026-12-31"), 4);
    EXPECT_EQ(acted.office_actions, 1);
    EXPECT_FALSE(is_live(acted.state.status));
    auto off = until("2026-12-31");
    off.office = false;
    const auto not_acted = run(never, off, 4);
    EXPECT_EQ(not_acted.office_actions, 0);
    EXPECT_EQ(not_acted.state.status, LegalStatus::active);
    EXPECT_FALSE(not_acted.state.last_annual_assembly);
}

TEST(SingleOrganization, APlannedDissolutionIsResolvedOnItsDayAndCompletesOnADossier) {
    auto o = until("2023-08-31");
    o.dissolve_on = date("2020-05-04");
    o.office = false;  // the office would otherwise end some earlier, on a missed assembly
    Rates quiet = busy();
    quiet.set(Hazard::suspension, 0);
    for (std::uint64_t stream = 0; stream < 10; ++stream) {
        const auto r = run(quiet, o, stream);
        EXPECT_EQ(r.state.status, LegalStatus::terminated);
        int resolved = 0, completed = 0;
        for (const auto& e : r.events) {
            if (e.get<DissolutionResolved>()) resolved += e.date == date("2020-05-04") ? 1 : 100;
            if (e.get<DissolutionCompleted>()) completed += e.date > date("2020-05-04") && e.date < date("2020-10-02");
            EXPECT_LE(e.date, date("2020-10-01"));  // nothing after it has ended
        }
        EXPECT_EQ(resolved, 1);
        EXPECT_EQ(completed, 1);
    }
}

TEST(SingleOrganization, ASuspensionHeldToTheEndIsNoticedInNoticesOfAtMostTwelveMonths) {
    auto o = until("2023-08-31");
    o.suspended_from = date("2021-02-10");
    o.office = false;
    for (std::uint64_t stream = 0; stream < 10; ++stream) {
        const auto r = run(busy(), o, stream);
        ASSERT_EQ(r.state.status, LegalStatus::suspended);
        EXPECT_LE(r.state.status_since, date("2021-02-10"));
        ASSERT_TRUE(r.state.suspended_until);
        EXPECT_GE(*r.state.suspended_until, date("2023-08-31"));
        for (const auto& e : r.events) {
            if (const auto* s = e.get<Suspended>()) {
                EXPECT_LE(s->until, e.date.plus_months(12).plus_days(-1));
            }
            if (e.date >= date("2021-02-10")) {
                EXPECT_FALSE(e.get<Resumed>());
            }
        }
    }
}

TEST(SingleOrganization, AGivenEventTheTransitionTableRefusesIsLeftOutAndCounted) {
    Cooperative c;
    // An active cooperative cannot resume business.
    c.given.push_back(Event{date("2018-01-15"), Resumed{}});
    Rates quiet = busy();
    quiet.set(Hazard::suspension, 0);
    auto o = until("2019-12-31");
    o.office = false;
    const auto r = run(quiet, o, 5, c.org());
    EXPECT_EQ(r.given_left_out, 1);
    EXPECT_EQ(r.state.status, LegalStatus::active);
    for (const auto& e : r.events) EXPECT_FALSE(e.get<Resumed>());
    EXPECT_EQ(run(quiet, o, 5).given_left_out, 0);
}

TEST(SingleOrganization, DaysSuspendedCountTheNotifiedDaysUntilAResumption) {
    const std::vector<Event> events{
        Event{date("2020-01-01"), Registered{}},
        Event{date("2020-03-01"), Suspended{date("2020-03-31"), std::nullopt}},
        Event{date("2020-06-01"), Suspended{date("2020-12-31"), std::nullopt}},
        Event{date("2020-06-11"), Resumed{}}};
    EXPECT_EQ(days_suspended(events, date("2020-01-01"), date("2020-12-31")), 31 + 10);
    EXPECT_EQ(days_suspended(events, date("2020-03-15"), date("2020-03-20")), 6);
    EXPECT_EQ(days_suspended(events, date("2021-01-01"), date("2021-12-31")), 0);
}

}  // namespace single_organization_tests
}  // namespace coopecon::simulation
