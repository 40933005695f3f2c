#include <gtest/gtest.h>

#include "lists/list_file.h"
#include "lists/test_files.h"

namespace parley {
namespace {

using testing_files::Encode;
using testing_files::MakeXlsx;
using testing_files::WriteBytes;
using C = testing_files::XlsxCell;

ListReadOptions Options() {
  ListReadOptions o;
  o.date_bounds.today = PartialDate{2026, 11, 25};
  return o;
}

Result<ListFile> ReadCsv(std::string_view text, const ListReadOptions& options = Options()) {
  return ReadListFile(WriteBytes("list.csv", text), options);
}

// The error of the only reject, described without the scratch directory.
std::string OnlyReject(const ListFile& list) {
  EXPECT_EQ(list.rejects.size(), 1u);
  if (list.rejects.empty()) return "";
  Error e = list.rejects[0].error;
  e.where.file = std::filesystem::path(e.where.file).filename().string();
  return e.Describe();
}

TEST(ListReader, ReadsCanonicalColumns) {
  auto list = ReadCsv(
      "id,surname,given_name,patronymic,birth_date,service_number,rank,unit,sex,category,notes\n"
      "A-1,Шевченко,Дмитро,Олександрович,1991-03-07,12345,солдат,А1234,ч,військовий,\n");
  ASSERT_TRUE(list) << list.error().Describe();
  ASSERT_EQ(list->records.size(), 1u);
  const PersonRecord& r = list->records[0];
  EXPECT_EQ(r.id, "A-1");
  EXPECT_EQ(r.surname, "Шевченко");
  EXPECT_EQ(r.patronymic, "Олександрович");
  EXPECT_EQ(r.birth_date, (PartialDate{1991, 3, 7}));
  EXPECT_EQ(r.service_number, "12345");
  EXPECT_EQ(r.unit, "А1234");
  EXPECT_EQ(r.source_row, 2);
  EXPECT_EQ(list->name_order, "split columns");
  EXPECT_EQ(list->encoding, "utf-8");
  EXPECT_EQ(list->format, ListFormat::kCsv);
}

TEST(ListReader, SplitsFullNameAndKeepsExtraColumns) {
  auto list = ReadCsv(
      "№;ПІБ;Група крові;Дата народження\n"
      "1; Шевченко Дмитро Олександрович ;II+;07.1991\n");
  ASSERT_TRUE(list) << list.error().Describe();
  ASSERT_EQ(list->records.size(), 1u);
  const PersonRecord& r = list->records[0];
  EXPECT_EQ(r.full_name, "Шевченко Дмитро Олександрович");
  EXPECT_EQ(r.surname, "Шевченко");
  EXPECT_EQ(r.given_name, "Дмитро");
  EXPECT_EQ(r.patronymic, "Олександрович");
  EXPECT_EQ(r.birth_date, (PartialDate{1991, 7, 0}));
  EXPECT_EQ(r.Extra("Група крові"), "II+");
  EXPECT_EQ(list->canonical_columns,
            (std::vector<std::string>{"id", "full_name", "", "birth_date"}));
  EXPECT_EQ(list->name_order, "surname-first");
}

TEST(ListReader, DetectsGivenFirstOrderForTheFile) {
  auto list = ReadCsv("Full name\nDmytro Oleksandrovych Shevchenko\nOlha Ivanivna Koval\n");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->name_order, "given-first");
  EXPECT_EQ(list->records[1].surname, "Koval");
  EXPECT_EQ(list->records[1].patronymic, "Ivanivna");
}

TEST(ListReader, NameOrderCanBeForced) {
  // Without patronymics there is no vote, so the list is taken as surname-first; a row's own
  // words still turn it round (a known given name before a word that is none).
  auto detected = ReadCsv("Name\nDmytro Shevchenko\nРоман Максим\n");
  ASSERT_TRUE(detected);
  EXPECT_EQ(detected->name_order, "surname-first");
  EXPECT_EQ(detected->records[0].surname, "Shevchenko");
  EXPECT_EQ(detected->records[1].surname, "Роман");
  ListReadOptions o = Options();
  o.name_order = "given-first";
  auto forced = ReadCsv("Name\nDmytro Shevchenko\nРоман Максим\n", o);
  ASSERT_TRUE(forced);
  EXPECT_EQ(forced->name_order, "given-first");
  EXPECT_EQ(forced->records[0].surname, "Shevchenko");
  EXPECT_EQ(forced->records[1].surname, "Максим");
  // A declared order binds a row against its own words, unless the clerk marked the surname.
  o.name_order = "surname-first";
  forced = ReadCsv("Name\nDmytro Shevchenko\nDmytro SHEVCHENKO\n", o);
  ASSERT_TRUE(forced);
  EXPECT_EQ(forced->records[0].surname, "Dmytro");
  EXPECT_EQ(forced->records[0].given_name, "Shevchenko");
  EXPECT_EQ(forced->records[1].surname, "SHEVCHENKO");
  o.name_order = "last-first";
  auto bad = ReadCsv("Name\nDmytro Shevchenko\n", o);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message,
            "unknown name order 'last-first'; use surname-first or given-first");
}

