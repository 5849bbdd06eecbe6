#pragma once
// Where things are in JSON source text: line and column of a byte offset, the first invalid UTF-8 sequence,
// the place of each field path (the locator), and keys given twice in one object (which Boost.JSON 1.81
// silently collapses to the last one).
//
// Lines and columns are 1-based; a column counts Unicode code points (not bytes) from the start of the line,
// so it matches what an editor shows for Vietnamese text. The scans below expect text that the parser
// accepted (json/parse.hpp); on anything else they stop early instead of reading out of bounds.

#include <coopecon/core/error.hpp>
#include <coopecon/export.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace coopecon::json {

inline constexpr std::size_t no_offset = static_cast<std::size_t>(-1);

struct TextPosition {
    int line = 0;
    int column = 0;
};

/// Line and column of every offset (any order, offsets past the end clamp to the end), in one pass.
COOPECON_EXPORT std::vector<TextPosition> positions_of(std::string_view text, const std::vector<std::size_t>& offsets);

COOPECON_EXPORT TextPosition position_of(std::string_view text, std::size_t offset);

struct Utf8Error {
    std::size_t offset = 0;
    std::string reason;
};

/// The first byte sequence that is not well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
/// nothing above U+10FFFF), or nullopt.
COOPECON_EXPORT std::optional<Utf8Error> find_invalid_utf8(std::string_view text);

/// `text` in double quotes, for messages: '"', '\\' and control characters escaped as in JSON, and cut to
/// 60 code points with "…" so that hostile input cannot flood a message.
COOPECON_EXPORT std::string in_quotes(std::string_view text);

/// The UTF-8 text of a JSON string's contents (between the quotes), with escapes resolved.
COOPECON_EXPORT std::string decode_string(std::string_view raw);

/// Where a value is: its first byte and, for an object member, the first byte of its key (the opening quote).
struct Location {
    std::size_t value = no_offset;
    std::size_t key = no_offset;
};

/// Finds the value at each of `paths` (json/path.hpp syntax; "" is the whole document) in one pass that skips
/// every subtree no path goes into. Paths that are not in the text are absent from the result.
class COOPECON_EXPORT Locator {
public:
    explicit Locator(std::string_view text) noexcept : text_(text) {}

    std::unordered_map<std::string, Location> find(const std::vector<std::string>& paths) const;

private:
    std::string_view text_;
};

/// A key given a second (or later) time in one object.
struct DuplicateKey {
    std::string name;  // the key, escapes resolved
    std::string path;  // path of the member, e.g. organizations[0].events[1].date
    std::size_t offset = 0;        // its key
    std::size_t first_offset = 0;  // the first key with the same name in that object
};

/// Every repeated key in every object, in text order. Keys are compared after resolving escapes, so
/// "date" and "\u0064ate" are the same key.
class COOPECON_EXPORT DuplicateKeyScan {
public:
    explicit DuplicateKeyScan(std::string_view text) noexcept : text_(text) {}

    std::vector<DuplicateKey> run() const;

private:
    std::string_view text_;
};

/// Gives every problem of `problems` the file name and, when it has a path but no line yet, the line and
/// column of that path's value in `text` (of the key instead, for an unknown key). A path that
/// is not in the text, such as a missing key, points at the nearest enclosing value that is. Then sorts the
/// problems by position, so they read in file order.
COOPECON_EXPORT void locate_problems(Problems& problems, std::string_view text, std::string_view file);

/// Locates `problems` and throws them as one Error, if there are any.
COOPECON_EXPORT void throw_located(Problems problems, std::string_view text, std::string_view file);

}  // namespace coopecon::json
