#pragma once
// Field paths into a JSON document, as problems report them: `organizations[12].events[3].date`.
// A key that is not a plain identifier is written quoted, `rules["integrity.after_termination"][0]`, so every
// path names exactly one place and the locator (json_source.hpp) can find it again.

#include <cstddef>
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
inline void append_key(std::string& path, std::string_view key) {
    if (is_plain_key(key)) {
        if (!path.empty()) path += '.';
        path += key;
        return;
    }
    path += "[\"";
    for (const char c : key) {
        if (c == '"' || c == '\\') path += '\\';
        path += c;
    }
    path += "\"]";
}

/// Appends the array element `index` to `path`.
inline void append_index(std::string& path, std::size_t index) {
    path += '[';
    path += std::to_string(index);
    path += ']';
}

/// The lengths of the proper prefixes of `path` that end between two segments, shortest first:
/// for `a[1].b["x.y"]` they are 1 (`a`), 4 (`a[1]`) and 6 (`a[1].b`).
inline std::vector<std::size_t> prefix_lengths(std::string_view path) {
    std::vector<std::size_t> out;
    bool quoted = false;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const char c = path[i];
        if (quoted) {
            if (c == '\\') ++i;
            else if (c == '"') quoted = false;
            continue;
        }
        if (c == '"') quoted = true;
        else if ((c == '.' || c == '[') && i > 0) out.push_back(i);
    }
    return out;
}

}  // namespace coopecon::json
