// The scoring rules file (classification schemes, NTM criterion 13.1, OCOP stars).

#include "harness.hpp"

#include <coopecon/scoring/rules.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace coopecon;
    fuzz::accepted([&] { return scoring::read_rules(fuzz::text_of(data, size), "fuzz.json"); });
    return 0;
}
