#include <coopecon/core/date.hpp>

namespace coopecon {

namespace {

/// Writes `v` as `width` decimal digits, zero-padded.
void put(char* out, int width, unsigned v) noexcept {
    for (int i = width - 1; i >= 0; --i, v /= 10) out[i] = static_cast<char>('0' + v % 10);
}

}  // namespace

std::string Date::dmy() const {
    if (!in_calendar()) return iso();
    const auto text = iso();
    return text.substr(8, 2) + "/" + text.substr(5, 2) + "/" + text.substr(0, 4);
}

std::string Date::iso() const {
    if (*this >= never()) return "never";
    if (*this <= before_all()) return "before 0001-01-01";
    const auto d = ymd();
    char buf[11];
    put(buf, 4, static_cast<unsigned>(static_cast<int>(d.year())));
    buf[4] = '-';
    put(buf + 5, 2, static_cast<unsigned>(d.month()));
    buf[7] = '-';
    put(buf + 8, 2, static_cast<unsigned>(d.day()));
    return std::string(buf, 10);
}

}  // namespace coopecon
