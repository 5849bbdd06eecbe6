#pragma once
// What a table is grouped by: areas at a level (mapped to the units valid on a reporting date), kind, sector,
// legal status or member-size class. Size classes are data: the default is the member scale of Thông tư
// 01/2020/TT-BKHĐT Art 4; the thresholds of Decree 113/2024/NĐ-CP (members and revenue or capital, by sector)
// are UNCONFIRMED and can be given instead.

#include <coopecon/export.hpp>
#include <coopecon/indicators/text.hpp>
#include <coopecon/model/area.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace coopecon::indicators {

/// A member-size class: organisations with at least `min_members` members (all kinds of membership), up to
/// the next class's minimum.
struct SizeClass {
    std::string id;
    Text label;
    std::int32_t min_members = 0;
};

/// TT 01/2020/TT-BKHĐT Art 4: micro < 50 members, small 50–300, medium > 300–1,000, large > 1,000.
COOPECON_EXPORT std::vector<SizeClass> tt01_2020_size_classes();

/// Checks that classes start at 0, rise strictly and fit a 32-bit set.
COOPECON_EXPORT void check_size_classes(const std::vector<SizeClass>& classes);

/// `region`: the socio-economic region (vùng kinh tế – xã hội) of the province covering the seat on the units date.
enum class KeyKind : std::uint8_t { area, kind, sector, status, size_class, region };
BOOST_DESCRIBE_ENUM(KeyKind, area, kind, sector, status, size_class, region)

struct COOPECON_EXPORT GroupKey {
    KeyKind kind = KeyKind::kind;
    AreaLevel level = AreaLevel::province;  // for KeyKind::area
    bool operator==(const GroupKey&) const = default;

    static GroupKey by_area(AreaLevel level) { return {KeyKind::area, level}; }
    static GroupKey by(KeyKind k) { return {k, AreaLevel::province}; }

    /// Column id: province, district, commune, region, kind, sector, status, size.
    std::string_view id() const noexcept;
    Text label() const;

    /// The key named as on the command line: province, district, commune, region, kind, sector, status or size.
    static GroupKey parse(std::string_view name);
};

}  // namespace coopecon::indicators
