#include <coopecon/registry/registry.hpp>

#include "history/replay_effects.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <type_traits>
#include <utility>

namespace coopecon {

namespace {

/// An organisation being added or changed, until its history is validated.
struct Staged {
    Organization org;
    std::vector<Member> members;
    EncodedEvents log;
    AreaIndex area = no_index;
};

void check_identity(const Registry& reg, const OrganizationRecord& r, const std::string& where,
                    std::unordered_map<std::string, std::size_t>& batch_ids, std::size_t i, Problems& problems) {
    const auto& o = r.organization;
    auto problem = [&](ErrorCode code, std::string field, std::string message) {
        auto p = Problem::at(code, std::move(message));
        p.path = where + (field.empty() ? "" : "." + field);
        p.organization = o.id;
        problems.push_back(std::move(p));
    };
    if (o.id.empty()) problem(ErrorCode::missing_field, "id", "the organization id is empty");
    else if (reg.find(o.id) || !batch_ids.emplace(o.id, i).second)
        problem(ErrorCode::duplicate, "id", "organization id " + o.id + " is already used");
    if (o.name.empty()) problem(ErrorCode::missing_field, "name", "the organization name is empty");
    if (!reg.areas().find(o.area)) problem(ErrorCode::unknown_name, "area", "unknown area code " + o.area);
    if (o.history_from && o.data_until && *o.data_until < *o.history_from)
        problem(ErrorCode::invalid_value, "data_until",
                "data_until " + o.data_until->iso() + " is before history_from " + o.history_from->iso());
    std::set<std::string_view> member_ids;
    for (std::size_t m = 0; m < r.members.size(); ++m) {
        const auto& id = r.members[m].id;
        const std::string field = "members[" + std::to_string(m) + "].id";
        if (id.empty()) problem(ErrorCode::missing_field, field, "member id is empty");
        else if (!member_ids.insert(id).second) problem(ErrorCode::duplicate, field, "member id " + id + " appears twice");
    }
}

/// Replays `history` (stable-sorted by date) through the validating path into s.log. Problems carry the
/// organisation and the path of the event in the caller's input (`paths[j]`, or where.events[j]).
void validate_history(const law::Framework& law, Staged& s, std::vector<Event> history, const std::string& where,
                      const std::vector<std::string>& paths, Problems& problems) {
    std::vector<std::size_t> order(history.size());
    for (std::size_t j = 0; j < order.size(); ++j) order[j] = j;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return history[a].date < history[b].date; });
    if (history.empty()) {
        auto p = Problem::at(ErrorCode::missing_field, "the organization has no events; its history starts with registered");
        p.path = where + ".events";
        p.organization = s.org.id;
        problems.push_back(std::move(p));
        return;
    }
    Replay replay(s.org, s.members, law);
    for (std::size_t j : order) {
        if (auto problem = replay.step(history[j], law)) {
            problem->organization = s.org.id;
            problem->path = paths.empty() ? where + ".events[" + std::to_string(j) + "]" : paths[j];
            problems.push_back(std::move(*problem));
            return;  // later events would be judged against a state that never existed
        }
    }
    for (std::size_t j : order) s.log.push_back(history[j]);
}

template <class Payload, class F>
void for_each_reference(const Payload& p, F&& f) {
    if constexpr (std::is_same_v<Payload, Registered>)
        for (const auto& r : p.predecessors) f(r);
    else if constexpr (std::is_same_v<Payload, ReorganizationStarted> ||
                       std::is_same_v<Payload, ReorganizationCompleted>)
        for (const auto& r : p.counterparts) f(r);
}

/// Predecessors and counterparts must name organisations of the registry or of the same batch.
void check_references(const Registry& reg, const Staged& s, const std::string& where,
                      const std::unordered_map<std::string, std::size_t>* batch_ids, Problems& problems) {
    s.log.view().replay_until(Date::max(), [&](Date d, const auto& p) {
        for_each_reference(p, [&](const std::string& ref) {
            if (reg.find(ref) || (batch_ids && batch_ids->count(ref))) return;
            auto pr = Problem::at(ErrorCode::unknown_name, "no organization with id " + ref);
            pr.organization = s.org.id;
            pr.date = d;
            pr.path = where;
            problems.push_back(std::move(pr));
        });
    });
}

}  // namespace

