// The values of CSV cells (csv_values.hpp).

#include <coopecon/io/csv_values.hpp>
#include "json/source.hpp"

#include <coopecon/core/spelling.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coopecon::io {

namespace {

bool all_digits(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (const char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

struct DateParts {
    int year = 0;
    unsigned month = 0, day = 0;
};

/// The parts of `text` written in format `f`, or nullopt when it is not written that way.
std::optional<DateParts> date_parts(std::string_view text, DateFormat f) {
    auto number = [](std::string_view s) {
        int v = 0;
        std::from_chars(s.data(), s.data() + s.size(), v);
        return v;
    };
    if (f == DateFormat::iso) {
        if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
            !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2)))
            return std::nullopt;
        return DateParts{number(text.substr(0, 4)), static_cast<unsigned>(number(text.substr(5, 2))),
                         static_cast<unsigned>(number(text.substr(8, 2)))};
    }
    const auto first = text.find('/');
    const auto second = first == std::string_view::npos ? first : text.find('/', first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    const auto day = text.substr(0, first), month = text.substr(first + 1, second - first - 1),
               year = text.substr(second + 1);
    if (!all_digits(day) || day.size() > 2 || !all_digits(month) || month.size() > 2 || !all_digits(year) ||
        year.size() != 4)
        return std::nullopt;
    return DateParts{number(year), static_cast<unsigned>(number(month)), static_cast<unsigned>(number(day))};
}

/// "1,234,567": for messages that show what a separated number meant.
std::string digits_only(std::string_view s) {
    std::string out;
    for (const char c : s)
        if (c != '.' && c != ',') out += c;
    return out;
}

/// "active (Active, Đang hoạt động); suspended (…)", then the mapping's own spellings.
std::string allowed_values(const std::vector<detail::EnumeratorText>& enumerators, const Spellings* spellings) {
    std::string out;
    for (const auto& e : enumerators) {
        if (!out.empty()) out += "; ";
        out += e.name;
        for (std::size_t k = 0; k < e.labels.size(); ++k) out += (k == 0 ? " (" : ", ") + std::string(e.labels[k]);
        if (!e.labels.empty()) out += ')';
    }
    if (spellings) {
        std::string own;
        for (const auto& [text, name] : *spellings)
            if (std::any_of(enumerators.begin(), enumerators.end(),
                            [&name = name](const detail::EnumeratorText& e) { return e.name == name; }))
                own += (own.empty() ? "" : ", ") + json::in_quotes(text) + " for " + name;
        if (!own.empty()) out += "; and as the mapping spells them: " + own;
    }
    return out;
}

}  // namespace

Parsed<Date> parse_date(std::string_view text, DateFormat f) {
    const auto parts = date_parts(text, f);
    if (!parts) {
        const DateFormat other = f == DateFormat::iso ? DateFormat::day_month_year : DateFormat::iso;
        std::string why = json::in_quotes(text) + " is not a date written " + std::string(date_format_text(f)) +
                          ", the date format of the mapping";
        if (date_parts(text, other))
            why += "; it is written " + std::string(date_format_text(other)) + ", which this mapping does not use";
        return Parsed<Date>::fail(std::move(why));
    }
    if (const auto d = Date::from_ymd(parts->year, parts->month, parts->day)) return {*d, {}};
    std::string why = json::in_quotes(text) + " is not a calendar date: " +
                      Date::calendar_problem(parts->year, parts->month, parts->day);
    // 02/13/2023 is a month-first date, as English-language spreadsheets write them.
    if (parts->year >= 1 && (parts->month < 1 || parts->month > 12) && f == DateFormat::day_month_year &&
        parts->day >= 1 && parts->day <= 12)
        why += " (dates here are day first, DD/MM/YYYY)";
    return Parsed<Date>::fail(std::move(why));
}

