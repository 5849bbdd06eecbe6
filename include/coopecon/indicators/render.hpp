#pragma once
// Tables as text (aligned columns, widths counted in terminal cells of UTF-8 text), Markdown, CSV (RFC 4180:
// CRLF, quotes doubled), JSON and HTML (a page that needs nothing from outside, html.hpp), with English or
// Vietnamese labels. Text, Markdown and HTML write numbers as people read them (4,292 and 87.9 in English; 4.292
// and 87,9 in Vietnamese); CSV and JSON write plain numbers. A missing value shows in text, Markdown and HTML as "no data"
// ("không có số liệu") when no organisation reported it (ValueColumn::missing_is_no_data), else as "–" (a cell
// that does not apply); it is an empty CSV field and null in JSON. Text, Markdown and HTML show control characters and
// bytes that are not UTF-8 as U+FFFD.

#include <coopecon/core/label.hpp>
#include <coopecon/export.hpp>
#include <coopecon/indicators/table.hpp>

#include <boost/describe/enum.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace coopecon::indicators {

enum class Format : std::uint8_t { text, md, csv, json, html };
BOOST_DESCRIBE_ENUM(Format, text, md, csv, json, html)

inline constexpr Label total_label{"Total", "Tổng số"};
/// A figure no organisation reported (a ratio without a denominator, too): never shown as 0.
inline constexpr Label no_data_label{"no data", "không có số liệu"};

/// Terminal cells taken by UTF-8 text: combining marks take none, East Asian wide characters two.
COOPECON_EXPORT std::size_t display_width(std::string_view s) noexcept;

/// Text safe to show on a terminal: control characters (which could move the cursor or recolour it) and bytes
/// that are not UTF-8 become U+FFFD. Labels can come from files, so every text and Markdown cell goes through it.
COOPECON_EXPORT std::string printable(std::string_view s);

/// A number for people: grouped thousands and the language's decimal mark.
COOPECON_EXPORT std::string format_number(double v, int decimals, Lang lang);

COOPECON_EXPORT std::string format_integer(std::int64_t v, Lang lang);

/// The cell as people read it.
COOPECON_EXPORT std::string human_value(const ValueColumn& c, std::size_t row, Lang lang);

/// The cell as programs read it: integers exactly, reals rounded to the column's decimals, "" when missing.
COOPECON_EXPORT std::string plain_value(const ValueColumn& c, std::size_t row);

/// A column header: the label, with the unit for percentages and money.
COOPECON_EXPORT std::string header(const ValueColumn& c, Lang lang);

/// Aligned columns under the title; a rule under the header and above each totals row.
COOPECON_EXPORT std::string to_text(const Table& t, Lang lang);

COOPECON_EXPORT std::string to_markdown(const Table& t, Lang lang);

/// RFC 4180: a header record, then one record per row, CRLF after each.
COOPECON_EXPORT std::string to_csv(const Table& t, Lang lang);

/// {"id", "title", "columns": [...], "rows": [...]}: key cells as their code with the label beside it
/// (<id>_label), values as numbers (null when missing), and "total" on every row.
COOPECON_EXPORT std::string to_json(const Table& t, Lang lang, int indent = 0);

COOPECON_EXPORT std::string render(const Table& t, Format format, Lang lang);

}  // namespace coopecon::indicators