Registry::Registry(std::shared_ptr<const law::Framework> law, std::shared_ptr<const AreaCatalog> areas)
    : law_(std::move(law)), areas_(std::move(areas)) {
    if (!law_ || !areas_) throw Error(ErrorCode::usage, "a registry needs a legal framework and an area catalogue");
}

void Registry::reserve(std::size_t n) {
    rows_.reserve(n);
    orgs_.reserve(n);
    members_.reserve(n);
    by_id_.reserve(n);
}

std::optional<OrgIndex> Registry::find(std::string_view id) const {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return std::nullopt;
    return it->second;
}

OrgIndex Registry::index_of(std::string_view id) const {
    if (auto i = find(id)) return *i;
    auto p = Problem::at(ErrorCode::unknown_name, "no organization with this id");
    p.organization = std::string(id);
    throw Error(std::move(p));
}

void Registry::add(std::vector<OrganizationRecord> records) {
    Problems problems;
    std::vector<Staged> staged;
    staged.reserve(records.size());
    std::unordered_map<std::string, std::size_t> batch_ids;
    for (std::size_t i = 0; i < records.size(); ++i) {
        auto& r = records[i];
        const std::string where = "organizations[" + std::to_string(i) + "]";
        const auto before = problems.size();
        check_identity(*this, r, where, batch_ids, i, problems);
        if (problems.size() == before) {
            const AreaIndex area = *areas_->find(r.organization.area);  // before r.organization is moved from
            Staged s{std::move(r.organization), std::move(r.members), {}, area};
            validate_history(*law_, s, std::move(r.events), where, {}, problems);
            staged.push_back(std::move(s));
        } else {
            staged.emplace_back();
        }
    }
    // Records refused above have empty logs: only valid histories are checked for references.
    for (std::size_t i = 0; i < staged.size(); ++i)
        check_references(*this, staged[i], "organizations[" + std::to_string(i) + "]", &batch_ids, problems);
    throw_if_any(std::move(problems));
    // Everything that may fail comes before the first change, and is undone when it fails. Geometric growth:
    // many small batches stay linear overall.
    if (rows_.size() + staged.size() > rows_.capacity())
        reserve(std::max(rows_.size() + staged.size(), 2 * rows_.capacity()));
    const auto mark = events_store_.mark();
    const auto first = rows_.size();
    std::vector<EventStore::Entry> entries;
    std::size_t indexed = 0;
    try {
        entries.reserve(staged.size());
        for (const auto& s : staged) entries.push_back(events_store_.store(s.log.view()));
        for (; indexed < staged.size(); ++indexed)
            by_id_.emplace(staged[indexed].org.id, static_cast<OrgIndex>(first + indexed));
    } catch (...) {
        for (std::size_t k = 0; k < indexed; ++k) by_id_.erase(staged[k].org.id);
        events_store_.rollback(mark);
        throw;
    }
    for (std::size_t k = 0; k < staged.size(); ++k) {
        auto& s = staged[k];
        events_ += entries[k].count;
        rows_.push_back(OrgRow{entries[k], s.area, s.org.kind, s.org.sector});
        orgs_.push_back(std::move(s.org));
        members_.push_back(std::move(s.members));
    }
}

void Registry::add(OrganizationRecord record) {
    std::vector<OrganizationRecord> one;
    one.push_back(std::move(record));
    add(std::move(one));
}

void Registry::add_member(std::string_view org_id, Member m) {
    auto& members = members_[index_of(org_id)];
    Problem p;
    p.organization = std::string(org_id);
    if (m.id.empty()) {
        p.code = ErrorCode::missing_field;
        p.message = "member id is empty";
        throw Error(std::move(p));
    }
    if (std::any_of(members.begin(), members.end(), [&](const Member& x) { return x.id == m.id; })) {
        p.code = ErrorCode::duplicate;
        p.message = "member " + m.id + " is already in the member list";
        throw Error(std::move(p));
    }
    members.push_back(std::move(m));
}

void Registry::append(std::string_view org_id, Event e) {
    append(std::vector<Append>{Append{std::string(org_id), std::move(e)}});
}

