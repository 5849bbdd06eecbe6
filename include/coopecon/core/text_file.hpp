#pragma once
// Files on disk for the JSON formats: reading a whole file as text, and writing one so that a failure never
// leaves a half-written file in place of the old one.

#include <coopecon/core/error.hpp>
#include <coopecon/export.hpp>

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>

namespace coopecon {

/// A problem of code io naming the file at `path`.
COOPECON_EXPORT Problem file_problem(const std::filesystem::path& path, std::string message);

/// The bytes of the file at `path`; throws Error (code io, naming the file) when it cannot be read.
COOPECON_EXPORT std::string read_text_file(const std::filesystem::path& path);

/// Calls write(std::ostream&) on a temporary file beside `path`, then renames it to `path`. If anything
/// fails, the temporary file is removed, `path` is untouched, and the error is rethrown (as an io Error
/// naming the file, unless it already was a coopecon Error).
COOPECON_EXPORT void write_file_atomically(const std::filesystem::path& path,
                                           const std::function<void(std::ostream&)>& write);

}  // namespace coopecon
