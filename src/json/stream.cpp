#include "json/stream.hpp"
#include "json/parse.hpp"
#include "json/source.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/value_stack.hpp>

#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace coopecon::json {

namespace {

namespace bj = boost::json;
using bj::error_code;

/// Members of every object in `v`, nested ones included: fewer than the keys given when a key was repeated.
std::size_t members_in(const bj::value& v) {
    if (const auto* o = v.if_object()) {
        std::size_t n = o->size();
        for (const auto& kv : *o) n += members_in(kv.value());
        return n;
    }
    if (const auto* a = v.if_array()) {
        std::size_t n = 0;
        for (const auto& x : *a) n += members_in(x);
        return n;
    }
    return 0;
}

/// The basic_parser handler: builds each unit (a root member's value, an element of the split array, or a root
/// that is not an object) with a value_stack as stream_parser does, and hands it to the sink when complete.
class SplitHandler {
public:
    static constexpr std::size_t max_object_size = bj::object::max_size();
    static constexpr std::size_t max_array_size = bj::array::max_size();
    static constexpr std::size_t max_key_size = bj::string::max_size();
    static constexpr std::size_t max_string_size = bj::string::max_size();

    SplitHandler(StreamSink& sink, const StreamOptions& options) : sink_(sink), options_(options) {}

    std::optional<std::string> limit_passed;  // what stopped the parser, when a limit did
    bool sink_stopped = false;
    bool duplicate_keys = false;

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }

    bool on_object_begin(error_code& ec) {
        if (!begin_value(true, false, ec)) return false;
        open(ec);
        keys_.push_back(0);
        return true;
    }
    bool on_object_end(std::size_t n, error_code& ec) {
        keys_.pop_back();
        --depth_;
        if (unit_depth_ < 0) return true;  // the root object
        st_.push_object(n);
        unit_keys_ += n;
        return --unit_depth_ == 0 ? finish_unit(ec) : true;
    }
    bool on_array_begin(error_code& ec) {
        if (!begin_value(false, true, ec)) return false;
        open(ec);
        keys_.push_back(0);
        return true;
    }
    bool on_array_end(std::size_t n, error_code& ec) {
        keys_.pop_back();
        --depth_;
        if (unit_depth_ < 0) {  // the split array
            in_split_ = false;
            return true;
        }
        st_.push_array(n);
        return --unit_depth_ == 0 ? finish_unit(ec) : true;
    }
    bool on_key_part(bj::string_view s, std::size_t n, error_code& ec) {
        if (!string_fits(n, "key", ec)) return false;
        if (unit_depth_ >= 0) st_.push_chars(s);
        else key_.append(s.data(), s.size());
        return true;
    }
    bool on_key(bj::string_view s, std::size_t n, error_code& ec) {
        if (!string_fits(n, "key", ec)) return false;
        if (++keys_.back() > options_.limits.max_keys_per_object)
            return fail("an object has more than " + std::to_string(options_.limits.max_keys_per_object) +
                            " keys (the limit; COOPECON_MAX_KEYS raises it)",
                        ec);
        if (unit_depth_ >= 0) {
            st_.push_key(s);
            return true;
        }
        key_.append(s.data(), s.size());
        root_key_ = std::move(key_);
        key_.clear();
        if (!root_keys_.insert(root_key_).second) duplicate_keys = true;
        return sink_.key(root_key_) || stop(ec);
    }
    bool on_string_part(bj::string_view s, std::size_t n, error_code& ec) {
        if (!string_fits(n, "string", ec)) return false;
        if (!in_scalar_ && !(in_scalar_ = true, begin_value(false, false, ec))) return false;
        st_.push_chars(s);
        return true;
    }
    bool on_string(bj::string_view s, std::size_t n, error_code& ec) {
        if (!string_fits(n, "string", ec)) return false;
        if (!in_scalar_ && !begin_value(false, false, ec)) return false;
        in_scalar_ = false;
        st_.push_string(s);
        return scalar_done(ec);
    }
    bool on_number_part(bj::string_view, error_code& ec) {
        if (!in_scalar_ && !(in_scalar_ = true, begin_value(false, false, ec))) return false;
        return true;
    }
    bool on_int64(std::int64_t i, bj::string_view, error_code& ec) {
        return scalar(ec, [&] { st_.push_int64(i); });
    }
    bool on_uint64(std::uint64_t u, bj::string_view, error_code& ec) {
        return scalar(ec, [&] { st_.push_uint64(u); });
    }
    bool on_double(double d, bj::string_view, error_code& ec) {
        return scalar(ec, [&] { st_.push_double(d); });
    }
    bool on_bool(bool b, error_code& ec) { return scalar(ec, [&] { st_.push_bool(b); }); }
    bool on_null(error_code& ec) { return scalar(ec, [&] { st_.push_null(); }); }
    bool on_comment_part(bj::string_view, error_code&) { return true; }
    bool on_comment(bj::string_view, error_code&) { return true; }

private:
    /// At the first event of a value: starts a unit unless the value is the root object or the split array.
    bool begin_value(bool object, bool array, error_code& ec) {
        if (unit_depth_ >= 0) return true;
        if (depth_ == 0 && object) return true;  // the root object: its members are the units
        if (depth_ == 1 && array && root_key_ == options_.split) {
            in_split_ = true;
            return true;
        }
        if (depth_ == 2 && in_split_ && elements_ == options_.limits.max_organizations)
            return fail("more than " + std::to_string(options_.limits.max_organizations) + " elements in \"" +
                            std::string(options_.split) +
                            "\" (the limit; COOPECON_MAX_ORGANIZATIONS raises it)",
                        ec);
        st_.reset(bj::storage_ptr(&unit_memory_));
        unit_depth_ = 0;
        unit_keys_ = 0;
        return true;
    }
    void open(error_code&) {
        ++depth_;
        if (unit_depth_ >= 0) ++unit_depth_;
    }
    template <class Push>
    bool scalar(error_code& ec, Push push) {
        if (!in_scalar_ && !begin_value(false, false, ec)) return false;
        in_scalar_ = false;
        push();
        return scalar_done(ec);
    }
    bool scalar_done(error_code& ec) { return unit_depth_ == 0 ? finish_unit(ec) : true; }

