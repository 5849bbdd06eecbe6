// One simulation run: organisations advance through a calendar of days. Each organisation has one pending
// random event at a time (the competing risks of its status: a waiting time drawn from the sum of its monthly
// rates, then which one by their shares) and scheduled items (yearly records, the end of a suspension notice,
// the completion of a dissolution, the registration office's action once a compliance rule is due). Every
// event goes through Replay::step before it changes anything.

#include "world.hpp"

#include <coopecon/compliance/due_dates.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/law/period.hpp>
#include <coopecon/simulation/synthetic.hpp>

#include "registry/huge_pages.hpp"
#include "simulation/draws.hpp"
#include "simulation/yearly_draws.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <type_traits>
#include <utility>

namespace coopecon::simulation::detail {
namespace {

enum class ItemType : std::uint8_t {
    hazard,          // tag: generation
    register_org,    // a founded organisation's registration
    notice_end,      // last day of a suspension notice; tag: generation
    redraw,          // the status changed without an event (a notice ran out); tag: generation
    yearly,          // 1 December: the year's records are scheduled
    report,
    financial_year,
    assembly,
    assessment,
    office,          // tag: office_tag(rule (0 no annual assembly, 1 below minimum), delayed, due-date version)
    completion,      // a dossier completes a dissolution, or its lapse day comes
    merge_complete,  // tag: the receiving organisation
};

struct Item {
    std::uint32_t org;
    std::uint32_t tag;
    ItemType type;
};

/// Per organisation, per run.
struct Org {
    WideStream rng{SeedTree(0)};
    std::uint32_t gen = 0;
    std::optional<Date> assembly_from;  // no annual assembly counted from (its first day counted)
    std::optional<Date> below_from;     // below the minimum of members since
    std::optional<Date> below_counted;  // and counted from
    Date due_assembly = Date::max(), due_below = Date::max();
    std::array<std::uint32_t, 2> due_version{};  // per rule, counts the changes of its due date: older items lapse
    std::uint8_t cls = unrated_class;
    bool merging = false;
    Date merge_on = Date::max();  // the day its merger completes
};

/// Registered, and active or suspended.
constexpr bool live(const OrgState& s) noexcept { return s.registered && is_live(s.status); }

constexpr std::uint8_t status_bit(LegalStatus s) noexcept { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(s)); }

class Run {
public:
    Run(const Setup& s, std::int32_t run, RunOutput& out)
        : S_(s), out_(out), tree_(SeedTree(s.seed).child("run").child(static_cast<std::uint64_t>(run))) {
        total_days_ = s.end.days_since_epoch() - s.start.days_since_epoch();
        if (days_.size() < static_cast<std::size_t>(total_days_) + 1) days_.resize(static_cast<std::size_t>(total_days_) + 1);
        for (auto& b : days_) b.clear();
        const std::size_t n = s.replays.size();
        // Room for the organisations founded during the run, so that the working state is not moved when they
        // come; fresh buffers are backed by huge pages, as the run reads them in no order.
        const std::size_t room = n + n / 4 + 1024;
        fresh(replays_, room);
        fresh(orgs_, room);
        replays_ = s.replays;
        sectors_ = s.sectors;
        areas_ = s.areas;
        founded_coops_.clear();
        orgs_.assign(n, Org{});
        const SeedTree existing = tree_.child("org");
        for (std::size_t i = 0; i < n; ++i) {
            auto& o = orgs_[i];
            o.rng = existing.child(i).wide_stream();
            o.assembly_from = s.initial[i].assembly_from;
            o.below_from = s.initial[i].below_from;
            o.below_counted = s.initial[i].below_counted;
            o.cls = s.initial[i].cls;
        }
        out_.stats = {};
        tabulate_hazards();
        for (const auto& r : replays_) live_ += r.state().exists_and_not_terminated() ? 1 : 0;
    }

    bool go(const CancellationToken* cancel) {
        const Date d0 = S_.start;
        // Existing organisations: their pending random event, the office's due dates, their yearly records, and
        // what was under way at the start.
        for (std::uint32_t i = 0; i < orgs_.size(); ++i) {
            const auto& st = replays_[i].state();
            if (!st.exists_and_not_terminated()) continue;
            redraw(i, d0);
            reschedule_office(i, d0);
            if (live(st)) first_records(i, d0);
            if (st.status == LegalStatus::suspended && st.suspended_until)
                schedule(std::max(*st.suspended_until, d0.plus_days(1)), {i, orgs_[i].gen, ItemType::notice_end});
            if (st.status == LegalStatus::in_dissolution) schedule_completion(i, d0);
        }
        std::size_t next_report = 0;
        std::size_t next_boundary = 0;
        std::size_t next_minimum = 0;
        Snapshot before, end;
        snapshot(d0, before);
        for (std::int32_t m = 0; m < S_.months; ++m) {
            if (cancel && cancel->cancelled()) return false;
            const Date month_start = S_.month_ends[static_cast<std::size_t>(m)].plus_days(1);
            const Date month_end = S_.month_ends[static_cast<std::size_t>(m) + 1];
            out_.stats.organisation_months += live_;
            found(month_start, month_end, m);
            for (Date d = month_start; d <= month_end; d = d.plus_days(1)) {
                while (next_boundary < S_.boundaries.size() && S_.boundaries[next_boundary] <= d) {
                    if (S_.boundaries[next_boundary] == d) redraw_all(d);
                    ++next_boundary;
                }
                while (next_minimum < S_.minimum_changes.size() && S_.minimum_changes[next_minimum] <= d) {
                    if (S_.minimum_changes[next_minimum] == d) minimum_changed(d);
                    ++next_minimum;
                }
                if (d.day() == 1) programmes(d);
                process_day(d);
            }
            if (next_report < S_.report_months.size() && S_.report_months[next_report] == m + 1) {
                snapshot(month_end, end);
                report(before, end, S_.month_ends[static_cast<std::size_t>(
                                        next_report == 0 ? 0 : S_.report_months[next_report - 1])]
                                        .plus_days(1),
                       month_end);
                std::swap(before, end);
                ++next_report;
            }
        }
        return true;
    }

private:
    /// Gives `v` room for `room` elements, in a new buffer backed by huge pages when it has less.
    template <class T>
    static void fresh(std::vector<T>& v, std::size_t room) {
        if (v.capacity() >= room) return;
        std::vector<T> bigger;
        bigger.reserve(room);
        coopecon::detail::advise_huge_pages(bigger.data(), room * sizeof(T));
        v = std::move(bigger);
    }

