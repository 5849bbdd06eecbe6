#pragma once
// Reorganisations (tổ chức lại) of cooperatives and unions, Law 17/2023/QH15 Art 92–95 (2012 Law Art 53):
//
// - division (chia): the organisation ends and two or more new ones are formed from it;
// - split-off (tách): the organisation continues and one or more new ones are formed from it;
// - consolidation (hợp nhất): two or more end and one new organisation of the same kind is formed;
// - merger (sáp nhập): one or more are absorbed into another, which continues.
//
// On `completed_on` the successors are registered (formed_by, predecessors), the members move — counted cohorts
// by kind and type, named members by name — and the charter capital and the indivisible fund pass on (Art 92–95:
// indivisible funds and assets pass to the successors), in the caller's shares, split exactly; the organisations
// that end are then terminated. Every total is preserved: members by kind and type, foreign investors, member
// capital, charter capital and indivisible fund, summed over the organisations concerned, are the same before
// and after. With `resolved_on`, the resolutions (reorganization_started) are recorded too; without it, each
// organisation that ends must already be in that reorganisation.

#include <coopecon/core/date.hpp>
#include <coopecon/export.hpp>
#include <coopecon/model/sector.hpp>
#include <coopecon/operations/plan.hpp>
#include <coopecon/registry/registry.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace coopecon::operations {

/// The identity of an organisation a reorganisation creates; its kind is that of its predecessors.
struct NewOrganization {
    std::string id;
    std::string registration_code;
    std::string name;
    std::optional<std::string> area;  // default: the (first) predecessor's seat
    std::optional<Sector> sector;     // default: the (first) predecessor's sector
};
BOOST_DESCRIBE_STRUCT(NewOrganization, (), (id, registration_code, name, area, sector))

/// A new organisation formed by a division or a split-off, with its share of what passes on.
struct Successor {
    NewOrganization organization;
    std::int64_t share = 1;            // weight of its part of the cohorts, capital and indivisible fund
    std::vector<std::string> members;  // named members of the predecessor who move to it
};
BOOST_DESCRIBE_STRUCT(Successor, (), (organization, share, members))

/// An existing organisation taking part, with its general assembly's vote when known.
struct Party {
    std::string organization;
    std::optional<std::int32_t> approval_percent;  // share of the votes of those present in favour
};
BOOST_DESCRIBE_STRUCT(Party, (), (organization, approval_percent))

struct Division {
    Party organization;
    std::optional<Date> resolved_on;
    Date completed_on;
    std::vector<Successor> successors;  // two or more; every named member goes to one of them
};
BOOST_DESCRIBE_STRUCT(Division, (), (organization, resolved_on, completed_on, successors))

struct SplitOff {
    Party organization;
    std::optional<Date> resolved_on;
    Date completed_on;
    std::int64_t retained_share = 1;    // the weight of what stays
    std::vector<Successor> successors;  // one or more; named members not listed stay
};
BOOST_DESCRIBE_STRUCT(SplitOff, (), (organization, resolved_on, completed_on, retained_share, successors))

struct Consolidation {
    std::vector<Party> organizations;  // two or more, of one kind; all of them end
    std::optional<Date> resolved_on;
    Date completed_on;
    NewOrganization successor;  // takes everything
};
BOOST_DESCRIBE_STRUCT(Consolidation, (), (organizations, resolved_on, completed_on, successor))

struct Merger {
    Party receiving;              // continues and takes everything
    std::vector<Party> absorbed;  // one or more; they end
    std::optional<Date> resolved_on;
    Date completed_on;
};
BOOST_DESCRIBE_STRUCT(Merger, (), (receiving, absorbed, resolved_on, completed_on))

/// Chia (Art 92): the organisation ends; its members, charter capital and indivisible fund go to two or more new
/// organisations in proportion to their shares, its named members where the successors list them.
COOPECON_EXPORT Changes divide(Registry& reg, const Division& d);

/// Tách (Art 93): the organisation continues with `retained_share`; one or more new organisations take the rest.
COOPECON_EXPORT Changes split_off(Registry& reg, const SplitOff& s);

/// Hợp nhất (Art 94): two or more organisations of one kind end and one new organisation of that kind takes
/// their members, charter capital and indivisible funds.
COOPECON_EXPORT Changes consolidate(Registry& reg, const Consolidation& c);

/// Sáp nhập (Art 95): the absorbed organisations end; the receiving one continues with their members, charter
/// capital and indivisible funds.
COOPECON_EXPORT Changes merge(Registry& reg, const Merger& m);

}  // namespace coopecon::operations
