#pragma once
// A snapshot: the state of every organisation at one date, column by column (structure of arrays). Row i is
// the organisation with OrgIndex i, so columns line up with the registry's and reduce in tight loops; each
// column exports to numpy without a copy. (A block from Registry::for_each_snapshot_block holds a run of
// organisations instead: its row j is OrgIndex first + j.) Absent values use sentinels: year 0 for "no financial year",
// `no_date` for a date that never happened.

#include <coopecon/core/date.hpp>
#include <coopecon/core/ids.hpp>
#include <coopecon/core/money.hpp>
#include <coopecon/export.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>

#include <boost/describe/class.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace coopecon {

struct Snapshot;

/// Which columns of a snapshot to fill, one bit per column in declaration order. A column left out stays
/// empty, which saves its memory and the time to write it; `exists` is always filled (it gives the size).
class COOPECON_EXPORT SnapshotColumns {
public:
    static constexpr SnapshotColumns all() noexcept { return SnapshotColumns(~std::uint64_t{0}); }
    static constexpr SnapshotColumns none() noexcept { return SnapshotColumns(0); }

    template <class T>
    SnapshotColumns& add(std::vector<T> Snapshot::*column) noexcept;
    SnapshotColumns& add(SnapshotColumns other) noexcept {
        bits_ |= other.bits_;
        return *this;
    }
    constexpr bool has(std::size_t column) const noexcept { return column == 0 || ((bits_ >> column) & 1u); }

private:
    constexpr explicit SnapshotColumns(std::uint64_t bits) noexcept : bits_(bits) {}
    /// Adds the column that lies `offset` bytes into a Snapshot.
    SnapshotColumns& add_at(std::size_t offset) noexcept;
    std::uint64_t bits_;
};

/// Date sentinel in snapshot columns (the day count of a date that did not happen).
inline constexpr std::int32_t no_date = std::numeric_limits<std::int32_t>::min();

struct COOPECON_EXPORT Snapshot {
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

    /// Gives every selected column n rows; the others are emptied.
    void resize(std::size_t n, SnapshotColumns columns = SnapshotColumns::all());

    /// Writes row i from a replayed state (and the organisation's fixed attributes).
    void set(std::size_t i, const OrgState& s, Sector sec, AreaIndex a) noexcept { set_rows(i, {&s, 1}, {&sec, 1}, {&a, 1}); }

    /// Writes rows first, first + 1, … from replayed states (and the organisations' fixed attributes), column by
    /// column: one contiguous run per column costs far less memory traffic than every column row by row. Columns
    /// left empty by `resize` are skipped.
    void set_rows(std::size_t first, std::span<const OrgState> states, std::span<const Sector> sectors,
                  std::span<const AreaIndex> areas) noexcept;
};
BOOST_DESCRIBE_STRUCT(Snapshot, (),
                      (as_of, exists, kind, status, not_at_address, sector, area, registered_on, status_since,
                       official_members, capital_associates, non_capital_associates, individual_members,
                       household_members, legal_entity_members, cooperative_members, foreign_official_members,
                       charter_capital, indivisible_fund, last_annual_assembly, last_report, financial_year, revenue, costs,
                       pre_tax_profit, internal_revenue, workers, wages, ended_by, converted_on, certifications,
                       assessment_year, assessment_scheme, assessment_points, sanction_year, ocop_1_star,
                       ocop_2_stars, ocop_3_stars, ocop_4_stars, ocop_5_stars))

template <class T>
SnapshotColumns& SnapshotColumns::add(std::vector<T> Snapshot::*column) noexcept {
    // Columns are told apart by where they lie in a snapshot: member pointers of other types do not compare.
    const Snapshot probe{};
    return add_at(static_cast<std::size_t>(reinterpret_cast<const char*>(&(probe.*column)) -
                                           reinterpret_cast<const char*>(&probe)));
}

}  // namespace coopecon
