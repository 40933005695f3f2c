#include "names/full_name_parser.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "lists/csv_reader.h"

namespace parley::names {
namespace {

ParsedName Parse(std::string_view s) {
  auto p = ParseFullName(s);
  EXPECT_TRUE(p.has_value()) << s;
  return p.value_or(ParsedName{});
}

void ExpectParts(std::string_view text, std::string_view surname, std::string_view given,
                 std::string_view patronymic) {
  const ParsedName p = Parse(text);
  EXPECT_EQ(p.surname, surname) << text;
  EXPECT_EQ(p.given, given) << text;
  EXPECT_EQ(p.patronymic, patronymic) << text;
}

// A name of two hyphenated words alone, one with a surname's ending and the other without, is
// a given name and a surname even when the table does not know the given name; a double
// surname keeps its hyphen.
TEST(FullNameParserTest, TwoHyphenatedWordsAloneAreAGivenNameAndASurname) {
  ExpectParts("Alisher-Usmanov", "Usmanov", "Alisher", "");
  ExpectParts("Петренко-Ковальчук", "Петренко-Ковальчук", "", "");
  ExpectParts("Петренко-Ковальчук Олена", "Петренко-Ковальчук", "Олена", "");
}

TEST(FullNameParserTest, RanksTitlesAndHonorificsAreNotPartOfTheName) {
  ExpectParts("рядовой Кузьменко Дмитро Артемович", "Кузьменко", "Дмитро", "Артемович");
  ExpectParts("мл. сержант Viktor Hlibovych Prysiazhniuk", "Prysiazhniuk", "Viktor", "Hlibovych");
  ExpectParts("ст. сержант Rybak Taras Nazariiovych", "Rybak", "Taras", "Nazariiovych");
  ExpectParts("Mr. Oleksandr Shevchenko", "Shevchenko", "Oleksandr", "");
  ExpectParts("Captain Oleksandr Shevchenko", "Shevchenko", "Oleksandr", "");
  // "Майор" is a surname too: with a given name and patronymic after it, it stays.
  ExpectParts("Майор Іван Петрович", "Майор", "Іван", "Петрович");
  // A surname ending like a patronymic (-евич) is no patronymic of the name table: the rank
  // before it goes.
  ExpectParts("сержант Мазуркевич Андрей", "Мазуркевич", "Андрей", "");
}

TEST(FullNameParserTest, AnUnknownGivenNameWithASurnameEndingStaysTheGivenName) {
  // "Юстин" ends like a Russian surname (-ин) and is not in the table; the usual order wins.
  ExpectParts("Лисак Юстин Максимович", "Лисак", "Юстин", "Максимович");
  // A known given name first still reads given, surname, patronymic.
  ExpectParts("Олександр Шевченко Петрович", "Шевченко", "Олександр", "Петрович");
}

TEST(FullNameParserTest, RanksAfterACommaAreNotPartOfTheName) {
  ExpectParts("Taras Kovalenko, Cpl.", "Kovalenko", "Taras", "");
  ExpectParts("BONDAR Ihor, Sr. Sgt.", "BONDAR", "Ihor", "");
  ExpectParts("Oleh-Savchuk, Mr", "Savchuk", "Oleh", "");
  // The comma stays a surname's mark when a name follows it.
  ExpectParts("Kovalenko, Taras", "Kovalenko", "Taras", "");
  // A word after the comma that is no title keeps everything.
  ExpectParts("Kovalenko Taras, Petrovych", "Kovalenko", "Taras", "Petrovych");
}

TEST(FullNameParserTest, WordsRunTogetherAreSeparated) {
  ExpectParts("RomanchukVladimir", "Romanchuk", "Vladimir", "");
  ExpectParts("Dmitrij JaroslawowitschDaschkewitsch", "Daschkewitsch", "Dmitrij",
              "Jaroslawowitsch");
  // A surname in capitals run into the given name.
  ExpectParts("SAVCHUKOleh", "SAVCHUK", "Oleh", "");
  ExpectParts("MELNYKIvan Petrovych", "MELNYK", "Ivan", "Petrovych");
  ExpectParts("ТКАЧЕНКОІгор Васильович", "ТКАЧЕНКО", "Ігор", "Васильович");
  // Capitals throughout are one word.
  ExpectParts("SHEVCHENKO Dmytro", "SHEVCHENKO", "Dmytro", "");
}

// A register's machine transliteration of a surname in capitals writes each digraph with one
// capital (ШАХРОХІ Насер: "ShAKhROKhI Naser"): the word is one surname in capitals, not words
// run together.
TEST(FullNameParserTest, CapitalsWithTitleCaseDigraphsAreOneWord) {
  ExpectParts("ShAKhROKhI Naser", "ShAKhROKhI", "Naser", "");
  ExpectParts("Naser ShAKhROKhI", "ShAKhROKhI", "Naser", "");
  ExpectParts("DZhAFARI-NEZhAD Mokhammad-Reza", "DZhAFARI-NEZhAD", "Mokhammad-Reza", "");
  ExpectParts("KhAZAI Kamran", "KhAZAI", "Kamran", "");
  // Runs of small letters are still words run together.
  ExpectParts("ShevchenkoTaras", "Shevchenko", "Taras", "");
}

TEST(FullNameParserTest, AHyphenBetweenTwoNamesSeparatesThem) {
  ExpectParts("Zinchenko Yuri-Volodymyrovych", "Zinchenko", "Yuri", "Volodymyrovych");
  ExpectParts("Ekaterina Anatolevna-Chuprina", "Chuprina", "Ekaterina", "Anatolevna");
  // A double surname and a double given name stay whole.
  ExpectParts("Петренко-Ковальчук Олена Іванівна", "Петренко-Ковальчук", "Олена", "Іванівна");
  ExpectParts("Коваль Анна-Марія", "Коваль", "Анна-Марія", "");
}

// Found by fuzz/csv_fuzzer.cpp: a Latin look-alike or a digit before the hyphen takes more
// bytes once read as Cyrillic, and the written spans of the two parts were counted from the
// repaired letters, so they were cut inside a letter (the list reader stored invalid UTF-8).
TEST(FullNameParserTest, AHyphenAfterARepairedLetterSplitsWhereItWasWritten) {
  for (std::string_view given : {"Олeг", "Ол3г"}) {  // a Latin e; a digit typed for з
    const std::string text = "Шевченко " + std::string(given) + "-Іванович";
    const ParsedName p = Parse(text);
    EXPECT_EQ(p.written.surname.In(text), "Шевченко") << text;
    EXPECT_EQ(p.written.given.In(text), given) << text;
    EXPECT_EQ(p.written.patronymic.In(text), "Іванович") << text;
  }
}

TEST(FullNameParserTest, DigitsTypedForLettersAreReadAsLetters) {
  const std::string_view text = "Aleksandr Gorbun0v";
  const ParsedName p = Parse(text);
  EXPECT_EQ(p.surname, "Gorbunov");
  EXPECT_EQ(p.written.surname.In(text), "Gorbun0v") << "what was written is kept";
  EXPECT_EQ(Parse("Ig0r Sech1n").surname_key, Parse("Igor Sechin").surname_key);
  EXPECT_EQ(Parse("Шевч3нко Дмитро").surname, "Шевчзнко");
  EXPECT_EQ(Parse("A1eksandr 5hevchuk").surname_key, Parse("Aleksandr Shevchuk").surname_key);
  EXPECT_EQ(Parse("A1eksandr 5hevchuk").given_key, Parse("Aleksandr Shevchuk").given_key);
  EXPECT_EQ(Parse("ME1NYK Ivan").surname_key, Parse("MELNYK Ivan").surname_key);
  // A number is not a name: more than two digits stay digits.
  const ParsedName q = Parse("Шевченко Дмитро AB1234");
  EXPECT_TRUE(q.surname == "AB1234" || q.given == "AB1234" || q.patronymic == "AB1234");
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

// Capitals mark the surname, so a word in small letters beside it is a middle name, not the
// first half of a double surname; two words in capitals are a double surname.
TEST(FullNameParserTest, CapitalsBoundTheSurname) {
  ParsedName p = Parse("Karim Yusuf HADDAD");
  EXPECT_EQ(p.surname, "HADDAD");
  EXPECT_EQ(p.given, "Karim");
  EXPECT_EQ(p.patronymic, "Yusuf");
  p = Parse("Karim AL HADDAD");
  EXPECT_EQ(p.surname, "AL HADDAD");
  EXPECT_EQ(p.given, "Karim");
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

// A surname ending like a man's patronymic (-евич) after a woman's given name and patronymic:
// read surname first, the woman's -ina surname and -ivna given name would sit beside a man's
// patronymic, which one person's name does not do. (Ukraine's sanctions register writes some
// Latin forms given name first; the names here are made up.)
TEST(FullNameParserTest, ThePartsOfOneNameAgreeInSex) {
  ExpectParts("Dobryna Serhiyivna Kovalevych", "Kovalevych", "Dobryna", "Serhiyivna");
  ExpectParts("Добрина Сергіївна Ковалевич", "Ковалевич", "Добрина", "Сергіївна");
  ExpectParts("Ковалевич Добрина Сергіївна", "Ковалевич", "Добрина", "Сергіївна");
  // A surname whose ending looks like the other sex's does not turn a clear name round.
  ExpectParts("Калина Іван Петрович", "Калина", "Іван", "Петрович");
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
  auto table = ParseCsv(text, CsvOptions{',', kPath});
  ASSERT_TRUE(table.has_value()) << table.error().Describe();
  ASSERT_GT(table->rows.size(), 20u);
  for (std::size_t i = 1; i < table->rows.size(); ++i) {
    const auto f = table->Cells(i);
    const std::int64_t line = table->rows[i].line;
    ASSERT_EQ(f.size(), 5u) << "line " << line;
    const ParsedName p = Parse(f[0]);
    EXPECT_EQ(p.surname, f[1]) << f[0] << " (line " << line << ")";
    EXPECT_EQ(p.given, f[2]) << f[0];
    EXPECT_EQ(p.patronymic, f[3]) << f[0];
  }
}

constexpr NameOrderPrior kSurnameFirstList = NameOrderPrior::File(NameOrder::kSurnameFirst);
constexpr NameOrderPrior kGivenFirstList = NameOrderPrior::File(NameOrder::kGivenFirst);
constexpr NameOrderPrior kDeclaredSurnameFirst = NameOrderPrior::Forced(NameOrder::kSurnameFirst);
constexpr NameOrderPrior kDeclaredGivenFirst = NameOrderPrior::Forced(NameOrder::kGivenFirst);

ParsedName Parse(std::string_view s, NameOrderPrior prior) {
  auto p = ParseFullName(s, prior);
  EXPECT_TRUE(p.has_value()) << s;
  return p.value_or(ParsedName{});
}

void ExpectParts(const ParsedName& p, std::string_view surname, std::string_view given,
                 std::string_view patronymic) {
  EXPECT_EQ(p.surname, surname) << p.reason;
  EXPECT_EQ(p.given, given) << p.reason;
  EXPECT_EQ(p.patronymic, patronymic) << p.reason;
}

TEST(FullNameParserPriorTest, NoPriorLeansSurnameFirstOnATie) {
  // Both words are given names: only position tells, and lists mostly write surname first.
  ExpectParts(Parse("Роман Максим"), "Роман", "Максим", "");
  ExpectParts(Parse("Роман Максим", NameOrderPrior::None()), "Роман", "Максим", "");
}

TEST(FullNameParserPriorTest, ListOrderDecidesWhatTheWordsLeaveOpen) {
  ExpectParts(Parse("Роман Максим", kSurnameFirstList), "Роман", "Максим", "");
  const ParsedName p = Parse("Роман Максим", kGivenFirstList);
  ExpectParts(p, "Максим", "Роман", "");
  EXPECT_NE(p.reason.find("order of the list"), std::string::npos) << p.reason;
}

// Issue 12: clerks write single rows given name first in a surname-first list.
TEST(FullNameParserPriorTest, PatronymicTurnsARowRoundInASurnameFirstList) {
  ParsedName p = Parse("Кирило Анатолійович Бондаренко", kSurnameFirstList);
  ExpectParts(p, "Бондаренко", "Кирило", "Анатолійович");
  EXPECT_FALSE(p.surname_first);
  EXPECT_EQ(p.sex, Sex::kMale);
  p = Parse("Serhei Nykolaevych Horbuk", kSurnameFirstList);
  ExpectParts(p, "Horbuk", "Serhei", "Nykolaevych");
  EXPECT_FALSE(p.surname_first);
  // A surname may end like a patronymic (-евич); the one in the name table is the patronymic,
  // and the misspelt given name before it does not hide the order.
  ExpectParts(Parse("Дитро Валерійович Кисілевич", kSurnameFirstList), "Кисілевич", "Дитро",
              "Валерійович");
  // An unknown father's name is a patronymic by its ending alone.
  ExpectParts(Parse("Орест Зеновійович Гнатюк", kSurnameFirstList), "Гнатюк", "Орест",
              "Зеновійович");
  // And the other way round in a given-first list.
  ExpectParts(Parse("Шевченко Дмитро Олександрович", kGivenFirstList), "Шевченко", "Дмитро",
              "Олександрович");
  ExpectParts(Parse("Алі Гусейн огли Мамедов", kSurnameFirstList), "Мамедов", "Алі", "Гусейн огли");
}

// "Dmytro Shevchenko" in a surname-first list: a clerk reading it sees a given name before a
// surname, and so does the parser. The given-name table outweighs the list's order; a
// surname-like ending alone does not, as it is also what a misspelt given name can look like.
TEST(FullNameParserPriorTest, GivenNameTableOutweighsTheListOrder) {
  ExpectParts(Parse("Dmytro Shevchenko", kSurnameFirstList), "Shevchenko", "Dmytro", "");
  ExpectParts(Parse("Dmytro Bondar", kSurnameFirstList), "Bondar", "Dmytro", "");
  ExpectParts(Parse("Шевченко Дмитро", kGivenFirstList), "Шевченко", "Дмитро", "");
  // Without a prior the ending alone decides; a list's order outweighs it.
  ExpectParts(Parse("Коваль Валетин"), "Валетин", "Коваль", "");
  ExpectParts(Parse("Коваль Валетин", kSurnameFirstList), "Коваль", "Валетин", "");
}

TEST(FullNameParserPriorTest, DeclaredOrderIsObeyed) {
  ParsedName p = Parse("Кирило Анатолійович Бондаренко", kDeclaredSurnameFirst);
  ExpectParts(p, "Кирило", "Анатолійович", "Бондаренко");
  EXPECT_NE(p.reason.find("order declared for the list"), std::string::npos) << p.reason;
  ExpectParts(Parse("Dmytro Shevchenko", kDeclaredSurnameFirst), "Dmytro", "Shevchenko", "");
  ExpectParts(Parse("Шевченко Дмитро", kDeclaredGivenFirst), "Дмитро", "Шевченко", "");
  ExpectParts(Parse("Шевченко Дмитро Олександрович", kDeclaredGivenFirst), "Олександрович",
              "Шевченко", "Дмитро");
}

TEST(FullNameParserPriorTest, ClerksMarksOutrankADeclaredOrder) {
  ExpectParts(Parse("Шевченко, Дмитро Олександрович", kDeclaredGivenFirst), "Шевченко", "Дмитро",
              "Олександрович");
  ExpectParts(Parse("Dmytro SHEVCHENKO", kDeclaredSurnameFirst), "SHEVCHENKO", "Dmytro", "");
  ExpectParts(Parse("SHEVCHENKO Dmytro", kDeclaredGivenFirst), "SHEVCHENKO", "Dmytro", "");
  ExpectParts(Parse("Шевченко Д. О.", kDeclaredGivenFirst), "Шевченко", "Д.", "О.");
}

TEST(FullNameParserWrittenTest, PartsAsWritten) {
  // A Latin "e" inside Cyrillic, and three apostrophes: the fields are normalised, the written
  // parts are what the clerk typed.
  for (std::string_view given : {"Мар'яна", "Мар’яна", "Марʼяна"}) {
    const std::string text = "Шевчeнко " + std::string(given) + " Олексіївна";
    const ParsedName p = Parse(text, kSurnameFirstList);
    EXPECT_EQ(p.surname, "Шевченко") << text;
    EXPECT_EQ(p.given_key, "mariana") << text;
    EXPECT_EQ(p.written.surname.In(text), "Шевчeнко") << text;
    EXPECT_EQ(p.written.given.In(text), given) << text;
    EXPECT_EQ(p.written.patronymic.In(text), "Олексіївна") << text;
  }
}

TEST(FullNameParserWrittenTest, SpansFollowTheReading) {
  std::string_view text = "Кирило  Анатолійович  Бондаренко-Ковальчук";
  ParsedName p = Parse(text, kSurnameFirstList);
  EXPECT_EQ(p.written.surname.In(text), "Бондаренко-Ковальчук");
  EXPECT_EQ(p.written.given.In(text), "Кирило");
  EXPECT_EQ(p.written.patronymic.In(text), "Анатолійович");

  // A multi-word part spans what lies between its words as written.
  text = "Петренко  Бойко Іван Петрович";
  p = Parse(text, kSurnameFirstList);
  EXPECT_EQ(p.written.surname.In(text), "Петренко  Бойко");
  EXPECT_EQ(p.surname, "Петренко Бойко");

  // Joined initials are cut where the parser cuts them, even without a space.
  text = "Д.О.Шевченко";
  p = Parse(text, kSurnameFirstList);
  EXPECT_EQ(p.written.given.In(text), "Д.");
  EXPECT_EQ(p.written.patronymic.In(text), "О.");
  EXPECT_EQ(p.written.surname.In(text), "Шевченко");

  text = "Алі Гусейн огли Мамедов";
  p = Parse(text, kSurnameFirstList);
  EXPECT_EQ(p.written.patronymic.In(text), "Гусейн огли");

  text = "Шевченко Дмитро";  // a missing part is empty
  p = Parse(text, kSurnameFirstList);
  EXPECT_EQ(p.written.patronymic.size, 0u);
}

TEST(FullNameParserWrittenTest, FindWrittenPartsIsTheParsersReading) {
  for (std::string_view text :
       {"Шевченко Дмитро Олександрович", "Кирило Анатолійович Бондаренко", "Dmytro Shevchenko",
        "Роман Максим", "Shevchenko, Dmytro O.", "Д.О.Шевченко", "Мамедов Алі Гусейн огли",
        "Петренко Бойко Іван Петрович", "Шевченко"}) {
    for (NameOrderPrior prior : {NameOrderPrior::None(), kSurnameFirstList, kGivenFirstList,
                                 kDeclaredSurnameFirst, kDeclaredGivenFirst}) {
      const ParsedName p = Parse(text, prior);
      auto w = FindWrittenParts(text, prior);
      ASSERT_TRUE(w.has_value()) << text;
      EXPECT_EQ(w->surname.In(text), p.written.surname.In(text)) << text;
      EXPECT_EQ(w->given.In(text), p.written.given.In(text)) << text;
      EXPECT_EQ(w->patronymic.In(text), p.written.patronymic.In(text)) << text;
    }
  }
  EXPECT_FALSE(FindWrittenParts(" - ", kSurnameFirstList).has_value());
}

TEST(FullNameParserTest, PatronymicOrderEvidence) {
  EXPECT_EQ(PatronymicOrderEvidence("Шевченко Дмитро Олександрович"), NameOrder::kSurnameFirst);
  EXPECT_EQ(PatronymicOrderEvidence("Dmytro Oleksandrovych Shevchenko"), NameOrder::kGivenFirst);
  EXPECT_EQ(PatronymicOrderEvidence("Мамедов Алі Гусейн огли"), NameOrder::kSurnameFirst);
  EXPECT_EQ(PatronymicOrderEvidence("Алі Гусейн огли Мамедов"), NameOrder::kGivenFirst);
  // Бабич is no patronymic: the -ич ending alone is not enough.
  EXPECT_EQ(PatronymicOrderEvidence("Бабич Іван Петрович"), NameOrder::kSurnameFirst);
  // No vote: too few words, a comma, both places or neither.
  EXPECT_EQ(PatronymicOrderEvidence("Dmytro Shevchenko"), std::nullopt);
  EXPECT_EQ(PatronymicOrderEvidence("Шевченко, Дмитро Олександрович"), std::nullopt);
  EXPECT_EQ(PatronymicOrderEvidence("Петрович Іванович Петрович"), std::nullopt);
  EXPECT_EQ(PatronymicOrderEvidence("Петренко Бойко Коваль"), std::nullopt);
  EXPECT_EQ(PatronymicOrderEvidence(" , "), std::nullopt);
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
