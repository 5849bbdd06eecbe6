// One organisation through the dynamics (simulation/single_organization.hpp): a small calendar of its own items,
// in date order, the given events merged in on their days. The draws are those of a registry-wide run
// (src/simulation/run.cpp): waiting times from the sum of the competing rates, notices of 3 to 12 months, the
// yearly records scheduled on 1 December, the office acting once a compliance rule's due date has passed.

#include <coopecon/simulation/single_organization.hpp>

#include <coopecon/compliance/due_dates.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/history/replay.hpp>
#include <coopecon/law/parameter.hpp>
#include <coopecon/law/period.hpp>
#include <coopecon/simulation/profile.hpp>

#include "simulation/draws.hpp"
#include "simulation/world.hpp"
#include "simulation/yearly_draws.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <queue>
#include <type_traits>
#include <utility>

namespace coopecon::simulation {

std::int32_t days_suspended(std::span<const Event> events, Date from, Date to) {
    std::int32_t days = 0;
    std::optional<Date> since, until;  // the suspension under way: its first and last notified day
    auto close = [&](Date last) {
        const Date a = std::max(from, *since), b = std::min(to, last);
        if (a <= b) days += b.days_since_epoch() - a.days_since_epoch() + 1;
        since.reset();
    };
    for (const auto& e : events) {
        if (since && e.date > *until) close(*until);
        if (const auto* s = e.get<Suspended>()) {
            if (!since) since = e.date;
            until = s->until;
        } else if (since && (e.get<Resumed>() || e.get<DissolutionResolved>() || e.get<RegistrationRevoked>())) {
            close(e.date.plus_days(-1));
        }
    }
    if (since) close(*until);
    return days;
}

namespace detail::single_run {

enum class ItemType : std::uint8_t {
    hazard,          // tag: generation
    notice_end,      // tag: generation
    redraw,          // tag: generation
    yearly,
    report,
    financial_year,
    assembly,
    assessment,
    office,          // tag: rule (bit 0), delay drawn (bit 1), due-date version (the rest)
    completion,
    minimum_changed,
    dissolve,
    suspend,
};

struct Item {
    Date date;
    std::uint32_t order;  // items of one day in the order they were scheduled
    std::uint32_t tag;
    ItemType type;
    bool operator>(const Item& o) const noexcept { return date != o.date ? date > o.date : order > o.order; }
};

constexpr bool live(const OrgState& s) noexcept { return s.registered && is_live(s.status); }

using namespace coopecon::simulation::detail;

class OneRun {
public:
    OneRun(const law::Framework& law, const Rates& rates, const SingleOrganization& org, const SingleRunOptions& opt,
           WideStream& rng)
        : law_(law), rates_(rates), org_(org), opt_(opt), rng_(rng), replay_(org.kind, org.members, law) {}

    SingleRun go() {
        const Date r = org_.registered;
        if (auto problem = replay_.step(Event{r, org_.registration}, law_)) throw Error(std::move(*problem));
        out_.events.push_back(Event{r, org_.registration});
        assembly_from_ = r.plus_days(1);  // counted from the day after (Civil Code Art 147.2)
        schedule_yearly(r);
        for (const auto p : {law::Param::min_members_cooperative_group, law::Param::min_members_cooperative,
                             law::Param::min_members_union})
            for (const auto& period : law_.timeline(p).periods())
                for (const Date d : {period.from, period.until ? period.until->plus_days(1) : Date::max()})
                    if (d > r && d <= opt_.until) schedule(d, 0, ItemType::minimum_changed);
        if (opt_.dissolve_on) schedule(*opt_.dissolve_on, 0, ItemType::dissolve);
        if (opt_.suspended_from) schedule(*opt_.suspended_from, 0, ItemType::suspend);
        std::size_t g = 0;
        // The founders and whatever else is given for the registration day come before anything is drawn.
        for (; g < org_.given.size() && org_.given[g].date <= r; ++g) give(org_.given[g]);
        update_below(r);
        reschedule_office(r);
        redraw(r);
        for (;;) {
            const bool given_next =
                g < org_.given.size() && (items_.empty() || org_.given[g].date <= items_.top().date);
            const Date d = given_next ? org_.given[g].date : items_.empty() ? Date::max() : items_.top().date;
            if (d > opt_.until) break;
            if (given_next) {
                give(org_.given[g++]);
                continue;
            }
            const Item item = items_.top();
            items_.pop();
            handle(item);
        }
        replay_.settle(opt_.until);
        out_.state = replay_.state();
        return std::move(out_);
    }

private:
    // ---- the calendar ----

