#pragma once
// Checks on rendered text (pages, SVG) that tests of several layers share.

#include <cstddef>
#include <string_view>

namespace coopecon::test {

/// How many times `what` occurs in `text`, overlaps included.
inline std::size_t occurrences(std::string_view text, std::string_view what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace coopecon::test