    // ---- the calendar ---------------------------------------------------------------------------------

    void schedule(Date d, Item item) {
        const std::int32_t k = d.days_since_epoch() - S_.start.days_since_epoch();
        if (k <= 0 || k > total_days_) return;
        days_[static_cast<std::size_t>(k)].push_back(item);
    }

    void process_day(Date d) {
        today_ = d;
        today_year_ = d.year();
        auto& bucket = days_[static_cast<std::size_t>(d.days_since_epoch() - S_.start.days_since_epoch())];
        for (std::size_t k = 0; k < bucket.size(); ++k) {
            // The organisations of a day are scattered over memory (at national scale tens of megabytes): fetch
            // the state of one a few items ahead while this one is handled, instead of waiting for each in turn.
            if (k + prefetch_distance < bucket.size()) prefetch(bucket[k + prefetch_distance].org);
            const Item item = bucket[k];  // the bucket may grow while items are handled
            handle(item, d);
        }
        bucket.clear();
    }

    static constexpr std::size_t prefetch_distance = 4;

    /// d.year(), without the calendar conversion when d is the day being processed (most items ask for it).
    int year_of(Date d) const noexcept { return d == today_ ? today_year_ : d.year(); }

    void prefetch(std::uint32_t i) const {
        const auto* replay = reinterpret_cast<const char*>(&replays_[i]);
        for (std::size_t line = 0; line < sizeof(Replay); line += 64) __builtin_prefetch(replay + line);
        __builtin_prefetch(&orgs_[i]);
    }


    // ---- events -----------------------------------------------------------------------------------------

    /// Validates and applies one event; false when the transition table or the integrity rules refuse it. The
    /// payload is built into the event in place (no intermediate variant to move and destroy).
    template <class Payload>
    bool step(std::uint32_t i, Date d, Payload&& payload) {
        Event e{d, EventData(std::in_place_type<std::remove_cvref_t<Payload>>, std::forward<Payload>(payload))};
        auto& r = replays_[i];
        const LegalStatus before = r.state().status;
        const bool was_registered = r.state().registered;
        if (auto problem = r.step(e, *S_.law)) {
            ++out_.stats.refused;
            return false;
        }
        ++out_.stats.events;
        after<std::remove_cvref_t<Payload>>(i, e, before, was_registered);
        if (S_.keep_events) out_.events.emplace_back(i, std::move(e));
        return true;
    }

    /// Brings organisation i to day d; a dissolution that terminates by lapse on the way is counted as ended (the
    /// replay derives it: no event is written).
    void settle(std::uint32_t i, Date d) {
        auto& r = replays_[i];
        const LegalStatus before = r.state().status;
        r.settle(d);
        if (before == LegalStatus::in_dissolution && r.state().status == LegalStatus::terminated) ended(i);
    }

    /// An organisation that has just ended leaves the live count and the office's view.
    void ended(std::uint32_t i) {
        auto& o = orgs_[i];
        --live_;
        ++o.gen;
        o.due_assembly = o.due_below = Date::max();
        o.below_from.reset();
        o.below_counted.reset();
    }

    /// Keeps the office's view up to date after an event with a payload of type Payload (compiled per type: most
    /// events concern none of the office's grounds).
    template <class Payload>
    void after(std::uint32_t i, const Event& e, LegalStatus before, bool was_registered) {
        auto& o = orgs_[i];
        const auto& st = replays_[i].state();
        const Date d = e.date;
        if constexpr (std::is_same_v<Payload, AssemblyHeld>) {
            if (e.get<AssemblyHeld>()->kind == AssemblyKind::annual) {
                o.assembly_from = d.plus_days(1);
                reschedule_office(i, d);
            }
        }
        if constexpr (std::is_same_v<Payload, ConvertedToCooperative> || std::is_same_v<Payload, Registered>) {
            o.assembly_from = d.plus_days(1);  // counted from the day after (Civil Code Art 147.2)
            update_below(i, d);
            reschedule_office(i, d);
        } else if constexpr (std::is_same_v<Payload, MembersJoined> || std::is_same_v<Payload, MembersLeft> ||
                             std::is_same_v<Payload, MemberJoined> || std::is_same_v<Payload, MemberLeft>) {
            // Only a change of the minimum-members condition moves a due date.
            const auto below = o.below_from;
            update_below(i, d);
            if (below != o.below_from) reschedule_office(i, d);
        }
        if (st.status != before || !was_registered) {
            if (!was_registered && st.registered) ++live_;
            if (st.status == LegalStatus::terminated && before != LegalStatus::terminated) {
                ended(i);
            } else {
                ++o.gen;
                if (live(st)) redraw(i, d);
                if (!live(st)) {
                    o.due_assembly = o.due_below = Date::max();
                    o.below_from.reset();
                    o.below_counted.reset();
                }
            }
        }
    }

    /// The minimum-members condition after a change of members (counted from the next day, Civil Code Art
    /// 147.2) or of law (counted from its first day).
    void update_below(std::uint32_t i, Date d, bool law_changed = false) {
        auto& o = orgs_[i];
        const auto& st = replays_[i].state();
        const auto p = st.kind == OrgKind::cooperative_group ? law::Param::min_members_cooperative_group
                       : st.kind == OrgKind::cooperative     ? law::Param::min_members_cooperative
                                                             : law::Param::min_members_union;
        const auto min = S_.law->value(p, d);
        const std::int64_t have = st.kind == OrgKind::cooperative_group ? st.members.total() : st.members.official();
        const bool below = min && have < *min;
        if (below && !o.below_from) {
            o.below_from = d;
            o.below_counted = law_changed ? d : d.plus_days(1);
        }
        if (!below) {
            o.below_from.reset();
            o.below_counted.reset();
        }
    }

