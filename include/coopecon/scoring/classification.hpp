#pragma once
// Classification of cooperatives for a year (đánh giá, xếp loại) under Thông tư 01/2020/TT-BKHĐT (all sectors,
// 15 criteria) or Thông tư 09/2017/TT-BNNPTNT (agricultural cooperatives, 6 criteria), from the registry: the
// year's latest `assessed` event under the scheme gives the points; the organisation's events decide whether
// it is rated at all. In order:
//
// 1. a scheme version must be in force at the end of the year (no_rules), and rate the organisation's kind and
//    sector (out_of_scope);
// 2. the points must fit the scheme: one per criterion, each within its maximum (invalid_points);
// 3. it must have operated at least min_operating_months by the end of the year (too_new) — since its
//    registration, or since its conversion for a former cooperative group;
// 4. under TT 01/2020 it must not have been suspended more than max_suspended_months in the year
//    (suspended_too_long), counted in calendar months from its first suspended day in the year;
// 5. under TT 09/2017 an administrative sanction dated in the year makes it weak whatever its points;
// 6. otherwise the bands decide: good from 80, fair from 65, average from 50, weak below.

#include <coopecon/core/error.hpp>
#include <coopecon/core/ids.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/core/labelled_enum.hpp>
#include <coopecon/export.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/scoring/rules.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace coopecon {
class Registry;
}  // namespace coopecon

namespace coopecon::scoring {

/// Whether an organisation was rated for the year, or why not.
COOPECON_LABELLED_ENUM(Rating, std::uint8_t,
    (rated, "Rated", "Được xếp loại"),
    (not_assessed, "Not assessed", "Chưa đánh giá"),  // no assessment under the scheme for the year
    // operating under the minimum months at the end of the year
    (too_new, "Not rated: not yet operating long enough", "Không xếp loại: hoạt động chưa đủ thời gian"),
    // suspended more than the maximum months in the year
    (suspended_too_long, "Not rated: suspended too long in the year",
     "Không xếp loại: ngừng hoạt động quá thời gian trong năm"),
    (out_of_scope, "Not covered by the scheme", "Không thuộc đối tượng"),  // a kind or sector the scheme does not rate
    (invalid_points, "Points do not fit the scheme", "Điểm không hợp lệ"),
    (no_rules, "No rules in force", "Không có quy định áp dụng"))  // no version of the scheme in force for the year

struct Classification {
    std::string organization;
    std::int32_t year = 0;
    ClassificationScheme scheme = ClassificationScheme::tt01_2020;
    Rating rating = Rating::not_assessed;
    std::optional<ClassificationClass> cls;  // when rated
    std::optional<std::int64_t> points;      // the assessment's total, when assessed
    bool sanctioned = false;                 // an administrative sanction dated in the year
    std::int32_t suspended_days = 0;         // days suspended in the year
    std::string reason;                      // what decided the outcome, with its legal basis
    std::string legal_basis;                 // the scheme version's reference
    bool unconfirmed = false;                // the outcome rests on an UNCONFIRMED period or number
    Problems problems;                       // for invalid_points: each point that does not fit
};

/// The classification of organisation `i` for `year` under `scheme`, or nothing when there is nothing to say:
/// not registered by the end of the year, ended before it began, or neither assessed nor rated by the scheme.
COOPECON_EXPORT std::optional<Classification> classify(const Registry& reg, OrgIndex i, std::int32_t year,
                                                       ClassificationScheme scheme, const Rules& rules);

/// The classifications of every organisation for `year` under `scheme`, in registry order.
COOPECON_EXPORT std::vector<Classification> classify(const Registry& reg, std::int32_t year,
                                                     ClassificationScheme scheme = ClassificationScheme::tt01_2020,
                                                     const Rules& rules = *vietnam());

}  // namespace coopecon::scoring
