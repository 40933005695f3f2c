#include "lists/xlsx_reader.h"

#include <gtest/gtest.h>

#include "lists/test_files.h"

namespace parley {
namespace {

using testing_files::MakeXlsx;
using testing_files::ScratchPath;
using C = testing_files::XlsxCell;

std::vector<std::string> Row(const CellTable& t, std::size_t i) {
  auto cells = t.Cells(i);
  return {cells.begin(), cells.end()};
}

TEST(XlsxReader, ExcelSerialDates) {
  EXPECT_EQ(ExcelSerialToIso(1, false), "1900-01-01");
  EXPECT_EQ(ExcelSerialToIso(59, false), "1900-02-28");
  EXPECT_EQ(ExcelSerialToIso(61, false), "1900-03-01");
  EXPECT_EQ(ExcelSerialToIso(33304, false), "1991-03-07");
  EXPECT_EQ(ExcelSerialToIso(33304.75, false), "1991-03-07");  // the time of day is dropped
  EXPECT_EQ(ExcelSerialToIso(31842, true), "1991-03-07");
  EXPECT_EQ(ExcelSerialToIso(0, false), "");
  EXPECT_EQ(ExcelSerialToIso(-5, false), "");
}

TEST(XlsxReader, StringsNumbersDatesBooleansAndGaps) {
  auto path =
      MakeXlsx("a.xlsx",
               {
                   {C::Text("№"), C::Text("ПІБ"), C::Text("Дата"), C::Text("Ріст"), C::Text("Так")},
                   {C::Number(7), C::Text("Шевченко Дмитро"), C::Date(33304), C::Number(1.75),
                    C::Bool(true)},
                   {C::Number(1234567), C{}, C{}, C::Number(-3), C::Bool(false)},
               });
  auto t = ReadXlsxSheet(path, "");
  ASSERT_TRUE(t) << t.error().Describe();
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(Row(*t, 0), (std::vector<std::string>{"№", "ПІБ", "Дата", "Ріст", "Так"}));
  EXPECT_EQ(Row(*t, 1),
            (std::vector<std::string>{"7", "Шевченко Дмитро", "1991-03-07", "1.75", "TRUE"}));
  EXPECT_EQ(Row(*t, 2), (std::vector<std::string>{"1234567", "", "", "-3", "FALSE"}));
  EXPECT_EQ(t->rows[2].line, 3);
}

TEST(XlsxReader, RowNumbersAreTheSheetsOwn) {
  auto path = MakeXlsx("gaps.xlsx", {{C::Text("ПІБ")}, {}, {}, {C{}, C{}, C::Text("x")}});
  auto t = ReadXlsxSheet(path, "");
  ASSERT_TRUE(t);
  ASSERT_EQ(t->rows.size(), 2u);  // rows 2 and 3 are not in the file at all
  EXPECT_EQ(t->rows[1].line, 4);
  EXPECT_EQ(Row(*t, 1), (std::vector<std::string>{"", "", "x"}));  // placed by r="C4"
}

TEST(XlsxReader, CustomDateFormatsAndNonDates) {
  auto path = MakeXlsx("fmt.xlsx", {{C::Date(33304)}}, "list", false, "yyyy-mm-dd");
  auto t = ReadXlsxSheet(path, "");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->Cells(0)[0], "1991-03-07");
  auto minutes = MakeXlsx("time.xlsx", {{C::Date(33304.5)}}, "list", false, "hh:mm");
  auto t2 = ReadXlsxSheet(minutes, "");
  ASSERT_TRUE(t2);
  EXPECT_EQ(t2->Cells(0)[0], "33304.5");  // a time is not a date
  auto literal = MakeXlsx("lit.xlsx", {{C::Date(12)}}, "list", false, "\"day \"0");
  auto t3 = ReadXlsxSheet(literal, "");
  ASSERT_TRUE(t3);
  EXPECT_EQ(t3->Cells(0)[0], "12");  // the d in a quoted literal does not make a date
}

TEST(XlsxReader, RichTextRunsAreJoined) {
  auto path = ScratchPath("rich.xlsx");
  lxw_workbook* wb = workbook_new(path.string().c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_rich_string_tuple a = {bold, const_cast<char*>("ШЕВЧЕНКО")};
  lxw_rich_string_tuple b = {nullptr, const_cast<char*>(" Дмитро")};
  lxw_rich_string_tuple* runs[] = {&a, &b, nullptr};
  worksheet_write_rich_string(ws, 0, 0, runs, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  auto t = ReadXlsxSheet(path, "");
  ASSERT_TRUE(t) << t.error().Describe();
  EXPECT_EQ(t->Cells(0)[0], "ШЕВЧЕНКО Дмитро");
}

TEST(XlsxReader, InlineStringsFromConstantMemoryWriters) {
  auto path = ScratchPath("inline.xlsx");
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.string().c_str(), &options);
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  worksheet_write_string(ws, 0, 0, "007", nullptr);
  worksheet_write_string(ws, 0, 2, "Коваль & <Ольга>", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  auto t = ReadXlsxSheet(path, "");
  ASSERT_TRUE(t) << t.error().Describe();
  EXPECT_EQ(Row(*t, 0), (std::vector<std::string>{"007", "", "Коваль & <Ольга>"}));
}

TEST(XlsxReader, SheetByName) {
  auto path = MakeXlsx("named.xlsx", {{C::Text("ПІБ")}}, "Полонені", true);
  auto first = ReadXlsxSheet(path, "");
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->rows.empty());  // the empty cover sheet comes first
  auto named = ReadXlsxSheet(path, "Полонені");
  ASSERT_TRUE(named);
  EXPECT_EQ(named->Cells(0)[0], "ПІБ");
}

TEST(XlsxReader, MissingSheetListsTheSheets) {
  auto path = MakeXlsx("named.xlsx", {{C::Text("ПІБ")}}, "Полонені", true);
  auto t = ReadXlsxSheet(path, "Лист1");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().message, "the workbook has no sheet 'Лист1'; it has 'cover', 'Полонені'");
}

// --- Hand-made packages: what other writers produce, and damage -----------------------------

using testing_files::MakeZip;
using testing_files::MinimalWorkbook;

TEST(XlsxReader, SharedStringsWithRichTextAndPhoneticRuns) {
  auto path =
      MakeZip("ss.xlsx", MinimalWorkbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c>"
                                         "<c r=\"B1\" t=\"s\"><v>0</v></c></row>",
                                         "<si><t>ПІБ</t></si>"
                                         "<si><r><rPr><b/></rPr><t>ШЕВЧЕНКО</t></r><r><t xml:space="
                                         "\"preserve\"> Дмитро</t></r><rPh><t>x</t></rPh></si>"));
  auto t = ReadXlsxSheet(path, "");
  ASSERT_TRUE(t) << t.error().Describe();
  EXPECT_EQ(Row(*t, 0), (std::vector<std::string>{"ШЕВЧЕНКО Дмитро", "ПІБ"}));
}

