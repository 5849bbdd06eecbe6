#pragma once
// A snapshot: the state of every organisation at one date, column by column (structure of arrays). Row i is
// the organisation with OrgIndex i, so columns line up with the registry's and reduce in tight loops; each
// column exports to numpy without a copy. (A block from Registry::for_each_snapshot_block holds a run of
// organisations instead: its row j is OrgIndex first + j.) Absent values use sentinels: year 0 for "no financial year",
// `no_date` for a date that never happened.

#include <coopecon/core/date.hpp>
#include <coopecon/core/ids.hpp>
#include <coopecon/core/money.hpp>
#include <coopecon/core/detail/huge_pages.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

namespace coopecon {

struct Snapshot;

/// Which columns of a snapshot to fill, one bit per column in declaration order. A column left out stays
/// empty, which saves its memory and the time to write it; `exists` is always filled (it gives the size).
class SnapshotColumns {
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
    std::uint64_t bits_;
};

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

    /// Gives every selected column n rows; the others are emptied.
    void resize(std::size_t n, SnapshotColumns columns = SnapshotColumns::all());

    /// Writes row i from a replayed state (and the organisation's fixed attributes).
    void set(std::size_t i, const OrgState& s, Sector sec, AreaIndex a) noexcept { set_rows(i, {&s, 1}, {&sec, 1}, {&a, 1}); }

    /// Writes rows first, first + 1, … from replayed states (and the organisations' fixed attributes), column by
    /// column: one contiguous run per column costs far less memory traffic than every column row by row. Columns
    /// left empty by `resize` are skipped.
    void set_rows(std::size_t first, std::span<const OrgState> states, std::span<const Sector> sectors,
                  std::span<const AreaIndex> areas) noexcept {
        auto fill = [&](auto& column, auto value_of) {
            if (column.empty()) return;
            auto* out = column.data() + first;
            for (std::size_t j = 0; j < states.size(); ++j) out[j] = value_of(states[j]);
        };
        auto day = [](const std::optional<Date>& d) { return d ? d->days_since_epoch() : no_date; };
        using S = const OrgState&;
        fill(exists, [](S s) { return s.registered ? 1 : 0; });
        fill(kind, [](S s) { return s.kind; });
        fill(status, [](S s) { return s.status; });
        fill(not_at_address, [](S s) { return s.not_at_address ? 1 : 0; });
        if (!sector.empty()) std::copy(sectors.begin(), sectors.end(), sector.begin() + static_cast<std::ptrdiff_t>(first));
        if (!area.empty()) std::copy(areas.begin(), areas.end(), area.begin() + static_cast<std::ptrdiff_t>(first));
        fill(registered_on, [](S s) { return s.registered ? s.registered_on.days_since_epoch() : no_date; });
        fill(status_since, [](S s) { return s.registered ? s.status_since.days_since_epoch() : no_date; });
        fill(official_members, [](S s) { return s.members.of(MemberKind::official); });
        fill(capital_associates, [](S s) { return s.members.of(MemberKind::capital_associate); });
        fill(non_capital_associates, [](S s) { return s.members.of(MemberKind::non_capital_associate); });
        fill(individual_members, [](S s) { return s.members.of(MemberType::individual); });
        fill(household_members, [](S s) { return s.members.of(MemberType::household); });
        fill(legal_entity_members, [](S s) { return s.members.of(MemberType::legal_entity); });
        fill(cooperative_members, [](S s) { return s.members.of(MemberType::cooperative); });
        fill(foreign_official_members, [](S s) { return s.members.foreign_official; });
        fill(charter_capital, [](S s) { return s.charter_capital; });
        fill(indivisible_fund, [](S s) { return s.indivisible_fund; });
        fill(last_annual_assembly, [&](S s) { return day(s.last_annual_assembly); });
        fill(last_report, [&](S s) { return day(s.last_report); });
        fill(financial_year, [](S s) { return s.latest_financials ? s.latest_financials->year : 0; });
        fill(revenue, [](S s) { return s.latest_financials ? s.latest_financials->revenue : 0; });
        fill(costs, [](S s) { return s.latest_financials ? s.latest_financials->costs : 0; });
        fill(pre_tax_profit, [](S s) { return s.latest_financials ? s.latest_financials->pre_tax_profit : 0; });
        fill(internal_revenue, [](S s) { return s.latest_financials ? s.latest_financials->internal_revenue : 0; });
        fill(workers, [](S s) { return s.latest_financials ? s.latest_financials->workers : 0; });
        fill(wages, [](S s) { return s.latest_financials ? s.latest_financials->wages : 0; });
        fill(ended_by, [](S s) { return s.ended_by; });
        fill(converted_on, [&](S s) { return day(s.converted_on); });
        fill(certifications, [&](S s) {
            std::uint8_t held = 0;
            for (std::size_t c = 0; c < s.certified_until.size(); ++c)
                if (s.certified_until[c] >= as_of) held = static_cast<std::uint8_t>(held | (1u << c));
            return held;
        });
        fill(assessment_year, [](S s) { return s.latest_assessment ? s.latest_assessment->year : 0; });
        fill(assessment_scheme,
             [](S s) { return s.latest_assessment ? s.latest_assessment->scheme : ClassificationScheme::tt01_2020; });
        fill(assessment_points, [](S s) { return s.latest_assessment ? s.latest_assessment->points : 0; });
        fill(sanction_year, [](S s) { return s.last_sanction_year; });
        fill(ocop_1_star, [](S s) { return s.ocop_products_by_stars[0]; });
        fill(ocop_2_stars, [](S s) { return s.ocop_products_by_stars[1]; });
        fill(ocop_3_stars, [](S s) { return s.ocop_products_by_stars[2]; });
        fill(ocop_4_stars, [](S s) { return s.ocop_products_by_stars[3]; });
        fill(ocop_5_stars, [](S s) { return s.ocop_products_by_stars[4]; });
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

namespace detail {

/// Calls f(index, member pointer) for every column of a snapshot, in declaration order.
template <class F>
void for_each_snapshot_column(F&& f) {
    std::size_t index = 0;
    boost::mp11::mp_for_each<boost::describe::describe_members<Snapshot, boost::describe::mod_public>>([&](auto m) {
        if constexpr (requires(Snapshot& s) { (s.*m.pointer).resize(0); }) f(index++, m.pointer);
    });
}

}  // namespace detail

template <class T>
SnapshotColumns& SnapshotColumns::add(std::vector<T> Snapshot::*column) noexcept {
    // Columns are told apart by address in an empty snapshot: member pointers of other types do not compare.
    const Snapshot probe{};
    const void* wanted = &(probe.*column);
    detail::for_each_snapshot_column([&](std::size_t index, auto pointer) {
        if (static_cast<const void*>(&(probe.*pointer)) == wanted) bits_ |= std::uint64_t{1} << index;
    });
    return *this;
}

inline void Snapshot::resize(std::size_t n, SnapshotColumns columns) {
    detail::for_each_snapshot_column([&](std::size_t index, auto pointer) {
        auto& column = this->*pointer;
        if (!columns.has(index)) {
            column = {};
            return;
        }
        if (n > column.capacity()) {  // new memory: huge pages before the first write
            column.reserve(n);
            coopecon::detail::advise_huge_pages(column.data(), n * sizeof(column[0]));
        }
        column.resize(n);
    });
}

}  // namespace coopecon
