#include "link/comparison.h"

#include <gtest/gtest.h>

#include "link/prepared_list.h"

namespace parley::link {
namespace {

PersonRecord Rec(std::string surname, std::string given, std::string patronymic,
                 PartialDate birth = {}, std::string service = "", std::string place = "") {
  PersonRecord r;
  r.id = surname + given;
  r.surname = std::move(surname);
  r.given_name = std::move(given);
  r.patronymic = std::move(patronymic);
  r.birth_date = birth;
  r.service_number = std::move(service);
  r.birth_place = std::move(place);
  return r;
}

class ComparisonTest : public ::testing::Test {
 protected:
  ComparisonVector Compare(const PersonRecord& a, const PersonRecord& b) {
    std::vector<PersonRecord> records = {a, b};
    auto prepared = PrepareList(records, pool_, 1);
    EXPECT_TRUE(prepared.has_value());
    Comparator cmp(pool_);
    return cmp.Compare(prepared->keys[0], prepared->keys[1]);
  }
  std::uint8_t Level(const ComparisonVector& v, Field f) { return v[FieldIndex(f)]; }
  bool Crossed(const PersonRecord& a, const PersonRecord& b) {
    std::vector<PersonRecord> records = {a, b};
    auto prepared = PrepareList(records, pool_, 1);
    EXPECT_TRUE(prepared.has_value());
    return Comparator(pool_).NamesCrossed(prepared->keys[0], prepared->keys[1]);
  }
  StringPool pool_;
};

TEST_F(ComparisonTest, NameLevels) {
  auto v = Compare(Rec("Шевченко", "Олександр", "Миколайович"),
                   Rec("Шевченко", "Александр", "Николаевич"));
  EXPECT_EQ(Level(v, Field::kSurname), name_level::kExact);
  EXPECT_EQ(Level(v, Field::kGivenName), name_level::kEquivalent);
  EXPECT_EQ(Level(v, Field::kPatronymic), name_level::kEquivalent);

  v = Compare(Rec("Shevchenko", "Oleksandr", ""), Rec("Шевченко", "Олександр", "Іванович"));
  EXPECT_EQ(Level(v, Field::kSurname), name_level::kExact);
  EXPECT_EQ(Level(v, Field::kGivenName), name_level::kExact);
  EXPECT_EQ(Level(v, Field::kPatronymic), name_level::kMissing);

  v = Compare(Rec("Шевченко", "Дмитро", "Іванович"), Rec("Шевчеко", "Дмитро", "Петрович"));
  EXPECT_EQ(Level(v, Field::kSurname), name_level::kClose);
  EXPECT_EQ(Level(v, Field::kPatronymic), name_level::kDifferent);

  v = Compare(Rec("Шевченко", "Дмитро", ""), Rec("Коваленко", "Андрій", ""));
  EXPECT_EQ(Level(v, Field::kSurname), name_level::kDifferent);
  EXPECT_EQ(Level(v, Field::kGivenName), name_level::kDifferent);

  // One surname in Ukrainian and in Russian: і where Russian writes е or о.
  for (auto [uk, ru] : {std::pair{"Білецький", "Белецкий"}, std::pair{"Дяків", "Дьяков"},
                        std::pair{"BILETSKYI", "Белецкий"}}) {
    v = Compare(Rec(uk, "Дмитро", ""), Rec(ru, "Дмитрий", ""));
    EXPECT_EQ(Level(v, Field::kSurname), name_level::kEquivalent) << uk;
  }
  // Other vowels are other surnames, however close.
  v = Compare(Rec("Петренко", "Дмитро", ""), Rec("Петрунько", "Дмитро", ""));
  EXPECT_NE(Level(v, Field::kSurname), name_level::kEquivalent);
  v = Compare(Rec("Кириленко", "Дмитро", ""), Rec("Короленко", "Дмитро", ""));
  EXPECT_NE(Level(v, Field::kSurname), name_level::kEquivalent) << "two vowels: another name";
}

TEST_F(ComparisonTest, SwappedSurnameAndGivenName) {
  auto v = Compare(Rec("Шевченко", "Дмитро", ""), Rec("Дмитро", "Шевченко", ""));
  EXPECT_EQ(Level(v, Field::kSurname), name_level::kExact);
  EXPECT_EQ(Level(v, Field::kGivenName), name_level::kExact);
}

// A diminutive of several names (Слава: Ярослав, Святослав, Станіслав, В'ячеслав...) is
// the same name as each of them, and not another name; it is still not Ігор.
TEST_F(ComparisonTest, DiminutiveOfSeveralNamesIsEachOfThem) {
  for (const char* full : {"Ярослав", "Святослав", "Станіслав", "Владислав"}) {
    auto v = Compare(Rec("Пташник", "Слава", "Вікторович"), Rec("Пташник", full, "Вікторович"));
    EXPECT_EQ(Level(v, Field::kGivenName), name_level::kEquivalent) << full;
  }
  auto other = Compare(Rec("Пташник", "Слава", "Вікторович"), Rec("Пташник", "Ігор", "Вікторович"));
  EXPECT_LT(Level(other, Field::kGivenName), name_level::kEquivalent);
}

// A double given name (Богдан-Ігор) is each of its names: Бодя and Ігор are the bearer, Андрій
// is not. It is not one name of the table, so it never weighs as another name.
TEST_F(ComparisonTest, ADoubleGivenNameIsEachOfItsNames) {
  for (const char* called : {"Бодя", "Ігор", "Богдан", "Игорь"}) {
    auto v = Compare(Rec("Маковецький", "Богдан-Ігор", ""), Rec("Маковецький", called, ""));
    EXPECT_EQ(Level(v, Field::kGivenName), name_level::kEquivalent) << called;
  }
  auto other = Compare(Rec("Маковецький", "Богдан-Ігор", ""), Rec("Маковецький", "Андрій", ""));
  EXPECT_LT(Level(other, Field::kGivenName), name_level::kEquivalent);
  auto both =
      Compare(Rec("Маковецький", "Богдан-Ігор", ""), Rec("Маковецький", "Богдан-Андрій", ""));
  EXPECT_LT(Level(both, Field::kGivenName), name_level::kEquivalent)
      << "two double names sharing one name are two people";
}

// One slip in a surname is never "different", however short the stem it leaves (Сало / Мало:
// Jaro–Winkler 0.83).
TEST_F(ComparisonTest, SurnameOneTypoApartIsAtLeastSimilar) {
  auto v = Compare(Rec("Сало", "Михайло", ""), Rec("Мало", "Михаил", ""));
  EXPECT_EQ(Level(v, Field::kSurname), name_level::kSimilar);
  auto two = Compare(Rec("Сало", "Михайло", ""), Rec("Малу", "Михаил", ""));
  EXPECT_EQ(Level(two, Field::kSurname), name_level::kDifferent) << "two letters changed";
}

// A slip is counted in the letters the clerk typed: ц for у in БЦГАЙ is one letter, though its
// skeleton "ts" is two; a lost Ш or two Cyrillic letters swapped likewise.
TEST_F(ComparisonTest, ASlipOnALetterOfTwoLatinLettersIsOneSlip) {
  for (auto [typed, surname] :
       {std::pair{"БЦГАЙ", "Бугай"}, std::pair{"Евчук", "Шевчук"}, std::pair{"Рючук", "Юрчук"}}) {
    auto v = Compare(Rec(typed, "Станіслав", ""), Rec(surname, "Станіслав", ""));
    EXPECT_GE(Level(v, Field::kSurname), name_level::kSimilar) << typed;
  }
  auto two = Compare(Rec("Бцгаш", "Станіслав", ""), Rec("Бугай", "Станіслав", ""));
  EXPECT_EQ(Level(two, Field::kSurname), name_level::kDifferent) << "two letters changed";
  // Folding never loses the slip the skeletons show: Дяк / Зяк stay one letter apart.
  auto short_key = Compare(Rec("Дяк", "Віталій", ""), Rec("ЗЯК", "Виталий", ""));
  EXPECT_EQ(Level(short_key, Field::kSurname), name_level::kSimilar);
}

// A slip that doubles a letter (Ббенко: а dropped), lands beside one the key merges (Мухіо:
// о for н, and "іо" keys as "e") or makes two letters one group (Тзюба: т + з keys as "ts") is
// one slip in the letters as typed, though the keys differ by two; so is a slip in a surname
// whose stem is short (Рудий: "rud").
TEST_F(ComparisonTest, ASlipTheKeyMergesAwayIsOneSlip) {
  for (auto [typed, surname] :
       {std::pair{"Ббенко", "Бабенко"}, std::pair{"Мухіо", "Мухін"}, std::pair{"Дооош", "Дорош"},
        std::pair{"Киьилюк", "Кирилюк"}, std::pair{"Тииофєєв", "Тимофєєв"},
        std::pair{"Тзюба", "Дзюба"}, std::pair{"Еудий", "Рудий"}, std::pair{"Ульга", "Шульга"}}) {
    auto v = Compare(Rec(typed, "Олексій", "Петрович"), Rec(surname, "Олексій", "Петрович"));
    EXPECT_EQ(Level(v, Field::kSurname), name_level::kSimilar) << typed;
  }
  // A slip beside a vowel the two languages write differently: one slip in the vowel forms.
  auto vowel = Compare(Rec("Білоу", "Олексій", ""), Rec("Белоус", "Алексей", ""));
  EXPECT_EQ(Level(vowel, Field::kSurname), name_level::kSimilar);
  auto two = Compare(Rec("Ббенкр", "Олексій", ""), Rec("Бабенко", "Олексій", ""));
  EXPECT_EQ(Level(two, Field::kSurname), name_level::kDifferent) << "two letters changed";
}

// Two names of the table that are spelt alike are still two names; a slip of one is not.
TEST_F(ComparisonTest, TwoKnownGivenNamesSpeltAlikeAreDifferent) {
  for (auto [a, b] : {std::pair{"Олександр", "Олексій"}, std::pair{"Валентин", "Валерій"}}) {
    auto v = Compare(Rec("Кулик", a, "Анатолійович"), Rec("Кулик", b, "Анатолійович"));
    EXPECT_EQ(Level(v, Field::kGivenName), name_level::kDifferent) << a << " / " << b;
  }
  auto slip = Compare(Rec("Кулик", "Олександр", ""), Rec("Кулик", "Олексанлр", ""));
  EXPECT_GE(Level(slip, Field::kGivenName), name_level::kSimilar);
}

// A name the table lacks that begins as the known one does may be its diminutive (Роба for
// Роберт): similar, so kOtherGivenNameWeight does not count it as a brother's name. One that
// begins otherwise stays different.
TEST_F(ComparisonTest, AnUnknownNameBeginningAsTheKnownOneIsSimilar) {
  for (auto [a, b] : {std::pair{"Роберт", "Роба"}, std::pair{"Нестор", "Нестя"}}) {
    auto v = Compare(Rec("Кулик", a, "Анатолійович"), Rec("Кулик", b, "Анатолійович"));
    EXPECT_EQ(Level(v, Field::kGivenName), name_level::kSimilar) << a << " / " << b;
  }
  auto other = Compare(Rec("Кулик", "Роберт", ""), Rec("Кулик", "Зорян", ""));
  EXPECT_EQ(Level(other, Field::kGivenName), name_level::kDifferent);
}

// A clerk wrote the given name in the surname column and the surname in the given-name column.
// The crossed cells are compared as surnames, so a surname that stems ("Журба", "Петрова")
// meets itself wherever it was written.
TEST_F(ComparisonTest, SurnameAndGivenNameInEachOthersColumnsAgreeCrossed) {
  for (auto [surname, given] : {std::pair{"Журба", "Юстин"}, std::pair{"Науменко", "Тит"},
                                std::pair{"Петрова", "Галина"}}) {
    auto v = Compare(Rec(given, surname, ""), Rec(surname, given, "Павлович"));
    EXPECT_EQ(Level(v, Field::kSurname), name_level::kExact) << surname;
    EXPECT_EQ(Level(v, Field::kGivenName), name_level::kExact) << surname;
  }
  auto other = Compare(Rec("Юстин", "Журба", ""), Rec("Журба", "Тит", ""));
  EXPECT_EQ(Level(other, Field::kGivenName), name_level::kDifferent) << "only one name crossed";
  EXPECT_TRUE(Crossed(Rec("Зосим", "Куліш", ""), Rec("Куліш", "Зосим", "")));
  EXPECT_FALSE(Crossed(Rec("Куліш", "Зосим", ""), Rec("Куліш", "Зосим", "")));
  EXPECT_FALSE(Crossed(Rec("Юстин", "Журба", ""), Rec("Журба", "Тит", "")));
}

TEST(CompareDatesTest, EveryLevel) {
  const PackedDate d{1990, 3, 7};
  EXPECT_EQ(CompareDates(d, {1990, 3, 7}), date_level::kExact);
  EXPECT_EQ(CompareDates(d, {1990, 7, 3}), date_level::kSwapped);
  EXPECT_EQ(CompareDates(d, {1991, 3, 7}), date_level::kYearNear);
  EXPECT_EQ(CompareDates(d, {1990, 3, 8}), date_level::kSameYear);
  EXPECT_EQ(CompareDates(d, {1990, 0, 0}), date_level::kYearOnly);
  EXPECT_EQ(CompareDates(d, {1990, 3, 0}), date_level::kYearOnly);
  EXPECT_EQ(CompareDates(d, {0, 0, 0}), date_level::kMissing);
  EXPECT_EQ(CompareDates(d, {1985, 11, 20}), date_level::kDifferent);
  EXPECT_EQ(CompareDates(d, {1993, 0, 0}), date_level::kDifferent);
}

// "1989" against 07.03.1990 may be an age counted from the year, or a namesake born a year
// earlier: weak evidence, a level of its own, not the full date's one slip in the year
// (07.03.1991), which random pairs almost never show.
TEST(CompareDatesTest, YearOnlyOffByOneIsNotAFullDatesSlip) {
  const PackedDate d{1990, 3, 7};
  EXPECT_EQ(CompareDates(d, {1989, 0, 0}), date_level::kYearOnlyNear);
  EXPECT_EQ(CompareDates({1991, 3, 0}, d), date_level::kYearOnlyNear);
  EXPECT_EQ(CompareDates(d, {1991, 4, 0}), date_level::kDifferent) << "the month disagrees";
  EXPECT_EQ(CompareDates(d, {1991, 3, 7}), date_level::kYearNear);
  EXPECT_EQ(LevelName(Field::kBirthDate, date_level::kYearOnlyNear), "year_only_near");
}

// Each of the two clerks may slip once: the pair is then two slips apart, not "different".
TEST(CompareDatesTest, TwoSlipsOfThePen) {
  const PackedDate d{1967, 4, 5};
  EXPECT_EQ(CompareDates(d, {1966, 4, 4}), date_level::kTwoSlips) << "day and year off by one";
  EXPECT_EQ(CompareDates(d, {1968, 5, 4}), date_level::kTwoSlips) << "swapped, year off by one";
  EXPECT_EQ(CompareDates(d, {1965, 4, 5}), date_level::kTwoSlips) << "year off by one twice";
  EXPECT_EQ(CompareDates(d, {1977, 4, 5}), date_level::kYearNear) << "one digit of the year";
  EXPECT_EQ(CompareDates(d, {1976, 4, 5}), date_level::kYearNear) << "two digits swapped";
  EXPECT_EQ(CompareDates(d, {1966, 9, 30}), date_level::kDifferent) << "day and month both";
  EXPECT_EQ(CompareDates(d, {1964, 4, 5}), date_level::kDifferent) << "three years apart";
  EXPECT_EQ(CompareDates(d, {1965, 4, 4}), date_level::kDifferent) << "three slips";
}

// A day off is one slip whether or not it crosses a month's or a year's end.
TEST(CompareDatesTest, ADayOffAcrossTheEndOfAMonthOrYearIsOneSlip) {
  EXPECT_EQ(CompareDates({1982, 9, 30}, {1982, 10, 1}), date_level::kSameYear);
  EXPECT_EQ(CompareDates({1986, 11, 1}, {1986, 10, 31}), date_level::kSameYear);
  EXPECT_EQ(CompareDates({2001, 12, 31}, {2002, 1, 1}), date_level::kSameYear);
  EXPECT_EQ(CompareDates({1996, 2, 29}, {1996, 3, 1}), date_level::kSameYear) << "leap day";
  EXPECT_EQ(CompareDates({1982, 9, 30}, {1982, 10, 2}), date_level::kDifferent) << "two days";
  EXPECT_EQ(CompareDates({2001, 12, 31}, {2003, 1, 1}), date_level::kDifferent) << "a year more";
  EXPECT_EQ(CompareDates({1995, 2, 31}, {1995, 3, 1}), date_level::kDifferent)
      << "no such day: no calendar distance";
  // With the year off as well, that is two slips, as a day off within a month and a year off are.
  EXPECT_EQ(CompareDates({1990, 6, 1}, {1991, 5, 31}), date_level::kTwoSlips);
  EXPECT_EQ(CompareDates({1990, 6, 1}, {1991, 5, 30}), date_level::kDifferent) << "two days";
}

TEST(CompareDatesTest, YearsOneSlipApart) {
  EXPECT_TRUE(YearsOneSlipApart(1990, 1991));
  EXPECT_TRUE(YearsOneSlipApart(1975, 1985));
  EXPECT_TRUE(YearsOneSlipApart(1984, 1948));
  EXPECT_FALSE(YearsOneSlipApart(1990, 1993));
  EXPECT_FALSE(YearsOneSlipApart(1990, 1975));
  EXPECT_FALSE(YearsOneSlipApart(1984, 1849)) << "digits swapped but not neighbours";
}

TEST_F(ComparisonTest, ServiceNumberAfterHomoglyphRepair) {
  auto v = Compare(Rec("А", "Б", "", {}, "АВ123456"), Rec("А", "Б", "", {}, "AB 123456"));
  EXPECT_EQ(Level(v, Field::kServiceNumber), code_level::kExact);
  v = Compare(Rec("А", "Б", "", {}, "AB123456"), Rec("А", "Б", "", {}, "AB123465"));
  EXPECT_EQ(Level(v, Field::kServiceNumber), code_level::kClose);
  v = Compare(Rec("А", "Б", "", {}, "AB123456"), Rec("А", "Б", "", {}, "XY987654"));
  EXPECT_EQ(Level(v, Field::kServiceNumber), code_level::kDifferent);
  v = Compare(Rec("А", "Б", "", {}, "AB123456"), Rec("А", "Б", "", {}, ""));
  EXPECT_EQ(Level(v, Field::kServiceNumber), code_level::kMissing);
  // The letters romanised another way (French J for Ж), the six digits alike: close.
  v = Compare(Rec("А", "Б", "", {}, "ЖД814574"), Rec("А", "Б", "", {}, "JD 814574"));
  EXPECT_EQ(Level(v, Field::kServiceNumber), code_level::kClose);
  v = Compare(Rec("А", "Б", "", {}, "ЖД814574"), Rec("А", "Б", "", {}, "JD 814575"));
  EXPECT_EQ(Level(v, Field::kServiceNumber), code_level::kDifferent) << "letters and a digit";
  v = Compare(Rec("А", "Б", "", {}, "ЖД8145"), Rec("А", "Б", "", {}, "JD 8145"));
  EXPECT_EQ(Level(v, Field::kServiceNumber), code_level::kDifferent) << "too few digits";
}

TEST_F(ComparisonTest, BirthPlaceIgnoresSettlementType) {
  auto v = Compare(Rec("А", "Б", "", {}, "", "м. Харків"), Rec("А", "Б", "", {}, "", "Харків"));
  EXPECT_EQ(Level(v, Field::kBirthPlace), code_level::kExact);
  v = Compare(Rec("А", "Б", "", {}, "", "Харків"), Rec("А", "Б", "", {}, "", "г. Харьков"));
  EXPECT_EQ(Level(v, Field::kBirthPlace), code_level::kClose);
  v = Compare(Rec("А", "Б", "", {}, "", "Київ"), Rec("А", "Б", "", {}, "", "Киев"));
  EXPECT_EQ(Level(v, Field::kBirthPlace), code_level::kClose);
  v = Compare(Rec("А", "Б", "", {}, "", "Харків"), Rec("А", "Б", "", {}, "", "Одеса"));
  EXPECT_EQ(Level(v, Field::kBirthPlace), code_level::kDifferent);
  // A town under the name it bore before 2016 is the town (renamed_places.h).
  v = Compare(Rec("А", "Б", "", {}, "", "Артемівськ"), Rec("А", "Б", "", {}, "", "м.Бахмут"));
  EXPECT_EQ(Level(v, Field::kBirthPlace), code_level::kExact);
}

// The Ukrainian request says "солдат", the Russian register "рядовой": one rank. A promotion
// between the lists is "close"; a private and a colonel, or a civilian and a soldier, differ.
TEST_F(ComparisonTest, RankLevelsCompareGradesNotWords) {
  auto with_rank = [](std::string rank, std::string category = "") {
    PersonRecord r = Rec("Бондаренко", "Кирило", "Анатолійович");
    r.rank = std::move(rank);
    r.category = std::move(category);
    return r;
  };
  EXPECT_EQ(Level(Compare(with_rank("солдат"), with_rank("рядовой")), Field::kRank),
            code_level::kExact);
  EXPECT_EQ(Level(Compare(with_rank("сержант"), with_rank("старший сержант")), Field::kRank),
            code_level::kClose);
  EXPECT_EQ(Level(Compare(with_rank("рядовий"), with_rank("полковник")), Field::kRank),
            code_level::kDifferent);
  EXPECT_EQ(Level(Compare(with_rank("", "цивільний"), with_rank("гражданское лицо")), Field::kRank),
            code_level::kExact);
  EXPECT_EQ(Level(Compare(with_rank("", "цивільний"), with_rank("рядовой")), Field::kRank),
            code_level::kDifferent);
  EXPECT_EQ(Level(Compare(with_rank(""), with_rank("рядовой")), Field::kRank), kLevelMissing);
  EXPECT_EQ(Level(Compare(with_rank("водій"), with_rank("рядовой")), Field::kRank), kLevelMissing);
}

TEST(PatternCodeTest, RoundTripsEveryVector) {
  for (int code = 0; code < kPatternCount; ++code) {
    const auto v = FromPatternCode(static_cast<Pattern>(code));
    for (int f = 0; f < kFieldCount; ++f) ASSERT_LT(v[f], kLevelCount[f]);
    ASSERT_EQ(PatternCode(v), static_cast<Pattern>(code));
  }
}

TEST_F(ComparisonTest, CompareBestPicksTheBestPairOfNames) {
  PersonRecord a = Rec("Коваль", "Іван", "Петрович", {1980, 3, 4});
  a.extra.push_back({"aliases", "Бондар Олег | Шевченко Іван Петрович"});
  PersonRecord b = Rec("Шевченко", "Иван", "Петрович", {1980, 3, 4});
  std::vector<PersonRecord> records = {a, b};
  auto list = PrepareList(records, pool_, 1);
  ASSERT_TRUE(list.has_value()) << list.error().Describe();
  ASSERT_EQ(list->NameCount(0), 3u);
  ASSERT_EQ(list->NameCount(1), 1u);
  EXPECT_EQ(list->alias_text[1], "Шевченко Іван Петрович");
  Comparator cmp(pool_);
  NamePick pick;
  const ComparisonVector best = cmp.CompareBest(*list, 0, *list, 1, &pick);
  EXPECT_EQ(pick.left, 2);
  EXPECT_EQ(pick.right, 0);
  EXPECT_EQ(Level(best, Field::kSurname), name_level::kExact);
  EXPECT_GE(Level(best, Field::kGivenName), name_level::kEquivalent);
  EXPECT_EQ(Level(best, Field::kBirthDate), date_level::kExact);
  // The listed names alone disagree on the surname.
  const ComparisonVector listed = cmp.Compare(list->keys[0], list->keys[1]);
  EXPECT_LT(Level(listed, Field::kSurname), name_level::kSimilar);
  // Without aliases CompareBest is Compare, and the pick is the listed names.
  const ComparisonVector same = cmp.CompareBest(*list, 1, *list, 1, &pick);
  EXPECT_EQ(same, cmp.Compare(list->keys[1], list->keys[1]));
  EXPECT_EQ(pick.left, 0);
}

}  // namespace
}  // namespace parley::link
