// The reform file (format coopecon-reform): read, and when accepted, applied to the embedded law.

#include "harness.hpp"

#include <coopecon/law/framework.hpp>
#include <coopecon/law/framework_json.hpp>
#include <coopecon/law/reform.hpp>
#include <coopecon/law/reform_json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace coopecon;
    const auto reform = fuzz::accepted([&] { return law::read_reform(fuzz::text_of(data, size), "fuzz.json"); });
    if (reform) fuzz::accepted([&] { return law::apply(*law::vietnam(), *reform); });
    return 0;
}
