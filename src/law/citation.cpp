#include <coopecon/law/citation.hpp>

#include <array>
#include <utility>

namespace coopecon::law {

namespace {

/// The acts a citation names, with their Vietnamese names (longest first, so "Civil Code" wins over "Code").
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> acts{{
    {"Civil Code", "Bộ luật Dân sự"},
    {"Law", "Luật"},
    {"Decree", "Nghị định"},
    {"Circular", "Thông tư"},
    {"Decision", "Quyết định"},
    {"Resolution", "Nghị quyết"},
}};

constexpr std::string_view unconfirmed_en = "(UNCONFIRMED)", unconfirmed_vi = "(CHƯA XÁC NHẬN)";

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

/// One article reference, "103.1e" → "điểm e khoản 1 Điều 103", "30.7" → "khoản 7 Điều 30", "58–59" and "74" →
/// "Điều 58–59", "Điều 74"; nullopt-like empty string when it is not of that form.
std::string article_vi(std::string_view ref) {
    const auto dot = ref.find('.');
    if (dot == std::string_view::npos) {
        if (ref.empty() || !digit(ref.front())) return {};
        return "Điều " + std::string(ref);
    }
    const auto article = ref.substr(0, dot);
    auto rest = ref.substr(dot + 1);
    std::size_t k = 0;
    while (k < rest.size() && digit(rest[k])) ++k;
    if (article.empty() || k == 0) return {};
    const auto clause = rest.substr(0, k), point = rest.substr(k);
    std::string out;
    if (!point.empty()) out += "điểm " + std::string(point) + " ";
    return out + "khoản " + std::string(clause) + " Điều " + std::string(article);
}

/// One citation of one act, "Law 17/2023/QH15 Art 30.7, 103.1d", in Vietnamese; a part of another form keeps
/// its words with the act and "Art" translated.
std::string part_vi(std::string_view part) {
    for (const auto& [en, vi] : acts) {
        if (!part.starts_with(en) || part.size() <= en.size() || part[en.size()] != ' ') continue;
        const auto after = part.substr(en.size() + 1);
        const auto art = after.find(" Art ");
        const std::string act = std::string(vi) + " " + std::string(after.substr(0, art));
        if (art == std::string_view::npos) return act;
        std::string refs;
        auto list = after.substr(art + 5);
        while (!list.empty()) {
            const auto comma = list.find(',');
            const auto ref = trim(list.substr(0, comma));
            const auto text = article_vi(ref);
            if (text.empty()) return act + " Điều " + std::string(after.substr(art + 5));
            refs += (refs.empty() ? "" : ", ") + text;
            list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
        }
        return refs + " " + act;
    }
    return std::string(part);
}

}  // namespace

std::string citation_text(std::string_view basis, Lang lang) {
    if (lang == Lang::en) return std::string(basis);
    std::string suffix;
    if (auto at = basis.rfind(unconfirmed_en); at != std::string_view::npos && trim(basis.substr(at)) == unconfirmed_en) {
        suffix = " " + std::string(unconfirmed_vi);
        basis = trim(basis.substr(0, at));
    }
    std::string out;
    while (!basis.empty()) {
        const auto semi = basis.find(';');
        if (!out.empty()) out += "; ";
        out += part_vi(trim(basis.substr(0, semi)));
        basis = semi == std::string_view::npos ? std::string_view{} : basis.substr(semi + 1);
    }
    return out + suffix;
}

}  // namespace coopecon::law
