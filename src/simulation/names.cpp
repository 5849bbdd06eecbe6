// Names for synthetic organisations and members (names.hpp).

#include <coopecon/simulation/names.hpp>

#include <array>
#include <span>
#include <string>
#include <string_view>

namespace coopecon::simulation {

std::string_view sector_word(Sector s, Stream& draw) {
    static constexpr std::array<std::string_view, 5> agriculture{"Nông nghiệp", "Nuôi tôm", "Thủy sản", "Lúa – tôm",
                                                                 "Dịch vụ nông nghiệp"};
    static constexpr std::array<std::string_view, 2> industry{"Tiểu thủ công nghiệp", "Đan đát"};
    static constexpr std::array<std::string_view, 2> trade{"Thương mại – Dịch vụ", "Dịch vụ tổng hợp"};
    static constexpr std::array<std::string_view, 2> environment{"Môi trường", "Nước sạch"};
    auto one = [&](std::span<const std::string_view> words) { return words[draw.below(words.size())]; };
    switch (s) {
        case Sector::agriculture: return one(agriculture);
        case Sector::industry_handicraft: return one(industry);
        case Sector::construction: return "Xây dựng";
        case Sector::transport: return "Vận tải";
        case Sector::trade_services: return one(trade);
        case Sector::credit: return "";  // a people's credit fund is named as such
        case Sector::environment: return one(environment);
        case Sector::other: return "Dịch vụ";
    }
    return "";
}

std::string organization_name(OrgKind kind, Sector sector, std::string_view place, Stream& draw) {
    const auto word = sector_word(sector, draw);
    const std::string_view head = sector == Sector::credit && kind == OrgKind::cooperative ? "Quỹ tín dụng nhân dân "
                                  : kind == OrgKind::cooperative_group                     ? "Tổ hợp tác "
                                  : kind == OrgKind::union_of_cooperatives                 ? "Liên hiệp HTX "
                                                                                           : "HTX ";
    // One allocation per name: millions are written for the large profiles.
    std::string out;
    out.reserve(head.size() + word.size() + 1 + place.size());
    out += head;
    if (!word.empty()) {  // a credit fund has none
        out += word;
        out += ' ';
    }
    out += place;
    return out;
}

std::string person_name(Stream& draw) {
    static constexpr std::array<std::string_view, 14> family{"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ",    "Phan",
                                                             "Đặng",   "Bùi",  "Đỗ", "Hồ",   "Ngô",   "Dương", "Lý"};
    static constexpr std::array<std::string_view, 4> middle_male{"Văn", "Minh", "Hoàng", "Quốc"};
    static constexpr std::array<std::string_view, 4> middle_female{"Thị", "Ngọc", "Kim", "Thu"};
    static constexpr std::array<std::string_view, 12> given_male{"An",  "Bình", "Cường", "Dũng", "Hùng", "Khánh",
                                                                 "Lâm", "Nam",  "Phúc",  "Tâm",  "Tuấn", "Vinh"};
    static constexpr std::array<std::string_view, 12> given_female{"Anh", "Diễm", "Hạnh",   "Hoa",  "Lan",   "Liên",
                                                                   "Mai", "Nga",  "Phương", "Thảo", "Trang", "Vân"};
    auto one = [&](std::span<const std::string_view> words) { return std::string(words[draw.below(words.size())]); };
    const bool female = draw.bernoulli(0.5);
    return one(family) + " " + (female ? one(middle_female) : one(middle_male)) + " " +
           (female ? one(given_female) : one(given_male));
}

}  // namespace coopecon::simulation
