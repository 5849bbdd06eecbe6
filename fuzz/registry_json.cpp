// The registry file (format coopecon-registry): read; when accepted, written, and the written text read back
// to the same text.

#include "harness.hpp"

#include <coopecon/io/registry_json.hpp>

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace coopecon;
    const auto registry = fuzz::accepted([&] { return io::read_registry(fuzz::text_of(data, size), "fuzz.json"); });
    if (!registry) return 0;
    const std::string written = io::write_registry(*registry);
    if (io::write_registry(io::read_registry(written, "written.json")) != written) fuzz::broken();
    return 0;
}
