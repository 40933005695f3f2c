#include "names/internal/csv.h"

#include <gtest/gtest.h>

namespace parley::names::internal {
namespace {

using Fields = std::vector<std::string>;

TEST(NamesCsvTest, PlainRecordsLfAndCrlf) {
  auto r = ParseCsv("a,b\nc,d\r\ne,f", "t.csv");
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].fields, (Fields{"a", "b"}));
  EXPECT_EQ((*r)[1].fields, (Fields{"c", "d"}));
  EXPECT_EQ((*r)[2].fields, (Fields{"e", "f"}));
  EXPECT_EQ((*r)[2].line, 3);
}

TEST(NamesCsvTest, QuotedFieldsWithCommasQuotesAndNewlines) {
  auto r = ParseCsv("\"Shevchenko, D\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\ny,z\n", "t.csv");
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].fields, (Fields{"Shevchenko, D", "say \"hi\""}));
  EXPECT_EQ((*r)[1].fields, (Fields{"two\nlines", "x"}));
  EXPECT_EQ((*r)[2].line, 4);  // the quoted line break counts
}

TEST(NamesCsvTest, BomAndBlankLinesAndEmptyFields) {
  auto r = ParseCsv("\xEF\xBB\xBFname1,name2\n\n,\n\"\",b\n", "t.csv");
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].fields, (Fields{"name1", "name2"}));
  EXPECT_EQ((*r)[1].fields, (Fields{"", ""}));
  EXPECT_EQ((*r)[2].fields, (Fields{"", "b"}));
}

TEST(NamesCsvTest, UnterminatedQuoteIsAnError) {
  auto r = ParseCsv("a,b\n\"open,c\n", "t.csv");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(r.error().where.row, 2);
  EXPECT_EQ(r.error().where.file, "t.csv");
}

TEST(NamesCsvTest, StrayQuoteIsAnError) {
  auto r = ParseCsv("a,b\nab\"c,d\n", "t.csv");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.row, 2);
}

TEST(NamesCsvTest, TextAfterClosingQuoteIsAnError) {
  auto r = ParseCsv("\"a\"b,c\n", "t.csv");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.row, 1);
}

TEST(NamesCsvTest, WriterQuotesOnlyWhenNeededAndRoundTrips) {
  const Fields fields = {"plain", "a,b", "say \"hi\"", "two\nlines", ""};
  std::string out;
  AppendCsvRecord(fields, out);
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
  auto back = ParseCsv(out, "t.csv");
  ASSERT_TRUE(back.has_value());
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ((*back)[0].fields, fields);
}

}  // namespace
}  // namespace parley::names::internal
