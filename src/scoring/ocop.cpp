#include <coopecon/scoring/ocop.hpp>

#include <coopecon/model/event.hpp>
#include <coopecon/registry/registry.hpp>

#include <algorithm>
#include <type_traits>
#include <utility>

namespace coopecon::scoring {

std::int32_t stars_for_score(std::int32_t score, const OcopRules& rules) {
    for (const auto& b : rules.bands)
        if (score >= b.min_score.value) return b.stars;
    return 1;
}

std::vector<OcopProduct> ocop_products(const Registry& reg, Date as_of, const Rules& rules) {
    std::vector<OcopProduct> out;
    for (OrgIndex i = 0; i < reg.size(); ++i) {
        const auto first = out.size();
        reg.log(i).replay_until(as_of, [&](Date d, const auto& p) {
            if constexpr (std::is_same_v<std::decay_t<decltype(p)>, OcopRated>) {
                auto it = std::find_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                                       [&](const OcopProduct& x) { return x.product == p.product; });
                OcopProduct x;
                x.organization = reg.organization(i).id;
                x.product = p.product;
                x.rated_on = d;
                x.score = p.score;
                x.stars = p.stars;
                if (it == out.end()) out.push_back(std::move(x));
                else *it = std::move(x);
            }
        });
        for (auto it = out.begin() + static_cast<std::ptrdiff_t>(first); it != out.end(); ++it) {
            const auto* version = rules.ocop.find(it->rated_on);
            if (!version) {
                it->reason = "no OCOP rules in force on " + it->rated_on.iso();
                if (it->score) it->stars.reset();
                continue;
            }
            const auto& o = version->value;
            it->legal_basis = version->reference;
            it->unconfirmed = version->unconfirmed;
            if (it->score) {
                it->stars = stars_for_score(*it->score, o);
                const auto band = std::find_if(o.bands.begin(), o.bands.end(),
                                               [&](const OcopBand& b) { return b.stars == *it->stars; });
                it->reason = std::to_string(*it->score) + " points: " + std::to_string(*it->stars) + " stars" +
                             (band != o.bands.end() ? " from " + cite(band->min_score)
                                                    : " below " + cite(o.bands.back().min_score));
                it->unconfirmed = it->unconfirmed || (band != o.bands.end() ? band->min_score : o.bands.back().min_score).unconfirmed;
            } else {
                it->reason = std::to_string(*it->stars) + " stars as rated";
            }
            it->certified = *it->stars >= o.certified_from_stars.value;
            if (it->certified) {
                it->valid_until = it->rated_on.plus_months(o.certificate_months.value).plus_days(-1);
                it->valid = as_of <= *it->valid_until;
                it->unconfirmed = it->unconfirmed || o.certificate_months.unconfirmed || o.certified_from_stars.unconfirmed;
                it->reason += "; certificate from " + cite(o.certified_from_stars) + " stars, valid " +
                              cite(o.certificate_months) + " months, until " + it->valid_until->iso();
            }
        }
    }
    return out;
}

}  // namespace coopecon::scoring
