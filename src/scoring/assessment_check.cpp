#include <coopecon/scoring/assessment_check.hpp>

#include <coopecon/core/enum_text.hpp>

#include <utility>

namespace coopecon::scoring {

Problems check_points(const Assessed& a, const Dated<SchemeRules>& version, const std::string& organization,
                      std::optional<Date> assessed_on) {
    Problems out;
    const auto& s = version.value;
    const std::string what = "assessment of " + std::to_string(a.year) + " under " + std::string(enum_name(a.scheme));
    auto problem = [&](std::string path, std::string rule, std::string basis, std::string message) {
        auto p = Problem::at(ErrorCode::invalid_value, std::move(message), std::move(path));
        p.organization = organization;
        p.event = "assessed";
        p.date = assessed_on;
        p.rule = std::move(rule);
        p.legal_basis = std::move(basis);
        out.push_back(std::move(p));
    };
    if (a.points.size() != s.criteria.size())
        problem("points", "scoring.criteria_count", version.reference,
                what + " gives " + std::to_string(a.points.size()) + " criterion points; the scheme has " +
                    std::to_string(s.criteria.size()) + " criteria" +
                    (s.criteria.empty() ? std::string() : " (" + s.criteria.front().id + "–" + s.criteria.back().id + ")"));
    for (std::size_t i = 0; i < a.points.size() && i < s.criteria.size(); ++i) {
        const auto& c = s.criteria[i];
        const auto x = a.points[i];
        const auto path = "points[" + std::to_string(i) + "]";
        const auto basis = c.max_points.reference + (c.max_points.unconfirmed ? " (UNCONFIRMED)" : "");
        if (x < 0)
            problem(path, "scoring.max_points", basis,
                    what + ": criterion " + c.id + " (" + c.label + ") has " + std::to_string(x) + " points, below 0");
        else if (x > c.max_points.value)
            problem(path, "scoring.max_points", basis,
                    what + ": criterion " + c.id + " (" + c.label + ") has " + std::to_string(x) +
                        " points, more than its maximum of " + std::to_string(c.max_points.value));
    }
    return out;
}

}  // namespace coopecon::scoring
