#pragma once
// New Rural Development (nông thôn mới) criterion 13.1, per commune: the commune meets it when at least
// `min_cooperatives` cooperatives seated in it are active at the end of the year and, under QĐ 318/QĐ-TTg
// (2022), "effective" (hoạt động hiệu quả). What "effective" means is not in a retrieved source (UNCONFIRMED):
// by default a cooperative rated good or fair for the year, under the first scheme that rates it; the classes
// are data (with_effective), and C++ callers may pass any predicate. Under QĐ 1980/QĐ-TTg (2016–2022) any
// cooperative operating under the Law counted.
//
// Organisations are placed in the commune that covers their seat on 31 December of the year (areas carry
// validity dates and a crosswalk); organisations seated above commune level are in no commune.

#include <coopecon/export.hpp>
#include <coopecon/scoring/classification.hpp>
#include <coopecon/scoring/rules.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace coopecon::scoring {

/// Whether a cooperative's classification for the year makes it effective.
using EffectivePredicate = std::function<bool(const Classification&)>;

struct CommuneResult {
    std::string commune;             // area code of the commune on 31 December of the year
    std::string name;
    std::int32_t cooperatives = 0;   // of the counted kinds, seated here, existing at the end of the year
    std::int32_t active = 0;         // of them, active at the end of the year
    std::int32_t rated = 0;          // of the active ones, rated for the year
    std::int32_t effective = 0;      // of the active ones, effective (all of them when effectiveness is not asked)
    bool meets = false;
    std::vector<std::string> effective_organizations;
    std::string reason;
    std::string legal_basis;
    bool unconfirmed = false;
};

/// The version of criterion 13.1 in force on 31 December of `year`; throws Error when none is.
COOPECON_EXPORT const Dated<NtmRules>& ntm_version(const Rules& rules, std::int32_t year);

/// Criterion 13.1 for every commune where an organisation of a counted kind is seated, in area order.
COOPECON_EXPORT std::vector<CommuneResult> ntm_13_1(const Registry& reg, std::int32_t year,
                                                    const Rules& rules = *vietnam(),
                                                    const EffectivePredicate& effective = {});

}  // namespace coopecon::scoring
