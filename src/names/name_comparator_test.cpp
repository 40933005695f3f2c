#include "names/name_comparator.h"

#include <gtest/gtest.h>

#include <utility>

namespace parley::names {
namespace {

double Score(std::string_view a, std::string_view b) {
  auto s = CompareFullNames(a, b);
  EXPECT_TRUE(s.has_value()) << a << " | " << b;
  return s ? s->score : -1.0;
}

constexpr std::string_view kDmytro = "Шевченко Дмитро Олександрович";

TEST(NameComparatorTest, SamePersonAcrossScriptsAndSystems) {
  for (std::string_view other :
       {"Шевченко Дмитрий Александрович", "SHEVCHENKO Dmytro Oleksandrovych",
        "SHEVCHENKO Dmitriy Aleksandrovich", "Дмитрий Александрович Шевченко",
        "Shevchenko, Dmytro Oleksandrovych", "Schewtschenko Dmitri Alexandrowitsch"}) {
    EXPECT_GE(Score(kDmytro, other), 0.95) << other;
  }
}

TEST(NameComparatorTest, NamesakeWithDifferentPatronymicDoesNotMatch) {
  const double namesake = Score(kDmytro, "Шевченко Дмитро Миколайович");
  const double same = Score(kDmytro, "Shevchenko Dmitriy Aleksandrovich");
  EXPECT_LT(namesake, kDefaultMatchThreshold);
  EXPECT_GT(same - namesake, 0.1);
  EXPECT_LT(Score(kDmytro, "Шевченко Дмитрий Николаевич"), kDefaultMatchThreshold);
}

TEST(NameComparatorTest, Initials) {
  EXPECT_GE(Score(kDmytro, "Shevchenko D. O."), kDefaultMatchThreshold);
  EXPECT_GE(Score(kDmytro, "Шевченко Д.А."), kDefaultMatchThreshold);  // А. = Александрович
  EXPECT_LT(Score(kDmytro, "Shevchenko D. M."), kDefaultMatchThreshold);
  EXPECT_LT(Score(kDmytro, "Шевченко О. О."), kDefaultMatchThreshold);
}

TEST(NameComparatorTest, DifferentGivenNamesDoNotMatch) {
  EXPECT_LT(Score("Шевченко Олександр Іванович", "Шевченко Олексій Іванович"),
            kDefaultMatchThreshold);
  EXPECT_LT(Score("Бондаренко Ганна Петрівна", "Бондаренко Галина Петрівна"),
            kDefaultMatchThreshold);
}

TEST(NameComparatorTest, DifferentSurnamesDoNotMatch) {
  EXPECT_LT(Score(kDmytro, "Шевчук Дмитро Олександрович"), kDefaultMatchThreshold);
  EXPECT_LT(Score(kDmytro, "Коваленко Дмитро Олександрович"), 0.8);
}

// One slip as the linker counts it (SurnamesOneSlipApart): beside a letter the key merges, or
// beside a vowel the two languages write differently.
TEST(NameComparatorTest, ASurnameSlipTheKeyHidesIsOneSlip) {
  EXPECT_GE(Score("Ббенко Олексій Петрович", "Бабенко Олексій Петрович"), kDefaultMatchThreshold);
  EXPECT_GE(Score("Білоу Володимир Ярославович", "Белоус Владимир Ярославович"),
            kDefaultMatchThreshold);
  EXPECT_LT(Score("Білоус Володимир Ярославович", "Біла Володимир Ярославович"),
            kDefaultMatchThreshold);
}

// A double given name is each of its names, as the linker reads it.
TEST(NameComparatorTest, ADoubleGivenNameIsEachOfItsNames) {
  EXPECT_GE(Score("Маковецький Богдан-Ігор Григорович", "Маковецький Бодя Григорович"),
            kDefaultMatchThreshold);
  EXPECT_GE(Score("Маковецький Богдан-Ігор Григорович", "Маковецкий Игорь Григорьевич"),
            kDefaultMatchThreshold);
  EXPECT_LT(Score("Маковецький Богдан-Ігор Григорович", "Маковецький Андрій Григорович"),
            kDefaultMatchThreshold);
  EXPECT_LT(Score("Маковецький Богдан-Ігор Григорович", "Маковецький Богдан-Андрій Григорович"),
            kDefaultMatchThreshold)
      << "two double names sharing one name are two people";
}

TEST(NameComparatorTest, SexConflict) {
  // Same surname stem and father, one a man and one a woman: brother and sister.
  auto s = CompareFullNames("Іванов Женя Петрович", "Іванова Женя Петрівна");
  ASSERT_TRUE(s.has_value());
  EXPECT_TRUE(s->sex_conflict);
  EXPECT_LT(s->score, kDefaultMatchThreshold);
}

TEST(NameComparatorTest, UkrainianRussianFemaleForms) {
  EXPECT_GE(Score("Лисенко Ганна Миколаївна", "Лысенко Анна Николаевна"), 0.95);
  EXPECT_GE(Score("Ковальська Олена Петрівна", "Kovalskaya Elena Petrovna"), 0.95);
  EXPECT_GE(Score("Тетяна Юріївна Іванова", "IVANOVA Tatiana Yurievna"), 0.95);
}

TEST(NameComparatorTest, TyposAndMissingParts) {
  EXPECT_GE(Score(kDmytro, "Шевчнко Дмитро Олександрович"), kDefaultMatchThreshold);
  EXPECT_GE(Score(kDmytro, "Шевченко Дмитро"), kDefaultMatchThreshold);
  EXPECT_GE(Score("Петренко Олександр", "Петренко Саша"), kDefaultMatchThreshold);
  EXPECT_LT(Score("Петренко Олександр", "Петренко Саша"), 1.0);  // diminutive: less sure
}

TEST(NameComparatorTest, OneSurnameTypoAnywhereWithTheSameNamesMatches) {
  // Jaro-Winkler alone punishes a typo in the first letters; one edit is one edit.
  EXPECT_GE(Score(kDmytro, "Евченко Дмитро Олександрович"), kDefaultMatchThreshold);  // Ш dropped
  EXPECT_GE(Score(kDmytro, "Щевченко Дмитро Олександрович"), kDefaultMatchThreshold);
  EXPECT_GE(Score(kDmytro, "Шевеченко Дмитрий Александрович"), kDefaultMatchThreshold);
  EXPECT_GE(Score(kDmytro, "Ешвченко Дмитро Олександрович"), kDefaultMatchThreshold);  // swapped
  // Not with another given name or patronymic, nor two typos.
  EXPECT_LT(Score(kDmytro, "Евченко Олег Олександрович"), kDefaultMatchThreshold);
  EXPECT_LT(Score(kDmytro, "Евченко Дмитро Миколайович"), kDefaultMatchThreshold);
  EXPECT_LT(Score(kDmytro, "Евчинко Дмитро Олександрович"), kDefaultMatchThreshold);
}

TEST(NameComparatorTest, GivenNameTypoAcrossLanguages) {
  auto s = CompareFullNames("Шевченко Олекандр Іванович", "Шевченко Александр Иванович");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->given_evidence, PartEvidence::kTableNear);
  EXPECT_GE(s->score, kDefaultMatchThreshold);
  EXPECT_LT(s->score, 1.0);
  // A typo never turns into a conflict with a different known name.
  EXPECT_LT(Score("Шевченко Олекандр Іванович", "Шевченко Олексій Іванович"),
            kDefaultMatchThreshold);
}

// One list marks the surname with capitals, another writes the whole name in capitals or in
// plain letters: the words are the same, so is the person. Another middle name is still
// another person.
TEST(NameComparatorTest, SameWordsReadInOppositeOrdersStillMatch) {
  for (std::string_view other :
       {"KARIM YUSUF HADDAD", "Karim Yusuf Haddad", "karim yusuf haddad"}) {
    EXPECT_GE(Score("Karim Yusuf HADDAD", other), kDefaultMatchThreshold) << other;
    EXPECT_GE(Score(other, "Karim Yusuf HADDAD"), kDefaultMatchThreshold) << other;
  }
  EXPECT_LT(Score("Karim Yusuf HADDAD", "Karim Nabil HADDAD"), kDefaultMatchThreshold);
}

// Belarusian passports and lists romanise the Belarusian forms: Uladzimir Ryhoravich for
// Владимир Григорьевич, -enka for -енко, -ou for -ов. Another given name is still another man.
TEST(NameComparatorTest, BelarusianRomanisationMatchesTheRussianName) {
  EXPECT_GE(Score("Siarhei Mikalaevich TKACHUK", "Сергей Николаевич Ткачук"),
            kDefaultMatchThreshold);
  EXPECT_GE(Score("Uladzimir Ryhoravich KAVALENKA", "Владимир Григорьевич Коваленко"),
            kDefaultMatchThreshold);
  EXPECT_GE(Score("Volha Piatrouna BARSUKOVA", "Ольга Петровна Барсукова"), kDefaultMatchThreshold);
  EXPECT_GE(Score("Yauhen Iharavich ZHUK", "Евгений Игоревич Жук"), kDefaultMatchThreshold);
  EXPECT_LT(Score("Aliaksandr Ryhoravich KAVALENKA", "Алексей Григорьевич Коваленко"),
            kDefaultMatchThreshold);
}

// A stray key in a Latin surname is one slip, though the key reads the letters around it as
// other sounds ("cvh").
TEST(NameComparatorTest, OneKeystrokeInALatinSurnameIsOneSlip) {
  EXPECT_GE(Score("Oleksiy Arestovych", "Oleksiy Arestovycvh"), kDefaultMatchThreshold);
  EXPECT_LT(Score("Oleksiy Arestovych", "Oleksiy Arestenko"), kDefaultMatchThreshold);
}

// Turkey mediates: its clerks write Ukrainian and Russian names in Turkish letters.
TEST(NameComparatorTest, TurkishSpellingMatchesTheName) {
  EXPECT_GE(Score("Taras Şevçenko", "Тарас Шевченко"), 0.95);
  EXPECT_GE(Score("ŞEVÇENKO Taras", "Taras Shevchenko"), 0.95);
  EXPECT_GE(Score("Serhii Kravçenko", "Сергій Кравченко"), 0.95);
  EXPECT_GE(Score("Mıkola Curenko", "Микола Джуренко"), kDefaultMatchThreshold);
  EXPECT_LT(Score("Taras Şevçenko", "Тарас Шевчук"), kDefaultMatchThreshold);
}

// A register transliterates a surname in capitals letter by letter, each digraph with one
// capital: the Latin form is the Cyrillic name, not words run together.
TEST(NameComparatorTest, CapitalsWithTitleCaseDigraphsMatchTheCyrillicName) {
  EXPECT_GE(Score("ШАХРОХІ Насер", "ShAKhROKhI Naser"), 0.95);
  EXPECT_GE(Score("ДЖАФАРІ-НЕЖАД Мохаммад-Реза", "DZhAFARI-NEZhAD Mokhammad-Reza"), 0.95);
  EXPECT_GE(Score("КОВАЛЬЧУК Ярослава Іванівна", "KOVALChUK Yaroslava Ivanivna"), 0.95);
  EXPECT_LT(Score("ШАХРОХІ Насер", "ShAKhRIIaRI Naser"), kDefaultMatchThreshold);
}

// Four words or more with the surname moved from one end to the other: several given names,
// Spanish double surnames, Arabic names.
TEST(NameComparatorTest, TheSameWordsWithTheSurnameMovedMatch) {
  EXPECT_GE(Score("Dupont Jean Pierre Marie", "Jean Pierre Marie Dupont"), 0.95);
  EXPECT_GE(Score("Garcia Lopez Juan Carlos", "Juan Carlos Garcia Lopez"), 0.95);
  EXPECT_GE(Score("Мохаммад Алі Хассан Резаї", "REZAI Mokhammad Ali Khassan"), 0.95);
  EXPECT_GE(Score("Дюпон Жан П'єр Марі", "Zhan Pier Mari Diupon"), 0.95);
  // Another middle name, another surname, or the words in another order around the circle.
  EXPECT_LT(Score("Dupont Jean Pierre Marie", "Jean Paul Marie Dupont"), kDefaultMatchThreshold);
  EXPECT_LT(Score("Dupont Jean Pierre Marie", "Jean Pierre Marie Durand"), kDefaultMatchThreshold);
  EXPECT_LT(Score("Dupont Jean Pierre Marie", "Pierre Jean Marie Dupont"), kDefaultMatchThreshold);
  EXPECT_LT(Score("Abdullah Mohammed Saleh AL-HARBI", "AL-GHAMDI Abdullah Mohammed Saleh"),
            kDefaultMatchThreshold);
}

// A slip in the given name (not itself a name) and another in the surname, with nothing else
// to compare, is still the one person; a real other name is not.
TEST(NameComparatorTest, ASlipInTheGivenNameAndOneInTheSurnameMatch) {
  EXPECT_GE(Score("Volodmyr Hnatenko", "Volodymyr Hnatneko"), kDefaultMatchThreshold);
  EXPECT_GE(Score("Володмир Гнатенко", "Volodymyr Hnatneko"), kDefaultMatchThreshold);
  EXPECT_LT(Score("Volodymyr Hnatenko", "Vladyslav Hnatneko"), kDefaultMatchThreshold);
  EXPECT_LT(Score("Volodmyr Hnatenko", "Volodymyr Hnatiuk"), kDefaultMatchThreshold);
}

// A father's and a grandfather's names written by one list and left out by another.
TEST(NameComparatorTest, MiddleNamesLeftOutOnOneSideMatch) {
  EXPECT_GE(Score("Karim AL-NASIRI", "KARIM YUSUF AHMAD AL-NASIRI"), kDefaultMatchThreshold);
  EXPECT_GE(Score("Karim Yusuf AL-NASIRI", "KARIM YUSUF AHMAD AL-NASIRI"), kDefaultMatchThreshold);
  // Another middle name, or the words in another order, is another person.
  EXPECT_LT(Score("Karim Yusuf AL-NASIRI", "Karim Ahmad AL-NASIRI"), kDefaultMatchThreshold);
  EXPECT_LT(Score("Karim Yusuf AL-NASIRI", "YUSUF KARIM AHMAD AL-NASIRI"), kDefaultMatchThreshold);
}

// Foreign volunteers' names as their own countries' lists write them, against a clerk's.
TEST(NameComparatorTest, ForeignVolunteersShortNamesMatch) {
  EXPECT_GE(Score("Anthony Walker", "Tony Walker"), kDefaultMatchThreshold);
  EXPECT_GE(Score("Christopher Hall", "Chris Hall"), kDefaultMatchThreshold);
  EXPECT_GE(Score("Elizabeth Moore", "Élisabeth Moore"), kDefaultMatchThreshold);
  EXPECT_LT(Score("Anthony Walker", "Andrew Walker"), kDefaultMatchThreshold);
}

// A name with marks (ISO 9, Czech, Croatian) meets itself typed without them.
TEST(NameComparatorTest, AMarkedSpellingMatchesItselfUnaccented) {
  EXPECT_GE(Score("Taras Sevcenko", "Taras Ševčenko"), 0.95);
  EXPECT_LT(Score("Taras Sevcenko", "Taras Ševčuk"), kDefaultMatchThreshold);
}

// Akanye: Belarusian writes an unstressed o as a, and a Russian ear hears it so. A surname that
// differs only there is the same surname; one that differs in anything else is not made so.
TEST(NameComparatorTest, AnUnstressedOWrittenAIsTheSameSurname) {
  EXPECT_GE(Score("Yauhen Marozau", "Евгений Морозов"), kDefaultMatchThreshold);
  EXPECT_GE(Score("Uladzislau Barysenka", "Владислав Борисенко"), kDefaultMatchThreshold);
  EXPECT_GE(Score("Каваленка Сергей Иванович", "Коваленко Сергей Иванович"),
            kDefaultMatchThreshold);
  EXPECT_LT(Score("Yauhen Marozau", "Евгений Мазуров"), kDefaultMatchThreshold);
  EXPECT_LT(Score("Yauhen Marozau", "Евгений Морозенко"), kDefaultMatchThreshold);
}

// A surname made of a given name, its root written in the other language's form by a Russian
// clerk (Опанас / Афанасий): the same surname. Another surname of that name is not.
TEST(NameComparatorTest, ASurnamesGivenNameRootInTheOtherLanguageIsTheSameSurname) {
  EXPECT_GE(Score("Опанасенко Андрій Юрійович", "Афанасенко Андрей Юрьевич"),
            kDefaultMatchThreshold);
  EXPECT_GE(Score("Охрімович Іван Петрович", "Ефремович Иван Петрович"), kDefaultMatchThreshold);
  EXPECT_LT(Score("Гриценко Андрій Юрійович", "Григоренко Андрей Юрьевич"), kDefaultMatchThreshold);
  EXPECT_LT(Score("Опанасенко Андрій Юрійович", "Афанасенко Олег Юрьевич"), kDefaultMatchThreshold);
}

TEST(NameComparatorTest, HomoglyphsAndApostrophes) {
  EXPECT_DOUBLE_EQ(Score("Шевчeнко Дмитpо Олександрович", kDmytro), 1.0);
  // Identical once apostrophes are unified; no patronymic on either side costs the 3%.
  EXPECT_NEAR(Score("Мар'яненко Марʼяна", "Марʼяненко Мар’яна"), 0.97, 1e-12);
}

TEST(NameComparatorTest, SymmetricAndBounded) {
  const std::pair<std::string_view, std::string_view> pairs[] = {
      {kDmytro, "Shevchenko D. M."},
      {"Лисенко Ганна", "Lysenko Anna Mykolaivna"},
      {"Петренко-Ковальчук Олена", "Ковальчук Олена"},
      {"Шевченко", "Шевчук"},
  };
  for (const auto& [a, b] : pairs) {
    const double ab = Score(a, b);
    EXPECT_NEAR(ab, Score(b, a), 1e-12) << a << " | " << b;
    EXPECT_GE(ab, 0.0);
    EXPECT_LE(ab, 1.0);
  }
}

TEST(NameComparatorTest, DoubleSurnameHalfStillClose) {
  EXPECT_GE(Score("Петренко-Ковальчук Олена Іванівна", "Ковальчук Олена Іванівна"), 0.9);
}

TEST(NameComparatorTest, EvidenceAndExplanation) {
  auto s = CompareFullNames(kDmytro, "Шевченко Дмитрий Николаевич");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->given_evidence, PartEvidence::kTableSame);
  EXPECT_EQ(s->patronymic_evidence, PartEvidence::kTableDifferent);
  EXPECT_EQ(Explain(*s),
            "surname 1.00 (by spelling); given name 1.00 (same name in the name table); "
            "patronymic 0.00 (different names in the name table)");
  s = CompareFullNames(kDmytro, "Шевченко Дима");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->given_evidence, PartEvidence::kTableDiminutive);
  EXPECT_EQ(s->patronymic_evidence, PartEvidence::kNotCompared);
  EXPECT_NE(Explain(*s).find("patronymic (not compared"), std::string::npos) << Explain(*s);
  s = CompareFullNames(kDmytro, "Шевченко Д. М.");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->given_evidence, PartEvidence::kInitialAgrees);
  EXPECT_EQ(s->patronymic_evidence, PartEvidence::kInitialDisagrees);
}

TEST(NameComparatorTest, ErrorsPropagate) {
  auto s = CompareFullNames("Шевченко", "\xFF");
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace parley::names
