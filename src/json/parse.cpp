#include "json/parse.hpp"
#include "json/source.hpp"

#include <boost/json/error.hpp>
#include <boost/json/stream_parser.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace coopecon::json {

namespace {

/// What the parser expected at the end of a prefix of the text that it accepted: rebuilt after an error by a
/// forward scan of that prefix, to explain the error in terms of the document's structure.
struct Context {
    enum class Expect { value, key_or_end, key, colon, comma_or_end, value_or_end, nothing };
    struct Open {
        char bracket;
        std::size_t offset;
    };
    std::vector<Open> open;
    Expect expect = Expect::value;
    std::size_t last_comma = no_offset;
    bool in_string = false;
    std::size_t string_start = 0;
    bool after_backslash = false;      // the prefix ends just after a backslash in a string
    bool after_high_surrogate = false; // the prefix ends just after a \uD800–\uDBFF escape
    bool in_token = false;             // the prefix ends inside a number or literal
    std::size_t token_start = 0;
};

bool is_delimiter(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':' || c == '[' || c == ']' ||
           c == '{' || c == '}' || c == '"';
}

/// A whole number or literal, as opposed to one cut short ("1.", "-", "tru").
bool is_complete_token(std::string_view t) noexcept {
    if (t == "true" || t == "false" || t == "null") return true;
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t start = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
        return i > start;
    };
    if (i < t.size() && t[i] == '-') ++i;
    if (i < t.size() && t[i] == '0') ++i;
    else if (!digits()) return false;
    if (i < t.size() && t[i] == '.' && (++i, !digits())) return false;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
        if (!digits()) return false;
    }
    return i == t.size();
}

/// Scans text[0, end): `end` is where the parser stopped, and the prefix before it is well-formed.
Context scan_prefix(std::string_view text, std::size_t end) {
    const std::string_view prefix = text.substr(0, end);
    Context cx;
    using E = Context::Expect;
    auto value_done = [&] { cx.expect = cx.open.empty() ? E::nothing : E::comma_or_end; };
    bool string_is_key = false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const char c = prefix[i];
        if (cx.in_string) {
            cx.after_high_surrogate = false;
            if (c == '\\') {
                if (i + 1 == prefix.size()) {
                    cx.after_backslash = true;
                    break;
                }
                if (prefix[++i] == 'u' && i + 4 < prefix.size()) {
                    const auto hex = prefix.substr(i + 1, 4);
                    const unsigned long cp = std::strtoul(std::string(hex).c_str(), nullptr, 16);
                    i += 4;
                    cx.after_high_surrogate = cp >= 0xD800 && cp <= 0xDBFF;
                }
            } else if (c == '"') {
                cx.in_string = false;
                if (string_is_key) cx.expect = E::colon;
                else value_done();
            }
            continue;
        }
        switch (c) {
            case ' ': case '\t': case '\n': case '\r': break;
            case '{': cx.open.push_back({'{', i}); cx.expect = E::key_or_end; break;
            case '[': cx.open.push_back({'[', i}); cx.expect = E::value_or_end; break;
            case '}': case ']':
                if (!cx.open.empty()) cx.open.pop_back();
                value_done();
                break;
            case ',':
                cx.last_comma = i;
                cx.expect = !cx.open.empty() && cx.open.back().bracket == '{' ? E::key : E::value;
                break;
            case ':': cx.expect = E::value; break;
            case '"':
                cx.in_string = true;
                cx.string_start = i;
                string_is_key = cx.expect == E::key || cx.expect == E::key_or_end;
                break;
            default: {
                const std::size_t start = i;
                while (i < prefix.size() && !is_delimiter(prefix[i])) ++i;
                // A token that reaches the end of the prefix is cut short unless a delimiter follows and it is whole.
                const bool delimited = end >= text.size() || is_delimiter(text[end]);
                if (i == prefix.size() && !(delimited && is_complete_token(prefix.substr(start)))) {
                    cx.in_token = true;
                    cx.token_start = start;
                } else if (i == prefix.size()) {
                    value_done();
                } else {
                    --i;
                    value_done();
                }
            }
        }
    }
    return cx;
}

/// The character at `offset` as a message shows it: 'x', U+0009, the UTF-8 character itself, or the end of the file.
std::string describe_char(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) return "the end of the file";
    const auto b = static_cast<unsigned char>(text[offset]);
    if (b < 0x20 || b == 0x7F) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", b);
        return buf;
    }
    std::size_t length = 1;
    while (offset + length < text.size() && (static_cast<unsigned char>(text[offset + length]) & 0xC0) == 0x80)
        ++length;
    std::string out = "'";  // appended, not concatenated: gcc 12 at -O3 warns falsely on "'" + std::string
    out += text.substr(offset, b < 0x80 ? 1 : length);
    out += '\'';
    return out;
}

