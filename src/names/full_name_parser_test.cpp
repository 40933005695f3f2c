#include "names/full_name_parser.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "names/internal/csv.h"

namespace parley::names {
namespace {

ParsedName Parse(std::string_view s) {
  auto p = ParseFullName(s);
  EXPECT_TRUE(p.has_value()) << s;
  return p.value_or(ParsedName{});
}

TEST(FullNameParserTest, SurnameFirstCyrillic) {
  const ParsedName p = Parse("Шевченко Дмитро Олександрович");
  EXPECT_EQ(p.surname, "Шевченко");
  EXPECT_EQ(p.given, "Дмитро");
  EXPECT_EQ(p.patronymic, "Олександрович");
  EXPECT_EQ(p.surname_key, "shevchenko");
  EXPECT_EQ(p.given_key, "dmitro");
  EXPECT_TRUE(p.surname_first);
  EXPECT_EQ(p.sex, Sex::kMale);
  EXPECT_GT(p.confidence, 0.9);
  EXPECT_NE(p.reason.find("patronymic"), std::string::npos) << p.reason;
}

TEST(FullNameParserTest, GivenPatronymicSurnameRussian) {
  const ParsedName p = Parse("Дмитрий Александрович Шевченко");
  EXPECT_EQ(p.surname, "Шевченко");
  EXPECT_EQ(p.given, "Дмитрий");
  EXPECT_EQ(p.patronymic, "Александрович");
  EXPECT_FALSE(p.surname_first);
  EXPECT_GT(p.confidence, 0.9);
}

TEST(FullNameParserTest, CapitalisedSurname) {
  ParsedName p = Parse("SHEVCHENKO Dmytro");
  EXPECT_EQ(p.surname, "SHEVCHENKO");
  EXPECT_EQ(p.given, "Dmytro");
  p = Parse("Dmytro SHEVCHENKO");
  EXPECT_EQ(p.surname, "SHEVCHENKO");
  EXPECT_EQ(p.given, "Dmytro");
  EXPECT_FALSE(p.surname_first);
}

TEST(FullNameParserTest, AllCapitalsFallsBackOnTheTable) {
  const ParsedName p = Parse("ДМИТРО ШЕВЧЕНКО");
  EXPECT_EQ(p.surname, "ШЕВЧЕНКО");
  EXPECT_EQ(p.given, "ДМИТРО");
}

TEST(FullNameParserTest, CommaAndInitial) {
  const ParsedName p = Parse("Shevchenko, Dmytro O.");
  EXPECT_EQ(p.surname, "Shevchenko");
  EXPECT_EQ(p.given, "Dmytro");
  EXPECT_EQ(p.patronymic, "O.");
  EXPECT_TRUE(p.patronymic_is_initial);
  EXPECT_EQ(p.patronymic_key, "o");
  EXPECT_GT(p.confidence, 0.9);
  EXPECT_NE(p.reason.find("comma"), std::string::npos);
}

TEST(FullNameParserTest, CommaOverridesTable) {
  // "Олег" is a given name, but the comma says it is the surname here.
  const ParsedName p = Parse("Олег, Петро Іванович");
  EXPECT_EQ(p.surname, "Олег");
  EXPECT_EQ(p.given, "Петро");
}

TEST(FullNameParserTest, JoinedInitials) {
  ParsedName p = Parse("Шевченко Д.О.");
  EXPECT_EQ(p.surname, "Шевченко");
  EXPECT_EQ(p.given, "Д.");
  EXPECT_EQ(p.patronymic, "О.");
  EXPECT_TRUE(p.given_is_initial);
  p = Parse("Д. О. Шевченко");
  EXPECT_EQ(p.surname, "Шевченко");
  EXPECT_EQ(p.given, "Д.");
}

TEST(FullNameParserTest, TwoLetterLatinInitial) {
  const ParsedName p = Parse("Bondarenko Yu. M.");
  EXPECT_EQ(p.given, "Yu.");
  EXPECT_TRUE(p.given_is_initial);
  EXPECT_EQ(p.given_key, "iu");
}

TEST(FullNameParserTest, GivenSurnameByTable) {
  const ParsedName p = Parse("Олег Петренко");
  EXPECT_EQ(p.surname, "Петренко");
  EXPECT_EQ(p.given, "Олег");
}

TEST(FullNameParserTest, FemaleByPatronymic) {
  const ParsedName p = Parse("Петрова Ганна Миколаївна");
  EXPECT_EQ(p.sex, Sex::kFemale);
  EXPECT_EQ(p.patronymic, "Миколаївна");
}

TEST(FullNameParserTest, SurnameThatLooksLikeTheNames) {
  const ParsedName p = Parse("Іванов Іван Іванович");
  EXPECT_EQ(p.surname, "Іванов");
  EXPECT_EQ(p.given, "Іван");
  EXPECT_EQ(p.patronymic, "Іванович");
}

TEST(FullNameParserTest, DoubleSurname) {
  ParsedName p = Parse("Петренко-Ковальчук Олена Іванівна");
  EXPECT_EQ(p.surname, "Петренко-Ковальчук");
  EXPECT_EQ(p.surname_key, "petrenko kovalchuk");
  p = Parse("Петренко Ковальчук Олена Іванівна");
  EXPECT_EQ(p.surname, "Петренко Ковальчук");
  EXPECT_EQ(p.given, "Олена");
}

TEST(FullNameParserTest, UnknownPatronymicBySuffix) {
  const ParsedName p = Parse("Гнатюк Орест Зеновійович");
  EXPECT_EQ(p.patronymic, "Зеновійович");
}

TEST(FullNameParserTest, HomoglyphsRepaired) {
  const ParsedName p = Parse("Шевчeнко Дмитpо");
  EXPECT_EQ(p.surname, "Шевченко");
  EXPECT_EQ(p.given, "Дмитро");
}

TEST(FullNameParserTest, SingleWordIsAnUnsureSurname) {
  const ParsedName p = Parse("Шевченко");
  EXPECT_EQ(p.surname, "Шевченко");
  EXPECT_TRUE(p.given.empty());
  EXPECT_DOUBLE_EQ(p.confidence, 0.5);
}

TEST(FullNameParserTest, ReadingsAreRanked) {
  auto r = ParseFullNameReadings("Шевченко Дмитро Олександрович", 3);
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->size(), 3u);
  EXPECT_GE((*r)[0].confidence, (*r)[1].confidence);
  EXPECT_NE((*r)[0].surname, (*r)[1].surname);
}

TEST(FullNameParserTest, RejectsNoLetters) {
  auto p = ParseFullName(" ,. - ");
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().code, ErrorCode::kInvalidInput);
  EXPECT_FALSE(ParseFullName("").has_value());
}

