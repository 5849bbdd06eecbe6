// Every core gives the same answer as one: snapshots, the standard report with its series, a computed table and
// the compliance check of a registry large enough to be split into parts are identical on 1, 2 and 3 threads.

#include <coopecon/compliance/check.hpp>
#include <coopecon/indicators/engine.hpp>
#include <coopecon/indicators/period.hpp>
#include <coopecon/indicators/report.hpp>
#include <coopecon/simulation/profiles.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include <gtest/gtest.h>

#include <string>
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

}  // namespace
