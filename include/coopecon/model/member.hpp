#pragma once
// Members (thành viên): their kind of membership (Law 17/2023/QH15 Art 4.16–4.19, Art 30) and what they are.

#include <coopecon/core/label.hpp>
#include <coopecon/core/labelled_enum.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace coopecon {

COOPECON_LABELLED_ENUM(MemberKind, std::uint8_t,
    (official, "Official member", "Thành viên chính thức"),  // contributes capital and uses services or labour; votes
    // capital only, no vote (Art 31.2)
    (capital_associate, "Capital-contributing associate", "Thành viên liên kết góp vốn"),
    // pays a membership fee, no vote (Art 31.3)
    (non_capital_associate, "Non-capital associate", "Thành viên liên kết không góp vốn"))

COOPECON_LABELLED_ENUM(MemberType, std::uint8_t,
    (individual, "Individual", "Cá nhân"),
    (household, "Household", "Hộ gia đình"),  // through one representative
    (legal_entity, "Legal entity", "Pháp nhân"),
    (cooperative, "Cooperative", "Hợp tác xã"))  // the official members of a union (Art 34)

/// Why a membership ended (Art 33.1, 33.3).
enum class MembershipEnd : std::uint8_t {
    voluntary,                // tự nguyện ra khỏi
    death_or_incapacity,      // chết, mất năng lực hành vi dân sự
    member_organization_ceased,
    expelled,                 // bị khai trừ theo điều lệ
    inactive,                 // không sử dụng sản phẩm, dịch vụ / không góp sức lao động trong thời gian điều lệ quy định
    capital_not_contributed,  // không góp đủ vốn
    fee_not_paid,             // non-capital associates only
    other,
};
BOOST_DESCRIBE_ENUM(MembershipEnd, voluntary, death_or_incapacity, member_organization_ceased, expelled, inactive,
                    capital_not_contributed, fee_not_paid, other)

/// A named member of one organisation. The kind of membership is given by the event that admits them.
struct Member {
    std::string id;    // unique within the organisation
    std::string name;
    MemberType type = MemberType::individual;
    bool foreign_investor = false;            // nhà đầu tư nước ngoài (Art 30.7 limits their share)
    std::optional<std::string> organization;  // for a member cooperative of a union: its organisation id
};
BOOST_DESCRIBE_STRUCT(Member, (), (id, name, type, foreign_investor, organization))

}  // namespace coopecon