    /// The office acts on the day after a ground is due, then with the office's monthly rate.
    void reschedule_office(std::uint32_t i, Date d) {
        auto& o = orgs_[i];
        const auto& st = replays_[i].state();
        if (!live(st)) return;
        const bool coop = st.kind != OrgKind::cooperative_group;
        const auto due = [&](law::Rule r, const std::optional<Date>& began, const std::optional<Date>& counted) {
            if (!began || !counted) return Date::max();
            return due_date(r, *began, *counted);
        };
        const Date a = coop ? due(law::Rule::no_annual_assembly, o.assembly_from, o.assembly_from) : Date::max();
        const Date b = due(coop ? law::Rule::below_minimum_members : law::Rule::group_below_minimum_members,
                           o.below_from, o.below_counted);
        if (a != o.due_assembly) {
            o.due_assembly = a;
            ++o.due_version[0];
            if (a != Date::max()) schedule(std::max(a, d).plus_days(1), {i, office_tag(0, false, o.due_version[0]), ItemType::office});
        }
        if (b != o.due_below) {
            o.due_below = b;
            ++o.due_version[1];
            if (b != Date::max()) schedule(std::max(b, d).plus_days(1), {i, office_tag(1, false, o.due_version[1]), ItemType::office});
        }
    }
    /// compliance::due_date under the run's law, Date::max() for none. Many organisations share the same days
    /// (assemblies fall in one season), so recent answers are kept in a small direct-mapped table.
    Date due_date(law::Rule r, Date began, Date counted) {
        const auto b = static_cast<std::uint32_t>(began.days_since_epoch());
        const auto c = static_cast<std::uint32_t>(counted.days_since_epoch());
        auto& slot = due_dates_[(b * 31 + c * 7 + static_cast<std::uint32_t>(r)) % due_dates_.size()];
        if (!slot.known || slot.rule != r || slot.began != began || slot.counted != counted) {
            const auto when = compliance::due_date(*S_.law, r, began, counted);
            slot = {began, counted, when ? *when : Date::max(), r, true};
        }
        return slot.due;
    }
    /// An office item's tag: the rule (bit 0), whether the office's delay has been drawn (bit 1), and the version
    /// of the rule's due date it was scheduled for (the rest), so that an item of a due date since moved lapses.
    static constexpr std::uint32_t office_tag(std::uint32_t rule, bool delayed, std::uint32_t version) noexcept {
        return rule | (delayed ? 2u : 0u) | version << 2;
    }

    // ---- rates --------------------------------------------------------------------------------------------

    double rate_of(std::uint32_t i, Hazard h, Date d) const {
        const double r = S_.rates.at(h, replays_[i].state().kind, sectors_[i]);
        return rate_programmes_ ? with_programmes(r, i, h, d) : r;
    }
    /// A rate as the programmes active on d that target organisation i change it.
    [[gnu::noinline]] double with_programmes(double r, std::uint32_t i, Hazard h, Date d) const {
        const auto& st = replays_[i].state();
        for (const auto& p : S_.programmes)
            if (p.spec.type == ProgrammeType::rate_change && p.spec.hazard == h && p.active_on(d) &&
                p.targets(st.kind, sectors_[i], areas_[i]))
                r *= *p.spec.factor;
        return r;
    }

    static std::int32_t waiting_days(WideStream& rng, double per_month) {
        const double months = -std::log1p(-rng.uniform()) / per_month;
        const double days = std::ceil(months * days_per_month);
        return days > 1e6 ? 1'000'000 : std::max<std::int32_t>(1, static_cast<std::int32_t>(days));
    }

    static constexpr std::array<Hazard, 7> competing{Hazard::suspension,    Hazard::resumption,
                                                     Hazard::member_joining, Hazard::member_leaving,
                                                     Hazard::voluntary_dissolution, Hazard::merger,
                                                     Hazard::conversion};

    using Competing = std::array<double, competing.size()>;

    /// Whether an organisation of this status and kind is exposed to competing hazard k.
    static constexpr bool exposed(std::size_t k, LegalStatus status, OrgKind kind) noexcept {
        const Hazard z = competing[k];
        if (!(hazard_info(z).exposure & status_bit(status))) return false;
        if (z == Hazard::merger) return kind == OrgKind::cooperative;
        if (z == Hazard::conversion) return kind == OrgKind::cooperative_group;
        return true;
    }

    static constexpr std::size_t base_index(LegalStatus status, OrgKind kind, Sector sector) noexcept {
        return (static_cast<std::size_t>(status) * kind_count + static_cast<std::size_t>(kind)) * sector_count +
               static_cast<std::size_t>(sector);
    }

    /// The competing rates of every status, kind and sector before programmes, looked up when no programme
    /// changes a rate (the same numbers rate_of gives then).
    void tabulate_hazards() {
        rate_programmes_ = std::any_of(S_.programmes.begin(), S_.programmes.end(),
                                       [](const auto& p) { return p.spec.type == ProgrammeType::rate_change; });
        base_hazards_.assign(enum_count<LegalStatus> * kind_count * sector_count, Competing{});
        for (const auto status : enum_values<LegalStatus>())
            for (std::size_t kind = 0; kind < kind_count; ++kind)
                for (std::size_t sector = 0; sector < sector_count; ++sector) {
                    auto& h = base_hazards_[base_index(status, static_cast<OrgKind>(kind), static_cast<Sector>(sector))];
                    for (std::size_t k = 0; k < competing.size(); ++k)
                        if (exposed(k, status, static_cast<OrgKind>(kind)))
                            h[k] = S_.rates.at(competing[k], static_cast<OrgKind>(kind), static_cast<Sector>(sector));
                }
    }

