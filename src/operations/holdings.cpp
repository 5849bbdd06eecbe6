#include <coopecon/operations/holdings.hpp>

#include <coopecon/core/enum_text.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/operations/asset_distribution.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <type_traits>

namespace coopecon::operations {

Holdings holdings(const Registry& reg, OrgIndex i, Date at) {
    constexpr std::size_t kinds = 3, types = 4;
    std::array<Cohort, kinds * types> cells{};
    for (std::size_t k = 0; k < kinds; ++k)
        for (std::size_t t = 0; t < types; ++t)
            cells[k * types + t] = {static_cast<MemberKind>(k), static_cast<MemberType>(t), 0, 0, 0};
    const auto list = reg.members(i);
    std::vector<std::pair<bool, NamedMembership>> named(list.size());
    auto slot = [&](const std::string& id) -> auto& {
        const auto it = std::find_if(list.begin(), list.end(), [&](const Member& m) { return m.id == id; });
        return named[static_cast<std::size_t>(it - list.begin())];
    };
    reg.log(i).replay_until(at, [&](Date, const auto& p) {
        using P = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<P, MembersJoined> || std::is_same_v<P, MembersLeft>) {
            const int sign = std::is_same_v<P, MembersJoined> ? 1 : -1;
            auto& c = cells[static_cast<std::size_t>(p.kind) * types + static_cast<std::size_t>(p.member_type)];
            c.count += sign * p.count;
            c.foreign_investors += sign * p.foreign_investors;
            c.capital += sign * p.capital;
        } else if constexpr (std::is_same_v<P, MemberJoined>) {
            auto& s = slot(p.member);
            s = {true, {{}, p.kind, p.capital}};
        } else if constexpr (std::is_same_v<P, MemberLeft>) {
            slot(p.member).first = false;
        }
    });
    Holdings h;
    const auto& id = reg.organization(i).id;
    for (const auto& c : cells) {
        if (c.count < 0 || c.foreign_investors < 0 || c.capital < 0 || c.foreign_investors > c.count) {
            auto p = Problem::at(ErrorCode::integrity,
                                 "the " + std::string(enum_name(c.kind)) + " " + std::string(enum_name(c.type)) +
                                     " members of " + id + " cannot be carried: on " + at.iso() + " its history leaves " +
                                     std::to_string(c.count) + " of them with " + std::to_string(c.foreign_investors) +
                                     " foreign investors and capital " + std::to_string(c.capital));
            p.organization = id;
            p.date = at;
            p.rule = "integrity.member_cohorts";
            h.problems.push_back(std::move(p));
        } else if (c.count > 0) {
            h.cohorts.push_back(c);
        }
    }
    for (std::size_t m = 0; m < named.size(); ++m)
        if (named[m].first) {
            named[m].second.member = list[m];
            h.named.push_back(std::move(named[m].second));
        }
    const auto state = reg.state_at(i, at);
    h.charter_capital = state.charter_capital;
    h.indivisible_fund = state.indivisible_fund;
    return h;
}

std::vector<std::vector<Cohort>> split(const std::vector<Cohort>& cohorts, std::span<const std::int64_t> weights) {
    std::vector<std::vector<Cohort>> parts(weights.size());
    for (const auto& c : cohorts) {
        const auto counts = apportion(c.count, weights);
        const auto foreign = apportion(c.foreign_investors, counts);
        const auto capital = apportion(c.capital, counts);
        for (std::size_t j = 0; j < weights.size(); ++j)
            if (counts[j] > 0)
                parts[j].push_back({c.kind, c.type, static_cast<std::int32_t>(counts[j]),
                                    static_cast<std::int32_t>(foreign[j]), capital[j]});
    }
    return parts;
}

std::vector<Cohort> combine(const std::vector<std::vector<Cohort>>& lists) {
    std::vector<Cohort> out;
    for (const auto& list : lists)
        for (const auto& c : list) {
            auto it = std::find_if(out.begin(), out.end(), [&](const Cohort& o) { return o.kind == c.kind && o.type == c.type; });
            if (it == out.end()) out.push_back(c);
            else {
                it->count += c.count;
                it->foreign_investors += c.foreign_investors;
                it->capital += c.capital;
            }
        }
    std::sort(out.begin(), out.end(), [](const Cohort& a, const Cohort& b) {
        return a.kind != b.kind ? a.kind < b.kind : a.type < b.type;
    });
    return out;
}

}  // namespace coopecon::operations
