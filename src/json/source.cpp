#include "json/path.hpp"
#include "json/source.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <unordered_set>
#include <utility>

namespace coopecon::json {

std::vector<TextPosition> positions_of(std::string_view text, const std::vector<std::size_t>& offsets) {
    std::vector<std::size_t> order(offsets.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return offsets[a] < offsets[b]; });
    std::vector<TextPosition> out(offsets.size());
    int line = 1, column = 1;
    std::size_t i = 0;
    for (const std::size_t k : order) {
        const std::size_t target = std::min(offsets[k], text.size());
        for (; i < target; ++i) {
            const auto byte = static_cast<unsigned char>(text[i]);
            if (byte == '\n') {
                ++line;
                column = 1;
            } else if ((byte & 0xC0) != 0x80) {  // continuation bytes belong to the code point before them
                ++column;
            }
        }
        out[k] = {line, column};
    }
    return out;
}

TextPosition position_of(std::string_view text, std::size_t offset) {
    return positions_of(text, {offset}).front();
}

std::optional<Utf8Error> find_invalid_utf8(std::string_view text) {
    auto hex = [](unsigned char b) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "0x%02X", b);
        return std::string(buf);
    };
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        // Eight ASCII bytes at a time: most JSON text is ASCII punctuation, digits and keys.
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if ((word & 0x8080808080808080u) == 0) {
                i += 8;
                continue;
            }
        }
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
        if (b >= 0xC2 && b <= 0xDF) length = 2;
        else if (b == 0xE0) length = 3, low = 0xA0;
        else if (b == 0xED) length = 3, high = 0x9F;
        else if (b >= 0xE1 && b <= 0xEF) length = 3;
        else if (b == 0xF0) length = 4, low = 0x90;
        else if (b == 0xF4) length = 4, high = 0x8F;
        else if (b >= 0xF1 && b <= 0xF3) length = 4;
        if (length == 0)
            return Utf8Error{i, "byte " + hex(b) + " cannot start a UTF-8 character"};
        for (std::size_t k = 1; k < length; ++k) {
            const auto c = i + k < n ? static_cast<unsigned char>(text[i + k]) : 0;
            const bool ok = k == 1 ? (c >= low && c <= high) : (c >= 0x80 && c <= 0xBF);
            if (!ok) {
                if (k == 1 && c >= 0x80 && c <= 0xBF)
                    return Utf8Error{i, "the bytes from " + hex(b) + " are an overlong or out-of-range UTF-8 sequence"};
                return Utf8Error{i, "byte " + hex(b) + " starts a UTF-8 character that is cut short"};
            }
        }
        i += length;
    }
    return std::nullopt;
}

std::string in_quotes(std::string_view text) {
    std::string out = "\"";
    std::size_t code_points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if ((b & 0xC0) != 0x80 && ++code_points > 60) {
            out += "…";
            break;
        }
        if (b == '"' || b == '\\') {
            out += '\\';
            out += static_cast<char>(b);
        } else if (b < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", b);
            out += buf;
        } else {
            out += static_cast<char>(b);
        }
    }
    out += '"';
    return out;
}

std::string decode_string(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    auto hex4 = [&](std::size_t at) -> std::uint32_t {
        std::uint32_t v = 0;
        for (std::size_t k = at; k < at + 4 && k < raw.size(); ++k) {
            const char c = raw[k];
            v = v * 16 + static_cast<std::uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        return v;
    };
    auto put = [&](std::uint32_t cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    };
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\' || i + 1 >= raw.size()) {
            out += raw[i];
            continue;
        }
        const char e = raw[++i];
        switch (e) {
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                std::uint32_t cp = hex4(i + 1);
                i += 4;  // now at the last hex digit
                if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < raw.size() && raw.substr(i + 1, 2) == "\\u") {
                    const std::uint32_t low = hex4(i + 3);
                    if (low >= 0xDC00 && low <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        i += 6;
                    }
                }
                put(cp);
                break;
            }
            default: out += e;  // \" \\ \/
        }
    }
    return out;
}

namespace {

/// Lexing over well-formed JSON text, shared by the locator and the duplicate-key scan.
class SourceWalker {
public:
    explicit SourceWalker(std::string_view text) noexcept : t_(text) {}

protected:
    // The parser limits nesting to 64; this bound only protects the recursion if handed other text.
    static constexpr int depth_limit = 512;

    void skip_whitespace() noexcept {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
    }
    bool at(char c) const noexcept { return i_ < t_.size() && t_[i_] == c; }

    /// At an opening quote: moves past the closing one; `raw` is the contents, `escaped` whether it has escapes.
    bool read_string(std::string_view& raw, bool& escaped) noexcept {
        const std::size_t start = ++i_;
        escaped = false;
        while (i_ < t_.size() && t_[i_] != '"') {
            if (t_[i_] == '\\') {
                escaped = true;
                ++i_;
            }
            ++i_;
        }
        if (i_ >= t_.size()) return false;
        raw = t_.substr(start, i_ - start);
        ++i_;
        return true;
    }

