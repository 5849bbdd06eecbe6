#pragma once
// "Did you mean": the name a misspelt one was probably meant to be, for every message that refuses an unknown
// name (an event type, an enumerator, a key).

#include <coopecon/export.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace coopecon {

/// The candidate spelt most like `word` — fewest letters added, dropped, changed or two neighbours swapped,
/// ignoring ASCII case — when it is close enough to be a slip: at most a quarter of the letters of `word`, and at
/// least one. The first such candidate on a tie; nullopt when none is close or `word` is one of them.
COOPECON_EXPORT std::optional<std::string_view> closest_spelling(std::string_view word,
                                                                 std::span<const std::string_view> candidates);

/// "; did you mean members_joined?" for the closest candidate, or "" when none is close.
COOPECON_EXPORT std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace coopecon