/// The run of letters, digits and '_' at `offset` (a bare word where a key or value should be).
std::string_view word_at(std::string_view text, std::size_t offset) {
    std::size_t end = offset;
    while (end < text.size() && end - offset < 40) {
        const char c = text[end];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) break;
        ++end;
    }
    return text.substr(offset, end - offset);
}

bool starts_word(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

std::string where(std::string_view text, std::size_t offset) {
    const auto p = position_of(text, offset);
    return "line " + std::to_string(p.line) + ", column " + std::to_string(p.column);
}

std::string bracket_name(char bracket) { return bracket == '{' ? "object" : "array"; }

constexpr std::string_view any_value =
    "a value (a string in double quotes, a number, true, false, null, an object or an array)";

struct Failure {
    std::size_t offset;
    std::string message;
};

/// Our explanation of the parser's error `ec` at `offset`.
Failure explain(std::string_view text, boost::system::error_code ec, std::size_t offset, std::size_t depth_limit) {
    namespace bj = boost::json;
    const Context cx = scan_prefix(text, offset);
    using E = Context::Expect;
    const char c = offset < text.size() ? text[offset] : '\0';
    const std::string found = describe_char(text, offset);

    if (ec == bj::error::too_deep)
        return {offset, "objects and arrays are nested more than " + std::to_string(depth_limit) + " levels deep"};
    if (ec == bj::error::expected_hex_digit)
        return {offset, "a \\u escape needs four hex digits, found " + found};
    if (ec == bj::error::illegal_leading_surrogate || ec == bj::error::illegal_trailing_surrogate ||
        (ec == bj::error::syntax && cx.after_high_surrogate))
        return {offset, "invalid \\u escape: a UTF-16 surrogate must be a high one (\\uD800-\\uDBFF) followed by "
                        "a low one (\\uDC00-\\uDFFF)"};
    if (ec == bj::error::incomplete || offset >= text.size()) {
        if (cx.in_string)
            return {text.size(), "the file is truncated: it ends inside the string that starts at " +
                                     where(text, cx.string_start) + " (is a closing '\"' missing?)"};
        if (!cx.open.empty()) {
            const auto& inner = cx.open.back();
            std::string message = "the file is truncated: it ends before the " + bracket_name(inner.bracket) +
                                  " opened at " + where(text, inner.offset) + " is closed";
            if (cx.open.size() > 1)
                message += " (" + std::to_string(cx.open.size() - 1) + " enclosing object(s) or array(s) are open too)";
            return {text.size(), message};
        }
        return {text.size(), "the file is truncated: it ends in the middle of a value"};
    }
    const std::string_view token = cx.in_token ? text.substr(cx.token_start, offset - cx.token_start) : "";
    if ((token == "0" || token == "-0") && c >= '0' && c <= '9')
        return {cx.token_start, "a number cannot have a leading zero"};
    if (ec == bj::error::extra_data)
        return {offset, "more text after the end of the JSON document, which must hold exactly one value (found " +
                            found + ")"};
    if (ec != bj::error::syntax) return {offset, "the JSON text cannot be parsed (" + ec.message() + ")"};

    if (cx.in_string) {
        if (cx.after_backslash)
            return {offset - 1, "invalid escape '\\" + std::string(1, c) +
                                    "' in a string: use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX"};
        if (c == '\n' || c == '\r')
            return {offset, "a line break inside a string (is the closing '\"' missing? write a line break as \\n)"};
        if (static_cast<unsigned char>(c) < 0x20) {
            const std::string escape = c == '\t' ? "\\t" : c == '\b' ? "\\b" : c == '\f' ? "\\f" : [&] {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
                return std::string(buf);
            }();
            return {offset, "control character " + found + " inside a string: write it as " + escape};
        }
        return {offset, "invalid character " + found + " inside a string"};
    }
    if (cx.in_token) {
        if (token[0] == '-' || (token[0] >= '0' && token[0] <= '9'))
            return {cx.token_start, "malformed number " + in_quotes(token) +
                                        ": a digit must follow '-', '.' and the exponent 'e'"};
        return {cx.token_start, "unknown word " + in_quotes(std::string(token) + std::string(word_at(text, offset))) +
                                    ": expected " + std::string(any_value)};
    }
    switch (cx.expect) {
        case E::key_or_end:
        case E::key:
            if (c == '}' && cx.expect == E::key)
                return {cx.last_comma, "trailing comma: a ',' must be followed by another member; remove it before '}'"};
            if (c == '\'') return {offset, "keys must be in double quotes, not single quotes"};
            if (starts_word(c)) {
                const std::string word(word_at(text, offset));
                return {offset, "the key " + word + " must be in double quotes: " + in_quotes(word)};
            }
            return {offset, "expected a key in double quotes" + std::string(cx.expect == E::key ? "" : " or '}'") +
                                ", found " + found};
        case E::colon: return {offset, "expected ':' after the key, found " + found};
        case E::value:
        case E::value_or_end:
            if (c == ']' && cx.expect == E::value && cx.last_comma != no_offset && !cx.open.empty() &&
                cx.open.back().bracket == '[')
                return {cx.last_comma, "trailing comma: a ',' must be followed by another element; remove it before ']'"};
            if (c == '\'') return {offset, "strings must be in double quotes, not single quotes"};
            if (c == '+' || c == '.') return {offset, "a number must start with a digit or '-', found " + found};
            if (starts_word(c))
                return {offset, "unknown word " + in_quotes(word_at(text, offset)) + ": expected " +
                                    std::string(any_value)};
            return {offset, "expected " + std::string(any_value) + ", found " + found};
        case E::comma_or_end: {
            const auto& inner = cx.open.back();
            const char close = inner.bracket == '{' ? '}' : ']';
            if ((c == '}' || c == ']') && c != close)
                return {offset, "mismatched bracket: found " + found + " but the " + bracket_name(inner.bracket) +
                                    " opened at " + where(text, inner.offset) + " closes with '" + close + "'"};
            return {offset, "expected ',' or '" + std::string(1, close) + "' after " +
                                (inner.bracket == '{' ? "a member" : "an element") + ", found " + found +
                                " (is a comma missing?)"};
        }
        case E::nothing: break;
    }
    return {offset, "unexpected " + found};
}

}  // namespace

