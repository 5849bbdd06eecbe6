#pragma once
// Where the indicators meet classification, New Rural Development and OCOP rules. These are PROVISIONAL until
// the scoring module lands: it will supply its own classifier and qualifying filter through this interface.
//
// - Classes come from the latest `assessed` event: by default the bands of Thông tư 01/2020/TT-BKHĐT on the
//   total of the points (good from 80, fair from 65, average from 50, else weak); under Thông tư
//   09/2017/TT-BNNPTNT an organisation sanctioned in the assessed year is weak whatever its points.
// - "Effective" (hoạt động hiệu quả) means good or fair (domain reference §8.1, MARD target); QĐ 167/QĐ-TTg
//   2021 reads good only — set `effective` accordingly.
// - A commune meets NTM criterion 13.1 when it has an effective cooperative operating under the Law on
//   Cooperatives; the qualifying organisations are a Filter (the definition of "effective" for 13.1 is
//   UNCONFIRMED, so it is data).
// - OCOP stars follow the score bands 90/70/50/30 (ocop_stars_for_score in model/event.hpp), applied when the
//   registry replays `ocop_rated` events.

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

/// Class bands on the total points: good ≥ `good`, fair ≥ `fair`, average ≥ `average`, else weak; sanctioned in
/// the year means weak under TT 09/2017.
inline Classifier band_classifier(std::int32_t good = 80, std::int32_t fair = 65, std::int32_t average = 50) {
    return [=](const AssessmentFacts& a) {
        if (a.scheme == ClassificationScheme::tt09_2017 && a.sanctioned_in_year) return ClassificationClass::weak;
        if (a.points >= good) return ClassificationClass::good;
        if (a.points >= fair) return ClassificationClass::fair;
        if (a.points >= average) return ClassificationClass::average;
        return ClassificationClass::weak;
    };
}

struct ScoringHooks {
    Classifier classify = band_classifier();
    /// Classes counted as effective (bits of ClassificationClass).
    std::uint32_t effective = bits({ClassificationClass::good, ClassificationClass::fair});
    /// Organisations that make their commune meet NTM criterion 13.1.
    Filter ntm_13_1_qualifying = of_kind(OrgKind::cooperative) & with_status(LegalStatus::active) &
                                 classified({ClassificationClass::good, ClassificationClass::fair});
};

}  // namespace coopecon::indicators