    void schedule(Date d, std::uint32_t tag, ItemType type) {
        if (d > opt_.until) return;
        items_.push(Item{d, order_++, tag, type});
    }

    // ---- events ----

    template <class Payload>
    bool step(Date d, Payload&& payload) {
        Event e{d, EventData(std::in_place_type<std::remove_cvref_t<Payload>>, std::forward<Payload>(payload))};
        const LegalStatus before = replay_.state().status;
        if (replay_.step(e, law_)) return false;
        out_.events.push_back(std::move(e));
        after(out_.events.back(), before);
        return true;
    }

    void give(const Event& e) {
        replay_.settle(e.date);
        if (!live(replay_.state())) return;  // it has ended: what was given for later does not happen
        const LegalStatus before = replay_.state().status;
        if (replay_.step(e, law_)) {
            ++out_.given_left_out;
            return;
        }
        out_.events.push_back(e);
        after(e, before);
    }

    /// Keeps the office's view and the pending draw up to date after an event (as a registry-wide run does).
    void after(const Event& e, LegalStatus before) {
        const auto& st = replay_.state();
        const Date d = e.date;
        if (const auto* a = e.get<AssemblyHeld>(); a && a->kind == AssemblyKind::annual) {
            assembly_from_ = d.plus_days(1);
            reschedule_office(d);
        }
        if (e.get<ConvertedToCooperative>()) {
            assembly_from_ = d.plus_days(1);
            update_below(d);
            reschedule_office(d);
        } else if (e.get<MembersJoined>() || e.get<MembersLeft>() || e.get<MemberJoined>() || e.get<MemberLeft>()) {
            const auto below = below_from_;
            update_below(d);
            if (below != below_from_) reschedule_office(d);
        }
        if (st.status != before) {
            ++gen_;
            if (live(st)) {
                redraw(d);
            } else {
                due_[0] = due_[1] = Date::max();
                below_from_.reset();
                below_counted_.reset();
            }
        }
    }

    // ---- the office ----

    void update_below(Date d, bool law_changed = false) {
        const auto& st = replay_.state();
        const auto p = st.kind == OrgKind::cooperative_group ? law::Param::min_members_cooperative_group
                       : st.kind == OrgKind::cooperative     ? law::Param::min_members_cooperative
                                                             : law::Param::min_members_union;
        const auto min = law_.value(p, d);
        const std::int64_t have = st.kind == OrgKind::cooperative_group ? st.members.total() : st.members.official();
        const bool below = min && have < *min;
        if (below && !below_from_) {
            below_from_ = d;
            below_counted_ = law_changed ? d : d.plus_days(1);
        }
        if (!below) {
            below_from_.reset();
            below_counted_.reset();
        }
    }

    void reschedule_office(Date d) {
        const auto& st = replay_.state();
        if (!opt_.office || !live(st)) return;
        const bool coop = st.kind != OrgKind::cooperative_group;
        auto due = [&](law::Rule rule, const std::optional<Date>& began, const std::optional<Date>& counted) {
            if (!began || !counted) return Date::max();
            const auto when = compliance::due_date(law_, rule, *began, *counted);
            return when ? *when : Date::max();
        };
        const std::array<Date, 2> now{
            coop ? due(law::Rule::no_annual_assembly, assembly_from_, assembly_from_) : Date::max(),
            due(coop ? law::Rule::below_minimum_members : law::Rule::group_below_minimum_members, below_from_,
                below_counted_)};
        for (std::uint32_t rule = 0; rule < 2; ++rule) {
            if (now[rule] == due_[rule]) continue;
            due_[rule] = now[rule];
            ++due_version_[rule];
            if (now[rule] != Date::max())
                schedule(std::max(now[rule], d).plus_days(1), office_tag(rule, false, due_version_[rule]),
                         ItemType::office);
        }
    }

    static constexpr std::uint32_t office_tag(std::uint32_t rule, bool delayed, std::uint32_t version) noexcept {
        return rule | (delayed ? 2u : 0u) | version << 2;
    }

