#include <coopecon/history/replayable.hpp>

#include "json/source.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/core/type_traits.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

namespace coopecon {

namespace {

/// Whether every enumeration in a payload is one of its enumerators, every date is in the calendar and every
/// string is UTF-8 (what the rest of the library takes for granted of a string).
template <class T>
bool in_range(const T& v) {
    if constexpr (std::is_same_v<T, std::string>) {
        return !json::find_invalid_utf8(v);
    } else if constexpr (std::is_enum_v<T>) {
        return !enum_name(v).empty();
    } else if constexpr (std::is_same_v<T, Date>) {
        return v.in_calendar();
    } else if constexpr (detail::is_optional<T>::value) {
        return !v || in_range(*v);
    } else if constexpr (detail::is_vector<T>::value) {
        return std::all_of(v.begin(), v.end(), [](const auto& x) { return in_range(x); });
    } else if constexpr (boost::describe::has_describe_members<T>::value) {
        bool ok = true;
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
            [&](auto m) { ok = ok && in_range(v.*m.pointer); });
        return ok;
    } else {
        return true;  // numbers: judged by the payload's own check below
    }
}

/// What the replay takes for granted, payload by payload: nullptr when it holds, else what is wrong.
struct Hazards {
    std::span<const Member> members;
    std::int64_t moved = 0;    // members who joined or left, all kinds: bounds every count of members
    std::int64_t amounts = 0;  // capital and funds, all events

    bool add(std::int64_t& total, std::int64_t v, std::int64_t most) {
        return v >= 0 && !__builtin_add_overflow(total, v, &total) && total <= most;
    }
    bool amount(Dong v) { return add(amounts, v, std::numeric_limits<Dong>::max()); }
    bool counted(std::int32_t n) { return add(moved, n, std::numeric_limits<std::int32_t>::max()); }
    bool known(const std::string& id) const {
        return std::any_of(members.begin(), members.end(), [&](const Member& m) { return m.id == id; });
    }
    bool cohort(std::int32_t count, std::int32_t foreign) const {
        return count >= 1 && foreign >= 0 && foreign <= count;
    }

    template <class Payload>
    const char* operator()(const Payload&) {
        return nullptr;
    }
    const char* operator()(const Registered& p) {
        return amount(p.charter_capital) && amount(p.indivisible_fund.value_or(0)) ? nullptr : "an amount out of range";
    }
    const char* operator()(const MemberJoined& p) {
        if (!known(p.member)) return "a member who is not in the member list";
        return counted(1) && amount(p.capital) ? nullptr : "totals out of range";
    }
    const char* operator()(const MemberLeft& p) {
        if (!known(p.member)) return "a member who is not in the member list";
        return counted(1) ? nullptr : "totals out of range";
    }
    const char* operator()(const MembersJoined& p) {
        if (!cohort(p.count, p.foreign_investors)) return "a cohort count out of range";
        return counted(p.count) && amount(p.capital) ? nullptr : "totals out of range";
    }
    const char* operator()(const MembersLeft& p) {
        if (!cohort(p.count, p.foreign_investors)) return "a cohort count out of range";
        return counted(p.count) && amount(p.capital) ? nullptr : "totals out of range";
    }
    const char* operator()(const FinancialYearClosed& p) {
        return amount(p.indivisible_fund) ? nullptr : "an amount out of range";
    }
    const char* operator()(const ReorganizationCompleted& p) {
        return amount(p.indivisible_fund.value_or(0)) ? nullptr : "an amount out of range";
    }
    const char* operator()(const Assessed& p) {
        const bool ok = p.points.size() <= criteria_count(p.scheme) &&
                        std::all_of(p.points.begin(), p.points.end(),
                                    [](std::int32_t x) { return x >= 0 && x <= scheme_total_points; });
        return ok ? nullptr : "assessment points out of range";
    }
    const char* operator()(const OcopRated& p) {
        const bool ok = p.score.has_value() != p.stars.has_value() && (!p.stars || (*p.stars >= 1 && *p.stars <= 5));
        return ok ? nullptr : "an OCOP rating without exactly one of score and stars in range";
    }
};

[[noreturn]] void refuse(std::uint32_t event, const std::string& why) {
    throw Error(ErrorCode::invalid_value, "encoded history, event " + std::to_string(event) + ": " + why);
}

}  // namespace

EventLog replayable_history(std::span<const std::byte> bytes, std::uint32_t count, std::span<const Member> members,
                            bool* names_others) {
    if (count == 0) refuse(0, "a history has at least its registered event");
    const EventLog unchecked(bytes, count, Date::max());
    Hazards hazards{members};
    bool named = false;
    std::uint32_t seen = 0;
    Date last = Date::min();
    try {
        auto cursor = unchecked.cursor();
        cursor.replay_until(Date::max(), [&](Date d, const auto& payload) {
            using Payload = std::remove_cvref_t<decltype(payload)>;
            if (seen == count) refuse(seen, "more events than its count of " + std::to_string(count));
            if ((seen == 0) != std::is_same_v<Payload, Registered>)
                refuse(seen, "a history begins with its one registered event");
            if (!in_range(payload)) refuse(seen, "a date, kind or string out of range (a string must be UTF-8)");
            if (const char* why = hazards(payload)) refuse(seen, why);
            if constexpr (std::is_same_v<Payload, Registered>) named = named || !payload.predecessors.empty();
            if constexpr (std::is_same_v<Payload, ReorganizationStarted> ||
                          std::is_same_v<Payload, ReorganizationCompleted>)
                named = true;
            last = d;
            ++seen;
        });
        // The cursor stops before an event dated after 9999-12-31.
        if (!cursor.at_end()) refuse(seen, "a date after 9999-12-31");
        if (seen < count) refuse(seen, "fewer events than its count of " + std::to_string(count));
    } catch (const Error& e) {
        if (e.problems().front().message.starts_with("encoded history")) throw;
        refuse(seen, e.problems().front().message);
    }
    if (names_others) *names_others = named;
    return EventLog(bytes, count, last);
}

}  // namespace coopecon
