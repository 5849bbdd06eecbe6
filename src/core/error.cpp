#include <coopecon/core/error.hpp>

#include <cstddef>
#include <string>

namespace coopecon {

Problem Problem::at(ErrorCode code, std::string message, std::string path) {
    Problem p;
    p.code = code;
    p.message = std::move(message);
    p.path = std::move(path);
    return p;
}

namespace {

/// `text` with its control characters (C0 but the tab, DEL, and C1, whose U+009B starts a terminal command)
/// written as \u escapes: a problem echoes names from its input, and a name must not move the cursor, clear
/// the screen or start a line of its own on the terminal that shows it.
std::string without_control_characters(std::string text) {
    auto is_control = [&](std::size_t i) {
        const auto c = static_cast<unsigned char>(text[i]);
        return (c < 0x20 && c != '\t') || c == 0x7F ||
               (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0 &&
                static_cast<unsigned char>(text[i + 1]) >= 0x80);
    };
    std::size_t i = 0;
    while (i < text.size() && !is_control(i)) ++i;
    if (i == text.size()) return text;
    std::string out = text.substr(0, i);
    for (; i < text.size(); ++i) {
        if (!is_control(i)) {
            out += text[i];
            continue;
        }
        const bool c1 = static_cast<unsigned char>(text[i]) == 0xC2;
        const unsigned code = c1 ? static_cast<unsigned char>(text[++i]) : static_cast<unsigned char>(text[i]);
        static constexpr char hex[] = "0123456789ABCDEF";
        out += "\\u00";
        out += hex[code >> 4];
        out += hex[code & 0xF];
    }
    return out;
}

}  // namespace

std::string Problem::to_string() const {
    std::string out;
    auto sep = [&out] {
        if (!out.empty()) out += ": ";
    };
    if (!file.empty() || line > 0) {
        out += file.empty() ? std::string("<input>") : file;
        if (line > 0) out += ':' + std::to_string(line) + ':' + std::to_string(column);
    }
    if (!path.empty()) {
        sep();
        out += path;
    }
    if (!organization.empty() || !event.empty()) {
        sep();
        if (!organization.empty()) out += "organization " + organization;
        if (!event.empty()) {
            if (!organization.empty()) out += ", ";
            out += "event " + event;
            if (date) out += " on " + date->iso();
        }
    }
    sep();
    out += message;
    if (!rule.empty() || !legal_basis.empty()) {
        out += " [";
        out += rule.empty() ? std::string() : "rule " + rule;
        if (!rule.empty() && !legal_basis.empty()) out += "; ";
        out += legal_basis;
        out += ']';
    }
    return without_control_characters(std::move(out));
}

namespace {

/// what(): every problem, one per line.
std::string join(const Problems& problems) {
    std::string out;
    for (const auto& p : problems) {
        if (!out.empty()) out += '\n';
        out += p.to_string();
    }
    return out;
}

}  // namespace

Error::Error(Problems problems) : std::runtime_error(join(problems)), problems_(std::move(problems)) {}

Error::~Error() = default;

void throw_if_any(Problems problems) {
    if (!problems.empty()) throw Error(std::move(problems));
}

}  // namespace coopecon
