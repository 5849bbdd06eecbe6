#pragma once
// The scoring rules as dated data (data/scoring/vn-scoring.json, format "coopecon-scoring", version 1): the
// classification schemes of Thông tư 01/2020/TT-BKHĐT and Thông tư 09/2017/TT-BNNPTNT (criteria with their
// maximum points, class bands, who is not rated), New Rural Development criterion 13.1 and the OCOP star bands.
// Each is a timeline of versions, and every number carries its legal basis and whether it is UNCONFIRMED, so the
// values the domain reference could not verify are flagged, listed by unconfirmed(), and easy to replace.

#include <coopecon/core/error.hpp>
#include <coopecon/core/timeline.hpp>
#include <coopecon/export.hpp>
#include <coopecon/indicators/building_blocks.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coopecon::scoring {

using indicators::ClassificationClass;

/// A number of the rules with its source.
struct Cited {
    std::int32_t value = 0;
    std::string reference;
    bool unconfirmed = false;
    bool operator==(const Cited&) const = default;
};
BOOST_DESCRIBE_STRUCT(Cited, (), (value, reference, unconfirmed))

/// "80 (reference)" or "80 (reference, UNCONFIRMED)", for messages.
COOPECON_EXPORT std::string cite(const Cited& c);

struct Criterion {
    std::string id;     // TC1, TC2 …
    std::string group;  // I, II, III under Thông tư 01/2020/TT-BKHĐT; empty otherwise
    std::string label;
    std::string label_vi;
    Cited max_points;
    bool operator==(const Criterion&) const = default;
};
BOOST_DESCRIBE_STRUCT(Criterion, (), (id, group, label, label_vi, max_points))

/// Lower bounds of the classes: good from `good`, fair from `fair`, average from `average`, weak below.
struct ClassBands {
    Cited good;
    Cited fair;
    Cited average;
    bool operator==(const ClassBands&) const = default;
};
BOOST_DESCRIBE_STRUCT(ClassBands, (), (good, fair, average))

/// Which organisations a scheme rates.
struct Scope {
    std::vector<OrgKind> kinds;
    std::vector<Sector> sectors;
    std::string reference;
    bool unconfirmed = false;
    bool operator==(const Scope&) const = default;
};
BOOST_DESCRIBE_STRUCT(Scope, (), (kinds, sectors, reference, unconfirmed))

/// One version of a classification scheme.
struct SchemeRules {
    std::vector<Criterion> criteria;  // in the order of an assessment's points
    Cited total_points;               // the maxima add up to it
    ClassBands bands;
    Cited min_operating_months;                 // operating less long by the end of the year: not rated
    std::optional<Cited> max_suspended_months;  // suspended longer in the year: not rated
    std::optional<Cited> weak_if_sanctioned;    // 1: sanctioned in the year means weak
    Scope scope;
    bool operator==(const SchemeRules&) const = default;
};
BOOST_DESCRIBE_STRUCT(SchemeRules, (), (criteria, total_points, bands, min_operating_months, max_suspended_months,
                                        weak_if_sanctioned, scope))

/// The classes that count as "effective" (hoạt động hiệu quả).
struct EffectiveClasses {
    std::vector<ClassificationClass> classes;
    std::string reference;
    bool unconfirmed = false;
    bool operator==(const EffectiveClasses&) const = default;
};
BOOST_DESCRIBE_STRUCT(EffectiveClasses, (), (classes, reference, unconfirmed))

/// One version of New Rural Development criterion 13.1 (per commune).
struct NtmRules {
    std::string criterion;  // "13.1"
    std::string text;       // the criterion as worded
    Cited min_cooperatives;
    std::optional<EffectiveClasses> effective;  // absent: any cooperative operating under the Law counts
    std::vector<OrgKind> kinds;                 // the organisations that count
    std::vector<ClassificationScheme> schemes;  // classifications read, the first rated one wins
    bool operator==(const NtmRules&) const = default;
};
BOOST_DESCRIBE_STRUCT(NtmRules, (), (criterion, text, min_cooperatives, effective, kinds, schemes))