TEST(XlsxReader, CellsAndRowsWithoutReferencesFollowTheirNeighbours) {
  auto path =
      MakeZip("noref.xlsx", MinimalWorkbook("<row><c t=\"inlineStr\"><is><t>a</t></is></c>"
                                            "<c><v>2</v></c></row>"
                                            "<row><c r=\"C2\" t=\"str\"><f>1+1</f><v>x</v></c>"
                                            "<c t=\"e\"><v>#N/A</v></c></row>"));
  auto t = ReadXlsxSheet(path, "");
  ASSERT_TRUE(t) << t.error().Describe();
  EXPECT_EQ(Row(*t, 0), (std::vector<std::string>{"a", "2"}));
  EXPECT_EQ(t->rows[1].line, 2);
  EXPECT_EQ(Row(*t, 1), (std::vector<std::string>{"", "", "x", "#N/A"}));
}

TEST(XlsxReader, Date1904SystemAndIsoDateCells) {
  std::string styles =
      "<styleSheet><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>"
      "</styleSheet>";
  auto path = MakeZip("1904.xlsx", MinimalWorkbook("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>31842</v>"
                                                   "</c><c r=\"B1\" t=\"d\"><v>1991-03-07T00:00:00"
                                                   "</v></c><c r=\"C1\"><v>31842</v></c></row>",
                                                   "", styles, "<workbookPr date1904=\"1\"/>"));
  auto t = ReadXlsxSheet(path, "");
  ASSERT_TRUE(t) << t.error().Describe();
  EXPECT_EQ(Row(*t, 0), (std::vector<std::string>{"1991-03-07", "1991-03-07", "31842"}));
}

