#pragma once
// Small hand-built registries for indicator tests: organisations written as their histories, on the embedded
// Vietnamese law and areas, so every expected figure can be counted by hand from the test itself.

#include <coopecon/indicators/catalogue.hpp>
#include <coopecon/indicators/engine.hpp>
#include <coopecon/indicators/period.hpp>
#include <coopecon/law/framework_json.hpp>
#include <coopecon/model/area_catalog_json.hpp>
#include <coopecon/registry/registry.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace coopecon::test {

consteval Date operator""_day(const char* text, std::size_t n) {
    const auto d = Date::parse(std::string_view(text, n));
    if (!d) throw "not a valid ISO 8601 date";
    return *d;
}

/// An organisation's record, built event by event.
class History {
public:
    History(std::string id, OrgKind kind, std::string area = "D964", Sector sector = Sector::agriculture) {
        auto& o = record_.organization;
        o.registration_code = "code-" + id;
        o.name = "Test " + id;
        o.id = std::move(id);
        o.kind = kind;
        o.area = std::move(area);
        o.sector = sector;
    }
    History& on(Date d, EventData e) {
        record_.events.push_back(Event{d, std::move(e)});
        return *this;
    }
    History& registered(Date d) { return on(d, Registered{}); }
    History& members(Date d, std::int32_t n, MemberType type = MemberType::individual,
                     MemberKind kind = MemberKind::official) {
        return on(d, MembersJoined{kind, type, n, 0, 0});
    }
    History& suspended(Date d, Date until) { return on(d, Suspended{until, {}}); }
    History& results(Date d, std::int32_t year, Dong revenue, Dong profit, Dong internal, std::int32_t workers,
                     Dong wages, Dong indivisible_fund = 0) {
        FinancialYearClosed f;
        f.year = year;
        f.revenue = revenue;
        f.costs = revenue - profit;
        f.pre_tax_profit = profit;
        f.internal_revenue = internal;
        f.workers = workers;
        f.wages = wages;
        f.indivisible_fund = indivisible_fund;
        return on(d, f);
    }
    History& dissolved(Date resolved, Date completed) {
        on(resolved, DissolutionResolved{DissolutionBasis::members_resolution, 80});
        return on(completed, DissolutionCompleted{CompletionMode::dossier});
    }
    operator OrganizationRecord() const { return record_; }

private:
    OrganizationRecord record_;
};

inline History cooperative(std::string id, std::string area = "D964") { return {std::move(id), OrgKind::cooperative, std::move(area)}; }
inline History group(std::string id, std::string area = "D964") { return {std::move(id), OrgKind::cooperative_group, std::move(area)}; }
inline History union_of(std::string id, std::string area = "D964") {
    return {std::move(id), OrgKind::union_of_cooperatives, std::move(area)};
}

inline Registry empty_registry() { return Registry(law::vietnam(), vietnam_areas()); }

/// The indicators with these catalogue ids, grouped by `by`.
inline indicators::Query query(const std::vector<std::string>& ids, std::vector<indicators::GroupKey> by = {}) {
    indicators::Query q;
    q.indicators = indicators::catalogue_indicators(ids);
    q.by = std::move(by);
    return q;
}

/// January to 31 August 2023, the period of the published Cà Mau figures.
inline const indicators::Period period_2023 = indicators::period_between("2023-01-01"_day, "2023-08-31"_day);

}  // namespace coopecon::test
