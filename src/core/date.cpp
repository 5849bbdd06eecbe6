#include <coopecon/core/date.hpp>

namespace coopecon {

namespace {

/// Writes `v` as `width` decimal digits, zero-padded.
void put(char* out, int width, unsigned v) noexcept {
    for (int i = width - 1; i >= 0; --i, v /= 10) out[i] = static_cast<char>('0' + v % 10);
}

}  // namespace

std::string Date::calendar_problem(int year, unsigned month, unsigned day) {
    if (from_ymd(year, month, day)) return {};
    if (year < 1) return "there is no year 0";
    if (year > 9999) return "years run from 0001 to 9999";
    if (month < 1 || month > 12) return "there is no month " + std::to_string(month);
    if (day < 1) return "there is no day 0";
    const std::chrono::year_month_day_last last{std::chrono::year{year},
                                                std::chrono::month_day_last{std::chrono::month{month}}};
    return "month " + std::to_string(month) + " of " + std::to_string(year) + " has " +
           std::to_string(static_cast<unsigned>(last.day())) + " days";
}

std::string Date::iso_problem(std::string_view text) {
    int year = 0;
    unsigned month = 0, day = 0;
    const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' && digits(text.substr(0, 4), year) &&
                        digits(text.substr(5, 2), month) && digits(text.substr(8, 2), day);
    if (!shaped) return "is not a date written YYYY-MM-DD";
    const auto why = calendar_problem(year, month, day);
    return why.empty() ? why : "is not a calendar date: " + why;
}

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
