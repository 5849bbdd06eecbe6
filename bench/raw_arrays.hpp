#pragma once
// Raw little-endian arrays that numpy reads with np.fromfile, and their numpy type names.

#include <coopecon/core/error.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <type_traits>
#include <vector>

namespace coopecon::bench {

/// numpy's name of an integer or enumeration type: "<i4", "<u1" …
template <class T>
std::string dtype() {
    using U = std::conditional_t<std::is_enum_v<T>, std::underlying_type<T>, std::type_identity<T>>::type;
    return std::string(std::is_signed_v<U> ? "<i" : "<u") + std::to_string(sizeof(U));
}

template <class T>
void write_array(const std::filesystem::path& path, const std::vector<T>& values) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(values.data()), static_cast<std::streamsize>(values.size() * sizeof(T)));
    if (!out) throw Error(ErrorCode::io, "cannot write " + path.string());
}

}  // namespace coopecon::bench
