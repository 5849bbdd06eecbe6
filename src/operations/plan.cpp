#include <coopecon/operations/plan.hpp>

#include "operations/recording.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/history/replay.hpp>
#include <coopecon/model/event.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string_view>
#include <utility>

namespace coopecon::operations {

namespace {

/// Calls f(id) for every organisation an event refers to: predecessors and counterparts.
template <class F>
void for_each_reference(const Event& e, F&& f) {
    if (const auto* r = e.get<Registered>())
        for (const auto& id : r->predecessors) f(id);
    if (const auto* s = e.get<ReorganizationStarted>())
        for (const auto& id : s->counterparts) f(id);
    if (const auto* c = e.get<ReorganizationCompleted>())
        for (const auto& id : c->counterparts) f(id);
}

/// Replays `history` (stable-sorted by date, as the registry does) through the validating path; the first
/// refusal, with the organisation named, or nothing.
std::optional<Problem> replay_problem(const Organization& org, std::span<const Member> members,
                                      std::vector<Event> history, const law::Framework& law) {
    std::stable_sort(history.begin(), history.end(), [](const Event& a, const Event& b) { return a.date < b.date; });
    Replay replay(org, members, law);
    for (const auto& e : history)
        if (auto problem = replay.step(e, law)) {
            problem->organization = org.id;
            return problem;
        }
    return std::nullopt;
}

}  // namespace

Problems check(const Registry& reg, const Changes& changes) {
    Problems problems;
    auto problem = [&](ErrorCode code, const std::string& org, std::string path, std::string message) {
        auto p = Problem::at(code, std::move(message), std::move(path));
        p.organization = org;
        problems.push_back(std::move(p));
    };
    std::set<std::string, std::less<>> new_ids;
    for (std::size_t i = 0; i < changes.added.size(); ++i) {
        const auto& r = changes.added[i];
        const auto& o = r.organization;
        const std::string at = "added[" + std::to_string(i) + "]";
        if (o.id.empty()) problem(ErrorCode::missing_field, o.id, at + ".id", "the organization id is empty");
        else if (reg.find(o.id) || !new_ids.insert(o.id).second)
            problem(ErrorCode::duplicate, o.id, at + ".id", "organization id " + o.id + " is already used");
        if (o.name.empty()) problem(ErrorCode::missing_field, o.id, at + ".name", "the organization name is empty");
        if (!reg.areas().find(o.area)) problem(ErrorCode::unknown_name, o.id, at + ".area", "unknown area code " + o.area);
        std::set<std::string_view> member_ids;
        for (const auto& m : r.members)
            if (m.id.empty() || !member_ids.insert(m.id).second)
                problem(ErrorCode::duplicate, o.id, at + ".members", "member id " + m.id + " is empty or appears twice");
        if (auto p = replay_problem(o, r.members, r.events, reg.law())) problems.push_back(std::move(*p));
    }
    auto references = [&](const std::string& org, const Event& e) {
        for_each_reference(e, [&](const std::string& ref) {
            if (!reg.find(ref) && !new_ids.count(ref))
                problem(ErrorCode::unknown_name, org, "", "no organization with id " + ref);
        });
    };
    for (const auto& r : changes.added)
        for (const auto& e : r.events) references(r.organization.id, e);

    std::map<OrgIndex, std::vector<Member>> lists;
    for (const auto& l : changes.listed) {
        const auto i = reg.find(l.organization);
        if (!i) {
            problem(ErrorCode::unknown_name, l.organization, "", "no organization with this id");
            continue;
        }
        auto [it, fresh] = lists.try_emplace(*i);
        if (fresh) it->second.assign(reg.members(*i).begin(), reg.members(*i).end());
        auto& list = it->second;
        if (l.member.id.empty() ||
            std::any_of(list.begin(), list.end(), [&](const Member& m) { return m.id == l.member.id; }))
            problem(ErrorCode::duplicate, l.organization, "", "member " + l.member.id + " is already in the member list");
        else list.push_back(l.member);
    }

    std::map<OrgIndex, std::vector<Event>> histories;
    for (const auto& a : changes.appended) {
        const auto i = reg.find(a.organization);
        if (!i) {
            problem(ErrorCode::unknown_name, a.organization, "", "no organization with this id");
            continue;
        }
        auto [it, fresh] = histories.try_emplace(*i);
        if (fresh) it->second = reg.events(*i);
        it->second.push_back(a.event);
        references(a.organization, a.event);
    }
    for (auto& [i, history] : histories) {
        const auto listed = lists.find(i);
        const auto members = listed != lists.end() ? std::span<const Member>(listed->second) : reg.members(i);
        if (auto p = replay_problem(reg.organization(i), members, std::move(history), reg.law()))
            problems.push_back(std::move(*p));
    }
    // What holds across organisations (the two sides of a reorganisation, what passes between them) is judged
    // by the registry itself, on the whole change.
    if (problems.empty()) problems = reg.problems_of(changes.added, changes.listed, changes.appended);
    return problems;
}

Changes commit(Registry& reg, Changes changes) {
    throw_if_any(check(reg, changes));
    reg.record(changes.added, changes.listed, changes.appended);
    return changes;
}

namespace detail {

Problem input_problem(const Registry& reg, ErrorCode code, const std::string& org, std::string path,
                      EventType event, Date on, std::string rule, std::string message) {
    auto p = Problem::at(code, std::move(message), std::move(path));
    p.organization = org;
    p.event = std::string(enum_name(event));
    p.date = on;
    if (!rule.empty()) {
        p.legal_basis = reg.law().basis(rule, on);
        p.rule = std::move(rule);
    }
    return p;
}

Changes record(Registry& reg, const std::string& org, std::vector<Event> events) {
    Changes c;
    for (auto& e : events) c.appended.push_back({org, std::move(e)});
    return commit(reg, std::move(c));
}

}  // namespace detail

}  // namespace coopecon::operations
