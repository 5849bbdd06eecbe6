#include "json/path.hpp"

namespace coopecon::json {

void append_key(std::string& path, std::string_view key) {
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

void append_index(std::string& path, std::size_t index) {
    path += '[';
    path += std::to_string(index);
    path += ']';
}

std::vector<std::size_t> prefix_lengths(std::string_view path) {
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
