#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/text_file.hpp>
#include "json/path.hpp"
#include "json/source.hpp"
#include <coopecon/law/compliance_rule.hpp>
#include <coopecon/law/framework_check.hpp>
#include <coopecon/law/framework_json.hpp>
#include <coopecon/law/parameter.hpp>

#include <string>

namespace coopecon::law {

Problems check_values(const Framework& f) {
    Problems out;
    auto at = [](std::string path, std::size_t i, std::string_view key) {
        json::append_index(path, i);
        json::append_key(path, key);
        return path;
    };
    const auto& regimes = f.regimes().periods();
    // Without a regime the framework has no law in force and no change of law, so a check would count
    // periods across 2024-07-01 as if nothing had changed: refuse it rather than judge by nothing.
    if (regimes.empty())
        out.push_back(Problem::at(ErrorCode::invalid_value,
                                  "no regime: a legal framework needs at least one law in force, with its dates",
                                  "regimes"));
    for (std::size_t i = 0; i < regimes.size(); ++i)
        if (regimes[i].value.id.empty())
            out.push_back(Problem::at(ErrorCode::invalid_value, "a regime needs an id", at("regimes", i, "value")));
    for (const Param p : enum_values<Param>()) {
        std::string path = "parameters";
        json::append_key(path, enum_name(p));
        const auto& periods = f.timeline(p).periods();
        if (periods.empty())
            out.push_back(Problem::at(ErrorCode::invalid_value,
                                      "no period: give the value in force and the date it applies from (" +
                                          std::string(info(p).meaning) + ")",
                                      path));
        for (std::size_t i = 0; i < periods.size(); ++i)
            if (auto why = value_problem(p, periods[i].value))
                out.push_back(Problem::at(ErrorCode::invalid_value, std::move(*why), at(path, i, "value")));
    }
    for (const auto& [id, timeline] : f.rules()) {
        std::string path = "rules";
        json::append_key(path, id);
        const auto& periods = timeline.periods();
        for (std::size_t i = 0; i < periods.size(); ++i)
            if (periods[i].value.empty())
                out.push_back(Problem::at(ErrorCode::invalid_value, "the legal basis is empty", at(path, i, "value")));
    }
    // Every finding cites its rule's legal basis, so each compliance rule needs one.
    for (const Rule r : enum_values<Rule>()) {
        const auto id = info(r).id;
        const auto it = f.rules().find(id);
        if (it == f.rules().end() || it->second.periods().empty()) {
            std::string path = "rules";
            json::append_key(path, id);
            out.push_back(Problem::at(ErrorCode::missing_field,
                                      "no legal basis for the compliance rule " + json::in_quotes(id) +
                                          "; every finding cites one",
                                      path));
        }
    }
    return out;
}

Framework read_checked_framework(std::string_view text, std::string_view file) {
    auto f = read_framework(text, file);
    json::throw_located(check_values(f), text, file);
    return f;
}

Framework read_framework_file(const std::filesystem::path& path) {
    const std::string text = read_text_file(path);
    return read_checked_framework(text, path.string());
}

}  // namespace coopecon::law
