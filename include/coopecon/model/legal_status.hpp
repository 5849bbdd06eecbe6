#pragma once
// Legal status (tình trạng pháp lý) of Decree 92/2024/NĐ-CP Art 27 (cooperatives and unions) and Art 28
// (cooperative groups). "Not operating at the registered address" is not a status here but a flag that only
// the tax authority sets and clears (Art 27.6): it never hides one of the procedural statuses below.

#include <coopecon/core/label.hpp>
#include <coopecon/core/labelled_enum.hpp>
#include <coopecon/model/organization_kind.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>

namespace coopecon {

/// Labels as the decree words them for cooperatives and unions (Art 27).
COOPECON_LABELLED_ENUM(LegalStatus, std::uint8_t,
    (active, "Active", "Đang hoạt động"),
    (suspended, "Suspended", "Tạm ngừng kinh doanh"),  // within a notified period
    (revoked_tax_enforcement, "Registration revoked for tax enforcement", "Bị thu hồi do cưỡng chế về quản lý thuế"),
    (in_dissolution, "In dissolution", "Đang làm thủ tục giải thể"),  // groups: chấm dứt hoạt động
    // bị chia, bị hợp nhất, được sáp nhập: procedure under way
    (in_reorganization, "In reorganisation", "Đang làm thủ tục bị chia, bị hợp nhất, được sáp nhập"),
    (in_bankruptcy, "In bankruptcy", "Đang làm thủ tục phá sản"),
    (terminated, "Terminated", "Đã giải thể, phá sản, chấm dứt tồn tại"))  // final

/// Labels as the decree words them for the given kind: cooperative groups terminate rather than dissolve (Art 28).
constexpr Label label(LegalStatus s, OrgKind kind) noexcept {
    if (kind == OrgKind::cooperative_group) {
        if (s == LegalStatus::in_dissolution) return {"In termination", "Đang làm thủ tục chấm dứt hoạt động"};
        if (s == LegalStatus::terminated) return {"Terminated", "Đã chấm dứt hoạt động"};
    }
    return label(s);
}

/// The flag of Decree 92/2024/NĐ-CP Art 27.6.
inline constexpr Label not_at_address_label{"Not operating at the registered address",
                                            "Không hoạt động tại địa chỉ đã đăng ký"};

/// Statuses in which an organisation still exists and has not begun to end.
constexpr bool is_live(LegalStatus s) noexcept { return s == LegalStatus::active || s == LegalStatus::suspended; }

}  // namespace coopecon
