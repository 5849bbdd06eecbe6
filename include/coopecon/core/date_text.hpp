#pragma once
// A date as a reader writes it: ISO 8601 (2025-03-16) in English, dd/mm/yyyy (16/03/2025) in Vietnamese, as
// Vietnamese documents date things. Every text for people — check, explain and report in text, Markdown and
// HTML, and the findings' messages — writes dates through this one function; CSV and JSON values stay ISO.

#include <coopecon/core/date.hpp>
#include <coopecon/core/label.hpp>

#include <string>

namespace coopecon {

inline std::string date_text(Date d, Lang lang) { return lang == Lang::vi ? d.dmy() : d.iso(); }

}  // namespace coopecon