TEST(ListReader, GeneratesRowIdsWithoutAnIdColumn) {
  auto list = ReadCsv("ПІБ\nШевченко Дмитро\n\"Коваль\nОльга\"\nБондар Ігор\n");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->records.size(), 3u);
  EXPECT_EQ(list->records[0].id, "row-2");
  EXPECT_EQ(list->records[1].id, "row-3");
  EXPECT_EQ(list->records[2].id, "row-5");  // the quoted name spans lines 3 and 4
}

TEST(ListReader, SkipsEmptyRowsSilentlyAndPadsShortRows) {
  auto list = ReadCsv("id,ПІБ,Примітки\n1,Шевченко Дмитро\n,,\n\n , \n2,Коваль Ольга,x\n");
  ASSERT_TRUE(list) << list.error().Describe();
  EXPECT_EQ(list->records.size(), 2u);
  EXPECT_TRUE(list->rejects.empty());
  EXPECT_EQ(list->records[0].notes, "");
}

TEST(ListReader, SkipsTitleRowsAboveTheHeader) {
  auto list = ReadCsv(
      "Список військовополонених;;\nстаном на 01.11.2026;;\n\n№;ПІБ;Звання\n"
      "1;Шевченко Дмитро;солдат\n");
  ASSERT_TRUE(list) << list.error().Describe();
  EXPECT_EQ(list->header_row, 4);
  EXPECT_EQ(list->header, (std::vector<std::string>{"№", "ПІБ", "Звання"}));
  ASSERT_EQ(list->records.size(), 1u);
  EXPECT_EQ(list->records[0].rank, "солдат");
  EXPECT_EQ(list->records[0].source_row, 5);
}

TEST(ListReader, ColumnsWithoutHeaderGetANameWhenTheyHoldData) {
  auto list = ReadCsv("id,ПІБ,\n1,Шевченко Дмитро,\n2,Коваль Ольга,тел. 123\n");
  ASSERT_TRUE(list) << list.error().Describe();
  ASSERT_EQ(list->records.size(), 2u);
  EXPECT_TRUE(list->records[0].extra.empty());
  EXPECT_EQ(list->records[1].extra, (std::vector<ExtraField>{{"column 3", "тел. 123"}}));
}

TEST(ListReader, RepeatedExtraColumnNamesStayDistinct) {
  auto list = ReadCsv("ПІБ,Телефон,Телефон\nШевченко Дмитро,111,222\n");
  ASSERT_TRUE(list) << list.error().Describe();
  EXPECT_EQ(list->records[0].extra,
            (std::vector<ExtraField>{{"Телефон", "111"}, {"Телефон (3)", "222"}}));
}

TEST(ListReader, AliasesColumnIsKeptUnderOneNameWhateverItsHeader) {
  for (std::string header : {"Псевдоніми", "Інші імена", "Псевдонимы", "Другие имена", "aka",
                             "Also known as", "also_known_as", "aliases"}) {
    auto list = ReadCsv("ПІБ,Стать," + header + ",Псевдоніми\n" +
                        "Шевченко Дмитро,ч, Коваль Дмитро ; Шевчук Дмитро|Шевченко Д. ,x\n");
    ASSERT_TRUE(list) << list.error().Describe();
    const PersonRecord& r = list->records[0];
    // The first aliases column is "aliases"; a second keeps its own header as an extra.
    EXPECT_EQ(r.Extra("aliases"), "Коваль Дмитро ; Шевчук Дмитро|Шевченко Д.") << header;
    EXPECT_EQ(r.Aliases(),
              (std::vector<std::string>{"Коваль Дмитро", "Шевчук Дмитро", "Шевченко Д."}));
  }
  PersonRecord none;
  EXPECT_TRUE(none.Aliases().empty());
  none.extra.push_back({"aliases", " ; | "});
  EXPECT_TRUE(none.Aliases().empty());
}

TEST(ListReader, UsesFullNameWhenSplitColumnsAreEmpty) {
  auto list = ReadCsv("Прізвище,Ім'я,ПІБ\nКоваль,Ольга,\n,,Шевченко Дмитро\n");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->records.size(), 2u);
  EXPECT_EQ(list->records[1].surname, "Шевченко");
  EXPECT_EQ(list->records[1].given_name, "Дмитро");
}

