#include <coopecon/scoring/rules.hpp>

#include "core/embedded_data.hpp"
#include <coopecon/core/enum_text.hpp>
#include "json/json.hpp"

#include <algorithm>
#include <set>

namespace coopecon::scoring {

namespace {

void check_scheme(const Timeline<SchemeRules>& t, const std::string& name, Problems& out) {
    for (std::size_t k = 0; k < t.periods().size(); ++k) {
        const auto& s = t.periods()[k].value;
        const auto base = name + "[" + std::to_string(k) + "].value";
        std::int64_t sum = 0;
        std::set<std::string_view> ids;
        for (std::size_t i = 0; i < s.criteria.size(); ++i) {
            const auto& c = s.criteria[i];
            const auto where = base + ".criteria[" + std::to_string(i) + "]";
            if (c.id.empty() || !ids.insert(c.id).second)
                out.push_back(Problem::at(ErrorCode::duplicate, "criterion id '" + c.id + "' is empty or repeated", where + ".id"));
            if (c.max_points.value < 0)
                out.push_back(Problem::at(ErrorCode::invalid_value,
                                          "criterion " + c.id + ": a maximum of " + std::to_string(c.max_points.value) +
                                              " points is negative", where + ".max_points.value"));
            sum += c.max_points.value;
        }
        if (s.criteria.empty())
            out.push_back(Problem::at(ErrorCode::missing_field, "a scheme needs at least one criterion", base + ".criteria"));
        else if (sum != s.total_points.value)
            out.push_back(Problem::at(ErrorCode::invalid_value,
                                      "the criteria's maximum points add up to " + std::to_string(sum) + ", not the total " +
                                          cite(s.total_points),
                                      base + ".criteria"));
        const auto& b = s.bands;
        if (!(s.total_points.value >= b.good.value && b.good.value > b.fair.value && b.fair.value > b.average.value &&
              b.average.value > 0))
            out.push_back(Problem::at(ErrorCode::invalid_value,
                                      "the bands must satisfy total >= good > fair > average > 0; got good " +
                                          std::to_string(b.good.value) + ", fair " + std::to_string(b.fair.value) +
                                          ", average " + std::to_string(b.average.value) + ", total " +
                                          std::to_string(s.total_points.value),
                                      base + ".bands"));
        if (s.min_operating_months.value < 0 || s.min_operating_months.value > 1200)
            out.push_back(Problem::at(ErrorCode::invalid_value, "min_operating_months must be from 0 to 1200",
                                      base + ".min_operating_months.value"));
        if (s.max_suspended_months && (s.max_suspended_months->value < 0 || s.max_suspended_months->value > 12))
            out.push_back(Problem::at(ErrorCode::invalid_value, "max_suspended_months must be from 0 to 12",
                                      base + ".max_suspended_months.value"));
        if (s.weak_if_sanctioned && s.weak_if_sanctioned->value != 0 && s.weak_if_sanctioned->value != 1)
            out.push_back(Problem::at(ErrorCode::invalid_value, "weak_if_sanctioned is a flag: 0 or 1",
                                      base + ".weak_if_sanctioned.value"));
        if (s.scope.kinds.empty())
            out.push_back(Problem::at(ErrorCode::missing_field, "a scheme rates at least one kind", base + ".scope.kinds"));
    }
}

void check_ntm(const Timeline<NtmRules>& t, Problems& out) {
    for (std::size_t k = 0; k < t.periods().size(); ++k) {
        const auto& n = t.periods()[k].value;
        const auto base = "ntm_13_1[" + std::to_string(k) + "].value";
        if (n.min_cooperatives.value < 1)
            out.push_back(Problem::at(ErrorCode::invalid_value, "min_cooperatives must be at least 1",
                                      base + ".min_cooperatives.value"));
        if (n.effective && n.effective->classes.empty())
            out.push_back(Problem::at(ErrorCode::missing_field,
                                      "effective lists no class; leave it out (null) to count any cooperative",
                                      base + ".effective.classes"));
        if (n.kinds.empty()) out.push_back(Problem::at(ErrorCode::missing_field, "no kind of organisation counts", base + ".kinds"));
        if (n.effective && n.schemes.empty())
            out.push_back(Problem::at(ErrorCode::missing_field, "effectiveness needs a classification scheme", base + ".schemes"));
    }
}

void check_ocop(const Timeline<OcopRules>& t, Problems& out) {
    for (std::size_t k = 0; k < t.periods().size(); ++k) {
        const auto& o = t.periods()[k].value;
        const auto base = "ocop[" + std::to_string(k) + "].value";
        bool ordered = o.bands.size() == 4;
        for (std::size_t i = 0; ordered && i < o.bands.size(); ++i) {
            ordered = o.bands[i].stars == static_cast<std::int32_t>(5 - i) && o.bands[i].min_score.value > 0 &&
                      o.bands[i].min_score.value <= 100 &&
                      (i == 0 || o.bands[i].min_score.value < o.bands[i - 1].min_score.value);
        }
        if (!ordered)
            out.push_back(Problem::at(ErrorCode::invalid_value,
                                      "the bands are 5, 4, 3 and 2 stars with minimum scores falling from at most 100 to "
                                      "more than 0",
                                      base + ".bands"));
        if (o.certified_from_stars.value < 1 || o.certified_from_stars.value > 5)
            out.push_back(Problem::at(ErrorCode::invalid_value, "certified_from_stars must be from 1 to 5",
                                      base + ".certified_from_stars.value"));
        if (o.certificate_months.value < 1 || o.certificate_months.value > 1200)
            out.push_back(Problem::at(ErrorCode::invalid_value, "certificate_months must be from 1 to 1200",
                                      base + ".certificate_months.value"));
        if (o.parts.a.value + o.parts.b.value + o.parts.c.value != 100)
            out.push_back(Problem::at(ErrorCode::invalid_value, "parts A, B and C must add up to 100", base + ".parts"));
    }
}

/// The document as read and written.
struct RulesFile {
    std::string format;
    std::int64_t version = 0;
    std::string title;
    Timeline<SchemeRules> tt01_2020;
    Timeline<SchemeRules> tt09_2017;
    Timeline<NtmRules> ntm_13_1;
    Timeline<OcopRules> ocop;
};
BOOST_DESCRIBE_STRUCT(RulesFile, (), (format, version, title, tt01_2020, tt09_2017, ntm_13_1, ocop))

template <class T, class F>
Timeline<T> edited(const Timeline<T>& t, F&& edit) {
    auto periods = t.periods();
    for (auto& p : periods) edit(p.value);
    return Timeline<T>::make(std::move(periods));
}

Cited caller(std::int32_t value) { return Cited{value, std::string(set_by_caller), false}; }

}  // namespace

std::string cite(const Cited& c) {
    return std::to_string(c.value) + " (" + c.reference + (c.unconfirmed ? ", UNCONFIRMED" : "") + ")";
}

const Dated<SchemeRules>* scheme_for_year(const Rules& r, ClassificationScheme s, std::int32_t year) {
    if (year < 1 || year > 9999) return nullptr;
    return r.scheme(s).find(*Date::parse(std::to_string(year) + "-12-31"));
}

Problems check(const Rules& r) {
    Problems out;
    check_scheme(r.tt01_2020, "tt01_2020", out);
    check_scheme(r.tt09_2017, "tt09_2017", out);
    check_ntm(r.ntm_13_1, out);
    check_ocop(r.ocop, out);
    return out;
}

Rules read_rules(std::string_view text, std::string_view file) {
    Problems problems;
    const auto root = json::parse(text, file, problems);
    json::Reader r(problems);
    RulesFile f;
    if (const auto* o = r.object(root); o && json::check_format(r, *o, rules_format, rules_version)) r.read(root, f);
    json::throw_located(std::move(problems), text, file);
    Rules rules{std::move(f.title), std::move(f.tt01_2020), std::move(f.tt09_2017), std::move(f.ntm_13_1), std::move(f.ocop)};
    json::throw_located(check(rules), text, file);
    return rules;
}

std::string write_rules(const Rules& r) {
    return json::write_json(
        RulesFile{std::string(rules_format), rules_version, r.title, r.tt01_2020, r.tt09_2017, r.ntm_13_1, r.ocop});
}

std::shared_ptr<const Rules> vietnam() {
    static const std::shared_ptr<const Rules> rules = [] {
        constexpr std::string_view name = "scoring/vn-scoring.json";
        const auto text = coopecon::detail::embedded_file(name);
        if (!text) throw Error(ErrorCode::io, "the embedded data file " + std::string(name) + " is missing");
        return std::make_shared<const Rules>(read_rules(*text, "data/" + std::string(name)));
    }();
    return rules;
}

std::vector<Flagged> unconfirmed(const Rules& r) {
    std::vector<Flagged> out;
    auto number = [&](const std::string& path, const Cited& c) {
        if (c.unconfirmed) out.push_back({path, c.value, c.reference});
    };
    auto periods = [&](const auto& timeline, const std::string& name, auto&& each) {
        for (std::size_t k = 0; k < timeline.periods().size(); ++k) {
            const auto& p = timeline.periods()[k];
            const auto base = name + "[" + std::to_string(k) + "]";
            if (p.unconfirmed) out.push_back({base, 0, p.reference});
            each(base + ".value", p.value);
        }
    };
    auto scheme = [&](const std::string& base, const SchemeRules& s) {
        for (std::size_t i = 0; i < s.criteria.size(); ++i)
            number(base + ".criteria[" + std::to_string(i) + "].max_points", s.criteria[i].max_points);
        number(base + ".total_points", s.total_points);
        number(base + ".bands.good", s.bands.good);
        number(base + ".bands.fair", s.bands.fair);
        number(base + ".bands.average", s.bands.average);
        number(base + ".min_operating_months", s.min_operating_months);
        if (s.max_suspended_months) number(base + ".max_suspended_months", *s.max_suspended_months);
        if (s.weak_if_sanctioned) number(base + ".weak_if_sanctioned", *s.weak_if_sanctioned);
        if (s.scope.unconfirmed) out.push_back({base + ".scope", 0, s.scope.reference});
    };
    periods(r.tt01_2020, "tt01_2020", scheme);
    periods(r.tt09_2017, "tt09_2017", scheme);
    periods(r.ntm_13_1, "ntm_13_1", [&](const std::string& base, const NtmRules& n) {
        number(base + ".min_cooperatives", n.min_cooperatives);
        if (n.effective && n.effective->unconfirmed) out.push_back({base + ".effective", 0, n.effective->reference});
    });
    periods(r.ocop, "ocop", [&](const std::string& base, const OcopRules& o) {
        for (std::size_t i = 0; i < o.bands.size(); ++i)
            number(base + ".bands[" + std::to_string(i) + "].min_score", o.bands[i].min_score);
        number(base + ".certified_from_stars", o.certified_from_stars);
        number(base + ".certificate_months", o.certificate_months);
        number(base + ".parts.a", o.parts.a);
        number(base + ".parts.b", o.parts.b);
        number(base + ".parts.c", o.parts.c);
    });
    return out;
}

Rules with_max_points(Rules r, ClassificationScheme scheme, const std::map<std::string, std::int32_t>& points) {
    Problems problems;
    for (const auto& entry : points) {
        const std::string& id = entry.first;  // a named reference: clang 14 cannot capture a structured binding
        bool found = false;
        for (const auto& p : r.scheme(scheme).periods())
            found = found || std::any_of(p.value.criteria.begin(), p.value.criteria.end(),
                                         [&](const Criterion& c) { return c.id == id; });
        if (!found)
            problems.push_back(Problem::at(ErrorCode::unknown_name,
                                           "scheme " + std::string(enum_name(scheme)) + " has no criterion " + id,
                                           std::string(enum_name(scheme)) + ".criteria"));
    }
    throw_if_any(std::move(problems));
    r.scheme(scheme) = edited(r.scheme(scheme), [&](SchemeRules& s) {
        for (auto& c : s.criteria)
            if (auto it = points.find(c.id); it != points.end()) c.max_points = caller(it->second);
    });
    throw_if_any(check(r));
    return r;
}

Rules with_bands(Rules r, ClassificationScheme scheme, std::int32_t good, std::int32_t fair, std::int32_t average) {
    r.scheme(scheme) = edited(r.scheme(scheme), [&](SchemeRules& s) {
        s.bands = {caller(good), caller(fair), caller(average)};
    });
    throw_if_any(check(r));
    return r;
}

Rules with_effective(Rules r, std::vector<ClassificationClass> classes) {
    r.ntm_13_1 = edited(r.ntm_13_1, [&](NtmRules& n) {
        if (n.effective) n.effective = EffectiveClasses{classes, std::string(set_by_caller), false};
    });
    throw_if_any(check(r));
    return r;
}

Rules with_ocop_bands(Rules r, const std::vector<std::int32_t>& min_scores) {
    if (min_scores.size() != 4)
        throw Error(ErrorCode::invalid_value, "give the minimum scores of 5, 4, 3 and 2 stars: 4 numbers, not " +
                                                  std::to_string(min_scores.size()));
    r.ocop = edited(r.ocop, [&](OcopRules& o) {
        o.bands.clear();
        for (std::size_t i = 0; i < 4; ++i) o.bands.push_back({static_cast<std::int32_t>(5 - i), caller(min_scores[i])});
    });
    throw_if_any(check(r));
    return r;
}

Rules with_ocop_certificate_months(Rules r, std::int32_t months) {
    r.ocop = edited(r.ocop, [&](OcopRules& o) { o.certificate_months = caller(months); });
    throw_if_any(check(r));
    return r;
}

}  // namespace coopecon::scoring
