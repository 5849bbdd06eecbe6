// A snapshot is every organisation's state at one date, column by column: each row must say what state_at
// says, including "does not exist yet" before the registration.

#include <support/builders.hpp>
#include <support/registry_checks.hpp>

#include <gtest/gtest.h>

#include <vector>

namespace {

using namespace coopecon;
using namespace coopecon::test;

class RegistrySnapshot : public ::testing::Test {
protected:
    void SetUp() override {
        reg.add(std::vector<OrganizationRecord>{
            // A cooperative of 7 members and 2 capital associates, suspended in 2025.
            cooperative("htx-a")
                .registered("2023-03-01"_d, 500'000'000)
                .then(ev::members_joined("2023-03-01"_d, 7))
                .then(ev::members_joined("2023-06-01"_d, 2, MemberType::legal_entity, MemberKind::capital_associate))
                .then(ev::financial_year_closed("2024-01-10"_d, 2023, 2'000'000'000))
                .then(ev::annual_assembly("2024-03-15"_d))
                .then(ev::report_filed("2024-12-10"_d, 2024))
                .then(ev::suspended("2025-01-06"_d, "2025-06-30"_d)),
            // A group that became a cooperative, then was found not at its address.
            cooperative_group("tht-b")
                .sector(Sector::industry_handicraft)
                .registered("2023-09-15"_d)
                .then(ev::members_joined("2023-09-15"_d, 5, MemberType::household))
                .then(ev::converted_to_cooperative("2024-09-16"_d, 5))
                .then(ev::address_flag_set("2025-02-03"_d)),
            // A cooperative in the district-level city of Cà Mau, dissolved in 2024.
            cooperative("htx-c")
                .area("D964")
                .sector(Sector::transport)
                .registered("2024-08-01"_d)
                .then(ev::dissolution_resolved("2024-09-02"_d, 65))
                .then(ev::dissolution_completed("2024-12-02"_d)),
            // A union in Hà Nội registered in mid-2025, with one member cooperative and one foreign investor.
            union_of_cooperatives("lh-d")
                .area("P01")
                .member("c1", MemberType::cooperative)
                .member("c2", MemberType::cooperative, true)
                .registered("2025-06-02"_d)
                .then(ev::member_joined("2025-06-02"_d, "c1", MemberKind::official, 100'000'000))
                .then(ev::member_joined("2025-06-02"_d, "c2", MemberKind::official, 50'000'000)),
        });
    }
    Registry reg = registry();
};

std::int32_t day(Date d) { return d.days_since_epoch(); }
std::int32_t day(const std::optional<Date>& d) { return d ? d->days_since_epoch() : no_date; }

TEST_F(RegistrySnapshot, ColumnsEqualStateAtForEveryOrganisationAtSeveralDates) {
    for (const Date d : {"2023-01-01"_d, "2023-06-30"_d, "2024-06-30"_d, "2024-07-01"_d, "2024-12-31"_d,
                         "2025-03-03"_d, "2025-07-01"_d}) {
        SCOPED_TRACE(d.iso());
        const auto snap = reg.snapshot(d);
        EXPECT_EQ(snap.as_of, d);
        ASSERT_EQ(snap.size(), reg.size());
        for (OrgIndex i = 0; i < reg.size(); ++i) {
            SCOPED_TRACE(reg.organization(i).id);
            const auto s = reg.state_at(i, d);
            EXPECT_EQ(snap.exists[i], s.registered ? 1 : 0);
            EXPECT_EQ(snap.kind[i], s.kind);
            EXPECT_EQ(snap.status[i], s.status);
            EXPECT_EQ(snap.not_at_address[i], s.not_at_address ? 1 : 0);
            EXPECT_EQ(snap.sector[i], reg.organization(i).sector);
            EXPECT_EQ(snap.area[i], reg.area(i));
            EXPECT_EQ(snap.registered_on[i], s.registered ? day(s.registered_on) : no_date);
            EXPECT_EQ(snap.status_since[i], s.registered ? day(s.status_since) : no_date);
            EXPECT_EQ(snap.official_members[i], s.members.of(MemberKind::official));
            EXPECT_EQ(snap.capital_associates[i], s.members.of(MemberKind::capital_associate));
            EXPECT_EQ(snap.non_capital_associates[i], s.members.of(MemberKind::non_capital_associate));
            EXPECT_EQ(snap.individual_members[i], s.members.of(MemberType::individual));
            EXPECT_EQ(snap.household_members[i], s.members.of(MemberType::household));
            EXPECT_EQ(snap.legal_entity_members[i], s.members.of(MemberType::legal_entity));
            EXPECT_EQ(snap.cooperative_members[i], s.members.of(MemberType::cooperative));
            EXPECT_EQ(snap.foreign_official_members[i], s.members.foreign_official);
            EXPECT_EQ(snap.last_member_change[i], day(s.last_member_change));
            EXPECT_EQ(snap.charter_capital[i], s.charter_capital);
            EXPECT_EQ(snap.last_annual_assembly[i], day(s.last_annual_assembly));
            EXPECT_EQ(snap.last_report[i], day(s.last_report));
            const auto& f = s.latest_financials;
            EXPECT_EQ(snap.financial_year[i], f ? f->year : 0);
            EXPECT_EQ(snap.revenue[i], f ? f->revenue : 0);
            EXPECT_EQ(snap.costs[i], f ? f->costs : 0);
            EXPECT_EQ(snap.pre_tax_profit[i], f ? f->pre_tax_profit : 0);
            EXPECT_EQ(snap.internal_revenue[i], f ? f->internal_revenue : 0);
            EXPECT_EQ(snap.workers[i], f ? f->workers : 0);
            EXPECT_EQ(snap.wages[i], f ? f->wages : 0);
        }
        // Every column, including any not named above, is the replayed state written by Snapshot::set.
        Snapshot from_states;
        from_states.as_of = d;
        from_states.resize(reg.size());
        for (OrgIndex i = 0; i < reg.size(); ++i)
            from_states.set(i, reg.state_at(i, d), reg.organization(i).sector, reg.area(i));
        EXPECT_EQ(hex(snap), hex(from_states));
    }
}

TEST_F(RegistrySnapshot, BeforeRegistrationNothingExists) {
    const auto snap = reg.snapshot("2023-02-28"_d);
    for (OrgIndex i = 0; i < reg.size(); ++i) {
        EXPECT_EQ(snap.exists[i], 0);
        EXPECT_EQ(snap.registered_on[i], no_date);
        EXPECT_EQ(snap.status_since[i], no_date);
        EXPECT_EQ(snap.official_members[i], 0);
        EXPECT_EQ(snap.financial_year[i], 0);
    }
    EXPECT_EQ(snap.kind[1], OrgKind::cooperative_group);  // the kind it will be registered as
}

TEST_F(RegistrySnapshot, RowsHoldTheHandComputedStateOn2025_03_03) {
    const auto snap = reg.snapshot("2025-03-03"_d);
    const auto& areas = reg.areas();

    // htx-a: suspended since 2025-01-06; 7 official individuals and 2 capital-associate legal entities.
    EXPECT_EQ(snap.exists[0], 1);
    EXPECT_EQ(snap.status[0], LegalStatus::suspended);
    EXPECT_EQ(snap.status_since[0], day("2025-01-06"_d));
    EXPECT_EQ(snap.registered_on[0], day("2023-03-01"_d));
    EXPECT_EQ(snap.area[0], *areas.find("P96"));
    EXPECT_EQ(snap.sector[0], Sector::agriculture);
    EXPECT_EQ(snap.official_members[0], 7);
    EXPECT_EQ(snap.capital_associates[0], 2);
    EXPECT_EQ(snap.individual_members[0], 7);
    EXPECT_EQ(snap.legal_entity_members[0], 2);
    EXPECT_EQ(snap.charter_capital[0], 500'000'000);
    EXPECT_EQ(snap.financial_year[0], 2023);
    EXPECT_EQ(snap.revenue[0], 2'000'000'000);
    EXPECT_EQ(snap.last_annual_assembly[0], day("2024-03-15"_d));
    EXPECT_EQ(snap.last_report[0], day("2024-12-10"_d));
    EXPECT_EQ(snap.last_member_change[0], day("2023-06-01"_d));  // the associates joined

    // tht-b: a cooperative since its conversion, still active since its registration, flagged.
    EXPECT_EQ(snap.kind[1], OrgKind::cooperative);
    EXPECT_EQ(snap.status[1], LegalStatus::active);
    EXPECT_EQ(snap.status_since[1], day("2023-09-15"_d));
    EXPECT_EQ(snap.not_at_address[1], 1);
    EXPECT_EQ(snap.household_members[1], 5);
    EXPECT_EQ(snap.sector[1], Sector::industry_handicraft);

    // htx-c: terminated on 2024-12-02, seated in the district-level city.
    EXPECT_EQ(snap.status[2], LegalStatus::terminated);
    EXPECT_EQ(snap.status_since[2], day("2024-12-02"_d));
    EXPECT_EQ(snap.area[2], *areas.find("D964"));
    EXPECT_EQ(snap.sector[2], Sector::transport);
    EXPECT_EQ(snap.last_member_change[2], no_date);  // no member was ever recorded

    // lh-d: not registered until 2025-06-02.
    EXPECT_EQ(snap.exists[3], 0);
    EXPECT_EQ(snap.cooperative_members[3], 0);
    EXPECT_EQ(snap.area[3], *areas.find("P01"));
}

TEST_F(RegistrySnapshot, UnionRowOnceRegistered) {
    const auto snap = reg.snapshot("2025-07-01"_d);
    EXPECT_EQ(snap.exists[3], 1);
    EXPECT_EQ(snap.kind[3], OrgKind::union_of_cooperatives);
    EXPECT_EQ(snap.official_members[3], 2);
    EXPECT_EQ(snap.cooperative_members[3], 2);
    EXPECT_EQ(snap.foreign_official_members[3], 1);
    // htx-a's suspension ran out after 2025-06-30.
    EXPECT_EQ(snap.status[0], LegalStatus::active);
    EXPECT_EQ(snap.status_since[0], day("2025-07-01"_d));
}

}  // namespace

namespace {

TEST_F(RegistrySnapshot, SelectedColumnsEqualTheFullSnapshotsAndTheOthersStayEmpty) {
    auto columns = SnapshotColumns::none();
    columns.add(&Snapshot::status).add(&Snapshot::official_members);
    const Date on = "2025-03-03"_d;
    const Snapshot full = reg.snapshot(on);
    const Snapshot some = reg.snapshot(on, columns);
    EXPECT_EQ(some.exists, full.exists);  // always filled: it gives the size
    EXPECT_EQ(some.status, full.status);
    EXPECT_EQ(some.official_members, full.official_members);
    EXPECT_TRUE(some.kind.empty());
    EXPECT_TRUE(some.charter_capital.empty());
    EXPECT_TRUE(some.ocop_5_stars.empty());
    EXPECT_EQ(some.size(), reg.size());
}

}  // namespace
