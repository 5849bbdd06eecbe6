#pragma once
// A calendar date (ngày) as days since 1970-01-01, with strict ISO 8601 text (YYYY-MM-DD).
//
// Four bytes, trivially copyable and totally ordered, so event logs and snapshot columns stay small.
// libstdc++ 12 has the C++20 calendar types but no <format> and no chrono::parse, hence the hand-written I/O.

#include <coopecon/export.hpp>

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace coopecon {

class COOPECON_EXPORT Date {
public:
    constexpr Date() = default;  // 1970-01-01: a valid default keeps value-initialised structs serialisable

    /// The date `days` days after 1970-01-01 (negative: before).
    static constexpr Date from_days(std::int32_t days) noexcept { return Date(days); }

    /// A calendar date, or nullopt when it does not exist (2023-02-30) or the year is outside 1..9999.
    static constexpr std::optional<Date> from_ymd(int year, unsigned month, unsigned day) noexcept {
        if (year < 1 || year > 9999) return std::nullopt;
        const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                              std::chrono::day{day}};
        if (!ymd.ok()) return std::nullopt;
        return Date(static_cast<std::int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count()));
    }

    /// Strict ISO 8601 calendar date: exactly `YYYY-MM-DD`, digits only, year 0001..9999.
    /// `2023-2-3`, `2023-02-30`, `0000-01-01` and `2023-02-03T00:00` are all rejected.
    static constexpr std::optional<Date> parse(std::string_view text) noexcept {
        if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
        int year = 0;
        unsigned month = 0, day = 0;
        if (!digits(text.substr(0, 4), year) || !digits(text.substr(5, 2), month) ||
            !digits(text.substr(8, 2), day))
            return std::nullopt;
        return from_ymd(year, month, day);
    }

    /// Why year/month/day is not a calendar date, in the words every reader of dates uses ("month 4 of 2023 has
    /// 30 days", "there is no month 13", "there is no year 0"); empty when it is one.
    static std::string calendar_problem(int year, unsigned month, unsigned day);

    /// Why `text` is not a strict ISO 8601 date, to follow the text quoted: "is not a calendar date: month 4 of
    /// 2023 has 30 days", or "is not a date written YYYY-MM-DD"; empty when it is one.
    static std::string iso_problem(std::string_view text);

    constexpr std::int32_t days_since_epoch() const noexcept { return days_; }
    constexpr std::chrono::year_month_day ymd() const noexcept {
        return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days_}}};
    }
    constexpr int year() const noexcept { return static_cast<int>(ymd().year()); }
    constexpr unsigned month() const noexcept { return static_cast<unsigned>(ymd().month()); }
    constexpr unsigned day() const noexcept { return static_cast<unsigned>(ymd().day()); }
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    constexpr unsigned iso_weekday() const noexcept {
        return std::chrono::weekday{std::chrono::sys_days{std::chrono::days{days_}}}.iso_encoding();
    }

    /// `YYYY-MM-DD`; "never" for never() and "before 0001-01-01" for before_all().
    std::string iso() const;
    /// `DD/MM/YYYY`, as Vietnamese texts write dates.
    std::string dmy() const;

    /// `n` days later (earlier when negative). Saturates: a result after 9999-12-31 is never(), one before
    /// 0001-01-01 is before_all(), and both stay what they are, so arithmetic on any date with any count is
    /// defined, and a loop that steps towards a calendar date always reaches or passes it.
    constexpr Date plus_days(std::int64_t n) const noexcept {
        return in_calendar() ? saturated(days_ + clamp_count(n)) : saturated(days_);
    }

    /// Calendar-month arithmetic: same day of month, clamped to the month's last day
    /// (2024-01-31 + 1 month = 2024-02-29). This is how "within N months" periods in the law are counted here.
    /// Saturates as plus_days does.
    constexpr Date plus_months(std::int64_t n) const noexcept {
        if (!in_calendar()) return saturated(days_);
        const auto d = ymd();
        const std::int64_t month = static_cast<std::int64_t>(static_cast<int>(d.year())) * 12 +
                                   static_cast<unsigned>(d.month()) - 1 + clamp_count(n);
        if (month >= 10000 * 12) return never();
        if (month < 12) return before_all();
        const std::chrono::year_month shifted{std::chrono::year{static_cast<int>(month / 12)},
                                              std::chrono::month{static_cast<unsigned>(month % 12 + 1)}};
        const auto last = std::chrono::year_month_day_last{shifted.year(), std::chrono::month_day_last{shifted.month()}};
        const auto day = d.day() <= last.day() ? d.day() : last.day();
        return Date(static_cast<std::int32_t>(
            std::chrono::sys_days{std::chrono::year_month_day{shifted.year(), shifted.month(), day}}
                .time_since_epoch()
                .count()));
    }

    /// Working days (ngày làm việc) counted Monday to Friday; public holidays are not modelled.
    /// Constant time: once a step has reached a working day, every five more are seven calendar days.
    constexpr Date plus_working_days(std::int64_t n) const noexcept {
        const int step = n >= 0 ? 1 : -1;
        const std::int64_t count = clamp_count(n);  // before negating: -n overflows for the least int64
        std::int64_t left = count >= 0 ? count : -count;
        const std::int64_t weeks = left > 5 ? (left - 1) / 5 : 0;
        left -= weeks * 5;
        Date d = *this;
        while (left > 0 && d.in_calendar()) {
            d = d.plus_days(step);
            if (d.iso_weekday() <= 5) --left;
        }
        return d.plus_days(step * weeks * 7);
    }

    static constexpr Date min() noexcept { return Date(-719162); }   // 0001-01-01
    static constexpr Date max() noexcept { return Date(2932896); }   // 9999-12-31
    /// After every calendar date: what date arithmetic past 9999-12-31 gives, and the day of what never comes
    /// (written "never"). Not a valid date: files and parsers never hold it.
    static constexpr Date never() noexcept { return Date(2932897); }
    /// Before every calendar date: what date arithmetic before 0001-01-01 gives.
    static constexpr Date before_all() noexcept { return Date(-719163); }
    /// A date of the calendar, 0001-01-01 to 9999-12-31 (not never() nor before_all()).
    constexpr bool in_calendar() const noexcept { return min() <= *this && *this <= max(); }

    friend constexpr auto operator<=>(Date, Date) = default;
    friend constexpr bool operator==(Date, Date) = default;