TEST(ListReader, ColumnMapOverrides) {
  ListReadOptions o = Options();
  o.column_map = {{"Особа", "full_name"}, {"Код", "id"}};
  auto list = ReadCsv("Код,Особа\nK7,Шевченко Дмитро\n", o);
  ASSERT_TRUE(list) << list.error().Describe();
  EXPECT_EQ(list->records[0].id, "K7");
  EXPECT_EQ(list->records[0].surname, "Шевченко");
}

// --- One test per way a row can be wrong ---------------------------------------------------

TEST(ListReader, RejectsRowWithoutName) {
  auto list = ReadCsv("id,Прізвище,Ім'я,Дата народження\n1,Коваль,Ольга,\n2,,,1990\n");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->records.size(), 1u);
  EXPECT_EQ(OnlyReject(*list),
            "list.csv: row 3, column 2 (Прізвище): no name: the name cells of this row are "
            "empty");
  EXPECT_EQ(list->rejects[0].cells, (std::vector<std::string>{"2", "", "", "1990"}));
}

TEST(ListReader, RejectsDuplicateIdNamingBothRows) {
  auto list = ReadCsv("№,ПІБ\n7,Шевченко Дмитро\n8,Коваль Ольга\n7,Бондар Ігор\n");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->records.size(), 2u);
  EXPECT_EQ(OnlyReject(*list),
            "list.csv: row 4, column 1 (№): duplicate id '7': row 2 has the same id");
}

TEST(ListReader, RejectsEmptyId) {
  auto list = ReadCsv("id,ПІБ\n,Шевченко Дмитро\n");
  ASSERT_TRUE(list);
  EXPECT_EQ(OnlyReject(*list),
            "list.csv: row 2, column 1 (id): empty id: every row needs its own id");
}

TEST(ListReader, RejectsImpossibleDate) {
  auto list = ReadCsv("ПІБ,Дата народження\nШевченко Дмитро,31.02.1990\n");
  ASSERT_TRUE(list);
  EXPECT_TRUE(list->records.empty());
  EXPECT_EQ(OnlyReject(*list),
            "list.csv: row 2, column 2 (Дата народження): invalid birth date: date "
            "'31.02.1990' is impossible: month 2 of 1990 has 28 days");
}

// Control characters are refused, naming row, column and character, and never printed: the
// ESC of a terminal sequence in a name, a NUL in an extra column, a C1 CSI in a date.
TEST(ListReader, RejectsControlCharactersInCells) {
  auto list = ReadCsv(
      "id,ПІБ,Дата народження,Примітки\n"
      "1,Шевченко\x1b[2J Дмитро,1990,\n"
      "2,Коваль Ольга,1985," +
      std::string("a\0b", 3) +
      "\n"
      "3,Мельник Юрій,\xC2\x9B"
      "1990,\n"
      "4,Лисенко Олег,1988,\"two\tlines\r\nkept\"\n");
  ASSERT_TRUE(list) << list.error().Describe();
  ASSERT_EQ(list->rejects.size(), 3u);
  ASSERT_EQ(list->records.size(), 1u);
  EXPECT_EQ(list->records[0].notes, "two\tlines\r\nkept");
  auto describe = [&](std::size_t i) {
    Error e = list->rejects[i].error;
    e.where.file.clear();
    return e.Describe();
  };
  EXPECT_EQ(describe(0),
            "row 2, column 2 (ПІБ): control character U+001B (ESC) at character 9 of the cell: "
            "parley does not keep control characters, which act on a terminal when printed; "
            "remove it from the file");
  EXPECT_TRUE(describe(1).starts_with("row 3, column 4 (Примітки): control character U+0000 (NUL)"))
      << describe(1);
  EXPECT_NE(describe(2).find("row 4, column 3 (Дата народження): control character U+009B (CSI)"),
            std::string::npos)
      << describe(2);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(describe(i).find_first_of(std::string("\x1b\0", 2)), std::string::npos);
    EXPECT_EQ(describe(i).find("\xC2\x9B"), std::string::npos);
  }
}

TEST(ListReader, ControlCharacterInTheHeaderIsAFileError) {
  auto list = ReadCsv("id,Прізвище\x1b]0;title\x07,Ім'я\n1,Шевченко,Дмитро\n");
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().where.row, 1);
  EXPECT_EQ(list.error().where.column, 2);
  EXPECT_NE(list.error().message.find("U+001B (ESC) at character 9"), std::string::npos)
      << list.error().message;
}

