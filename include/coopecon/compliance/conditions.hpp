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
#include <coopecon/core/ids.hpp>
#include <coopecon/core/money.hpp>
#include <coopecon/export.hpp>
#include <coopecon/history/event_log.hpp>
#include <coopecon/history/replay.hpp>
#include <coopecon/law/compliance_rule.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/law_calendar.hpp>
#include <coopecon/law/period.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace coopecon {
class Registry;
}  // namespace coopecon

namespace coopecon::compliance {

/// How a period counts across a change of law (law/period.hpp): by_rule, the default, keeps the months served
/// where the new law gives the ground the same length and counts again from its first day otherwise.
using law::AcrossLawChange;

/// One stretch of days on which a rule's condition held.
struct ConditionPeriod {
    law::Rule rule = law::Rule::not_operating;
    Date began;                          // first day it held
    Date counted_from;                   // first day counted: the day after the day it arose (Civil Code Art 147.2,
                                         // law/period.hpp), or the first day of a new law that counts it again;
                                         // = began for an immediate rule and a lapse
    std::optional<Date> until;           // last day it held; nullopt when it still held at the end of the scan
    std::optional<double> observed;      // on its last day: members, percent, working days of notice
    std::optional<std::int64_t> limit;   // the legal limit then
    std::optional<Date> deadline;        // lapses: the day the duty was due
    std::optional<Date> event;           // lapses: the suspension's start, or the day the late assembly was held
};

/// Mon–Fri days d with from <= d < to (0 when to <= from), as Date::plus_working_days counts them.
COOPECON_EXPORT std::int64_t working_days_between(Date from, Date to) noexcept;

/// A set of rules, bit r for law::Rule r.
using RuleSet = std::uint64_t;
static_assert(law::rule_count <= 64, "RuleSet holds one bit per rule");
inline constexpr RuleSet every_rule = law::rule_count == 64 ? ~RuleSet{0} : (RuleSet{1} << law::rule_count) - 1;
constexpr RuleSet rule_set(std::initializer_list<law::Rule> rules) noexcept {
    RuleSet s = 0;
    for (const auto r : rules) s |= RuleSet{1} << static_cast<unsigned>(r);
    return s;
}

/// Replays one history and records the periods of every rule's condition up to a date.
class COOPECON_EXPORT ConditionScan {
public:
    /// `rules`: the rules whose periods are recorded (the others are not evaluated, which a caller that reads
    /// a few of them need not pay for). `history_from`: the first day from which the history is complete
    /// (Registry::history_from), if any. A late annual assembly still open on that day is closed the day before:
    /// whether an assembly was held in the days not recorded is unknown, and the years judged from then on are
    /// judged on their own.
    ConditionScan(const law::Framework& law, const law::LawCalendar& calendar, AcrossLawChange across,
                  const Organization& org, std::span<const Member> members, RuleSet rules = every_rule,
                  std::optional<Date> history_from = std::nullopt)
        : law_(law), calendar_(calendar), across_(across), rules_(rules), replay_(org, members, law),
          history_from_(history_from) {}

    /// Replays every event dated on or before `until` and evaluates the conditions on every day up to it.
    void run(const EventLog& log, Date until);

    /// The state at the end of the scan.
    const OrgState& state() const noexcept { return replay_.state(); }
    /// The replay that produced it, to go on from where the scan ended.
    const Replay& replay() const noexcept { return replay_; }

    /// Every period (those still open have no `until`), ordered by rule then start.
    std::vector<ConditionPeriod> periods() const;

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
    struct Named {
        MemberKind kind;
        Dong capital;
    };
    struct Overdue {
        Date deadline;
        std::int64_t months;
    };

    // ---- time: evaluated one stretch of unchanged inputs at a time ------------------------------------
    void advance(Date to);
    Date next_change_after(Date t) const noexcept;

    // ---- evaluation -------------------------------------------------------------------------------------
    void evaluate(Date t);
    void close(law::Rule r, Date until);
    ConditionPeriod period(law::Rule r, std::optional<Date> until) const;
    Date first_counted(law::Rule r, Date t) const;
    std::optional<Measure> measure(law::Rule r, Date t) const;
    Dong largest_official_contribution() const;
    void set_next_year(int year);
    void judge_annual_assemblies(Date t);

    /// What the replay does not keep, from the events that tell it.
    template <class Payload>
    void track(Date d, const Payload& p);

    const law::Framework& law_;
    const law::LawCalendar& calendar_;
    AcrossLawChange across_;
    RuleSet rules_;
    Replay replay_;
    std::optional<Date> history_from_;
    bool started_ = false;
    Date cursor_;
    Date last_event_;  // the day of the latest event replayed
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
COOPECON_EXPORT std::vector<ConditionPeriod> condition_periods(const Registry& registry, OrgIndex i, Date until,
                                                               AcrossLawChange across = AcrossLawChange::by_rule);

}  // namespace coopecon::compliance
