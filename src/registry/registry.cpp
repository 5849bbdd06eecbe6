#include <coopecon/registry/registry.hpp>

#include "history/replay_effects.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/history/replayable.hpp>

#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <type_traits>
#include <utility>

namespace coopecon {

namespace {

/// An organisation another one's event names (a predecessor or a counterpart), where it is named.
struct Reference {
    std::string id;
    std::string path;  // e.g. organizations[3].events[2].counterparts[0]
    EventType event;
    Date date;
};

/// An organisation being added or changed, until its history is validated.
struct Staged {
    Organization org;
    std::vector<Member> members;
    EncodedEvents log;
    AreaIndex area = no_index;
    std::vector<Reference> references;  // of the events given, in the order given
    std::optional<Date> registered_on;  // once the history is valid
};

void check_identity(const Registry& reg, const OrganizationRecord& r, const std::function<std::string()>& where,
                    std::unordered_map<std::string, std::size_t>& batch_ids, std::size_t i, Problems& problems) {
    const auto& o = r.organization;
    auto problem = [&](ErrorCode code, std::string field, std::string message) {
        auto p = Problem::at(code, std::move(message));
        p.path = where() + (field.empty() ? "" : "." + field);
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
        const auto field = [m] { return std::string("members[").append(std::to_string(m)).append("].id"); };
        if (id.empty()) problem(ErrorCode::missing_field, field(), "member id is empty");
        else if (!member_ids.insert(id).second)
            problem(ErrorCode::duplicate, field(), "member id " + id + " appears twice");
    }
}

/// Calls f(id, "predecessors[k]") for every organisation an event names.
template <class F>
void for_each_reference(const Event& e, F&& f) {
    auto each = [&](const std::vector<std::string>& ids, const char* field) {
        for (std::size_t k = 0; k < ids.size(); ++k) f(ids[k], std::string(field) + "[" + std::to_string(k) + "]");
    };
    if (const auto* r = e.get<Registered>()) each(r->predecessors, "predecessors");
    if (const auto* r = e.get<ReorganizationStarted>()) each(r->counterparts, "counterparts");
    if (const auto* r = e.get<ReorganizationCompleted>()) each(r->counterparts, "counterparts");
}

/// A history has one registration. When it has more, the one given later is the offending one, whatever its
/// date: a back-dated second registration is refused, not the registration the history starts with.
template <class PathOf>
std::optional<Problem> second_registration(const std::vector<Event>& history, PathOf&& path_of) {
    std::optional<std::size_t> first;
    for (std::size_t j = 0; j < history.size(); ++j) {
        if (history[j].type() != EventType::registered) continue;
        if (!first) {
            first = j;
            continue;
        }
        Problem p;
        p.code = ErrorCode::integrity;
        p.rule = "integrity.single_registration";
        p.event = std::string(enum_name(EventType::registered));
        p.date = history[j].date;
        p.path = path_of(j);
        const std::string first_path = path_of(*first);
        std::string where_first;  // appended, not concatenated: g++ 12 warns falsely (-Wrestrict) on the latter
        if (!first_path.empty() && first_path != "(recorded)") where_first.append(" (").append(first_path).append(")");
        p.message = "a second registration: the organization is registered on " + history[*first].date.iso() +
                    where_first +
                    ", and a history has one registered event";
        return p;
    }
    return std::nullopt;
}

/// Replays `history` (stable-sorted by date) through the validating path into s.log, and notes the organisations
/// its events name (s.references; events already recorded are not noted again). Problems carry the
/// organisation and the path of the event in the caller's input (`paths[j]`, or where.events[j]). The paths are
/// written only for problems and references: a valid history of a large batch costs no string per event.
void validate_history(const law::Framework& law, Staged& s, std::vector<Event> history,
                      const std::function<std::string()>& where, std::vector<std::string> paths, Problems& problems) {
    if (history.empty()) {
        auto p = Problem::at(ErrorCode::missing_field, "the organization has no events; its history starts with registered");
        p.path = where() + ".events";
        p.organization = s.org.id;
        problems.push_back(std::move(p));
        return;
    }
    const auto path_of = [&](std::size_t j) {
        if (!paths.empty()) return paths[j];
        std::string path = where();
        return path.append(".events[").append(std::to_string(j)).append("]");
    };
    if (auto p = second_registration(history, path_of)) {
        p->organization = s.org.id;
        problems.push_back(std::move(*p));
        return;
    }
    std::vector<std::size_t> order(history.size());
    for (std::size_t j = 0; j < order.size(); ++j) order[j] = j;
    const auto by_date = [](const Event& a, const Event& b) { return a.date < b.date; };
    if (!std::is_sorted(history.begin(), history.end(), by_date))  // generated histories come sorted
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return history[a].date < history[b].date; });
    Replay replay(s.org, s.members, law);
    for (std::size_t j : order) {
        if (auto problem = replay.step(history[j], law)) {
            problem->organization = s.org.id;
            problem->path = path_of(j);
            problems.push_back(std::move(*problem));
            return;  // later events would be judged against a state that never existed
        }
    }
    for (std::size_t j = 0; j < history.size(); ++j) {
        if (!paths.empty() && paths[j] == "(recorded)") continue;
        for_each_reference(history[j], [&](const std::string& id, const std::string& field) {
            const std::string path = path_of(j);
            s.references.push_back({id, path.empty() ? field : path + "." + field, history[j].type(),
                                    history[j].date});
        });
    }
    for (std::size_t j : order) s.log.push_back(history[j]);
    s.registered_on = replay.state().registered_on;
}

