#pragma once
// The registry: organisations with their append-only event logs. Every state is derived by replay: the state
// of one organisation at a date, or a columnar snapshot of all of them. Each change is validated against the
// transition table and the integrity rules, and is all-or-nothing: on any problem an Error listing every
// problem is thrown and the registry is exactly as it was.
//
// Reads (const members) never modify anything, so any number of threads may read one registry at once.

#include <coopecon/core/error.hpp>
#include <coopecon/core/ids.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/model/area_catalog.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization.hpp>
#include <coopecon/history/event_log.hpp>
#include <coopecon/history/event_store.hpp>
#include <coopecon/history/replay.hpp>
#include <coopecon/registry/snapshot.hpp>

#include <boost/describe/class.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace coopecon {

/// An organisation with its member list and its whole history, as read from a file or built by a caller.
struct OrganizationRecord {
    Organization organization;
    std::vector<Member> members;
    std::vector<Event> events;
};

/// One event for one organisation, for batches.
struct Append {
    std::string organization;  // external id
    Event event;
};

/// What a registry says about itself: where its data come from and whether they are real.
struct RegistryInfo {
    std::string title;
    std::string source;
    bool synthetic = false;
    std::optional<Date> as_of;
    bool operator==(const RegistryInfo&) const = default;
};
BOOST_DESCRIBE_STRUCT(RegistryInfo, (), (title, source, synthetic, as_of))

class Registry {
public:
    /// An empty registry under Vietnam's law (law::vietnam()) and areas (vietnam_areas()), both embedded in
    /// the library; defined in the compiled library so that callers need not parse JSON headers.
    Registry();

    Registry(std::shared_ptr<const law::Framework> law, std::shared_ptr<const AreaCatalog> areas)
        : law_(std::move(law)), areas_(std::move(areas)) {
        if (!law_ || !areas_) throw Error(ErrorCode::usage, "a registry needs a legal framework and an area catalogue");
    }

    const law::Framework& law() const noexcept { return *law_; }
    std::shared_ptr<const law::Framework> law_ptr() const noexcept { return law_; }
    const AreaCatalog& areas() const noexcept { return *areas_; }
    std::shared_ptr<const AreaCatalog> areas_ptr() const noexcept { return areas_; }

    RegistryInfo& info() noexcept { return info_; }
    const RegistryInfo& info() const noexcept { return info_; }

    std::size_t size() const noexcept { return rows_.size(); }
    /// Makes room for `n` organisations in all, so that adding them in many batches reallocates nothing.
    void reserve(std::size_t n) {
        rows_.reserve(n);
        orgs_.reserve(n);
        members_.reserve(n);
        by_id_.reserve(n);
    }
    std::size_t event_count() const noexcept { return events_; }

    std::optional<OrgIndex> find(std::string_view id) const {
        auto it = by_id_.find(id);
        if (it == by_id_.end()) return std::nullopt;
        return it->second;
    }
    /// The index of `id`, or an Error naming the unknown organisation.
    OrgIndex index_of(std::string_view id) const {
        if (auto i = find(id)) return *i;
        auto p = Problem::at(ErrorCode::unknown_name, "no organization with this id");
        p.organization = std::string(id);
        throw Error(std::move(p));
    }

    const Organization& organization(OrgIndex i) const { return orgs_.at(i); }
    std::span<const Member> members(OrgIndex i) const { return members_.at(i); }
    AreaIndex area(OrgIndex i) const { return rows_.at(i).area; }
    std::vector<Event> events(OrgIndex i) const { return log(i).decode(); }
    /// The organisation's encoded history: a view that stays valid until the registry next changes.
    EventLog log(OrgIndex i) const { return events_store_.view(rows_.at(i).log); }

    // ---- changes (all-or-nothing) --------------------------------------------------------------------

