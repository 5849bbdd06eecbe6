#include <coopecon/operations/reorganization.hpp>

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/organization.hpp>
#include <coopecon/operations/asset_distribution.hpp>
#include <coopecon/operations/holdings.hpp>

#include <algorithm>
#include <limits>
#include <set>
#include <span>
#include <string_view>

namespace coopecon::operations {

namespace {

/// Collects input problems with the operation's field paths, and the pieces every form shares.
class Builder {
public:
    Builder(const Registry& reg, std::string_view form, Date completed_on)
        : reg_(reg), form_(form), on_(completed_on) {}

    Problems problems;
    Changes changes;

    void problem(ErrorCode code, std::string path, std::string org, std::string message) {
        auto p = Problem::at(code, std::move(message), std::move(path));
        p.organization = std::move(org);
        p.date = on_;
        problems.push_back(std::move(p));
    }
    /// A problem with what the law says a reorganisation is (row T15 of the transition table).
    void legal(std::string path, std::string org, std::string message) {
        problem(ErrorCode::rule_violation, std::move(path), std::move(org), std::move(message));
        problems.back().rule = "T15";
        problems.back().legal_basis = reg_.law().basis("T15", on_);
    }

    /// The index of a party, or a problem at `path`.
    std::optional<OrgIndex> party(const Party& p, const std::string& path) {
        const auto i = reg_.find(p.organization);
        if (!i) problem(ErrorCode::unknown_name, path + ".organization", p.organization, "no organization with this id");
        return i;
    }

    void dates(const std::optional<Date>& resolved_on) {
        if (resolved_on && on_ < *resolved_on)
            problem(ErrorCode::invalid_value, "completed_on", "",
                    "the " + std::string(form_) + " is completed on " + on_.iso() + ", before it was resolved on " +
                        resolved_on->iso());
    }

    void distinct(const std::vector<std::string>& ids, const std::string& path) {
        std::set<std::string_view> seen;
        for (std::size_t k = 0; k < ids.size(); ++k)
            if (!seen.insert(ids[k]).second)
                problem(ErrorCode::duplicate, path + "[" + std::to_string(k) + "]", ids[k],
                        ids[k] + " takes part twice in the " + std::string(form_));
    }

    Holdings holdings_of(OrgIndex i) {
        auto h = operations::holdings(reg_, i, on_);
        for (auto& p : h.problems) problems.push_back(std::move(p));
        return h;
    }

    /// The organisation record of a successor, checked at `path`.
    OrganizationRecord record(const NewOrganization& n, const Organization& first, OrgKind kind,
                              const std::string& path, std::set<std::string, std::less<>>& ids) {
        if (n.id.empty()) problem(ErrorCode::missing_field, path + ".id", n.id, "the new organization's id is empty");
        else if (reg_.find(n.id) || !ids.insert(n.id).second)
            problem(ErrorCode::duplicate, path + ".id", n.id, "organization id " + n.id + " is already used");
        if (n.name.empty()) problem(ErrorCode::missing_field, path + ".name", n.id, "the new organization's name is empty");
        if (n.registration_code.empty())
            problem(ErrorCode::missing_field, path + ".registration_code", n.id, "the new organization's registration code is empty");
        if (n.area && !reg_.areas().find(*n.area))
            problem(ErrorCode::unknown_name, path + ".area", n.id, "unknown area code " + *n.area);
        OrganizationRecord r;
        r.organization = {n.id, n.registration_code, n.name, kind, n.area.value_or(first.area),
                          n.sector.value_or(first.sector), std::nullopt, std::nullopt};
        return r;
    }

    void share(std::int64_t w, const std::string& path, const std::string& org) {
        if (w < 0) problem(ErrorCode::invalid_value, path, org, "share " + std::to_string(w) + " is negative");
    }
    void shares_total(std::span<const std::int64_t> weights, const std::string& path) {
        std::int64_t total = 0;
        for (auto w : weights)
            if (w > 0 && __builtin_add_overflow(total, w, &total)) {
                problem(ErrorCode::invalid_value, path, "", "the shares add up to more than 2^63 − 1");
                return;
            }
        if (total == 0) problem(ErrorCode::invalid_value, path, "", "the shares add up to 0");
    }

