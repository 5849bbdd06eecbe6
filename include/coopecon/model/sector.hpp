#pragma once
// Sectors (lĩnh vực) as provincial cooperative plans and the statistics office group them.

#include <coopecon/core/label.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>

namespace coopecon {

enum class Sector : std::uint8_t {
    agriculture,          // nông, lâm, ngư, diêm nghiệp (incl. rural clean water: Thông tư 09/2017/TT-BNNPTNT)
    industry_handicraft,  // công nghiệp, tiểu thủ công nghiệp
    construction,         // xây dựng
    transport,            // vận tải
    trade_services,       // thương mại, dịch vụ
    credit,               // quỹ tín dụng nhân dân: people's credit funds, whose memberships dwarf other sectors
    environment,          // môi trường, nước sạch đô thị
    other,
};
BOOST_DESCRIBE_ENUM(Sector, agriculture, industry_handicraft, construction, transport, trade_services, credit,
                    environment, other)

constexpr Label label(Sector s) noexcept {
    switch (s) {
        case Sector::agriculture: return {"Agriculture, forestry, fishery", "Nông, lâm, ngư, diêm nghiệp"};
        case Sector::industry_handicraft: return {"Industry and handicraft", "Công nghiệp, tiểu thủ công nghiệp"};
        case Sector::construction: return {"Construction", "Xây dựng"};
        case Sector::transport: return {"Transport", "Vận tải"};
        case Sector::trade_services: return {"Trade and services", "Thương mại, dịch vụ"};
        case Sector::credit: return {"People's credit funds", "Quỹ tín dụng nhân dân"};
        case Sector::environment: return {"Environment and water", "Môi trường, nước sạch"};
        case Sector::other: return {"Other", "Khác"};
    }
    return {"?", "?"};
}

}  // namespace coopecon
