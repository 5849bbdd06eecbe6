#include <coopecon/core/text_file.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

namespace coopecon {

Problem file_problem(const std::filesystem::path& path, std::string message) {
    Problem p = Problem::at(ErrorCode::io, std::move(message));
    p.file = path.string();
    return p;
}

std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(file_problem(path, std::string("cannot open the file: ") + std::strerror(errno)));
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    std::string text;
    if (!ec && std::filesystem::is_regular_file(path, ec)) {
        text.resize(size);  // one read of the known size: much faster than a character iterator
        in.read(text.data(), static_cast<std::streamsize>(size));
        text.resize(static_cast<std::size_t>(in.gcount()));
    } else {
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (in.bad()) throw Error(file_problem(path, "reading the file failed"));
    return text;
}

void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write) {
    auto temporary = path;
    temporary += ".tmp";
    try {
        {
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            if (!out)
                throw Error(file_problem(temporary, std::string("cannot create the file: ") + std::strerror(errno)));
            write(out);
            out.flush();
            if (!out) throw Error(file_problem(temporary, "writing the file failed"));
        }
        std::error_code ec;
        std::filesystem::rename(temporary, path, ec);
        if (ec) throw Error(file_problem(path, "cannot replace the file: " + ec.message()));
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw;
    }
}

}  // namespace coopecon
