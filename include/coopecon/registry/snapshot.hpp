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
#include <coopecon/model/state_fields.hpp>

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

#define COOPECON_DETAIL_SNAPSHOT_COLUMN(name, type, role, source, ...) \
    COOPECON_STATE_FIELD_IS(source, column)(std::vector<type> name;)

/// One column per row of model/state_fields.hpp (but those that only add up other columns), in its order; each
/// row says how its column is filled. `exists` comes first: it is always filled, and gives the size.
struct COOPECON_EXPORT Snapshot {
    Date as_of;
    COOPECON_STATE_FIELDS(COOPECON_DETAIL_SNAPSHOT_COLUMN)

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

#undef COOPECON_DETAIL_SNAPSHOT_COLUMN

// Boost.Describe's list of Snapshot's members, written a row at a time: BOOST_DESCRIBE_STRUCT takes 52 at most.
#define COOPECON_DETAIL_SNAPSHOT_MEMBER(name, type, role, source, ...) \
    COOPECON_STATE_FIELD_IS(source, column)(BOOST_DESCRIBE_MEMBER_IMPL(Snapshot, name))
BOOST_DESCRIBE_BASES(Snapshot)
BOOST_DESCRIBE_PROTECTED_MEMBERS(Snapshot)
BOOST_DESCRIBE_PRIVATE_MEMBERS(Snapshot)
[[maybe_unused]] inline auto boost_public_member_descriptor_fn(Snapshot**) {
    return boost::describe::detail::member_descriptor_fn_impl<boost::describe::mod_public>(
        0 BOOST_DESCRIBE_MEMBER_IMPL(Snapshot, as_of) COOPECON_STATE_FIELDS(COOPECON_DETAIL_SNAPSHOT_MEMBER));
}
#undef COOPECON_DETAIL_SNAPSHOT_MEMBER

template <class T>
SnapshotColumns& SnapshotColumns::add(std::vector<T> Snapshot::*column) noexcept {
    // Columns are told apart by where they lie in a snapshot: member pointers of other types do not compare.
    const Snapshot probe{};
    return add_at(static_cast<std::size_t>(reinterpret_cast<const char*>(&(probe.*column)) -
                                           reinterpret_cast<const char*>(&probe)));
}

}  // namespace coopecon
