#pragma once
// Strict JSON text → boost::json::value: RFC 8259, UTF-8 only, one value per file, at most 64 levels deep.
//
// A syntax error throws an Error with one Problem of code `syntax` that says file:line:column and what is wrong
// in our own words: Boost.JSON reports an error code and an offset only, and its messages mislead (a truncated
// file is an "incomplete JSON", a trailing comma a bare "syntax error"). Keys given twice in one object, which
// Boost.JSON would silently collapse to the last value, are reported as problems without stopping the parse.

#include <coopecon/core/error.hpp>
#include <coopecon/export.hpp>

#include <boost/json/value.hpp>

#include <cstddef>
#include <string_view>

namespace coopecon::json {

/// Deepest nesting of objects and arrays accepted; coopecon's formats need about six levels.
inline constexpr std::size_t max_depth = 64;

/// Parses `text` (named `file` in messages). Throws Error on a syntax error; appends a problem for every
/// duplicate key to `problems` and returns the value, in which the last of the duplicates is kept.
COOPECON_EXPORT boost::json::value parse(std::string_view text, std::string_view file, Problems& problems);

}  // namespace coopecon::json
