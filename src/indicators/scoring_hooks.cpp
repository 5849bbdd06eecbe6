#include <coopecon/indicators/scoring_hooks.hpp>

namespace coopecon::indicators {

Classifier band_classifier(std::int32_t good, std::int32_t fair, std::int32_t average) {
    return [=](const AssessmentFacts& a) {
        if (a.scheme == ClassificationScheme::tt09_2017 && a.sanctioned_in_year) return ClassificationClass::weak;
        if (a.points >= good) return ClassificationClass::good;
        if (a.points >= fair) return ClassificationClass::fair;
        if (a.points >= average) return ClassificationClass::average;
        return ClassificationClass::weak;
    };
}

}  // namespace coopecon::indicators
