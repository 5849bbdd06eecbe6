#pragma once
// The values of a framework must be possible before any rule reads them: every parameter's value within the
// range of its unit (law::value_problem), every regime with an id, every rule with a legal basis. A framework
// read from a user's file (read_framework_file) is checked this way as well as for its structure.

#include <coopecon/core/error.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/framework_json.hpp>

#include <filesystem>
#include <string_view>

namespace coopecon::law {

/// Every impossible value of `f`, with its path in the framework's JSON form (parameters.X[i].value).
COOPECON_EXPORT Problems check_values(const Framework& f);

/// Reads a framework from JSON text and checks its values; throws Error listing every problem with
/// file:line:column.
COOPECON_EXPORT Framework read_checked_framework(std::string_view text, std::string_view file);

/// Reads and checks the framework file at `path`.
COOPECON_EXPORT Framework read_framework_file(const std::filesystem::path& path);

}  // namespace coopecon::law
