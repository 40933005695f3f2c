#include "report/report_language.h"

#include <gtest/gtest.h>

namespace parley::report {
namespace {

TEST(ReportLanguage, ParsesTwoOrThreeDistinctCodes) {
  auto two = ParseReportLanguages("uk,ru");
  ASSERT_TRUE(two.has_value());
  EXPECT_EQ(*two, (std::vector{ReportLanguage::kUk, ReportLanguage::kRu}));
  auto three = ParseReportLanguages("tr,en,ru");
  ASSERT_TRUE(three.has_value());
  EXPECT_EQ(three->size(), 3u);
}

TEST(ReportLanguage, RefusesUnknownRepeatedOneOrFourCodesNamingThem) {
  auto unknown = ParseReportLanguages("uk,de");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_NE(unknown.error().message.find("'de'"), std::string::npos);
  auto twice = ParseReportLanguages("uk,uk");
  ASSERT_FALSE(twice.has_value());
  EXPECT_NE(twice.error().message.find("named twice"), std::string::npos);
  EXPECT_FALSE(ParseReportLanguages("uk").has_value());
  EXPECT_FALSE(ParseReportLanguages("uk,ru,en,tr").has_value());
  EXPECT_FALSE(ParseReportLanguages("").has_value());
  EXPECT_FALSE(ParseReportLanguages("uk,").has_value());
}

TEST(ReportLanguage, EveryWordHasATextInEveryLanguage) {
  for (int w = 0; w < static_cast<int>(Word::kCount_); ++w) {
    for (ReportLanguage l : kReportLanguages) {
      EXPECT_FALSE(WordText(l, static_cast<Word>(w)).empty())
          << "word " << w << " in " << LanguageCode(l);
    }
  }
}

TEST(ReportLanguage, LabelsJoinTheLanguagesAndPrintASharedWordOnce) {
  const std::vector langs{ReportLanguage::kUk, ReportLanguage::kRu};
  EXPECT_EQ(Label(langs, Word::kActOfTransfer), "Акт передачі / Акт передачи");
  EXPECT_EQ(StackedLabel(langs, Word::kPhase), "Етап\nЭтап");
  EXPECT_EQ(Label(langs, Word::kPlan), "План");
  EXPECT_EQ(PageLabel({ReportLanguage::kEn, ReportLanguage::kTr}, 2, 5),
            "Page 2 of 5 / Sayfa 2 / 5");
}

}  // namespace
}  // namespace parley::report