    Competing hazards(std::uint32_t i, Date d) const {
        const auto& st = replays_[i].state();
        if (!rate_programmes_) return base_hazards_[base_index(st.status, st.kind, sectors_[i])];
        Competing h{};
        for (std::size_t k = 0; k < competing.size(); ++k)
            if (exposed(k, st.status, st.kind)) h[k] = rate_of(i, competing[k], d);
        return h;
    }

    /// The next random event of organisation i from day d.
    void redraw(std::uint32_t i, Date d) {
        auto& o = orgs_[i];
        ++o.gen;
        const auto h = hazards(i, d);
        double total = 0;
        for (const double x : h) total += x;
        if (!(total > 0)) return;
        schedule(d.plus_days(waiting_days(o.rng, total)), {i, o.gen, ItemType::hazard});
    }

    /// A new minimum of members: who is below it now, and when that becomes a ground.
    void minimum_changed(Date d) {
        for (std::uint32_t i = 0; i < orgs_.size(); ++i) {
            auto& r = replays_[i];
            settle(i, d);
            if (!live(r.state())) continue;
            update_below(i, d, true);
            reschedule_office(i, d);
        }
    }

    void redraw_all(Date d) {
        for (std::uint32_t i = 0; i < orgs_.size(); ++i) {
            auto& r = replays_[i];
            settle(i, d);
            if (live(r.state())) redraw(i, d);
        }
    }

    // ---- handling items -----------------------------------------------------------------------------------

    void handle(const Item& item, Date d) {
        const std::uint32_t i = item.org;
        auto& r = replays_[i];
        settle(i, d);
        const auto& st = r.state();
        auto& o = orgs_[i];
        // On the day a merger completes, the organisations concerned record only the merger, so that what one
        // gives is what the other receives (docs/legal-rules.md): their other changes wait a day.
        if (d == o.merge_on && (item.type == ItemType::hazard || item.type == ItemType::financial_year)) {
            schedule(d.plus_days(1), item);
            return;
        }
        switch (item.type) {
            case ItemType::register_org: return register_org(i, d);
            case ItemType::hazard:
                if (item.tag == o.gen && live(st)) fire(i, d);
                return;
            case ItemType::redraw:
                if (item.tag == o.gen && live(st)) redraw(i, d);
                return;
            case ItemType::notice_end: return notice_end(i, d);
            case ItemType::yearly: return yearly(i, d);
            case ItemType::report:
                if (live(st)) step(i, d, ReportFiled{year_of(d)});
                return;
            case ItemType::financial_year:
                if (live(st) && st.kind != OrgKind::cooperative_group) financial_year(i, d);
                return;
            case ItemType::assembly:
                if (live(st) && st.kind != OrgKind::cooperative_group)
                    step(i, d, AssemblyHeld{AssemblyKind::annual});
                return;
            case ItemType::assessment:
                if (live(st) && st.kind == OrgKind::cooperative) assess(i, d);
                return;
            case ItemType::office: return office(i, d, item.tag);
            case ItemType::completion:  // a lapse has been settled above
                if (st.status == LegalStatus::in_dissolution) step(i, d, DissolutionCompleted{CompletionMode::dossier});
                return;
            case ItemType::merge_complete: return merge_complete(i, item.tag, d);
        }
    }

    void fire(std::uint32_t i, Date d) {
        auto& o = orgs_[i];
        const auto h = hazards(i, d);
        double total = 0;
        for (const double x : h) total += x;
        double u = o.rng.uniform() * total;
        std::size_t k = 0;
        while (k + 1 < h.size() && (h[k] == 0 || u >= h[k])) {
            u -= h[k];
            ++k;
        }
        const std::uint32_t gen = o.gen;
        switch (competing[k]) {
            case Hazard::suspension: suspend(i, d); break;
            case Hazard::resumption: step(i, d, Resumed{}); break;
            case Hazard::member_joining: join(i, d); break;
            case Hazard::member_leaving: leave(i, d); break;
            case Hazard::voluntary_dissolution: dissolve(i, d, false); break;
            case Hazard::merger: merge(i, d, false); break;
            case Hazard::conversion: convert(i, d); break;
            default: break;
        }
        // A status change redrew in after(); otherwise the next event is drawn afresh (memoryless).
        if (orgs_[i].gen == gen && live(replays_[i].state())) redraw(i, d);
    }

    bool suspend(std::uint32_t i, Date d) {
        auto& o = orgs_[i];
        const auto& st = replays_[i].state();
        const Date until = notice_until(o.rng, d);
        const auto notice = S_.law->value(st.kind == OrgKind::cooperative_group
                                              ? law::Param::group_suspension_notice_working_days
                                              : law::Param::suspension_notice_working_days,
                                          d);
        const int ahead = static_cast<int>(notice.value_or(3)) + static_cast<int>(o.rng.below(5));
        if (!step(i, d, Suspended{until, d.plus_working_days(-ahead)})) return false;
        schedule(until, {i, o.gen, ItemType::notice_end});
        return true;
    }

    Date notice_until(WideStream& rng, Date d) const {
        const auto cap = S_.law->value(law::Param::suspension_max_months, d).value_or(12);
        const int months = std::max<int>(1, std::min<int>(static_cast<int>(cap), 3 + static_cast<int>(rng.below(10))));
        return d.plus_months(months).plus_days(-1);
    }

    /// The last day of a notice: another notice follows, or the organisation is active again the next day.
    void notice_end(std::uint32_t i, Date d) {
        auto& o = orgs_[i];
        const auto& st = replays_[i].state();
        if (st.status != LegalStatus::suspended || !st.suspended_until || *st.suspended_until != d) return;
        if (o.rng.bernoulli(rate_of(i, Hazard::extension, d))) {
            const Date until = notice_until(o.rng, d);
            if (step(i, d, Suspended{until, d.plus_working_days(-3 - static_cast<int>(o.rng.below(5)))})) {
                schedule(until, {i, o.gen, ItemType::notice_end});
                return;
            }
        }
        ++o.gen;
        schedule(d.plus_days(1), {i, o.gen, ItemType::redraw});
    }

    Dong share_of(const OrgState& st) const {
        const auto official = std::max(1, st.members.official());
        return std::max<Dong>(0, st.members.capital_official / official);
    }

