#pragma once
// Names for synthetic organisations and members, in Vietnamese as a registry would hold them: "HTX Nuôi tôm
// Tân Tiến", "Tổ hợp tác Lúa – tôm Khánh An", "Nguyễn Thị Mai". They are invented from common words and carry
// no information; they exist so that generated registries read like real ones.

#include <coopecon/export.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>
#include <coopecon/simulation/random.hpp>

#include <array>
#include <string>
#include <string_view>

namespace coopecon::simulation {

/// Common words of cooperative names, used when a profile names no places.
inline constexpr std::array<std::string_view, 24> common_name_words{
    "Tân Tiến",  "Thành Công", "Hòa Bình",  "Phú Lợi",    "Đồng Tâm",  "Thắng Lợi",  "Tiến Phát",   "Hưng Thịnh",
    "Phước Lộc", "An Phú",     "Bình Minh", "Toàn Thắng", "Hợp Lực",   "Quyết Tiến", "Thịnh Vượng", "Phát Đạt",
    "Tân Phú",   "Hòa Thuận",  "Đoàn Kết",  "Xuân Hòa",   "Minh Phát", "Hải Đăng",   "Thống Nhất",  "Nhân Hòa"};

/// What a cooperative of a sector calls itself after "HTX" (several per sector, one chosen per organisation).
COOPECON_EXPORT std::string_view sector_word(Sector s, Stream& draw);

/// "HTX Nuôi tôm Tân Tiến", "Quỹ tín dụng nhân dân Khánh An", "Liên hiệp HTX Nông nghiệp Cà Mau".
COOPECON_EXPORT std::string organization_name(OrgKind kind, Sector sector, std::string_view place, Stream& draw);

/// A person's name: family name, middle name (by gender, as is usual) and given name.
COOPECON_EXPORT std::string person_name(Stream& draw);

}  // namespace coopecon::simulation
