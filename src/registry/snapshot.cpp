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

void Snapshot::set_rows(std::size_t first, std::span<const OrgState> states, std::span<const Sector> sectors,
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

}  // namespace coopecon