TEST(XlsxReader, DamagedSheetXmlIsAnError) {
  auto parts = MinimalWorkbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
  parts[2].second.resize(parts[2].second.size() - 20);  // cut off the end
  auto t = ReadXlsxSheet(MakeZip("cut.xlsx", parts), "");
  ASSERT_FALSE(t);
  EXPECT_TRUE(t.error().message.starts_with(
      "the workbook is damaged: xl/worksheets/sheet1.xml is not valid XML"))
      << t.error().message;
}

TEST(XlsxReader, BadCellReferenceIsAnError) {
  auto t = ReadXlsxSheet(
      MakeZip("ref.xlsx", MinimalWorkbook("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>")), "");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().message,
            "the workbook is damaged: bad cell reference '1A' in xl/worksheets/sheet1.xml");
  EXPECT_EQ(t.error().where.row, 1);
}

TEST(XlsxReader, MissingWorkbookPartIsAnError) {
  auto t = ReadXlsxSheet(MakeZip("empty.xlsx", {{"hello.txt", "hi"}}), "");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().message, "not a valid XLSX workbook: it has no xl/workbook.xml");
}

TEST(XlsxReader, MissingSheetRelationshipIsAnError) {
  auto parts = MinimalWorkbook("");
  parts[1].second = "<Relationships/>";
  auto t = ReadXlsxSheet(MakeZip("rel.xlsx", parts), "");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().message, "the workbook is damaged: sheet relationship rId1 is missing");
}

TEST(XlsxReader, NotAZipFile) {
  auto path = testing_files::WriteBytes("fake.xlsx", "id,ПІБ\n1,x\n");
  auto t = ReadXlsxSheet(path, "");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(t.error().message, "not an XLSX workbook (cannot open it as a zip file)");
}

// --- Decompression bombs and other hostile packages (issue 16 item 4) ------------------------

using testing_files::RepeatedPart;

constexpr const char* kSheetHead =
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
constexpr const char* kSheetTail = "</sheetData></worksheet>";

// The minimal workbook without its sheet part, for a test that writes that part as `big`.
std::vector<std::pair<std::string, std::string>> WorkbookWithoutSheet(
    const std::string& shared = "") {
  auto parts = MinimalWorkbook("", shared);
  parts.erase(parts.begin() + 2);  // xl/worksheets/sheet1.xml
  return parts;
}

// 300 MiB of spaces pack to ~300 KB: valid XML that a DOM would happily hold. It must be
// refused by the ratio check after a few MiB are inflated, never allocated for in full (the
// refusal message names the limit; had the part been inflated, the 512 MiB cap would not
// have fired and the file would have been read).
TEST(XlsxReader, BombOfSpacesIsRefusedByItsRatio) {
  std::string spaces(1 << 20, ' ');
  auto path = MakeZip(
      "bomb.xlsx", WorkbookWithoutSheet(),
      RepeatedPart{"xl/worksheets/sheet1.xml", kSheetHead, spaces, 300,
                   std::string("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>") + kSheetTail});
  EXPECT_LT(std::filesystem::file_size(path), 2u << 20);
  auto t = ReadXlsxSheet(path, "");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(t.error().where.file, path.string());
  EXPECT_TRUE(t.error().message.starts_with(
      "xl/worksheets/sheet1.xml unpacks to more than 200 times its packed size"))
      << t.error().message;
}

// The ratio is checked as the part inflates, against the packed bytes read so far: here 300 MiB
// of spaces come before 4 MB of random digits, so the part as a whole packs at under 200x and
// would be read in full (it is valid XML, under 512 MiB) if only the totals were compared.
TEST(XlsxReader, BombIsRefusedByTheRatioSoFarNotOfTheWholePart) {
  std::string digits(4 << 20, '0');
  std::uint64_t x = 88172645463325252u;
  for (char& d : digits) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    d = static_cast<char>('0' + x % 10);
  }
  auto path = MakeZip("bomb2.xlsx", WorkbookWithoutSheet(),
                      RepeatedPart{"xl/worksheets/sheet1.xml", kSheetHead,
                                   std::string(1 << 20, ' '), 300, digits + kSheetTail});
  ASSERT_LT((300u << 20) / std::filesystem::file_size(path), 200u);  // whole-part ratio
  auto t = ReadXlsxSheet(path, "");
  ASSERT_FALSE(t);
  EXPECT_TRUE(t.error().message.starts_with(
      "xl/worksheets/sheet1.xml unpacks to more than 200 times its packed size"))
      << t.error().message;
}