    void office(Date d, std::uint32_t tag) {
        const auto& st = replay_.state();
        const std::uint32_t rule = tag & 1u;
        if (!live(st) || tag >> 2 != (due_version_[rule] & (~0u >> 2))) return;
        if (due_[rule] == Date::max() || due_[rule] >= d) return;
        if (!(tag & 2u)) {
            const double rate = rate_of(Hazard::office_action);
            if (rate <= 0) return;
            if (rate < 1) {
                schedule(d.plus_days(waiting_days(rate)), tag | 2u, ItemType::office);
                return;
            }
        }
        const bool coop = st.kind != OrgKind::cooperative_group;
        const auto ground = rule == 0 ? RevocationGround::no_annual_assembly : RevocationGround::below_minimum_members;
        bool done = false;
        if (coop && law_.value(law::Param::authority_dissolution_allowed, d).value_or(0) == 1)
            done = step(d, DissolutionResolved{DissolutionBasis::authority_decision, std::nullopt});
        else
            done = step(d, RegistrationRevoked{ground});
        if (!done) return;
        ++out_.office_actions;
        schedule_completion(d);
    }

    // ---- competing risks ----

    double rate_of(Hazard h) const { return rates_.at(h, replay_.state().kind, org_.sector); }

    std::int32_t waiting_days(double per_month) {
        const double months = -std::log1p(-rng_.uniform()) / per_month;
        const double days = std::ceil(months * days_per_month);
        return days > 1e6 ? 1'000'000 : std::max<std::int32_t>(1, static_cast<std::int32_t>(days));
    }

    static constexpr std::array<Hazard, 6> competing{Hazard::suspension,     Hazard::resumption,
                                                     Hazard::member_joining, Hazard::member_leaving,
                                                     Hazard::voluntary_dissolution, Hazard::conversion};

    std::array<double, competing.size()> hazards() const {
        const auto& st = replay_.state();
        std::array<double, competing.size()> h{};
        const auto bit = static_cast<std::uint8_t>(1u << static_cast<unsigned>(st.status));
        for (std::size_t k = 0; k < competing.size(); ++k) {
            const Hazard z = competing[k];
            if (!(hazard_info(z).exposure & bit)) continue;
            if (z == Hazard::conversion && st.kind != OrgKind::cooperative_group) continue;
            if (z == Hazard::resumption && held_suspended_) continue;  // conditioned: suspended to the end
            h[k] = rate_of(z);
        }
        return h;
    }

    void redraw(Date d) {
        ++gen_;
        if (!live(replay_.state())) return;
        double total = 0;
        for (const double x : hazards()) total += x;
        if (!(total > 0)) return;
        schedule(d.plus_days(waiting_days(total)), gen_, ItemType::hazard);
    }

    void fire(Date d) {
        const auto h = hazards();
        double total = 0;
        for (const double x : h) total += x;
        double u = rng_.uniform() * total;
        std::size_t k = 0;
        while (k + 1 < h.size() && (h[k] == 0 || u >= h[k])) {
            u -= h[k];
            ++k;
        }
        const std::uint32_t gen = gen_;
        switch (competing[k]) {
            case Hazard::suspension: suspend(d); break;
            case Hazard::resumption: step(d, Resumed{}); break;
            case Hazard::member_joining: join(d); break;
            case Hazard::member_leaving: leave(d); break;
            case Hazard::voluntary_dissolution: dissolve(d); break;
            case Hazard::conversion: convert(d); break;
            default: break;
        }
        if (gen_ == gen && live(replay_.state())) redraw(d);
    }

    Date notice_until(Date d) {
        const auto cap = law_.value(law::Param::suspension_max_months, d).value_or(12);
        const int months = std::max<int>(1, std::min<int>(static_cast<int>(cap), 3 + static_cast<int>(rng_.below(10))));
        return d.plus_months(months).plus_days(-1);
    }

    bool suspend(Date d) {
        const auto& st = replay_.state();
        const Date until = notice_until(d);
        const auto notice = law_.value(st.kind == OrgKind::cooperative_group
                                           ? law::Param::group_suspension_notice_working_days
                                           : law::Param::suspension_notice_working_days,
                                       d);
        const int ahead = static_cast<int>(notice.value_or(3)) + static_cast<int>(rng_.below(5));
        if (!step(d, Suspended{until, d.plus_working_days(-ahead)})) return false;
        schedule(until, gen_, ItemType::notice_end);
        return true;
    }

    /// The last day of a notice: another follows (always, when held suspended to the end), or the organisation
    /// is active again the next day.
    void notice_end(Date d) {
        const auto& st = replay_.state();
        if (st.status != LegalStatus::suspended || !st.suspended_until || *st.suspended_until != d) return;
        if (held_suspended_ || rng_.bernoulli(rate_of(Hazard::extension))) {
            const Date until = notice_until(d);
            if (step(d, Suspended{until, d.plus_working_days(-3 - static_cast<int>(rng_.below(5)))})) {
                schedule(until, gen_, ItemType::notice_end);
                return;
            }
        }
        ++gen_;
        schedule(d.plus_days(1), gen_, ItemType::redraw);
    }