TEST(ListReader, RejectsYear1812) {
  auto list = ReadCsv("ПІБ,Дата народження\nШевченко Дмитро,1812\n");
  ASSERT_TRUE(list);
  std::string reason = OnlyReject(*list);
  EXPECT_TRUE(
      reason.starts_with("list.csv: row 2, column 2 (Дата народження): invalid birth "
                         "date: date '1812' has year 1812, before 1900"))
      << reason;
}

TEST(ListReader, RejectsFutureDate) {
  auto list = ReadCsv("ПІБ,Дата народження\nШевченко Дмитро,01.12.2026\n");
  ASSERT_TRUE(list);
  EXPECT_EQ(OnlyReject(*list),
            "list.csv: row 2, column 2 (Дата народження): invalid birth date: date "
            "'01.12.2026' is in the future (today is 2026-11-25)");
}

TEST(ListReader, RejectsUnreadableDate) {
  auto list = ReadCsv("ПІБ,DOB\nШевченко Дмитро,березень 1990\n");
  ASSERT_TRUE(list);
  std::string reason = OnlyReject(*list);
  EXPECT_TRUE(
      reason.starts_with("list.csv: row 2, column 2 (DOB): invalid birth date: cannot "
                         "read date 'березень 1990'"))
      << reason;
}

TEST(ListReader, RejectsRowWithMoreCellsThanHeader) {
  auto list = ReadCsv("id,ПІБ\n1,Шевченко, Дмитро\n2,Коваль Ольга,\n");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->records.size(), 1u);  // row 3's trailing empty cell is harmless
  EXPECT_EQ(OnlyReject(*list),
            "list.csv: row 2, column 3: the row has 3 cells but the header has 2; a cell "
            "probably holds an unquoted delimiter");
}

TEST(ListReader, CollectsEveryReject) {
  auto list = ReadCsv(
      "id,ПІБ,Дата народження\n"
      "1,Шевченко Дмитро,31.02.1990\n"
      "2,Коваль Ольга,1985\n"
      "2,Бондар Ігор,\n"
      "3,,\n"
      "4,Мельник Юрій,1812\n");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->records.size(), 1u);
  ASSERT_EQ(list->rejects.size(), 4u);
  std::vector<std::int64_t> rows;
  for (const auto& r : list->rejects) rows.push_back(r.error.where.row);
  EXPECT_EQ(rows, (std::vector<std::int64_t>{2, 4, 5, 6}));
}

// --- Errors that make the whole file unreadable --------------------------------------------

TEST(ListReader, BrokenUtf8IsAFileError) {
  auto list = ReadCsv("id,ПІБ\n1,Шевченко Дмитро\n2,\xCA\xEE\xE2\xE0\xEB\xFC\n");
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().where.row, 3);
  EXPECT_NE(list.error().message.find("broken UTF-8 at byte 44 (line 3)"), std::string::npos)
      << list.error().message;
}

TEST(ListReader, UnbalancedQuoteIsAFileError) {
  auto list = ReadCsv("id,ПІБ\n1,Шевченко Дмитро\n2,\"Коваль Ольга\n3,Бондар Ігор\n");
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().where.row, 3);
  EXPECT_TRUE(list.error().message.starts_with("unbalanced quote")) << list.error().message;
}

TEST(ListReader, NoNameColumnIsAFileError) {
  auto list = ReadCsv("\n№,Дата народження\n1,1990\n");
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().where.row, 2);  // the first non-empty line is taken for the header
  EXPECT_TRUE(list.error().message.ends_with("recognised: id (№), birth_date (Дата народження)"))
      << list.error().message;
}

TEST(ListReader, ConflictingMappingIsAFileError) {
  auto list = ReadCsv("ПІБ,ФИО\na,b\n");
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().where.column, 2);
  EXPECT_NE(list.error().message.find("both mean full_name"), std::string::npos);
}

TEST(ListReader, EmptyFileIsAnError) {
  auto list = ReadCsv("\n\n");
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().message, "the file is empty: no header row");
}

TEST(ListReader, UnknownExtensionIsAnError) {
  auto list = ReadListFile(WriteBytes("list.xls", "x"), Options());
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().message,
            "cannot tell the list format from the extension '.xls'; use .csv, .tsv, .txt or "
            ".xlsx (save .xls files as .xlsx)");
}

TEST(ListReader, MissingFileIsNotFound) {
  auto list = ReadListFile(testing_files::ScratchPath("absent.csv"), Options());
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().code, ErrorCode::kNotFound);
}

// --- The same Ukrainian list in every encoding and as XLSX ---------------------------------

