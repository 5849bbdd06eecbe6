// Uses the installed library through its umbrella header; exits non-zero when something is wrong.
#include <coopecon/coopecon.hpp>

#include <cstdio>

int main() {
    const auto date = coopecon::Date::parse("2024-07-01");
    if (!date || date->iso() != "2024-07-01") {
        std::fputs("coopecon::Date::parse(\"2024-07-01\") failed\n", stderr);
        return 1;
    }
    std::printf("%s\n", date->iso().c_str());
    return 0;
}
