#pragma once
// Labels for people, in English and in the official Vietnamese term, so that every report can be produced
// in either language. Each domain enumeration provides `constexpr Label label(E)`.

#include <boost/describe/enum.hpp>

#include <string_view>

namespace coopecon {

enum class Lang { en, vi };
BOOST_DESCRIBE_ENUM(Lang, en, vi)

struct Label {
    std::string_view en;
    std::string_view vi;

    constexpr std::string_view in(Lang lang) const noexcept { return lang == Lang::vi ? vi : en; }
};

}  // namespace coopecon
