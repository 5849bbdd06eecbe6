#pragma once
// Real numbers in the simulation's JSON files (profiles, scenarios): the strict reader and the writer of the
// JSON layer know integers only, so doubles get a codec here. Any JSON number is read; a non-finite value cannot
// be written. The writer has no call for a bare number other than an integer, so a real is written as a marked
// string that finish_reals() turns into the number.

#include "json/json.hpp"

#include <boost/json/value.hpp>

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

namespace coopecon::json {

inline constexpr std::string_view real_marker = "\x01real:";

template <>
struct Codec<double> {
    static void read(Reader& r, const boost::json::value& v, double& out) {
        if (v.is_double()) out = v.get_double();
        else if (v.is_int64()) out = static_cast<double>(v.get_int64());
        else if (v.is_uint64()) out = static_cast<double>(v.get_uint64());
        else r.wrong_type("a number", v);
    }
    static void write(Writer& w, double v) {
        if (!std::isfinite(v)) throw Error(ErrorCode::invalid_value, "cannot write a number that is not finite");
        char buf[32];
        const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
        w.string(std::string(real_marker) + std::string(buf, end));
    }
};

/// Turns the marked strings Codec<double>::write left into numbers.
inline std::string finish_reals(std::string text) {
    const std::string marker = "\"\\u0001real:";
    for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at)) {
        const auto close = text.find('"', at + marker.size());
        text = text.substr(0, at) + text.substr(at + marker.size(), close - at - marker.size()) + text.substr(close + 1);
    }
    return text;
}

}  // namespace coopecon::json
