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
      "Коваль Іван ~ ");
  EXPECT_EQ(NamesUsedLine(R"([{"field":"name_used","level":"crossed","weight":0}])", kEnglish),
            "surname and given name compared crossed (written in each other's columns)");
  EXPECT_NE(NamesUsedLine(R"([{"field":"name_used","level":"crossed","weight":0}])",
                          {ReportLanguage::kUk, ReportLanguage::kRu})
                .find("навхрест"),
            std::string::npos);
  EXPECT_EQ(NamesUsedLine(R"([{"field":"surname","level":"exact","weight":4.2}])", kEnglish), "");
  EXPECT_EQ(NamesUsedLine("not json", kEnglish), "");
}

}  // namespace
}  // namespace parley::report
