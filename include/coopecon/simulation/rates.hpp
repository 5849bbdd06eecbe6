#pragma once
// The rates that drive the dynamics of a simulation (simulation/engine.hpp): how often each thing happens to an
// organisation, by kind and sector. Every rate is a monthly intensity: events per organisation-month of
// exposure (or, for founding, new organisations per month). A few are probabilities per occasion instead
// (an annual assembly missed in a year, a suspension notice extended when it runs out); `hazard_info` says
// which. Rates are data: estimated from a registry's own history (simulation/calibration.hpp), given
// explicitly, or changed by a scenario (simulation/scenario.hpp). docs/simulation.md gives the model.

#include <coopecon/core/label.hpp>
#include <coopecon/export.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>

#include <boost/describe/enum.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace coopecon::simulation {

enum class Hazard : std::uint8_t {
    founding,               // new organisations per month (of a kind and sector, over all areas)
    suspension,             // per active organisation-month: a suspension notified
    resumption,             // per suspended organisation-month: business resumed before the notice ends
    extension,              // probability that a suspension notice running out is followed by another
    member_joining,         // per live organisation-month: a cohort of members joins
    member_leaving,         // per live organisation-month: a cohort of members leaves
    voluntary_dissolution,  // per live organisation-month: dissolution (groups: termination) resolved
    merger,                 // per active cooperative-month: merged into another of its area
    conversion,             // per active group-month, once eligible: converted into a cooperative
    assembly_missed,        // probability per year that the annual assembly is not held (suspended: doubled)
    report_missed,          // probability per year that the annual report is not filed
    dossier,                // probability that a dissolution completes on a dossier rather than by lapse
    office_action,          // per month once a ground is due: the registration office acts
    class_up,               // probability per year that a cooperative's classification rises one class
    class_down,             // probability per year that it falls one class
};
BOOST_DESCRIBE_ENUM(Hazard, founding, suspension, resumption, extension, member_joining, member_leaving,
                    voluntary_dissolution, merger, conversion, assembly_missed, report_missed, dossier, office_action,
                    class_up, class_down)

inline constexpr std::size_t hazard_count = 15;
inline constexpr std::size_t kind_count = 3;
inline constexpr std::size_t sector_count = 8;

/// What a rate measures.
enum class RateUnit : std::uint8_t {
    per_month,       // events per organisation-month of exposure
    per_year_share,  // a probability per year or per occasion
    count_per_month, // new organisations per month
};

struct HazardInfo {
    RateUnit unit;
    std::uint8_t exposure;  // status bits (1 << LegalStatus) in which an organisation is exposed
    Label name;
};

constexpr HazardInfo hazard_info(Hazard h) noexcept {
    constexpr auto active = static_cast<std::uint8_t>(1u << static_cast<unsigned>(LegalStatus::active));
    constexpr auto suspended = static_cast<std::uint8_t>(1u << static_cast<unsigned>(LegalStatus::suspended));
    switch (h) {
        case Hazard::founding: return {RateUnit::count_per_month, 0, {"Founding", "Thành lập mới"}};
        case Hazard::suspension: return {RateUnit::per_month, active, {"Suspension", "Tạm ngừng kinh doanh"}};
        case Hazard::resumption: return {RateUnit::per_month, suspended, {"Resumption", "Tiếp tục kinh doanh"}};
        case Hazard::extension:
            return {RateUnit::per_year_share, suspended, {"Suspension extended", "Gia hạn tạm ngừng"}};
        case Hazard::member_joining:
            return {RateUnit::per_month, active | suspended, {"Members joining", "Kết nạp thành viên"}};
        case Hazard::member_leaving:
            return {RateUnit::per_month, active | suspended, {"Members leaving", "Thành viên ra khỏi"}};
        case Hazard::voluntary_dissolution:
            return {RateUnit::per_month, active | suspended, {"Voluntary dissolution", "Giải thể tự nguyện"}};
        case Hazard::merger: return {RateUnit::per_month, active, {"Merger", "Sáp nhập"}};
        case Hazard::conversion: return {RateUnit::per_month, active, {"Conversion", "Chuyển đổi thành hợp tác xã"}};
        case Hazard::assembly_missed:
            return {RateUnit::per_year_share, active | suspended, {"Annual assembly missed", "Không tổ chức đại hội"}};
        case Hazard::report_missed:
            return {RateUnit::per_year_share, active | suspended, {"Annual report missed", "Không gửi báo cáo"}};
        case Hazard::dossier: return {RateUnit::per_year_share, 0, {"Completed on a dossier", "Hoàn tất bằng hồ sơ"}};
        case Hazard::office_action:
            return {RateUnit::per_month, active | suspended, {"Registration office acts", "Cơ quan đăng ký xử lý"}};
        case Hazard::class_up: return {RateUnit::per_year_share, active | suspended, {"Class up", "Tăng hạng"}};
        case Hazard::class_down: return {RateUnit::per_year_share, active | suspended, {"Class down", "Giảm hạng"}};
    }
    return {RateUnit::per_month, 0, {"?", "?"}};
}

/// A rate for every hazard, kind and sector. Plain data: copy it, change it, pass it by value.
struct Rates {
    std::array<std::array<std::array<double, sector_count>, kind_count>, hazard_count> value{};

    double& at(Hazard h, OrgKind k, Sector s) noexcept {
        return value[static_cast<std::size_t>(h)][static_cast<std::size_t>(k)][static_cast<std::size_t>(s)];
    }
    double at(Hazard h, OrgKind k, Sector s) const noexcept {
        return value[static_cast<std::size_t>(h)][static_cast<std::size_t>(k)][static_cast<std::size_t>(s)];
    }
    /// Sets the rate of `h` for every kind and sector.
    void set(Hazard h, double v) noexcept {
        for (auto& kind : value[static_cast<std::size_t>(h)]) kind.fill(v);
    }
    /// Sets the rate of `h` for every sector of kind `k`.
    void set(Hazard h, OrgKind k, double v) noexcept {
        value[static_cast<std::size_t>(h)][static_cast<std::size_t>(k)].fill(v);
    }
    bool operator==(const Rates&) const = default;
};

/// Rates of a plausible provincial cooperative economy (docs/simulation.md lists them and where they come
/// from): the fallback where a registry's own history has no exposure to estimate from.
COOPECON_EXPORT Rates default_rates();

}  // namespace coopecon::simulation
