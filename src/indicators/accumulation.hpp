#pragma once
// The engine's internals (indicators/engine.hpp), shared by the engine and the standard report: a query
// compiled into its distinct conditions, filters, fields and accumulators; the key space of its groupings; and
// the accumulation of one period from blocks of snapshot rows. The per-row work (loading fields, evaluating
// conditions, combining key codes, adding up) is all in accumulation.cpp, so it inlines into the block loop.

#include <coopecon/core/date.hpp>
#include <coopecon/core/ids.hpp>
#include <coopecon/export.hpp>
#include <coopecon/indicators/engine.hpp>
#include <coopecon/registry/snapshot.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

namespace coopecon::indicators::detail {

inline constexpr std::size_t block_rows = 1024;
inline constexpr std::uint8_t unrated = 0xFF;
/// The combined key code of a row not registered on its snapshot's date.
inline constexpr std::uint64_t no_code = std::numeric_limits<std::uint64_t>::max();

struct Accumulator {
    Expression::Op op = Expression::Op::sum;
    std::size_t filter = 0;
    Field field = Field::one;
    bool previous = false;
};

/// The query's distinct parts, each evaluated once per block.
struct Plan {
    std::vector<Condition> conditions;
    std::vector<std::vector<std::size_t>> filters;  // condition indices
    std::vector<Filter> filter_values;
    std::vector<Field> fields;
    std::vector<Accumulator> accumulators;
    bool needs_members = false;
    bool needs_class = false;
    bool needs_previous = false;

    std::size_t filter_index(const Filter& f);
    /// The accumulator of a leaf (sum or distinct_communes), added when new.
    std::size_t accumulator(const Expression& e);
    /// Adds every leaf of an expression.
    void add(const Expression& e);
};

/// Maps rows to combined key codes, once per query. An area key's codes number the distinct units at its level
/// on the units date, in catalogue order, and one more for "no unit at this level"; the codes of the keys are
/// combined in mixed radix into 64 bits, the first key the most significant.
struct COOPECON_EXPORT KeySpace {
    std::vector<GroupKey> keys;
    std::vector<std::uint32_t> radix;                   // domain size per key
    std::vector<std::vector<std::uint32_t>> area_code;  // per area or region key: AreaIndex → its code (radix − 1: none)
    std::vector<std::vector<AreaIndex>> units;          // per area key: code → the unit; per region key: code → region index
    std::vector<std::uint32_t> commune_of;              // AreaIndex → commune unit on the units date, or no_index
    std::uint64_t combinations = 1;                     // the product of the radices

    KeySpace(const std::vector<GroupKey>& by, const AreaCatalog& areas, Date units_as_of, std::size_t size_classes);

    /// The combined key codes of rows [b, b + n) of a snapshot: no_code for a row not registered on its date.
    void codes(const Snapshot& s, std::size_t b, std::size_t n, const std::vector<SizeClass>& size_classes,
               std::uint64_t* code) const;

    /// The key cells of a combined code.
    std::vector<KeyCell> cells(std::uint64_t combined, const AreaCatalog& areas,
                               const std::vector<SizeClass>& size_classes) const;
};

/// Dense group numbers for the combined key codes met so far, in order of first appearance. Key spaces of up
/// to a million combinations are looked up in a flat table, larger ones in a hash map, which holds only the
/// groups present.
class COOPECON_EXPORT GroupIds {
public:
    explicit GroupIds(std::uint64_t combinations) {
        if (combinations <= flat_limit) flat_.assign(combinations, no_index);
    }
    std::uint32_t of(std::uint64_t code) {
        auto& id = flat_.empty() ? sparse_.try_emplace(code, no_index).first->second : flat_[code];
        if (id == no_index) {
            id = static_cast<std::uint32_t>(codes_.size());
            codes_.push_back(code);
        }
        return id;
    }
    std::size_t size() const noexcept { return codes_.size(); }
    /// The combined key code of group g.
    std::uint64_t code(std::size_t g) const noexcept { return codes_[g]; }

private:
    static constexpr std::uint64_t flat_limit = std::uint64_t{1} << 20;
    std::vector<std::uint32_t> flat_;
    std::unordered_map<std::uint64_t, std::uint32_t> sparse_;
    std::vector<std::uint64_t> codes_;
};

/// What sums are kept in: 128 bits, so adding up any number of 64-bit amounts (money in đồng, members) over
/// any number of organisations, and differences of such sums, cannot overflow.
__extension__ typedef __int128 Wide;

struct Value {
    bool integral = true;
    Wide integer = 0;
    double real = 0;
    double as_double() const noexcept { return integral ? static_cast<double>(integer) : real; }
};

/// An expression with its leaves resolved to accumulators, so evaluation per group only does arithmetic.
struct Compiled {
    Expression::Op op = Expression::Op::sum;
    std::size_t accumulator = 0;
    double scale = 1;
    std::vector<Compiled> operands;

