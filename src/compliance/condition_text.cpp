#include <coopecon/compliance/condition_text.hpp>

#include <coopecon/core/date_text.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string_view>

namespace coopecon::compliance {

namespace {

std::string number(double v, Lang lang) {
    char buf[32];
    const double rounded = std::round(v * 10) / 10;
    std::snprintf(buf, sizeof buf, rounded == std::trunc(rounded) ? "%.0f" : "%.1f", rounded);
    std::string out(buf);
    if (lang == Lang::vi) std::replace(out.begin(), out.end(), '.', ',');
    return out;
}

/// A union's official members are cooperatives (Law 17/2023/QH15 Art 4.8; Law 23/2012/QH13 Art 3.2).
constexpr Label member_cooperatives{"member cooperatives", "hợp tác xã thành viên"};

/// The measured figure with its unit: "4 official members", "1 member", "33,3 %", "2 member cooperatives".
std::string observed(double v, law::Measurement m, OrgKind kind, Lang lang) {
    const bool cooperatives = m == law::Measurement::official_members && kind == OrgKind::union_of_cooperatives;
    std::string_view unit = (cooperatives ? member_cooperatives : label(m)).in(lang);
    if (lang == Lang::en && v == 1 && unit.ends_with('s')) unit.remove_suffix(1);
    return number(v, lang) + " " + std::string(unit);
}

/// The value of a placeholder of a rule's condition text, or nullopt when the period has none.
std::optional<std::string> placeholder(std::string_view name, law::Rule r, const ConditionPeriod& p, Date as_of,
                                       Lang lang, OrgKind kind) {
    auto date = [&](const std::optional<Date>& d) { return d ? std::optional(date_text(*d, lang)) : std::nullopt; };
    if (name == "observed")
        return p.observed ? std::optional(observed(*p.observed, law::info(r).measurement, kind, lang)) : std::nullopt;
    if (name == "limit") return p.limit ? std::optional(std::to_string(*p.limit)) : std::nullopt;
    if (name == "deadline") return date(p.deadline);
    if (name == "event") return date(p.event);
    if (name == "until") return date(p.until);
    if (name == "began") return date_text(p.began, lang);
    if (name == "as_of") return date_text(as_of, lang);
    throw std::logic_error("compliance rule " + std::string(law::info(r).id) + ": unknown placeholder {" +
                           std::string(name) + "}");
}

/// The end of the text that starts at `from` and runs to the first `stop` character outside braces.
std::size_t part_end(std::string_view text, std::size_t from, std::string_view stops) {
    int depth = 0;
    for (std::size_t i = from; i < text.size(); ++i) {
        // Compared character by character: a find() in `stops` for every character of the text cost more than
        // the rest of the message.
        if (depth == 0 && std::find(stops.begin(), stops.end(), text[i]) != stops.end()) return i;
        if (text[i] == '{') ++depth;
        if (text[i] == '}') --depth;
    }
    return text.size();
}

/// A rule's condition text (RuleInfo::condition) with its placeholders filled from the period.
std::string fill(std::string_view text, law::Rule r, const ConditionPeriod& p, Date as_of, Lang lang, OrgKind kind) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t open = text.find('{', i);
        out += text.substr(i, open - i);
        if (open == std::string_view::npos) break;
        const std::size_t name_end = part_end(text, open + 1, "?}");
        const std::string_view name = text.substr(open + 1, name_end - open - 1);
        const auto value = placeholder(name, r, p, as_of, lang, kind);
        if (name_end < text.size() && text[name_end] == '?') {  // {name?if present|if absent}
            const std::size_t bar = part_end(text, name_end + 1, "|");
            const std::size_t close = part_end(text, bar + 1, "}");
            out += value ? fill(text.substr(name_end + 1, bar - name_end - 1), r, p, as_of, lang, kind)
                         : fill(text.substr(bar + 1, close - bar - 1), r, p, as_of, lang, kind);
            i = close + 1;
        } else {
            if (!value)
                throw std::logic_error("compliance rule " + std::string(law::info(r).id) + ": no {" +
                                       std::string(name) + "} to write");
            out += *value;
            i = name_end + 1;
        }
    }
    return out;
}

}  // namespace

std::string condition_text(law::Rule r, const ConditionPeriod& p, Date as_of, Lang lang, OrgKind kind) {
    return fill(law::info(r).condition.in(lang), r, p, as_of, lang, kind);
}

}  // namespace coopecon::compliance
