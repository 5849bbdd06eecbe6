#include <coopecon/operations/asset_distribution.hpp>

#include <algorithm>
#include <numeric>
#include <set>

namespace coopecon::operations {

std::vector<std::int64_t> apportion(std::int64_t total, std::span<const std::int64_t> weights) {
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

Problems check(const Estate& e) {
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

Distribution distribute_assets(const Estate& e) {
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
