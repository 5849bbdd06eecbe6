// coopecon synth: the same profile and seed give the same bytes, on standard output or in a file; the options
// are checked before anything is generated.

#ifdef COOPECON_CLI_PATH

#include "cli/cli_runner.hpp"

#include <coopecon/io/registry_json.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

namespace coopecon::test {
namespace {

std::string file_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(SynthCommand, TheSameSeedGivesByteIdenticalOutput) {
    const auto first = run_cli({"synth", "ca_mau_2023", "--seed", "7"});
    const auto second = run_cli({"synth", "ca_mau_2023", "--seed=7"});
    ASSERT_EQ(first.status, 0) << first.err;
    EXPECT_EQ(first.err, "");
    EXPECT_EQ(first.out, second.out);
    EXPECT_NE(run_cli({"synth", "ca_mau_2023", "--seed", "8"}).out, first.out);
    const auto registry = io::read_registry(first.out, "stdout");
    EXPECT_TRUE(registry.info().synthetic);
}

TEST(SynthCommand, WritesTheSameBytesToAFile) {
    const auto dir = fs::temp_directory_path() / ("coopecon-synth-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto file = dir / "world.json";
    const auto to_file = run_cli({"synth", "world", "--organizations", "2000", "--out", file.string()});
    ASSERT_EQ(to_file.status, 0) << to_file.err;
    EXPECT_EQ(to_file.out, "");
    EXPECT_EQ(file_text(file), run_cli({"synth", "world", "--organizations", "2000"}).out);
    EXPECT_EQ(io::read_registry(file_text(file), file.string()).size(), 2000u);
    fs::remove_all(dir);
}

TEST(SynthCommand, TheDefaultSeedIsDocumented) {
    EXPECT_EQ(run_cli({"synth", "world", "--organizations", "300"}).out,
              run_cli({"synth", "world", "--organizations", "300", "--seed", "20230831"}).out);
    EXPECT_THAT(run_cli({"synth", "--help"}).out, ::testing::HasSubstr("default: 20230831"));
}

TEST(SynthCommand, RefusesWrongArguments) {
    EXPECT_EQ(run_cli({"synth", "atlantis"}).status, 2);
    EXPECT_EQ(run_cli({"synth", "ca_mau_2023", "--organizations", "10"}).status, 2);
    EXPECT_EQ(run_cli({"synth", "world", "--organizations", "0"}).status, 2);
    EXPECT_EQ(run_cli({"synth", "world", "--seed", "-1"}).status, 2);
    EXPECT_EQ(run_cli({"synth", "world", "--seed", "12x"}).status, 2);
    EXPECT_EQ(run_cli({"synth"}).status, 2);
}

}  // namespace
}  // namespace coopecon::test

#endif
