#pragma once
// coopecon's JSON layer: strict parsing with file:line:column errors (json/parse.hpp), reading described types
// with field paths (json/read.hpp), locating those paths in the text (json/source.hpp), and a deterministic
// pretty writer (json/write.hpp). This header adds the one-call forms for whole documents.

#include <coopecon/core/error.hpp>
#include <coopecon/core/text_file.hpp>
#include "json/parse.hpp"
#include "json/path.hpp"
#include "json/read.hpp"
#include "json/source.hpp"
#include "json/traits.hpp"
#include "json/write.hpp"

#include <string>
#include <string_view>

namespace coopecon::json {

/// Reads a whole document into T. Throws Error listing every problem, each with file:line:column and its path.
template <class T>
T read_json(std::string_view text, std::string_view file) {
    Problems problems;
    const auto root = parse(text, file, problems);
    T out{};
    Reader(problems).read(root, out);
    throw_located(std::move(problems), text, file);
    return out;
}

/// The document for `value`, pretty-printed, ending with a newline.
template <class T>
std::string write_json(const T& value) {
    std::string out;
    Writer w(out);
    w.value(value);
    w.finish();
    return out;
}

}  // namespace coopecon::json
