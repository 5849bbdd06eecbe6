#pragma once
// What a dissolved cooperative's assets pay, in the order of Law 17/2023/QH15 Art 101: (a) the costs of the
// dissolution; (b) wages, severance, social insurance and the workers' other entitlements; (c) taxes; (d) other
// debts; then the remainder to the official and capital-contributing associate members in proportion to their
// capital. Indivisible funds and assets formed from State support are not shared out: they go to the State.
//
// Everything is exact in đồng. A class that cannot be paid in full is paid pro rata to its claims, and every
// split (claims of a class, members' remainder) uses the largest-remainder method, so the parts add up exactly.

#include <coopecon/core/error.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/core/labelled_enum.hpp>
#include <coopecon/core/money.hpp>
#include <coopecon/export.hpp>
#include <coopecon/model/member.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace coopecon::operations {

/// The legal basis of the order, quoted in results.
inline constexpr std::string_view asset_distribution_basis = "Law 17/2023/QH15 Art 101";

/// Splits `total` (>= 0) in proportion to `weights` (>= 0, not all 0 unless `total` is 0) by the largest-remainder
/// method: each part gets the whole part of its quota, then the units left go to the largest remainders, equal
/// remainders to the lower index. The parts add up to `total` exactly; the arithmetic is exact.
COOPECON_EXPORT std::vector<std::int64_t> apportion(std::int64_t total, std::span<const std::int64_t> weights);

/// The priority classes of Art 101, in the order they are paid.
COOPECON_LABELLED_ENUM(ClaimClass, std::uint8_t,
    (dissolution_costs, "Dissolution costs", "Chi phí giải thể"),  // Art 101 a
    // Art 101 b
    (worker_entitlements, "Wages, severance, social insurance and workers' entitlements",
     "Tiền lương, trợ cấp thôi việc, bảo hiểm xã hội và quyền lợi khác của người lao động"),
    (taxes, "Taxes", "Nợ thuế"),  // Art 101 c
    (other_debts, "Other debts", "Các khoản nợ khác"))  // Art 101 d

inline constexpr std::size_t claim_class_count = 4;

/// One creditor's claim.
struct Claim {
    ClaimClass priority = ClaimClass::other_debts;
    std::string creditor;
    Dong amount = 0;
};
BOOST_DESCRIBE_STRUCT(Claim, (), (priority, creditor, amount))

/// A member's capital contribution (vốn góp), which decides their share of the remainder.
struct CapitalHolder {
    std::string member;
    MemberKind kind = MemberKind::official;
    Dong capital = 0;
};
BOOST_DESCRIBE_STRUCT(CapitalHolder, (), (member, kind, capital))

/// What a dissolving organisation has and owes.
struct Estate {
    std::string organization;  // named in problems
    Dong assets = 0;           // what the assets realise, to be paid out in order
    Dong state_supported = 0;  // indivisible funds and assets formed from State support: to the State
    std::vector<Claim> claims;
    std::vector<CapitalHolder> members;
};
BOOST_DESCRIBE_STRUCT(Estate, (), (organization, assets, state_supported, claims, members))

struct ClassOutcome {
    ClaimClass priority = ClaimClass::other_debts;
    Dong claimed = 0;
    Dong paid = 0;
    Dong shortfall = 0;  // claimed − paid
};
BOOST_DESCRIBE_STRUCT(ClassOutcome, (), (priority, claimed, paid, shortfall))

struct ClaimOutcome {
    ClaimClass priority = ClaimClass::other_debts;
    std::string creditor;
    Dong claimed = 0;
    Dong paid = 0;
};
BOOST_DESCRIBE_STRUCT(ClaimOutcome, (), (priority, creditor, claimed, paid))

struct MemberOutcome {
    std::string member;
    MemberKind kind = MemberKind::official;
    Dong capital = 0;
    Dong paid = 0;
};
BOOST_DESCRIBE_STRUCT(MemberOutcome, (), (member, kind, capital, paid))

struct Distribution {
    std::vector<ClassOutcome> classes;   // the four classes, in the order of payment
    std::vector<ClaimOutcome> claims;    // in the order given
    std::vector<MemberOutcome> members;  // in the order given
    Dong to_members = 0;
    Dong to_state = 0;     // Estate::state_supported
    Dong unallocated = 0;  // a remainder left when no member holds capital
    Dong shortfall = 0;    // all claims unpaid, every class
    std::string legal_basis{asset_distribution_basis};
};
BOOST_DESCRIBE_STRUCT(Distribution, (), (classes, claims, members, to_members, to_state, unallocated, shortfall,
                                         legal_basis))

/// Problems with an estate: negative amounts, a non-capital associate holding capital, a member listed twice,
/// totals beyond 64 bits. Each names the organisation and the field path.
COOPECON_EXPORT Problems check(const Estate& e);

/// Pays the estate out in the order of Art 101. A class the assets cannot cover is paid pro rata to its claims
/// and its shortfall reported; later classes and the members then get nothing. Throws Error listing every
/// problem of check(estate).
COOPECON_EXPORT Distribution distribute_assets(const Estate& e);

}  // namespace coopecon::operations
