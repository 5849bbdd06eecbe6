// Scenario files: format "coopecon-scenario", version 1 (docs/simulation.md).

#include "json_real.hpp"

#include <coopecon/core/text_file.hpp>
#include <coopecon/law/reform_json.hpp>
#include <coopecon/simulation/scenario.hpp>

#include <array>
#include <cmath>
#include <set>

namespace coopecon::simulation {

namespace {

constexpr std::string_view scenario_format = "coopecon-scenario";
constexpr std::int64_t scenario_version = 1;

std::string at(std::string_view list, std::size_t i, std::string_view field = {}) {
    std::string p = std::string(list) + "[" + std::to_string(i) + "]";
    if (!field.empty()) p += "." + std::string(field);
    return p;
}

}  // namespace

Problems check(const Scenario& s) {
    Problems out;
    auto problem = [&](ErrorCode code, std::string message, std::string path) {
        out.push_back(Problem::at(code, std::move(message), std::move(path)));
    };
    if (s.name.empty()) problem(ErrorCode::missing_field, "a scenario needs a name", "name");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < s.programmes.size(); ++i) {
        const auto& p = s.programmes[i];
        auto field = [&](std::string_view f) { return at("programmes", i, f); };
        if (p.id.empty()) problem(ErrorCode::missing_field, "a programme needs an id", field("id"));
        else if (!ids.insert(p.id).second) problem(ErrorCode::duplicate, "programme id " + p.id + " is used twice", field("id"));
        if (p.until && *p.until < p.from)
            problem(ErrorCode::invalid_value, "the programme ends (" + p.until->iso() + ") before it starts (" +
                                                  p.from.iso() + ")",
                    field("until"));
        const bool rate = p.type == ProgrammeType::rate_change;
        const bool dissolve = p.type == ProgrammeType::dissolve_suspended;
        const bool consolidate = p.type == ProgrammeType::consolidate_weak;
        const std::string type(enum_name(p.type));
        auto needs = [&](bool has, std::string_view f) {
            if (!has) problem(ErrorCode::missing_field, "a " + type + " programme needs " + std::string(f), field(f));
        };
        auto takes_not = [&](bool has, std::string_view f) {
            if (has) problem(ErrorCode::unknown_field, "a " + type + " programme does not take " + std::string(f), field(f));
        };
        if (rate) {
            needs(p.hazard.has_value(), "hazard");
            needs(p.factor.has_value(), "factor");
            if (p.factor && !(std::isfinite(*p.factor) && *p.factor >= 0))
                problem(ErrorCode::invalid_value, "factor must be a number from 0 up", field("factor"));
        } else {
            takes_not(p.hazard.has_value(), "hazard");
            takes_not(p.factor.has_value(), "factor");
        }
        if (dissolve) {
            needs(p.months.has_value(), "months");
            if (p.months && (*p.months < 0 || *p.months > 1200))
                problem(ErrorCode::invalid_value, "months must be from 0 to 1200", field("months"));
        } else {
            takes_not(p.months.has_value(), "months");
            takes_not(p.action.has_value(), "action");
        }
        if (consolidate) {
            if (p.share_per_year && !(*p.share_per_year > 0 && *p.share_per_year <= 1))
                problem(ErrorCode::invalid_value, "share_per_year must be above 0 and at most 1", field("share_per_year"));
            for (const auto k : p.target.kinds)
                if (k != OrgKind::cooperative)
                    problem(ErrorCode::invalid_value, "consolidate_weak merges cooperatives only",
                            field("target") + ".kinds");
        } else {
            takes_not(p.share_per_year.has_value(), "share_per_year");
        }
    }
    for (std::size_t i = 0; i < s.rates.size(); ++i) {
        const auto& r = s.rates[i];
        const auto unit = hazard_info(r.hazard).unit;
        if (!(std::isfinite(r.value) && r.value >= 0))
            problem(ErrorCode::invalid_value, "a rate must be a number from 0 up", at("rates", i, "value"));
        else if (unit == RateUnit::per_year_share && r.value > 1)
            problem(ErrorCode::invalid_value,
                    std::string(enum_name(r.hazard)) + " is a probability: it must be from 0 to 1",
                    at("rates", i, "value"));
        if (!r.target.areas.empty())
            problem(ErrorCode::unknown_field, "a rate override applies to kinds and sectors, not areas",
                    at("rates", i, "target") + ".areas");
    }
    if (s.reform)
        for (auto& p : law::check(*s.reform)) {
            p.path = "reform" + (p.path.empty() ? std::string() : " " + p.path);
            out.push_back(std::move(p));
        }
    return out;
}

Scenario read_scenario(std::string_view text, std::string_view file, const std::filesystem::path& base) {
    static constexpr std::array<std::string_view, 7> keys{"format", "version", "name", "title",
                                                          "reform", "programmes", "rates"};
    Problems problems;
    const auto root = json::parse(text, file, problems);
    json::Reader r(problems);
    Scenario s;
    if (const auto* o = r.object(root); o && json::check_format(r, *o, scenario_format, scenario_version)) {
        r.check_keys(*o, {keys});
        r.member(*o, "name", s.name);
        std::optional<std::string> title;
        r.member(*o, "title", title);
        s.title = title.value_or("");
        r.member(*o, "reform", s.reform_file);
        r.member(*o, "programmes", s.programmes);
        r.member(*o, "rates", s.rates);
        const auto before = problems.size();
        for (auto& p : check(s)) problems.push_back(std::move(p));
        json::throw_located(std::move(problems), text, file);
        if (s.reform_file && before == 0) {
            const auto path = base / *s.reform_file;
            try {
                s.reform = law::read_reform_file(path);
            } catch (const Error& e) {
                // The reform's own problems are located in its file; say which scenario key named it.
                Problems inner = e.problems();
                for (auto& p : inner)
                    if (p.file.empty()) p.file = path.string();
                Problems all{Problem::at(ErrorCode::invalid_value,
                                         "the reform file " + path.string() + " cannot be used (see the problems after this one)",
                                         "reform")};
                json::locate_problems(all, text, file);
                for (auto& p : inner) all.push_back(std::move(p));
                throw Error(std::move(all));
            }
        }
        return s;
    }
    json::throw_located(std::move(problems), text, file);
    return s;
}

Scenario read_scenario_file(const std::filesystem::path& path) {
    const std::string text = read_text_file(path);
    return read_scenario(text, path.string(), path.parent_path());
}

void locate_in_file(Problems& problems, const std::filesystem::path& path) {
    const std::string text = read_text_file(path);
    json::locate_problems(problems, text, path.string());
}

std::string write_scenario(const Scenario& s) {
    std::string out;
    json::Writer w(out);
    w.begin_object();
    w.member("format", std::string(scenario_format));
    w.member("version", scenario_version);
    w.member("name", s.name);
    if (!s.title.empty()) w.member("title", s.title);
    w.member("reform", s.reform_file);
    w.member("programmes", s.programmes);
    w.member("rates", s.rates);
    w.end_object();
    w.finish();
    return json::finish_reals(std::move(out));
}

}  // namespace coopecon::simulation