// A part of ordinary ratio past the per-part cap: shrunk limits stand in for a 600 MiB sheet.
TEST(XlsxReader, PartPastTheSizeLimitIsRefused) {
  XlsxLimits limits;
  limits.max_part_bytes = 1 << 20;
  limits.max_ratio = 1'000'000;  // only the size limit is under test
  std::string rows;
  for (int r = 1; r <= 40'000; ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>" +
            std::to_string(r * 7919 % 100'003) + "</v></c></row>";
  }
  ASSERT_GT(rows.size(), 1u << 20);
  auto path = MakeZip("big.xlsx", MinimalWorkbook(rows));
  auto t = ReadXlsxSheet(path, "", limits);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().message,
            "xl/worksheets/sheet1.xml unpacks to more than 1 MiB, the limit for one part of a "
            "workbook; split the list into smaller files or save it as CSV");
  // The same file under the real limits is an ordinary list.
  auto real = ReadXlsxSheet(path, "");
  ASSERT_TRUE(real) << real.error().Describe();
  EXPECT_EQ(real->rows.size(), 40'000u);
}

TEST(XlsxReader, PartsPastTheTotalLimitAreRefused) {
  XlsxLimits limits;
  limits.max_part_bytes = 1 << 20;
  limits.max_total_bytes = 1 << 20;
  limits.max_ratio = 1'000'000;
  std::string shared;
  for (int i = 0; i < 40'000; ++i) shared += "<si><t>" + std::to_string(i * 31) + "</t></si>";
  ASSERT_GT(shared.size(), 600u << 10);
  ASSERT_LT(shared.size(), 1u << 20);
  std::string rows;
  for (int r = 1; r <= 15'000; ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\" t=\"s\"><v>" +
            std::to_string(r) + "</v></c></row>";
  }
  ASSERT_LT(rows.size(), 1u << 20);
  auto t = ReadXlsxSheet(MakeZip("total.xlsx", MinimalWorkbook(rows, shared)), "", limits);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().message,
            "the workbook's parts unpack to more than 1 MiB in all, the limit for one workbook; "
            "split the list into smaller files or save it as CSV");
}

TEST(XlsxReader, RowPastExcelsLastIsRefused) {
  auto t = ReadXlsxSheet(
      MakeZip("rows.xlsx", MinimalWorkbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                                           "<row r=\"1048577\"><c r=\"A1048577\"><v>1</v></c>"
                                           "</row>")),
      "");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().message,
            "the sheet has a row 1048577 (after row 1), beyond the 1048576 rows a worksheet can "
            "have; split the list or save it as CSV");
  // Rows without numbers count on from the last: the limit holds for them too.
  XlsxLimits limits;
  limits.max_rows = 2;
  auto unnumbered = ReadXlsxSheet(
      MakeZip("rows3.xlsx", MinimalWorkbook("<row/><row/><row><c><v>1</v></c></row>")), "", limits);
  ASSERT_FALSE(unnumbered);
  EXPECT_TRUE(unnumbered.error().message.starts_with("the sheet has a row 3 (after row 2)"))
      << unnumbered.error().message;
}

TEST(XlsxReader, BadRowNumberIsRefused) {
  for (const char* r : {"x", "0", "-4", "99999999999999999999999"}) {
    auto t = ReadXlsxSheet(
        MakeZip("rown.xlsx", MinimalWorkbook("<row r=\"1\"/><row r=\"" + std::string(r) + "\"/>")),
        "");
    ASSERT_FALSE(t) << r;
    EXPECT_TRUE(t.error().message.starts_with("the workbook is damaged: bad row number") ||
                t.error().message.starts_with("the sheet has a row"))
        << t.error().message;
  }
}

