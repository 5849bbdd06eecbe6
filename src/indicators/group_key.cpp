#include <coopecon/indicators/group_key.hpp>

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>

#include <string>

namespace coopecon::indicators {

std::vector<SizeClass> tt01_2020_size_classes() {
    return {
        {"micro", {"Micro (< 50 members)", "Siêu nhỏ (dưới 50 thành viên)"}, 0},
        {"small", {"Small (50–300 members)", "Nhỏ (50–300 thành viên)"}, 50},
        {"medium", {"Medium (301–1,000 members)", "Vừa (trên 300–1.000 thành viên)"}, 301},
        {"large", {"Large (> 1,000 members)", "Lớn (trên 1.000 thành viên)"}, 1001},
    };
}

void check_size_classes(const std::vector<SizeClass>& classes) {
    if (classes.empty() || classes.size() > 32 || classes.front().min_members != 0)
        throw Error(ErrorCode::invalid_value, "size classes: 1 to 32 classes, the first starting at 0 members");
    for (std::size_t i = 1; i < classes.size(); ++i)
        if (classes[i].min_members <= classes[i - 1].min_members)
            throw Error(Problem::at(ErrorCode::invalid_value, "size classes must start at increasing member counts",
                                    "size_classes[" + std::to_string(i) + "].min_members"));
}

std::string_view GroupKey::id() const noexcept {
    if (kind == KeyKind::area) return enum_name(level);
    if (kind == KeyKind::size_class) return "size";
    return enum_name(kind);
}

Text GroupKey::label() const {
    switch (kind) {
        case KeyKind::area: return coopecon::label(level);
        case KeyKind::kind: return {"Kind", "Loại hình"};
        case KeyKind::sector: return {"Sector", "Lĩnh vực"};
        case KeyKind::status: return {"Legal status", "Tình trạng pháp lý"};
        case KeyKind::size_class: return {"Size class", "Quy mô"};
        case KeyKind::region: return {"Region", "Vùng"};
    }
    return {};
}

GroupKey GroupKey::parse(std::string_view name) {
    if (auto level = enum_from_name<AreaLevel>(name)) return by_area(*level);
    if (name == "size") return by(KeyKind::size_class);
    if (auto k = enum_from_name<KeyKind>(name); k && *k != KeyKind::area && *k != KeyKind::size_class) return by(*k);
    throw Error(ErrorCode::unknown_name, "unknown grouping '" + std::string(name) +
                                             "': expected province, district, commune, region, kind, sector, status or size");
}

}  // namespace coopecon::indicators