    /// Named members of `h` listed at `path`: each must be a member of `org` on the date and listed once.
    std::vector<NamedMembership> take(const Holdings& h, const std::vector<std::string>& ids, const std::string& path,
                                      const std::string& org, std::set<std::string, std::less<>>& taken) {
        std::vector<NamedMembership> out;
        for (std::size_t k = 0; k < ids.size(); ++k) {
            const auto at = path + "[" + std::to_string(k) + "]";
            const auto it = std::find_if(h.named.begin(), h.named.end(),
                                         [&](const NamedMembership& m) { return m.member.id == ids[k]; });
            if (it == h.named.end())
                problem(ErrorCode::unknown_name, at, org, "member " + ids[k] + " is not a member of " + org + " on " + on_.iso());
            else if (!taken.insert(ids[k]).second)
                problem(ErrorCode::duplicate, at, org, "member " + ids[k] + " is assigned twice");
            else out.push_back(*it);
        }
        return out;
    }

    // ---- events -------------------------------------------------------------------------------------------

    void append(const std::string& org, Date d, EventData e) { changes.appended.push_back({org, Event{d, std::move(e)}}); }

    static void join(std::vector<Event>& events, Date d, const std::vector<Cohort>& cohorts,
                     const std::vector<NamedMembership>& named) {
        for (const auto& c : cohorts)
            events.push_back({d, MembersJoined{c.kind, c.type, c.count, c.foreign_investors, c.capital}});
        for (const auto& m : named) events.push_back({d, MemberJoined{m.member.id, m.kind, m.capital}});
    }

    void leave(const std::string& org, const std::vector<Cohort>& cohorts, const std::vector<NamedMembership>& named) {
        for (const auto& c : cohorts)
            append(org, on_, MembersLeft{c.kind, c.type, c.count, c.foreign_investors, c.capital});
        for (const auto& m : named) append(org, on_, MemberLeft{m.member.id, MembershipEnd::other});
    }

    void capital(const std::string& org, Dong before, Dong after) {
        if (before != after) append(org, on_, CapitalChanged{after});
    }

