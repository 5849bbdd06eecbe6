// Dates: the strict ISO reader, the CSV reader in both of its formats, and arithmetic by any count. The input is
// an 8-byte count followed by the text of a date.

#include "harness.hpp"

#include <coopecon/core/date.hpp>
#include <coopecon/io/csv_values.hpp>

#include <cstring>

namespace {

using coopecon::Date;

// What a step of n (days, months or working days) must give from a calendar date: a date in the calendar or one
// of its two ends, never moving against the count's sign.
void check_step(Date from, Date to, std::int64_t n) {
    if (!to.in_calendar() && to != Date::never() && to != Date::before_all()) coopecon::fuzz::broken();
    if ((n > 0 && to < from) || (n < 0 && to > from) || (n == 0 && to != from)) coopecon::fuzz::broken();
}

void check_date(Date d, std::int64_t n) {
    if (!d.in_calendar()) coopecon::fuzz::broken();
    if (Date::parse(d.iso()) != d) coopecon::fuzz::broken();
    if (coopecon::io::parse_date(d.dmy(), coopecon::io::DateFormat::day_month_year).value != d) coopecon::fuzz::broken();
    check_step(d, d.plus_days(n), n);
    check_step(d, d.plus_months(n), n);
    check_step(d, d.plus_working_days(n), n);
    if (n != 0 && d.plus_days(n).plus_days(-n) != d && d.plus_days(n).in_calendar()) coopecon::fuzz::broken();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace coopecon;
    std::int64_t n = 0;
    if (size >= sizeof n) {
        std::memcpy(&n, data, sizeof n);
        data += sizeof n;
        size -= sizeof n;
    }
    const auto text = fuzz::text_of(data, size);
    const auto strict = Date::parse(text);
    if (strict.has_value() != Date::iso_problem(text).empty()) fuzz::broken();
    if (strict) {
        if (strict->iso() != text) fuzz::broken();
        check_date(*strict, n);
    }
    for (const auto format : {io::DateFormat::iso, io::DateFormat::day_month_year}) {
        const auto cell = io::parse_date(text, format);
        if (cell.value.has_value() == cell.error.empty()) fuzz::broken();  // a date, or why not
        if (cell.value) check_date(*cell.value, n);
    }
    return 0;
}
