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
#include <coopecon/registry/event_log.hpp>
#include <coopecon/registry/replay.hpp>
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

    std::size_t size() const noexcept { return orgs_.size(); }
    /// Makes room for `n` organisations in all, so that adding them in many batches reallocates nothing.
    void reserve(std::size_t n) {
        orgs_.reserve(n);
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

    const Organization& organization(OrgIndex i) const { return orgs_.at(i).org; }
    std::span<const Member> members(OrgIndex i) const { return orgs_.at(i).members; }
    AreaIndex area(OrgIndex i) const { return orgs_.at(i).area; }
    std::vector<Event> events(OrgIndex i) const { return orgs_.at(i).log.decode(); }
    const EventLog& log(OrgIndex i) const { return orgs_.at(i).log; }

    // ---- changes (all-or-nothing) --------------------------------------------------------------------

    /// Adds organisations with their members and histories. Every problem in every record is reported, with
    /// the path organizations[i].events[j] of the input; nothing is added unless all are valid.
    void add(std::vector<OrganizationRecord> records) {
        Problems problems;
        std::vector<OrgRecord> staged;
        staged.reserve(records.size());
        std::unordered_map<std::string, std::size_t> batch_ids;
        for (std::size_t i = 0; i < records.size(); ++i) {
            auto& r = records[i];
            const std::string where = "organizations[" + std::to_string(i) + "]";
            const auto before = problems.size();
            check_identity(r, where, batch_ids, i, problems);
            if (problems.size() == before) {
                const AreaIndex area = *areas_->find(r.organization.area);  // before r.organization is moved from
                OrgRecord s{std::move(r.organization), std::move(r.members), {}, area};
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
        // Geometric growth: many small batches stay linear overall.
        if (orgs_.size() + staged.size() > orgs_.capacity())
            reserve(std::max(orgs_.size() + staged.size(), 2 * orgs_.capacity()));
        for (auto& s : staged) {
            events_ += s.log.size();
            by_id_.emplace(s.org.id, static_cast<OrgIndex>(orgs_.size()));
            orgs_.push_back(std::move(s));
        }
    }

    void add(OrganizationRecord record) {
        std::vector<OrganizationRecord> one;
        one.push_back(std::move(record));
        add(std::move(one));
    }

    /// Adds a named member to an organisation's member list (admitting them is a member_joined event).
    void add_member(std::string_view org_id, Member m) {
        auto& rec = orgs_[index_of(org_id)];
        Problem p;
        p.organization = std::string(org_id);
        if (m.id.empty()) {
            p.code = ErrorCode::missing_field;
            p.message = "member id is empty";
            throw Error(std::move(p));
        }
        if (std::any_of(rec.members.begin(), rec.members.end(), [&](const Member& x) { return x.id == m.id; })) {
            p.code = ErrorCode::duplicate;
            p.message = "member " + m.id + " is already in the member list";
            throw Error(std::move(p));
        }
        rec.members.push_back(std::move(m));
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
        std::vector<std::pair<OrgIndex, EventLog>> rebuilt;
        for (auto& [index, added] : by_org) {
            const auto& rec = orgs_[index];
            auto history = rec.log.decode();
            // Problems in a batch point at the batch entry; a single append needs no path.
            std::vector<std::string> paths(history.size(), "(recorded)");
            for (auto& [k, e] : added) {
                history.push_back(std::move(e));
                paths.push_back(batch.size() > 1 ? "[" + std::to_string(k) + "]" : "");
            }
            OrgRecord s{rec.org, rec.members, {}, rec.area};
            validate_history(s, std::move(history), "", paths, problems);
            check_references(s, "", nullptr, problems);
            rebuilt.emplace_back(index, std::move(s.log));
        }
        throw_if_any(std::move(problems));
        for (auto& [index, log] : rebuilt) {
            events_ += log.size() - orgs_[index].log.size();
            orgs_[index].log = std::move(log);
        }
    }

    // ---- reads ---------------------------------------------------------------------------------------

    /// The state of one organisation at the end of `date`.
    OrgState state_at(OrgIndex i, Date date) const {
        const auto& rec = orgs_.at(i);
        Replay r(rec.org, rec.members);
        rec.log.replay_until(date, [&](Date d, const auto& p) { r.apply(d, p); });
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
        if (!std::is_sorted(dates.begin(), dates.end()) ||
            std::adjacent_find(dates.begin(), dates.end()) != dates.end())
            throw Error(ErrorCode::usage, "snapshot dates must be strictly increasing");
        if (!columns.empty() && columns.size() != dates.size())
            throw Error(ErrorCode::usage, "snapshot columns must be given for every date or for none");
        std::vector<Snapshot> out(dates.size());
        for (std::size_t k = 0; k < dates.size(); ++k) {
            out[k].as_of = dates[k];
            out[k].resize(orgs_.size(), columns.empty() ? SnapshotColumns::all() : columns[k]);
        }
        // Organisations are replayed a block at a time into `states`, which are then written column by column.
        // Logs are read a few organisations ahead of their replay, so that replaying does not wait for memory.
        constexpr std::size_t block = 128, prefetch_distance = 8;
        std::vector<OrgState> states(dates.size() * block);
        std::array<Sector, block> sectors{};
        std::array<AreaIndex, block> areas{};
        for (std::size_t first = 0; first < orgs_.size(); first += block) {
            const std::size_t n = std::min(block, orgs_.size() - first);
            for (std::size_t j = 0; j < n; ++j) {
                const std::size_t i = first + j;
                if (i + prefetch_distance < orgs_.size()) orgs_[i + prefetch_distance].log.prefetch();
                const auto& rec = orgs_[i];
                sectors[j] = rec.org.sector;
                areas[j] = rec.area;
                Replay r(rec.org, rec.members);
                std::size_t k = 0;
                auto emit_until = [&](Date d) {  // states for every date before d
                    for (; k < dates.size() && dates[k] < d; ++k) {
                        r.settle(dates[k]);
                        states[k * block + j] = r.state();
                    }
                };
                rec.log.replay_until(dates.empty() ? Date::min() : dates.back(), [&](Date d, const auto& p) {
                    emit_until(d);
                    r.apply(d, p);
                });
                emit_until(Date::max());
            }
            for (std::size_t k = 0; k < dates.size(); ++k)
                out[k].set_rows(first, std::span<const OrgState>(states).subspan(k * block, n),
                                std::span<const Sector>(sectors).first(n), std::span<const AreaIndex>(areas).first(n));
        }
        return out;
    }

    /// Bytes the registry holds for its organisations: the records (reserved capacity included), the heap
    /// blocks of their strings, member lists and event logs, and the id index (buckets and nodes). Heap blocks
    /// count at their requested size, without the allocator's own overhead. The legal framework and the area
    /// catalogue are shared and do not grow with the registry, so they are left out.
    std::size_t memory_bytes() const noexcept {
        auto heap = [](const std::string& s) { return s.capacity() > std::string().capacity() ? s.capacity() + 1 : 0; };
        std::size_t n = orgs_.capacity() * sizeof(OrgRecord);
        for (const auto& r : orgs_) {
            n += heap(r.org.id) + heap(r.org.registration_code) + heap(r.org.name) + heap(r.org.area);
            n += r.members.capacity() * sizeof(Member);
            for (const auto& m : r.members) n += heap(m.id) + heap(m.name) + (m.organization ? heap(*m.organization) : 0);
            n += r.log.capacity();
        }
        // A node holds the key, the index, the link to the next node and the cached hash.
        n += by_id_.bucket_count() * sizeof(void*) +
             by_id_.size() * (sizeof(std::pair<const std::string, OrgIndex>) + 2 * sizeof(void*));
        for (const auto& [id, index] : by_id_) n += heap(id);
        return n;
    }

private:
    struct OrgRecord {
        Organization org;
        std::vector<Member> members;
        EventLog log;
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
    void validate_history(OrgRecord& s, std::vector<Event> history, const std::string& where,
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
        s.log.shrink_to_fit();
    }

    /// Predecessors and counterparts must name organisations of the registry or of the same batch.
    void check_references(const OrgRecord& s, const std::string& where,
                          const std::unordered_map<std::string, std::size_t>* batch_ids,
                          Problems& problems) const {
        s.log.replay_until(Date::max(), [&](Date d, const auto& p) {
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
    std::vector<OrgRecord> orgs_;
    std::unordered_map<std::string, OrgIndex, IdHash, std::equal_to<>> by_id_;
    std::size_t events_ = 0;
};

}  // namespace coopecon
