#pragma once
// Profiles of synthetic registries: what a generated population of organisations looks like, and which of its
// figures at the profile's date (as_of) are exact. Plain described structs, so a profile is data that can be
// written and read like any other; the built-in profiles are functions (simulation/profiles.hpp) and the
// generator is simulation/synthetic.hpp.
//
// "Live" below means registered on or before as_of and not terminated then. Every count called exact is what a
// snapshot at as_of shows, whatever the seed; everything else is drawn. After as_of the history is a run of the
// dynamics (simulation/engine.hpp): the fields about that time are expected numbers that set its rates.

#include <coopecon/core/date.hpp>
#include <coopecon/core/money.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace coopecon::simulation {

namespace detail {

/// A calendar date known to exist, for profiles' and generators' constants.
inline Date ymd(int y, unsigned m, unsigned d) { return *Date::from_ymd(y, m, d); }

}  // namespace detail

/// An area organisations may be seated in, with its relative weight within its quota.
struct AreaWeight {
    std::string area;  // area code of the catalogue (e.g. D966, P01)
    double weight = 1;
};
BOOST_DESCRIBE_STRUCT(AreaWeight, (), (area, weight))

/// A set of areas holding an exact number of live organisations at as_of (a province's districts, a region's
/// provinces). The number is shared among the areas by weight, exactly as well.
struct AreaQuota {
    std::string label;  // what the set is, e.g. a region id
    std::int32_t organizations = 0;
    std::vector<AreaWeight> areas;
};
BOOST_DESCRIBE_STRUCT(AreaQuota, (), (label, organizations, areas))

/// A sector's place in a population.
struct SectorMix {
    Sector sector = Sector::agriculture;
    double weight = 1;   // relative share of organisations
    double members = 1;  // relative size of membership
    Dong revenue = 0;    // median yearly revenue of one organisation, in đồng of 2022
};
BOOST_DESCRIBE_STRUCT(SectorMix, (), (sector, weight, members, revenue))

/// Members of a population's live organisations at as_of, by kind of membership: exact totals.
struct MemberTargets {
    std::int64_t official = 0;
    std::int64_t capital_associates = 0;
    std::int64_t non_capital_associates = 0;
};
BOOST_DESCRIBE_STRUCT(MemberTargets, (), (official, capital_associates, non_capital_associates))

/// The organisations of one kind. The official members of a union are cooperatives of the profile's first
/// population of cooperatives: named members whose `organization` is that cooperative's id.
struct Population {
    OrgKind kind = OrgKind::cooperative;
    std::string id_prefix;           // ids are this prefix and a number in order of registration
    std::vector<AreaQuota> seats;    // live organisations at as_of: exact per quota and per area
    std::int32_t suspended = 0;      // of the live ones, suspended at as_of: exact
    MemberTargets members;           // exact
    std::int32_t min_official = 7;   // official members at as_of of each live one, except `below_minimum`
    std::int32_t below_minimum = 0;  // live ones with min_official - 2 or - 1 official members: exact
    double households = 0.3;         // expected share of official members that are households
    double with_associates = 0.1;    // share of live ones with associate members, when the targets have any
    std::int32_t named = 0;          // live ones whose official members are named one by one: exact
    std::int64_t workers = 0;        // workers of the live ones in the latest year closed by as_of: exact; 0: drawn
    std::vector<SectorMix> sectors;
    Date first_registration;             // no organisation of the population is registered earlier
    double registration_growth = 0.05;   // registrations grow by this share a year
    std::int32_t terminated_before = 0;  // registered and terminated by as_of, not among the live ones: expected
                                         // (Poisson per seed)
    // After as_of, expected numbers up to the end of the history (the dynamics' founding, dissolution and
    // conversion rates); revocations are not set: the registration office acts when a compliance rule falls due.
    std::int32_t registered_after = 0;   // registered after as_of
    std::int32_t dissolved_after = 0;    // voluntary dissolutions resolved after as_of
    std::int32_t converted_after = 0;    // cooperative groups converted into cooperatives after as_of
};
BOOST_DESCRIBE_STRUCT(Population, (),
                      (kind, id_prefix, seats, suspended, members, min_official, below_minimum, households,
                       with_associates, named, workers, sectors, first_registration, registration_growth,
                       terminated_before, registered_after, dissolved_after, converted_after))

/// What organisations record over the years, and how often things happen. "Years" windows count back from the
/// latest financial year closed by as_of; a fraction is the chance of one year more. After as_of the dynamics
/// keep every record each year until the end of the history.
struct Records {
    double assembly_years = 5;                   // annual assemblies held for this many recent financial years
    double financial_years = 5;                  // financial years closed
    double report_years = 5;                     // annual reports to the registration office
    double assembly_missing = 0.05;              // chance that an annual assembly is not held
    double assembly_late = 0.08;                 // chance that it is held in the fourth month after the year ends
    std::vector<std::int32_t> assessment_years;  // TT 01/2020 self-assessments of cooperatives and unions
    std::vector<double> assessment_classes{0.06, 0.34, 0.40, 0.20};  // good, fair, average, weak
    double certified = 0.1;          // agricultural cooperatives with a VietGAP, GlobalGAP or organic certificate
    double ocop = 0.05;              // cooperatives with an OCOP-rated product
    double sanctioned = 0.02;        // organisations sanctioned once
    double past_suspension = 0.1;    // organisations with a suspension that ended before as_of
    double member_change = 0.3;      // chance per year of a cohort of members joining or leaving
    double suspension_after = 0.02;  // chance per year after as_of that an active organisation suspends (a rate of
                                     // the dynamics)
};
BOOST_DESCRIBE_STRUCT(Records, (),
                      (assembly_years, financial_years, report_years, assembly_missing, assembly_late, assessment_years,
                       assessment_classes, certified, ocop, sanctioned, past_suspension, member_change,
                       suspension_after))

/// Words for names: places (communes, villages) and OCOP products.
struct Naming {
    std::vector<std::string> places;
    std::vector<std::string> ocop_products;
};
BOOST_DESCRIBE_STRUCT(Naming, (), (places, ocop_products))

struct Profile {
    std::string name;    // e.g. ca_mau_2023
    std::string title;   // the registry's info
    std::string source;  // where the exact figures come from
    std::optional<std::string> title_vi;   // both in Vietnamese (tiêu đề, nguồn), for reports in Vietnamese
    std::optional<std::string> source_vi;
    Date as_of;          // the date of the exact figures
    Date history_until;  // no event after this date
    std::vector<Population> populations;
    Records records;
    Naming naming;
};
BOOST_DESCRIBE_STRUCT(Profile, (), (name, title, source, title_vi, source_vi, as_of, history_until, populations, records, naming))

}  // namespace coopecon::simulation
