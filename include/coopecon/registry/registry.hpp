#pragma once
// The registry: organisations with their append-only event logs. Every state is derived by replay: the state
// of one organisation at a date, or a columnar snapshot of all of them. Each change is validated against the
// transition table and the integrity rules, and is all-or-nothing: on any problem an Error listing every
// problem is thrown and the registry is exactly as it was.
//
// Reads (const members) never modify anything, so any number of threads may read one registry at once.

#include <coopecon/core/cancellation.hpp>
#include <coopecon/core/date.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/core/ids.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/model/area_catalog.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization.hpp>
#include <coopecon/history/event_log.hpp>
#include <coopecon/history/event_store.hpp>
#include <coopecon/registry/snapshot.hpp>

#include <boost/describe/class.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace coopecon {

namespace detail {
struct StagedOrganization;  // a record checked and encoded, not yet stored (registry.cpp)
struct GivenLinks;          // the links an added organisation's events give, for the checks across organisations
struct Seats;               // the seats a binary form's parts met, by area code
}

/// An organisation with its member list and its whole history, as read from a file or built by a caller.
struct OrganizationRecord {
    Organization organization;
    std::vector<Member> members;
    std::vector<Event> events;
};

/// An organisation whose history is already encoded (history/compact_encoding.hpp), as the binary form holds it:
/// `record.events` is empty, and `events` are the `count` events' bytes.
struct EncodedRecord {
    OrganizationRecord record;
    std::span<const std::byte> events;
    std::uint32_t count = 0;
};

/// One event for one organisation, for batches.
struct Append {
    std::string organization;  // external id
    Event event;
};

/// A named member added to an existing organisation's member list (admitting them is a member_joined event).
struct Listing {
    std::string organization;  // external id
    Member member;
};

/// What a registry says about itself: where its data come from, whether they are real, and which days its
/// histories cover completely: from `history_from` (absent: each organisation's registration) to `as_of`.
struct RegistryInfo {
    std::string title;
    std::string source;
    bool synthetic = false;
    std::optional<Date> as_of;         // the last day the data cover
    std::optional<Date> history_from;  // every event from this day on is recorded; earlier ones may be missing
    // The title and source in Vietnamese (tiêu đề, nguồn), for reports in Vietnamese; none: the ones above serve.
    std::optional<std::string> title_vi;
    std::optional<std::string> source_vi;
    bool operator==(const RegistryInfo&) const = default;
};
BOOST_DESCRIBE_STRUCT(RegistryInfo, (), (title, source, synthetic, as_of, history_from, title_vi, source_vi))

class COOPECON_EXPORT Registry {
public:
    /// An empty registry under Vietnam's law (law::vietnam()) and areas (vietnam_areas()), both embedded in
    /// the library; defined in the compiled library so that callers need not parse JSON headers.
    Registry();

    Registry(std::shared_ptr<const law::Framework> law, std::shared_ptr<const AreaCatalog> areas);

    const law::Framework& law() const noexcept { return *law_; }
    std::shared_ptr<const law::Framework> law_ptr() const noexcept { return law_; }
    const AreaCatalog& areas() const noexcept { return *areas_; }
    std::shared_ptr<const AreaCatalog> areas_ptr() const noexcept { return areas_; }

    RegistryInfo& info() noexcept { return info_; }
    const RegistryInfo& info() const noexcept { return info_; }
    /// The date the data run to, at which every command and the Python API judge the registry when no date is
    /// given: info().as_of, else the date of its latest event (Date::min() when it has none). Judging an export
    /// by a later date would report what nobody recorded yet.
    Date data_as_of() const noexcept;
    /// The first day from which organisation i's history is complete: its own `history_from`, else the
    /// registry's; nullopt when it is complete from its registration.
    std::optional<Date> history_from(OrgIndex i) const;

    std::size_t size() const noexcept { return rows_.size(); }
    /// Makes room for `n` organisations in all, so that adding them in many batches reallocates nothing.
    void reserve(std::size_t n);
    std::size_t event_count() const noexcept { return events_; }

    std::optional<OrgIndex> find(std::string_view id) const;
    /// find() of each of `ids`: for many ids far faster than one at a time, as the lookups overlap.
    std::vector<std::optional<OrgIndex>> find_all(std::span<const std::string_view> ids) const;
    /// The index of `id`, or an Error naming the unknown organisation.
    OrgIndex index_of(std::string_view id) const;

    const Organization& organization(OrgIndex i) const { return orgs_.at(i); }
    std::span<const Member> members(OrgIndex i) const { return members_.at(i); }
    AreaIndex area(OrgIndex i) const { return rows_.at(i).area; }
    std::vector<Event> events(OrgIndex i) const { return log(i).decode(); }
    /// The organisation's encoded history: a view that stays valid until the registry next changes.
    EventLog log(OrgIndex i) const { return events_store_.view(rows_.at(i).log); }

    // ---- changes (all-or-nothing) --------------------------------------------------------------------

