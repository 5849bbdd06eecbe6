#pragma once
// A legal framework: the regimes (2012 Law, 2023 Law) with their periods, every parameter as a dated
// timeline with references, and the legal basis of every rule as a dated timeline. Rules evaluated at date D
// read the values in force at D. Immutable once built, so it can be shared between threads and registries.

#include <coopecon/core/date.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/core/timeline.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/parameter.hpp>

#include <boost/describe/class.hpp>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coopecon::law {

/// One legal regime, e.g. the Law on Cooperatives 2012 with its decrees; its period is that of its timeline entry.
struct Regime {
    std::string id;  // e.g. law_2012, law_2023
    std::string title;
    std::string title_vi;
    bool operator==(const Regime&) const = default;
};
BOOST_DESCRIBE_STRUCT(Regime, (), (id, title, title_vi))

class COOPECON_EXPORT Framework {
public:
    using ParamTimelines = std::array<Timeline<std::int64_t>, param_count>;
    using RuleBases = std::map<std::string, Timeline<std::string>, std::less<>>;

    Framework() = default;
    /// `title_vi`: the title in Vietnamese; when empty, the English title serves in both languages.
    Framework(std::string title, Timeline<Regime> regimes, ParamTimelines params, RuleBases rules,
              std::string title_vi = {});

    const std::string& title() const noexcept { return title_; }
    const std::string& title_vi() const noexcept { return title_vi_; }
    /// The title in `lang`: the Vietnamese one where there is one, else the English.
    const std::string& title(Lang lang) const noexcept {
        return lang == Lang::vi && !title_vi_.empty() ? title_vi_ : title_;
    }

    /// The value in force on `d`, or nullopt when the parameter is not in force then (the rule does not apply).
    std::optional<std::int64_t> value(Param p, Date d) const noexcept {
        const auto* e = entry(p, d);
        return e ? std::optional<std::int64_t>(e->value) : std::nullopt;
    }
    /// The value with its period, reference and confirmation flag.
    const Dated<std::int64_t>* entry(Param p, Date d) const noexcept {
        return params_[static_cast<std::size_t>(p)].find(d);
    }
    const Timeline<std::int64_t>& timeline(Param p) const noexcept { return params_[static_cast<std::size_t>(p)]; }

    /// The legal basis of rule `id` on `d` (e.g. "Law 17/2023/QH15 Art 96.1"), or "" when none is recorded.
    std::string basis(std::string_view id, Date d) const;

    const Regime* regime(Date d) const noexcept {
        const auto* e = regimes_.find(d);
        return e ? &e->value : nullptr;
    }

    const Timeline<Regime>& regimes() const noexcept { return regimes_; }
    const ParamTimelines& params() const noexcept { return params_; }
    const RuleBases& rules() const noexcept { return rules_; }

private:
    std::string title_;
    std::string title_vi_;
    Timeline<Regime> regimes_;
    ParamTimelines params_{};
    RuleBases rules_;
};

}  // namespace coopecon::law
