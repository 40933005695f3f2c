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

}  // namespace
}  // namespace parley
