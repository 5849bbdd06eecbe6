#include <coopecon/compliance/conditions.hpp>

#include "history/replay_effects.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/registry/registry.hpp>

#include <algorithm>
#include <array>
#include <bit>

namespace coopecon::compliance {

std::int64_t working_days_between(Date from, Date to) noexcept {
    if (to <= from) return 0;
    const std::int64_t days = to.days_since_epoch() - from.days_since_epoch();
    std::int64_t count = days / 7 * 5;
    for (Date d = from.plus_days(static_cast<std::int32_t>(days / 7 * 7)); d < to; d = d.plus_days(1))
        if (d.iso_weekday() <= 5) ++count;
    return count;
}

// ---- what the replay does not keep ------------------------------------------------------------------------

template <class Payload>
void ConditionScan::track(Date, const Payload&) {}

template <>
void ConditionScan::track(Date, const MemberJoined& p) {
    members_known_ = true;
    named_[p.member] = {p.kind, p.capital};
    if (p.kind != MemberKind::official) return;
    named_official_.insert(p.capital);
    named_official_total_ += p.capital;
    ++named_official_count_;
}

template <>
void ConditionScan::track(Date, const MemberLeft& p) {
    members_known_ = true;
    const auto it = named_.find(p.member);
    if (it == named_.end()) return;
    if (it->second.kind == MemberKind::official) {
        if (const auto c = named_official_.find(it->second.capital); c != named_official_.end())
            named_official_.erase(c);
        named_official_total_ -= it->second.capital;
        --named_official_count_;
    }
    named_.erase(it);
}

template <>
void ConditionScan::track(Date, const MembersJoined&) {
    members_known_ = true;
}

template <>
void ConditionScan::track(Date, const MembersLeft&) {
    members_known_ = true;
}

template <>
void ConditionScan::track(Date d, const AssemblyHeld& p) {
    if (p.kind != AssemblyKind::annual) return;
    assemblies_.push_back(d);
    if (overdue_ && !cure_on_) cure_on_ = d.plus_days(1);
}

/// A notice received later than the required number of working days before the suspension starts.
template <>
void ConditionScan::track(Date d, const Suspended& p) {
    if (!p.notified_on) return;
    const auto& s = replay_.state();
    const bool group = s.kind == OrgKind::cooperative_group;
    const law::Rule r = group ? law::Rule::group_suspension_notice_late : law::Rule::suspension_notice_late;
    if (!(rules_ >> static_cast<unsigned>(r) & 1u)) return;
    const auto required = law_.value(*law::info(r).limits[0], d);
    if (!required) return;
    if (group) {
        const auto min_days = law_.value(law::Param::group_suspension_notice_min_days, d);
        if (!min_days || p.until.days_since_epoch() - d.days_since_epoch() + 1 < *min_days) return;
    }
    const Date deadline = d.plus_working_days(-*required);
    if (*p.notified_on <= deadline) return;
    const Date began = deadline.plus_days(1);
    periods_.push_back({r, began, began, std::max(began, *p.notified_on),
                        static_cast<double>(working_days_between(*p.notified_on, d)), required, deadline, d});
}

// ---- the scan ---------------------------------------------------------------------------------------------

void ConditionScan::run(const EventLog& log, Date until) {
    log.replay_until(until, [&](Date d, const auto& payload) {
        if (started_) {
            advance(d);
        } else {
            started_ = true;
            cursor_ = d;
            set_next_year(d.year());
        }
        coopecon::detail::apply_event(replay_, d, payload);
        track(d, payload);
        last_event_ = d;
    });
    if (started_) advance(until.plus_days(1));
    replay_.settle(until);
}

std::vector<ConditionPeriod> ConditionScan::periods() const {
    auto out = periods_;
    for (std::size_t r = 0; r < law::rule_count; ++r)
        if (runs_[r].open) out.push_back(period(static_cast<law::Rule>(r), std::nullopt));
    std::stable_sort(out.begin(), out.end(), [](const ConditionPeriod& a, const ConditionPeriod& b) {
        if (a.rule != b.rule) return a.rule < b.rule;
        return a.began < b.began;
    });
    return out;
}

// ---- time -------------------------------------------------------------------------------------------------

/// Evaluates every day from the cursor up to the day before `to`, one stretch of unchanged inputs at a time.
void ConditionScan::advance(Date to) {
    while (cursor_ < to) {
        replay_.settle(cursor_);
        stretch_ = calendar_.stretch_from(stretch_, cursor_);
        evaluate(cursor_);
        cursor_ = std::min(to, std::max(next_change_after(cursor_), cursor_.plus_days(1)));
    }
}

Date ConditionScan::next_change_after(Date t) const noexcept {
    Date next = calendar_.change(stretch_);
    auto consider = [&](std::optional<Date> d) {
        if (d && *d > t && *d < next) next = *d;
    };
    const auto& s = replay_.state();
    if (s.status == LegalStatus::suspended && s.suspended_until) consider(s.suspended_until->plus_days(1));
    consider(history_from_);
    if (!assemblies_.empty()) consider(assemblies_.back().plus_days(1));
    consider(next_judgement_);
    consider(cure_on_);
    return next;
}

// ---- evaluation -------------------------------------------------------------------------------------------

namespace {

/// The rules evaluate() judges on every stretch of days; the other lapses are recorded from their events.
constexpr RuleSet judged_daily = [] {
    RuleSet s = 0;
    for (const law::Rule r : enum_values<law::Rule>())
        if (law::info(r).form != law::RuleForm::lapse || r == law::Rule::annual_assembly_late ||
            r == law::Rule::founded_below_minimum)
            s |= RuleSet{1} << static_cast<unsigned>(r);
    return s;
}();

/// The rules that cover organisations of kind k, by KindMask bit: a day's evaluation looks up one set instead of
/// asking every rule.
constexpr std::array<RuleSet, 8> rules_of_kind = [] {
    std::array<RuleSet, 8> out{};
    for (unsigned k = 0; k < out.size(); ++k)
        for (const law::Rule r : enum_values<law::Rule>())
            if (law::info(r).kinds >> k & 1u) out[k] |= RuleSet{1} << static_cast<unsigned>(r);
    return out;
}();

}  // namespace

void ConditionScan::evaluate(Date t) {
    if (cure_on_ && t >= *cure_on_) {
        overdue_.reset();
        cure_on_.reset();
    }
    if (overdue_ && history_from_ && t == *history_from_) {
        // Whether the assembly was held on the days before is not recorded: the lapse carried is dropped.
        overdue_.reset();
        cure_on_.reset();
        runs_[static_cast<std::size_t>(law::Rule::annual_assembly_late)].open = false;
    }
    judge_annual_assemblies(t);
    const auto& s = replay_.state();
    const bool live = s.registered && is_live(s.status);
    // The founding is judged once, on the first day evaluated: the registration day with all its events, when
    // the history is complete from that day (members recorded later may stand for the founding ones).
    if (!founding_judged_ && s.registered) {
        founding_judged_ = true;
        if (live && (law::info(law::Rule::below_minimum_members).kinds & law::bit(s.kind)) &&
            (!history_from_ || t >= *history_from_))
            if (const auto m = measure(law::Rule::below_minimum_members, t)) founding_official_ = m->observed;
    }
    // A rule whose condition cannot hold today (the organisation not live, or not of a kind it covers) only
    // closes its open period; the others are measured.
    const RuleSet judged = rules_ & judged_daily;
    const RuleSet may_hold = live ? judged & rules_of_kind[static_cast<unsigned>(s.kind)] : 0;
    for (RuleSet left = judged; left; left &= left - 1) {
        const auto r = static_cast<law::Rule>(std::countr_zero(left));
        auto& run = runs_[static_cast<std::size_t>(r)];
        const bool may = may_hold >> static_cast<unsigned>(r) & 1u;
        if (!may && !run.open) continue;
        const auto m = may ? measure(r, t) : std::nullopt;
        if (!m) {
            if (run.open) close(r, t.plus_days(-1));
            continue;
        }
        if (run.open && info(r).form == law::RuleForm::duration && run.counted_from < t &&
            calendar_.law_changes_on(t) && law::period_restarts_on(law_, *info(r).months, t, across_)) {
            const Date began = run.began;
            close(r, t.plus_days(-1));
            run = Run{true, began, t, {}};
        } else if (!run.open) {
            run = Run{true, t, first_counted(r, t), {}};
        }
        run.last = *m;
    }
    // Once the minimum is reached, the founding shortfall is over for good.
    if (founding_official_ && !runs_[static_cast<std::size_t>(law::Rule::founded_below_minimum)].open)
        founding_official_.reset();
}

/// The first day counted of a condition that arises on `t`: the day after the event that made it arise (Civil
/// Code Art 147.2) — the next day when an event of `t` did; `t` itself when it arose from the day before (the
/// annual assembly that starts the count of no annual assembly, a notified suspension that ran out) or from a new
/// law taking effect on `t`. Nothing is counted for an immediate rule.
Date ConditionScan::first_counted(law::Rule r, Date t) const {
    if (info(r).form != law::RuleForm::duration) return t;
    if (r == law::Rule::no_annual_assembly && !assemblies_.empty() && assemblies_.back() == t.plus_days(-1)) return t;
    return last_event_ == t ? t.plus_days(1) : t;
}

void ConditionScan::close(law::Rule r, Date until) {
    periods_.push_back(period(r, until));
    runs_[static_cast<std::size_t>(r)].open = false;
}

ConditionPeriod ConditionScan::period(law::Rule r, std::optional<Date> until) const {
    const auto& run = runs_[static_cast<std::size_t>(r)];
    return {r, run.began, run.counted_from, until, run.last.observed, run.last.limit, run.last.deadline,
            run.last.event};
}

/// The condition of `r` on day `t`, with what it measured, or nullopt when it does not hold; for an organisation
/// that is registered, live and of a kind the rule covers (evaluate() asks only then).
std::optional<ConditionScan::Measure> ConditionScan::measure(law::Rule r, Date t) const {
    const auto& s = replay_.state();
    const auto& rule = law::info(r);
    if (r == law::Rule::annual_assembly_late) {
        if (!overdue_) return std::nullopt;
        return Measure{std::nullopt, overdue_->months, overdue_->deadline,
                       cure_on_ ? std::optional<Date>(cure_on_->plus_days(-1)) : std::nullopt};
    }
    const auto& law = calendar_.values(stretch_);
    if (rule.months && !law[static_cast<std::size_t>(*rule.months)]) return std::nullopt;
    std::optional<std::int64_t> limit;
    if (const auto p = rule.limits[s.kind == OrgKind::union_of_cooperatives ? 1 : 0]) {
        limit = law[static_cast<std::size_t>(*p)];
        if (!limit) return std::nullopt;
    }
    const auto& m = s.members;
    const Dong charter = s.charter_capital > 0 ? s.charter_capital : m.capital_official + m.capital_associates;
    // A share of the charter capital above the limit (compared exactly: long double holds every int64).
    auto capital_over = [&](Dong amount) -> std::optional<Measure> {
        if (charter <= 0 || static_cast<long double>(amount) * 100 <= static_cast<long double>(*limit) * charter)
            return std::nullopt;
        return Measure{static_cast<double>(static_cast<long double>(amount) * 100 / charter), limit, {}, {}};
    };
    switch (r) {
        case law::Rule::not_operating:
            if (s.status == LegalStatus::active && s.not_at_address) return Measure{};
            return std::nullopt;
        case law::Rule::below_minimum_members:
            if (members_known_ && m.official() < *limit) return Measure{m.official(), limit, {}, {}};
            return std::nullopt;
        case law::Rule::founded_below_minimum:
            if (founding_official_ && m.official() < *limit)
                return Measure{founding_official_, limit, {}, s.registered_on};
            return std::nullopt;
        case law::Rule::foreign_official_members:
            if (m.official() > 0 && std::int64_t{m.foreign_official} * 100 >= *limit * m.official())
                return Measure{100.0 * m.foreign_official / m.official(), limit, {}, {}};
            return std::nullopt;
        case law::Rule::capital_share_official: return capital_over(largest_official_contribution());
        case law::Rule::capital_share_associates: return capital_over(m.capital_associates);
        case law::Rule::capital_share_foreign: return capital_over(m.capital_foreign);
        case law::Rule::no_annual_assembly:
            if (!assemblies_.empty() && assemblies_.back() == t) return std::nullopt;
            return Measure{};
        case law::Rule::group_below_minimum_members:
            if (members_known_ && m.total() < *limit) return Measure{m.total(), limit, {}, {}};
            return std::nullopt;
        case law::Rule::annual_assembly_late:
        case law::Rule::suspension_notice_late:
        case law::Rule::group_suspension_notice_late: return std::nullopt;
    }
    return std::nullopt;
}

Dong ConditionScan::largest_official_contribution() const {
    const auto& m = replay_.state().members;
    Dong largest = named_official_.empty() ? 0 : *named_official_.rbegin();
    const std::int64_t cohort_members = std::int64_t{m.official()} - named_official_count_;
    if (cohort_members > 0)
        largest = std::max(largest, std::max<Dong>(0, m.capital_official - named_official_total_) / cohort_members);
    return largest;
}

/// The next financial year to judge, on the day after its assembly deadline (the deadline in force on the
/// first day after the year; a year without one is passed over on that day).
void ConditionScan::set_next_year(int year) {
    next_year_ = year;
    if (year > 9998) {
        next_judgement_.reset();
        return;
    }
    year_end_ = *Date::from_ymd(year, 12, 31);
    deadline_months_ = law_.value(law::Param::annual_assembly_deadline_months, year_end_.plus_days(1));
    deadline_ = deadline_months_ ? year_end_.plus_months(*deadline_months_) : year_end_;
    next_judgement_ = deadline_.plus_days(1);
}

/// Judges every financial year whose assembly deadline has passed by `t`.
void ConditionScan::judge_annual_assemblies(Date t) {
    while (next_judgement_ && *next_judgement_ <= t) {
        const auto& s = replay_.state();
        const bool judged = deadline_months_ && !overdue_ && s.registered && is_live(s.status) &&
                            (law::coop_kinds & law::bit(s.kind)) && s.registered_on <= year_end_;
        if (judged) {
            const auto held = std::upper_bound(assemblies_.begin(), assemblies_.end(), year_end_);
            if (held == assemblies_.end() || *held > deadline_) {
                overdue_ = Overdue{deadline_, *deadline_months_};
                if (held != assemblies_.end()) cure_on_ = held->plus_days(1);
            }
        }
        set_next_year(next_year_ + 1);
    }
}

std::vector<ConditionPeriod> condition_periods(const Registry& registry, OrgIndex i, Date until, AcrossLawChange across) {
    const law::LawCalendar calendar(registry.law());
    ConditionScan scan(registry.law(), calendar, across, registry.organization(i), registry.members(i),
                       every_rule, registry.history_from(i));
    scan.run(registry.log(i), until);
    return scan.periods();
}

}  // namespace coopecon::compliance
