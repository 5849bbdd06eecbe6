#pragma once
// Report tables and the one place that renders them: aligned text, Markdown, CSV and JSON. A command builds a
// Table (labels already in the report's language) and hands it to write_table; nothing else formats output.
//
// A table has a title, a few facts about it (as of, source …), columns, and sections of rows, each with an
// optional total row. Text and Markdown show everything; CSV is one RFC 4180 table (a section column, then
// the columns; the facts are left out); JSON keeps stable keys and ids beside the labels, for programs.

#include "arguments.hpp"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace coopecon::cli {

struct Column {
    std::string key;    // stable, language-independent: the JSON key
    std::string label;  // the header people read
    bool numeric = false;
};

/// A number, or a text with, when the text is a translated label, the stable id it translates.
struct Cell {
    std::string text;
    std::string id;
    std::optional<std::int64_t> number;

    static Cell of(std::int64_t n) { return Cell{std::to_string(n), {}, n}; }
    static Cell of(std::string text, std::string id = {}) { return Cell{std::move(text), std::move(id), std::nullopt}; }
};

using Row = std::vector<Cell>;

struct Section {
    std::string key;    // stable: JSON
    std::string title;  // people
    std::vector<Row> rows;
    std::optional<Row> total;
};

/// A line about the whole table, e.g. {"as_of", "As of", "2024-12-31"}.
struct Fact {
    std::string key;
    std::string label;
    std::string value;
    std::optional<bool> truth;  // for a yes/no fact: JSON writes true or false rather than the words
};

struct Table {
    std::string title;
    std::vector<Fact> facts;
    std::vector<Column> columns;
    std::string section_label;  // header of CSV's section column
    std::vector<Section> sections;
};

/// Renders `table` in `format` to `out`.
void write_table(std::ostream& out, const Table& table, Format format);

/// Columns a string takes in a terminal: code points, with combining marks as 0 and East Asian wide
/// characters as 2. Bytes that are not UTF-8 count 1 each (they are shown as U+FFFD).
std::size_t display_width(std::string_view s);

}  // namespace coopecon::cli
