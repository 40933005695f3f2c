#include "lists/csv_writer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace parley {
namespace {

TEST(CsvWriter, QuotesOnlyWhatNeedsIt) {
  std::ostringstream out;
  CsvWriter csv(out);
  csv.WriteRow({"A-1", "Шевченко", "a,b", "say \"hi\"", "two\nlines", ""});
  EXPECT_EQ(out.str(), "A-1,Шевченко,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
}

TEST(CsvWriter, UsesTheChosenDelimiter) {
  std::ostringstream out;
  CsvWriter csv(out, ';');
  std::vector<std::string> row{"a;b", "c,d"};
  csv.WriteRow(row);
  EXPECT_EQ(out.str(), "\"a;b\";c,d\r\n");
}

TEST(CsvWriter, NeutralisesFormulasOnlyWhenAsked) {
  std::vector<std::string> row{"=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-5",
                               "Шевченко"};
  std::ostringstream raw;
  CsvWriter(raw).WriteRow(row);
  EXPECT_EQ(raw.str(),
            "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",+cmd|' /C calc'!A0,-5,Шевченко\r\n");
  std::ostringstream guarded;
  CsvWriter(guarded, ',', CsvCells::kFormulasNeutralised).WriteRow(row);
  EXPECT_EQ(guarded.str(),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'+cmd|' /C calc'!A0\",-5,Шевченко\r\n");
}

}  // namespace
}  // namespace parley
