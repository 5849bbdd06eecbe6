#pragma once
// HTML pages that need nothing from outside: text escaped for element content and quoted attributes, tables
// with a caption and right-aligned figures, and the page around them (language, stylesheet for screen and
// print, a content security policy that lets the page load nothing). Charts are in chart.hpp.

#include <coopecon/core/label.hpp>
#include <coopecon/export.hpp>
#include <coopecon/indicators/table.hpp>

#include <string>
#include <string_view>

namespace coopecon::indicators {

/// Text safe in HTML or SVG, as element content or inside a quoted attribute: printable (control characters and
/// bytes that are not UTF-8 become U+FFFD) and & < > " ' written as character references.
COOPECON_EXPORT std::string html_escape(std::string_view s);

/// The table as a <table> (in a scrollable region for narrow screens): its title as the <caption>, key cells as
/// row headers, figures as people read them, right-aligned in tabular digits, totals rows marked.
COOPECON_EXPORT std::string to_html(const Table& t, Lang lang);

/// A complete page: `body` (HTML, already escaped) under a <title> of `title` (escaped here), the lang attribute
/// of `lang`, the stylesheet, and a policy that forbids loading anything and running any script.
COOPECON_EXPORT std::string html_document(std::string_view title, Lang lang, std::string_view body);

}  // namespace coopecon::indicators