    /// Adds organisations with their members and histories. Every problem in every record is reported, with
    /// the path organizations[i].events[j] of the input; nothing is added unless all are valid.
    void add(std::vector<OrganizationRecord> records) {
        Problems problems;
        std::vector<Staged> staged;
        staged.reserve(records.size());
        std::unordered_map<std::string, std::size_t> batch_ids;
        for (std::size_t i = 0; i < records.size(); ++i) {
            auto& r = records[i];
            const std::string where = "organizations[" + std::to_string(i) + "]";
            const auto before = problems.size();
            check_identity(r, where, batch_ids, i, problems);
            if (problems.size() == before) {
                const AreaIndex area = *areas_->find(r.organization.area);  // before r.organization is moved from
                Staged s{std::move(r.organization), std::move(r.members), {}, area};
                validate_history(s, std::move(r.events), where, {}, problems);
                staged.push_back(std::move(s));
            } else {
                staged.emplace_back();
            }
        }
        // Records refused above have empty logs: only valid histories are checked for references.
        for (std::size_t i = 0; i < staged.size(); ++i)
            check_references(staged[i], "organizations[" + std::to_string(i) + "]", &batch_ids, problems);
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

    void add(OrganizationRecord record) {
        std::vector<OrganizationRecord> one;
        one.push_back(std::move(record));
        add(std::move(one));
    }

    /// Adds a named member to an organisation's member list (admitting them is a member_joined event).
    void add_member(std::string_view org_id, Member m) {
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

    /// Appends one event, validated against the state at its date and against every later event.
    void append(std::string_view org_id, Event e) { append(std::vector<Append>{Append{std::string(org_id), std::move(e)}}); }

    /// Appends a batch: all events are validated together (in date order per organisation, batch order on
    /// equal dates); either all are recorded or none.
    void append(std::vector<Append> batch) {
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
            validate_history(s, std::move(history), "", paths, problems);
            check_references(s, "", nullptr, problems);
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

    // ---- reads ---------------------------------------------------------------------------------------

    /// The state of one organisation at the end of `date`.
    OrgState state_at(OrgIndex i, Date date) const {
        const auto& row = rows_.at(i);
        Replay r(row.kind, members_[i]);
        events_store_.view(row.log).replay_until(date, [&](Date d, const auto& p) { r.apply(d, p); });
        r.settle(date);
        return r.state();
    }
    OrgState state_at(std::string_view id, Date date) const { return state_at(index_of(id), date); }

    /// Every organisation's state at the end of `date`, as columns (row i = OrgIndex i): the selected columns.
    Snapshot snapshot(Date date, SnapshotColumns columns = SnapshotColumns::all()) const {
        return std::move(snapshots(std::span<const Date>(&date, 1), std::span<const SnapshotColumns>(&columns, 1)).front());
    }

    /// Snapshots at several dates from one replay of each history: row i of every snapshot is OrgIndex i.
    /// `dates` must be in increasing order (series of periods ask for their ends this way). `columns` selects
    /// the columns of each snapshot, one entry per date; when empty, every snapshot has every column.
    std::vector<Snapshot> snapshots(std::span<const Date> dates, std::span<const SnapshotColumns> columns = {}) const {
        check_snapshot_request(dates, columns);
        std::vector<Snapshot> out(dates.size());
        for (std::size_t k = 0; k < dates.size(); ++k) {
            out[k].as_of = dates[k];
            out[k].resize(rows_.size(), columns.empty() ? SnapshotColumns::all() : columns[k]);
        }
        replay_blocks(dates, [&](std::size_t first, std::span<const OrgState> states, std::span<const Sector> sectors,
                                 std::span<const AreaIndex> areas) {
            const std::size_t n = sectors.size();
            for (std::size_t k = 0; k < dates.size(); ++k) out[k].set_rows(first, states.subspan(k * n, n), sectors, areas);
        });
        return out;
    }

    /// The same snapshots as `snapshots(dates, columns)`, handed over a block of organisations at a time, for
    /// work that reduces rows and needs no whole columns: f(first, blocks) gets blocks[k] at dates[k], whose
    /// row j is OrgIndex first + j. The blocks are small and reused, so the rows stay in cache and no column
    /// of the registry's size is ever allocated; they are valid only during the call.
    template <class F>
    void for_each_snapshot_block(std::span<const Date> dates, std::span<const SnapshotColumns> columns, F&& f) const {
        check_snapshot_request(dates, columns);
        std::vector<Snapshot> blocks(dates.size());
        for (std::size_t k = 0; k < dates.size(); ++k) blocks[k].as_of = dates[k];
        replay_blocks(dates, [&](std::size_t first, std::span<const OrgState> states, std::span<const Sector> sectors,
                                 std::span<const AreaIndex> areas) {
            const std::size_t n = sectors.size();
            for (std::size_t k = 0; k < dates.size(); ++k) {
                if (blocks[k].size() != n) blocks[k].resize(n, columns.empty() ? SnapshotColumns::all() : columns[k]);
                blocks[k].set_rows(0, states.subspan(k * n, n), sectors, areas);
            }
            f(first, std::span<const Snapshot>(blocks));
        });
    }

    /// Bytes the registry holds for its organisations: the records (reserved capacity included), the heap
    /// blocks of their strings and member lists, the event store (dead and reserved bytes included), and the id
    /// index (buckets and nodes). Heap blocks count at their requested size, without the allocator's own
    /// overhead. The legal framework and the area catalogue are shared and do not grow with the registry, so
    /// they are left out.
    std::size_t memory_bytes() const noexcept {
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

private:
    static void check_snapshot_request(std::span<const Date> dates, std::span<const SnapshotColumns> columns) {
        if (!std::is_sorted(dates.begin(), dates.end()) ||
            std::adjacent_find(dates.begin(), dates.end()) != dates.end())
            throw Error(ErrorCode::usage, "snapshot dates must be strictly increasing");
        if (!columns.empty() && columns.size() != dates.size())
            throw Error(ErrorCode::usage, "snapshot columns must be given for every date or for none");
    }

    /// Replays every history once to each of `dates`, a block of organisations at a time, and hands each block
    /// to sink(first, states, sectors, areas): for n = sectors.size() organisations from OrgIndex first,
    /// states[k * n + j] is organisation first + j at dates[k].
    template <class Sink>
    void replay_blocks(std::span<const Date> dates, Sink&& sink) const {
        // Small enough that a block's states and the rows written from them stay in the core's caches.
        constexpr std::size_t block = 128;
        std::vector<OrgState> states(dates.size() * block);
        std::array<Sector, block> sectors{};
        std::array<AreaIndex, block> areas{};
        for (std::size_t first = 0; first < rows_.size(); first += block) {
            const std::size_t n = std::min(block, rows_.size() - first);
            for (std::size_t j = 0; j < n; ++j) {
                const std::size_t i = first + j;
                const auto& row = rows_[i];
                sectors[j] = row.sector;
                areas[j] = row.area;
                Replay r(row.kind, members_[i]);
                auto events = events_store_.view(row.log).cursor();
                for (std::size_t k = 0; k < dates.size(); ++k) {
                    events.replay_until(dates[k], [&](Date d, const auto& p) { r.apply(d, p); });
                    r.settle(dates[k]);
                    states[k * n + j] = r.state();
                }
            }
            sink(first, std::span<const OrgState>(states).first(dates.size() * n),
                 std::span<const Sector>(sectors).first(n), std::span<const AreaIndex>(areas).first(n));
        }
    }

    /// What every replay reads, kept apart from the organisations' names and member lists so that a snapshot
    /// streams 32 bytes an organisation besides its history.
    struct OrgRow {
        EventStore::Entry log;
        AreaIndex area = no_index;
        OrgKind kind = OrgKind::cooperative;  // as registered
        Sector sector = Sector::other;
    };
    /// An organisation being added or changed, until its history is validated.
    struct Staged {
        Organization org;
        std::vector<Member> members;
        EncodedEvents log;
        AreaIndex area = no_index;
    };
    struct IdHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };

    void check_identity(const OrganizationRecord& r, const std::string& where,
                        std::unordered_map<std::string, std::size_t>& batch_ids, std::size_t i,
                        Problems& problems) const {
        const auto& o = r.organization;
        auto problem = [&](ErrorCode code, std::string field, std::string message) {
            auto p = Problem::at(code, std::move(message));
            p.path = where + (field.empty() ? "" : "." + field);
            p.organization = o.id;
            problems.push_back(std::move(p));
        };
        if (o.id.empty()) problem(ErrorCode::missing_field, "id", "the organization id is empty");
        else if (find(o.id) || !batch_ids.emplace(o.id, i).second)
            problem(ErrorCode::duplicate, "id", "organization id " + o.id + " is already used");
        if (o.name.empty()) problem(ErrorCode::missing_field, "name", "the organization name is empty");
        if (!areas_->find(o.area)) problem(ErrorCode::unknown_name, "area", "unknown area code " + o.area);
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
    void validate_history(Staged& s, std::vector<Event> history, const std::string& where,
                          const std::vector<std::string>& paths, Problems& problems) const {
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
        Replay replay(s.org, s.members);
        for (std::size_t j : order) {
            if (auto problem = replay.step(history[j], *law_)) {
                problem->organization = s.org.id;
                problem->path = paths.empty() ? where + ".events[" + std::to_string(j) + "]" : paths[j];
                problems.push_back(std::move(*problem));
                return;  // later events would be judged against a state that never existed
            }
        }
        for (std::size_t j : order) s.log.push_back(history[j]);
    }

    /// Predecessors and counterparts must name organisations of the registry or of the same batch.
    void check_references(const Staged& s, const std::string& where,
                          const std::unordered_map<std::string, std::size_t>* batch_ids,
                          Problems& problems) const {
        s.log.view().replay_until(Date::max(), [&](Date d, const auto& p) {
            for_each_reference(p, [&](const std::string& ref) {
                if (find(ref) || (batch_ids && batch_ids->count(ref))) return;
                auto pr = Problem::at(ErrorCode::unknown_name, "no organization with id " + ref);
                pr.organization = s.org.id;
                pr.date = d;
                pr.path = where;
                problems.push_back(std::move(pr));
            });
        });
    }

    template <class Payload, class F>
    static void for_each_reference(const Payload& p, F&& f) {
        if constexpr (std::is_same_v<Payload, Registered>)
            for (const auto& r : p.predecessors) f(r);
        else if constexpr (std::is_same_v<Payload, ReorganizationStarted> ||
                           std::is_same_v<Payload, ReorganizationCompleted>)
            for (const auto& r : p.counterparts) f(r);
    }

    std::shared_ptr<const law::Framework> law_;
    std::shared_ptr<const AreaCatalog> areas_;
    RegistryInfo info_;
    /// Store the histories again, front to back in organisation order, leaving out dead bytes. Nothing changes
    /// unless every history was copied.
    void compact_events() {
        EventStore fresh;
        std::vector<EventStore::Entry> moved;
        moved.reserve(rows_.size());
        for (const auto& row : rows_) moved.push_back(fresh.store(events_store_.view(row.log)));
        for (std::size_t i = 0; i < rows_.size(); ++i) rows_[i].log = moved[i];
        events_store_ = std::move(fresh);
    }

    // Row i of each of these is the organisation with OrgIndex i.
    std::vector<OrgRow> rows_;
    std::vector<Organization> orgs_;
    std::vector<std::vector<Member>> members_;
    EventStore events_store_;
    std::unordered_map<std::string, OrgIndex, IdHash, std::equal_to<>> by_id_;
    std::size_t events_ = 0;
};

}  // namespace coopecon
