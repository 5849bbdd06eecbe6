// A user-defined indicator's JSON spec.

#include "harness.hpp"

#include <coopecon/indicators/spec.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace coopecon;
    fuzz::accepted([&] { return indicators::indicator_from_json(fuzz::text_of(data, size)); });
    return 0;
}
