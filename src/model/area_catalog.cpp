#include <coopecon/model/area_catalog.hpp>

#include "json/path.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>

namespace coopecon {

namespace {

/// A unit that is its own ancestor (or successor) would make every walk up the hierarchy endless.
void report_cycle(const std::vector<Area>& areas, const std::vector<AreaIndex>& next, const char* what,
                  const char* list, Problems& problems) {
    std::vector<std::uint8_t> state(next.size(), 0);  // 0 unseen, 1 on the current walk, 2 known to end
    for (std::size_t start = 0; start < next.size(); ++start) {
        std::vector<AreaIndex> walk;
        AreaIndex i = static_cast<AreaIndex>(start);
        while (i != no_index && state[i] == 0) {
            state[i] = 1;
            walk.push_back(i);
            i = next[i];
        }
        if (i != no_index && state[i] == 1)
            problems.push_back(Problem::at(ErrorCode::integrity,
                                           "area " + areas[i].code + " is its own " + what + " (a cycle of " + what + "s)",
                                           std::string(list)));
        for (const AreaIndex w : walk) state[w] = 2;
    }
}

}  // namespace

AreaCatalog::AreaCatalog(std::vector<Region> regions, std::vector<Area> areas, std::vector<AreaSuccession> crosswalk)
    : regions_(std::move(regions)), areas_(std::move(areas)), crosswalk_(std::move(crosswalk)) {
    Problems problems;
    auto at = [](const char* list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; };
    for (std::size_t i = 0; i < areas_.size(); ++i) {
        const auto& a = areas_[i];
        if (a.code.empty()) problems.push_back(Problem::at(ErrorCode::missing_field, "area code is empty", at("areas", i) + ".code"));
        if (!by_code_.emplace(a.code, static_cast<AreaIndex>(i)).second)
            problems.push_back(Problem::at(ErrorCode::duplicate, "area code " + a.code + " appears twice", at("areas", i) + ".code"));
        if (a.valid_to && *a.valid_to < a.valid_from)
            problems.push_back(Problem::at(ErrorCode::invalid_value, "valid_to is before valid_from", at("areas", i) + ".valid_to"));
        if (a.region && std::none_of(regions_.begin(), regions_.end(), [&](const Region& r) { return r.id == *a.region; }))
            problems.push_back(Problem::at(ErrorCode::unknown_name, "unknown region " + *a.region, at("areas", i) + ".region"));
    }
    parents_.assign(areas_.size(), no_index);
    for (std::size_t i = 0; i < areas_.size(); ++i) {
        if (!areas_[i].parent) continue;
        if (auto p = find(*areas_[i].parent))
            parents_[i] = *p;
        else
            problems.push_back(Problem::at(ErrorCode::unknown_name, "unknown parent area " + *areas_[i].parent, at("areas", i) + ".parent"));
    }
    successors_.assign(areas_.size(), no_index);
    for (std::size_t i = 0; i < crosswalk_.size(); ++i) {
        const auto& c = crosswalk_[i];
        const auto from = find(c.from), to = find(c.to);
        if (!from) problems.push_back(Problem::at(ErrorCode::unknown_name, "unknown area " + c.from, at("crosswalk", i) + ".from"));
        if (!to) problems.push_back(Problem::at(ErrorCode::unknown_name, "unknown area " + c.to, at("crosswalk", i) + ".to"));
        if (from && to && from == to)
            problems.push_back(Problem::at(ErrorCode::integrity, "area " + c.from + " cannot succeed itself", at("crosswalk", i)));
        else if (from && to && !c.part.value_or(false)) {
            if (successors_[*from] != no_index)
                problems.push_back(Problem::at(ErrorCode::duplicate,
                                               "area " + c.from + " has two primary successors; mark the others \"part\": true",
                                               at("crosswalk", i)));
            successors_[*from] = *to;
        }
    }
    report_cycle(areas_, parents_, "parent", "areas", problems);
    report_cycle(areas_, successors_, "successor", "crosswalk", problems);
    throw_if_any(std::move(problems));
}

std::optional<AreaIndex> AreaCatalog::find(std::string_view code) const {
    auto it = by_code_.find(std::string(code));
    if (it == by_code_.end()) return std::nullopt;
    return it->second;
}

AreaIndex AreaCatalog::at_level(AreaIndex i, AreaLevel level) const noexcept {
    while (i != no_index && areas_[i].level != level) i = parents_[i];
    return i;
}

std::vector<AreaIndex> AreaCatalog::units_within(AreaIndex within, AreaLevel level, Date d) const {
    std::vector<AreaIndex> out;
    if (within == no_index || within >= areas_.size()) return out;
    for (AreaIndex i = 0; i < areas_.size(); ++i) {
        if (areas_[i].level != level || !areas_[i].valid_on(d)) continue;
        AreaIndex up = i;
        for (std::size_t hops = 0; up != no_index && up != within && hops < areas_.size(); ++hops) up = parents_[up];
        if (up == within) out.push_back(i);
    }
    return out;
}

AreaIndex AreaCatalog::on(AreaIndex i, Date d) const noexcept {
    for (std::size_t hops = 0; i != no_index && hops <= areas_.size(); ++hops) {
        const auto& a = areas_[i];
        if (a.valid_on(d)) return i;
        if (d < a.valid_from) return no_index;
        i = successors_[i];
    }
    return no_index;
}

AreaCatalog AreaCatalog::with(std::vector<Area> more, std::vector<AreaSuccession> more_crosswalk) const {
    auto areas = areas_;
    areas.insert(areas.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    auto crosswalk = crosswalk_;
    crosswalk.insert(crosswalk.end(), std::make_move_iterator(more_crosswalk.begin()),
                     std::make_move_iterator(more_crosswalk.end()));
    try {
        return AreaCatalog(regions_, std::move(areas), std::move(crosswalk));
    } catch (const Error& e) {
        // The new entries are at fault (this catalogue was valid): name them by their place in `more`.
        Problems problems = e.problems();
        for (auto& p : problems) {
            const auto in_more = [](std::size_t base) {
                return [base](std::size_t k) { return k >= base ? k - base : k; };
            };
            p.path = json::renumbered(p.path, "areas", in_more(areas_.size()));
            p.path = json::renumbered(p.path, "crosswalk", in_more(crosswalk_.size()));
        }
        throw Error(std::move(problems));
    }
}

}  // namespace coopecon
