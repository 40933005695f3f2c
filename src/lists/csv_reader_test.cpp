#include "lists/csv_reader.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

std::vector<std::vector<std::string>> Rows(const CellTable& t) {
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    auto cells = t.Cells(i);
    rows.emplace_back(cells.begin(), cells.end());
  }
  return rows;
}

using R = std::vector<std::vector<std::string>>;

TEST(CsvReader, SimpleCrlf) {
  auto t = ParseCsv("a,b\r\n1,2\r\n", {});
  ASSERT_TRUE(t);
  EXPECT_EQ(Rows(*t), (R{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(t->rows[1].line, 2);
}

TEST(CsvReader, LastLineWithoutLineEnd) {
  auto t = ParseCsv("a,b\n1,2", {});
  ASSERT_TRUE(t);
  EXPECT_EQ(Rows(*t), (R{{"a", "b"}, {"1", "2"}}));
}

TEST(CsvReader, QuotedFieldsWithDoubledQuotesAndDelimiters) {
  auto t = ParseCsv("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n", {});
  ASSERT_TRUE(t);
  EXPECT_EQ(Rows(*t), (R{{"a", "b"}, {"x, y", "say \"hi\""}}));
}

TEST(CsvReader, EmbeddedNewlinesKeepPhysicalRowNumbers) {
  auto t = ParseCsv("a,b\n1,\"two\r\nlines\"\n2,x\n3,\"\"\n", {});
  ASSERT_TRUE(t);
  ASSERT_EQ(t->rows.size(), 4u);
  EXPECT_EQ(t->Cells(1)[1], "two\r\nlines");
  EXPECT_EQ(t->rows[1].line, 2);
  EXPECT_EQ(t->rows[2].line, 4);  // the record after a two-line cell starts on line 4
  EXPECT_EQ(t->rows[3].line, 5);
  EXPECT_EQ(t->Cells(3)[1], "");
}

TEST(CsvReader, EmptyCellsAndTrailingDelimiter) {
  auto t = ParseCsv("a,b,c\n,,\n1,,\n", {});
  ASSERT_TRUE(t);
  EXPECT_EQ(Rows(*t), (R{{"a", "b", "c"}, {"", "", ""}, {"1", "", ""}}));
}

TEST(CsvReader, EmptyLineIsOneEmptyCell) {
  auto t = ParseCsv("a,b\n\n1,2\n", {});
  ASSERT_TRUE(t);
  EXPECT_EQ(Rows(*t), (R{{"a", "b"}, {""}, {"1", "2"}}));
  EXPECT_EQ(t->rows[2].line, 3);
}

TEST(CsvReader, DetectsSemicolonAndTab) {
  EXPECT_EQ(DetectCsvDelimiter("ПІБ;Дата народження;Частина\n1,2;3"), ';');
  EXPECT_EQ(DetectCsvDelimiter("a\tb\tc\n"), '\t');
  EXPECT_EQ(DetectCsvDelimiter("a,b\n"), ',');
  EXPECT_EQ(DetectCsvDelimiter("\"a;b;c\",d\n"), ',');  // delimiters inside quotes don't count
  EXPECT_EQ(DetectCsvDelimiter("name\n"), ',');
  auto t = ParseCsv("a;b\n\"1;x\";2,5\n", {});
  ASSERT_TRUE(t);
  EXPECT_EQ(Rows(*t), (R{{"a", "b"}, {"1;x", "2,5"}}));
}

TEST(CsvReader, DelimitersInsideHeaderCellsDoNotMislead) {
  EXPECT_EQ(DetectCsvDelimiter("Прізвище, ім'я, по батькові;Стать;Дата\n"
                               "Шевченко Дмитро;ч;1990\nКоваль Ольга;ж;1985\n"),
            ';');
  EXPECT_EQ(DetectCsvDelimiter("Прізвище, ім'я, по батькові\tСтать\r\nШевченко Дмитро\tч\r\n"),
            '\t');
  // Title lines above the header have no delimiter at all.
  EXPECT_EQ(DetectCsvDelimiter("Список військовополонених\n\nПІБ;Стать\nШевченко, Дмитро;ч\n"),
            ';');
  // A quoted cell with newlines and semicolons inside does not disturb the count.
  EXPECT_EQ(DetectCsvDelimiter("id,ПІБ,Примітки\n1,Шевченко,\"a;b\nc;d\"\n2,Коваль,\n"), ',');
}

TEST(CsvReader, UnbalancedQuoteNamesTheRowWhereItBegan) {
  auto t = ParseCsv("a,b\n1,x\n2,\"open\n3,y\n4,z\n", {.delimiter = 0, .file = "q.csv"});
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().where.row, 3);
  EXPECT_EQ(t.error().Describe(),
            "q.csv: row 3: unbalanced quote: the quoted field that starts on this row never "
            "ends, so it swallows the rest of the file; close the quote or double it (\"\")");
}

TEST(CsvReader, TextAfterClosingQuoteIsKept) {
  auto t = ParseCsv("a\n\"ab\"cd\n", {});
  ASSERT_TRUE(t);
  EXPECT_EQ(t->Cells(1)[0], "abcd");
}

TEST(CsvReader, LoneCarriageReturnEndsALine) {
  auto t = ParseCsv("a,b\r1,2\r", {});
  ASSERT_TRUE(t);
  EXPECT_EQ(Rows(*t), (R{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(t->rows[1].line, 2);
}

TEST(CsvReader, EmptyInputHasNoRows) {
  auto t = ParseCsv("", {});
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->rows.empty());
}

TEST(CsvReader, MoreCellsThanHeaderAreParsedAsWritten) {
  // Width is the list reader's concern; the parser must not drop or merge cells.
  auto t = ParseCsv("a,b\n1,2,3\n", {});
  ASSERT_TRUE(t);
  EXPECT_EQ(t->rows[1].count, 3u);
}

}  // namespace
}  // namespace parley