    static Compiled from(const Expression& e, Plan& plan);
    /// The value for one group, whose accumulators leaf(a) gives.
    template <class Leaf>
    Value evaluate(const Leaf& leaf) const;
};

/// One period of one query, accumulated from snapshot rows given a block at a time: from whole snapshots, or
/// straight from a replay (Registry::for_each_snapshot_block) without any column of the registry's size.
/// Group ids are numbered as key combinations first appear; the table lists the groups in key order.
class Accumulation {
public:
    Accumulation(Query q, const Period& period, const AreaCatalog& areas);

    const Period& period() const noexcept { return period_; }
    /// Whether an indicator reads the snapshot at the day before the period's start.
    bool needs_previous() const noexcept { return plan_.needs_previous; }
    /// The columns read of the period's end snapshot (previous = false) or of the earlier one.
    SnapshotColumns columns(bool previous) const;

    /// Adds rows [b, b + n) of the snapshot at the period's end (previous = false) or at the day before its
    /// start (previous = true).
    void add(const Snapshot& s, std::size_t b, std::size_t n, bool previous);

    /// Adds what `other`, an accumulation of the same query and period over other organisations, has summed:
    /// for the parts of a registry accumulated on threads of their own. Every sum is whole, and the rows come in
    /// key order, so the table does not depend on how the organisations were split.
    void merge(const Accumulation& other);

    /// Appends the period's rows (one per group in key order, then the totals) to t; its columns are made on
    /// the first period.
    void append_to(Table& t, bool period_key) const;

private:
    /// The accumulators of one snapshot (the end one or the earlier one) and what they read.
    struct Role {
        std::vector<std::size_t> active;         // accumulators
        std::vector<std::size_t> active_fields;  // their field indices
        std::vector<std::uint8_t> filter_used, condition_used, field_used;

        Role() = default;
        Role(const Plan& plan, bool previous);
    };

    void add_block(const Snapshot& s, std::size_t b, std::size_t n, const Role& role);

    Query q_;
    Period period_;
    const AreaCatalog* areas_;
    KeySpace space_;
    Plan plan_;
    std::vector<Compiled> compiled_;
    std::array<Role, 2> roles_;
    GroupIds groups_;
    std::vector<Wide> sums_;  // [group * accumulators + accumulator]
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> communes_;  // per accumulator: (group, commune)
    // Per block, reused.
    std::array<std::uint64_t, block_rows> codes_{};
    std::array<std::uint32_t, block_rows> g_{};
    std::vector<std::vector<std::int64_t>> field_values_;
    std::vector<std::vector<std::uint8_t>> condition_masks_;
    std::vector<std::vector<std::uint8_t>> filter_masks_;
    std::array<std::int64_t, block_rows> members_{};
    std::array<std::uint8_t, block_rows> classes_{};
};

/// Feeds accumulations from replays of the registry: their snapshots come a block of organisations at a time,
/// so no snapshot column of the registry's size is made. Accumulations are taken in order, as many at a time
/// as have at most `max_dates` snapshot dates between them (memory grows with the dates, not the registry).
/// The organisations are split into parts on `threads` threads (0: one per core), each feeding copies of the
/// accumulations, which are then merged in part order. Throws Cancelled once `cancel` (nullptr: none) is set; the
/// accumulations are then partly fed and must be dropped.
void accumulate_replayed(const Registry& reg, std::span<Accumulation> accs, unsigned threads,
                         const CancellationToken* cancel, std::size_t max_dates = 32);

/// The columns of the period's end snapshot (previous = false) or of the earlier one (previous = true) that an
/// accumulation of the query reads.
SnapshotColumns columns_read(const Query& q, bool previous);

}  // namespace coopecon::indicators::detail
