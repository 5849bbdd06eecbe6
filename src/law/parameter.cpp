#include <coopecon/law/parameter.hpp>

namespace coopecon::law {

std::optional<std::string> value_problem(Param p, std::int64_t v) {
    auto range = [&](std::string_view what, std::int64_t lo, std::int64_t hi) -> std::optional<std::string> {
        if (v >= lo && v <= hi) return std::nullopt;
        return std::string(what) + " must be from " + std::to_string(lo) + " to " + std::to_string(hi) + ", not " +
               std::to_string(v);
    };
    switch (info(p).unit) {
        case Unit::members: return range("a minimum number of members", 1, 1'000'000);
        case Unit::months: return range("a number of months", 0, max_months);
        case Unit::days: return range("a number of days", 0, max_days);
        case Unit::working_days: return range("a number of working days", 0, max_days);
        case Unit::percent: return range("a percentage", 0, 100);
        case Unit::flag:
            if (v == 0 || v == 1) return std::nullopt;
            return "a flag must be 0 or 1, not " + std::to_string(v);
    }
    return std::nullopt;
}

}  // namespace coopecon::law