TEST(XlsxReader, ColumnPastXfdIsRefusedNamingTheRow) {
  // 27 letters would wrap a 64-bit column count around; the parser stops at XFD instead.
  for (const std::string& ref :
       {std::string("XFE7"), std::string("AAAA7"), std::string(27, 'Z') + "7"}) {
    auto t = ReadXlsxSheet(MakeZip("xfd.xlsx", MinimalWorkbook("<row r=\"7\"><c r=\"" + ref +
                                                               "\"><v>1</v></c></row>")),
                           "");
    ASSERT_FALSE(t) << ref;
    EXPECT_EQ(t.error().where.row, 7);
    EXPECT_EQ(t.error().message, "cell " + ref +
                                     " lies beyond column XFD, the last a worksheet can have; the "
                                     "workbook is damaged or not made by a spreadsheet program");
  }
  auto last = ReadXlsxSheet(
      MakeZip("xfd_ok.xlsx", MinimalWorkbook("<row r=\"1\"><c r=\"XFD1\"><v>5</v></c></row>")), "");
  ASSERT_TRUE(last) << last.error().Describe();
  EXPECT_EQ(last->Cells(0).size(), 16'384u);
  EXPECT_EQ(last->Cells(0).back(), "5");
}

// One cell at XFD pads its row with 16,383 empty cells: 25 bytes of XML a row would cost
// 256 KB of table a row without the cell limit.
TEST(XlsxReader, CellsPastTheLimitAreRefused) {
  XlsxLimits limits;
  limits.max_cells = 20'000;
  auto t =
      ReadXlsxSheet(MakeZip("cells.xlsx", MinimalWorkbook("<row r=\"1\"><c r=\"XFD1\"/></row>"
                                                          "<row r=\"2\"><c r=\"XFD2\"/></row>")),
                    "", limits);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().where.row, 2);
  EXPECT_TRUE(t.error().message.starts_with("the sheet holds more than 20000 cells"))
      << t.error().message;
}

TEST(XlsxReader, TooManySharedStringsAreRefused) {
  XlsxLimits limits;
  limits.max_cells = 2;
  auto t = ReadXlsxSheet(MakeZip("sst.xlsx", MinimalWorkbook("", "<si><t>a</t></si><si/><si/>")),
                         "", limits);
  ASSERT_FALSE(t);
  EXPECT_TRUE(t.error().message.starts_with("xl/sharedStrings.xml holds more than 2 strings"))
      << t.error().message;
}

// Before: an index past the end read "", "-1" wrapped around to "" and "abc" read string 0,
// so a damaged file imported a wrong or missing name without a word.
TEST(XlsxReader, DamagedSharedStringIndexIsRefusedNamingTheCell) {
  for (const char* index : {"2", "-1", "abc", "", "1.5", "18446744073709551616"}) {
    auto path = MakeZip(
        "ssi.xlsx",
        MinimalWorkbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                        "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>1</v></c><c r=\"B4\" t=\"s\"><v>" +
                            std::string(index) + "</v></c></row>",
                        "<si><t>ПІБ</t></si><si><t>Шевченко</t></si>"));
    auto t = ReadXlsxSheet(path, "");
    ASSERT_FALSE(t) << index;
    EXPECT_EQ(t.error().where.row, 4);
    EXPECT_EQ(t.error().where.column, 2);
    EXPECT_EQ(t.error().message, "the workbook is damaged: cell B4 refers to shared string '" +
                                     std::string(index) +
                                     "', but xl/sharedStrings.xml has 2 (numbered from 0); save "
                                     "the file again from the spreadsheet program");
  }
  // Shared-string cells with no sharedStrings part at all are as damaged.
  auto none = ReadXlsxSheet(
      MakeZip("nosst.xlsx", MinimalWorkbook("<row r=\"1\"><c r=\"C1\" t=\"s\"><v>0</v></c></row>")),
      "");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().where.column, 3);
}

