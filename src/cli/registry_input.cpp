#include "registry_input.hpp"

#include "arguments.hpp"

#include <coopecon/io/registry_json.hpp>

#include <algorithm>
#include <filesystem>
#include <ios>
#include <new>
#include <system_error>

namespace coopecon::cli {

std::string count_of(std::size_t n, std::string_view singular, std::string_view plural) {
    return concat(std::to_string(n), " ", n == 1 ? singular : plural);
}

LoadedRegistry load_registry(const std::string& file, std::ostream& problems_out, std::ostream& err,
                             std::shared_ptr<const law::Framework> law) {
    auto unreadable = [&](const std::string& why) {
        err << file << ": " << why << '\n';
        return LoadedRegistry{std::nullopt, exit_code::unreadable};
    };
    // A directory opens as a stream on Linux; reading it then throws std::ios_base::failure (caught below too).
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) return unreadable("is a directory, not a registry file");
    try {
        return LoadedRegistry{read_registry_file(file, law ? std::move(law) : law::vietnam()), exit_code::ok};
    } catch (const Error& e) {
        const auto& problems = e.problems();
        const auto io = std::find_if(problems.begin(), problems.end(),
                                     [](const Problem& p) { return p.code == ErrorCode::io; });
        if (io != problems.end()) {
            err << io->to_string() << '\n';
            return LoadedRegistry{std::nullopt, exit_code::unreadable};
        }
        for (const auto& p : problems) problems_out << p.to_string() << '\n';
        problems_out << count_of(problems.size(), "problem", "problems") << " in " << file << '\n';
        return LoadedRegistry{std::nullopt, exit_code::problems};
    } catch (const std::bad_alloc&) {
        return unreadable("not enough memory to read the file");
    } catch (const std::ios_base::failure& e) {
        return unreadable(std::string("cannot read the file: ") + e.what());
    }
}

}  // namespace coopecon::cli
