#include <coopecon/history/event_log.hpp>

#include <coopecon/core/error.hpp>

#include <string>
#include <variant>

namespace coopecon {

void detail::compact_malformed(const char* why) {
    throw Error(ErrorCode::syntax, std::string("encoded events are damaged: ") + why);
}

std::vector<Event> EventLog::decode() const {
    std::vector<Event> out;
    out.reserve(count_);
    replay_until(Date::max(), [&](Date d, const auto& payload) { out.push_back(Event{d, EventData{payload}}); });
    return out;
}

void EncodedEvents::push_back(const Event& e) {
    if (!e.date.in_calendar())
        throw Error(ErrorCode::invalid_value, "an event dated outside 0001-01-01 to 9999-12-31 cannot be encoded");
    if (count_ > 0 && e.date < last_)
        throw Error(ErrorCode::invalid_value, "an event dated " + e.date.iso() + " after one dated " + last_.iso() +
                                                  ": a history is encoded in date order");
    // Room for a typical history at once (a dozen events of about eight bytes), not a reallocation per doubling.
    if (count_ == 0) bytes_.reserve(128);
    CompactWriter w(bytes_);
    w.event_header(count_ > 0 ? last_ : Date::min(), e.date, e.type());
    std::visit([&](const auto& p) { w.write(p); }, e.data);
    last_ = e.date;
    ++count_;
}

}  // namespace coopecon
