#pragma once
// The text of an input file for the streaming reader (json/stream.hpp). A regular file is mapped into memory:
// the kernel reads it as the parser goes, and the pages already parsed are given back (given_back), so the
// process holds a fixed window of it however large it is; they come back from the page cache if an error has to
// be explained. Anything else (a pipe, a device) is read whole, up to the input size limit, and stops early at a
// syntax error: `coopecon validate /dev/zero` ends at the first byte's error, or at the limit.

#include <coopecon/core/input_limits.hpp>
#include <coopecon/export.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace coopecon::json {

class COOPECON_EXPORT InputText {
public:
    /// Opens the file at `path`; throws Error (code io, naming it) when it cannot be read, or when it is larger
    /// than `max_bytes`.
    InputText(const std::filesystem::path& path, std::uint64_t max_bytes);
    ~InputText();
    InputText(const InputText&) = delete;
    InputText& operator=(const InputText&) = delete;

    std::string_view text() const noexcept { return text_; }

    /// The text before `offset` has been parsed: its pages may be given back.
    void given_back(std::size_t offset) noexcept;

    /// The text is read again from its start: the pages it reads again may be given back again.
    void read_again() noexcept { returned_ = 0; }

private:
    void read_stream(int fd, const std::filesystem::path& path, std::uint64_t max_bytes);

    std::string_view text_;
    void* mapping_ = nullptr;
    std::size_t mapped_ = 0;
    std::size_t returned_ = 0;  // bytes at the front of the mapping given back
    std::string read_;          // the text of what could not be mapped
};

}  // namespace coopecon::json
