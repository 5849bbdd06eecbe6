#pragma once
// Owned text in English and Vietnamese. Labels of the model are string views into constants (core/label.hpp);
// indicators and tables also hold labels built at run time (area names, user-defined indicators), so they own
// their strings.

#include <coopecon/core/label.hpp>

#include <string>
#include <string_view>

namespace coopecon::indicators {

struct Text {
    std::string en;
    std::string vi;

    Text() = default;
    Text(std::string english, std::string vietnamese) : en(std::move(english)), vi(std::move(vietnamese)) {}
    Text(Label l) : en(l.en), vi(l.vi) {}  // NOLINT: every model label converts

    std::string_view in(Lang lang) const noexcept { return lang == Lang::vi ? vi : en; }
    bool operator==(const Text&) const = default;
};

}  // namespace coopecon::indicators
