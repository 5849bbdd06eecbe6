#pragma once
// The data files under data/ (legal parameters, administrative areas) compiled into the library, so a
// program using coopecon needs no files at run time and cannot load a data set that does not match its code.
// The definitions are generated at build time from the data folders by cmake/embed_data.cmake.

#include <optional>
#include <span>
#include <string_view>

namespace coopecon::detail {

struct EmbeddedFile {
    std::string_view name;  ///< path relative to data/, e.g. "law/vn-cooperatives.json"
    std::string_view text;  ///< the file's exact bytes (UTF-8)
};

/// Every embedded file, sorted by name.
std::span<const EmbeddedFile> embedded_files() noexcept;

/// The text of the embedded file with this name, or nullopt when there is none.
std::optional<std::string_view> embedded_file(std::string_view name) noexcept;

}  // namespace coopecon::detail
