#include <coopecon/indicators/catalogue.hpp>

#include "indicators/spec_reader.hpp"

#include "core/embedded_data.hpp"
#include <coopecon/core/error.hpp>

#include <utility>

namespace coopecon::indicators {

namespace {

/// The catalogue as read from its embedded data file, once, with the stand-ins for the hooks.
const std::vector<Indicator>& read_once() {
    static const std::vector<Indicator> all = [] {
        constexpr std::string_view name = "indicators/catalogue.json";
        const auto text = coopecon::detail::embedded_file(name);
        if (!text) throw Error(ErrorCode::io, "the embedded data file " + std::string(name) + " is missing");
        return detail::read_catalogue(*text, "data/" + std::string(name));
    }();
    return all;
}

Filter with_hooks(const Filter& f, const ScoringHooks& hooks) {
    Filter out;
    for (const auto& c : f.all) {
        if (c == detail::effective_stand_in) out.all.push_back(Condition{Test::classified, hooks.effective});
        else if (c == detail::ntm_13_1_stand_in) out = out & hooks.ntm_13_1_qualifying;
        else out.all.push_back(c);
    }
    return out;
}

Expression with_hooks(Expression e, const ScoringHooks& hooks) {
    e.filter = with_hooks(e.filter, hooks);
    for (auto& o : e.operands) o = with_hooks(std::move(o), hooks);
    return e;
}

Indicator with_hooks(Indicator i, const ScoringHooks& hooks) {
    i.expression = with_hooks(std::move(i.expression), hooks);
    return i;
}

const Indicator& find_indicator(std::string_view id) {
    const auto& all = read_once();
    std::string known;
    for (const auto& i : all) {
        if (i.id == id) return i;
        known += (known.empty() ? "" : ", ") + i.id;
    }
    throw Error(ErrorCode::unknown_name, "unknown indicator '" + std::string(id) + "'; known: " + known);
}

}  // namespace

std::vector<Indicator> catalogue(const ScoringHooks& hooks) {
    std::vector<Indicator> out;
    for (const auto& i : read_once()) out.push_back(with_hooks(i, hooks));
    return out;
}

Indicator catalogue_indicator(std::string_view id, const ScoringHooks& hooks) {
    return with_hooks(find_indicator(id), hooks);
}

std::vector<Indicator> catalogue_indicators(const std::vector<std::string>& ids, const ScoringHooks& hooks) {
    std::vector<Indicator> out;
    for (const auto& id : ids) out.push_back(with_hooks(find_indicator(id), hooks));
    return out;
}

}  // namespace coopecon::indicators
