#include <coopecon/indicators/render.hpp>

#include "indicators/escape.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/indicators/html.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

namespace coopecon::indicators {

namespace detail {

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

}  // namespace detail

namespace {

using detail::csv_field;
using detail::json_string;

/// Key cells of a row as printed; a table without keys labels its totals row.
std::vector<std::string> key_texts(const Table& t, std::size_t row, Lang lang) {
    std::vector<std::string> out;
    for (const auto& k : t.keys) out.push_back(printable(k.cells[row].label.in(lang)));
    if (out.empty() && t.totals[row]) out.emplace_back(total_label.in(lang));
    return out;
}

void pad(std::string& out, std::string_view cell, std::size_t width, bool right) {
    const auto w = display_width(cell);
    const std::string fill(width > w ? width - w : 0, ' ');
    if (right) out += fill;
    out += cell;
    if (!right) out += fill;
}

/// Shortest text that reads back as the same double.
std::string json_number(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

}  // namespace

/// Terminal cells taken by UTF-8 text: combining marks take none, East Asian wide characters two.
std::size_t display_width(std::string_view s) noexcept {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        char32_t cp = c;
        std::size_t n = 1;
        if (c >= 0xF0) { cp = c & 0x07; n = 4; }
        else if (c >= 0xE0) { cp = c & 0x0F; n = 3; }
        else if (c >= 0xC0) { cp = c & 0x1F; n = 2; }
        for (std::size_t k = 1; k < n && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += n;
        const bool combining = (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
                               (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                          (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                          (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
        width += combining ? 0 : wide ? 2 : 1;
    }
    return width;
}

/// Text safe to show on a terminal: control characters (which could move the cursor or recolour it) and bytes
/// that are not UTF-8 become U+FFFD. Labels can come from files, so every text and Markdown cell goes through it.
std::string printable(std::string_view s) {
    static constexpr std::string_view replacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool valid = n > 0 && i + n <= s.size();
        char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
        for (std::size_t k = 1; valid && k < n; ++k) {
            const auto next = static_cast<unsigned char>(s[i + k]);
            valid = (next & 0xC0) == 0x80;
            cp = (cp << 6) | (next & 0x3F);
        }
        const bool overlong = (n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
        const bool control = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
        if (!valid || overlong || control || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            out += replacement;
            i += valid ? n : 1;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

/// A number for people: grouped thousands and the language's decimal mark.
std::string format_number(double v, int decimals, Lang lang) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string plain = buf;
    if (plain.find_first_not_of("-0.") == std::string::npos && plain.front() == '-') plain.erase(0, 1);  // no "-0.0"
    const bool negative = plain.front() == '-';
    const auto point = plain.find('.');
    const std::string whole = plain.substr(negative ? 1 : 0, (point == std::string::npos ? plain.size() : point) - (negative ? 1 : 0));
    const char group = lang == Lang::vi ? '.' : ',';
    std::string out = negative ? "-" : "";
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) out += group;
        out += whole[i];
    }
    if (point != std::string::npos) out += (lang == Lang::vi ? ',' : '.') + plain.substr(point + 1);
    return out;
}

std::string format_integer(std::int64_t v, Lang lang) {
    const std::string digits = std::to_string(v < 0 ? -static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v));
    std::string out = v < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += lang == Lang::vi ? '.' : ',';
        out += digits[i];
    }
    return out;
}

/// The cell as people read it.
std::string human_value(const ValueColumn& c, std::size_t row, Lang lang) {
    if (c.integral) return format_integer(c.integers[row], lang);
    if (std::isnan(c.reals[row])) return c.missing_is_no_data ? std::string(no_data_label.in(lang)) : "–";
    return format_number(c.reals[row], c.decimals, lang);
}

/// The cell as programs read it: integers exactly, reals rounded to the column's decimals, "" when missing.
std::string plain_value(const ValueColumn& c, std::size_t row) {
    if (c.integral) return std::to_string(c.integers[row]);
    if (std::isnan(c.reals[row])) return "";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", c.decimals, c.reals[row]);
    std::string s = buf;
    if (s.find_first_not_of("-0.") == std::string::npos && s.front() == '-') s.erase(0, 1);
    return s;
}

/// A column header: the label, with the unit for percentages and money.
std::string header(const ValueColumn& c, Lang lang) {
    std::string h(c.label.in(lang));
    if (c.unit == Unit::percent || c.unit == Unit::million_dong || c.unit == Unit::million_dong_per_worker)
        h += " (" + std::string(label(c.unit).in(lang)) + ")";
    return h;
}


/// Aligned columns under the title; a rule under the header and above each totals row.
std::string to_text(const Table& t, Lang lang) {
    const bool has_key_column = !t.keys.empty();
    std::vector<std::string> head;
    for (const auto& k : t.keys) head.push_back(printable(k.label.in(lang)));
    if (!has_key_column) head.emplace_back("");
    for (const auto& v : t.values) head.push_back(printable(header(v, lang)));
    std::vector<std::vector<std::string>> body;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        auto cells = key_texts(t, r, lang);
        if (!has_key_column && cells.empty()) cells.emplace_back("");
        for (const auto& v : t.values) cells.push_back(human_value(v, r, lang));
        body.push_back(std::move(cells));
    }
    const std::size_t key_columns = has_key_column ? t.keys.size() : 1;
    std::vector<std::size_t> widths(head.size());
    for (std::size_t c = 0; c < head.size(); ++c) {
        widths[c] = display_width(head[c]);
        for (const auto& row : body) widths[c] = std::max(widths[c], display_width(row[c]));
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (c > 0) out += "  ";
            pad(out, cells[c], widths[c], c >= key_columns);
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out + "\n";
    };
    std::string rule;
    for (std::size_t c = 0; c < widths.size(); ++c) rule += (c > 0 ? "  " : "") + std::string(widths[c], '-');
    rule += "\n";
    std::string out;
    if (!t.title.in(lang).empty()) out += printable(t.title.in(lang)) + "\n";
    out += line(head) + rule;
    for (std::size_t r = 0; r < body.size(); ++r) {
        if (t.totals[r] && t.rows() > 1) out += rule;
        out += line(body[r]);
    }
    return out;
}

std::string to_markdown(const Table& t, Lang lang) {
    auto cell = [](std::string_view text) {
        const std::string s = printable(text);
        std::string out;
        for (char c : s) {
            if (c == '|') out += '\\';
            out += c;
        }
        return out;
    };
    std::string out;
    if (!t.title.in(lang).empty()) out += "### " + cell(t.title.in(lang)) + "\n\n";
    // Appends piece by piece: GCC 12 warns wrongly (stringop-overflow) on `" " + std::string` here.
    auto put = [&](std::string_view text) {
        out += ' ';
        out += text;
        out += " |";
    };
    out += '|';
    for (const auto& k : t.keys) put(cell(k.label.in(lang)));
    for (const auto& v : t.values) put(cell(header(v, lang)));
    out += "\n|";
    for (std::size_t k = 0; k < t.keys.size(); ++k) out += " :--- |";
    for (std::size_t v = 0; v < t.values.size(); ++v) out += " ---: |";
    out += '\n';
    for (std::size_t r = 0; r < t.rows(); ++r) {
        out += '|';
        for (const auto& k : key_texts(t, r, lang)) put(cell(k));
        for (const auto& v : t.values) put(human_value(v, r, lang));
        out += '\n';
    }
    return out;
}

/// RFC 4180: a header record, then one record per row, CRLF after each.
std::string to_csv(const Table& t, Lang lang) {
    std::string out;
    auto record = [&](const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i) out += ',';
            out += csv_field(fields[i]);
        }
        out += "\r\n";
    };
    std::vector<std::string> head;
    for (const auto& k : t.keys) head.emplace_back(k.label.in(lang));
    for (const auto& v : t.values) head.push_back(header(v, lang));
    record(head);
    for (std::size_t r = 0; r < t.rows(); ++r) {
        auto fields = key_texts(t, r, lang);
        for (const auto& v : t.values) fields.push_back(plain_value(v, r));
        record(fields);
    }
    return out;
}

/// {"id", "title", "columns": [...], "rows": [...]}: key cells as their code with the label beside it
/// (<id>_label), values as numbers (null when missing), and "total" on every row.
std::string to_json(const Table& t, Lang lang, int indent) {
    
    const std::string pad0(static_cast<std::size_t>(indent), ' '), pad1 = pad0 + "  ", pad2 = pad1 + "  ";
    std::string out = "{\n";
    out += pad1 + "\"id\": " + json_string(t.id) + ",\n";
    out += pad1 + "\"title\": " + json_string(t.title.in(lang)) + ",\n";
    out += pad1 + "\"columns\": [";
    bool first = true;
    for (const auto& k : t.keys) {
        out += std::string(first ? "\n" : ",\n") + pad2 + "{\"id\": " + json_string(k.id) +
               ", \"label\": " + json_string(k.label.in(lang)) + ", \"role\": \"key\"}";
        first = false;
    }
    for (const auto& v : t.values) {
        out += std::string(first ? "\n" : ",\n") + pad2 + "{\"id\": " + json_string(v.id) +
               ", \"label\": " + json_string(v.label.in(lang)) + ", \"role\": \"value\", \"unit\": " +
               json_string(enum_name(v.unit)) + "}";
        first = false;
    }
    out += "\n" + pad1 + "],\n" + pad1 + "\"rows\": [";
    for (std::size_t r = 0; r < t.rows(); ++r) {
        std::string row = "{";
        for (const auto& k : t.keys) {
            const auto& cell = k.cells[r];
            row += json_string(k.id) + ": " + json_string(cell.code) + ", " + json_string(k.id + "_label") + ": " +
                   json_string(cell.label.in(lang)) + ", ";
        }
        for (const auto& v : t.values) {
            row += json_string(v.id) + ": ";
            if (v.integral) row += std::to_string(v.integers[r]);
            else if (std::isnan(v.reals[r])) row += "null";
            else row += json_number(v.reals[r]);
            row += ", ";
        }
        row += std::string("\"total\": ") + (t.totals[r] ? "true" : "false") + "}";
        out += (r ? ",\n" : "\n") + pad2 + row;
    }
    out += "\n" + pad1 + "]\n" + pad0 + "}";
    return out;
}

std::string to_html(const Table& t, Lang lang) {
    const std::string id = html_escape(t.id);
    std::string out = "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"caption-" + id + "\" tabindex=\"0\">\n";
    out += "<table id=\"table-" + id + "\">\n<caption id=\"caption-" + id + "\">" + html_escape(t.title.in(lang)) +
           "</caption>\n<thead><tr>";
    if (t.keys.empty()) out += "<td></td>";
    for (const auto& k : t.keys) out += "<th scope=\"col\">" + html_escape(k.label.in(lang)) + "</th>";
    for (const auto& v : t.values) out += "<th scope=\"col\" class=\"num\">" + html_escape(header(v, lang)) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < t.rows(); ++r) {
        out += t.totals[r] ? "<tr class=\"total\">" : "<tr>";
        auto keys = key_texts(t, r, lang);
        if (keys.empty()) keys.emplace_back("");
        for (const auto& k : keys) out += "<th scope=\"row\">" + html_escape(k) + "</th>";
        for (const auto& v : t.values)
            out += std::string(v.missing(r) ? "<td class=\"num missing\">" : "<td class=\"num\">") +
                   human_value(v, r, lang) + "</td>";
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n</div>\n";
}

std::string render(const Table& t, Format format, Lang lang) {
    switch (format) {
        case Format::text: return to_text(t, lang);
        case Format::md: return to_markdown(t, lang);
        case Format::csv: return to_csv(t, lang);
        case Format::json: return to_json(t, lang) + "\n";
        case Format::html: return html_document(t.title.in(lang), lang, "<main>\n" + to_html(t, lang) + "</main>\n");
    }
    throw Error(ErrorCode::usage, "unknown table format");
}

}  // namespace coopecon::indicators