Parsed<std::int64_t> parse_whole_number(std::string_view text, std::int64_t min, std::int64_t max, bool money) {
    using Result = Parsed<std::int64_t>;
    const std::string shown = json::in_quotes(text);
    const std::string whole = money ? "amounts are whole đồng" : "expected a whole number";
    const bool negative = text.starts_with('-');
    const std::string_view body = negative ? text.substr(1) : text;

    std::string digits(body);
    const auto separator_at = body.find_first_of(".,");
    if (separator_at != std::string_view::npos) {
        for (const char c : body)
            if ((c < '0' || c > '9') && c != '.' && c != ',')
                return Result::fail(shown + " is not a whole number" +
                                    (money ? std::string(" of đồng: write digits only") : std::string()));
        const char sep = body[separator_at];
        const auto last = body.find_last_of(".,");
        if (body[last] != sep)  // 1.500,50 or 1,500.00: the last mark is a decimal mark
            return Result::fail(shown + " has a decimal part (" + json::in_quotes(body.substr(last)) + "); " + whole);
        std::vector<std::string_view> groups;
        for (std::size_t from = 0;;) {
            const auto to = body.find(sep, from);
            groups.push_back(body.substr(from, to == std::string_view::npos ? std::string_view::npos : to - from));
            if (to == std::string_view::npos) break;
            from = to + 1;
        }
        const bool thousands_shape = groups.front().size() >= 1 && groups.front().size() <= 3 &&
                                     std::all_of(groups.begin() + 1, groups.end(),
                                                 [](std::string_view g) { return g.size() == 3; });
        if (groups.size() == 2) {
            if (!thousands_shape)
                return Result::fail(shown + " has a decimal part (" + json::in_quotes(body.substr(last)) + "); " + whole);
            return Result::fail(shown + " is ambiguous: \"" + std::string(1, sep) + "\" may separate thousands (" +
                                (negative ? "-" : "") + digits_only(body) + ") or decimals; write " +
                                (negative ? "-" : "") + digits_only(body) + " without separators");
        }
        if (!thousands_shape)
            return Result::fail(shown + " is not a number: after each thousands separator \"" + std::string(1, sep) +
                                "\" come exactly three digits");
        digits = digits_only(body);
    }
    if (!all_digits(digits))
        return Result::fail(shown + " is not a whole number" +
                            (money ? std::string(" of đồng: write digits only, with \".\" or \",\" between thousands if you like")
                                   : std::string()));
    if (negative) digits.insert(digits.begin(), '-');
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec != std::errc{} || end != digits.data() + digits.size() || v < min || v > max)
        return Result::fail(shown + " is out of range: expected a whole number from " + std::to_string(min) + " to " +
                            std::to_string(max));
    return {v, {}};
}

Parsed<bool> parse_bool(std::string_view text) {
    for (const std::string_view yes : {"true", "yes", "Yes", "có", "Có", "1"})
        if (text == yes) return {true, {}};
    for (const std::string_view no : {"false", "no", "No", "không", "Không", "0"})
        if (text == no) return {false, {}};
    return Parsed<bool>::fail(json::in_quotes(text) + " is not yes or no: write true/false, yes/no, có/không or 1/0");
}

Parsed<std::vector<std::string>> split_list(std::string_view text) {
    std::vector<std::string> items;
    for (std::size_t from = 0;;) {
        const auto to = text.find(';', from);
        auto item = text.substr(from, to == std::string_view::npos ? std::string_view::npos : to - from);
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
        if (item.empty())
            return Parsed<std::vector<std::string>>::fail(
                json::in_quotes(text) + " has an empty item: list items are separated by a single \";\"");
        items.emplace_back(item);
        if (to == std::string_view::npos) break;
        from = to + 1;
    }
    return {std::move(items), {}};
}

std::string decomposed_hint(std::string_view text) {
    // U+0300–U+036F are 0xCC 0x80 – 0xCD 0xAF in UTF-8.
    for (std::size_t k = 0; k + 1 < text.size(); ++k) {
        const auto b = static_cast<unsigned char>(text[k]), next = static_cast<unsigned char>(text[k + 1]);
        if ((b == 0xCC && next >= 0x80) || (b == 0xCD && next <= 0xAF))
            return " (the text has combining accents; save the file with precomposed letters, Unicode NFC)";
    }
    return {};
}

namespace detail {

Parsed<std::size_t> parse_enumerator(std::string_view text, const Spellings* spellings,
                                     const std::vector<EnumeratorText>& enumerators) {
    auto named = [&](std::string_view name) -> std::optional<std::size_t> {
        for (std::size_t k = 0; k < enumerators.size(); ++k)
            if (enumerators[k].name == name) return k;
        return std::nullopt;
    };
    if (spellings) {
        if (const auto it = spellings->find(text); it != spellings->end()) {
            if (const auto k = named(it->second)) return {*k, {}};
            return Parsed<std::size_t>::fail(json::in_quotes(text) + " stands for " + it->second +
                                             " in the mapping, which is not allowed here; allowed values: " +
                                             allowed_values(enumerators, spellings));
        }
    }
    if (const auto k = named(text)) return {*k, {}};
    for (std::size_t k = 0; k < enumerators.size(); ++k)
        for (const auto l : enumerators[k].labels)
            if (l == text) return {k, {}};
    std::vector<std::string_view> names;
    for (const auto& e : enumerators) names.push_back(e.name);
    return Parsed<std::size_t>::fail(json::in_quotes(text) + " is not one of the allowed values" +
                                     decomposed_hint(text) + ": " + allowed_values(enumerators, spellings) +
                                     did_you_mean(text, names));
}

}  // namespace detail

}  // namespace coopecon::io
