#pragma once
// What an organisation holds at a date and can pass on in a reorganisation: its counted members as cohorts by
// kind and type (with their foreign investors and capital), its named members with their kind and capital, its
// charter capital and its indivisible fund. Cohorts split into exact integer parts by weights.

#include <coopecon/core/date.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/core/ids.hpp>
#include <coopecon/core/money.hpp>
#include <coopecon/export.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/registry/registry.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace coopecon::operations {

/// Counted members of one kind and one type, as members_joined and members_left record them.
struct Cohort {
    MemberKind kind = MemberKind::official;
    MemberType type = MemberType::individual;
    std::int32_t count = 0;
    std::int32_t foreign_investors = 0;
    Dong capital = 0;
};

/// A named member who is a member on the date, with the kind and capital they were admitted with.
struct NamedMembership {
    Member member;
    MemberKind kind = MemberKind::official;
    Dong capital = 0;
};

struct Holdings {
    std::vector<Cohort> cohorts;  // every (kind, type) with members, in enumeration order
    std::vector<NamedMembership> named;
    Dong charter_capital = 0;
    Dong indivisible_fund = 0;
    Problems problems;  // cohorts that a history leaves below zero cannot be carried
};

/// The holdings of organisation `i` at the end of `at`.
COOPECON_EXPORT Holdings holdings(const Registry& reg, OrgIndex i, Date at);

/// Splits each cohort into parts: counts by `weights`, then foreign investors and capital by those counts, each
/// by the largest-remainder method, so every part adds up exactly. parts[j] holds the non-empty cohorts of part j.
COOPECON_EXPORT std::vector<std::vector<Cohort>> split(const std::vector<Cohort>& cohorts,
                                                      std::span<const std::int64_t> weights);

/// Cohorts of several organisations added up by kind and type.
COOPECON_EXPORT std::vector<Cohort> combine(const std::vector<std::vector<Cohort>>& lists);

}  // namespace coopecon::operations
