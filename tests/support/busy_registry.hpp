#pragma once
// A registry of 300 organisations of every kind with varied but valid histories from 2023 to 2025: more than
// two blocks of a replay, with registrations, suspensions, closed years and dissolutions spread over the dates.

#include <support/builders.hpp>

#include <string>
#include <vector>

namespace coopecon::test {

inline Registry busy_registry() {
    auto reg = registry();
    std::vector<OrganizationRecord> records;
    for (int i = 0; i < 300; ++i) {
        const Date start = "2023-01-02"_d.plus_days(i * 3);
        Org org = i % 5 == 0 ? cooperative_group("org-" + std::to_string(i))
                : i % 11 == 0 ? union_of_cooperatives("org-" + std::to_string(i))
                              : cooperative("org-" + std::to_string(i));
        org.registered(start, Dong{1'000'000} * i)
            .then(ev::members_joined(start, 3 + i % 9,
                                     i % 11 == 0 && i % 5 != 0 ? MemberType::cooperative : MemberType::individual));
        if (i % 3 == 0) org.then(ev::suspended(start.plus_days(40), start.plus_days(200)));
        if (i % 4 == 0) org.then(ev::financial_year_closed(start.plus_days(250), start.year(), Dong{10'000'000} * i));
        if (i % 7 == 0) org.then(ev::dissolution_resolved(start.plus_days(300), 100));
        if (i % 14 == 0) org.then(ev::dissolution_completed(start.plus_days(330)));
        records.push_back(org);
    }
    reg.add(std::move(records));
    return reg;
}

}  // namespace coopecon::test
