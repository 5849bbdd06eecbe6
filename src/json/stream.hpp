#pragma once
// Reading a JSON document without building it whole: the root object's members one at a time, and the elements
// of one array member (the registry's organisations) one at a time, each as a boost::json::value of its own
// that the caller reads and drops. Memory is one element at a time, whatever the length of the array.
//
// The checks and the messages are json::parse's: the same byte order mark, UTF-8 and syntax errors at the same
// line:column (a UTF-8 error anywhere still comes before a syntax error), duplicate keys noticed (the caller
// asks add_duplicate_problems for their places), and besides them the input limits (core/input_limits.hpp):
// nesting, length of strings and keys, keys per object, and elements of the split array.

#include <coopecon/core/input_limits.hpp>
#include <coopecon/export.hpp>

#include <boost/json/value.hpp>

#include <cstddef>
#include <functional>
#include <string_view>

namespace coopecon::json {

/// Receives the document in text order. Returning false stops the reading (the receiver has said why).
class StreamSink {
public:
    virtual ~StreamSink() = default;
    /// A key of the root object, before its value.
    virtual bool key(std::string_view key) = 0;
    /// The value of the root member `key` (the split member too, when it is not an array).
    virtual bool member(std::string_view key, boost::json::value value) = 0;
    /// Element `index` of the split array.
    virtual bool element(std::size_t index, boost::json::value value) = 0;
    /// The whole document, when its root is not an object.
    virtual bool root(boost::json::value value) = 0;
};

struct StreamOptions {
    std::string_view split;  // the root member whose elements come one at a time
    InputLimits limits;
    /// Called as the text before an offset has been parsed, so that its memory can be given back.
    std::function<void(std::size_t)> parsed;
};

struct StreamResult {
    bool stopped = false;         // the sink stopped the reading
    bool duplicate_keys = false;  // some object has a key twice (the last value is the one read)
};

/// Reads `text` (named `file` in messages) into `sink`. Throws Error on an encoding or syntax error or a limit.
COOPECON_EXPORT StreamResult stream(std::string_view text, std::string_view file, StreamSink& sink,
                                    const StreamOptions& options);

}  // namespace coopecon::json