    bool finish_unit(error_code& ec) {
        bj::value v = st_.release();
        unit_depth_ = -1;
        if (unit_keys_ != 0 && members_in(v) != unit_keys_) duplicate_keys = true;
        bool go_on;
        if (depth_ == 0) go_on = sink_.root(std::move(v));
        else if (depth_ == 1) go_on = sink_.member(root_key_, std::move(v));
        else go_on = sink_.element(elements_++, std::move(v));
        unit_memory_.release();  // the sink has dropped the value
        return go_on || stop(ec);
    }

    bool string_fits(std::size_t n, const char* what, error_code& ec) {
        if (n <= options_.limits.max_string_bytes) return true;
        return fail(std::string("a ") + what + " longer than " + std::to_string(options_.limits.max_string_bytes) +
                        " bytes (the limit; COOPECON_MAX_STRING_BYTES raises it)",
                    ec);
    }
    bool fail(std::string message, error_code& ec) {
        limit_passed = std::move(message);
        ec = bj::error::exception;
        return false;
    }
    bool stop(error_code& ec) {
        sink_stopped = true;
        ec = bj::error::exception;
        return false;
    }

    StreamSink& sink_;
    const StreamOptions& options_;
    // Each unit is built in one buffer, used again for the next: no allocation for an organisation of usual
    // size, and no heap left in pieces between the registry's own blocks.
    std::vector<unsigned char> unit_buffer_ = std::vector<unsigned char>(std::size_t{256} << 10);
    bj::monotonic_resource unit_memory_{unit_buffer_.data(), unit_buffer_.size()};
    bj::value_stack st_;
    std::size_t depth_ = 0;     // objects and arrays open in the document
    int unit_depth_ = -1;       // of them, those inside the unit being built; -1 between units
    std::size_t unit_keys_ = 0; // keys given in the unit's objects
    bool in_split_ = false;
    bool in_scalar_ = false;    // a string or number arrives in parts
    std::size_t elements_ = 0;
    std::vector<std::size_t> keys_;  // keys so far of each open object
    std::string key_;                // a root key arriving in parts
    std::string root_key_;           // the root key whose value is being read
    std::unordered_set<std::string> root_keys_;
};

/// How much of the text is fed to the parser at a time: pages before it can be given back.
constexpr std::size_t chunk_bytes = std::size_t{4} << 20;

/// The first invalid UTF-8 at or after `from`, as json::parse reports it.
void check_utf8(std::string_view text, std::string_view file, std::size_t from) {
    if (auto bad = find_invalid_utf8(text.substr(from))) {
        bad->offset += from;
        throw_invalid_utf8(text, file, *bad);
    }
}

}  // namespace

StreamResult stream(std::string_view text, std::string_view file, StreamSink& sink, const StreamOptions& options) {
    if (text.size() > options.limits.max_input_bytes)
        throw Error(syntax_problem(text, file, 0, "the file is larger than " +
                                                      std::to_string(options.limits.max_input_bytes) +
                                                      " bytes (the limit; COOPECON_MAX_INPUT_BYTES raises it)"));
    if (text.substr(0, 3) == "\xEF\xBB\xBF") check_encoding(text, file);

    bj::parse_options parse_options;
    parse_options.max_depth = options.limits.max_depth;
    bj::basic_parser<SplitHandler> parser(parse_options, sink, options);
    error_code ec;
    std::size_t error_at = 0;
    std::size_t utf8_checked = 0;
    for (std::size_t at = 0; at < text.size() && !ec; at += chunk_bytes) {
        const std::size_t size = std::min(chunk_bytes, text.size() - at);
        // UTF-8 first, as json::parse checks it before the syntax; a character cut by the chunk's end waits for
        // the next chunk.
        if (auto bad = find_invalid_utf8(text.substr(utf8_checked, at + size - utf8_checked))) {
            if (at + size == text.size() || utf8_checked + bad->offset + 4 <= at + size) {
                bad->offset += utf8_checked;
                throw_invalid_utf8(text, file, *bad);
            }
            utf8_checked += bad->offset;
        } else {
            utf8_checked = at + size;
        }
        const std::size_t n = parser.write_some(true, text.data() + at, size, ec);
        if (!ec && n < size) ec = bj::error::extra_data;
        error_at = at + n;
        if (options.parsed) options.parsed(at + n);
    }
    if (!ec) {
        parser.write_some(false, nullptr, 0, ec);
        error_at = text.size();
    }
    StreamResult result;
    result.duplicate_keys = parser.handler().duplicate_keys;
    if (!ec) return result;
    if (parser.handler().sink_stopped) {
        result.stopped = true;
        return result;
    }
    check_utf8(text, file, utf8_checked);
    if (const auto& limit = parser.handler().limit_passed)
        throw Error(syntax_problem(text, file, error_at, "reading stopped here: " + *limit));
    throw_syntax_error(text, file, ec, ec == bj::error::incomplete ? text.size() : error_at,
                       options.limits.max_depth);
}

}  // namespace coopecon::json
