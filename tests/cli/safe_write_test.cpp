// Writing --out safely: the old file survives a kill at any moment (SIGKILL leaves it intact; SIGINT and SIGTERM
// also remove the temporary file), links, devices and folders are never replaced, and a link planted where a
// temporary file could be is never followed.

#include "cli_runner.hpp"

#include <signal.h>

#include <chrono>
#include <thread>

namespace coopecon::test {
namespace {

/// The temporary files beside `target` (named .TARGET.*.tmp).
std::vector<fs::path> temporaries(const fs::path& target) {
    std::vector<fs::path> out;
    const auto prefix = "." + target.filename().string() + ".";
    for (const auto& e : fs::directory_iterator(target.parent_path()))
        if (e.path().filename().string().starts_with(prefix)) out.push_back(e.path());
    return out;
}

/// Starts a large `synth --out target`, waits until its temporary file holds at least a megabyte, sends `sig`;
/// returns the exit code, or 128 + the signal that ended it.
int interrupted_synth(const fs::path& target, int sig) {
    RunningCli synth({"synth", "world", "--organizations", "60000", "--out", target.string()});
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    for (bool writing = false; !writing && std::chrono::steady_clock::now() < give_up;) {
        for (const auto& t : temporaries(target)) {
            std::error_code ec;
            writing = writing || fs::file_size(t, ec) > (1u << 20);
        }
        if (!writing) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    synth.signal(sig);
    return synth.wait();
}

TEST(SafeWrite, AKillWhileWritingLeavesTheOldFileIntact) {
    TempDir dir;
    const auto target = dir.write("registry.json", "the old registry\n");
    EXPECT_EQ(interrupted_synth(target, SIGKILL), 128 + SIGKILL);
    EXPECT_EQ(read_file(target), "the old registry\n");
}

TEST(SafeWrite, SigintAndSigtermAlsoRemoveTheTemporaryFile) {
    for (const int sig : {SIGTERM, SIGINT}) {
        TempDir dir;
        const auto target = dir.write("registry.json", "the old registry\n");
        EXPECT_EQ(interrupted_synth(target, sig), 128 + sig);
        EXPECT_EQ(read_file(target), "the old registry\n");
        EXPECT_TRUE(temporaries(target).empty()) << strsignal(sig);
    }
}

TEST(SafeWrite, OnlyRegularFilesAreReplaced) {
    TempDir dir;
    const auto victim = dir.write("victim.txt", "keep me\n");
    fs::create_symlink(victim, dir.path() / "link.json");
    fs::create_directory(dir.path() / "folder.json");
    for (const auto& [out, what] : std::vector<std::pair<std::string, std::string>>{
             {(dir.path() / "link.json").string(), "a symbolic link"},
             {(dir.path() / "folder.json").string(), "a folder"},
             {"/dev/null", "a device, pipe or socket"}}) {
        const auto r = run_cli({"synth", "ca_mau_2023", "--out", out});
        EXPECT_EQ(r.status, 3) << out;
        EXPECT_EQ(r.err, "coopecon synth: " + out + ": is not a regular file (" + what +
                             "); coopecon replaces only regular files\n");
    }
    EXPECT_EQ(read_file(victim), "keep me\n");
    EXPECT_TRUE(fs::is_symlink(dir.path() / "link.json"));
    EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

TEST(SafeWrite, ConcurrentWritersEachLeaveACompleteFile) {
    TempDir dir;
    const auto target = dir.path() / "registry.json";
    std::vector<std::thread> writers;
    std::vector<CliResult> results(4);
    for (std::size_t k = 0; k < results.size(); ++k)
        writers.emplace_back([&, k] { results[k] = run_cli({"synth", "ca_mau_2023", "--out", target.string()}); });
    for (auto& w : writers) w.join();
    for (const auto& r : results) EXPECT_EQ(r.status, 0) << r.err;
    const auto expected = run_cli({"synth", "ca_mau_2023"}).out;
    EXPECT_EQ(read_file(target), expected);
    EXPECT_TRUE(temporaries(target).empty());
}

}  // namespace
}  // namespace coopecon::test
