#pragma once
// OCOP (Mỗi xã một sản phẩm) product ratings, QĐ 148/QĐ-TTg (2023; before it QĐ 1048/QĐ-TTg, 2019): a total
// score out of 100 gives the stars by bands (5 from 90, 4 from 70, 3 from 50, 2 from 30, else 1: the bands of
// QĐ 1048, assumed unchanged in QĐ 148 — UNCONFIRMED); products of 3 stars or more get a provincial certificate,
// valid 36 months (UNCONFIRMED under QĐ 148). The bands in force on the rating date apply.
//
// The registry's snapshot columns ocop_N_stars use the default bands when it replays `ocop_rated` events
// (model/event.hpp); ocop_products() applies the rules given, so replaced bands show here.

#include <coopecon/core/date.hpp>
#include <coopecon/export.hpp>
#include <coopecon/scoring/rules.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace coopecon {
class Registry;
}  // namespace coopecon

namespace coopecon::scoring {

/// Stars for a total score under one version of the rules.
COOPECON_EXPORT std::int32_t stars_for_score(std::int32_t score, const OcopRules& rules);

struct OcopProduct {
    std::string organization;
    std::string product;
    Date rated_on;
    std::optional<std::int32_t> score;  // when rated by score
    std::optional<std::int32_t> stars;  // nothing when a score falls outside any version of the rules
    bool certified = false;             // enough stars for a certificate
    std::optional<Date> valid_until;    // last day of the certificate
    bool valid = false;                 // certified and valid on the date asked
    std::string reason;
    std::string legal_basis;
    bool unconfirmed = false;
};

/// Every OCOP product at its latest rating on or before `as_of`, organisation by organisation in registry order,
/// products in the order first rated.
COOPECON_EXPORT std::vector<OcopProduct> ocop_products(const Registry& reg, Date as_of, const Rules& rules = *vietnam());

}  // namespace coopecon::scoring
