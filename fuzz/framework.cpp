// The framework file (format coopecon-law): read and checked; a framework accepted can judge a registry.

#include "harness.hpp"

#include <coopecon/law/framework_check.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace coopecon;
    fuzz::accepted([&] { return law::read_checked_framework(fuzz::text_of(data, size), "fuzz.json"); });
    return 0;
}
