#include <coopecon/scoring/operating_time.hpp>

#include <coopecon/history/replay.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/registry/registry.hpp>

#include <algorithm>

namespace coopecon::scoring {

Suspension suspension_between(const Registry& reg, OrgIndex i, Date from, Date to) {
    Suspension out;
    auto add = [&](Date start, Date end) {  // a suspension [start, end]
        const Date s = std::max(start, from), e = std::min(end, to);
        if (e < s) return;
        out.days += e.days_since_epoch() - s.days_since_epoch() + 1;
        if (!out.first_day || s < *out.first_day) out.first_day = s;
    };
    Replay r(reg.organization(i), reg.members(i), reg.law());
    std::optional<Date> since;  // start of the suspension under way
    auto observe = [&] {
        const auto& s = r.state();
        const bool suspended = s.registered && s.status == LegalStatus::suspended;
        if (suspended && !since) since = s.status_since;
        if (!suspended && since) {
            add(*since, s.status_since.plus_days(-1));
            since.reset();
        }
    };
    reg.log(i).replay_until(to, [&](Date d, const auto& payload) {
        r.settle(d);
        observe();
        r.apply(d, payload);
        observe();
    });
    r.settle(to);
    observe();
    if (since) add(*since, to);
    return out;
}

bool longer_than_months(const Suspension& s, std::int32_t months) {
    if (!s.first_day) return false;
    const auto limit = s.first_day->plus_months(months).days_since_epoch() - s.first_day->days_since_epoch();
    return s.days > limit;
}

Date operating_since(const OrgState& s) { return s.converted_on.value_or(s.registered_on); }

}  // namespace coopecon::scoring
