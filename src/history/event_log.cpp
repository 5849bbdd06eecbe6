#include <coopecon/history/event_log.hpp>

#include <variant>

namespace coopecon {

std::vector<Event> EventLog::decode() const {
    std::vector<Event> out;
    out.reserve(count_);
    replay_until(Date::max(), [&](Date d, const auto& payload) { out.push_back(Event{d, EventData{payload}}); });
    return out;
}

void EncodedEvents::push_back(const Event& e) {
    BinaryWriter w(bytes_);
    w.write(e.date);
    w.write(e.type());
    std::visit([&](const auto& p) { w.write(p); }, e.data);
    last_ = e.date;
    ++count_;
}

}  // namespace coopecon
