#pragma once
// When each compliance rule's condition held for one organisation: one replay of its history, evaluated only
// where something can change (its events, the end of a notified suspension, the day after an annual assembly,
// an annual-assembly deadline, a change of law in the framework), never day by day. Every value a rule reads
// is the one in force on the day it is evaluated.
//
// What each condition means in event data (docs/legal-rules.md gives the articles):
// - every condition needs the organisation registered and active or suspended, and of a kind the rule covers;
// - not operating: active and flagged by the tax authority as not operating at its registered address (T18);
//   a notified suspension is not "without notice", so suspended days do not count;
// - member counts need member data: an organisation whose history has no member event is not judged on them;
// - the largest official contribution is the largest named member's; members recorded as a cohort are taken to
//   have contributed equally. The charter capital is the one registered, or when none is, the contributions of
//   official and capital-contributing members (2023 Law Art 4.24);
// - no annual assembly: every day that is not the day of an annual assembly, from registration;
// - annual assembly late: financial years end on 31 December; the assembly for a year is due within the
//   deadline after it, and is late from the day after the deadline until an annual assembly is held.

#include <coopecon/core/date.hpp>
#include <coopecon/law/compliance_rule.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/law_calendar.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization.hpp>
#include <coopecon/registry/registry.hpp>
#include <coopecon/history/replay.hpp>

#include <boost/describe/enum.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace coopecon::compliance {

/// Whether a condition that continues into a new law (a new regime of the framework, e.g. the 2023 Law from
/// 2024-07-01) keeps counting from its start, or counts again from the day the new law takes effect.
enum class AcrossLawChange : std::uint8_t {
    restart,     // counted again from the new law's first day: no months served under the old law count
    keep_start,  // counted from the day it began, whatever law was then in force
};
BOOST_DESCRIBE_ENUM(AcrossLawChange, restart, keep_start)

/// One stretch of days on which a rule's condition held.
struct ConditionPeriod {
    law::Rule rule = law::Rule::not_operating;
    Date began;                          // first day it held
    Date counted_from;                   // = began, or the first day of a new law (AcrossLawChange::restart)
    std::optional<Date> until;           // last day it held; nullopt when it still held at the end of the scan
    std::optional<double> observed;      // on its last day: members, percent, working days of notice
    std::optional<std::int64_t> limit;   // the legal limit then
    std::optional<Date> deadline;        // lapses: the day the duty was due
    std::optional<Date> event;           // lapses: the suspension's start, or the day the late assembly was held
};

/// Mon–Fri days d with from <= d < to (0 when to <= from), as Date::plus_working_days counts them.
inline std::int64_t working_days_between(Date from, Date to) noexcept {
    if (to <= from) return 0;
    const std::int64_t days = to.days_since_epoch() - from.days_since_epoch();
    std::int64_t count = days / 7 * 5;
    for (Date d = from.plus_days(static_cast<std::int32_t>(days / 7 * 7)); d < to; d = d.plus_days(1))
        if (d.iso_weekday() <= 5) ++count;
    return count;
}

/// Replays one history and records the periods of every rule's condition up to a date.
class ConditionScan {
public:
    ConditionScan(const law::Framework& law, const law::LawCalendar& calendar, AcrossLawChange across,
                  const Organization& org, std::span<const Member> members)
        : law_(law), calendar_(calendar), across_(across), replay_(org, members) {}

    /// Replays every event dated on or before `until` and evaluates the conditions on every day up to it.
    void run(const EventLog& log, Date until) {
        log.replay_until(until, [&](Date d, const auto& payload) {
            if (started_) {
                advance(d);
            } else {
                started_ = true;
                cursor_ = d;
                set_next_year(d.year());
            }
            replay_.apply(d, payload);
            track(d, payload);
        });
        if (started_) advance(until.plus_days(1));
        replay_.settle(until);
    }

    /// The state at the end of the scan.
    const OrgState& state() const noexcept { return replay_.state(); }