    void join(std::uint32_t i, Date d) {
        auto& o = orgs_[i];
        const auto& st = replays_[i].state();
        const auto n = static_cast<std::int32_t>(1 + o.rng.poisson(0.04 * st.members.total()));
        const MemberType type = st.kind == OrgKind::union_of_cooperatives ? MemberType::cooperative
                                : st.members.of(MemberType::household) > st.members.of(MemberType::individual)
                                    ? MemberType::household
                                    : MemberType::individual;
        step(i, d, MembersJoined{MemberKind::official, type, n, 0, share_of(st) * n});
    }

    void leave(std::uint32_t i, Date d) {
        auto& o = orgs_[i];
        const auto& st = replays_[i].state();
        const auto& c = st.members;
        // The member type with most official members leaves; never the last member.
        std::size_t type = 0;
        for (std::size_t t = 1; t < c.by_type.size(); ++t)
            if (c.by_type[t] > c.by_type[type]) type = t;
        const std::int32_t available = std::min(c.official() - 1, c.by_type[type]);
        if (available < 1) return;
        const auto n = static_cast<std::int32_t>(
            std::min<std::int64_t>(available, 1 + o.rng.poisson(0.03 * st.members.total())));
        const Dong capital = std::min<Dong>(c.capital_official, share_of(st) * n);
        step(i, d, MembersLeft{MemberKind::official, static_cast<MemberType>(type), n, 0, capital});
    }

    bool dissolve(std::uint32_t i, Date d, bool programme) {
        auto& o = orgs_[i];
        const auto& st = replays_[i].state();
        std::int32_t approval = 100;
        if (st.kind != OrgKind::cooperative_group) {
            const auto need = S_.law->value(law::Param::special_resolution_percent, d).value_or(65);
            approval = static_cast<std::int32_t>(o.rng.between(need, 100));
        }
        if (!step(i, d, DissolutionResolved{DissolutionBasis::members_resolution, approval})) return false;
        if (programme) ++out_.stats.programme_actions;
        schedule_completion(i, d);
        return true;
    }

    /// A dissolution under way completes on a dossier (one to five months on, before its lapse day) or by lapse,
    /// which the replay derives on the day the law gives (OrgState::lapses_on); where the law gives none, on a
    /// dossier.
    void schedule_completion(std::uint32_t i, Date d) {
        auto& o = orgs_[i];
        const auto& st = replays_[i].state();
        const bool dossier = !st.lapses_on || o.rng.bernoulli(rate_of(i, Hazard::dossier, d));
        if (dossier) {
            Date when = std::max(d, st.status_since).plus_days(30 + static_cast<std::int32_t>(o.rng.below(120)));
            if (st.lapses_on && when >= *st.lapses_on) when = std::max(d.plus_days(1), st.lapses_on->plus_days(-1));
            schedule(when, {i, 0, ItemType::completion});
        } else {
            schedule(std::max(d.plus_days(1), *st.lapses_on), {i, 0, ItemType::completion});
        }
    }

    /// A cooperative merged into another of its area (the best classified, then the largest, for a programme;
    /// one drawn at random otherwise). Both record the reorganisation; it completes two to four months on.
    bool merge(std::uint32_t i, Date d, bool programme) {
        auto& o = orgs_[i];
        if (o.merging) return false;
        std::vector<std::uint32_t> candidates;
        auto consider = [&](std::uint32_t j) {
            if (j == i || orgs_[j].merging) return;
            settle(j, d);
            const auto& sj = replays_[j].state();
            if (!sj.registered || sj.status != LegalStatus::active || sj.kind != OrgKind::cooperative) return;
            if (programme && (orgs_[j].cls == unrated_class || orgs_[j].cls >= 3)) return;
            candidates.push_back(j);
        };
        // The cooperatives of its seat: those at the start, then those founded in this run, in founding order.
        for (const auto j : S_.coops_by_area[areas_[i]]) consider(j);
        for (const auto& [area, j] : founded_coops_)
            if (area == areas_[i]) consider(j);
        if (candidates.empty()) return false;
        std::uint32_t to = candidates[0];
        if (programme) {
            for (const auto j : candidates) {
                const auto better = orgs_[j].cls < orgs_[to].cls ||
                                    (orgs_[j].cls == orgs_[to].cls && replays_[j].state().members.total() >
                                                                          replays_[to].state().members.total());
                if (better) to = j;
            }
        } else {
            to = candidates[o.rng.below(candidates.size())];
        }
        const std::string from_id = id(i), to_id = id(to);
        const auto approval = static_cast<std::int32_t>(
            o.rng.between(S_.law->value(law::Param::special_resolution_percent, d).value_or(65), 100));
        if (!step(i, d, ReorganizationStarted{ReorganizationForm::merger_into, {to_id}, approval})) return false;
        step(to, d, ReorganizationStarted{ReorganizationForm::merger_receiving, {from_id}, approval});
        o.merging = orgs_[to].merging = true;
        if (programme) ++out_.stats.programme_actions;
        const Date completes = d.plus_days(60 + static_cast<std::int32_t>(o.rng.below(60)));
        o.merge_on = orgs_[to].merge_on = completes;
        schedule(completes, {i, to, ItemType::merge_complete});
        return true;
    }

    void merge_complete(std::uint32_t i, std::uint32_t to, Date d) {
        auto& r = replays_[i];
        if (r.state().status != LegalStatus::in_reorganization) return;
        orgs_[i].merging = false;
        orgs_[to].merging = false;
        settle(to, d);
        if (!live(replays_[to].state())) return;  // no receiver: the merger cannot complete
        // The absorbed cooperative passes on all it holds (the replay empties it); the receiver records it all.
        const OrgState given = r.state();
        const std::string from_id = id(i), to_id = id(to);
        step(i, d, ReorganizationCompleted{ReorganizationForm::merger_into, {to_id}, given.indivisible_fund});
        step(to, d, ReorganizationCompleted{ReorganizationForm::merger_receiving, {from_id}, given.indivisible_fund});
        for (const auto& c : cohorts_of(given.members)) step(to, d, c);
        if (given.charter_capital != 0)
            step(to, d, CapitalChanged{replays_[to].state().charter_capital + given.charter_capital});
    }