private:
    constexpr explicit Date(std::int32_t days) noexcept : days_(days) {}

    /// Counts beyond the calendar's span act as the span itself, so sums below cannot overflow.
    static constexpr std::int64_t clamp_count(std::int64_t n) noexcept {
        constexpr std::int64_t span = 2932897 + 719163;
        return n > span ? span : n < -span ? -span : n;
    }
    static constexpr Date saturated(std::int64_t days) noexcept {
        if (days >= never().days_) return never();
        if (days <= before_all().days_) return before_all();
        return Date(static_cast<std::int32_t>(days));
    }

    template <class Int>
    static constexpr bool digits(std::string_view s, Int& out) noexcept {
        Int v = 0;
        for (char c : s) {
            if (c < '0' || c > '9') return false;
            v = static_cast<Int>(v * 10 + static_cast<Int>(c - '0'));
        }
        out = v;
        return true;
    }

    std::int32_t days_ = 0;
};

/// Whole calendar months from `from` to `to` (floor), using the same clamping as Date::plus_months.
constexpr int months_between(Date from, Date to) noexcept {
    int n = (to.year() - from.year()) * 12 + static_cast<int>(to.month()) - static_cast<int>(from.month());
    while (n > 0 && from.plus_months(n) > to) --n;
    while (n < 0 && from.plus_months(n) < to) ++n;
    return n;
}

}  // namespace coopecon
