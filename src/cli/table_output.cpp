#include "table_output.hpp"

#include <coopecon/core/json_write.hpp>

#include <algorithm>
#include <cstddef>

namespace coopecon::cli {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

struct CodePoint {
    char32_t value = 0;
    std::size_t length = 1;
    bool valid = false;
};

// The code point starting at s[i]; overlong forms, surrogates and values past U+10FFFF are invalid (1 byte).
CodePoint decode(std::string_view s, std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) return {b, 1, true};
    std::size_t length = 0;
    char32_t value = 0, min = 0;
    if (b >= 0xC2 && b <= 0xDF) length = 2, value = b & 0x1F, min = 0x80;
    else if (b >= 0xE0 && b <= 0xEF) length = 3, value = b & 0x0F, min = 0x800;
    else if (b >= 0xF0 && b <= 0xF4) length = 4, value = b & 0x07, min = 0x10000;
    else return {};
    if (i + length > s.size()) return {};
    for (std::size_t k = 1; k < length; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) return {};
        value = (value << 6) | (c & 0x3F);
    }
    if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {};
    return {value, length, true};
}

// `s` as valid UTF-8: each byte that is not part of a valid sequence becomes U+FFFD, and so does each control
// character unless `keep_controls` (CSV quotes them; text and Markdown would break their layout).
std::string clean(std::string_view s, bool keep_controls) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = decode(s, i);
        const bool control = cp.valid && (cp.value < 0x20 || cp.value == 0x7F);
        if (!cp.valid || (control && !keep_controls)) out += replacement;
        else out.append(s, i, cp.length);
        i += cp.length;
    }
    return out;
}

bool in(char32_t c, char32_t first, char32_t last) { return c >= first && c <= last; }

bool zero_width(char32_t c) {
    return in(c, 0x0300, 0x036F) || in(c, 0x1AB0, 0x1AFF) || in(c, 0x1DC0, 0x1DFF) || in(c, 0x200B, 0x200F) ||
           in(c, 0x20D0, 0x20FF) || in(c, 0xFE00, 0xFE0F) || in(c, 0xFE20, 0xFE2F);
}

bool wide(char32_t c) {
    return in(c, 0x1100, 0x115F) || in(c, 0x2E80, 0x303E) || in(c, 0x3041, 0x33FF) || in(c, 0x3400, 0x4DBF) ||
           in(c, 0x4E00, 0x9FFF) || in(c, 0xA000, 0xA4CF) || in(c, 0xAC00, 0xD7A3) || in(c, 0xF900, 0xFAFF) ||
           in(c, 0xFE30, 0xFE4F) || in(c, 0xFF00, 0xFF60) || in(c, 0xFFE0, 0xFFE6) || in(c, 0x1F300, 0x1F64F) ||
           in(c, 0x1F900, 0x1F9FF) || in(c, 0x20000, 0x2FFFD) || in(c, 0x30000, 0x3FFFD);
}

// ---- text -------------------------------------------------------------------------------------------------

std::string padded(const std::string& s, std::size_t width, bool right) {
    const std::size_t w = display_width(s);
    const std::string fill(width > w ? width - w : 0, ' ');
    return right ? fill + s : s + fill;
}

void write_text(std::ostream& out, const Table& t) {
    out << clean(t.title, false) << '\n';
    std::size_t label_width = 0;
    for (const auto& f : t.facts) label_width = std::max(label_width, display_width(f.label) + 1);
    for (const auto& f : t.facts)
        out << padded(clean(f.label, false) + ":", label_width, false) << ' ' << clean(f.value, false) << '\n';

    std::vector<std::size_t> widths(t.columns.size());
    auto measure = [&](const Row& row) {
        for (std::size_t c = 0; c < widths.size() && c < row.size(); ++c)
            widths[c] = std::max(widths[c], display_width(clean(row[c].text, false)));
    };
    for (std::size_t c = 0; c < widths.size(); ++c) widths[c] = display_width(clean(t.columns[c].label, false));
    for (const auto& s : t.sections) {
        for (const auto& r : s.rows) measure(r);
        if (s.total) measure(*s.total);
    }

    auto line = [&](auto&& cell_text) {
        std::string text;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            if (c > 0) text += "  ";
            text += padded(cell_text(c), widths[c], t.columns[c].numeric);
        }
        text.erase(text.find_last_not_of(' ') + 1);  // the last column is not padded on the right
        out << text << '\n';
    };
    auto row_line = [&](const Row& row) {
        line([&](std::size_t c) { return c < row.size() ? clean(row[c].text, false) : std::string(); });
    };
    auto rule = [&] { line([&](std::size_t c) { return std::string(widths[c], '-'); }); };

    for (const auto& s : t.sections) {
        out << '\n' << clean(s.title, false) << "\n\n";
        line([&](std::size_t c) { return clean(t.columns[c].label, false); });
        rule();
        for (const auto& r : s.rows) row_line(r);
        if (s.total) {
            if (!s.rows.empty()) rule();
            row_line(*s.total);
        }
    }
}