    /// Moves past one value of any kind.
    bool skip_value() noexcept {
        if (at('"')) {
            std::string_view raw;
            bool escaped = false;
            return read_string(raw, escaped);
        }
        if (at('{') || at('[')) {
            std::size_t depth = 0;
            while (i_ < t_.size()) {
                const char c = t_[i_];
                if (c == '"') {
                    std::string_view raw;
                    bool escaped = false;
                    if (!read_string(raw, escaped)) return false;
                    continue;
                }
                ++i_;
                if (c == '{' || c == '[') ++depth;
                else if ((c == '}' || c == ']') && --depth == 0) return true;
            }
            return false;
        }
        const std::size_t start = i_;
        while (i_ < t_.size() && t_[i_] != ',' && t_[i_] != '}' && t_[i_] != ']' && t_[i_] != ' ' &&
               t_[i_] != '\t' && t_[i_] != '\n' && t_[i_] != '\r')
            ++i_;
        return i_ > start;
    }

    std::string_view t_;
    std::size_t i_ = 0;
};

/// The walk behind Locator::find.
class LocatorScan : SourceWalker {
public:
    explicit LocatorScan(std::string_view text) noexcept : SourceWalker(text) {}

    std::unordered_map<std::string, Location> find(const std::vector<std::string>& paths) {
        for (const auto& p : paths) {
            wanted_.insert(p);
            for (const std::size_t n : prefix_lengths(p)) inside_.insert(p.substr(0, n));
        }
        std::string path;
        skip_whitespace();
        visit(path, no_offset, 0);
        return std::move(found_);
    }

private:
    bool visit(std::string& path, std::size_t key_offset, int depth) {
        const bool on_a_path = path.empty() || inside_.count(path);  // prefixes are where absent paths point
        if (on_a_path || wanted_.count(path)) found_[path] = Location{i_, key_offset};
        const bool descend = depth < depth_limit && on_a_path;
        if (descend && at('{')) {
            ++i_;
            skip_whitespace();
            if (at('}')) return ++i_, true;
            while (at('"')) {
                const std::size_t key_at = i_;
                std::string_view raw;
                bool escaped = false;
                if (!read_string(raw, escaped)) return false;
                skip_whitespace();
                if (!at(':')) return false;
                ++i_;
                skip_whitespace();
                const std::size_t length = path.size();
                append_key(path, escaped ? std::string_view(decode_string(raw)) : raw);
                const bool ok = visit(path, key_at, depth + 1);
                path.resize(length);
                if (!ok) return false;
                skip_whitespace();
                if (at('}')) return ++i_, true;
                if (!at(',')) return false;
                ++i_;
                skip_whitespace();
            }
            return false;
        }
        if (descend && at('[')) {
            ++i_;
            skip_whitespace();
            if (at(']')) return ++i_, true;
            for (std::size_t index = 0;; ++index) {
                const std::size_t length = path.size();
                append_index(path, index);
                const bool ok = visit(path, no_offset, depth + 1);
                path.resize(length);
                if (!ok) return false;
                skip_whitespace();
                if (at(']')) return ++i_, true;
                if (!at(',')) return false;
                ++i_;
                skip_whitespace();
            }
        }
        return skip_value();
    }

    std::unordered_set<std::string> wanted_;
    std::unordered_set<std::string> inside_;  // proper prefixes of wanted paths: the subtrees worth entering
    std::unordered_map<std::string, Location> found_;
};

/// The walk behind DuplicateKeyScan::run.
class DuplicateScan : SourceWalker {
public:
    explicit DuplicateScan(std::string_view text) noexcept : SourceWalker(text) {}

    std::vector<DuplicateKey> run() {
        skip_whitespace();
        visit(0);
        std::sort(found_.begin(), found_.end(),
                  [](const DuplicateKey& a, const DuplicateKey& b) { return a.offset < b.offset; });
        return std::move(found_);
    }

private:
    struct Segment {
        std::string_view key;  // raw (still escaped) text of the key; empty for an array element
        bool escaped = false;
        bool is_index = false;
        std::size_t index = 0;
    };
    struct Member {
        std::string_view raw;
        std::string decoded;  // only for keys with escapes
        bool escaped = false;
        std::size_t offset = 0;
        std::string_view name() const noexcept { return escaped ? std::string_view(decoded) : raw; }
    };

    std::string path_of(std::string_view last_raw, bool last_escaped) const {
        std::string path;
        for (const auto& s : stack_) {
            if (s.is_index) append_index(path, s.index);
            else append_key(path, s.escaped ? std::string_view(decode_string(s.key)) : s.key);
        }
        append_key(path, last_escaped ? std::string_view(decode_string(last_raw)) : last_raw);
        return path;
    }

