#pragma once
// Dissolution (giải thể) as registry operations. Voluntary (Law 17/2023/QH15 Art 97.1a, 98): the general
// assembly resolves (T6; a cooperative group's members agree, G6), then the registration office terminates the
// organisation on the dossier (T7) or when 6 months pass without dossier or objection (T8); the assembly may
// cancel its resolution within that window and the previous status returns (T9). Compulsory (Art 97.1b, 99):
// the registration is revoked on a ground of Art 103.1 (T10) or a court decides (T11; the People's Committee
// under the 2012 Law), then termination follows on the dossier or by lapse (T12). Every step is judged by the
// transition table at its date; a refusal names the organisation, event, date, rule and legal basis.

#include <coopecon/core/date.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/core/labelled_enum.hpp>
#include <coopecon/export.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/operations/plan.hpp>
#include <coopecon/registry/registry.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace coopecon::operations {

struct VoluntaryDissolution {
    std::string organization;
    Date resolved_on;
    std::optional<std::int32_t> approval_percent;  // share of votes in favour (65 % needed from 2024-07-01)
    std::optional<Date> completed_on;              // when given, the termination is recorded too
    CompletionMode completed_by = CompletionMode::dossier;
};
BOOST_DESCRIBE_STRUCT(VoluntaryDissolution, (), (organization, resolved_on, approval_percent, completed_on, completed_by))

/// Who orders a compulsory dissolution.
COOPECON_LABELLED_ENUM(CompulsoryBasis, std::uint8_t,
    // the registration office revokes the registration on a ground of Art 103.1
    (revocation, "Registration revoked", "Bị thu hồi giấy chứng nhận đăng ký"),
    (court_decision, "Court decision", "Quyết định của Tòa án"),  // Art 97.1b
    // the People's Committee, under the 2012 Law Art 54.2 only
    (authority_decision, "People's Committee decision", "Quyết định của Ủy ban nhân dân"))

struct CompulsoryDissolution {
    std::string organization;
    Date ordered_on;
    CompulsoryBasis basis = CompulsoryBasis::revocation;
    std::optional<RevocationGround> ground;  // for a revocation: which ground of Art 103.1
    std::optional<Date> completed_on;
    CompletionMode completed_by = CompletionMode::dossier;
};
BOOST_DESCRIBE_STRUCT(CompulsoryDissolution, (), (organization, ordered_on, basis, ground, completed_on, completed_by))

/// Resolution (and, with completed_on, termination) of a voluntary dissolution.
COOPECON_EXPORT Changes dissolve_voluntarily(Registry& reg, const VoluntaryDissolution& d);

/// The general assembly cancels its resolution: the status before the dissolution returns (T9).
COOPECON_EXPORT Changes cancel_dissolution(Registry& reg, const std::string& organization, Date on);

/// A dissolution in progress ends in termination, on the dossier or by lapse (T7, T8, T12; G7, G8).
COOPECON_EXPORT Changes complete_dissolution(Registry& reg, const std::string& organization, Date on,
                                             CompletionMode by = CompletionMode::dossier);

/// Revocation on a ground of Art 103.1 or a court's (or People's Committee's) decision, and, with
/// completed_on, the termination. A revocation for tax enforcement is no dissolution and is refused here.
COOPECON_EXPORT Changes dissolve_compulsorily(Registry& reg, const CompulsoryDissolution& d);

}  // namespace coopecon::operations
