#pragma once
// Lists of enumerators in the rules (kinds, sectors, classes): membership, and their names for reasons.

#include <coopecon/core/enum_text.hpp>

#include <algorithm>
#include <string>

namespace coopecon::scoring::detail {

inline bool contains(const auto& list, const auto& x) { return std::find(list.begin(), list.end(), x) != list.end(); }

inline std::string names(const auto& list) {
    std::string out;
    for (const auto& x : list) out += (out.empty() ? "" : ", ") + std::string(enum_name(x));
    return out;
}

}  // namespace coopecon::scoring::detail