/// Predecessors and counterparts must name organisations of the registry or of the same batch. An unknown id is
/// reported once per organisation, where it is first named.
void check_references(const Registry& reg, const Staged& s,
                      const std::unordered_map<std::string, std::size_t>* batch_ids, Problems& problems) {
    std::set<std::string_view> reported;
    for (const auto& r : s.references) {
        if (reg.find(r.id) || (batch_ids && batch_ids->count(r.id)) || !reported.insert(r.id).second) continue;
        auto p = Problem::at(ErrorCode::unknown_name, "no organization with id " + r.id, r.path);
        p.organization = s.org.id;
        p.event = std::string(enum_name(r.event));
        p.date = r.date;
        problems.push_back(std::move(p));
    }
}

/// The seat must be a unit that had not ended when the organisation was registered: a registration on
/// 2025-09-01 is in one of the units of 2025-07-01. A unit that began after the registration is the seat in the
/// units of a later date (an export in today's units), and is accepted.
void check_seat(const AreaCatalog& areas, const Staged& s, const std::function<std::string()>& where,
                Problems& problems) {
    if (!s.registered_on) return;
    const Date registered = *s.registered_on;
    const Area& a = areas[s.area];
    if (!a.valid_to || *a.valid_to >= registered) return;
    std::string message = "area " + a.code + " (" + a.name + ") ended on " + a.valid_to->iso() +
                          ", before the organization was registered on " + registered.iso();
    if (const AreaIndex now = areas.on(s.area, registered); now != no_index)
        message += "; its territory was then in " + areas[now].code + " (" + areas[now].name + ")";
    auto p = Problem::at(ErrorCode::invalid_value, std::move(message), where() + ".area");
    p.organization = s.org.id;
    p.rule = "integrity.area_valid_on_registration";
    p.date = registered;
    problems.push_back(std::move(p));
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
    by_id_.reserve(n, orgs_);
}

std::optional<OrgIndex> Registry::find(std::string_view id) const { return by_id_.find(id, orgs_); }

namespace {
std::size_t id_hash(std::string_view id) noexcept { return std::hash<std::string_view>{}(id); }
}  // namespace

std::optional<OrgIndex> Registry::IdIndex::find(std::string_view id, const std::vector<Organization>& orgs) const noexcept {
    if (slots_.empty()) return std::nullopt;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = id_hash(id) & mask;; at = (at + 1) & mask) {
        const auto slot = slots_[at];
        if (slot == 0) return std::nullopt;
        if (orgs[slot - 1].id == id) return static_cast<OrgIndex>(slot - 1);
    }
}

void Registry::IdIndex::reserve(std::size_t n, const std::vector<Organization>& orgs) {
    std::size_t size = 16;
    while (size < 2 * n) size *= 2;
    if (size <= slots_.size()) return;
    std::vector<std::uint32_t> old(size, 0);
    old.swap(slots_);
    for (const auto slot : old)
        if (slot != 0) {
            --used_;
            insert(static_cast<OrgIndex>(slot - 1), orgs);
        }
}

void Registry::IdIndex::insert(OrgIndex i, const std::vector<Organization>& orgs) noexcept {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = id_hash(orgs[i].id) & mask;
    while (slots_[at] != 0) at = (at + 1) & mask;
    slots_[at] = static_cast<std::uint32_t>(i + 1);
    ++used_;
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
        // The input's path, written only for a problem.
        const std::function<std::string()> where = [i] {
            return std::string("organizations[").append(std::to_string(i)).append("]");
        };
        const auto before = problems.size();
        check_identity(*this, r, where, batch_ids, i, problems);
        if (problems.size() == before) {
            const AreaIndex area = *areas_->find(r.organization.area);  // before r.organization is moved from
            Staged s{std::move(r.organization), std::move(r.members), {}, area, {}, {}};
            validate_history(*law_, s, std::move(r.events), where, {}, problems);
            check_seat(*areas_, s, where, problems);
            staged.push_back(std::move(s));
        } else {
            staged.emplace_back();
        }
    }
    // Records refused above have empty logs: only valid histories are checked for references.
    for (const auto& s : staged) check_references(*this, s, &batch_ids, problems);
    throw_if_any(std::move(problems));
    std::vector<EventLog> logs;
    std::vector<Organization> orgs;
    std::vector<std::vector<Member>> members;
    std::vector<AreaIndex> areas;
    logs.reserve(staged.size());
    orgs.reserve(staged.size());
    members.reserve(staged.size());
    areas.reserve(staged.size());
    for (auto& s : staged) {
        logs.push_back(s.log.view());
        orgs.push_back(std::move(s.org));
        members.push_back(std::move(s.members));
        areas.push_back(s.area);
    }
    store_added(logs, std::move(orgs), std::move(members), areas);
}

