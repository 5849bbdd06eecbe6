#include <coopecon/core/text_file.hpp>

#include <ext/stdio_filebuf.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits.h>
#include <mutex>
#include <ostream>
#include <random>
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
    // A directory opens, but reading it fails inside the stream buffer, with an exception of its own.
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw Error(file_problem(path, "is a directory, not a file"));
    const auto size = std::filesystem::file_size(path, ec);
    std::string text;
    if (!ec && std::filesystem::is_regular_file(path, ec)) {
        text.resize(size);  // one read of the known size: much faster than a character iterator
        in.read(text.data(), static_cast<std::streamsize>(size));
        text.resize(static_cast<std::size_t>(in.gcount()));
    } else {
        try {  // a pipe or device: read to its end; its stream buffer throws on a read error
            text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        } catch (const std::ios_base::failure&) {
            throw Error(file_problem(path, "reading the file failed"));
        }
    }
    if (in.bad()) throw Error(file_problem(path, "reading the file failed"));
    return text;
}

namespace {

// ---- temporary files removed on SIGINT and SIGTERM ---------------------------------------------------------
// A signal handler may only use async-signal-safe calls, so the paths live in fixed slots it can read without a
// lock: unlink(2) each, then let the signal do what it did before (end the process, or Python's handler).

struct TemporarySlot {
    std::atomic<bool> used{false};
    char path[PATH_MAX] = {};
};
std::array<TemporarySlot, 32> temporaries;
std::atomic<bool> interrupted{false};
std::mutex handlers_mutex;
int writers = 0;
struct sigaction previous_int {}, previous_term {};

void remove_temporaries_on_signal(int sig) {
    for (auto& slot : temporaries)
        if (slot.used.load()) unlink(slot.path);
    interrupted = true;
    const struct sigaction& previous = sig == SIGINT ? previous_int : previous_term;
    if (previous.sa_handler == SIG_IGN) return;
    if (previous.sa_handler != SIG_DFL && !(previous.sa_flags & SA_SIGINFO)) {
        previous.sa_handler(sig);
        return;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

/// Keeps a temporary path where the handler finds it, and the handler installed while any write runs.
class Guard {
public:
    explicit Guard(const std::string& path) {
        std::lock_guard lock(handlers_mutex);
        for (auto& s : temporaries) {  // slots are claimed under the mutex; the handler only reads them
            if (path.size() < sizeof s.path && !s.used.load()) {
                std::memcpy(s.path, path.c_str(), path.size() + 1);
                s.used = true;
                slot_ = &s;
                break;
            }
        }
        if (writers++ == 0) {
            interrupted = false;
            struct sigaction action {};
            action.sa_handler = remove_temporaries_on_signal;
            sigemptyset(&action.sa_mask);
            sigaction(SIGINT, &action, &previous_int);
            sigaction(SIGTERM, &action, &previous_term);
        }
    }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;
    ~Guard() {
        std::lock_guard lock(handlers_mutex);
        if (slot_) slot_->used = false;
        if (--writers == 0) {
            sigaction(SIGINT, &previous_int, nullptr);
            sigaction(SIGTERM, &previous_term, nullptr);
        }
    }

private:
    TemporarySlot* slot_ = nullptr;
};

/// Creates a new file `.NAME.XXXXXXXX.tmp` beside `path`, exclusively (O_EXCL: never an existing file, nor a
/// link planted at its name), with the permissions a new file gets.
int create_temporary(const std::filesystem::path& path, std::filesystem::path& temporary) {
    thread_local std::mt19937_64 random{std::random_device{}()};
    for (int attempt = 0; attempt < 100; ++attempt) {
        char suffix[32];
        std::snprintf(suffix, sizeof suffix, ".%016llx.tmp", static_cast<unsigned long long>(random()));
        std::string name(".");
        name.append(path.filename().string()).append(suffix);
        temporary = path.parent_path() / name;
        const int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    return -1;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write) {
    if (path.filename().empty() || path.filename() == "." || path.filename() == "..")
        throw Error(file_problem(path, "not a file name"));
    // Only a regular file is replaced: renaming over a link, a device or a folder would destroy it.
    struct stat existing {};
    if (lstat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode))
        throw Error(file_problem(path, std::string("is not a regular file (") +
                                           (S_ISLNK(existing.st_mode)   ? "a symbolic link"
                                            : S_ISDIR(existing.st_mode) ? "a folder"
                                                                        : "a device, pipe or socket") +
                                           "); coopecon replaces only regular files"));
    std::filesystem::path temporary;
    const int fd = create_temporary(path, temporary);
    if (fd < 0) throw Error(file_problem(path, std::string("cannot create the file: ") + std::strerror(errno)));
    const Guard guard(temporary.string());
    try {
        {
            __gnu_cxx::stdio_filebuf<char> buffer(fd, std::ios::out | std::ios::binary, 1 << 16);
            std::ostream out(&buffer);
            write(out);
            out.flush();
            if (!out) throw Error(file_problem(path, "writing the file failed"));
            if (fsync(fd) != 0) throw Error(file_problem(path, std::string("writing the file failed: ") + std::strerror(errno)));
        }  // the buffer closes fd
        if (interrupted) throw Error(file_problem(path, "interrupted; the file was left as it was"));
        if (std::rename(temporary.c_str(), path.c_str()) != 0)
            throw Error(file_problem(path, std::string("cannot replace the file: ") + std::strerror(errno)));
    } catch (...) {
        unlink(temporary.c_str());
        throw;
    }
    // The rename is durable once the folder is synced too.
    const auto folder = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    if (const int dir = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        fsync(dir);
        close(dir);
    }
}

}  // namespace coopecon