void Registry::append(std::vector<Append> batch) {
    Problems problems;
    std::map<OrgIndex, std::vector<std::pair<std::size_t, Event>>> by_org;
    for (std::size_t k = 0; k < batch.size(); ++k) {
        if (auto i = find(batch[k].organization))
            by_org[*i].emplace_back(k, std::move(batch[k].event));
        else {
            auto p = Problem::at(ErrorCode::unknown_name, "no organization with this id");
            p.organization = batch[k].organization;
            if (batch.size() > 1) p.path = "[" + std::to_string(k) + "]";
            problems.push_back(std::move(p));
        }
    }
    std::vector<std::pair<OrgIndex, EncodedEvents>> rebuilt;
    for (auto& [index, added] : by_org) {
        auto history = log(index).decode();
        // Problems in a batch point at the batch entry; a single append needs no path.
        std::vector<std::string> paths(history.size(), "(recorded)");
        for (auto& [k, e] : added) {
            history.push_back(std::move(e));
            paths.push_back(batch.size() > 1 ? "[" + std::to_string(k) + "]" : "");
        }
        Staged s{orgs_[index], members_[index], {}, rows_[index].area};
        validate_history(*law_, s, std::move(history), "", paths, problems);
        check_references(*this, s, "", nullptr, problems);
        rebuilt.emplace_back(index, std::move(s.log));
    }
    throw_if_any(std::move(problems));
    // A changed history is stored again at the end; compacting first keeps the dead bytes below the live.
    std::size_t replaced = 0;
    for (const auto& [index, encoded] : rebuilt) replaced += rows_[index].log.bytes;
    if (events_store_.dead_bytes() + replaced > events_store_.live_bytes()) compact_events();
    const auto mark = events_store_.mark();
    std::vector<EventStore::Entry> entries;
    try {
        entries.reserve(rebuilt.size());
        for (const auto& [index, encoded] : rebuilt) entries.push_back(events_store_.store(encoded.view()));
    } catch (...) {
        events_store_.rollback(mark);
        throw;
    }
    for (std::size_t k = 0; k < rebuilt.size(); ++k) {
        auto& row = rows_[rebuilt[k].first];
        events_ = events_ - row.log.count + entries[k].count;
        events_store_.release(row.log);
        row.log = entries[k];
    }
}

OrgState Registry::state_at(OrgIndex i, Date date) const {
    const auto& row = rows_.at(i);
    Replay r(row.kind, members_[i], *law_);
    events_store_.view(row.log).replay_until(date, [&](Date d, const auto& p) { detail::apply_event(r, d, p); });
    r.settle(date);
    return r.state();
}

OrgState Registry::state_at(std::string_view id, Date date) const { return state_at(index_of(id), date); }

Date Registry::data_as_of() const noexcept {
    if (info_.as_of) return *info_.as_of;
    Date latest = Date::min();
    for (OrgIndex i = 0; i < size(); ++i)
        if (!log(i).empty()) latest = std::max(latest, log(i).last_date());
    return latest;
}

std::optional<Date> Registry::history_from(OrgIndex i) const {
    const auto& own = organization(i).history_from;
    return own ? own : info_.history_from;
}

std::size_t Registry::memory_bytes() const noexcept {
    auto heap = [](const std::string& s) { return s.capacity() > std::string().capacity() ? s.capacity() + 1 : 0; };
    std::size_t n = rows_.capacity() * sizeof(OrgRow) + orgs_.capacity() * sizeof(Organization) +
                    members_.capacity() * sizeof(members_[0]) + events_store_.capacity_bytes();
    for (const auto& o : orgs_) n += heap(o.id) + heap(o.registration_code) + heap(o.name) + heap(o.area);
    for (const auto& members : members_) {
        n += members.capacity() * sizeof(Member);
        for (const auto& m : members) n += heap(m.id) + heap(m.name) + (m.organization ? heap(*m.organization) : 0);
    }
    // A node holds the key, the index, the link to the next node and the cached hash.
    n += by_id_.bucket_count() * sizeof(void*) +
         by_id_.size() * (sizeof(std::pair<const std::string, OrgIndex>) + 2 * sizeof(void*));
    for (const auto& [id, index] : by_id_) n += heap(id);
    return n;
}

void Registry::compact_events() {
    EventStore fresh;
    std::vector<EventStore::Entry> moved;
    moved.reserve(rows_.size());
    for (const auto& row : rows_) moved.push_back(fresh.store(events_store_.view(row.log)));
    for (std::size_t i = 0; i < rows_.size(); ++i) rows_[i].log = moved[i];
    events_store_ = std::move(fresh);
}

}  // namespace coopecon