// Found by fuzz/xlsx_fuzzer.cpp: pugixml does not check that text is UTF-8, so a cell of
// other bytes was stored, and every JSON reader of the record then failed (`parley show
// --json`: "internal error: [json.exception.type_error.316] invalid UTF-8 byte").
TEST(XlsxReader, CellThatIsNotUtf8IsRefusedNamingTheCell) {
  const std::string bad = "\xD1\xD0\xD0\xBE";  // a lead byte followed by another lead byte
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"shared", "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"C2\" t=\"s\"><v>0</v></c></row>"},
      {"inline", "<row r=\"2\"><c r=\"C2\" t=\"inlineStr\"><is><t>" + bad + "</t></is></c></row>"},
      {"formula", "<row r=\"2\"><c r=\"C2\" t=\"str\"><v>" + bad + "</v></c></row>"},
      // A character reference to a surrogate becomes bytes that are no UTF-8 either.
      {"surrogate", "<row r=\"2\"><c r=\"C2\" t=\"inlineStr\"><is><t>&#xD800;</t></is></c></row>"},
  };
  for (const auto& [what, rows] : cases) {
    auto t = ReadXlsxSheet(
        MakeZip("utf8.xlsx", MinimalWorkbook(rows, "<si><t>" + bad + "</t></si>")), "");
    ASSERT_FALSE(t) << what;
    EXPECT_EQ(t.error().code, ErrorCode::kInvalidInput) << what;
    EXPECT_EQ(t.error().where.row, 2) << what;
    EXPECT_EQ(t.error().where.column, 3) << what;
    EXPECT_EQ(t.error().message,
              "the workbook is damaged: cell C2 holds bytes that are not UTF-8 text; open the "
              "file in the spreadsheet program and save it again")
        << what;
  }
  // The same cells in UTF-8 read.
  auto good = ReadXlsxSheet(
      MakeZip("utf8ok.xlsx",
              MinimalWorkbook("<row r=\"2\"><c r=\"C2\" t=\"inlineStr\"><is><t>&#x441;олдат</t>"
                              "</is></c></row>")),
      "");
  ASSERT_TRUE(good) << good.error().message;
  EXPECT_EQ(Row(*good, 0), (std::vector<std::string>{"", "", "солдат"}));
}

TEST(XlsxReader, EverySheetInTheWorkbooksOrder) {
  auto path = MakeXlsx("two.xlsx", {{C::Text("ПІБ")}, {C::Text("Шевченко Дмитро")}}, "Етап 1",
                       /*empty_sheet_first=*/true);
  auto book = ReadXlsxSheets(path);
  ASSERT_TRUE(book) << book.error().Describe();
  ASSERT_EQ(book->sheets.size(), 2u);
  EXPECT_EQ(book->sheets[0].name, "cover");
  EXPECT_TRUE(book->sheets[0].table.rows.empty());
  EXPECT_EQ(book->sheets[1].name, "Етап 1");
  ASSERT_EQ(book->sheets[1].table.rows.size(), 2u);
  EXPECT_EQ(Row(book->sheets[1].table, 1), (std::vector<std::string>{"Шевченко Дмитро"}));
  // The tables' cells view the workbook's shared strings, which survive a move of it.
  XlsxSheets moved = std::move(*book);
  EXPECT_EQ(Row(moved.sheets[1].table, 0), (std::vector<std::string>{"ПІБ"}));
  EXPECT_EQ(XlsxColumnLetters(0), "A");
  EXPECT_EQ(XlsxColumnLetters(26), "AA");
}

TEST(XlsxReader, EverySheetCountsAgainstOneCellLimit) {
  // Two sheets (both pointing at one part) of 16,384 cells each: under a 20,000-cell limit
  // one by one, but not together.
  auto parts = MinimalWorkbook("<row r=\"1\"><c r=\"XFD1\"/></row>");
  const std::string one = "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>";
  std::string& workbook = parts[0].second;
  workbook.replace(workbook.find(one), one.size(),
                   one + "<sheet name=\"T\" sheetId=\"2\" r:id=\"rId1\"/>");
  XlsxLimits limits;
  limits.max_cells = 20'000;
  ASSERT_TRUE(ReadXlsxSheet(MakeZip("cells1.xlsx", parts), "T", limits));
  auto t = ReadXlsxSheets(MakeZip("cells2.xlsx", parts), limits);
  ASSERT_FALSE(t);
  EXPECT_TRUE(t.error().message.starts_with("the sheet holds more than")) << t.error().message;
}

TEST(XlsxReader, MissingFile) {
  auto t = ReadXlsxSheet(ScratchPath("none.xlsx"), "");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace parley
