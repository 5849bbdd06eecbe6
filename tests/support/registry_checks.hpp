#pragma once
// Checks for registry tests: an event the table must allow (and by which row), an event it must refuse (with
// exactly one problem, leaving the registry exactly as it was), and readable printing of states and problems.

#include <coopecon/core/binary.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/law/transition_table.hpp>
#include <coopecon/registry/registry.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace coopecon {

// gtest printers, found by argument-dependent lookup.
inline void PrintTo(Date d, std::ostream* os) { *os << d.iso(); }
inline void PrintTo(LegalStatus v, std::ostream* os) { *os << enum_name(v); }
inline void PrintTo(OrgKind v, std::ostream* os) { *os << enum_name(v); }
inline void PrintTo(EventType v, std::ostream* os) { *os << enum_name(v); }
inline void PrintTo(ErrorCode v, std::ostream* os) { *os << enum_name(v); }
inline void PrintTo(ReorganizationForm v, std::ostream* os) { *os << enum_name(v); }
inline void PrintTo(DissolutionTrack t, std::ostream* os) {
    constexpr const char* names[] = {"none", "voluntary", "court_or_authority", "revocation"};
    *os << names[static_cast<int>(t)];
}

}  // namespace coopecon

namespace coopecon::test {

/// The fields of a refusal that a person acts on. Every field has an initialiser, so designated initialisers
/// may leave out the path of a single append (empty) and the usual code.
struct Refusal {
    std::string organization{};
    std::string event{};
    std::optional<Date> date{};
    std::string rule{};
    std::string legal_basis{};
    ErrorCode code = ErrorCode::rule_violation;
    std::string path{};
    bool operator==(const Refusal&) const = default;
};

inline void PrintTo(const Refusal& r, std::ostream* os) {
    *os << "{organization " << r.organization << ", event " << r.event << ", date "
        << (r.date ? r.date->iso() : "-") << ", rule " << r.rule << ", legal_basis \"" << r.legal_basis
        << "\", code " << enum_name(r.code) << ", path \"" << r.path << "\"}";
}

inline Refusal refusal_of(const Problem& p) {
    return {p.organization, p.event, p.date, p.rule, p.legal_basis, p.code, p.path};
}

/// The exact encoding of a described value, in hex.
template <class T>
std::string hex(const T& value) {
    std::vector<std::byte> bytes;
    BinaryWriter(bytes).write(value);
    std::string out;
    for (auto b : bytes) {
        char two[3];
        std::snprintf(two, sizeof two, "%02x", static_cast<unsigned>(b));
        out += two;
    }
    return out;
}

/// Every field of a state, as one line (OrgState has no equality; this is also what a failure prints).
inline std::string text(const OrgState& s) {
    auto date = [](const std::optional<Date>& d) { return d ? d->iso() : std::string("-"); };
    std::string out = "registered=" + std::to_string(s.registered) + " kind=" + std::string(enum_name(s.kind)) +
                      " status=" + std::string(enum_name(s.status)) + " not_at_address=" +
                      std::to_string(s.not_at_address);
    if (!s.registered) return out;
    out += " registered_on=" + s.registered_on.iso() + " status_since=" + s.status_since.iso() +
           " suspended_until=" + date(s.suspended_until) + " restore_to=" + std::string(enum_name(s.restore_to)) +
           " dissolution=" + std::to_string(static_cast<int>(s.dissolution)) + " reorganization=" +
           (s.reorganization ? std::string(enum_name(*s.reorganization)) : "-");
    const auto& m = s.members;
    out += " members=";
    for (auto n : m.by_kind) out += std::to_string(n) + ",";
    for (auto n : m.by_type) out += std::to_string(n) + ",";
    out += std::to_string(m.foreign_official) + "," + std::to_string(m.capital_official) + "," +
           std::to_string(m.capital_associates) + "," + std::to_string(m.capital_foreign);
    out += " capital=" + std::to_string(s.charter_capital) + " last_annual_assembly=" + date(s.last_annual_assembly) +
           " last_report=" + date(s.last_report) + " financials=" + hex(s.latest_financials);
    return out;
}

/// An event as its date, type and exact encoding.
inline std::string text(const Event& e) {
    return e.date.iso() + " " + std::string(enum_name(e.type())) + " " +
           std::visit([](const auto& p) { return hex(p); }, e.data);
}

/// What every read of the registry shows: sizes, each history, and each state and snapshot on and around every
/// date that matters (each event date and the end of each notified suspension, the day before and after, and
/// `extra`).
inline std::vector<std::string> image(const Registry& reg, std::vector<Date> extra = {}) {
    std::vector<Date> dates;
    auto around = [&](Date d) {
        for (int k = -1; k <= 1; ++k) dates.push_back(d.plus_days(k));
    };
    for (Date d : extra) around(d);
    std::vector<std::string> out{"size=" + std::to_string(reg.size()),
                                 "event_count=" + std::to_string(reg.event_count())};
    for (OrgIndex i = 0; i < reg.size(); ++i)
        for (const auto& e : reg.events(i)) {
            out.push_back(reg.organization(i).id + " event " + text(e));
            around(e.date);
            if (const auto* s = e.get<Suspended>()) around(s->until);
        }
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    for (OrgIndex i = 0; i < reg.size(); ++i)
        for (Date d : dates) out.push_back(reg.organization(i).id + " at " + d.iso() + ": " + text(reg.state_at(i, d)));
    for (Date d : dates) out.push_back("snapshot at " + d.iso() + ": " + hex(reg.snapshot(d)));
    return out;
}

/// Appends `e`, which row `row` of the transition table must allow.
inline void allowed(Registry& reg, std::string_view id, const Event& e, std::string_view row) {
    const auto decision = law::decide(reg.state_at(id, e.date), e, reg.law());
    ASSERT_TRUE(decision) << decision.refusal->to_string();
    EXPECT_EQ(decision.rule->id, row);
    EXPECT_EQ(decision.rule->event, e.type());
    try {
        reg.append(id, e);
    } catch (const Error& error) {
        ADD_FAILURE() << error.what();
    }
}

/// Runs `change`, which must be refused, and checks that it left the registry exactly as it was (read also on
/// and around `dates`); returns the problems.
template <class Change>
Problems refused_change(Registry& reg, const std::vector<Date>& dates, Change&& change) {
    const auto before = image(reg, dates);
    Problems out;
    try {
        change();
        ADD_FAILURE() << "the change was not refused";
    } catch (const Error& error) {
        out = error.problems();
    }
    EXPECT_EQ(image(reg, dates), before) << "a refused change altered the registry";
    return out;
}

/// Appends `e`, which must be refused with exactly one problem and leave the registry exactly as it was.
inline Problem refused(Registry& reg, std::string_view id, const Event& e) {
    const auto problems = refused_change(reg, {e.date}, [&] { reg.append(id, e); });
    EXPECT_EQ(problems.size(), 1u) << text(e);
    return problems.empty() ? Problem{} : problems.front();
}

}  // namespace coopecon::test
