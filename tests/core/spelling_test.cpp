// "Did you mean": the closest spelling among the names allowed, only when it is close enough to be a slip.

#include <coopecon/core/spelling.hpp>

#include <gtest/gtest.h>

#include <array>
#include <string_view>

namespace {

using namespace coopecon;

constexpr std::array<std::string_view, 4> event_types{"member_joined", "member_left", "members_joined", "members_left"};

TEST(Spelling, ALetterAddedDroppedChangedOrSwappedIsASlip) {
    EXPECT_EQ(closest_spelling("member_join", event_types), "member_joined");   // two letters dropped
    EXPECT_EQ(closest_spelling("membres_left", event_types), "members_left");  // two letters swapped
    EXPECT_EQ(closest_spelling("Members_Joined", event_types), "members_joined");  // case is ignored
    EXPECT_EQ(did_you_mean("members_jioned", event_types), "; did you mean members_joined?");
}

TEST(Spelling, NothingIsSuggestedForAFarNameOrAnExactOne) {
    EXPECT_EQ(closest_spelling("members_admitted", event_types), std::nullopt);  // more than a quarter differs
    EXPECT_EQ(closest_spelling("member_left", event_types), std::nullopt);       // it is one of them
    EXPECT_EQ(did_you_mean("", event_types), "");
    EXPECT_EQ(did_you_mean("x", std::span<const std::string_view>{}), "");
}

}  // namespace