    /// The conditioned suspension: from its day, suspended to the end of the run.
    void hold_suspended(Date d) {
        const auto& st = replay_.state();
        if (!live(st)) return;
        held_suspended_ = true;
        if (st.status == LegalStatus::suspended) {
            redraw(d);  // no early resumption from here
            return;
        }
        suspend(d);
    }

    Dong share_of(const OrgState& st) const {
        const auto official = std::max(1, st.members.official());
        return std::max<Dong>(0, st.members.capital_official / official);
    }

    void join(Date d) {
        const auto& st = replay_.state();
        const auto n = static_cast<std::int32_t>(1 + rng_.poisson(0.04 * st.members.total()));
        const MemberType type = st.kind == OrgKind::union_of_cooperatives ? MemberType::cooperative
                                : st.members.of(MemberType::household) > st.members.of(MemberType::individual)
                                    ? MemberType::household
                                    : MemberType::individual;
        step(d, MembersJoined{MemberKind::official, type, n, 0, share_of(st) * n});
    }

    void leave(Date d) {
        const auto& st = replay_.state();
        const auto& c = st.members;
        std::size_t type = 0;
        for (std::size_t t = 1; t < c.by_type.size(); ++t)
            if (c.by_type[t] > c.by_type[type]) type = t;
        const std::int32_t available = std::min(c.official() - 1, c.by_type[type]);
        if (available < 1) return;
        const auto n = static_cast<std::int32_t>(
            std::min<std::int64_t>(available, 1 + rng_.poisson(0.03 * st.members.total())));
        const Dong capital = std::min<Dong>(c.capital_official, share_of(st) * n);
        step(d, MembersLeft{MemberKind::official, static_cast<MemberType>(type), n, 0, capital});
    }

    bool dissolve(Date d, bool on_dossier = false) {
        const auto& st = replay_.state();
        if (!live(st)) return false;
        std::int32_t approval = 100;  // a group: all its members agree
        if (st.kind != OrgKind::cooperative_group) {
            const auto need = law_.value(law::Param::special_resolution_percent, d).value_or(65);
            approval = static_cast<std::int32_t>(rng_.between(need, 100));
        }
        if (!step(d, DissolutionResolved{DissolutionBasis::members_resolution, approval})) return false;
        schedule_completion(d, on_dossier);
        return true;
    }

    void schedule_completion(Date d, bool on_dossier = false) {
        const auto& st = replay_.state();
        const bool dossier = on_dossier || !st.lapses_on || rng_.bernoulli(rate_of(Hazard::dossier));
        if (dossier) {
            Date when = std::max(d, st.status_since).plus_days(30 + static_cast<std::int32_t>(rng_.below(120)));
            if (st.lapses_on && when >= *st.lapses_on) when = std::max(d.plus_days(1), st.lapses_on->plus_days(-1));
            schedule(when, 0, ItemType::completion);
        }
        // Otherwise the replay terminates it by lapse on its day, with no event.
    }

    bool convert(Date d) {
        const auto& st = replay_.state();
        const auto months = law_.value(law::Param::conversion_min_operating_months, d);
        const auto min = law_.value(law::Param::min_members_cooperative, d);
        if (!months || law::day_after_months(st.registered_on, *months) > d) return false;
        if (!min || st.members.official() < *min) return false;
        if (!step(d, ConvertedToCooperative{st.members.total()})) return false;
        schedule_yearly(d);
        return true;
    }

    // ---- yearly records ----

    void schedule_yearly(Date d) {
        const Date dec1 = ymd(d.year(), 12, 1);
        schedule(d < dec1 ? dec1 : ymd(d.year() + 1, 12, 1), 0, ItemType::yearly);
    }

    double missed_chance() const {
        const double p = rate_of(Hazard::assembly_missed);
        return replay_.state().status == LegalStatus::suspended ? std::min(1.0, 2 * p) : p;
    }

