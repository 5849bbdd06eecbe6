#pragma once
// Why an organisation has the findings it has: its status history, and for every finding of the check
// (compliance/check.hpp) the events that started its condition, the parameters in force with their values and
// articles, and the days counted — so that a reader can follow the law's arithmetic by hand.

#include <coopecon/compliance/check.hpp>
#include <coopecon/compliance/finding.hpp>
#include <coopecon/core/date.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/export.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/registry/registry.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coopecon::compliance {

/// One change of legal status.
struct StatusChange {
    Date date;
    LegalStatus status = LegalStatus::active;
    std::string cause;  // the event type that changed it, or what happened by itself (suspension_ended, lapse)
};

/// A parameter a finding reads, as in force on a day.
struct ParameterUsed {
    std::string name;                    // law::Param's name, e.g. below_minimum_members_months
    Date on;                             // the day it is read on
    std::optional<std::int64_t> value;   // nullopt: not in force that day
    std::string reference;               // its article
    bool unconfirmed = false;
};

/// One event of the organisation's history.
struct EventMention {
    Date date;
    std::string type;  // the event type, e.g. members_left
};

struct ExplainedFinding {
    Finding finding;
    std::vector<EventMention> events;        // the events on the day its condition arose (none: a change of law)
    std::optional<Date> law_change;          // the change of law the count starts again from, if any
    std::vector<ParameterUsed> parameters;   // the length, the limit and the consequence's switch
    std::optional<Date> period_last_day;     // duration rules: the last day of the period (the threshold's eve)
};

struct Explanation {
    std::string organization;
    Date as_of;
    std::optional<Date> history_from;  // the history is complete from this day (nullopt: from registration)
    Date data_until;                   // the last day the data cover; findings after it are projected
    std::vector<StatusChange> history;  // from registration, in date order
    std::vector<ExplainedFinding> findings;
};

/// The explanation of organisation `organization` on `as_of`, under `options` as the check takes them. Throws
/// Error (unknown_name) for an unknown id and (usage) for bad options.
COOPECON_EXPORT Explanation explain(const Registry& registry, std::string_view organization, Date as_of,
                                    const CheckOptions& options = {});

/// The explanation as text, a few lines per finding, in English or Vietnamese.
COOPECON_EXPORT std::string explain_text(const Explanation& e, Lang lang);

}  // namespace coopecon::compliance
