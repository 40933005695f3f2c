#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "lists/list_file.h"
#include "lists/test_files.h"

namespace parley {
namespace {

using testing_files::ScratchPath;

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<PersonRecord> SampleRecords() {
  PersonRecord a;
  a.id = "007";
  a.surname = "Шевченко";
  a.given_name = "Дмитро";
  a.patronymic = "Олександрович";
  a.full_name = "Шевченко Дмитро Олександрович";
  a.birth_date = PartialDate{1991, 3, 7};
  a.birth_place = "Київ, Україна";
  a.service_number = "0012345";
  a.rank = "солдат";
  a.unit = "А1234";
  a.sex = "ч";
  a.category = "поранений";
  a.notes = "say \"hi\"\nsecond line";
  a.extra = {{"Група крові", "II+"}};
  PersonRecord b;
  b.id = "A-2";
  b.surname = "Дем'яненко";
  b.given_name = "Ольга";
  b.birth_date = PartialDate{1985, 0, 0};
  b.extra = {{"Група крові", ""}, {"Телефон", "+380 44 000"}};
  PersonRecord c;
  c.id = "3";
  c.surname = "Koval";
  c.birth_date = PartialDate{1979, 5, 0};
  return {a, b, c};
}

ListReadOptions Options() {
  ListReadOptions o;
  o.date_bounds.today = PartialDate{2026, 11, 25};
  return o;
}

void ExpectRoundTrip(ListFormat format, const char* name, CsvStyle style = {}) {
  auto records = SampleRecords();
  auto path = ScratchPath(name);
  ASSERT_TRUE(WriteListFile(path, format, records, {}, style));
  auto back = ReadListFile(path, Options());
  ASSERT_TRUE(back) << back.error().Describe();
  EXPECT_TRUE(back->rejects.empty());
  ASSERT_EQ(back->records.size(), records.size());
  // Exports write every extra column for every record; empty cells read back as empty.
  records[0].extra.push_back({"Телефон", ""});
  records[2].extra = {{"Група крові", ""}, {"Телефон", ""}};
  for (std::size_t i = 0; i < records.size(); ++i) {
    EXPECT_TRUE(back->records[i].SameContent(records[i])) << "record " << i;
  }
  EXPECT_EQ(back->records[0].id, "007");
}

// The sample's only formula-like cell is the phone number "+380 44 000": a person's export
// shows it as "'+380 44 000", so only the raw form reads back as the same records.
TEST(ListWriter, CsvRoundTrip) {
  ExpectRoundTrip(ListFormat::kCsv, "out.csv",
                  CsvStyle{.bom = false, .neutralise_formulas = false});
}
// parley reads its own BOM.
TEST(ListWriter, CsvWithBomRoundTrip) {
  ExpectRoundTrip(ListFormat::kCsv, "out.csv", CsvStyle{.bom = true, .neutralise_formulas = false});
}
TEST(ListWriter, XlsxRoundTrip) { ExpectRoundTrip(ListFormat::kXlsx, "out.xlsx"); }

TEST(ListWriter, CsvLayout) {
  auto path = ScratchPath("layout.csv");
  DerivedColumns derived{{"surname_latin"}, {{"Shevchenko"}, {"Demianenko"}, {"Koval"}}};
  ASSERT_TRUE(WriteListFile(path, ListFormat::kCsv, SampleRecords(), derived,
                            CsvStyle{.bom = false, .neutralise_formulas = false}));
  std::string text = Slurp(path);
  EXPECT_TRUE(text.starts_with(
      "id,surname,given_name,patronymic,full_name,birth_date,birth_place,service_number,rank,"
      "unit,sex,category,notes,Група крові,Телефон,surname_latin\r\n"
      "007,Шевченко,Дмитро,Олександрович,Шевченко Дмитро Олександрович,1991-03-07,"
      "\"Київ, Україна\",0012345,"))
      << text;
  EXPECT_NE(text.find("\r\n3,Koval,,,,1979-05,,,,,,,,,,Koval\r\n"), std::string::npos) << text;
}

std::vector<PersonRecord> HostileRecords() {
  PersonRecord a;
  a.id = "1";
  a.surname = "=HYPERLINK(\"http://x\",\"y\")";
  a.given_name = "+cmd|' /C calc'!A0";
  a.extra = {{"@column", "-5"}};
  return {a};
}

TEST(ListWriter, CsvForPeopleHasABomAndNoLiveFormula) {
  auto path = ScratchPath("people.csv");
  ASSERT_TRUE(WriteListFile(path, ListFormat::kCsv, HostileRecords()));
  std::string text = Slurp(path);
  EXPECT_TRUE(
      text.starts_with("\xEF\xBB\xBF"
                       "id,surname,"))
      << text;
  // The extra column's header is a cell too; the number under it is left alone.
  EXPECT_NE(text.find(",\"'@column\"\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\r\n1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'+cmd|' /C calc'!A0\","),
            std::string::npos)
      << text;
  EXPECT_TRUE(text.ends_with(",-5\r\n")) << text;
}

TEST(ListWriter, CsvForScriptsIsTheStoredValues) {
  auto path = ScratchPath("scripts.csv");
  ASSERT_TRUE(WriteListFile(path, ListFormat::kCsv, HostileRecords(), {},
                            CsvStyle{.bom = false, .neutralise_formulas = false}));
  std::string text = Slurp(path);
  EXPECT_TRUE(text.starts_with("id,surname,")) << text;
  EXPECT_NE(text.find("\r\n1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",+cmd|' /C calc'!A0,"),
            std::string::npos)
      << text;
}

// XLSX cells are strings, never formulas, whatever they begin with: they read back as they
// were (a formula cell would read back as its cached value, which parley's writer never sets).
TEST(ListWriter, XlsxWritesFormulaLikeCellsAsText) {
  auto path = ScratchPath("hostile.xlsx");
  ASSERT_TRUE(WriteListFile(path, ListFormat::kXlsx, HostileRecords()));
  auto back = ReadListFile(path, Options());
  ASSERT_TRUE(back) << back.error().Describe();
  ASSERT_EQ(back->records.size(), 1u);
  EXPECT_EQ(back->records[0].surname, "=HYPERLINK(\"http://x\",\"y\")");
  EXPECT_EQ(back->records[0].given_name, "+cmd|' /C calc'!A0");
}

TEST(ListWriter, Json) {
  auto path = ScratchPath("out.json");
  DerivedColumns derived{{"surname_latin"}, {{"Shevchenko"}, {"Demianenko"}, {"Koval"}}};
  ASSERT_TRUE(WriteListFile(path, ListFormat::kJson, SampleRecords(), derived));
  auto json = nlohmann::json::parse(Slurp(path), nullptr, false);
  ASSERT_FALSE(json.is_discarded());
  ASSERT_TRUE(json.is_array());
  ASSERT_EQ(json.size(), 3u);
  EXPECT_EQ(json[0]["id"], "007");
  EXPECT_EQ(json[0]["birth_date"], "1991-03-07");
  EXPECT_EQ(json[0]["notes"], "say \"hi\"\nsecond line");
  EXPECT_EQ(json[0]["extra"]["Група крові"], "II+");
  EXPECT_EQ(json[1]["birth_date"], "1985");
  EXPECT_EQ(json[1]["extra"]["Телефон"], "+380 44 000");
  EXPECT_EQ(json[2]["derived"]["surname_latin"], "Koval");
  EXPECT_TRUE(json[2]["extra"].is_object());
}

TEST(ListWriter, EmptyJsonIsAnEmptyArray) {
  auto path = ScratchPath("empty.json");
  ASSERT_TRUE(WriteListFile(path, ListFormat::kJson, {}));
  EXPECT_EQ(nlohmann::json::parse(Slurp(path)), nlohmann::json::array());
}

TEST(ListWriter, DerivedColumnsMustMatchRecords) {
  DerivedColumns derived{{"x"}, {{"1"}}};
  auto ok = WriteListFile(ScratchPath("d.csv"), ListFormat::kCsv, SampleRecords(), derived);
  ASSERT_FALSE(ok);
  EXPECT_EQ(ok.error().code, ErrorCode::kInternal);
}

TEST(ListWriter, UnwritablePathIsAnIoError) {
  auto ok = WriteListFile(ScratchPath("no/such/dir/x.csv"), ListFormat::kCsv, SampleRecords());
  ASSERT_FALSE(ok);
  EXPECT_EQ(ok.error().code, ErrorCode::kIoError);
}

TEST(ListWriter, RejectsFile) {
  std::filesystem::path input = testing_files::WriteBytes(
      "in.csv", "id,ПІБ,Дата народження\n1,Шевченко Дмитро,31.02.1990\n1,Коваль Ольга\n");
  auto list = ReadListFile(input, Options());
  ASSERT_TRUE(list);
  // Row 2's id is taken even though its date rejects it, so row 3 is a duplicate.
  ASSERT_EQ(list->rejects.size(), 2u);
  auto path = ScratchPath("rejects.csv");
  ASSERT_TRUE(WriteRejects(path, list->header, list->rejects));
  EXPECT_EQ(
      Slurp(path),
      "id,ПІБ,Дата народження,reject_reason\r\n"
      "1,Шевченко Дмитро,31.02.1990,\"row 2, column 3 (Дата народження): invalid birth date: date "
      "'31.02.1990' is impossible: month 2 of 1990 has 28 days\"\r\n"
      "1,Коваль Ольга,,\"row 3, column 1 (id): duplicate id '1': row 2 has the same id\"\r\n");
}

// The rejects go back in the input's own encoding and delimiter: a Windows-1251 file with
// `;` gets a Windows-1251 rejects file with `;`, which parley reads again.
TEST(ListWriter, RejectsFileKeepsTheInputsEncodingAndDelimiter) {
  std::string utf8 =
      "id;ПІБ;Дата народження\r\n1;Шевченко Дмитро;31.02.1990\r\n2;Коваль Ольга;1990\r\n";
  std::filesystem::path input =
      testing_files::WriteBytes("in.csv", testing_files::Encode(utf8, "windows-1251"));
  auto list = ReadListFile(input, Options());
  ASSERT_TRUE(list) << list.error().Describe();
  EXPECT_EQ(list->encoding, "windows-1251");
  EXPECT_EQ(list->delimiter, ';');
  ASSERT_EQ(list->rejects.size(), 1u);
  auto path = ScratchPath("in.rejects.csv");
  ASSERT_TRUE(WriteRejects(path, list->header, list->rejects, RejectsLayoutOf(*list)));
  std::string bytes = Slurp(path);
  EXPECT_TRUE(
      bytes.starts_with(testing_files::Encode("id;ПІБ;Дата народження;reject_reason\r\n"
                                              "1;Шевченко Дмитро;31.02.1990;",
                                              "windows-1251")))
      << bytes;
  ListReadOptions options = Options();
  auto back = ReadListFile(path, options);
  ASSERT_TRUE(back) << back.error().Describe();
  EXPECT_EQ(back->encoding, "windows-1251");
  EXPECT_EQ(back->delimiter, ';');
  EXPECT_EQ(back->header.back(), "reject_reason");
}

TEST(ListWriter, RejectsFileOfUtf16KeepsItsBom) {
  std::string utf8 = "id\tПІБ\tДата народження\r\n1\tШевченко Дмитро\t31.02.1990\r\n";
  std::filesystem::path input =
      testing_files::WriteBytes("in.csv", "\xFF\xFE" + testing_files::Encode(utf8, "UTF-16LE"));
  auto list = ReadListFile(input, Options());
  ASSERT_TRUE(list) << list.error().Describe();
  ASSERT_EQ(list->rejects.size(), 1u);
  auto path = ScratchPath("in.rejects.csv");
  ASSERT_TRUE(WriteRejects(path, list->header, list->rejects, RejectsLayoutOf(*list)));
  std::string bytes = Slurp(path);
  EXPECT_TRUE(bytes.starts_with("\xFF\xFE" + testing_files::Encode("id\tПІБ\t", "UTF-16LE")));
  auto back = ReadListFile(path, Options());
  ASSERT_TRUE(back) << back.error().Describe();
  EXPECT_EQ(back->encoding, "utf-16le");
  EXPECT_EQ(back->delimiter, '\t');
}

TEST(ListWriter, ParseListFormat) {
  EXPECT_EQ(ParseListFormat("csv"), ListFormat::kCsv);
  EXPECT_EQ(ParseListFormat("XLSX"), ListFormat::kXlsx);
  EXPECT_EQ(ParseListFormat("json"), ListFormat::kJson);
  auto bad = ParseListFormat("xls");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "unknown list format 'xls'; use csv, xlsx or json");
}

}  // namespace
}  // namespace parley
