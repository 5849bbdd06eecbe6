#pragma once
// Scoring tests: assessments built from a total of points (each criterion filled up to its maximum in order),
// and a registry with two communes of Cà Mau city (X1, X2) for New Rural Development criterion 13.1.

#include <coopecon/scoring/rules.hpp>

#include <support/builders.hpp>

#include <cstdint>
#include <memory>
#include <vector>

namespace coopecon::test {

/// Points for each criterion of the scheme in force for `year`, adding up to `total`.
inline std::vector<std::int32_t> points(std::int32_t total, ClassificationScheme scheme = ClassificationScheme::tt01_2020,
                                        std::int32_t year = 2023) {
    const auto& rules = *scoring::vietnam();
    const auto* version = scoring::scheme_for_year(rules, scheme, year);
    if (!version) version = &rules.scheme(scheme).periods().front();  // a year before the scheme: its first criteria
    std::vector<std::int32_t> out;
    for (const auto& c : version->value.criteria) {
        const auto x = std::min(total, c.max_points.value);
        out.push_back(x);
        total -= x;
    }
    return out;
}

inline Event assessed(Date on, std::int32_t year, std::int32_t total,
                      ClassificationScheme scheme = ClassificationScheme::tt01_2020) {
    return {on, Assessed{year, scheme, points(total, scheme, year)}};
}

inline Event ocop_scored(Date on, std::string product, std::int32_t score) {
    return {on, OcopRated{std::move(product), score, std::nullopt}};
}

/// A registry whose areas add communes X1 and X2 (in Cà Mau city, D964) and X3 (merged into X1 on 2025-07-01).
inline Registry registry_with_communes() {
    auto commune = [](std::string code, std::string name, std::optional<Date> to = std::nullopt) {
        return Area{code, code, name, name, AreaLevel::commune, "commune", std::nullopt, "D964", "2004-01-01"_d, to, std::nullopt};
    };
    auto areas = vietnam_areas()->with({commune("X1", "Xã Một"), commune("X2", "Xã Hai"), commune("X3", "Xã Ba", "2025-06-30"_d)},
                                       {AreaSuccession{"X3", "X1", "2025-07-01"_d, std::nullopt}});
    return Registry(law::vietnam(), std::make_shared<const AreaCatalog>(std::move(areas)));
}

}  // namespace coopecon::test
