#pragma once
// Runs the real coopecon executable (COOPECON_CLI_PATH) as a child process and captures what it prints and its
// exit status, so the tests see exactly what a user sees; or starts it in the background, to signal it.

#include <support/temp_dir.hpp>

#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

extern char** environ;

namespace coopecon::test {

namespace fs = std::filesystem;

inline const fs::path cli_path = COOPECON_CLI_PATH;
inline const fs::path source_dir = COOPECON_SOURCE_DIR;

struct CliResult {
    std::string out;
    std::string err;  // empty when merged into out
    int status = -1;  // the exit code, or 128 + signal number when killed by a signal
};

struct CliOptions {
    fs::path cwd;          // empty: the test's own working directory
    bool merge = false;    // standard error into the same pipe as standard output, in the order written
    fs::path stdout_file;  // empty: captured; else standard output goes to this file (e.g. /dev/full)
    fs::path stderr_file;  // empty: captured (or merged); else standard error goes to this file
    std::vector<std::string> wrapper;  // a command the CLI runs under (absolute path first), e.g. setpriv
};

/// Options to run in `cwd`.
inline CliOptions in_dir(const fs::path& cwd) {
    CliOptions options;
    options.cwd = cwd;
    return options;
}

namespace detail {

inline void check(int rc, const char* what) {
    if (rc != 0) throw std::runtime_error(std::string(what) + " failed: error " + std::to_string(rc));
}

/// Starts `coopecon args...` as `options` say, its standard output and error into `out_fd` and `err_fd` unless
/// `options` name files for them; returns its process id.
inline pid_t spawn_cli(const std::vector<std::string>& args, const CliOptions& options, int out_fd, int err_fd) {
    posix_spawn_file_actions_t actions;
    check(posix_spawn_file_actions_init(&actions), "posix_spawn_file_actions_init");
    if (!options.cwd.empty())
        check(posix_spawn_file_actions_addchdir_np(&actions, options.cwd.c_str()), "addchdir");
    const std::array<std::pair<int, const fs::path*>, 2> streams{
        {{STDOUT_FILENO, &options.stdout_file}, {STDERR_FILENO, &options.stderr_file}}};
    for (const auto& [stream, file] : streams) {
        const int fd = stream == STDOUT_FILENO ? out_fd : err_fd;
        if (file->empty())
            check(posix_spawn_file_actions_adddup2(&actions, fd, stream), "adddup2");
        else
            check(posix_spawn_file_actions_addopen(&actions, stream, file->c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644),
                  "addopen");
    }

    std::vector<std::string> argv_strings = options.wrapper;
    argv_strings.push_back(cli_path.string());
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_strings) argv.push_back(a.data());
    argv.push_back(nullptr);

    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) throw std::runtime_error("cannot start " + cli_path.string());
    return pid;
}

/// Waits for `pid` to end: its exit code, or 128 + the signal number that killed it.
inline int wait_for(pid_t pid) {
    int wstatus = 0;
    while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
}

}  // namespace detail

/// Runs `coopecon args...` and waits for it.
inline CliResult run_cli(const std::vector<std::string>& args, const CliOptions& options = {}) {
    std::array<int, 2> out_pipe{}, err_pipe{};
    if (pipe2(out_pipe.data(), O_CLOEXEC) != 0 || pipe2(err_pipe.data(), O_CLOEXEC) != 0)
        throw std::runtime_error("pipe2 failed");
    pid_t pid = -1;
    try {
        pid = detail::spawn_cli(args, options, out_pipe[1], options.merge ? out_pipe[1] : err_pipe[1]);
    } catch (...) {
        for (const int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) close(fd);
        throw;
    }
    close(out_pipe[1]);
    close(err_pipe[1]);

    // Both pipes are drained together, so a child filling one while the test waits on the other cannot hang.
    CliResult result;
    std::array<pollfd, 2> fds{{{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}}};
    std::array<std::string*, 2> sinks{&result.out, &result.err};
    int open_fds = 2;
    while (open_fds > 0) {
        if (poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (std::size_t k = 0; k < fds.size(); ++k) {
            if (fds[k].fd < 0 || fds[k].revents == 0) continue;
            char buffer[65536];
            const auto n = read(fds[k].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[k]->append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                close(fds[k].fd);
                fds[k].fd = -1;
                --open_fds;
            }
        }
    }
    result.status = detail::wait_for(pid);
    return result;
}

/// `coopecon args...` running in the background, for the tests that signal it while it works. What it prints goes
/// to the files `options` name, else nowhere. A process still running at the end of the test is killed.
class RunningCli {
public:
    explicit RunningCli(const std::vector<std::string>& args, const CliOptions& options = {}) {
        const int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (null < 0) throw std::runtime_error("cannot open /dev/null");
        try {
            pid_ = detail::spawn_cli(args, options, null, null);
        } catch (...) {
            close(null);
            throw;
        }
        close(null);
    }
    RunningCli(const RunningCli&) = delete;
    RunningCli& operator=(const RunningCli&) = delete;
    ~RunningCli() {
        if (status_ < 0) {
            kill(pid_, SIGKILL);
            detail::wait_for(pid_);
        }
    }

    /// Whether it has ended, without waiting.
    bool ended() {
        int wstatus = 0;
        if (status_ < 0 && waitpid(pid_, &wstatus, WNOHANG) == pid_)
            status_ = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
        return status_ >= 0;
    }
    void signal(int sig) const { kill(pid_, sig); }
    /// Waits for the end: the exit code, or 128 + the signal number that killed it.
    int wait() {
        if (status_ < 0) status_ = detail::wait_for(pid_);
        return status_;
    }

private:
    pid_t pid_ = -1;
    int status_ = -1;
};

inline std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The VERSION of `project(coopecon ...)` in CMakeLists.txt, or "" when it cannot be found. (Read by hand:
/// std::regex trips GCC 12's -Wmaybe-uninitialized in the sanitizer build.)
inline std::string cmake_project_version() {
    const auto cmake = read_file(source_dir / "CMakeLists.txt");
    const auto project = cmake.find("project(coopecon");
    const auto keyword = cmake.find("VERSION", project == std::string::npos ? cmake.size() : project);
    if (keyword == std::string::npos) return {};
    const auto start = cmake.find_first_not_of(" \t\n", keyword + 7);
    const auto end = cmake.find_first_not_of("0123456789.", start);
    return start == std::string::npos ? std::string() : cmake.substr(start, end - start);
}

}  // namespace coopecon::test
