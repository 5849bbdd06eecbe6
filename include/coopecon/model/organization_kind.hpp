#pragma once
// The three kinds of collective-economy organisation of the Law on Cooperatives.

#include <coopecon/core/label.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>

namespace coopecon {

enum class OrgKind : std::uint8_t {
    cooperative_group,      // tổ hợp tác: no legal personality; civil cooperation contract (Law 17/2023/QH15 Art 4.21)
    cooperative,            // hợp tác xã (Art 4.7)
    union_of_cooperatives,  // liên hiệp hợp tác xã: its official members are cooperatives (Art 4.8)
};
BOOST_DESCRIBE_ENUM(OrgKind, cooperative_group, cooperative, union_of_cooperatives)

constexpr Label label(OrgKind k) noexcept {
    switch (k) {
        case OrgKind::cooperative_group: return {"Cooperative group", "Tổ hợp tác"};
        case OrgKind::cooperative: return {"Cooperative", "Hợp tác xã"};
        case OrgKind::union_of_cooperatives: return {"Union of cooperatives", "Liên hiệp hợp tác xã"};
    }
    return {"?", "?"};
}

}  // namespace coopecon
