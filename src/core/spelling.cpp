#include <coopecon/core/spelling.hpp>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace coopecon {

namespace {

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring).
std::size_t distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
    for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t change = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + change});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        before.swap(previous);
        previous.swap(current);
    }
    return previous[m];
}

}  // namespace

std::optional<std::string_view> closest_spelling(std::string_view word, std::span<const std::string_view> candidates) {
    const std::size_t allowed = std::max<std::size_t>(1, word.size() / 4);
    std::optional<std::string_view> best;
    std::size_t best_distance = allowed + 1;
    for (const auto candidate : candidates) {
        const std::size_t d = distance(word, candidate);
        if (d == 0 && candidate.size() == word.size() && candidate == word) return std::nullopt;
        if (d < best_distance) {
            best = candidate;
            best_distance = d;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
    const auto best = closest_spelling(word, candidates);
    return best ? "; did you mean " + std::string(*best) + "?" : std::string();
}

}  // namespace coopecon