    /// Counted cohorts with the members' counts by kind and by type, their foreign investors and capital.
    static std::vector<MembersJoined> cohorts_of(const MemberCounts& m) {
        std::vector<MembersJoined> out;
        auto types = m.by_type;
        std::int32_t foreign = m.foreign_official;
        for (std::size_t k = 0; k < m.by_kind.size(); ++k) {
            const auto kind = static_cast<MemberKind>(k);
            std::int32_t left = m.by_kind[k];
            Dong capital = kind == MemberKind::official            ? m.capital_official
                           : kind == MemberKind::capital_associate ? m.capital_associates
                                                                   : 0;
            for (std::size_t t = 0; t < types.size() && left > 0; ++t) {
                const auto n = std::min(left, types[t]);
                if (n <= 0) continue;
                const auto f = kind == MemberKind::official ? std::min(foreign, n) : 0;
                out.push_back({kind, static_cast<MemberType>(t), n, f, capital});
                capital = 0;  // the kind's capital goes with its first cohort
                foreign -= f;
                left -= n;
                types[t] -= n;
            }
        }
        return out;
    }

    bool convert(std::uint32_t i, Date d) {
        const auto& st = replays_[i].state();
        const auto months = S_.law->value(law::Param::conversion_min_operating_months, d);
        const auto min = S_.law->value(law::Param::min_members_cooperative, d);
        if (!months || law::day_after_months(st.registered_on, *months) > d) return false;
        if (!min || st.members.official() < *min) return false;  // the founding minimum (Art 108 with Art 4.7)
        if (!step(i, d, ConvertedToCooperative{st.members.total()})) return false;
        schedule_yearly(i, d);
        return true;
    }

    // ---- yearly records -------------------------------------------------------------------------------------

    void schedule_yearly(std::uint32_t i, Date d) {
        const int y = year_of(d);
        const Date dec1 = ymd(y, 12, 1);
        schedule(d < dec1 ? dec1 : ymd(y + 1, 12, 1), {i, 0, ItemType::yearly});
    }

    /// The records of an organisation live at the start: the rest of the start year's.
    void first_records(std::uint32_t i, Date d0) {
        auto& o = orgs_[i];
        const auto& st = replays_[i].state();
        // From 1 December the year's records are due: scheduled as on that day, those already past dropped.
        const Date dec1 = ymd(d0.year(), 12, 1);
        if (d0 >= dec1) return yearly(i, dec1);
        schedule_yearly(i, d0);
        if (st.kind == OrgKind::cooperative_group) return;
        // The assembly for the year before the start, if it is not held yet and its season has not passed.
        const Date season_end = ymd(d0.year(), 4, 30);
        if (d0 < season_end && (!st.last_annual_assembly || st.last_annual_assembly->year() < d0.year()) &&
            !o.rng.bernoulli(missed_chance(i, d0))) {
            const Date from = std::max(d0.plus_days(1), ymd(d0.year(), 1, 10));
            schedule(pick(o.rng, from, std::max(from, ymd(d0.year(), 3, 31))), {i, 0, ItemType::assembly});
        }
    }

    double missed_chance(std::uint32_t i, Date d) const {
        const double p = rate_of(i, Hazard::assembly_missed, d);
        return replays_[i].state().status == LegalStatus::suspended ? std::min(1.0, 2 * p) : p;
    }

    /// The days of the year's records, worked out once a year (the same for every organisation).
    const RecordDays& year_days(int y) {
        if (year_days_.year != y) year_days_ = record_days(*S_.law, y);
        return year_days_;
    }

    void yearly(std::uint32_t i, Date d) {
        auto& o = orgs_[i];
        const auto& st = replays_[i].state();
        if (!st.exists_and_not_terminated()) return;
        const auto& days = year_days(year_of(d));
        schedule(days.next_dec1, {i, 0, ItemType::yearly});
        if (!live(st)) return;
        const bool coop = st.kind != OrgKind::cooperative_group;
        // Groups report from the 2023 Law on (Thông tư 09/2024/TT-BKHĐT Art 6).
        if ((coop || days.year >= 2024) && !o.rng.bernoulli(rate_of(i, Hazard::report_missed, d)))
            schedule(d.plus_days(static_cast<std::int32_t>(o.rng.below(15))), {i, 0, ItemType::report});
        if (!coop) return;
        schedule(days.dec31, {i, 0, ItemType::financial_year});
        if (!o.rng.bernoulli(missed_chance(i, d))) {
            schedule(pick(o.rng, days.assembly_from, days.assembly_until), {i, 0, ItemType::assembly});
        } else if (!o.rng.bernoulli(missed_chance(i, d))) {
            // Missed in its season, held late in the second half of the year (with the chance of holding one at
            // all): a lapse, not yet a ground.
            schedule(pick(o.rng, days.late_from, days.late_until), {i, 0, ItemType::assembly});
        }
        if (st.kind == OrgKind::cooperative)
            schedule(pick(o.rng, days.assessment_from, days.assessment_until), {i, 0, ItemType::assessment});
    }

    void financial_year(std::uint32_t i, Date d) {
        const auto& st = replays_[i].state();
        const auto year = year_of(d);
        if (st.latest_financials && st.latest_financials->year >= year) return;
        step(i, d, draw_financial_year(st, year, wage_growth(year), orgs_[i].rng));
    }

    /// Wages per worker grow 5 % a year from 2023; the factor is the same for every organisation in a year.
    double wage_growth(int year) {
        if (year != wage_year_) {
            wage_year_ = year;
            wage_factor_ = std::pow(1.05, year - 2023);
        }
        return wage_factor_;
    }

