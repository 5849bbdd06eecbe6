#pragma once
// Escaping of cells for the CSV and JSON renderings, shared by the tables' and the report's.

#include <string>
#include <string_view>

namespace coopecon::indicators::detail {

/// A CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote or a line break.
std::string csv_field(std::string_view s);

/// A JSON string literal: quotes, backslashes and control characters escaped; other UTF-8 kept as it is.
std::string json_string(std::string_view s);

}  // namespace coopecon::indicators::detail
