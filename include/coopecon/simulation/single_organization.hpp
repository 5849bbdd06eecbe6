#pragma once
// One organisation run through the dynamics between its registration and a date: the competing risks of its
// status (suspension, resumption, voluntary dissolution, members joining and leaving, conversion), the end of its
// suspension notices, its yearly records (reports, financial years, annual assemblies, self-assessments), the
// registration office acting when a compliance rule falls due, and the completion of a dissolution. It draws as
// the dynamics of simulation/engine.hpp do, and every event passes Replay::step under the framework before it
// applies: the same transition table, legal parameters and compliance due dates, no second copy of the rules.
//
// A registry-wide run moves many organisations at once; this one moves one, on its own stream, so that a
// generator can draw an organisation's past and keep the draw only when it ends where a plan says (the synthetic
// profiles, simulation/synthetic.hpp). What a run cannot do alone — a merger needs a second organisation — it
// does not do.

#include <coopecon/core/date.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>
#include <coopecon/simulation/random.hpp>
#include <coopecon/simulation/rates.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace coopecon::simulation {

/// The organisation and what happens to it whatever the dynamics draw.
struct SingleOrganization {
    OrgKind kind = OrgKind::cooperative;
    Sector sector = Sector::other;
    std::span<const Member> members;  // its member list (members named one by one); must outlive the run
    Date registered;                  // the day of its Registered event, where the run begins
    Registered registration;
    /// Events decided outside the dynamics (members, capital, distinctions), in date order. Each applies on its
    /// day, before the dynamics' items of that day, while the organisation is live; one the transition table
    /// refuses is left out and counted.
    std::span<const Event> given;
};

/// The figures of a financial year: `f.year` is set; `events` are the run's events so far.
using FinancialYearFigures =
    std::function<void(FinancialYearClosed& f, const OrgState& state, std::span<const Event> events)>;

/// Where the run ends, and conditions that steer it to a planned end.
struct SingleRunOptions {
    Date until;                          // the state at the end of this day is the run's end
    std::optional<Date> dissolve_on;     // the members resolve to dissolve on this day, if it is still live then,
                                         // and it completes on a dossier (one to five months on), not by lapse
    std::optional<Date> suspended_from;  // suspended from this day to `until`: a notice then, extended as each
                                         // runs out, never resumed early
    bool office = true;                  // the registration office acts on compliance rules that fall due
    bool assessments = true;             // yearly TT 01/2020 self-assessments of cooperatives
    FinancialYearFigures financial_year; // default: the dynamics' own draw (growth on the year before)
};

struct SingleRun {
    std::vector<Event> events;           // every event applied, in date order, the registration first
    OrgState state;                      // at the end of `until`
    std::int32_t given_left_out = 0;     // given events refused by the transition table
    std::int32_t office_actions = 0;     // revocations and compulsory dissolutions by the registration office
};

/// Runs `organization` from its registration to `options.until` with `rates` under `law`, drawing from `rng`:
/// the same stream gives the same run. Throws Error when the registration itself is refused.
COOPECON_EXPORT SingleRun simulate_organization(const law::Framework& law, const Rates& rates,
                                                const SingleOrganization& organization,
                                                const SingleRunOptions& options, WideStream& rng);

/// Days within [from, to] on which `events` (one organisation's, in date order) leave it suspended.
COOPECON_EXPORT std::int32_t days_suspended(std::span<const Event> events, Date from, Date to);

}  // namespace coopecon::simulation