    /// The classification drifts one class at most a year; the self-assessment gives points in its band.
    void assess(std::uint32_t i, Date d) {
        auto& o = orgs_[i];
        o.cls = o.cls == unrated_class
                    ? first_class(o.rng)
                    : drifted_class(o.cls, rate_of(i, Hazard::class_up, d), rate_of(i, Hazard::class_down, d), o.rng);
        step(i, d, assessment(year_of(d) - 1, o.cls, o.rng));
    }


    // ---- the registration office ------------------------------------------------------------------------------

    /// The office's item of a due date: on the day after it is due, the office's delay is drawn (exponential with
    /// the office_action rate, drawn then rather than when the date was set, as the rate in force then applies);
    /// when it has passed, the office acts unless the ground was cured or its due date moved meanwhile.
    void office(std::uint32_t i, Date d, std::uint32_t tag) {
        auto& o = orgs_[i];
        const auto& st = replays_[i].state();
        const std::uint32_t rule = tag & 1u;
        if (!live(st) || o.merging || tag >> 2 != (o.due_version[rule] & (~0u >> 2))) return;
        const Date due = rule == 0 ? o.due_assembly : o.due_below;
        if (due == Date::max() || due >= d) return;  // cured, or not yet due at the end of yesterday
        if (!(tag & 2u)) {
            const double rate = rate_of(i, Hazard::office_action, d);
            if (rate <= 0) return;
            if (rate < 1) {
                schedule(d.plus_days(waiting_days(o.rng, rate)), {i, tag | 2u, ItemType::office});
                return;
            }
        }
        const bool coop = st.kind != OrgKind::cooperative_group;
        const auto ground = rule == 0 ? RevocationGround::no_annual_assembly : RevocationGround::below_minimum_members;
        bool done = false;
        if (coop && S_.law->value(law::Param::authority_dissolution_allowed, d).value_or(0) == 1)
            done = step(i, d, DissolutionResolved{DissolutionBasis::authority_decision, std::nullopt});
        else
            done = step(i, d, RegistrationRevoked{ground});
        if (!done) return;
        ++out_.stats.office_actions;
        schedule_completion(i, d);
    }

    // ---- programmes ------------------------------------------------------------------------------------------

    void programmes(Date d) {
        for (const auto& p : S_.programmes) {
            if (!p.active_on(d) || p.spec.type == ProgrammeType::rate_change) continue;
            if (p.spec.type == ProgrammeType::dissolve_suspended) {
                const int months = p.spec.months.value_or(12);
                const auto action = p.spec.action.value_or(ProgrammeAction::voluntary_dissolution);
                for (std::uint32_t i = 0; i < orgs_.size(); ++i) {
                    auto& r = replays_[i];
                    settle(i, d);
                    const auto& st = r.state();
                    if (st.status != LegalStatus::suspended || !p.targets(st.kind, sectors_[i], areas_[i])) continue;
                    if (!(st.status_since.plus_months(months) < d)) continue;
                    if (action == ProgrammeAction::voluntary_dissolution) {
                        dissolve(i, d, true);
                    } else if (step(i, d, RegistrationRevoked{RevocationGround::court_or_authority})) {
                        ++out_.stats.programme_actions;
                        schedule_completion(i, d);
                    }
                }
            } else if (p.spec.type == ProgrammeType::consolidate_weak) {
                const double share = std::clamp(p.spec.share_per_year.value_or(1.0), 0.0, 1.0);
                const double monthly = share >= 1 ? 1.0 : 1 - std::pow(1 - share, 1.0 / 12);
                for (std::uint32_t i = 0; i < orgs_.size(); ++i) {
                    auto& r = replays_[i];
                    settle(i, d);
                    const auto& st = r.state();
                    if (st.status != LegalStatus::active || st.kind != OrgKind::cooperative || orgs_[i].cls != 3 ||
                        orgs_[i].merging || !p.targets(st.kind, sectors_[i], areas_[i]))
                        continue;
                    if (orgs_[i].rng.bernoulli(monthly)) merge(i, d, true);
                }
            }
        }
    }

    // ---- founding ---------------------------------------------------------------------------------------------

    const FoundingEpoch& epoch(Date d) const {
        std::size_t k = 0;
        while (k + 1 < S_.founding.size() && S_.founding[k + 1].from <= d) ++k;
        return S_.founding[k];
    }

    void found(Date month_start, Date month_end, std::int32_t m) {
        const auto& ep = epoch(month_start);
        const SeedTree month = tree_.child("found").child(static_cast<std::uint64_t>(m));
        for (std::size_t k = 0; k < kind_count; ++k)
            for (std::size_t s = 0; s < sector_count; ++s) {
                const double mean = ep.per_month[k][s];
                if (!(mean > 0) || !ep.areas[k][s]) continue;
                const SeedTree cell = month.child(k * sector_count + s);
                WideStream draw = cell.wide_stream();
                const auto count = draw.poisson(mean);
                for (std::int64_t j = 0; j < count; ++j) {
                    const auto i = static_cast<std::uint32_t>(orgs_.size());
                    Org o;
                    o.rng = cell.child(static_cast<std::uint64_t>(j)).wide_stream();
                    const Date day = pick(o.rng, month_start, month_end);
                    AreaIndex area = S_.founding_area_list[(*ep.areas[k][s])(o.rng)];
                    if (const auto now = S_.registry->areas().on(area, day); now != no_index) area = now;
                    orgs_.push_back(std::move(o));
                    const auto kind = static_cast<OrgKind>(k);
                    replays_.emplace_back(kind, std::span<const Member>{}, *S_.law);
                    sectors_.push_back(static_cast<Sector>(s));
                    areas_.push_back(area);
                    if (kind == OrgKind::cooperative) founded_coops_.emplace_back(area, i);
                    ++founded_;
                    out_.founded.push_back({kind, static_cast<Sector>(s), area,
                                            std::string(kind == OrgKind::cooperative_group ? "sim-tht-"
                                                        : kind == OrgKind::cooperative     ? "sim-htx-"
                                                                                           : "sim-lhhtx-") +
                                                std::to_string(founded_)});
                    schedule(day, {i, 0, ItemType::register_org});
                }
            }
    }

