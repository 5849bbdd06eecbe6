#pragma once
// Where the indicators meet classification, New Rural Development and OCOP rules. The scoring module supplies
// hooks built from its dated rules (scoring::indicator_hooks in scoring/indicator_hooks.hpp, which also applies
// replaced bands and effective classes); the defaults here are the values of the embedded rules
// (data/scoring/vn-scoring.json), so the indicators need not depend on the scoring layer above them, and
// tests/scoring/indicator_hooks_test.cpp checks that both class every assessment alike.
//
// - Classes come from the latest `assessed` event: the bands of Thông tư 01/2020/TT-BKHĐT on the total of the
//   points (tốt from 80, khá from 65, trung bình from 50, else yếu; the same bands in Thông tư
//   09/2017/TT-BNNPTNT); under Thông tư 09/2017/TT-BNNPTNT an organisation sanctioned in the assessed year is
//   weak whatever its points.
// - "Effective" (hoạt động hiệu quả) means good or fair (domain reference §6, MARD target; UNCONFIRMED, so
//   configurable); QĐ 167/QĐ-TTg 2021 reads good only — set `effective` accordingly.
// - A commune meets NTM criterion 13.1 (QĐ 318/QĐ-TTg, 2022) when it has an effective cooperative operating
//   under the Law on Cooperatives; the qualifying organisations are a Filter.
// - OCOP stars follow the score bands 90/70/50/30 of QĐ 1048/QĐ-TTg, assumed unchanged by QĐ 148/QĐ-TTg
//   (UNCONFIRMED; ocop_stars_for_score in model/event.hpp), applied when the registry replays `ocop_rated`
//   events; scoring::ocop_products applies replaced bands.
//
// The standard report keeps these defaults: its figures are the same as with scoring::indicator_hooks() on the
// embedded rules, and a caller who replaces scoring values passes scoring::indicator_hooks(rules) in
// ReportOptions::scoring or Query::scoring.

#include <coopecon/export.hpp>
#include <coopecon/indicators/building_blocks.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>

#include <cstdint>
#include <functional>

namespace coopecon::indicators {

/// What a classifier sees of an organisation's latest assessment.
struct AssessmentFacts {
    std::int32_t year = 0;
    ClassificationScheme scheme = ClassificationScheme::tt01_2020;
    std::int32_t points = 0;          // total of the criterion points
    bool sanctioned_in_year = false;  // an administrative sanction dated in the assessed year
    OrgKind kind = OrgKind::cooperative;
    Sector sector = Sector::other;
};

using Classifier = std::function<ClassificationClass(const AssessmentFacts&)>;

/// Class bands on the total points: good ≥ `good`, fair ≥ `fair`, average ≥ `average`, else weak (80/65/50:
/// Thông tư 01/2020/TT-BKHĐT and Thông tư 09/2017/TT-BNNPTNT); sanctioned in the year means weak under TT 09/2017.
COOPECON_EXPORT Classifier band_classifier(std::int32_t good = 80, std::int32_t fair = 65, std::int32_t average = 50);

struct ScoringHooks {
    Classifier classify = band_classifier();
    /// Classes counted as effective (bits of ClassificationClass).
    std::uint32_t effective = bits({ClassificationClass::good, ClassificationClass::fair});
    /// Organisations that make their commune meet NTM criterion 13.1.
    Filter ntm_13_1_qualifying = of_kind(OrgKind::cooperative) & with_status(LegalStatus::active) &
                                 classified({ClassificationClass::good, ClassificationClass::fair});
};

}  // namespace coopecon::indicators
