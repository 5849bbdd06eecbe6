// Every core gives the same answer as one: snapshots, the standard report with its series, a computed table and
// the compliance check of a registry large enough to be split into parts are identical on 1, 2 and 3 threads.
// Each of them stops with Cancelled when its cancellation token is set, before it starts or while it runs.

#include <coopecon/compliance/check.hpp>
#include <coopecon/indicators/catalogue.hpp>
#include <coopecon/indicators/engine.hpp>
#include <coopecon/indicators/period.hpp>
#include <coopecon/indicators/report.hpp>
#include <coopecon/simulation/profiles.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace coopecon;

/// Large enough for three parts of the smallest size a part is given (16,384 organisations).
const Registry& threads_registry() {
    static const Registry reg = simulation::synthesize(simulation::world(50'000));
    return reg;
}

#define COOPECON_TEST_SAME_COLUMN(name, type, role, source, ...) \
    COOPECON_STATE_FIELD_IS(source, column)(EXPECT_EQ(a.name, b.name) << #name << " on " << threads << " threads";)

void expect_same(const Snapshot& a, const Snapshot& b, unsigned threads) {
    EXPECT_EQ(a.as_of, b.as_of);
    COOPECON_STATE_FIELDS(COOPECON_TEST_SAME_COLUMN)
}

TEST(Threads, SnapshotsAreTheSameOnAnyNumberOfThreads) {
    const auto& reg = threads_registry();
    const std::vector<Date> dates{*Date::parse("2019-12-31"), *Date::parse("2024-06-30")};
    const auto one = reg.snapshots(dates, {}, 1);
    ASSERT_EQ(one[0].size(), reg.size());
    for (const unsigned threads : {2u, 3u, 0u}) {
        const auto many = reg.snapshots(dates, {}, threads);
        for (std::size_t k = 0; k < dates.size(); ++k) expect_same(one[k], many[k], threads);
    }
    expect_same(reg.snapshot(dates[1], SnapshotColumns::all(), 1), reg.snapshot(dates[1], SnapshotColumns::all(), 2), 2);
}

TEST(Threads, TheReportAndItsSeriesAreTheSameOnAnyNumberOfThreads) {
    const auto& reg = threads_registry();
    for (const auto by : {"kind", "province", "status"}) {
        indicators::ReportOptions o;
        o.by = {indicators::GroupKey::parse(by)};
        o.period = indicators::PeriodLength::year;
        o.from = *Date::parse("2020-01-01");
        o.threads = 1;
        const auto one = indicators::render(indicators::standard_report(reg, o), indicators::Format::csv, Lang::en);
        for (const unsigned threads : {2u, 3u}) {
            o.threads = threads;
            EXPECT_EQ(indicators::render(indicators::standard_report(reg, o), indicators::Format::csv, Lang::en), one)
                << "by " << by << " on " << threads << " threads";
        }
    }
}

TEST(Threads, TheComplianceCheckIsTheSameOnAnyNumberOfThreads) {
    const auto& reg = threads_registry();
    compliance::CheckOptions o;
    o.threads = 1;
    const auto one = compliance::check(reg, reg.data_as_of(), o);
    ASSERT_FALSE(one.empty());
    for (const unsigned threads : {2u, 3u}) {
        o.threads = threads;
        EXPECT_EQ(compliance::check(reg, reg.data_as_of(), o), one) << threads << " threads";
    }
}

TEST(Threads, EveryReplayThrowsCancelledWhenItsTokenIsSet) {
    const auto& reg = threads_registry();
    CancellationToken token;
    token.cancel();
    const std::vector<Date> dates{*Date::parse("2019-12-31"), *Date::parse("2024-06-30")};
    EXPECT_THROW(reg.snapshot(dates[0], SnapshotColumns::all(), 2, &token), Cancelled);
    EXPECT_THROW(reg.snapshots(dates, {}, 1, &token), Cancelled);
    indicators::ReportOptions report;
    report.cancel = &token;
    EXPECT_THROW(indicators::standard_report(reg, report), Cancelled);
    report.period = indicators::PeriodLength::year;
    report.from = *Date::parse("2020-01-01");
    EXPECT_THROW(indicators::standard_report(reg, report), Cancelled);
    indicators::Query q;
    q.indicators = indicators::catalogue_indicators({"cooperatives"});
    q.cancel = &token;
    EXPECT_THROW(indicators::compute(reg, q, indicators::period_between(dates[0], dates[1])), Cancelled);
    compliance::CheckOptions check;
    check.cancel = &token;
    EXPECT_THROW(compliance::check(reg, reg.data_as_of(), check), Cancelled);
    // A token that is not set changes nothing.
    CancellationToken unset;
    check.cancel = &unset;
    check.threads = 2;
    EXPECT_EQ(compliance::check(reg, reg.data_as_of(), check).size(),
              compliance::check(reg, reg.data_as_of(), {}).size());
}

TEST(Threads, AMonthlySeriesStopsSoonAfterItsTokenIsSetFromAnotherThread) {
    const auto& reg = threads_registry();
    indicators::ReportOptions o;
    o.period = indicators::PeriodLength::month;
    o.from = *Date::parse("1950-01-01");  // 900 months of 50,000 organisations: many seconds if not stopped
    o.threads = 2;
    CancellationToken token;
    o.cancel = &token;
    using Clock = std::chrono::steady_clock;
    Clock::time_point cancelled_at;
    std::jthread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        cancelled_at = Clock::now();
        token.cancel();
    });
    EXPECT_THROW(indicators::standard_report(reg, o), Cancelled);
    const auto stopped_at = Clock::now();
    canceller.join();
    EXPECT_LT(std::chrono::duration<double>(stopped_at - cancelled_at).count(), 1.0);
}

}  // namespace