    void register_org(std::uint32_t i, Date d) {
        auto& o = orgs_[i];
        auto& s = o.rng;
        const auto kind = replays_[i].state().kind;
        const auto p = kind == OrgKind::cooperative_group ? law::Param::min_members_cooperative_group
                       : kind == OrgKind::cooperative     ? law::Param::min_members_cooperative
                                                          : law::Param::min_members_union;
        const auto min = static_cast<std::int32_t>(
            S_.law->value(p, d).value_or(kind == OrgKind::cooperative_group ? 2 : kind == OrgKind::cooperative ? 7 : 4));
        const double typical = kind == OrgKind::cooperative_group ? 12 : kind == OrgKind::cooperative ? 14 : 5;
        const auto founders =
            std::max(min, static_cast<std::int32_t>(std::llround(typical * s.lognormal(1, 0.4))));
        const Dong share = kind == OrgKind::cooperative_group ? 0 : round_thousands(s.lognormal(4'000'000, 0.7));
        if (!step(i, d, Registered{share * founders, std::nullopt, {}, std::nullopt})) return;
        ++out_.stats.founded;
        const MemberType type = kind == OrgKind::union_of_cooperatives ? MemberType::cooperative
                                : s.bernoulli(0.4)                     ? MemberType::household
                                                                       : MemberType::individual;
        step(i, d, MembersJoined{MemberKind::official, type, founders, 0, share * founders});
        schedule_yearly(i, d);
    }

    // ---- indicators -------------------------------------------------------------------------------------------

    void snapshot(Date d, Snapshot& s) {
        s.as_of = d;
        const std::size_t n = replays_.size();
        s.resize(n, S_.columns);
        constexpr std::size_t block = 128;
        std::array<OrgState, block> states;
        std::array<AreaIndex, block> report_areas{};
        for (std::size_t first = 0; first < n; first += block) {
            const std::size_t m = std::min(block, n - first);
            for (std::size_t j = 0; j < m; ++j) {
                auto& r = replays_[first + j];
                settle(static_cast<std::uint32_t>(first + j), d);
                states[j] = r.state();
            }
            for (std::size_t j = 0; j < m; ++j) report_areas[j] = S_.report_area_of[areas_[first + j]];
            s.set_rows(first, std::span<const OrgState>(states.data(), m),
                       std::span<const Sector>(sectors_).subspan(first, m),
                       std::span<const AreaIndex>(report_areas.data(), m));
        }
    }

    void report(const Snapshot& before, const Snapshot& end, Date period_start, Date period_end) {
        const indicators::Period period{period_start, period_end, period_start.iso() + ".." + period_end.iso()};
        const auto t = indicators::compute(end, &before, period, *S_.report_areas, S_.query);
        if (out_.indicator_ids.empty()) {
            for (const auto& v : t.values) out_.indicator_ids.push_back(v.id);
            for (const auto& k : t.keys) out_.group_keys.push_back(k.id);
        }
        for (std::size_t row = 0; row < t.rows(); ++row) {
            std::string code;
            if (t.totals[row]) {
                code = "total";
            } else {
                for (std::size_t k = 0; k < t.keys.size(); ++k) code += (k ? "|" : "") + t.keys[k].cells[row].code;
            }
            std::uint32_t g = 0;
            while (g < out_.group_codes.size() && out_.group_codes[g] != code) ++g;
            if (g == out_.group_codes.size()) out_.group_codes.push_back(code);
            for (std::size_t v = 0; v < t.values.size(); ++v) {
                out_.date.push_back(period_end);
                out_.indicator.push_back(static_cast<std::uint16_t>(v));
                out_.group.push_back(g);
                out_.value.push_back(t.values[v].value(row));
            }
        }
    }

    std::string id(std::uint32_t i) const {
        const auto n = S_.registry->size();
        if (i < n) return S_.registry->organization(static_cast<OrgIndex>(i)).id;
        return out_.founded[i - n].id;
    }

    const Setup& S_;
    RunOutput& out_;
    SeedTree tree_;
    std::int32_t total_days_ = 0;
    // The run's working state keeps its memory from run to run on a thread: copying the start into it then
    // writes into pages already mapped. Held by reference, so that the inner loop does not look up the thread's
    // storage at every use (a call in a shared library).
    struct Working {
        std::vector<std::vector<Item>> days;
        std::vector<Replay> replays;
        std::vector<Org> orgs;
        std::vector<Sector> sectors;
        std::vector<AreaIndex> areas;
        std::vector<std::pair<AreaIndex, std::uint32_t>> founded_coops;  // cooperatives founded in the run: seat, index
    };
    static Working& working() {
        static thread_local Working w;
        return w;
    }
    Working& working_ = working();
    std::vector<std::vector<Item>>& days_ = working_.days;
    std::vector<Replay>& replays_ = working_.replays;
    std::vector<Org>& orgs_ = working_.orgs;
    std::vector<Sector>& sectors_ = working_.sectors;
    std::vector<AreaIndex>& areas_ = working_.areas;
    std::vector<std::pair<AreaIndex, std::uint32_t>>& founded_coops_ = working_.founded_coops;
    RecordDays year_days_;
    struct KnownDueDate {
        Date began, counted, due;
        law::Rule rule{};
        bool known = false;
    };
    std::array<KnownDueDate, 1024> due_dates_{};  // recent answers of due_date()
    int wage_year_ = 0;  // wage_growth(wage_year_) is wage_factor_
    double wage_factor_ = 0;
    Date today_ = Date::min();  // the day process_day handles, and its year
    int today_year_ = 0;
    std::vector<Competing> base_hazards_;  // by base_index
    bool rate_programmes_ = false;          // a programme changes rates: rate_of applies the programmes
    std::int64_t live_ = 0;  // organisations registered and not terminated
    std::uint64_t founded_ = 0;
};

}  // namespace

bool simulate(const Setup& setup, std::int32_t run, RunOutput& out, const CancellationToken* cancel) {
    Run r(setup, run, out);
    return r.go(cancel);
}

}  // namespace coopecon::simulation::detail
