#pragma once
// Builders that make tests read like the register: dates as "2024-08-01"_d, events named as the law names
// them (ev::suspended(from, until), ev::dissolution_resolved(on, 65)), organisations as
// cooperative("htx-1").registered("2024-08-01"_d).then(...), and a registry on the embedded Vietnamese law
// and areas.

#include <coopecon/law/framework_json.hpp>
#include <coopecon/model/area_catalog_json.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/registry/registry.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coopecon::test {

/// An ISO date checked at compile time: "2024-02-30"_d does not compile.
consteval Date operator""_d(const char* text, std::size_t n) {
    const auto d = Date::parse(std::string_view(text, n));
    if (!d) throw "not a valid ISO 8601 date";
    return *d;
}

/// A registry on the Vietnamese legal framework and administrative areas compiled into the library.
inline Registry registry() { return Registry(law::vietnam(), vietnam_areas()); }

namespace ev {

inline Event registered(Date on, Dong charter_capital = 0) { return {on, Registered{charter_capital, {}, {}, {}}}; }
/// A successor formed by a reorganisation of `predecessors`.
inline Event registered_as_successor(Date on, ReorganizationForm formed_by, std::vector<std::string> predecessors) {
    return {on, Registered{0, formed_by, std::move(predecessors), {}}};
}
/// Suspended from `on` to `until`, both included.
inline Event suspended(Date on, Date until) { return {on, Suspended{until, {}}}; }
inline Event resumed(Date on) { return {on, Resumed{}}; }

inline Event member_joined(Date on, std::string member, MemberKind kind = MemberKind::official, Dong capital = 0) {
    return {on, MemberJoined{std::move(member), kind, capital}};
}
inline Event member_left(Date on, std::string member) { return {on, MemberLeft{std::move(member), {}}}; }
inline Event members_joined(Date on, std::int32_t count, MemberType type = MemberType::individual,
                            MemberKind kind = MemberKind::official) {
    return {on, MembersJoined{kind, type, count, 0, 0}};
}
inline Event members_left(Date on, std::int32_t count, MemberType type = MemberType::individual,
                          MemberKind kind = MemberKind::official) {
    return {on, MembersLeft{kind, type, count, 0, 0}};
}
inline Event annual_assembly(Date on) { return {on, AssemblyHeld{AssemblyKind::annual}}; }
inline Event report_filed(Date on, std::int32_t year) { return {on, ReportFiled{year}}; }
inline Event financial_year_closed(Date on, std::int32_t year, Dong revenue) {
    FinancialYearClosed f;
    f.year = year;
    f.revenue = revenue;
    return {on, f};
}
inline Event capital_changed(Date on, Dong charter_capital) { return {on, CapitalChanged{charter_capital}}; }
inline Event business_line_suspended(Date on) { return {on, BusinessLineSuspended{ImposedBy::tax_authority}}; }

/// Voluntary: the general assembly's resolution (or a group's members' agreement), with its share of votes.
inline Event dissolution_resolved(Date on, std::optional<std::int32_t> approval_percent) {
    return {on, DissolutionResolved{DissolutionBasis::members_resolution, approval_percent}};
}
inline Event court_dissolution(Date on) { return {on, DissolutionResolved{DissolutionBasis::court_decision, {}}}; }
/// Ordered by the People's Committee (2012 Law Art 54.2).
inline Event authority_dissolution(Date on) {
    return {on, DissolutionResolved{DissolutionBasis::authority_decision, {}}};
}
inline Event dissolution_cancelled(Date on) { return {on, DissolutionCancelled{}}; }
/// Completed on the dossier.
inline Event dissolution_completed(Date on) { return {on, DissolutionCompleted{CompletionMode::dossier}}; }
/// Completed by lapse: no dossier and no objection within the legal period.
inline Event dissolution_lapsed(Date on) { return {on, DissolutionCompleted{CompletionMode::lapse}}; }

inline Event registration_revoked(Date on, RevocationGround ground = RevocationGround::below_minimum_members) {
    return {on, RegistrationRevoked{ground}};
}
inline Event tax_revocation(Date on) { return {on, RegistrationRevoked{RevocationGround::tax_enforcement}}; }
inline Event revocation_withdrawn(Date on) { return {on, RevocationWithdrawn{}}; }

inline Event reorganization_started(Date on, ReorganizationForm form, std::optional<std::int32_t> approval_percent,
                                    std::vector<std::string> counterparts = {}) {
    return {on, ReorganizationStarted{form, std::move(counterparts), approval_percent}};
}
inline Event reorganization_completed(Date on, ReorganizationForm form, std::vector<std::string> counterparts = {}) {
    return {on, ReorganizationCompleted{form, std::move(counterparts), {}}};
}
inline Event converted_to_cooperative(Date on, std::optional<std::int32_t> consenting_members) {
    return {on, ConvertedToCooperative{consenting_members}};
}
inline Event bankruptcy_opened(Date on) { return {on, BankruptcyOpened{}}; }
inline Event bankruptcy_declared(Date on) { return {on, BankruptcyDeclared{}}; }
inline Event address_flag_set(Date on) { return {on, AddressFlagSet{}}; }
inline Event address_flag_cleared(Date on) { return {on, AddressFlagCleared{}}; }

inline Event assessed(Date on, std::int32_t year, std::vector<std::int32_t> points) {
    return {on, Assessed{year, ClassificationScheme::tt01_2020, std::move(points)}};
}
inline Event certified(Date on, Certification certification, std::optional<Date> valid_until) {
    return {on, Certified{certification, valid_until}};
}
inline Event ocop_rated(Date on, std::string product, std::int32_t stars) {
    return {on, OcopRated{std::move(product), {}, stars}};
}
inline Event sanctioned(Date on) { return {on, Sanctioned{}}; }

}  // namespace ev

/// An organisation with its member list and history, seated in Cà Mau (P96) unless told otherwise.
class Org {
public:
    Org(std::string id, OrgKind kind) {
        auto& o = record_.organization;
        o.registration_code = "code-" + id;
        o.name = "Test " + id;
        o.id = std::move(id);
        o.kind = kind;
        o.area = "P96";
        o.sector = Sector::agriculture;
    }

    Org& registered(Date on, Dong charter_capital = 0) { return then(ev::registered(on, charter_capital)); }
    Org& then(Event e) {
        record_.events.push_back(std::move(e));
        return *this;
    }
    /// A named member in the member list (admitting them is a member_joined event).
    Org& member(std::string id, MemberType type = MemberType::individual, bool foreign_investor = false) {
        record_.members.push_back(Member{id, "Member " + id, type, foreign_investor, {}});
        return *this;
    }
    Org& area(std::string code) {
        record_.organization.area = std::move(code);
        return *this;
    }
    Org& sector(Sector s) {
        record_.organization.sector = s;
        return *this;
    }
    /// Its history is complete only from `d` (Organization::history_from).
    Org& history_from(Date d) {
        record_.organization.history_from = d;
        return *this;
    }
    /// Its data end on `d` (Organization::data_until).
    Org& data_until(Date d) {
        record_.organization.data_until = d;
        return *this;
    }

    operator OrganizationRecord() const { return record_; }

private:
    OrganizationRecord record_;
};

inline Org cooperative(std::string id) { return Org(std::move(id), OrgKind::cooperative); }
inline Org cooperative_group(std::string id) { return Org(std::move(id), OrgKind::cooperative_group); }
inline Org union_of_cooperatives(std::string id) { return Org(std::move(id), OrgKind::union_of_cooperatives); }

}  // namespace coopecon::test