Problem syntax_problem(std::string_view text, std::string_view file, std::size_t offset, std::string message) {
    Problem p = Problem::at(ErrorCode::syntax, std::move(message));
    p.file = std::string(file);
    const auto pos = position_of(text, offset);
    p.line = pos.line;
    p.column = pos.column;
    return p;
}

void check_encoding(std::string_view text, std::string_view file) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        throw Error(syntax_problem(text, file, 0,
                                   "the file starts with a byte order mark (U+FEFF); save it as UTF-8 without one"));
    if (const auto bad = find_invalid_utf8(text)) throw_invalid_utf8(text, file, *bad);
}

void throw_invalid_utf8(std::string_view text, std::string_view file, const Utf8Error& bad) {
    throw Error(syntax_problem(text, file, bad.offset, "invalid UTF-8: " + bad.reason + "; the file must be UTF-8 encoded"));
}

void throw_syntax_error(std::string_view text, std::string_view file, boost::system::error_code ec,
                        std::size_t offset, std::size_t depth_limit) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw Error(syntax_problem(text, file, 0, "the file is empty: it holds no JSON value"));
    auto failure = explain(text, ec, offset, depth_limit);
    throw Error(syntax_problem(text, file, failure.offset, std::move(failure.message)));
}

void add_duplicate_problems(std::string_view text, std::string_view file, Problems& problems) {
    const auto duplicates = DuplicateKeyScan(text).run();
    std::vector<std::size_t> offsets;
    for (const auto& d : duplicates) {
        offsets.push_back(d.offset);
        offsets.push_back(d.first_offset);
    }
    const auto positions = positions_of(text, offsets);
    for (std::size_t k = 0; k < duplicates.size(); ++k) {
        const auto& first = positions[2 * k + 1];
        Problem p = Problem::at(ErrorCode::duplicate,
                                "duplicate key " + in_quotes(duplicates[k].name) + " (first given at line " +
                                    std::to_string(first.line) + ", column " + std::to_string(first.column) + ")",
                                duplicates[k].path);
        p.file = std::string(file);
        p.line = positions[2 * k].line;
        p.column = positions[2 * k].column;
        problems.push_back(std::move(p));
    }
}

boost::json::value parse(std::string_view text, std::string_view file, Problems& problems) {
    check_encoding(text, file);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw Error(syntax_problem(text, file, 0, "the file is empty: it holds no JSON value"));

    boost::json::parse_options options;
    options.max_depth = max_depth;
    boost::json::stream_parser parser({}, options);
    boost::system::error_code ec;
    const std::size_t consumed = parser.write(text.data(), text.size(), ec);
    if (!ec) parser.finish(ec);
    if (ec) throw_syntax_error(text, file, ec, ec == boost::json::error::incomplete ? text.size() : consumed, max_depth);
    boost::json::value root = parser.release();
    add_duplicate_problems(text, file, problems);
    return root;
}

}  // namespace coopecon::json
