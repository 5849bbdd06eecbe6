#include <coopecon/registry/registry.hpp>

#include "history/replay_effects.hpp"
#include "registry/across_organizations.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/history/replayable.hpp>

#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <unordered_set>
#include <type_traits>
#include <utility>

namespace coopecon {

namespace {

/// The hash of an id or an area code in the tables of this file.
std::size_t id_hash(std::string_view id) noexcept { return std::hash<std::string_view>{}(id); }

/// How many keys ahead a batch of lookups or inserts fetches their slots: enough misses in flight to hide the
/// memory's latency, few enough that the lines stay in the cache until used.
constexpr std::size_t fetch_ahead = 16;

/// Calls f(k, hash of id(k)) for k in [0, n), with `fetch(hash)` called fetch_ahead keys before.
template <class Id, class Fetch, class F>
void pipelined(std::size_t n, Id&& id, Fetch&& fetch, F&& f) {
    std::array<std::size_t, fetch_ahead> hashes{};
    for (std::size_t k = 0; k < std::min(n, fetch_ahead); ++k) fetch(hashes[k] = id_hash(id(k)));
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t hash = hashes[k % fetch_ahead];
        if (k + fetch_ahead < n) fetch(hashes[k % fetch_ahead] = id_hash(id(k + fetch_ahead)));
        f(k, hash);
    }
}

}  // namespace

namespace detail {

/// An organisation another one's event names (a predecessor or a counterpart), where it is named.
struct OrganizationReference {
    std::string id;
    std::string path;  // e.g. organizations[3].events[2].counterparts[0]
    EventType event;
    Date date;
};

/// An organisation being added or changed, until its history is validated.
struct StagedOrganization {
    Organization org;
    std::vector<Member> members;
    EncodedEvents log;
    AreaIndex area = no_index;
    std::vector<OrganizationReference> references;  // of the events given, in the order given
    std::optional<Date> registered_on;  // once the history is valid
    std::vector<detail::Link> links;    // events naming other organisations, for the checks across organisations
    std::optional<std::size_t> record;  // i of organizations[i] for an added record
    std::optional<OrgIndex> index;      // of a recorded organisation being changed
};

/// The seats met so far by area code, and the day each ended: a binary form's records look their seats up here
/// rather than in the catalogue, whose entries are far apart in memory. Open addressing over entries that keep
/// their code (short: inline in the string) and its hash, so that a lookup reads one entry where a hash map
/// followed a chain of nodes, hashing each code again.
struct Seats {
    struct Seat {
        std::optional<AreaIndex> index;
        std::optional<Date> ended;  // the unit's valid_to
    };

    /// The seats of `codes`, in order, each entry fetched from memory a few codes before it is read.
    std::vector<Seat> of_each(const AreaCatalog& areas, std::span<const std::string_view> codes) {
        std::vector<Seat> out(codes.size());
        pipelined(
            codes.size(), [&](std::size_t k) { return codes[k]; },
            [&](std::size_t hash) {
                if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
            },
            [&](std::size_t k, std::size_t hash) { out[k] = of(areas, codes[k], hash); });
        return out;
    }

private:
    struct Entry {
        std::string code;
        std::size_t hash = 0;
        Seat seat;
        bool taken = false;
    };
    const Seat& of(const AreaCatalog& areas, std::string_view code, std::size_t hash) {
        if (2 * (used_ + 1) > slots_.size()) grow();
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
            auto& e = slots_[at];
            if (!e.taken) {
                e = {std::string(code), hash, {areas.find(code), std::nullopt}, true};
                if (e.seat.index) e.seat.ended = areas[*e.seat.index].valid_to;
                ++used_;
                return e.seat;
            }
            if (e.hash == hash && e.code == code) return e.seat;
        }
    }
    void grow() {
        std::vector<Entry> old(std::max<std::size_t>(64, 2 * slots_.size()));
        old.swap(slots_);
        const std::size_t mask = slots_.size() - 1;
        for (auto& e : old)
            if (e.taken) {
                std::size_t at = e.hash & mask;
                while (slots_[at].taken) at = (at + 1) & mask;
                slots_[at] = std::move(e);
            }
    }
    std::vector<Entry> slots_;  // a power of two of them, at most half taken
    std::size_t used_ = 0;
};

/// The links an organisation added by add_part gives, kept until finish_parts checks them across organisations.
struct GivenLinks {
    std::string id;
    std::size_t record = 0;  // i of organizations[i]
    std::vector<Link> links;
};

}  // namespace detail

