#pragma once
// The set of areas a registry can refer to: a hierarchy (commune → district → province) that changes over time,
// with a crosswalk from ended units to their successors, so figures recorded in old units can be reported in
// the units of any later date.

#include <coopecon/core/error.hpp>
#include <coopecon/core/ids.hpp>
#include <coopecon/export.hpp>
#include <coopecon/model/area.hpp>

#include <boost/describe/class.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace coopecon {

struct Region {
    std::string id;
    std::string name_vi;
    std::string name_en;
};
BOOST_DESCRIBE_STRUCT(Region, (), (id, name_vi, name_en))

class COOPECON_EXPORT AreaCatalog {
public:
    AreaCatalog() = default;

    /// Builds a catalogue, reporting every duplicate code, dangling parent or crosswalk entry, and inverted period.
    AreaCatalog(std::vector<Region> regions, std::vector<Area> areas, std::vector<AreaSuccession> crosswalk);

    std::size_t size() const noexcept { return areas_.size(); }
    const Area& operator[](AreaIndex i) const { return areas_[i]; }
    const std::vector<Area>& areas() const noexcept { return areas_; }
    const std::vector<Region>& regions() const noexcept { return regions_; }
    const std::vector<AreaSuccession>& crosswalk() const noexcept { return crosswalk_; }

    std::optional<AreaIndex> find(std::string_view code) const;

    AreaIndex parent(AreaIndex i) const noexcept { return parents_[i]; }

    /// The enclosing unit at `level` (the area itself when it is at that level), or no_index.
    AreaIndex at_level(AreaIndex i, AreaLevel level) const noexcept;

    /// The units at `level` valid on `d` that lie within `within` (the communes of a province, through their
    /// district before 2025-07-01), in catalogue order. `within` is taken as given: for the units of an old
    /// province on a later date, pass on(province, d).
    std::vector<AreaIndex> units_within(AreaIndex within, AreaLevel level, Date d) const;

    /// The unit covering `i`'s territory on `d`: `i` itself while it is valid, else its successors in turn.
    /// no_index when the territory has no recorded unit on `d` (before the area existed, or a missing crosswalk).
    AreaIndex on(AreaIndex i, Date d) const noexcept;

    /// Adds areas (e.g. communes a registry defines) on top of this catalogue.
    AreaCatalog with(std::vector<Area> more, std::vector<AreaSuccession> more_crosswalk = {}) const;

private:
    std::vector<Region> regions_;
    std::vector<Area> areas_;
    std::vector<AreaSuccession> crosswalk_;
    std::unordered_map<std::string, AreaIndex> by_code_;
    std::vector<AreaIndex> parents_;
    std::vector<AreaIndex> successors_;
};

}  // namespace coopecon
