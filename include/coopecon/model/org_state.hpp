#pragma once
// The state of one organisation at a date, as rebuilt by replaying its events. Plain data: the registry
// derives it, the transition table reads it, snapshots store it column by column.

#include <coopecon/core/date.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/core/labelled_enum.hpp>
#include <coopecon/core/money.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/state_fields.hpp>

#include <boost/describe/enum.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace coopecon {

struct MemberCounts {
    std::array<std::int32_t, 3> by_kind{};  // indexed by MemberKind
    std::array<std::int32_t, 4> by_type{};  // indexed by MemberType
    std::int32_t foreign_official = 0;      // official members who are foreign investors (Art 30.7)
    Dong capital_official = 0;              // capital contributed by official members
    Dong capital_associates = 0;            // by capital-contributing associates
    Dong capital_foreign = 0;               // by foreign investors

    std::int32_t of(MemberKind k) const noexcept { return by_kind[static_cast<std::size_t>(k)]; }
    std::int32_t of(MemberType t) const noexcept { return by_type[static_cast<std::size_t>(t)]; }
    std::int32_t official() const noexcept { return of(MemberKind::official); }
    std::int32_t total() const noexcept { return by_kind[0] + by_kind[1] + by_kind[2]; }
    bool operator==(const MemberCounts&) const = default;
};

/// What a dissolution in progress came from: it decides which rules complete, cancel or withdraw it.
enum class DissolutionTrack : std::uint8_t {
    none,
    voluntary,   // members' resolution (cancellable within the window)
    court_or_authority,  // court decision, or a People's Committee decision under the 2012 Law
    revocation,  // registration revoked: withdrawable if it was not a case for revocation
};

/// How a terminated organisation ended: indicators count dissolutions, bankruptcies and reorganisations apart.
COOPECON_LABELLED_ENUM(Ending, std::uint8_t,
    (none, "Not terminated", "Chưa chấm dứt"),
    (dissolution, "Dissolved", "Giải thể"),  // giải thể (groups: chấm dứt hoạt động), voluntary or compulsory
    (bankruptcy, "Bankrupt", "Phá sản"),
    (reorganization, "Ended by reorganisation", "Chấm dứt do chia, hợp nhất, sáp nhập"))

/// The latest classification self-assessment (the one for the latest year), with its points added up.
struct AssessmentSummary {
    std::int32_t year = 0;
    ClassificationScheme scheme = ClassificationScheme::tt01_2020;
    std::int32_t points = 0;
    bool operator==(const AssessmentSummary&) const = default;
};

#define COOPECON_DETAIL_STATE_MEMBER(name, type, role, source, from, ...) \
    COOPECON_STATE_FIELD_IS(source, stored)(from name{};)

struct OrgState {
    bool registered = false;  // false before the `registered` event: the organisation does not exist yet
    OrgKind kind = OrgKind::cooperative;
    LegalStatus status = LegalStatus::active;
    Date registered_on;
    Date status_since;                   // when the current status began
    std::optional<Date> suspended_until; // while suspended: last day of the notified period
    LegalStatus restore_to = LegalStatus::active;  // the status a cancellation or withdrawal returns to
    DissolutionTrack dissolution = DissolutionTrack::none;
    std::optional<ReorganizationForm> reorganization;  // while in reorganisation
    MemberCounts members;
    std::optional<FinancialYearClosed> latest_financials;
    /// Per Certification: the last day a certification is valid (Date::max() when open-ended); Date::min()
    /// when never certified.
    std::array<Date, 5> certified_until{Date::min(), Date::min(), Date::min(), Date::min(), Date::min()};
    std::optional<AssessmentSummary> latest_assessment;
    std::int32_t last_sanction_year = 0;           // year of the latest administrative sanction, 0 when none
    std::array<std::int32_t, 5> ocop_products_by_stars{};  // rated OCOP products, [0] = 1 star … [4] = 5 stars
    // The figures kept as they are, one member per `stored` row of model/state_fields.hpp: not_at_address,
    // charter_capital, indivisible_fund, last_annual_assembly, last_report, ended_by (set when the status becomes
    // terminated), converted_on …
    COOPECON_STATE_FIELDS(COOPECON_DETAIL_STATE_MEMBER)

    bool exists_and_not_terminated() const noexcept { return registered && status != LegalStatus::terminated; }

    /// Bit c set when Certification c is valid on `d`.
    std::uint8_t certifications_on(Date d) const noexcept {
        std::uint8_t held = 0;
        for (std::size_t c = 0; c < certified_until.size(); ++c)
            if (certified_until[c] >= d) held = static_cast<std::uint8_t>(held | (1u << c));
        return held;
    }
};

#undef COOPECON_DETAIL_STATE_MEMBER

}  // namespace coopecon
