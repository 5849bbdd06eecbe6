#pragma once
// Sectors (lĩnh vực) as provincial cooperative plans and the statistics office group them.

#include <coopecon/core/label.hpp>
#include <coopecon/core/labelled_enum.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>

namespace coopecon {

COOPECON_LABELLED_ENUM(Sector, std::uint8_t,
    // incl. rural clean water (Thông tư 09/2017/TT-BNNPTNT)
    (agriculture, "Agriculture, forestry, fishery", "Nông, lâm, ngư, diêm nghiệp"),
    (industry_handicraft, "Industry and handicraft", "Công nghiệp, tiểu thủ công nghiệp"),
    (construction, "Construction", "Xây dựng"),
    (transport, "Transport", "Vận tải"),
    (trade_services, "Trade and services", "Thương mại, dịch vụ"),
    // people's credit funds, whose memberships dwarf other sectors
    (credit, "People's credit funds", "Quỹ tín dụng nhân dân"),
    (environment, "Environment and water", "Môi trường, nước sạch"),  // incl. urban clean water (nước sạch đô thị)
    (other, "Other", "Khác"))

}  // namespace coopecon
