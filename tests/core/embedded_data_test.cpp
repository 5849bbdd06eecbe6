#include "core/embedded_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using coopecon::detail::embedded_file;
using coopecon::detail::embedded_files;

const fs::path data_root = fs::path(COOPECON_SOURCE_DIR) / "data";

// data/<dir>/*.json for every folder the build embeds, as names relative to data/.
std::vector<std::string> json_files_on_disk() {
    std::vector<std::string> names;
    std::istringstream dirs(COOPECON_DATA_DIRS);
    for (std::string dir; std::getline(dirs, dir, ',');) {
        if (!fs::is_directory(data_root / dir)) continue;
        for (const auto& entry : fs::directory_iterator(data_root / dir))
            if (entry.is_regular_file() && entry.path().extension() == ".json")
                names.push_back(dir + "/" + entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(EmbeddedData, HoldsExactlyTheDataFilesSortedByName) {
    std::vector<std::string> names;
    for (const auto& file : embedded_files()) names.emplace_back(file.name);
    EXPECT_EQ(names, json_files_on_disk());
}

TEST(EmbeddedData, TextIsByteForByteTheFile) {
    for (const auto& file : embedded_files()) {
        const std::string on_disk = read_bytes(data_root / fs::path(std::string(file.name)));
        EXPECT_EQ(file.text.size(), on_disk.size()) << file.name;
        EXPECT_TRUE(file.text == on_disk) << file.name;
    }
}

TEST(EmbeddedData, LookupByName) {
    for (const auto& file : embedded_files()) {
        const auto found = embedded_file(file.name);
        ASSERT_TRUE(found.has_value()) << file.name;
        EXPECT_EQ(found->data(), file.text.data());
    }
    EXPECT_FALSE(embedded_file("law/no-such-file.json"));
    EXPECT_FALSE(embedded_file(""));
}

}  // namespace
