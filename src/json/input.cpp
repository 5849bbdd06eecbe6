#include "json/input.hpp"

#include <coopecon/core/text_file.hpp>

#include <boost/json/basic_parser_impl.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace coopecon::json {

namespace {

Error too_large(const std::filesystem::path& path, std::uint64_t max_bytes) {
    return Error(file_problem(path, "the file is larger than " + std::to_string(max_bytes) +
                                        " bytes (the limit; COOPECON_MAX_INPUT_BYTES raises it)"));
}

/// Validates JSON syntax only, to stop reading a stream at its first error.
struct SyntaxOnly {
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);
    bool on_document_begin(boost::json::error_code&) { return true; }
    bool on_document_end(boost::json::error_code&) { return true; }
    bool on_object_begin(boost::json::error_code&) { return true; }
    bool on_object_end(std::size_t, boost::json::error_code&) { return true; }
    bool on_array_begin(boost::json::error_code&) { return true; }
    bool on_array_end(std::size_t, boost::json::error_code&) { return true; }
    bool on_key_part(boost::json::string_view, std::size_t, boost::json::error_code&) { return true; }
    bool on_key(boost::json::string_view, std::size_t, boost::json::error_code&) { return true; }
    bool on_string_part(boost::json::string_view, std::size_t, boost::json::error_code&) { return true; }
    bool on_string(boost::json::string_view, std::size_t, boost::json::error_code&) { return true; }
    bool on_number_part(boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_int64(std::int64_t, boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_uint64(std::uint64_t, boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_double(double, boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_bool(bool, boost::json::error_code&) { return true; }
    bool on_null(boost::json::error_code&) { return true; }
    bool on_comment_part(boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::json::error_code&) { return true; }
};

constexpr std::size_t page_bytes = 4096;

}  // namespace

InputText::InputText(const std::filesystem::path& path, std::uint64_t max_bytes) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(file_problem(path, std::string("cannot open the file: ") + std::strerror(errno)));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        const int error = errno;
        const bool directory = S_ISDIR(st.st_mode);
        ::close(fd);
        // The words read_text_file uses for a directory: one message whichever reader meets it.
        throw Error(file_problem(path, directory ? std::string("is a directory, not a file")
                                                 : std::string("cannot read the file: ") + std::strerror(error)));
    }
    try {
        if (S_ISREG(st.st_mode)) {
            const auto size = static_cast<std::uint64_t>(st.st_size);
            if (size > max_bytes) throw too_large(path, max_bytes);
            if (size > 0) {
                void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
                if (p == MAP_FAILED)
                    throw Error(file_problem(path, std::string("cannot read the file: ") + std::strerror(errno)));
                ::madvise(p, size, MADV_SEQUENTIAL);
                mapping_ = p;
                mapped_ = size;
                text_ = std::string_view(static_cast<const char*>(p), size);
            }
        } else {
            read_stream(fd, path, max_bytes);
        }
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
}

InputText::~InputText() {
    if (mapping_) ::munmap(mapping_, mapped_);
}

void InputText::given_back(std::size_t offset) noexcept {
    if (!mapping_) return;
    const std::size_t end = offset / page_bytes * page_bytes;
    if (end <= returned_) return;
    ::madvise(static_cast<char*>(mapping_) + returned_, end - returned_, MADV_DONTNEED);
    returned_ = end;
}

void InputText::read_stream(int fd, const std::filesystem::path& path, std::uint64_t max_bytes) {
    // Read in chunks, checking the syntax as they come: after the first error, one more chunk is kept (so that
    // the message can show what follows it) and the rest is only counted against the limit.
    constexpr std::size_t chunk = std::size_t{1} << 20;
    boost::json::basic_parser<SyntaxOnly> checker(boost::json::parse_options{});
    boost::json::error_code ec;
    std::uint64_t total = 0;
    std::size_t kept_after_error = 0;
    std::string buffer(chunk, '\0');
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), chunk);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw Error(file_problem(path, std::string("reading the file failed: ") + std::strerror(errno)));
        }
        if (n == 0) break;
        total += static_cast<std::uint64_t>(n);
        if (total > max_bytes) throw too_large(path, max_bytes);
        if (ec && kept_after_error++ > 0) continue;
        read_.append(buffer.data(), static_cast<std::size_t>(n));
        if (!ec) checker.write_some(true, buffer.data(), static_cast<std::size_t>(n), ec);
    }
    text_ = read_;
}

}  // namespace coopecon::json
