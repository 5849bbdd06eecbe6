#include <coopecon/registry/snapshot.hpp>

#include "registry/huge_pages.hpp"

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <optional>

namespace coopecon {

namespace {

/// Calls f(index, member pointer) for every column of a snapshot, in declaration order.
template <class F>
void for_each_snapshot_column(F&& f) {
    std::size_t index = 0;
    boost::mp11::mp_for_each<boost::describe::describe_members<Snapshot, boost::describe::mod_public>>([&](auto m) {
        if constexpr (requires(Snapshot& s) { (s.*m.pointer).resize(0); }) f(index++, m.pointer);
    });
}

}  // namespace

SnapshotColumns& SnapshotColumns::add_at(std::size_t offset) noexcept {
    const Snapshot probe{};
    for_each_snapshot_column([&](std::size_t index, auto pointer) {
        if (static_cast<std::size_t>(reinterpret_cast<const char*>(&(probe.*pointer)) -
                                     reinterpret_cast<const char*>(&probe)) == offset)
            bits_ |= std::uint64_t{1} << index;
    });
    return *this;
}

void Snapshot::resize(std::size_t n, SnapshotColumns columns) {
    for_each_snapshot_column([&](std::size_t index, auto pointer) {
        auto& column = this->*pointer;
        if (!columns.has(index)) {
            column = {};
            return;
        }
        if (n > column.capacity()) {  // new memory: huge pages before the first write
            column.reserve(n);
            detail::advise_huge_pages(column.data(), n * sizeof(column[0]));
        }
        column.resize(n);
    });
}

namespace {

// A figure as its column holds it: a date as its day count (no_date when absent), a flag as 0 or 1.
std::int32_t column_value(const std::optional<Date>& d) noexcept { return d ? d->days_since_epoch() : no_date; }
std::uint8_t column_value(bool b) noexcept { return b ? 1 : 0; }
template <class T>
T column_value(T v) noexcept {
    return v;
}

}  // namespace

// Each column of model/state_fields.hpp, filled from its source.
#define COOPECON_DETAIL_FILL_stored(name, from) fill(name, [&](S s) { return column_value(s.name); });
#define COOPECON_DETAIL_FILL_derived(name, from) fill(name, [&](S s) { return column_value(from); });
#define COOPECON_DETAIL_FILL_attribute(name, from) \
    if (!name.empty()) std::copy(from.begin(), from.end(), name.begin() + static_cast<std::ptrdiff_t>(first));
#define COOPECON_DETAIL_FILL_sum(name, from)
#define COOPECON_DETAIL_FILL(name, type, role, source, from, ...) COOPECON_DETAIL_FILL_##source(name, from)

void Snapshot::set_rows(std::size_t first, std::span<const OrgState> states, std::span<const Sector> sectors,
                        std::span<const AreaIndex> areas) noexcept {
    auto fill = [&](auto& column, auto value_of) {
        if (column.empty()) return;
        auto* out = column.data() + first;
        for (std::size_t j = 0; j < states.size(); ++j) out[j] = value_of(states[j]);
    };
    using S = const OrgState&;
    COOPECON_STATE_FIELDS(COOPECON_DETAIL_FILL)
}

#undef COOPECON_DETAIL_FILL
#undef COOPECON_DETAIL_FILL_stored
#undef COOPECON_DETAIL_FILL_derived
#undef COOPECON_DETAIL_FILL_attribute
#undef COOPECON_DETAIL_FILL_sum

}  // namespace coopecon
