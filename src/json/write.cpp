#include "json/source.hpp"
#include "json/write.hpp"

#include <cstdio>
#include <ostream>

namespace coopecon::json {

Writer::Writer(std::ostream& out) : out_(&buffer_), stream_(&out) { buffer_.reserve(flush_at + 4096); }

void Writer::key(std::string_view k) {
    separate();
    quote(k);
    *out_ += ": ";
    after_key_ = true;
}

void Writer::string(std::string_view s) {
    before_value();
    quote(s);
    maybe_flush();
}

void Writer::boolean(bool v) {
    before_value();
    *out_ += v ? "true" : "false";
}

void Writer::null() {
    before_value();
    *out_ += "null";
}

void Writer::finish() {
    *out_ += '\n';
    if (stream_) flush();
}

void Writer::indent() {
    *out_ += '\n';
    out_->append(2 * frames_.size(), ' ');
}
void Writer::separate() {
    if (frames_.empty()) return;
    if (frames_.back()++ > 0) *out_ += ',';
    indent();
}
void Writer::before_value() {
    if (after_key_) after_key_ = false;
    else separate();
}
void Writer::open(char bracket) {
    before_value();
    *out_ += bracket;
    frames_.push_back(0);
}
void Writer::close(char bracket) {
    const bool empty = frames_.back() == 0;
    frames_.pop_back();
    if (!empty) indent();
    *out_ += bracket;
    maybe_flush();
}

void Writer::quote(std::string_view s) {
    if (const auto bad = find_invalid_utf8(s))
        throw Error(ErrorCode::invalid_value, "cannot write a string that is not valid UTF-8 (" + bad->reason +
                                                  ") after " + in_quotes(s.substr(0, bad->offset)));
    *out_ += '"';
    std::size_t plain = 0;  // start of the run of characters copied as they are
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out_->append(s.data() + plain, i - plain);
        plain = i + 1;
        switch (c) {
            case '"': *out_ += "\\\""; break;
            case '\\': *out_ += "\\\\"; break;
            case '\n': *out_ += "\\n"; break;
            case '\r': *out_ += "\\r"; break;
            case '\t': *out_ += "\\t"; break;
            case '\b': *out_ += "\\b"; break;
            case '\f': *out_ += "\\f"; break;
            default: {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                *out_ += buf;
            }
        }
    }
    out_->append(s.data() + plain, s.size() - plain);
    *out_ += '"';
}

void Writer::maybe_flush() {
    if (stream_ && buffer_.size() >= flush_at) flush();
}
void Writer::flush() {
    stream_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    if (!*stream_) throw Error(ErrorCode::io, "writing the JSON output failed");
}

}  // namespace coopecon::json
