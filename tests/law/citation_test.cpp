// Legal bases in Vietnamese (law/citation.hpp): the point and clause before the article, the article before the
// act, every citation of the embedded framework translated, and a part of another form kept with its words.

#include <coopecon/core/date_text.hpp>
#include <coopecon/law/citation.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/framework_json.hpp>

#include <support/builders.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

using namespace coopecon;
using coopecon::test::operator""_d;

TEST(Citation, EnglishIsAsWritten) {
    EXPECT_EQ(law::citation_text("Law 17/2023/QH15 Art 103.1e; Decree 92/2024/NĐ-CP Art 53", Lang::en),
              "Law 17/2023/QH15 Art 103.1e; Decree 92/2024/NĐ-CP Art 53");
}

TEST(Citation, VietnameseCitesPointClauseArticleThenTheAct) {
    EXPECT_EQ(law::citation_text("Law 17/2023/QH15 Art 103.1e; Decree 92/2024/NĐ-CP Art 53", Lang::vi),
              "điểm e khoản 1 Điều 103 Luật 17/2023/QH15; Điều 53 Nghị định 92/2024/NĐ-CP");
    EXPECT_EQ(law::citation_text("Law 17/2023/QH15 Art 30.7, 103.1d", Lang::vi),
              "khoản 7 Điều 30, điểm d khoản 1 Điều 103 Luật 17/2023/QH15");
    EXPECT_EQ(law::citation_text("Law 17/2023/QH15 Art 74, 103.1đ", Lang::vi),
              "Điều 74, điểm đ khoản 1 Điều 103 Luật 17/2023/QH15");
    EXPECT_EQ(law::citation_text("Decree 92/2024/NĐ-CP Art 58–59", Lang::vi), "Điều 58–59 Nghị định 92/2024/NĐ-CP");
    EXPECT_EQ(law::citation_text("Civil Code 2015 Art 147.2", Lang::vi), "khoản 2 Điều 147 Bộ luật Dân sự 2015");
    EXPECT_EQ(law::citation_text("Law 23/2012/QH13 Art 31.1 (UNCONFIRMED)", Lang::vi),
              "khoản 1 Điều 31 Luật 23/2012/QH13 (CHƯA XÁC NHẬN)");
    EXPECT_EQ(law::citation_text("Decree 193/2013/NĐ-CP", Lang::vi), "Nghị định 193/2013/NĐ-CP");
    EXPECT_EQ(law::citation_text("as agreed by the members", Lang::vi), "as agreed by the members");
}

TEST(Citation, EveryBasisOfTheEmbeddedFrameworkIsTranslated) {
    for (const auto& [id, timeline] : law::vietnam()->rules())
        for (const auto& period : timeline.periods()) {
            const auto vi = law::citation_text(period.value, Lang::vi);
            EXPECT_EQ(vi.find("Art "), std::string::npos) << id << ": " << vi;
            EXPECT_EQ(vi.find("Law "), std::string::npos) << id << ": " << vi;
            EXPECT_EQ(vi.find("Decree "), std::string::npos) << id << ": " << vi;
        }
}

TEST(Citation, TheFrameworkTitleInEachLanguage) {
    EXPECT_EQ(law::vietnam()->title(Lang::en), "Vietnam: Law on Cooperatives 2012 and 2023 with their decrees");
    EXPECT_EQ(law::vietnam()->title(Lang::vi), "Việt Nam: Luật Hợp tác xã 2012 và 2023 cùng các nghị định hướng dẫn");
    const law::Framework untitled("A framework", {}, {}, {});
    EXPECT_EQ(untitled.title(Lang::vi), "A framework");  // no Vietnamese title: the English one
}

TEST(DateText, IsoInEnglishDayMonthYearInVietnamese) {
    EXPECT_EQ(date_text("2025-03-16"_d, Lang::en), "2025-03-16");
    EXPECT_EQ(date_text("2025-03-16"_d, Lang::vi), "16/03/2025");
    EXPECT_EQ(date_text("0999-01-02"_d, Lang::vi), "02/01/0999");
}

}  // namespace
