#pragma once
// What a table is grouped by: areas at a level (mapped to the units valid on a reporting date), kind, sector,
// legal status or member-size class. Size classes are data: the default is the member scale of Thông tư
// 01/2020/TT-BKHĐT Art 4; the thresholds of Decree 113/2024/NĐ-CP (members and revenue or capital, by sector)
// are UNCONFIRMED and can be given instead.

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/indicators/text.hpp>
#include <coopecon/model/area.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
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
inline std::vector<SizeClass> tt01_2020_size_classes() {
    return {
        {"micro", {"Micro (< 50 members)", "Siêu nhỏ (dưới 50 thành viên)"}, 0},
        {"small", {"Small (50–300 members)", "Nhỏ (50–300 thành viên)"}, 50},
        {"medium", {"Medium (301–1,000 members)", "Vừa (trên 300–1.000 thành viên)"}, 301},
        {"large", {"Large (> 1,000 members)", "Lớn (trên 1.000 thành viên)"}, 1001},
    };
}

/// Checks that classes start at 0, rise strictly and fit a 32-bit set.
inline void check_size_classes(const std::vector<SizeClass>& classes) {
    if (classes.empty() || classes.size() > 32 || classes.front().min_members != 0)
        throw Error(ErrorCode::invalid_value, "size classes: 1 to 32 classes, the first starting at 0 members");
    for (std::size_t i = 1; i < classes.size(); ++i)
        if (classes[i].min_members <= classes[i - 1].min_members)
            throw Error(Problem::at(ErrorCode::invalid_value, "size classes must start at increasing member counts",
                                    "size_classes[" + std::to_string(i) + "].min_members"));
}

enum class KeyKind : std::uint8_t { area, kind, sector, status, size_class };
BOOST_DESCRIBE_ENUM(KeyKind, area, kind, sector, status, size_class)

struct GroupKey {
    KeyKind kind = KeyKind::kind;
    AreaLevel level = AreaLevel::province;  // for KeyKind::area
    bool operator==(const GroupKey&) const = default;

    static GroupKey by_area(AreaLevel level) { return {KeyKind::area, level}; }
    static GroupKey by(KeyKind k) { return {k, AreaLevel::province}; }

    /// Column id: province, district, commune, kind, sector, status, size.
    std::string_view id() const noexcept {
        if (kind == KeyKind::area) return enum_name(level);
        if (kind == KeyKind::size_class) return "size";
        return enum_name(kind);
    }
    Text label() const {
        switch (kind) {
            case KeyKind::area: return coopecon::label(level);
            case KeyKind::kind: return {"Kind", "Loại hình"};
            case KeyKind::sector: return {"Sector", "Lĩnh vực"};
            case KeyKind::status: return {"Legal status", "Tình trạng pháp lý"};
            case KeyKind::size_class: return {"Size class", "Quy mô"};
        }
        return {};
    }

    /// The key named as on the command line: province, district, commune, kind, sector, status or size.
    static GroupKey parse(std::string_view name) {
        if (auto level = enum_from_name<AreaLevel>(name)) return by_area(*level);
        if (name == "size") return by(KeyKind::size_class);
        if (auto k = enum_from_name<KeyKind>(name); k && *k != KeyKind::area && *k != KeyKind::size_class) return by(*k);
        throw Error(ErrorCode::unknown_name, "unknown grouping '" + std::string(name) +
                                                 "': expected province, district, commune, kind, sector, status or size");
    }
};

}  // namespace coopecon::indicators