    /// Adds organisations with their members and histories. Every problem in every record is reported, with
    /// the path organizations[i].events[j] of the input; nothing is added unless all are valid.
    void add(std::vector<OrganizationRecord> records);
    void add(OrganizationRecord record);

    /// What add_part remembers between the parts of one input.
    struct Parts {
        /// Ids of the records refused so far: still taken for later records, and still known to references.
        std::unordered_set<std::string> refused;
        /// References to organisations no part has added yet, each with the problem to report if none does.
        std::vector<std::pair<std::string, Problem>> unresolved;
        /// The organisations added so far that the checks across organisations concern (their events name
        /// others, or their members are organisations): checked by finish_parts, once every part is added.
        std::shared_ptr<std::vector<detail::GivenLinks>> related;
        /// The seats met so far (add_encoded_part).
        std::shared_ptr<detail::Seats> seats;
    };

    /// Adds one part of an input read a part at a time (a file read one organisation after another, in bounded
    /// memory): the records that are valid are added, and the problems of the others are appended to
    /// `problems` as add() reports them, with the path organizations[input_index[i]]. A reference to an
    /// organisation not added yet waits in `parts`, as a later part may add it; finish_parts reports those
    /// still unknown. Together the parts give the problems add() gives for the whole input at once; a caller
    /// that meets one discards the registry.
    void add_part(std::vector<OrganizationRecord> records, std::span<const std::size_t> input_index, Parts& parts,
                  Problems& problems);
    /// Appends to `problems` those of the references waiting in `parts` that name no organisation, then those
    /// of the rules across organisations (docs/legal-rules.md) for the organisations the parts added.
    void finish_parts(Parts& parts, Problems& problems) const;

    /// Adds organisations whose histories were validated when they were written (the binary form), copying their
    /// encoded histories into the store. Identities, member lists, seats and the organisations that events name
    /// are checked as add() checks them, and so are the rules across organisations (docs/legal-rules.md) for those
    /// whose events name others or whose members are organisations; the histories only for what a replay takes
    /// for granted (history/replayable.hpp), not against the legal rules again. All or nothing, with paths
    /// organizations[i].
    void add_encoded(std::vector<EncodedRecord> records);

    /// Adds one part of the organisations of a binary form read a part at a time, as add_part adds one part of a
    /// file: the records that add_encoded would take are added, the problems of the others are appended to
    /// `problems` with the paths organizations[first + i], and finish_parts reports the references still unknown
    /// and the rules across organisations. The records' identities and member lists are moved from.
    void add_encoded_part(std::span<EncodedRecord> records, std::size_t first, Parts& parts, Problems& problems);

    /// Adds a named member to an organisation's member list (admitting them is a member_joined event).
    void add_member(std::string_view org_id, Member m);

    /// Appends one event, validated against the state at its date and against every later event.
    void append(std::string_view org_id, Event e);

    /// Appends a batch: all events are validated together (in date order per organisation, batch order on
    /// equal dates); either all are recorded or none.
    void append(std::vector<Append> batch);

    /// Adds organisations, lists named members and appends events as one change, validated together: a
    /// reorganisation registers its successors and completes in its predecessors on one day, and each side is
    /// judged against the other (docs/legal-rules.md, "Reorganisations across organisations"). Either all is
    /// recorded or nothing. Problems of `added` have the paths organizations[i]..., of `appended` [k]...
    void record(std::vector<OrganizationRecord> added, std::vector<Listing> listed, std::vector<Append> appended);

    /// Every problem record() would refuse the same change with; the registry is not changed.
    Problems problems_of(std::vector<OrganizationRecord> added, std::vector<Listing> listed,
                         std::vector<Append> appended) const;

    // ---- reads ---------------------------------------------------------------------------------------

    /// The state of one organisation at the end of `date`.
    OrgState state_at(OrgIndex i, Date date) const;
    OrgState state_at(std::string_view id, Date date) const;

    /// Every organisation's state at the end of `date`, as columns (row i = OrgIndex i): the selected columns.
    /// The organisations are replayed in parts on `threads` threads (0: one per core); the snapshot is the same.
    /// Throws Cancelled once `cancel` is set (it is read every few thousand organisations).
    Snapshot snapshot(Date date, SnapshotColumns columns = SnapshotColumns::all(), unsigned threads = 0,
                      const CancellationToken* cancel = nullptr) const;

    /// Snapshots at several dates from one replay of each history: row i of every snapshot is OrgIndex i.
    /// `dates` must be in increasing order (series of periods ask for their ends this way). `columns` selects
    /// the columns of each snapshot, one entry per date; when empty, every snapshot has every column. Replayed
    /// on `threads` threads, and cancelled, as snapshot() is.
    std::vector<Snapshot> snapshots(std::span<const Date> dates, std::span<const SnapshotColumns> columns = {},
                                    unsigned threads = 0, const CancellationToken* cancel = nullptr) const;