namespace {

using Reference = detail::OrganizationReference;
using Staged = detail::StagedOrganization;

/// The records of one large input by their ids, by open addressing over their positions alone: the ids stay in
/// the records, so a binary file of millions costs neither a node nor a copy of an id per record.
class InputIds {
public:
    explicit InputIds(std::span<const EncodedRecord> records) : records_(records) {
        std::size_t size = 16;
        while (size < 2 * records.size()) size *= 2;
        slots_.assign(size, 0);
    }
    /// Indexes record i; the position of an earlier record with the same id, if there is one.
    std::optional<std::size_t> claim(std::size_t i) {
        const std::size_t hash = std::hash<std::string_view>{}(id_of(i));
        auto& slot = slots_[slot_of(id_of(i), hash)];
        if (slot != 0) return position(slot);
        slot = tag(hash) | (i + 1);
        return std::nullopt;
    }
    std::optional<std::size_t> find(std::string_view id) const {
        const auto slot = slots_[slot_of(id, std::hash<std::string_view>{}(id))];
        if (slot == 0) return std::nullopt;
        return position(slot);
    }

private:
    // A slot holds the position + 1 in its low half and the high half of the id's hash in its high half, so that
    // a probe passes other ids without reading their records (a cache miss each: the records are large).
    static std::uint64_t tag(std::size_t hash) { return static_cast<std::uint64_t>(hash) >> 32 << 32; }
    static std::size_t position(std::uint64_t slot) { return static_cast<std::size_t>(slot & 0xFFFFFFFFu) - 1; }
    /// Where `id` is indexed, or the free slot where it would go.
    std::size_t slot_of(std::string_view id, std::size_t hash) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
            const auto slot = slots_[at];
            if (slot == 0 || ((slot >> 32 << 32) == tag(hash) && id_of(position(slot)) == id)) return at;
        }
    }
    const std::string& id_of(std::size_t i) const { return records_[i].record.organization.id; }
    std::span<const EncodedRecord> records_;
    std::vector<std::uint64_t> slots_;  // position + 1 and the hash's high half; 0 is free
};

/// Ids taken by records of the same input: by position in the batch (in `batch`, or in `input` for records that
/// stay where they are), and (for an input added in parts) the ids of records refused in earlier parts.
struct TakenIds {
    std::unordered_map<std::string, std::size_t> batch;
    const std::unordered_set<std::string>* refused = nullptr;
    InputIds* input = nullptr;
    bool has(const std::string& id) const {
        return (input ? input->find(id).has_value() : batch.count(id) != 0) || (refused && refused->count(id));
    }
    /// Takes the id of record i, unless a record refused before or an earlier record of the batch has it.
    bool claim(const std::string& id, std::size_t i) {
        if (refused && refused->count(id)) return false;
        return input ? !input->claim(i) : batch.emplace(id, i).second;
    }
};

/// "[k]", the path of a batch's entry k (appended, not concatenated: gcc 12 at -O3 warns falsely on "[" + string).
std::string batch_entry(std::size_t k) {
    std::string out = "[";
    out += std::to_string(k);
    out += ']';
    return out;
}

