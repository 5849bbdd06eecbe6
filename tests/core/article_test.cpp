// Messages built from names take the article the name is read with: "an individual", "an assessed event".

#include <coopecon/core/article.hpp>

#include <gtest/gtest.h>

namespace {

using coopecon::with_article;

TEST(Article, AnBeforeAVowelAndABeforeAConsonant) {
    EXPECT_EQ(with_article("individual"), "an individual");
    EXPECT_EQ(with_article("authority_decision"), "an authority_decision");
    EXPECT_EQ(with_article("ocop_rated"), "an ocop_rated");
    EXPECT_EQ(with_article("household"), "a household");
    EXPECT_EQ(with_article("court_decision"), "a court_decision");
    EXPECT_EQ(with_article(""), "a ");
}

}  // namespace