    /// The same snapshots as `snapshots(dates, columns)`, handed over a block of organisations at a time, for
    /// work that reduces rows and needs no whole columns: f(first, blocks) gets blocks[k] at dates[k], whose
    /// row j is OrgIndex first + j. The blocks are small and reused, so the rows stay in cache and no column
    /// of the registry's size is ever allocated; they are valid only during the call.
    template <class F>
    void for_each_snapshot_block(std::span<const Date> dates, std::span<const SnapshotColumns> columns, F&& f) const {
        for_each_snapshot_block(dates, columns, 0, size(), std::forward<F>(f));
    }
    /// The same for the organisations [begin, end) only: for parts of the registry on threads of their own.
    template <class F>
    void for_each_snapshot_block(std::span<const Date> dates, std::span<const SnapshotColumns> columns,
                                 std::size_t begin, std::size_t end, F&& f) const {
        snapshot_blocks(dates, columns, begin, end,
                        [&f](std::size_t first, std::span<const Snapshot> blocks) { f(first, blocks); });
    }

    /// Bytes the registry holds for its organisations: the records (reserved capacity included), the heap
    /// blocks of their strings and member lists, the event store (dead and reserved bytes included), and the id
    /// index (buckets and nodes). Heap blocks count at their requested size, without the allocator's own
    /// overhead. The legal framework and the area catalogue are shared and do not grow with the registry, so
    /// they are left out.
    std::size_t memory_bytes() const noexcept;

private:
    /// for_each_snapshot_block compiled once: `f` is called once a block, not once a row.
    using BlockSink = std::function<void(std::size_t first, std::span<const Snapshot> blocks)>;
    void snapshot_blocks(std::span<const Date> dates, std::span<const SnapshotColumns> columns, std::size_t begin,
                         std::size_t end, const BlockSink& f) const;

    /// Replays the histories of organisations [begin, end) once to each of `dates`, a block of organisations at a
    /// time, and hands each block to sink(first, states, sectors, areas): for n = sectors.size() organisations
    /// from OrgIndex first, states[k * n + j] is organisation first + j at dates[k]. Defined with the snapshots
    /// that use it.
    template <class Sink>
    void replay_blocks(std::span<const Date> dates, std::size_t begin, std::size_t end, Sink&& sink) const;

    /// Stores records that add_part checked, through store_added.
    void store(std::vector<detail::StagedOrganization>& staged);
    /// Stores the records marked valid, whose histories are `logs`, through store_added.
    void store_encoded(std::span<EncodedRecord> records, std::span<const EventLog> logs,
                       std::span<const AreaIndex> areas, const std::vector<bool>& valid);
    /// The last step of add and add_encoded, once everything is checked: stores the histories and the rows.
    void store_added(std::span<const EventLog> logs, std::vector<Organization> orgs,
                     std::vector<std::vector<Member>> members, std::span<const AreaIndex> areas);

    /// Store the histories again, front to back in organisation order, leaving out dead bytes. Nothing changes
    /// unless every history was copied.
    void compact_events();

    /// What every replay reads, kept apart from the organisations' names and member lists so that a snapshot
    /// streams 32 bytes an organisation besides its history.
    struct OrgRow {
        EventStore::Entry log;
        AreaIndex area = no_index;
        OrgKind kind = OrgKind::cooperative;  // as registered
        Sector sector = Sector::other;
    };
    /// Organisation ids to their indexes, by open addressing over the indexes alone: the ids stay in orgs_, and a
    /// slot takes 4 bytes with at least half the slots free, where a hash map kept a node with a copy of the id
    /// (about 80 bytes an organisation).
    class IdIndex {
    public:
        std::optional<OrgIndex> find(std::string_view id, const std::vector<Organization>& orgs) const noexcept;
        /// find() of each of `ids` into `out`, each slot fetched from memory a few ids before it is probed.
        void find_all(std::span<const std::string_view> ids, std::span<std::optional<OrgIndex>> out,
                      const std::vector<Organization>& orgs) const noexcept;
        /// Room for `n` ids in all, so that inserting up to them allocates nothing.
        void reserve(std::size_t n, const std::vector<Organization>& orgs);
        /// Indexes orgs[first] onwards, whose ids are not indexed yet, each slot fetched from memory a few ids
        /// before it is written; room must have been reserved for them.
        void insert_from(OrgIndex first, const std::vector<Organization>& orgs) noexcept;
        std::size_t capacity_bytes() const noexcept { return slots_.capacity() * sizeof(slots_[0]); }

    private:
        std::optional<OrgIndex> find(std::string_view id, std::size_t hash,
                                     const std::vector<Organization>& orgs) const noexcept;
        void place(OrgIndex i, std::size_t hash) noexcept;
        std::vector<std::uint32_t> slots_;  // OrgIndex + 1 and bits of the id's hash (registry.cpp); 0 is free
        std::size_t used_ = 0;
    };
    std::shared_ptr<const law::Framework> law_;
    std::shared_ptr<const AreaCatalog> areas_;
    RegistryInfo info_;
    // Row i of each of these is the organisation with OrgIndex i.
    std::vector<OrgRow> rows_;
    std::vector<Organization> orgs_;
    std::vector<std::vector<Member>> members_;
    EventStore events_store_;
    IdIndex by_id_;
    std::size_t events_ = 0;
};

}  // namespace coopecon
