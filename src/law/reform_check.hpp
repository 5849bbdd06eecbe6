#pragma once
// Checks of a reform's lists of periods, shared by the reform itself (law/reform.cpp) and its JSON reader
// (law/reform_json.cpp), which checks each list as it reads it so problems carry the file's positions.

#include <coopecon/core/error.hpp>
#include <coopecon/core/timeline.hpp>
#include "json/path.hpp"
#include <coopecon/law/framework.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace coopecon::law::detail {

/// `list[i]`.
std::string element_path(const std::string& list, std::size_t i);

/// Problems of one list of periods on its own: none given, an impossible value, inverted, overlapping or gapped
/// periods. `value_problem` says why a value is impossible, or nothing.
template <class T, class ValueProblem>
void check_list(const std::vector<Dated<T>>& list, const std::string& path, ValueProblem&& value_problem,
                Problems& out) {
    if (list.empty()) {
        out.push_back(Problem::at(ErrorCode::invalid_value, "no periods: a reform gives at least one period for each "
                                                            "entry it names", path));
        return;
    }
    for (std::size_t i = 0; i < list.size(); ++i)
        if (auto why = value_problem(list[i].value)) {
            std::string at = element_path(path, i);
            json::append_key(at, "value");
            out.push_back(Problem::at(ErrorCode::invalid_value, std::move(*why), std::move(at)));
        }
    for (auto& p : Timeline<T>::check(list, path)) out.push_back(std::move(p));
}

/// Why a regime or a legal basis cannot be in a reform, or nothing.
std::optional<std::string> regime_problem(const Regime& r);
std::optional<std::string> basis_problem(const std::string& basis);

}  // namespace coopecon::law::detail
