#include "names/full_name_split.h"

#include <gtest/gtest.h>

#include <tuple>
#include <vector>

namespace parley::names {
namespace {

void ExpectSplit(std::string_view full, NameOrder order, std::string_view surname,
                 std::string_view given, std::string_view patronymic) {
  NameParts p = SplitFullName(full, NameOrderPrior::File(order));
  EXPECT_EQ(p.surname, surname) << full;
  EXPECT_EQ(p.given_name, given) << full;
  EXPECT_EQ(p.patronymic, patronymic) << full;
}

constexpr NameOrder kSf = NameOrder::kSurnameFirst;
constexpr NameOrder kGf = NameOrder::kGivenFirst;

TEST(FullNameSplit, SurnameFirst) {
  ExpectSplit("Шевченко Дмитро Олександрович", kSf, "Шевченко", "Дмитро", "Олександрович");
  ExpectSplit("  Шевченко   Дмитро  ", kSf, "Шевченко", "Дмитро", "");
  ExpectSplit("Шевченко", kSf, "Шевченко", "", "");
  ExpectSplit("", kSf, "", "", "");
}

TEST(FullNameSplit, GivenFirst) {
  ExpectSplit("Dmytro Oleksandrovych Shevchenko", kGf, "Shevchenko", "Dmytro", "Oleksandrovych");
  ExpectSplit("Dmytro Shevchenko", kGf, "Shevchenko", "Dmytro", "");
}

TEST(FullNameSplit, CommaEndsTheSurname) {
  ExpectSplit("Шевченко, Дмитро Олександрович", kGf, "Шевченко", "Дмитро", "Олександрович");
  ExpectSplit("Петренко-Бойко,Іван", kSf, "Петренко-Бойко", "Іван", "");
}

TEST(FullNameSplit, UpperCaseTokenIsTheSurname) {
  ExpectSplit("SHEVCHENKO Dmytro", kGf, "SHEVCHENKO", "Dmytro", "");
  ExpectSplit("Dmytro SHEVCHENKO", kSf, "SHEVCHENKO", "Dmytro", "");
  ExpectSplit("ШЕВЧЕНКО Дмитро Олександрович", kGf, "ШЕВЧЕНКО", "Дмитро", "Олександрович");
  // All capitals everywhere says nothing: the file order decides.
  ExpectSplit("ШЕВЧЕНКО ДМИТРО ОЛЕКСАНДРОВИЧ", kSf, "ШЕВЧЕНКО", "ДМИТРО", "ОЛЕКСАНДРОВИЧ");
  // Capitals romanised letter by letter, a digraph with one capital, are still capitals: the
  // import keeps the surname whole, in either file order.
  ExpectSplit("Naser ShAKhROKhI", kSf, "ShAKhROKhI", "Naser", "");
  ExpectSplit("KhAZAI Kamran", kGf, "KhAZAI", "Kamran", "");
}

TEST(FullNameSplit, InitialsAreNotASurname) {
  // Joined initials are the given name's and the patronymic's, as the parser reads them.
  ExpectSplit("Шевченко Д.О.", kSf, "Шевченко", "Д.", "О.");
  ExpectSplit("Шевченко Д. О.", kSf, "Шевченко", "Д.", "О.");
  ExpectSplit("Д.О.Шевченко", kSf, "Шевченко", "Д.", "О.");
}

TEST(FullNameSplit, ExtraTokensStayWithTheSurname) {
  ExpectSplit("Петренко Бойко Іван Петрович", kSf, "Петренко Бойко", "Іван", "Петрович");
  ExpectSplit("Іван Петрович Петренко Бойко", kGf, "Петренко Бойко", "Іван", "Петрович");
}

TEST(FullNameSplit, TurkicParticleBelongsToThePatronymic) {
  ExpectSplit("Мамедов Алі Гусейн огли", kSf, "Мамедов", "Алі", "Гусейн огли");
  ExpectSplit("Алієва Лейла Расул кизи", kSf, "Алієва", "Лейла", "Расул кизи");
  ExpectSplit("Алі Гусейн огли Мамедов", kGf, "Мамедов", "Алі", "Гусейн огли");
}

// Issue 12: rows written given name first in a surname-first list, and the other way round.
TEST(FullNameSplit, EachRowIsReadByItsOwnEvidence) {
  ExpectSplit("Кирило Анатолійович Бондаренко", kSf, "Бондаренко", "Кирило", "Анатолійович");
  ExpectSplit("Serhei Nykolaevych Horbuk", kSf, "Horbuk", "Serhei", "Nykolaevych");
  ExpectSplit("Dmytro Shevchenko", kSf, "Shevchenko", "Dmytro", "");
  ExpectSplit("Шевченко Дмитро Олександрович", kGf, "Шевченко", "Дмитро", "Олександрович");
  // Both words are given names: the list's order decides.
  ExpectSplit("Роман Максим", kSf, "Роман", "Максим", "");
  ExpectSplit("Роман Максим", kGf, "Максим", "Роман", "");
}

TEST(FullNameSplit, PartsAreKeptAsWritten) {
  ExpectSplit("Шевчeнко Мар’яна Олексіївна", kSf, "Шевчeнко", "Мар’яна", "Олексіївна");
  ExpectSplit("Мар'яна Олексіївна O'Коннор-Шевчeнко", kSf, "O'Коннор-Шевчeнко", "Мар'яна",
              "Олексіївна");
  ExpectSplit("Mar'iana Oleksiivna Shevchenko", kSf, "Shevchenko", "Mar'iana", "Oleksiivna");
}

TEST(FullNameSplit, DeclaredOrderBindsUnmarkedRows) {
  const NameOrderPrior declared = NameOrderPrior::Forced(kSf);
  NameParts p = SplitFullName("Кирило Анатолійович Бондаренко", declared);
  EXPECT_EQ(p.surname, "Кирило");
  p = SplitFullName("Кирило Анатолійович БОНДАРЕНКО", declared);
  EXPECT_EQ(p.surname, "БОНДАРЕНКО");
  EXPECT_EQ(p.given_name, "Кирило");
}

TEST(FullNameSplit, AnUnreadableCellIsKeptWhole) {
  ExpectSplit("-", kSf, "-", "", "");
  ExpectSplit("№ 12", kSf, "№ 12", "", "");
}

TEST(FullNameSplit, PatronymicSuffixes) {
  for (std::string_view p :
       {"Олександрович", "Сергійович", "Миколаївна", "Іванівна", "Николаевич", "Ильинична",
        "Oleksandrovych", "Nikolaevich", "Ivanivna", "Petrovna", "ПЕТРОВИЧ"}) {
    EXPECT_TRUE(LooksLikePatronymic(p)) << p;
  }
  for (std::string_view p : {"Шевченко", "Дмитро", "Ич", "Olga", "Коваль"}) {
    EXPECT_FALSE(LooksLikePatronymic(p)) << p;
  }
}

TEST(FullNameSplit, DetectsOrderByMajority) {
  std::vector<std::string_view> surname_first = {"Шевченко Дмитро Олександрович",
                                                 "Коваль Ольга Іванівна", "Бондар Ігор"};
  EXPECT_EQ(DetectNameOrder(surname_first), kSf);
  std::vector<std::string_view> given_first = {
      "Dmytro Oleksandrovych Shevchenko", "Olha Ivanivna Koval", "Ihor Bondar",
      "Шевченко Дмитро Олександрович"};  // one row the other way does not flip the file
  EXPECT_EQ(DetectNameOrder(given_first), kGf);
  std::vector<std::string_view> no_evidence = {"John Smith", "Mary Jones"};
  EXPECT_EQ(DetectNameOrder(no_evidence), kSf);
  // A surname ending in -ич (Бабич) does not vote given-first when the last word also looks
  // like a patronymic.
  std::vector<std::string_view> babych = {"Бабич Іван Петрович"};
  EXPECT_EQ(DetectNameOrder(babych), kSf);
  EXPECT_EQ(NameOrderName(kGf), "given-first");
}

ColumnsRead Columns(std::string surname, std::string given, std::string patronymic) {
  return ReadNameColumns({std::move(surname), std::move(given), std::move(patronymic)},
                         NameOrderPrior::None());
}

TEST(ReadNameColumns, AWholeNameInTheSurnameCellIsSplit) {
  ColumnsRead r = Columns("Слюсар Олександр Іванович", "", "");
  EXPECT_EQ(r.reading, ColumnReading::kFullNameInSurname);
  EXPECT_EQ(r.parts.surname, "Слюсар");
  EXPECT_EQ(r.parts.given_name, "Олександр");
  EXPECT_EQ(r.parts.patronymic, "Іванович");
  // Given name first, by its patronymic form, even with no order declared.
  r = Columns("Овксентій Ярославович Зуєв", "", "");
  EXPECT_EQ(r.parts.surname, "Зуєв");
  EXPECT_EQ(r.parts.given_name, "Овксентій");
}

TEST(ReadNameColumns, GivenNameInTheSurnameCellIsSwappedBack) {
  ColumnsRead r = Columns("Андрій", "Дяків", "Андрійович");
  EXPECT_EQ(r.reading, ColumnReading::kGivenAndSurnameSwapped);
  EXPECT_EQ(r.parts.surname, "Дяків");
  EXPECT_EQ(r.parts.given_name, "Андрій");
  EXPECT_EQ(r.parts.patronymic, "Андрійович");
}

TEST(ReadNameColumns, ARareGivenNameInTheSurnameCellIsSwappedBackToo) {
  for (const auto& [given, surname] : std::vector<std::pair<std::string, std::string>>{
           {"Тит", "Науменко"}, {"Феодосій", "Волошенко"}, {"Юстин", "Журба"}}) {
    ColumnsRead r = Columns(given, surname, "");
    EXPECT_EQ(r.reading, ColumnReading::kGivenAndSurnameSwapped) << given;
    EXPECT_EQ(r.parts.surname, surname);
    EXPECT_EQ(r.parts.given_name, given);
  }
}

TEST(ReadNameColumns, CellsThatSayNothingStayAsWritten) {
  for (const auto& [s, g, p] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"Шевченко", "Дмитро", "Олександрович"},  // as it should be
           {"Роман", "Максим", ""},                  // both given names: no evidence
           {"Петренко-Ковальчук", "", ""},           // one (double) surname
           {"Шевченко", "", ""}}) {
    ColumnsRead r = Columns(s, g, p);
    EXPECT_EQ(r.reading, ColumnReading::kAsWritten) << s << " " << g;
    EXPECT_EQ(r.parts.surname, s);
    EXPECT_EQ(r.parts.given_name, g);
  }
}

}  // namespace
}  // namespace parley::names