void Registry::add_encoded(std::vector<EncodedRecord> records) {
    Problems problems;
    std::vector<EventLog> logs(records.size());
    std::vector<AreaIndex> areas(records.size(), no_index);
    std::vector<Staged> naming;  // the organisations whose events name others: checked once every id is known
    std::unordered_map<std::string, std::size_t> batch_ids;
    for (std::size_t i = 0; i < records.size(); ++i) {
        auto& r = records[i].record;
        // The input's path, written only for a problem or a reference.
        const std::function<std::string()> where = [i] {
            return std::string("organizations[").append(std::to_string(i)).append("]");
        };
        const auto before = problems.size();
        check_identity(*this, r, where, batch_ids, i, problems);
        if (problems.size() != before) continue;
        areas[i] = *areas_->find(r.organization.area);
        try {
            logs[i] = replayable_history(records[i].events, records[i].count, r.members);
        } catch (const Error& e) {
            auto p = e.problems().front();
            p.path = where() + ".events";
            p.organization = r.organization.id;
            problems.push_back(std::move(p));
            continue;
        }
        // Staged for the checks add() makes; the identity is lent to it and taken back.
        Staged s{std::move(r.organization), {}, {}, areas[i], {}, {}};
        std::size_t j = 0;
        logs[i].replay_until(Date::max(), [&](Date d, const auto& payload) {
            using Payload = std::remove_cvref_t<decltype(payload)>;
            auto note = [&](const std::vector<std::string>& ids, const char* field) {
                for (std::size_t k = 0; k < ids.size(); ++k)
                    s.references.push_back({ids[k],
                                            where() + ".events[" + std::to_string(j) + "]." + field + "[" +
                                                std::to_string(k) + "]",
                                            static_cast<EventType>(boost::mp11::mp_find<EventData, Payload>::value), d});
            };
            if constexpr (std::is_same_v<Payload, Registered>) {
                s.registered_on = d;
                note(payload.predecessors, "predecessors");
            } else if constexpr (std::is_same_v<Payload, ReorganizationStarted> ||
                                 std::is_same_v<Payload, ReorganizationCompleted>) {
                note(payload.counterparts, "counterparts");
            }
            ++j;
        });
        check_seat(*areas_, s, where, problems);
        if (!s.references.empty()) {
            naming.emplace_back();
            naming.back().org.id = s.org.id;
            naming.back().references = std::move(s.references);
        }
        r.organization = std::move(s.org);
    }
    for (const auto& s : naming) check_references(*this, s, &batch_ids, problems);
    throw_if_any(std::move(problems));
    std::vector<Organization> orgs;
    std::vector<std::vector<Member>> members;
    orgs.reserve(records.size());
    members.reserve(records.size());
    for (auto& r : records) {
        orgs.push_back(std::move(r.record.organization));
        members.push_back(std::move(r.record.members));
    }
    store_added(logs, std::move(orgs), std::move(members), areas);
}

void Registry::store_added(std::span<const EventLog> logs, std::vector<Organization> orgs,
                           std::vector<std::vector<Member>> members, std::span<const AreaIndex> areas) {
    // Everything that may fail comes before the first change, and is undone when it fails. Geometric growth:
    // many small batches stay linear overall.
    const std::size_t needed = rows_.size() + orgs.size();
    if (needed > rows_.capacity() || needed > orgs_.capacity() || needed > members_.capacity())
        reserve(std::max(needed, 2 * rows_.capacity()));
    by_id_.reserve(needed, orgs_);
    const auto mark = events_store_.mark();
    std::vector<EventStore::Entry> entries;
    try {
        entries.reserve(logs.size());
        for (const auto& log : logs) entries.push_back(events_store_.store(log));
    } catch (...) {
        events_store_.rollback(mark);
        throw;
    }
    // With the room reserved, nothing below allocates or throws.
    for (std::size_t k = 0; k < orgs.size(); ++k) {
        events_ += entries[k].count;
        rows_.push_back(OrgRow{entries[k], areas[k], orgs[k].kind, orgs[k].sector});
        orgs_.push_back(std::move(orgs[k]));
        members_.push_back(std::move(members[k]));
        by_id_.insert(static_cast<OrgIndex>(orgs_.size() - 1), orgs_);
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
            // Appended, not concatenated: g++ 12 warns falsely (-Wrestrict) on "[" + std::to_string(k) here.
            paths.push_back(batch.size() > 1 ? std::string("[").append(std::to_string(k)).append("]") : std::string());
        }
        Staged s{orgs_[index], members_[index], {}, rows_[index].area, {}, {}};
        validate_history(*law_, s, std::move(history), [] { return std::string(); }, std::move(paths), problems);
        check_references(*this, s, nullptr, problems);
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
    return n + by_id_.capacity_bytes();
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