constexpr std::string_view kUkrainianList =
    "№;ПІБ;Дата народження;Військова частина;Примітки\r\n"
    "1;Дем'яненко Ігор Васильович;07.03.1991;А1234;\"поранений; потребує допомоги\"\r\n"
    "2;Коваль Ольга Іванівна;1985;;Ім’я за паспортом\r\n"
    "3;Мельник Юрій Петрович;05.1979;В0001;\r\n";

std::vector<PersonRecord> Expected() {
  auto list = ReadListFile(WriteBytes("expected.csv", kUkrainianList), Options());
  EXPECT_TRUE(list);
  return list ? list->records : std::vector<PersonRecord>{};
}

void ExpectSameRecords(const ListFile& list, const std::vector<PersonRecord>& expected) {
  EXPECT_TRUE(list.rejects.empty());
  ASSERT_EQ(list.records.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_TRUE(list.records[i].SameContent(expected[i])) << "record " << i;
  }
}

TEST(ListReader, ExpectedUkrainianListIsRight) {
  auto records = Expected();
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].surname, "Дем'яненко");
  EXPECT_EQ(records[0].patronymic, "Васильович");
  EXPECT_EQ(records[0].birth_date, (PartialDate{1991, 3, 7}));
  EXPECT_EQ(records[0].unit, "А1234");
  EXPECT_EQ(records[0].notes, "поранений; потребує допомоги");
  EXPECT_EQ(records[1].notes, "Ім’я за паспортом");
  EXPECT_EQ(records[2].birth_date, (PartialDate{1979, 5, 0}));
}

TEST(ListReader, SameListInEveryEncoding) {
  auto expected = Expected();
  struct Case {
    std::string name;
    std::string bytes;
    std::string encoding;
  };
  const Case cases[] = {
      {"utf8.csv", std::string(kUkrainianList), "utf-8"},
      {"bom.csv", "\xEF\xBB\xBF" + std::string(kUkrainianList), "utf-8-bom"},
      {"le.csv", "\xFF\xFE" + Encode(kUkrainianList, "UTF-16LE"), "utf-16le"},
      {"be.txt", Encode(kUkrainianList, "UTF-16BE"), "utf-16be"},
      {"cp1251.csv", Encode(kUkrainianList, "windows-1251"), "windows-1251"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto list = ReadListFile(WriteBytes(c.name, c.bytes), Options());
    ASSERT_TRUE(list) << list.error().Describe();
    EXPECT_EQ(list->encoding, c.encoding);
    ExpectSameRecords(*list, expected);
  }
}

TEST(ListReader, SameListAsXlsx) {
  auto path = MakeXlsx(
      "list.xlsx",
      {{C::Text("№"), C::Text("ПІБ"), C::Text("Дата народження"), C::Text("Військова частина"),
        C::Text("Примітки")},
       {C::Number(1), C::Text("Дем'яненко Ігор Васильович"), C::Date(33304), C::Text("А1234"),
        C::Text("поранений; потребує допомоги")},
       {C::Number(2), C::Text("Коваль Ольга Іванівна"), C::Number(1985), C{},
        C::Text("Ім’я за паспортом")},
       {C::Number(3), C::Text(" Мельник Юрій Петрович"), C::Text("05.1979"), C::Text("В0001")}});
  auto list = ReadListFile(path, Options());
  ASSERT_TRUE(list) << list.error().Describe();
  EXPECT_EQ(list->format, ListFormat::kXlsx);
  ExpectSameRecords(*list, Expected());
}

TEST(ListReader, XlsxRejectsUseSheetRowNumbers) {
  auto path = MakeXlsx("bad.xlsx", {{C::Text("ПІБ"), C::Text("DOB")},
                                    {C::Text("Шевченко Дмитро"), C::Text("1990")},
                                    {},
                                    {C::Text("Коваль Ольга"), C::Text("31.02.1990")}});
  auto list = ReadListFile(path, Options());
  ASSERT_TRUE(list);
  EXPECT_EQ(OnlyReject(*list),
            "bad.xlsx: row 4, column 2 (DOB): invalid birth date: date '31.02.1990' is "
            "impossible: month 2 of 1990 has 28 days");
}

TEST(ListReader, XlsxSheetByName) {
  auto path =
      MakeXlsx("named.xlsx", {{C::Text("ПІБ")}, {C::Text("Шевченко Дмитро")}}, "Список", true);
  ListReadOptions o = Options();
  o.sheet = "Список";
  auto list = ReadListFile(path, o);
  ASSERT_TRUE(list) << list.error().Describe();
  EXPECT_EQ(list->records.size(), 1u);
}

}  // namespace
}  // namespace parley
