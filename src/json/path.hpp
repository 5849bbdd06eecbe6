#pragma once
// Field paths into a JSON document, as problems report them: `organizations[12].events[3].date`.
// A key that is not a plain identifier is written quoted, `rules["integrity.after_termination"][0]`, so every
// path names exactly one place and the locator (json/source.hpp) can find it again.

#include <coopecon/export.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace coopecon::json {

/// True when `key` may follow a '.' unquoted: [A-Za-z_][A-Za-z0-9_]*.
constexpr bool is_plain_key(std::string_view key) noexcept {
    if (key.empty()) return false;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
    }
    return true;
}

/// Appends the member `key` to `path`.
COOPECON_EXPORT void append_key(std::string& path, std::string_view key);

/// Appends the array element `index` to `path`.
COOPECON_EXPORT void append_index(std::string& path, std::size_t index);

/// `path` with the index of its first segment `list[index]` replaced by renumber(index) ("organizations[7]…" as
/// "organizations[2]…"), or unchanged when it does not start with `list[`: problems found in a combined list
/// named by the position in the list they came from.
COOPECON_EXPORT std::string renumbered(const std::string& path, std::string_view list,
                                       const std::function<std::size_t(std::size_t)>& renumber);

/// The lengths of the proper prefixes of `path` that end between two segments, shortest first:
/// for `a[1].b["x.y"]` they are 1 (`a`), 4 (`a[1]`) and 6 (`a[1].b`).
COOPECON_EXPORT std::vector<std::size_t> prefix_lengths(std::string_view path);

}  // namespace coopecon::json