    bool visit(int depth) {
        if (depth >= depth_limit || !(at('{') || at('['))) return skip_value();
        if (at('[')) {
            ++i_;
            skip_whitespace();
            if (at(']')) return ++i_, true;
            stack_.push_back(Segment{{}, false, true, 0});
            for (;; ++stack_.back().index) {
                if (!visit(depth + 1)) return false;
                skip_whitespace();
                if (at(']')) break;
                if (!at(',')) return false;
                ++i_;
                skip_whitespace();
            }
            stack_.pop_back();
            return ++i_, true;
        }
        ++i_;
        skip_whitespace();
        if (members_.size() <= static_cast<std::size_t>(depth)) members_.resize(static_cast<std::size_t>(depth) + 1);
        members_[static_cast<std::size_t>(depth)].clear();
        while (at('"')) {
            Member m;
            m.offset = i_;
            if (!read_string(m.raw, m.escaped)) return false;
            if (m.escaped) m.decoded = decode_string(m.raw);
            skip_whitespace();
            if (!at(':')) return false;
            ++i_;
            skip_whitespace();
            stack_.push_back(Segment{m.raw, m.escaped, false, 0});
            const bool ok = visit(depth + 1);
            stack_.pop_back();
            if (!ok) return false;
            members_[static_cast<std::size_t>(depth)].push_back(std::move(m));
            skip_whitespace();
            if (at(',')) {
                ++i_;
                skip_whitespace();
            }
        }
        if (!at('}')) return false;
        ++i_;
        report_duplicates(members_[static_cast<std::size_t>(depth)]);
        return true;
    }

    // Small objects, the usual case, are compared pairwise without allocating; large ones are sorted by name
    // (stably, so text order within a name) to find repeats in O(k log k).
    void report_duplicates(std::vector<Member>& members) {
        if (members.size() < 2) return;
        if (members.size() <= 16) {
            for (std::size_t k = 1; k < members.size(); ++k)
                for (std::size_t first = 0; first < k; ++first)
                    if (members[first].name() == members[k].name()) {
                        found_.push_back(DuplicateKey{std::string(members[k].name()),
                                                      path_of(members[k].raw, members[k].escaped), members[k].offset,
                                                      members[first].offset});
                        break;
                    }
            return;
        }
        std::vector<std::size_t> order(members.size());
        for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return members[a].name() < members[b].name(); });
        std::size_t run = 0;  // where the current run of equal names starts in `order`
        for (std::size_t k = 1; k < order.size(); ++k) {
            const auto& m = members[order[k]];
            if (m.name() != members[order[run]].name()) {
                run = k;
                continue;
            }
            found_.push_back(DuplicateKey{std::string(m.name()), path_of(m.raw, m.escaped), m.offset,
                                          members[order[run]].offset});
        }
    }

    std::vector<Segment> stack_;
    std::vector<std::vector<Member>> members_;  // scratch per depth, reused from object to object
    std::vector<DuplicateKey> found_;
};

}  // namespace

std::unordered_map<std::string, Location> Locator::find(const std::vector<std::string>& paths) const {
    return LocatorScan(text_).find(paths);
}

std::vector<DuplicateKey> DuplicateKeyScan::run() const { return DuplicateScan(text_).run(); }

void locate_problems(Problems& problems, std::string_view text, std::string_view file) {
    std::vector<std::string> paths;
    for (const auto& p : problems)
        if (p.line == 0) paths.push_back(p.path);
    const auto found = Locator(text).find(paths);
    std::vector<std::size_t> offsets;
    std::vector<Problem*> targets;
    for (auto& p : problems) {
        if (p.file.empty()) p.file = std::string(file);
        if (p.line != 0) continue;
        std::size_t offset = no_offset;
        if (auto it = found.find(p.path); it != found.end()) {
            const bool at_key = p.code == ErrorCode::unknown_field && it->second.key != no_offset;
            offset = at_key ? it->second.key : it->second.value;
        } else {
            const auto prefixes = prefix_lengths(p.path);
            for (auto n = prefixes.rbegin(); n != prefixes.rend() && offset == no_offset; ++n)
                if (auto up = found.find(p.path.substr(0, *n)); up != found.end()) offset = up->second.value;
            if (offset == no_offset)
                if (auto root = found.find(std::string()); root != found.end()) offset = root->second.value;
        }
        if (offset == no_offset) continue;
        offsets.push_back(offset);
        targets.push_back(&p);
    }
    const auto positions = positions_of(text, offsets);
    for (std::size_t k = 0; k < targets.size(); ++k) {
        targets[k]->line = positions[k].line;
        targets[k]->column = positions[k].column;
    }
    std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
}

void throw_located(Problems problems, std::string_view text, std::string_view file) {
    if (problems.empty()) return;
    locate_problems(problems, text, file);
    throw Error(std::move(problems));
}

}  // namespace coopecon::json