    /// Every period (those still open have no `until`), ordered by rule then start.
    std::vector<ConditionPeriod> periods() const {
        auto out = periods_;
        for (std::size_t r = 0; r < law::rule_count; ++r)
            if (runs_[r].open) out.push_back(period(static_cast<law::Rule>(r), std::nullopt));
        std::stable_sort(out.begin(), out.end(), [](const ConditionPeriod& a, const ConditionPeriod& b) {
            if (a.rule != b.rule) return a.rule < b.rule;
            return a.began < b.began;
        });
        return out;
    }

private:
    struct Measure {
        std::optional<double> observed;
        std::optional<std::int64_t> limit;
        std::optional<Date> deadline;
        std::optional<Date> event;
    };
    struct Run {
        bool open = false;
        Date began, counted_from;
        Measure last;
    };

    // ---- time -----------------------------------------------------------------------------------------

    /// Evaluates every day from the cursor up to the day before `to`, one stretch of unchanged inputs at a time.
    void advance(Date to) {
        while (cursor_ < to) {
            replay_.settle(cursor_);
            stretch_ = calendar_.stretch_from(stretch_, cursor_);
            evaluate(cursor_);
            cursor_ = std::min(to, std::max(next_change_after(cursor_), cursor_.plus_days(1)));
        }
    }

    Date next_change_after(Date t) const noexcept {
        Date next = calendar_.change(stretch_);
        auto consider = [&](std::optional<Date> d) {
            if (d && *d > t && *d < next) next = *d;
        };
        const auto& s = replay_.state();
        if (s.status == LegalStatus::suspended && s.suspended_until) consider(s.suspended_until->plus_days(1));
        if (!assemblies_.empty()) consider(assemblies_.back().plus_days(1));
        consider(next_judgement_);
        consider(cure_on_);
        return next;
    }

    // ---- evaluation -----------------------------------------------------------------------------------

    void evaluate(Date t) {
        if (cure_on_ && t >= *cure_on_) {
            overdue_.reset();
            cure_on_.reset();
        }
        judge_annual_assemblies(t);
        for (const law::Rule r : enum_values<law::Rule>()) {
            if (info(r).form == law::RuleForm::lapse && r != law::Rule::annual_assembly_late) continue;  // from events
            auto& run = runs_[static_cast<std::size_t>(r)];
            const auto m = measure(r, t);
            if (!m) {
                if (run.open) close(r, t.plus_days(-1));
                continue;
            }
            if (run.open && across_ == AcrossLawChange::restart && info(r).form == law::RuleForm::duration &&
                calendar_.law_changes_on(t) && run.counted_from < t) {
                const Date began = run.began;
                close(r, t.plus_days(-1));
                run = Run{true, began, t, {}};
            } else if (!run.open) {
                run = Run{true, t, t, {}};
            }
            run.last = *m;
        }
    }

    void close(law::Rule r, Date until) {
        periods_.push_back(period(r, until));
        runs_[static_cast<std::size_t>(r)].open = false;
    }

    ConditionPeriod period(law::Rule r, std::optional<Date> until) const {
        const auto& run = runs_[static_cast<std::size_t>(r)];
        return {r, run.began, run.counted_from, until, run.last.observed, run.last.limit, run.last.deadline,
                run.last.event};
    }