    void yearly(Date d) {
        const auto& st = replay_.state();
        if (!st.exists_and_not_terminated()) return;
        const auto& days = days_of(d.year());
        schedule(days.next_dec1, 0, ItemType::yearly);
        if (!live(st)) return;
        const bool coop = st.kind != OrgKind::cooperative_group;
        // Groups report from the 2023 Law on (Thông tư 09/2024/TT-BKHĐT Art 6).
        if ((coop || days.year >= 2024) && !rng_.bernoulli(rate_of(Hazard::report_missed)))
            schedule(d.plus_days(static_cast<std::int32_t>(rng_.below(15))), 0, ItemType::report);
        if (!coop) return;
        schedule(days.dec31, 0, ItemType::financial_year);
        if (!rng_.bernoulli(missed_chance())) {
            schedule(pick(rng_, days.assembly_from, days.assembly_until), 0, ItemType::assembly);
        } else if (!rng_.bernoulli(missed_chance())) {
            schedule(pick(rng_, days.late_from, days.late_until), 0, ItemType::assembly);
        }
        if (opt_.assessments && st.kind == OrgKind::cooperative)
            schedule(pick(rng_, days.assessment_from, days.assessment_until), 0, ItemType::assessment);
    }

    /// record_days of the year being scheduled (asked once a year).
    const RecordDays& days_of(int year) {
        if (days_.year != year) days_ = record_days(law_, year);
        return days_;
    }

    void financial_year(Date d) {
        const auto& st = replay_.state();
        if (st.latest_financials && st.latest_financials->year >= d.year()) return;
        FinancialYearClosed f;
        f.year = d.year();
        if (opt_.financial_year)
            opt_.financial_year(f, st, out_.events);
        else
            f = draw_financial_year(st, d.year(), std::pow(1.05, d.year() - 2023), rng_);
        step(d, std::move(f));
    }

    void assess(Date d) {
        if (cls_ == unrated_class)
            cls_ = first_class(rng_);
        else
            cls_ = drifted_class(cls_, rate_of(Hazard::class_up), rate_of(Hazard::class_down), rng_);
        step(d, assessment(d.year() - 1, cls_, rng_));
    }

    // ---- items ----

    void handle(const Item& item) {
        const Date d = item.date;
        const LegalStatus before = replay_.state().status;
        replay_.settle(d);
        const auto& st = replay_.state();
        if (st.status != before && !live(st)) {  // ended by lapse
            due_[0] = due_[1] = Date::max();
            ++gen_;
        }
        switch (item.type) {
            case ItemType::hazard:
                if (item.tag == gen_ && live(st)) fire(d);
                return;
            case ItemType::redraw:
                if (item.tag == gen_ && live(st)) redraw(d);
                return;
            case ItemType::notice_end: return notice_end(d);
            case ItemType::yearly: return yearly(d);
            case ItemType::report:
                if (live(st)) step(d, ReportFiled{d.year()});
                return;
            case ItemType::financial_year:
                if (live(st) && st.kind != OrgKind::cooperative_group) financial_year(d);
                return;
            case ItemType::assembly:
                if (live(st) && st.kind != OrgKind::cooperative_group) step(d, AssemblyHeld{AssemblyKind::annual});
                return;
            case ItemType::assessment:
                if (live(st) && st.kind == OrgKind::cooperative) assess(d);
                return;
            case ItemType::office: return office(d, item.tag);
            case ItemType::completion:
                if (st.status == LegalStatus::in_dissolution) step(d, DissolutionCompleted{CompletionMode::dossier});
                return;
            case ItemType::minimum_changed:
                if (!live(st)) return;
                update_below(d, true);
                reschedule_office(d);
                return;
            case ItemType::dissolve: dissolve(d, true); return;
            case ItemType::suspend: hold_suspended(d); return;
        }
    }

    const law::Framework& law_;
    const Rates& rates_;
    const SingleOrganization& org_;
    const SingleRunOptions& opt_;
    WideStream& rng_;
    Replay replay_;
    SingleRun out_;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> items_;
    std::uint32_t order_ = 0;
    std::uint32_t gen_ = 0;
    std::optional<Date> assembly_from_, below_from_, below_counted_;
    std::array<Date, 2> due_{Date::max(), Date::max()};
    std::array<std::uint32_t, 2> due_version_{};
    std::uint8_t cls_ = unrated_class;
    bool held_suspended_ = false;
    RecordDays days_;
};

}  // namespace detail::single_run

SingleRun simulate_organization(const law::Framework& law, const Rates& rates, const SingleOrganization& organization,
                                const SingleRunOptions& options, WideStream& rng) {
    return detail::single_run::OneRun(law, rates, organization, options, rng).go();
}

}  // namespace coopecon::simulation
