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

std::string renumbered(const std::string& path, std::string_view list,
                       const std::function<std::size_t(std::size_t)>& renumber) {
    if (path.compare(0, list.size(), list) != 0 || path.size() <= list.size() || path[list.size()] != '[')
        return path;
    const auto close = path.find(']', list.size());
    if (close == std::string::npos) return path;
    std::size_t index = 0;
    for (std::size_t k = list.size() + 1; k < close; ++k) {
        if (path[k] < '0' || path[k] > '9') return path;
        index = index * 10 + static_cast<std::size_t>(path[k] - '0');
    }
    return std::string(list) + "[" + std::to_string(renumber(index)) + path.substr(close);
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
