// Adding an event type touches several places (docs/contributing.md, "Add an event type"). This test walks that
// recipe for every event type, so that a forgotten step fails here: labels in both languages, at least one row
// of the transition table, every key of its payload a field of CSV event rows, and the replay instantiated for
// its payload. Its section of docs/registry-format.md is checked by
// RegistryJson.TheDocumentationDescribesEveryEventAndKey, its rows of docs/transition-table.md by the
// transition table's documentation test.

#include <coopecon/core/enum_text.hpp>
#include <coopecon/history/replay.hpp>
#include <coopecon/io/csv_mapping.hpp>
#include <coopecon/law/transition_table.hpp>
#include <coopecon/model/event.hpp>
#include "json/traits.hpp"

#include <boost/mp11/algorithm.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <variant>

namespace {

using namespace coopecon;

template <class F>
void for_each_event_type(F&& f) {
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<std::variant_size_v<EventData>>>([&](auto I) {
        using Payload = std::variant_alternative_t<decltype(I)::value, EventData>;
        f(static_cast<EventType>(decltype(I)::value), static_cast<const Payload*>(nullptr));
    });
}

TEST(EventTypeRecipe, EveryTypeIsAPayloadOfEventDataInTheSameOrder) {
    EXPECT_EQ(enum_count<EventType>, std::variant_size_v<EventData>);
    for_each_event_type([](EventType type, const auto* payload) {
        using Payload = std::remove_cvref_t<decltype(*payload)>;
        EXPECT_EQ((Event{Date{}, Payload{}}.type()), type) << enum_name(type);
    });
}

TEST(EventTypeRecipe, EveryTypeHasLabelsInBothLanguages) {
    for (const EventType type : enum_values<EventType>()) {
        EXPECT_FALSE(label(type).en.empty()) << enum_name(type);
        EXPECT_FALSE(label(type).vi.empty()) << enum_name(type);
        EXPECT_NE(label(type).en, label(type).vi) << enum_name(type);
    }
}

TEST(EventTypeRecipe, EveryTypeIsAllowedByARowOfTheTransitionTable) {
    for (const EventType type : enum_values<EventType>())
        EXPECT_TRUE(std::any_of(law::transitions.begin(), law::transitions.end(),
                                [&](const law::Transition& t) { return t.event == type; }))
            << enum_name(type) << " has no row in law/transition_table.hpp";
}

TEST(EventTypeRecipe, EveryPayloadKeyIsAFieldOfCsvEventRows) {
    for_each_event_type([](EventType type, const auto* payload) {
        using Payload = std::remove_cvref_t<decltype(*payload)>;
        for (const auto key : json::member_names<Payload>())
            EXPECT_NE(io::find_csv_field(io::CsvRows::events, key), nullptr) << enum_name(type) << "." << key;
    });
}

TEST(EventTypeRecipe, TheReplayIsInstantiatedForEveryPayload) {
    for_each_event_type([](EventType type, const auto* payload) {
        using Payload = std::remove_cvref_t<decltype(*payload)>;
        // Taking its address needs the instantiation of src/history/replay.cpp: a missing one fails to link.
        void (Replay::*apply)(Date, const Payload&) = &Replay::apply<Payload>;
        EXPECT_NE(apply, nullptr) << enum_name(type);
    });
}

}  // namespace