TEST(FullNameParserTest, RejectsInvalidUtf8) {
  auto p = ParseFullName("Шевченко \xFF");
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().code, ErrorCode::kInvalidInput);
}

// tests/cases/names/parse.csv: free-form names with the parse a clerk expects. Tests run from
// the repository root (gtest_discover_tests sets the working directory).
TEST(FullNameParserTest, DataCases) {
  const char* kPath = "tests/cases/names/parse.csv";
  std::ifstream in(kPath, std::ios::binary);
  ASSERT_TRUE(in) << "run from the repository root: " << kPath;
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto records = internal::ParseCsv(text, kPath);
  ASSERT_TRUE(records.has_value()) << records.error().Describe();
  ASSERT_GT(records->size(), 20u);
  for (std::size_t i = 1; i < records->size(); ++i) {
    const auto& f = (*records)[i].fields;
    ASSERT_EQ(f.size(), 5u) << "line " << (*records)[i].line;
    const ParsedName p = Parse(f[0]);
    EXPECT_EQ(p.surname, f[1]) << f[0] << " (line " << (*records)[i].line << ")";
    EXPECT_EQ(p.given, f[2]) << f[0];
    EXPECT_EQ(p.patronymic, f[3]) << f[0];
  }
}

TEST(NamesPatronymicSuffixTest, Suffixes) {
  EXPECT_TRUE(HasPatronymicSuffix("oleksandrovich"));
  EXPECT_TRUE(HasPatronymicSuffix("nikolaevna"));
  EXPECT_TRUE(HasPatronymicSuffix("mikolaivna"));
  EXPECT_TRUE(HasPatronymicSuffix("nikitichna"));
  EXPECT_FALSE(HasPatronymicSuffix("petrenko"));
  EXPECT_FALSE(HasPatronymicSuffix("ovich"));
}

}  // namespace
}  // namespace parley::names