    /// The condition of `r` on day `t`, with what it measured, or nullopt when it does not hold.
    std::optional<Measure> measure(law::Rule r, Date t) const {
        const auto& s = replay_.state();
        const auto& rule = law::info(r);
        if (!s.registered || !is_live(s.status) || !(rule.kinds & law::bit(s.kind))) return std::nullopt;
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

    Dong largest_official_contribution() const {
        const auto& m = replay_.state().members;
        Dong largest = named_official_.empty() ? 0 : *named_official_.rbegin();
        const std::int64_t cohort_members = std::int64_t{m.official()} - named_official_count_;
        if (cohort_members > 0)
            largest = std::max(largest, std::max<Dong>(0, m.capital_official - named_official_total_) / cohort_members);
        return largest;
    }

    /// The next financial year to judge, on the day after its assembly deadline (the deadline in force on the
    /// first day after the year; a year without one is passed over on that day).
    void set_next_year(int year) {
        next_year_ = year;
        if (year > 9998) {
            next_judgement_.reset();
            return;
        }
        year_end_ = *Date::from_ymd(year, 12, 31);
        deadline_months_ = law_.value(law::Param::annual_assembly_deadline_months, year_end_.plus_days(1));
        deadline_ = deadline_months_ ? year_end_.plus_months(static_cast<int>(*deadline_months_)) : year_end_;
        next_judgement_ = deadline_.plus_days(1);
    }

    /// Judges every financial year whose assembly deadline has passed by `t`.
    void judge_annual_assemblies(Date t) {
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

    // ---- what the replay does not keep ----------------------------------------------------------------

    template <class Payload>
    void track(Date, const Payload&) {}
    void track(Date, const MemberJoined& p) {
        members_known_ = true;
        named_[p.member] = {p.kind, p.capital};
        if (p.kind != MemberKind::official) return;
        named_official_.insert(p.capital);
        named_official_total_ += p.capital;
        ++named_official_count_;
    }
    void track(Date, const MemberLeft& p) {
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
    void track(Date, const MembersJoined&) { members_known_ = true; }
    void track(Date, const MembersLeft&) { members_known_ = true; }
    void track(Date d, const AssemblyHeld& p) {
        if (p.kind != AssemblyKind::annual) return;
        assemblies_.push_back(d);
        if (overdue_ && !cure_on_) cure_on_ = d.plus_days(1);
    }
    /// A notice received later than the required number of working days before the suspension starts.
    void track(Date d, const Suspended& p) {
        if (!p.notified_on) return;
        const auto& s = replay_.state();
        const bool group = s.kind == OrgKind::cooperative_group;
        const law::Rule r = group ? law::Rule::group_suspension_notice_late : law::Rule::suspension_notice_late;
        const auto required = law_.value(*law::info(r).limits[0], d);
        if (!required) return;
        if (group) {
            const auto min_days = law_.value(law::Param::group_suspension_notice_min_days, d);
            if (!min_days || p.until.days_since_epoch() - d.days_since_epoch() + 1 < *min_days) return;
        }
        const Date deadline = d.plus_working_days(-static_cast<int>(*required));
        if (*p.notified_on <= deadline) return;
        const Date began = deadline.plus_days(1);
        periods_.push_back({r, began, began, std::max(began, *p.notified_on),
                            static_cast<double>(working_days_between(*p.notified_on, d)), required, deadline, d});
    }

    struct Named {
        MemberKind kind;
        Dong capital;
    };
    struct Overdue {
        Date deadline;
        std::int64_t months;
    };

    const law::Framework& law_;
    const law::LawCalendar& calendar_;
    AcrossLawChange across_;
    Replay replay_;
    bool started_ = false;
    Date cursor_;
    std::size_t stretch_ = 0;  // of the law calendar, at the cursor
    std::array<Run, law::rule_count> runs_{};
    std::vector<ConditionPeriod> periods_;

    bool members_known_ = false;
    std::map<std::string, Named, std::less<>> named_;
    std::multiset<Dong> named_official_;
    Dong named_official_total_ = 0;
    std::int64_t named_official_count_ = 0;

    std::vector<Date> assemblies_;  // annual assemblies, in date order
    int next_year_ = 0;             // the first financial year not yet judged, with its
    Date year_end_, deadline_;      // last day and assembly deadline,
    std::optional<std::int64_t> deadline_months_;  // the months to that deadline,
    std::optional<Date> next_judgement_;           // and the day it is judged
    std::optional<Overdue> overdue_;
    std::optional<Date> cure_on_;   // the day after the annual assembly that ends the overdue period
};

/// The condition periods of organisation `i` up to `until`, ordered by rule then start.
inline std::vector<ConditionPeriod> condition_periods(const Registry& registry, OrgIndex i, Date until,
                                                      AcrossLawChange across = AcrossLawChange::restart) {
    const law::LawCalendar calendar(registry.law());
    ConditionScan scan(registry.law(), calendar, across, registry.organization(i), registry.members(i));
    scan.run(registry.log(i), until);
    return scan.periods();
}

}  // namespace coopecon::compliance