    static std::optional<Dong> fund(Dong amount) { return amount != 0 ? std::optional<Dong>(amount) : std::nullopt; }

private:
    const Registry& reg_;
    std::string_view form_;
    Date on_;
};

std::vector<std::string> ids_of(const std::vector<Successor>& s) {
    std::vector<std::string> out;
    for (const auto& x : s) out.push_back(x.organization.id);
    return out;
}

/// Division and split-off: one predecessor, its parts by weights (part 0 stays with it for a split-off).
Changes divide_into(Registry& reg, const Party& party, const std::optional<Date>& resolved_on, Date on,
                    std::optional<std::int64_t> retained_share, const std::vector<Successor>& successors) {
    const bool splitting = retained_share.has_value();
    const auto form = splitting ? ReorganizationForm::split_off : ReorganizationForm::division;
    Builder b(reg, enum_name(form), on);
    b.dates(resolved_on);
    const auto minimum = splitting ? 1u : 2u;
    if (successors.size() < minimum)
        b.legal("successors", party.organization,
                  std::string(splitting ? "a split-off forms one or more" : "a division forms two or more") +
                      " new organizations; " + std::to_string(successors.size()) + " given");
    const auto index = b.party(party, "organization");
    if (!index) throw Error(std::move(b.problems));
    const auto& pred = reg.organization(*index);
    const auto kind = reg.state_at(*index, on).kind;
    const auto h = b.holdings_of(*index);

    std::vector<std::int64_t> weights;
    if (splitting) {
        b.share(*retained_share, "retained_share", pred.id);
        weights.push_back(*retained_share);
    }
    std::set<std::string, std::less<>> new_ids, taken;
    std::vector<std::vector<NamedMembership>> moving;
    for (std::size_t j = 0; j < successors.size(); ++j) {
        const auto at = "successors[" + std::to_string(j) + "]";
        b.changes.added.push_back(b.record(successors[j].organization, pred, kind, at + ".organization", new_ids));
        b.share(successors[j].share, at + ".share", successors[j].organization.id);
        weights.push_back(successors[j].share);
        moving.push_back(b.take(h, successors[j].members, at + ".members", pred.id, taken));
    }
    if (!splitting) {
        std::string left_behind;
        for (const auto& m : h.named)
            if (!taken.count(m.member.id)) left_behind += (left_behind.empty() ? "" : ", ") + m.member.id;
        if (!left_behind.empty())
            b.problem(ErrorCode::missing_field, "successors", pred.id,
                      "the organization ends, so every named member must go to a successor; not assigned: " + left_behind);
    }
    b.shares_total(weights, splitting ? "retained_share" : "successors");
    throw_if_any(std::move(b.problems));

    const auto offset = splitting ? 1u : 0u;
    const auto cohorts = split(h.cohorts, weights);
    const auto capital = apportion(h.charter_capital, weights);
    const auto fund = apportion(h.indivisible_fund, weights);
    const auto counterparts = ids_of(successors);

    if (resolved_on) b.append(pred.id, *resolved_on, ReorganizationStarted{form, counterparts, party.approval_percent});
    std::vector<std::vector<Cohort>> out;
    std::vector<NamedMembership> named_out;
    Dong fund_out = 0, capital_kept = splitting ? capital[0] : 0;
    for (std::size_t j = 0; j < successors.size(); ++j) {
        auto& r = b.changes.added[j];
        const auto k = j + offset;
        for (const auto& m : moving[j]) r.members.push_back(m.member);
        r.events.push_back({on, Registered{capital[k], form, {pred.id}, Builder::fund(fund[k])}});
        Builder::join(r.events, on, cohorts[k], moving[j]);
        out.push_back(cohorts[k]);
        named_out.insert(named_out.end(), moving[j].begin(), moving[j].end());
        fund_out += fund[k];
    }
    b.leave(pred.id, combine(out), named_out);
    b.capital(pred.id, h.charter_capital, capital_kept);
    b.append(pred.id, on, ReorganizationCompleted{form, counterparts, Builder::fund(fund_out)});
    return commit(reg, std::move(b.changes));
}

/// Consolidation and merger: every absorbed organisation ends and gives everything to one receiver, new
/// (consolidation) or existing (merger).
Changes combine_into(Registry& reg, std::string_view form_name, const std::vector<Party>& ending,
                     const std::string& ending_path, const std::optional<Party>& receiving,
                     const NewOrganization* successor, const std::optional<Date>& resolved_on, Date on) {
    Builder b(reg, form_name, on);
    b.dates(resolved_on);
    const auto ends = successor ? ReorganizationForm::consolidation : ReorganizationForm::merger_into;
    const std::size_t minimum = successor ? 2 : 1;
    if (ending.size() < minimum)
        b.legal(ending_path, "",
                  std::string(successor ? "a consolidation joins two or more" : "a merger absorbs one or more") +
                      " organizations; " + std::to_string(ending.size()) + " given");
    std::vector<std::string> ids;
    for (const auto& p : ending) ids.push_back(p.organization);
    b.distinct(ids, ending_path);
    if (receiving && std::find(ids.begin(), ids.end(), receiving->organization) != ids.end())
        b.problem(ErrorCode::duplicate, "receiving.organization", receiving->organization,
                  receiving->organization + " cannot absorb itself");
    std::vector<OrgIndex> indices;
    for (std::size_t k = 0; k < ending.size(); ++k)
        if (auto i = b.party(ending[k], ending_path + "[" + std::to_string(k) + "]")) indices.push_back(*i);
    std::optional<OrgIndex> receiver;
    if (receiving) receiver = b.party(*receiving, "receiving");
    throw_if_any(std::move(b.problems));

    const auto& first = reg.organization(indices.front());
    const auto kind = reg.state_at(indices.front(), on).kind;
    if (successor)
        for (std::size_t k = 1; k < indices.size(); ++k)
            if (const auto other = reg.state_at(indices[k], on).kind; other != kind)
                b.legal(ending_path + "[" + std::to_string(k) + "]", ending[k].organization,
                        "a consolidation forms one organization of the same kind; " + ending[k].organization + " is a " +
                            std::string(enum_name(other)) + ", " + first.id + " a " + std::string(enum_name(kind)));
    std::vector<Holdings> given;
    std::vector<std::vector<Cohort>> cohort_lists;
    std::vector<NamedMembership> named;
    std::set<std::string, std::less<>> named_ids;
    Dong capital = 0, fund = 0;
    std::int64_t members = 0;
    const Holdings kept = receiver ? b.holdings_of(*receiver) : Holdings{};
    for (const auto& m : kept.named) named_ids.insert(m.member.id);
    for (std::size_t k = 0; k < indices.size(); ++k) {
        given.push_back(b.holdings_of(indices[k]));
        const auto& h = given.back();
        cohort_lists.push_back(h.cohorts);
        for (const auto& c : h.cohorts) members += c.count;
        for (const auto& m : h.named) {
            if (!named_ids.insert(m.member.id).second)
                b.problem(ErrorCode::duplicate, ending_path + "[" + std::to_string(k) + "]", ending[k].organization,
                          "member " + m.member.id + " of " + ending[k].organization + " cannot move: the " +
                              (receiver ? "receiving organization" : "new organization") + " already has a member " +
                              m.member.id);
            named.push_back(m);
        }
        if (__builtin_add_overflow(capital, h.charter_capital, &capital) ||
            __builtin_add_overflow(fund, h.indivisible_fund, &fund))
            b.problem(ErrorCode::invalid_value, ending_path, "", "the charter capital or indivisible fund adds up to more than 2^63 − 1");
    }
    if (Dong sum = 0; __builtin_add_overflow(kept.charter_capital, capital, &sum))
        b.problem(ErrorCode::invalid_value, "receiving", "", "the charter capital adds up to more than 2^63 − 1");
    for (const auto& c : kept.cohorts) members += c.count;
    if (members > std::numeric_limits<std::int32_t>::max())
        b.problem(ErrorCode::invalid_value, ending_path, "", "the combined members exceed 2^31 − 1");
    std::set<std::string, std::less<>> new_ids;
    if (successor) b.changes.added.push_back(b.record(*successor, first, kind, "successor", new_ids));
    // A named member moving into the receiver's list must not clash with someone already listed there.
    std::vector<Member> listing;
    if (receiver)
        for (const auto& m : named) {
            const auto list = reg.members(*receiver);
            const auto it = std::find_if(list.begin(), list.end(), [&](const Member& x) { return x.id == m.member.id; });
            const bool same = it != list.end() && it->name == m.member.name && it->type == m.member.type &&
                              it->foreign_investor == m.member.foreign_investor && it->organization == m.member.organization;
            if (it == list.end()) listing.push_back(m.member);
            else if (!same)
                b.problem(ErrorCode::duplicate, "receiving", receiving->organization,
                          "member " + m.member.id + " cannot join " + receiving->organization +
                              ": its member list already has a different member with this id");
        }
    throw_if_any(std::move(b.problems));

    std::vector<std::string> all_ids;
    for (const auto& p : ending) all_ids.push_back(p.organization);
    const std::string target = successor ? successor->id : receiving->organization;
    if (resolved_on) {
        for (const auto& p : ending) {
            std::vector<std::string> others;
            for (const auto& id : all_ids)
                if (id != p.organization) others.push_back(id);
            if (successor) others.push_back(target);
            else others = {target};
            b.append(p.organization, *resolved_on, ReorganizationStarted{ends, others, p.approval_percent});
        }
        if (receiving)
            b.append(target, *resolved_on,
                     ReorganizationStarted{ReorganizationForm::merger_receiving, all_ids, receiving->approval_percent});
    }
    const auto joined = combine(cohort_lists);
    if (successor) {
        auto& r = b.changes.added.front();
        for (const auto& m : named) r.members.push_back(m.member);
        r.events.push_back({on, Registered{capital, ReorganizationForm::consolidation, all_ids, Builder::fund(fund)}});
        Builder::join(r.events, on, joined, named);
    }
    for (std::size_t k = 0; k < ending.size(); ++k) {
        const auto& id = ending[k].organization;
        const auto& h = given[k];
        b.leave(id, h.cohorts, h.named);
        b.capital(id, h.charter_capital, 0);
        std::vector<std::string> to{target};
        b.append(id, on, ReorganizationCompleted{ends, to, Builder::fund(h.indivisible_fund)});
    }
    if (receiving) {
        for (auto& m : listing) b.changes.listed.push_back({target, std::move(m)});
        std::vector<Event> events;
        Builder::join(events, on, joined, named);
        for (auto& e : events) b.changes.appended.push_back({target, std::move(e)});
        b.capital(target, kept.charter_capital, kept.charter_capital + capital);
        b.append(target, on, ReorganizationCompleted{ReorganizationForm::merger_receiving, all_ids, Builder::fund(fund)});
    }
    return commit(reg, std::move(b.changes));
}

}  // namespace

Changes divide(Registry& reg, const Division& d) {
    return divide_into(reg, d.organization, d.resolved_on, d.completed_on, std::nullopt, d.successors);
}

Changes split_off(Registry& reg, const SplitOff& s) {
    return divide_into(reg, s.organization, s.resolved_on, s.completed_on, s.retained_share, s.successors);
}

Changes consolidate(Registry& reg, const Consolidation& c) {
    return combine_into(reg, "consolidation", c.organizations, "organizations", std::nullopt, &c.successor,
                        c.resolved_on, c.completed_on);
}

Changes merge(Registry& reg, const Merger& m) {
    return combine_into(reg, "merger", m.absorbed, "absorbed", m.receiving, nullptr, m.resolved_on, m.completed_on);
}

}  // namespace coopecon::operations
