#include <gtest/gtest.h>

#include "report/papers.h"

namespace parley::report {
namespace {

const Languages kEnglish = {ReportLanguage::kEn};

// The paragraph of a link's paper says which names were compared when not both listed names:
// an alias on either side, or the surname and given name read crossed.
TEST(LinkPaperTest, TheNamesUsedLineSaysAnAliasOrACrossedReading) {
  EXPECT_EQ(
      NamesUsedLine(
          R"([{"field":"surname","level":"exact","weight":4.2},)"
          R"({"field":"name_used","level":"alias","weight":0,"left":"Коваль Іван","right":""}])",
          kEnglish),
      "Matched under another name: Коваль Іван ~ ");
  EXPECT_EQ(NamesUsedLine(R"([{"field":"name_used","level":"crossed","weight":0}])", kEnglish),
            "surname and given name compared crossed (written in each other's columns)");
  EXPECT_NE(NamesUsedLine(R"([{"field":"name_used","level":"crossed","weight":0}])",
                          {ReportLanguage::kUk, ReportLanguage::kRu})
                .find("навхрест"),
            std::string::npos);
  EXPECT_EQ(NamesUsedLine(R"([{"field":"surname","level":"exact","weight":4.2}])", kEnglish), "");
  EXPECT_EQ(NamesUsedLine("not json", kEnglish), "");
}

// A Latin name the linker read by another language's habit carries that habit's note; the
// paper prints the note in its own languages, as the review page does.
TEST(LinkPaperTest, ARespelledNamesHabitIsPrintedInThePapersLanguages) {
  const std::string explanation =
      R"([{"field":"name_used","level":"alias","weight":0,)"
      R"json("left":"","right":"Kravchenko Vyacheslav (Turkish spelling)"}])json";
  EXPECT_EQ(NamesUsedLine(explanation, {ReportLanguage::kUk, ReportLanguage::kRu}),
            "Збіг за іншим іменем / Совпадение по другому имени:  ~ Kravchenko Vyacheslav "
            "(турецьке написання / турецкое написание)");
  EXPECT_EQ(NameAsRead("Sevcenko Taras (unaccented spelling)", {ReportLanguage::kTr}),
            "Sevcenko Taras (aksan işaretleri olmadan)");
  // A name that merely ends in brackets is not a habit's note.
  EXPECT_EQ(NameAsRead("Kravchenko (Turkish)", kEnglish), "Kravchenko (Turkish)");
}

}  // namespace
}  // namespace parley::report
