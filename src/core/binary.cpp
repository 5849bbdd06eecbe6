#include <coopecon/core/binary.hpp>

#include <string>

namespace coopecon {

void BinaryReader::ends_early(std::size_t n) {
    throw Error(ErrorCode::syntax, "binary data ends early: " + std::to_string(n) + " more bytes needed");
}

}  // namespace coopecon
