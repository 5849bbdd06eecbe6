#include <coopecon/core/article.hpp>

namespace coopecon {

std::string with_article(std::string_view word) {
    const bool vowel = !word.empty() && std::string_view("aeiouAEIOU").find(word.front()) != std::string_view::npos;
    return (vowel ? "an " : "a ") + std::string(word);
}

}  // namespace coopecon
