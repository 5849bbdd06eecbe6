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
#include <coopecon/core/money.hpp>
#include <coopecon/model/member.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace coopecon::operations {

/// The legal basis of the order, quoted in results.
inline constexpr std::string_view asset_distribution_basis = "Law 17/2023/QH15 Art 101";

/// Splits `total` (>= 0) in proportion to `weights` (>= 0, not all 0 unless `total` is 0) by the largest-remainder
/// method: each part gets the whole part of its quota, then the units left go to the largest remainders, equal
/// remainders to the lower index. The parts add up to `total` exactly; the arithmetic is exact.
inline std::vector<std::int64_t> apportion(std::int64_t total, std::span<const std::int64_t> weights) {
    __extension__ typedef __int128 wide;  // products of amounts and weights exceed 64 bits
    std::vector<std::int64_t> parts(weights.size(), 0);
    if (total < 0) throw Error(ErrorCode::invalid_value, "cannot apportion a negative amount " + std::to_string(total));
    wide sum = 0;
    for (const auto w : weights) {
        if (w < 0) throw Error(ErrorCode::invalid_value, "cannot apportion by a negative weight " + std::to_string(w));
        sum += w;
    }
    if (total == 0) return parts;
    if (sum == 0) throw Error(ErrorCode::invalid_value, "cannot apportion " + std::to_string(total) + " by weights that are all 0");
    std::vector<wide> remainder(weights.size());
    std::int64_t given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const wide exact = static_cast<wide>(total) * weights[i];
        parts[i] = static_cast<std::int64_t>(exact / sum);
        remainder[i] = exact % sum;
        given += parts[i];
    }
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    for (std::size_t k = 0; given < total; ++k, ++given) ++parts[order[k]];
    return parts;
}

/// The priority classes of Art 101, in the order they are paid.
enum class ClaimClass : std::uint8_t {
    dissolution_costs,    // chi phí giải thể (Art 101 a)
    worker_entitlements,  // tiền lương, trợ cấp thôi việc, bảo hiểm xã hội và quyền lợi khác của người lao động (b)
    taxes,                // nợ thuế (c)
    other_debts,          // các khoản nợ khác (d)
};
BOOST_DESCRIBE_ENUM(ClaimClass, dissolution_costs, worker_entitlements, taxes, other_debts)

constexpr Label label(ClaimClass c) noexcept {
    switch (c) {
        case ClaimClass::dissolution_costs: return {"Dissolution costs", "Chi phí giải thể"};
        case ClaimClass::worker_entitlements:
            return {"Wages, severance, social insurance and workers' entitlements",
                    "Tiền lương, trợ cấp thôi việc, bảo hiểm xã hội và quyền lợi khác của người lao động"};
        case ClaimClass::taxes: return {"Taxes", "Nợ thuế"};
        case ClaimClass::other_debts: return {"Other debts", "Các khoản nợ khác"};
    }
    return {"?", "?"};
}

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
inline Problems check(const Estate& e) {
    Problems out;
    auto problem = [&](ErrorCode code, std::string path, std::string message) {
        auto p = Problem::at(code, std::move(message), std::move(path));
        p.organization = e.organization;
        p.legal_basis = std::string(asset_distribution_basis);
        out.push_back(std::move(p));
    };
    if (e.assets < 0) problem(ErrorCode::invalid_value, "assets", "assets " + std::to_string(e.assets) + " is negative");
    if (e.state_supported < 0)
        problem(ErrorCode::invalid_value, "state_supported", "state_supported " + std::to_string(e.state_supported) + " is negative");
    Dong sum = 0;
    bool overflow = false;
    for (std::size_t i = 0; i < e.claims.size(); ++i) {
        const auto& c = e.claims[i];
        if (c.amount < 0)
            problem(ErrorCode::invalid_value, "claims[" + std::to_string(i) + "].amount",
                    "the claim of " + c.creditor + " is negative (" + std::to_string(c.amount) + ")");
        else overflow = overflow || __builtin_add_overflow(sum, c.amount, &sum);
    }
    if (overflow) problem(ErrorCode::invalid_value, "claims", "the claims add up to more than 2^63 − 1 đồng");
    std::set<std::string_view> ids;
    sum = 0;
    overflow = false;
    for (std::size_t i = 0; i < e.members.size(); ++i) {
        const auto& m = e.members[i];
        const std::string at = "members[" + std::to_string(i) + "]";
        if (m.member.empty()) problem(ErrorCode::missing_field, at + ".member", "member id is empty");
        else if (!ids.insert(m.member).second)
            problem(ErrorCode::duplicate, at + ".member", "member " + m.member + " is listed twice");
        if (m.capital < 0)
            problem(ErrorCode::invalid_value, at + ".capital",
                    "the capital of member " + m.member + " is negative (" + std::to_string(m.capital) + ")");
        else if (m.kind == MemberKind::non_capital_associate && m.capital > 0)
            problem(ErrorCode::invalid_value, at + ".capital",
                    "member " + m.member + " is a non-capital associate and contributes no capital (Law 17/2023/QH15 "
                    "Art 4.19), so shares no remainder; capital " + std::to_string(m.capital) + " given");
        else overflow = overflow || __builtin_add_overflow(sum, m.capital, &sum);
    }
    if (overflow) problem(ErrorCode::invalid_value, "members", "the members' capital adds up to more than 2^63 − 1 đồng");
    return out;
}

/// Pays the estate out in the order of Art 101. A class the assets cannot cover is paid pro rata to its claims
/// and its shortfall reported; later classes and the members then get nothing. Throws Error listing every
/// problem of check(estate).
inline Distribution distribute_assets(const Estate& e) {
    throw_if_any(check(e));
    Distribution d;
    d.to_state = e.state_supported;
    d.claims.reserve(e.claims.size());
    for (const auto& c : e.claims) d.claims.push_back({c.priority, c.creditor, c.amount, 0});
    Dong left = e.assets;
    for (std::size_t k = 0; k < claim_class_count; ++k) {
        const auto cls = static_cast<ClaimClass>(k);
        std::vector<std::size_t> in_class;
        std::vector<std::int64_t> amounts;
        Dong claimed = 0;
        for (std::size_t i = 0; i < e.claims.size(); ++i)
            if (e.claims[i].priority == cls) {
                in_class.push_back(i);
                amounts.push_back(e.claims[i].amount);
                claimed += e.claims[i].amount;
            }
        const Dong paid = std::min(claimed, left);
        const auto parts = paid == claimed ? amounts : apportion(paid, amounts);
        for (std::size_t j = 0; j < in_class.size(); ++j) d.claims[in_class[j]].paid = parts[j];
        d.classes.push_back({cls, claimed, paid, claimed - paid});
        d.shortfall += claimed - paid;
        left -= paid;
    }
    std::vector<std::int64_t> capital;
    for (const auto& m : e.members) capital.push_back(m.capital);
    const bool any_capital = std::any_of(capital.begin(), capital.end(), [](std::int64_t c) { return c > 0; });
    const auto shares = any_capital ? apportion(left, capital) : std::vector<std::int64_t>(capital.size(), 0);
    for (std::size_t i = 0; i < e.members.size(); ++i)
        d.members.push_back({e.members[i].member, e.members[i].kind, e.members[i].capital, shares[i]});
    d.to_members = any_capital ? left : 0;
    d.unallocated = any_capital ? 0 : left;
    return d;
}

}  // namespace coopecon::operations
