#pragma once
// The three kinds of collective-economy organisation of the Law on Cooperatives.

#include <coopecon/core/label.hpp>
#include <coopecon/core/labelled_enum.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>

namespace coopecon {

COOPECON_LABELLED_ENUM(OrgKind, std::uint8_t,
    // no legal personality; civil cooperation contract (Law 17/2023/QH15 Art 4.21)
    (cooperative_group, "Cooperative group", "Tổ hợp tác"),
    (cooperative, "Cooperative", "Hợp tác xã"),  // Art 4.7
    // its official members are cooperatives (Art 4.8)
    (union_of_cooperatives, "Union of cooperatives", "Liên hiệp hợp tác xã"))

}  // namespace coopecon
