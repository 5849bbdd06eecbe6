#pragma once
// What every harness shares: the input as text, and the one outcome besides success that a reader may have.
// A reader refuses bad input by throwing coopecon::Error with its problems; any other exception, a crash, a
// sanitizer report, a hang or a leak is a defect the fuzzer stops on.

#include <coopecon/core/error.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string_view>

namespace coopecon::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// What `read` returns, or nothing when it refuses the input with a coopecon::Error that names a problem.
template <class Read>
auto accepted(Read&& read) -> std::optional<decltype(read())> {
    try {
        return read();
    } catch (const Error& e) {
        if (e.problems().empty()) std::abort();  // a refusal that says nothing
        return std::nullopt;
    }
}

/// Stops the fuzzer: something accepted did not hold what it must.
[[noreturn]] inline void broken() { std::abort(); }

}  // namespace coopecon::fuzz
