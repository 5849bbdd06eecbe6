// A second translation unit that includes every public header: the link fails if any header defines a
// non-inline function or variable, which would break every application with more than one source file.
#include <coopecon/coopecon.hpp>

std::string second_unit_date() { return coopecon::Date::parse("2025-07-01")->iso(); }