struct OcopBand {
    std::int32_t stars = 0;
    Cited min_score;
    bool operator==(const OcopBand&) const = default;
};
BOOST_DESCRIBE_STRUCT(OcopBand, (), (stars, min_score))

struct OcopParts {
    Cited a;  // product and community strength
    Cited b;  // marketing
    Cited c;  // product quality
    bool operator==(const OcopParts&) const = default;
};
BOOST_DESCRIBE_STRUCT(OcopParts, (), (a, b, c))

/// One version of the OCOP rating rules.
struct OcopRules {
    std::vector<OcopBand> bands;  // from 5 stars down to 2; below the last band: 1 star
    Cited certified_from_stars;
    Cited certificate_months;
    OcopParts parts;
    bool operator==(const OcopRules&) const = default;
};
BOOST_DESCRIBE_STRUCT(OcopRules, (), (bands, certified_from_stars, certificate_months, parts))

struct Rules {
    std::string title;
    Timeline<SchemeRules> tt01_2020;
    Timeline<SchemeRules> tt09_2017;
    Timeline<NtmRules> ntm_13_1;
    Timeline<OcopRules> ocop;

    const Timeline<SchemeRules>& scheme(ClassificationScheme s) const noexcept {
        return s == ClassificationScheme::tt01_2020 ? tt01_2020 : tt09_2017;
    }
    Timeline<SchemeRules>& scheme(ClassificationScheme s) noexcept {
        return s == ClassificationScheme::tt01_2020 ? tt01_2020 : tt09_2017;
    }
};

inline constexpr std::string_view rules_format = "coopecon-scoring";
inline constexpr std::int64_t rules_version = 1;

/// The scheme's version that applies to an assessment of `year`: the one in force at the end of that year.
COOPECON_EXPORT const Dated<SchemeRules>* scheme_for_year(const Rules& r, ClassificationScheme s, std::int32_t year);

/// Every problem that would make the rules inconsistent: maxima not adding up to the total, bands out of order,
/// an empty scope … each at its field path.
COOPECON_EXPORT Problems check(const Rules& r);

/// Reads rules from JSON text (`file` names it in problems); throws Error listing every problem, with
/// file:line:column where the text shows it.
COOPECON_EXPORT Rules read_rules(std::string_view text, std::string_view file);

COOPECON_EXPORT std::string write_rules(const Rules& r);

/// Vietnam's rules, embedded in the library (data/scoring/vn-scoring.json), parsed once and shared.
COOPECON_EXPORT std::shared_ptr<const Rules> vietnam();

/// A number the data flag as UNCONFIRMED, with where it is.
struct Flagged {
    std::string path;  // e.g. tt01_2020[1].value.criteria[9].max_points
    std::int32_t value = 0;
    std::string reference;
};

/// Every UNCONFIRMED number and period of the rules.
COOPECON_EXPORT std::vector<Flagged> unconfirmed(const Rules& r);

// ---- replacing the UNCONFIRMED values ---------------------------------------------------------------------

/// The reference a value set by the caller carries.
inline constexpr std::string_view set_by_caller = "set by the caller";

/// Rules with the maximum points of criteria of `scheme` replaced in every version (ids as in the data, e.g.
/// TC10). Throws Error naming an unknown criterion, or when the maxima no longer add up to the total.
COOPECON_EXPORT Rules with_max_points(Rules r, ClassificationScheme scheme, const std::map<std::string, std::int32_t>& points);

/// Rules with the class bands of `scheme` replaced in every version.
COOPECON_EXPORT Rules with_bands(Rules r, ClassificationScheme scheme, std::int32_t good, std::int32_t fair,
                                 std::int32_t average);

/// Rules in which NTM criterion 13.1 counts these classes as effective, in every version that asks for
/// effectiveness.
COOPECON_EXPORT Rules with_effective(Rules r, std::vector<ClassificationClass> classes);

/// Rules with the OCOP minimum scores for 5, 4, 3 and 2 stars replaced in every version.
COOPECON_EXPORT Rules with_ocop_bands(Rules r, const std::vector<std::int32_t>& min_scores);

/// Rules with the OCOP certificate validity replaced in every version.
COOPECON_EXPORT Rules with_ocop_certificate_months(Rules r, std::int32_t months);

}  // namespace coopecon::scoring