// ---- Markdown ---------------------------------------------------------------------------------------------

// Characters that would end a table cell or start emphasis, code or a link are escaped.
std::string md(std::string_view s) {
    std::string out;
    for (const char c : clean(s, false)) {
        if (c == '\\' || c == '|' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<') out += '\\';
        out += c;
    }
    return out;
}

void write_markdown(std::ostream& out, const Table& t) {
    out << "# " << md(t.title) << '\n';
    if (!t.facts.empty()) out << '\n';
    for (const auto& f : t.facts) out << "- " << md(f.label) << ": " << md(f.value) << '\n';
    auto row_line = [&](const Row& row) {
        out << '|';
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            out << ' ' << (c < row.size() ? md(row[c].text) : "") << " |";
        out << '\n';
    };
    for (const auto& s : t.sections) {
        out << "\n## " << md(s.title) << "\n\n|";
        for (const auto& c : t.columns) out << ' ' << md(c.label) << " |";
        out << "\n|";
        for (const auto& c : t.columns) out << (c.numeric ? " ---: |" : " --- |");
        out << '\n';
        for (const auto& r : s.rows) row_line(r);
        if (s.total) row_line(*s.total);
    }
}

// ---- CSV --------------------------------------------------------------------------------------------------

// RFC 4180: a field with a comma, a quote or a line break is quoted, and quotes inside are doubled.
std::string csv(std::string_view s) {
    std::string text = clean(s, true);
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

void write_csv(std::ostream& out, const Table& t) {
    out << csv(t.section_label);
    for (const auto& c : t.columns) out << ',' << csv(c.label);
    out << '\n';
    auto row_line = [&](const Section& s, const Row& row) {
        out << csv(s.title);
        for (std::size_t c = 0; c < t.columns.size(); ++c) out << ',' << (c < row.size() ? csv(row[c].text) : "");
        out << '\n';
    };
    for (const auto& s : t.sections) {
        for (const auto& r : s.rows) row_line(s, r);
        if (s.total) row_line(s, *s.total);
    }
}

// ---- JSON -------------------------------------------------------------------------------------------------

void write_json(std::ostream& out, const Table& t) {
    json::Writer w(out);
    auto text = [&](std::string_view key, std::string_view value) {
        w.key(key);
        w.string(clean(value, true));
    };
    // A label keeps its id under the column's key and the label beside it, so programs need not translate.
    auto row_object = [&](const Row& row, bool numbers_only) {
        w.begin_object();
        for (std::size_t c = 0; c < t.columns.size() && c < row.size(); ++c) {
            const auto& key = t.columns[c].key;
            const auto& cell = row[c];
            if (cell.number) {
                w.key(key);
                w.integer(*cell.number);
            } else if (numbers_only) {
                continue;
            } else if (!cell.id.empty()) {
                text(key, cell.id);
                text(key + "_label", cell.text);
            } else {
                text(key, cell.text);
            }
        }
        w.end_object();
    };

    w.begin_object();
    text("title", t.title);
    for (const auto& f : t.facts) {
        if (!f.truth) {
            text(f.key, f.value);
            continue;
        }
        w.key(f.key);
        w.boolean(*f.truth);
    }
    w.key("columns");
    w.begin_array();
    for (const auto& c : t.columns) {
        w.begin_object();
        text("key", c.key);
        text("label", c.label);
        w.end_object();
    }
    w.end_array();
    w.key("sections");
    w.begin_array();
    for (const auto& s : t.sections) {
        w.begin_object();
        text("key", s.key);
        text("title", s.title);
        w.key("rows");
        w.begin_array();
        for (const auto& r : s.rows) row_object(r, false);
        w.end_array();
        if (s.total) {
            // The total's text cells only say "Total"; its numbers are what a program wants.
            w.key("total");
            row_object(*s.total, true);
        }
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.finish();
}

}  // namespace

std::size_t display_width(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = decode(s, i);
        i += cp.length;
        if (!cp.valid) ++width;
        else if (!zero_width(cp.value)) width += wide(cp.value) ? 2 : 1;
    }
    return width;
}

void write_table(std::ostream& out, const Table& table, Format format) {
    switch (format) {
        case Format::text: write_text(out, table); return;
        case Format::md: write_markdown(out, table); return;
        case Format::csv: write_csv(out, table); return;
        case Format::json: write_json(out, table); return;
    }
}

}  // namespace coopecon::cli
