#pragma once
// Administrative areas with validity dates. Units change: on 2025-07-01 63 provinces became 34 and the
// district level ended, so an area is a (territory, period) and a crosswalk links ended units to successors.

#include <coopecon/core/date.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/core/labelled_enum.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace coopecon {

COOPECON_LABELLED_ENUM(AreaLevel, std::uint8_t,
    (province, "Province", "Tỉnh"),  // thành phố trực thuộc trung ương
    (district, "District", "Huyện"),  // quận, thị xã, thành phố thuộc tỉnh (until 2025-06-30)
    (commune, "Commune", "Xã"))  // phường, thị trấn

struct Area {
    std::string code;           // the project's unique id: one territory over one period
    std::string official_code;  // the government's code, which a successor unit may reuse
    std::string name;
    std::string full_name;
    AreaLevel level = AreaLevel::province;
    std::string kind;                    // province, city, district, town, …
    std::optional<std::string> region;   // socio-economic region of a province
    std::optional<std::string> parent;   // code of the enclosing unit
    Date valid_from;
    std::optional<Date> valid_to;        // inclusive; nullopt = still valid
    std::optional<std::string> name_en;  // the name without diacritics ("Thoi Binh"), for English text

    constexpr bool valid_on(Date d) const noexcept { return valid_from <= d && (!valid_to || d <= *valid_to); }
};
BOOST_DESCRIBE_STRUCT(Area, (), (code, official_code, name, full_name, level, kind, region, parent, valid_from, valid_to,
                                  name_en))

/// An ended unit continues, from `on`, as (part of) `to`. A unit split between successors has one entry per
/// successor: exactly one without `part` (its primary successor, which the catalogue maps its territory to) and
/// one with `part: true` for each unit that received the rest.
struct AreaSuccession {
    std::string from;
    std::string to;
    Date on;
    std::optional<bool> part;  // true: a secondary successor receiving part of the territory
};
BOOST_DESCRIBE_STRUCT(AreaSuccession, (), (from, to, on, part))

}  // namespace coopecon