/// Checks record i's identity; `seat` is its area as the catalogue finds it, `recorded` whether the registry
/// already has its id.
void check_identity(const OrganizationRecord& r, std::optional<AreaIndex> seat, bool recorded,
                    const std::function<std::string()>& where, TakenIds& taken, std::size_t i, Problems& problems) {
    const auto& o = r.organization;
    auto problem = [&](ErrorCode code, std::string field, std::string message) {
        auto p = Problem::at(code, std::move(message));
        p.path = where() + (field.empty() ? "" : "." + field);
        p.organization = o.id;
        problems.push_back(std::move(p));
    };
    if (o.id.empty()) problem(ErrorCode::missing_field, "id", "the organization id is empty");
    else if (recorded || !taken.claim(o.id, i))
        problem(ErrorCode::duplicate, "id", "organization id " + o.id + " is already used");
    if (o.name.empty()) problem(ErrorCode::missing_field, "name", "the organization name is empty");
    if (!seat) problem(ErrorCode::unknown_name, "area", "unknown area code " + o.area);
    if (o.history_from && o.data_until && *o.data_until < *o.history_from)
        problem(ErrorCode::invalid_value, "data_until",
                "data_until " + o.data_until->iso() + " is before history_from " + o.history_from->iso());
    std::set<std::string_view> member_ids;
    for (std::size_t m = 0; m < r.members.size(); ++m) {
        const auto& id = r.members[m].id;
        const auto field = [m] { return "members[" + std::to_string(m) + "].id"; };
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
        p.message = "a second registration: the organization is registered on " + history[*first].date.iso() +
                    (first_path.empty() || first_path == "(recorded)" ? std::string() : " (" + first_path + ")") +
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
        return paths.empty() ? where() + ".events[" + std::to_string(j) + "]" : paths[j];
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
    // An organisation's data end on its data_until: an event after it contradicts the record it belongs to.
    if (const auto& until = s.org.data_until)
        for (std::size_t j : order)
            if (history[j].date > *until && (paths.empty() || paths[j] != "(recorded)")) {
                Problem p;
                p.code = ErrorCode::integrity;
                p.rule = "integrity.event_after_data_end";
                p.organization = s.org.id;
                p.event = std::string(enum_name(history[j].type()));
                p.date = history[j].date;
                p.path = path_of(j);
                p.message = "the organization's data end on " + until->iso() + " (data_until), and this event is dated " +
                            history[j].date.iso();
                problems.push_back(std::move(p));
                return;
            }
    Replay replay(s.org, s.members, law);
    for (std::size_t j : order) {
        if (auto problem = replay.step(history[j], law)) {
            problem->organization = s.org.id;
            problem->path = path_of(j);
            problems.push_back(std::move(*problem));
            return;  // later events would be judged against a state that never existed
        }
    }
    for (std::size_t j : order) {
        const auto type = history[j].type();
        if (type != EventType::registered && type != EventType::reorganization_started &&
            type != EventType::reorganization_completed)
            continue;
        const bool recorded = !paths.empty() && paths[j] == "(recorded)";
        if (auto link = detail::link_of(history[j], recorded ? std::string() : path_of(j))) {
            link->given = !recorded;
            s.links.push_back(std::move(*link));
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

/// The problem of a reference to an organisation that does not exist.
Problem unknown_reference(const Staged& s, const Reference& r) {
    auto p = Problem::at(ErrorCode::unknown_name, "no organization with id " + r.id, r.path);
    p.organization = s.org.id;
    p.event = std::string(enum_name(r.event));
    p.date = r.date;
    return p;
}

/// Predecessors and counterparts must name organisations of the registry or of the same batch. An unknown id is
/// reported once per organisation, where it is first named: through `unknown(id, problem)`.
template <class Unknown>
void check_references(const Registry& reg, const Staged& s, const TakenIds* taken, Unknown&& unknown) {
    std::set<std::string_view> reported;
    for (const auto& r : s.references) {
        if (reg.find(r.id) || (taken && taken->has(r.id)) || !reported.insert(r.id).second) continue;
        unknown(r.id, unknown_reference(s, r));
    }
}

void check_references(const Registry& reg, const Staged& s, const TakenIds* taken, Problems& problems) {
    check_references(reg, s, taken, [&](const std::string&, Problem p) { problems.push_back(std::move(p)); });
}

/// The seat must be a unit that had not ended when the organisation was registered: a registration on
/// 2025-09-01 is in one of the units of 2025-07-01. A unit that began after the registration is the seat in the
/// units of a later date (an export in today's units), and is accepted.
void check_seat(const AreaCatalog& areas, AreaIndex seat, std::optional<Date> registered_on, const std::string& org,
                const std::function<std::string()>& where, Problems& problems) {
    if (!registered_on) return;
    const Date registered = *registered_on;
    const Area& a = areas[seat];
    if (!a.valid_to || *a.valid_to >= registered) return;
    std::string message = "area " + a.code + " (" + a.name + ") ended on " + a.valid_to->iso() +
                          ", before the organization was registered on " + registered.iso();
    if (const AreaIndex now = areas.on(seat, registered); now != no_index)
        message += "; its territory was then in " + areas[now].code + " (" + areas[now].name + ")";
    auto p = Problem::at(ErrorCode::invalid_value, std::move(message), where() + ".area");
    p.organization = org;
    p.rule = "integrity.area_valid_on_registration";
    p.date = registered;
    problems.push_back(std::move(p));
}

/// Checks records[i] as organizations[input_index[i]] of the input (i itself when input_index is empty) and
/// stages it; a record with a problem of its own is staged empty. Returns how many problems each one had.
std::vector<std::size_t> stage(const Registry& reg, const law::Framework& law, std::vector<OrganizationRecord>& records,
                               std::span<const std::size_t> input_index, TakenIds& taken, std::vector<Staged>& staged,
                               Problems& problems) {
    std::vector<std::size_t> counts(records.size());
    staged.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        auto& r = records[i];
        const std::size_t record = input_index.empty() ? i : input_index[i];
        // The input's path, written only for a problem.
        const std::function<std::string()> where = [record] { return "organizations[" + std::to_string(record) + "]"; };
        const auto before = problems.size();
        const auto seat = reg.areas().find(r.organization.area);
        check_identity(r, seat, reg.size() != 0 && reg.find(r.organization.id), where, taken, i, problems);
        if (problems.size() == before) {
            Staged s{std::move(r.organization), std::move(r.members), {}, *seat, {}, {}, {}, record, std::nullopt};
            validate_history(law, s, std::move(r.events), where, {}, problems);
            check_seat(reg.areas(), s.area, s.registered_on, s.org.id, where, problems);
            staged.push_back(std::move(s));
        } else {
            staged.emplace_back();
        }
        counts[i] = problems.size() - before;
    }
    return counts;
}

/// Whether the rules across organisations concern s: its events name others, or its members are organisations.
bool related(const Staged& s) {
    return !s.links.empty() ||
           std::any_of(s.members.begin(), s.members.end(), [](const Member& m) { return m.organization.has_value(); });
}

/// How the rules across organisations see a staged organisation.
detail::OrgView view(const Staged& s) {
    return detail::OrgView{&s.org, s.members, s.log.view(), &s.links,
                           s.record ? "organizations[" + std::to_string(*s.record) + "]" : std::string()};
}

/// A change validated and ready to record: organisations to add (one per record, empty where refused) and
/// recorded organisations with their new histories and member lists.
struct Prepared {
    std::vector<Staged> added;
    std::vector<Staged> changed;
};

/// Validates a change as a whole: identities, each history, references, and the rules across organisations.
Prepared prepare(const Registry& reg, std::vector<OrganizationRecord> records, std::vector<Listing> listed,
                 std::vector<Append> batch, Problems& problems) {
    Prepared out;
    TakenIds taken;
    stage(reg, reg.law(), records, {}, taken, out.added, problems);

    // Named members listed before the events that may admit them.
    std::map<OrgIndex, std::vector<Member>> lists;
    for (std::size_t k = 0; k < listed.size(); ++k) {
        auto& l = listed[k];
        const auto i = reg.find(l.organization);
        auto p = Problem::at(ErrorCode::unknown_name, "no organization with this id");
        p.organization = l.organization;
        if (listed.size() > 1) p.path = "listed[" + std::to_string(k) + "]";
        if (!i) {
            problems.push_back(std::move(p));
            continue;
        }
        auto [it, fresh] = lists.try_emplace(*i);
        if (fresh) it->second.assign(reg.members(*i).begin(), reg.members(*i).end());
        auto& list = it->second;
        if (l.member.id.empty()) {
            p.code = ErrorCode::missing_field;
            p.message = "member id is empty";
            problems.push_back(std::move(p));
        } else if (std::any_of(list.begin(), list.end(), [&](const Member& m) { return m.id == l.member.id; })) {
            p.code = ErrorCode::duplicate;
            p.message = "member " + l.member.id + " is already in the member list";
            problems.push_back(std::move(p));
        } else {
            list.push_back(std::move(l.member));
        }
    }

    std::map<OrgIndex, std::vector<std::pair<std::size_t, Event>>> by_org;
    for (const auto& [i, list] : lists) by_org[i];
    for (std::size_t k = 0; k < batch.size(); ++k) {
        if (auto i = reg.find(batch[k].organization))
            by_org[*i].emplace_back(k, std::move(batch[k].event));
        else {
            auto p = Problem::at(ErrorCode::unknown_name, "no organization with this id");
            p.organization = batch[k].organization;
            if (batch.size() > 1) p.path = batch_entry(k);
            problems.push_back(std::move(p));
        }
    }
    for (auto& [index, added] : by_org) {
        auto history = reg.log(index).decode();
        // Problems in a batch point at the batch entry; a single append needs no path.
        std::vector<std::string> paths(history.size(), "(recorded)");
        for (auto& [k, e] : added) {
            history.push_back(std::move(e));
            paths.push_back(batch.size() > 1 ? batch_entry(k) : std::string());
        }
        auto list = lists.find(index);
        auto members = list != lists.end() ? std::move(list->second)
                                           : std::vector<Member>(reg.members(index).begin(), reg.members(index).end());
        Staged s{reg.organization(index), std::move(members), {}, reg.area(index), {}, {}, {}, std::nullopt, index};
        validate_history(reg.law(), s, std::move(history), [] { return std::string(); }, std::move(paths), problems);
        out.changed.push_back(std::move(s));
    }
    // Records refused above have empty logs: only valid histories are checked for references.
    for (const auto& s : out.added) check_references(reg, s, &taken, problems);
    for (const auto& s : out.changed) check_references(reg, s, &taken, problems);

    // The rules across organisations see the registry as the change would leave it.
    std::unordered_map<std::string_view, const Staged*> staged;
    std::vector<detail::OrgView> touched;
    for (const auto* list : {&out.added, &out.changed})
        for (const auto& s : *list) {
            if (s.org.id.empty()) continue;
            staged.emplace(s.org.id, &s);
            if (s.registered_on && related(s)) touched.push_back(view(s));
        }
    if (touched.empty()) return out;
    const detail::FindOrg find = [&](std::string_view id) -> std::optional<detail::OrgView> {
        if (const auto it = staged.find(id); it != staged.end()) {
            if (!it->second->registered_on) return std::nullopt;  // refused: its problems are reported
            return view(*it->second);
        }
        if (taken.has(std::string(id))) return std::nullopt;  // a record refused before its history was read
        const auto i = reg.find(id);
        if (!i) return std::nullopt;
        return detail::OrgView{&reg.organization(*i), reg.members(*i), reg.log(*i), nullptr, ""};
    };
    detail::check_across_organizations(reg.law(), touched, find, problems);
    return out;
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

std::vector<std::optional<OrgIndex>> Registry::find_all(std::span<const std::string_view> ids) const {
    std::vector<std::optional<OrgIndex>> out(ids.size());
    by_id_.find_all(ids, out, orgs_);
    return out;
}

namespace {

/// How a slot of the id index is laid out over 2^k slots: OrgIndex + 1 in the low k bits (at most 2^(k-1)
/// organisations, so it fits), and in the 32 - k bits above them bits of the id's hash that its position does
/// not use. A probe that meets another organisation's slot is then told apart by those bits, mostly without
/// reading that organisation's id: a cache miss each, when millions are indexed.
struct SlotLayout {
    explicit SlotLayout(std::size_t slots) noexcept : bits(static_cast<unsigned>(std::countr_zero(slots))) {}
    std::uint32_t index_mask() const noexcept { return bits >= 32 ? ~std::uint32_t{0} : (std::uint32_t{1} << bits) - 1; }
    std::uint32_t tag(std::size_t hash) const noexcept {
        return bits >= 32 ? 0 : static_cast<std::uint32_t>(static_cast<std::uint64_t>(hash) >> 32) << bits;
    }
    unsigned bits;
};

}  // namespace

std::optional<OrgIndex> Registry::IdIndex::find(std::string_view id, const std::vector<Organization>& orgs) const noexcept {
    return find(id, id_hash(id), orgs);
}

std::optional<OrgIndex> Registry::IdIndex::find(std::string_view id, std::size_t hash,
                                                const std::vector<Organization>& orgs) const noexcept {
    if (slots_.empty()) return std::nullopt;
    const SlotLayout layout(slots_.size());
    const std::uint32_t index_mask = layout.index_mask();
    const std::size_t mask = slots_.size() - 1;
    const std::uint32_t tag = layout.tag(hash);
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
        const auto slot = slots_[at];
        if (slot == 0) return std::nullopt;
        const auto i = static_cast<OrgIndex>((slot & index_mask) - 1);
        if ((slot & ~index_mask) == tag && orgs[i].id == id) return i;
    }
}

void Registry::IdIndex::find_all(std::span<const std::string_view> ids, std::span<std::optional<OrgIndex>> out,
                                 const std::vector<Organization>& orgs) const noexcept {
    if (slots_.empty()) return;
    const std::size_t mask = slots_.size() - 1;
    pipelined(
        ids.size(), [&](std::size_t k) { return ids[k]; },
        [&](std::size_t hash) { __builtin_prefetch(&slots_[hash & mask]); },
        [&](std::size_t k, std::size_t hash) { out[k] = find(ids[k], hash, orgs); });
}

void Registry::IdIndex::reserve(std::size_t n, const std::vector<Organization>& orgs) {
    std::size_t size = 16;
    while (size < 2 * n) size *= 2;
    if (size <= slots_.size()) return;
    const std::uint32_t old_mask = slots_.empty() ? 0 : SlotLayout(slots_.size()).index_mask();
    std::vector<std::uint32_t> old(size, 0);
    old.swap(slots_);
    used_ = 0;
    for (const auto slot : old)
        if (slot != 0) {
            const auto i = static_cast<OrgIndex>((slot & old_mask) - 1);
            place(i, id_hash(orgs[i].id));
        }
}

void Registry::IdIndex::insert_from(OrgIndex first, const std::vector<Organization>& orgs) noexcept {
    const std::size_t mask = slots_.size() - 1;
    pipelined(
        orgs.size() - first, [&](std::size_t k) { return std::string_view(orgs[first + k].id); },
        [&](std::size_t hash) { __builtin_prefetch(&slots_[hash & mask], 1); },
        [&](std::size_t k, std::size_t hash) { place(static_cast<OrgIndex>(first + k), hash); });
}

void Registry::IdIndex::place(OrgIndex i, std::size_t hash) noexcept {
    const SlotLayout layout(slots_.size());
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = hash & mask;
    while (slots_[at] != 0) at = (at + 1) & mask;
    slots_[at] = layout.tag(hash) | static_cast<std::uint32_t>(i + 1);
    ++used_;
}

OrgIndex Registry::index_of(std::string_view id) const {
    if (auto i = find(id)) return *i;
    auto p = Problem::at(ErrorCode::unknown_name, "no organization with this id");
    p.organization = std::string(id);
    throw Error(std::move(p));
}

void Registry::add(std::vector<OrganizationRecord> records) { record(std::move(records), {}, {}); }

void Registry::add(OrganizationRecord record) {
    std::vector<OrganizationRecord> one;
    one.push_back(std::move(record));
    add(std::move(one));
}

void Registry::add_member(std::string_view org_id, Member m) {
    index_of(org_id);  // an unknown organisation is reported as such
    record({}, {Listing{std::string(org_id), std::move(m)}}, {});
}

void Registry::append(std::string_view org_id, Event e) {
    append(std::vector<Append>{Append{std::string(org_id), std::move(e)}});
}

void Registry::append(std::vector<Append> batch) { record({}, {}, std::move(batch)); }

Problems Registry::problems_of(std::vector<OrganizationRecord> added, std::vector<Listing> listed,
                               std::vector<Append> appended) const {
    Problems problems;
    prepare(*this, std::move(added), std::move(listed), std::move(appended), problems);
    return problems;
}

void Registry::record(std::vector<OrganizationRecord> added, std::vector<Listing> listed,
                      std::vector<Append> appended) {
    Problems problems;
    auto change = prepare(*this, std::move(added), std::move(listed), std::move(appended), problems);
    throw_if_any(std::move(problems));
    auto& rebuilt = change.changed;
    // A changed history is stored again at the end; compacting first keeps the dead bytes below the live.
    std::size_t replaced = 0;
    for (const auto& s : rebuilt) replaced += rows_[*s.index].log.bytes;
    if (replaced > 0 && events_store_.dead_bytes() + replaced > events_store_.live_bytes()) compact_events();
    // Everything that may fail comes before the first change, and is undone when it fails.
    const auto mark = events_store_.mark();
    std::vector<EventStore::Entry> changed_entries;
    try {
        changed_entries.reserve(rebuilt.size());
        for (const auto& s : rebuilt) changed_entries.push_back(events_store_.store(s.log.view()));
        if (!change.added.empty()) store(change.added);
    } catch (...) {
        events_store_.rollback(mark);
        throw;
    }
    // Nothing below throws.
    for (std::size_t k = 0; k < rebuilt.size(); ++k) {
        const OrgIndex index = *rebuilt[k].index;
        auto& row = rows_[index];
        events_ = events_ - row.log.count + changed_entries[k].count;
        events_store_.release(row.log);
        row.log = changed_entries[k];
        members_[index] = std::move(rebuilt[k].members);
    }
}

void Registry::add_part(std::vector<OrganizationRecord> records, std::span<const std::size_t> input_index,
                        Parts& parts, Problems& problems) {
    std::vector<Staged> staged;
    TakenIds taken;
    taken.refused = &parts.refused;
    std::vector<std::string> ids;
    ids.reserve(records.size());
    for (const auto& r : records) ids.push_back(r.organization.id);
    const auto counts = stage(*this, *law_, records, input_index, taken, staged, problems);
    if (!parts.related) parts.related = std::make_shared<std::vector<detail::GivenLinks>>();
    std::vector<Staged> valid;
    valid.reserve(staged.size());
    for (std::size_t i = 0; i < staged.size(); ++i) {
        if (counts[i] != 0) {
            if (!ids[i].empty()) parts.refused.insert(ids[i]);
            continue;
        }
        check_references(*this, staged[i], &taken, [&](const std::string& id, Problem p) {
            parts.unresolved.emplace_back(id, std::move(p));
        });
        if (related(staged[i]))
            parts.related->push_back({staged[i].org.id, *staged[i].record, std::move(staged[i].links)});
        valid.push_back(std::move(staged[i]));
    }
    store(valid);
}

void Registry::finish_parts(Parts& parts, Problems& problems) const {
    for (auto& [id, p] : parts.unresolved)
        if (!find(id) && !parts.refused.count(id)) problems.push_back(std::move(p));
    parts.unresolved.clear();
    if (!parts.related) return;
    // The rules across organisations run once, over the whole input, as add() runs them: a part may name
    // organisations of later parts, and a rule broken across two parts may show on either side. Only the
    // links of the organisations concerned are kept until then; their histories are read from the registry.
    std::unordered_map<std::string_view, const detail::GivenLinks*> given;
    for (const auto& g : *parts.related) given.emplace(g.id, &g);
    const detail::FindOrg find_org = [&](std::string_view id) -> std::optional<detail::OrgView> {
        const auto i = find(id);
        if (!i) return std::nullopt;  // refused, or never added: reported above
        const auto it = given.find(id);
        if (it == given.end()) return detail::OrgView{&organization(*i), members(*i), log(*i), nullptr, ""};
        return detail::OrgView{&organization(*i), members(*i), log(*i), &it->second->links,
                               "organizations[" + std::to_string(it->second->record) + "]"};
    };
    std::vector<detail::OrgView> touched;
    touched.reserve(parts.related->size());
    for (const auto& g : *parts.related)
        if (auto v = find_org(g.id)) touched.push_back(std::move(*v));
    if (!touched.empty()) detail::check_across_organizations(*law_, touched, find_org, problems);
    parts.related.reset();
}

void Registry::store(std::vector<Staged>& staged) {
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

namespace {

/// Encoded records checked, as add_encoded and add_encoded_part take them: each one's history and seat, whether it
/// had no problem of its own, and the organisations the references and the rules across organisations concern.
struct EncodedStage {
    std::vector<EventLog> logs;
    std::vector<AreaIndex> areas;
    std::vector<bool> valid;
    std::vector<Staged> naming;  // few: the others cost one replay each and no allocation
};

/// The date of a replayable history's first event, its registration: the first header counts from Date::min().
Date first_date(const EventLog& log) {
    const auto bytes = log.encoded();
    CompactReader r(bytes.data(), bytes.data() + bytes.size());
    return Date::from_days(Date::min().days_since_epoch() + static_cast<std::int32_t>(r.event_header().days));
}

/// Checks records[i] as organizations[first + i] of the input.
EncodedStage stage_encoded(const Registry& reg, std::span<const EncodedRecord> records, std::size_t first,
                           TakenIds& taken, detail::Seats& seats, Problems& problems) {
    const std::size_t n = records.size();
    EncodedStage out{std::vector<EventLog>(n), std::vector<AreaIndex>(n, no_index), std::vector<bool>(n, false), {}};
    // The ids and seats of the whole part first, their lookups overlapped: each is a cache miss otherwise.
    std::vector<std::string_view> ids(n), codes(n);
    for (std::size_t i = 0; i < n; ++i) {
        ids[i] = records[i].record.organization.id;
        codes[i] = records[i].record.organization.area;
    }
    const auto recorded = reg.find_all(ids);
    const auto seat_of = seats.of_each(reg.areas(), codes);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& r = records[i].record;
        const std::size_t record = first + i;
        // The input's path, written only for a problem or a reference.
        const std::function<std::string()> where = [record] { return "organizations[" + std::to_string(record) + "]"; };
        const auto before = problems.size();
        const auto& seat = seat_of[i];
        check_identity(r, seat.index, recorded[i].has_value(), where, taken, i, problems);
        if (problems.size() != before) continue;
        out.areas[i] = *seat.index;
        bool names_others = false;
        try {
            out.logs[i] = replayable_history(records[i].events, records[i].count, r.members, &names_others);
        } catch (const Error& e) {
            auto p = e.problems().front();
            p.path = where() + ".events";
            p.organization = r.organization.id;
            problems.push_back(std::move(p));
            continue;
        }
        Staged named;
        named.record = record;
        std::size_t j = 0;
        // The history is read again only when an event names others.
        if (names_others) out.logs[i].replay_until(Date::max(), [&](Date d, const auto& payload) {
            using Payload = std::remove_cvref_t<decltype(payload)>;
            constexpr bool registered = std::is_same_v<Payload, Registered>;
            if constexpr (registered || std::is_same_v<Payload, ReorganizationStarted> ||
                          std::is_same_v<Payload, ReorganizationCompleted>) {
                const char* field = registered ? "predecessors" : "counterparts";
                const std::vector<std::string>* ids = nullptr;
                if constexpr (registered) {
                    ids = &payload.predecessors;
                } else {
                    ids = &payload.counterparts;
                }
                if (!registered || !ids->empty()) {
                    std::string path = where() + ".events";
                    path += batch_entry(j);
                    for (std::size_t k = 0; k < ids->size(); ++k) {
                        std::string at = path + "." + field;
                        at += batch_entry(k);
                        named.references.push_back({(*ids)[k], std::move(at),
                                                    static_cast<EventType>(boost::mp11::mp_find<EventData, Payload>::value), d});
                    }
                    if (auto link = detail::link_of(Event{d, EventData{payload}}, std::move(path)))
                        named.links.push_back(std::move(*link));
                }
            }
            ++j;
        });
        named.registered_on = first_date(out.logs[i]);
        if (seat.ended && *seat.ended < *named.registered_on)  // else the seat is valid (check_seat's test)
            check_seat(reg.areas(), out.areas[i], named.registered_on, r.organization.id, where, problems);
        if (problems.size() != before) continue;
        out.valid[i] = true;
        const bool member_organizations = std::any_of(r.members.begin(), r.members.end(),
                                                      [](const Member& m) { return m.organization.has_value(); });
        if (!named.references.empty() || !named.links.empty() || member_organizations) {
            named.org.id = r.organization.id;
            out.naming.push_back(std::move(named));
        }
    }
    return out;
}

}  // namespace

void Registry::add_encoded(std::vector<EncodedRecord> records) {
    Problems problems;
    InputIds input(records);
    TakenIds taken;
    taken.input = &input;
    detail::Seats seats;
    auto stage = stage_encoded(*this, records, 0, taken, seats, problems);
    for (const auto& s : stage.naming) check_references(*this, s, &taken, problems);

    // The rules across organisations, as add() runs them, for the organisations concerned.
    if (!stage.naming.empty()) {
        std::unordered_map<std::size_t, const Staged*> named;
        for (const auto& s : stage.naming) named.emplace(*s.record, &s);
        const auto view_of = [&](std::size_t k) {
            const auto it = named.find(k);
            return detail::OrgView{&records[k].record.organization, records[k].record.members, stage.logs[k],
                                   it == named.end() ? nullptr : &it->second->links,
                                   "organizations[" + std::to_string(k) + "]"};
        };
        const detail::FindOrg find_org = [&](std::string_view id) -> std::optional<detail::OrgView> {
            if (const auto k = input.find(id)) {
                if (!stage.valid[*k]) return std::nullopt;  // refused: its problems are reported
                return view_of(*k);
            }
            const auto i = find(id);
            if (!i) return std::nullopt;
            return detail::OrgView{&organization(*i), members(*i), log(*i), nullptr, ""};
        };
        std::vector<detail::OrgView> touched;
        touched.reserve(stage.naming.size());
        for (const auto& s : stage.naming) touched.push_back(view_of(*s.record));
        detail::check_across_organizations(*law_, touched, find_org, problems);
    }
    throw_if_any(std::move(problems));
    store_encoded(records, stage.logs, stage.areas, stage.valid);
}

void Registry::add_encoded_part(std::span<EncodedRecord> records, std::size_t first, Parts& parts,
                                Problems& problems) {
    InputIds input(records);
    TakenIds taken;
    taken.input = &input;
    taken.refused = &parts.refused;
    if (!parts.seats) parts.seats = std::make_shared<detail::Seats>();
    auto stage = stage_encoded(*this, records, first, taken, *parts.seats, problems);
    if (!parts.related) parts.related = std::make_shared<std::vector<detail::GivenLinks>>();
    for (auto& s : stage.naming) {
        check_references(*this, s, &taken, [&](const std::string& id, Problem p) {
            parts.unresolved.emplace_back(id, std::move(p));
        });
        parts.related->push_back({s.org.id, *s.record, std::move(s.links)});
    }
    for (std::size_t i = 0; i < records.size(); ++i)
        if (!stage.valid[i] && !records[i].record.organization.id.empty())
            parts.refused.insert(records[i].record.organization.id);
    store_encoded(records, stage.logs, stage.areas, stage.valid);
}

void Registry::store_encoded(std::span<EncodedRecord> records, std::span<const EventLog> logs,
                             std::span<const AreaIndex> areas, const std::vector<bool>& valid) {
    std::vector<EventLog> kept_logs;
    std::vector<Organization> orgs;
    std::vector<std::vector<Member>> members;
    std::vector<AreaIndex> kept_areas;
    kept_logs.reserve(records.size());
    orgs.reserve(records.size());
    members.reserve(records.size());
    kept_areas.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (!valid[i]) continue;
        kept_logs.push_back(logs[i]);
        orgs.push_back(std::move(records[i].record.organization));
        members.push_back(std::move(records[i].record.members));
        kept_areas.push_back(areas[i]);
    }
    store_added(kept_logs, std::move(orgs), std::move(members), kept_areas);
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
    }
    by_id_.insert_from(static_cast<OrgIndex>(orgs_.size() - orgs.size()), orgs_);
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
