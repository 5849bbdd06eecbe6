#pragma once
// Strict JSON text → boost::json::value: RFC 8259, UTF-8 only, one value per file, at most 64 levels deep.
//
// A syntax error throws an Error with one Problem of code `syntax` that says file:line:column and what is wrong
// in our own words: Boost.JSON reports an error code and an offset only, and its messages mislead (a truncated
// file is an "incomplete JSON", a trailing comma a bare "syntax error"). Keys given twice in one object, which
// Boost.JSON would silently collapse to the last value, are reported as problems without stopping the parse.

#include <coopecon/core/error.hpp>
#include <coopecon/export.hpp>

#include "json/source.hpp"

#include <boost/json/value.hpp>
#include <boost/system/error_code.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace coopecon::json {

/// Deepest nesting of objects and arrays accepted; coopecon's formats need about six levels.
inline constexpr std::size_t max_depth = 64;

/// A problem of code syntax at `offset` of `text`, with its line and column.
COOPECON_EXPORT Problem syntax_problem(std::string_view text, std::string_view file, std::size_t offset,
                                       std::string message);

/// Throws the syntax Error for text that starts with a byte order mark or is not UTF-8.
COOPECON_EXPORT void check_encoding(std::string_view text, std::string_view file);
[[noreturn]] COOPECON_EXPORT void throw_invalid_utf8(std::string_view text, std::string_view file,
                                                     const Utf8Error& bad);

/// Throws the syntax Error that explains the parser's error `ec` at `offset` (in our words: see above), or says
/// that the file is empty. `depth_limit` is the nesting the parser was given.
[[noreturn]] COOPECON_EXPORT void throw_syntax_error(std::string_view text, std::string_view file,
                                                     boost::system::error_code ec, std::size_t offset,
                                                     std::size_t depth_limit);

/// Appends a problem for every key given twice in one object of `text` (which the parser accepted).
COOPECON_EXPORT void add_duplicate_problems(std::string_view text, std::string_view file, Problems& problems);

/// Parses `text` (named `file` in messages). Throws Error on a syntax error; appends a problem for every
/// duplicate key to `problems` and returns the value, in which the last of the duplicates is kept.
COOPECON_EXPORT boost::json::value parse(std::string_view text, std::string_view file, Problems& problems);

}  // namespace coopecon::json
