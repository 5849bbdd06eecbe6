#pragma once
// A snapshot: the state of every organisation at one date, column by column (structure of arrays). Row i is
// the organisation with OrgIndex i, so columns line up with the registry's and reduce in tight loops; each
// column exports to numpy without a copy. Absent values use sentinels: year 0 for "no financial year",
// `no_date` for a date that never happened.

#include <coopecon/core/date.hpp>
#include <coopecon/core/ids.hpp>
#include <coopecon/core/money.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstdint>
#include <limits>
#include <vector>

namespace coopecon {

/// Date sentinel in snapshot columns (the day count of a date that did not happen).
inline constexpr std::int32_t no_date = std::numeric_limits<std::int32_t>::min();

struct Snapshot {
    Date as_of;

    std::vector<std::uint8_t> exists;          // 1 when registered on or before as_of
    std::vector<OrgKind> kind;                 // after any conversion
    std::vector<LegalStatus> status;
    std::vector<std::uint8_t> not_at_address;
    std::vector<Sector> sector;
    std::vector<AreaIndex> area;               // the registered seat, as recorded
    std::vector<std::int32_t> registered_on;   // day counts
    std::vector<std::int32_t> status_since;
    std::vector<std::int32_t> official_members;
    std::vector<std::int32_t> capital_associates;
    std::vector<std::int32_t> non_capital_associates;
    std::vector<std::int32_t> individual_members;
    std::vector<std::int32_t> household_members;
    std::vector<std::int32_t> legal_entity_members;
    std::vector<std::int32_t> cooperative_members;
    std::vector<std::int32_t> foreign_official_members;
    std::vector<Dong> charter_capital;
    std::vector<Dong> indivisible_fund;        // quỹ chung không chia held (OrgState::indivisible_fund)
    std::vector<std::int32_t> last_annual_assembly;
    std::vector<std::int32_t> last_report;
    std::vector<std::int32_t> financial_year;  // latest closed year, 0 when none
    std::vector<Dong> revenue;
    std::vector<Dong> costs;
    std::vector<Dong> pre_tax_profit;
    std::vector<Dong> internal_revenue;
    std::vector<std::int32_t> workers;
    std::vector<Dong> wages;
    std::vector<Ending> ended_by;               // how a terminated organisation ended (status_since: when)
    std::vector<std::int32_t> converted_on;    // a group's conversion into a cooperative
    std::vector<std::uint8_t> certifications;  // bit c set when Certification c is valid on as_of
    std::vector<std::int32_t> assessment_year; // latest classification self-assessment, 0 when none
    std::vector<ClassificationScheme> assessment_scheme;
    std::vector<std::int32_t> assessment_points;  // its points added up
    std::vector<std::int32_t> sanction_year;   // latest administrative sanction, 0 when none
    std::vector<std::int32_t> ocop_1_star;     // rated OCOP products by their latest stars
    std::vector<std::int32_t> ocop_2_stars;
    std::vector<std::int32_t> ocop_3_stars;
    std::vector<std::int32_t> ocop_4_stars;
    std::vector<std::int32_t> ocop_5_stars;

    std::size_t size() const noexcept { return exists.size(); }

    /// Gives every column n rows.
    void resize(std::size_t n);

    /// Writes row i from a replayed state (and the organisation's fixed attributes).
    void set(std::size_t i, const OrgState& s, Sector sec, AreaIndex a) noexcept {
        auto day = [](const std::optional<Date>& d) { return d ? d->days_since_epoch() : no_date; };
        exists[i] = s.registered ? 1 : 0;
        kind[i] = s.kind;
        status[i] = s.status;
        not_at_address[i] = s.not_at_address ? 1 : 0;
        sector[i] = sec;
        area[i] = a;
        registered_on[i] = s.registered ? s.registered_on.days_since_epoch() : no_date;
        status_since[i] = s.registered ? s.status_since.days_since_epoch() : no_date;
        const auto& m = s.members;
        official_members[i] = m.of(MemberKind::official);
        capital_associates[i] = m.of(MemberKind::capital_associate);
        non_capital_associates[i] = m.of(MemberKind::non_capital_associate);
        individual_members[i] = m.of(MemberType::individual);
        household_members[i] = m.of(MemberType::household);
        legal_entity_members[i] = m.of(MemberType::legal_entity);
        cooperative_members[i] = m.of(MemberType::cooperative);
        foreign_official_members[i] = m.foreign_official;
        charter_capital[i] = s.charter_capital;
        indivisible_fund[i] = s.indivisible_fund;
        last_annual_assembly[i] = day(s.last_annual_assembly);
        last_report[i] = day(s.last_report);
        const auto& f = s.latest_financials;
        financial_year[i] = f ? f->year : 0;
        revenue[i] = f ? f->revenue : 0;
        costs[i] = f ? f->costs : 0;
        pre_tax_profit[i] = f ? f->pre_tax_profit : 0;
        internal_revenue[i] = f ? f->internal_revenue : 0;
        workers[i] = f ? f->workers : 0;
        wages[i] = f ? f->wages : 0;
        ended_by[i] = s.ended_by;
        converted_on[i] = day(s.converted_on);
        std::uint8_t held = 0;
        for (std::size_t c = 0; c < s.certified_until.size(); ++c)
            if (s.certified_until[c] >= as_of) held = static_cast<std::uint8_t>(held | (1u << c));
        certifications[i] = held;
        const auto& assessment = s.latest_assessment;
        assessment_year[i] = assessment ? assessment->year : 0;
        assessment_scheme[i] = assessment ? assessment->scheme : ClassificationScheme::tt01_2020;
        assessment_points[i] = assessment ? assessment->points : 0;
        sanction_year[i] = s.last_sanction_year;
        const auto& o = s.ocop_products_by_stars;
        ocop_1_star[i] = o[0];
        ocop_2_stars[i] = o[1];
        ocop_3_stars[i] = o[2];
        ocop_4_stars[i] = o[3];
        ocop_5_stars[i] = o[4];
    }
};
BOOST_DESCRIBE_STRUCT(Snapshot, (),
                      (as_of, exists, kind, status, not_at_address, sector, area, registered_on, status_since,
                       official_members, capital_associates, non_capital_associates, individual_members,
                       household_members, legal_entity_members, cooperative_members, foreign_official_members,
                       charter_capital, indivisible_fund, last_annual_assembly, last_report, financial_year, revenue, costs,
                       pre_tax_profit, internal_revenue, workers, wages, ended_by, converted_on, certifications,
                       assessment_year, assessment_scheme, assessment_points, sanction_year, ocop_1_star,
                       ocop_2_stars, ocop_3_stars, ocop_4_stars, ocop_5_stars))

inline void Snapshot::resize(std::size_t n) {
    boost::mp11::mp_for_each<boost::describe::describe_members<Snapshot, boost::describe::mod_public>>([&](auto m) {
        if constexpr (requires { (this->*m.pointer).resize(n); }) (this->*m.pointer).resize(n);
    });
}

}  // namespace coopecon
