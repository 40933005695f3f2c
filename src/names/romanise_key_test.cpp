#include "names/romanise_key.h"

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>
#include <thread>
#include <vector>

#include "names/string_similarity.h"

namespace parley::names {
namespace {

std::string Key(std::string_view s) {
  auto k = RomanKey(s);
  EXPECT_TRUE(k.has_value()) << s;
  return k.value_or("<error>");
}

void ExpectAllSameKey(const std::vector<std::string_view>& forms) {
  const std::string first = Key(forms.front());
  for (auto form : forms) EXPECT_EQ(Key(form), first) << form << " vs " << forms.front();
}

TEST(NamesRomanKeyTest, ShevchenkoInEverySystem) {
  EXPECT_EQ(Key("Шевченко"), "shevchenko");
  ExpectAllSameKey({"Шевченко", "ШЕВЧЕНКО", "Shevchenko", "SHEVCHENKO", "Ševčenko", "Schewtschenko",
                    "Szewczenko", "Shewchenko"});
}

TEST(NamesRomanKeyTest, LysenkoUkrainianRussianLatin) {
  ExpectAllSameKey({"Лисенко", "Лысенко", "Lysenko", "Lisenko", "Lyssenko"});
}

TEST(NamesRomanKeyTest, YuriiEverySystem) {
  EXPECT_EQ(Key("Юрій"), "iuri");
  ExpectAllSameKey({"Юрій", "Юрий", "Yurii", "Iurii", "Yuriy", "Jurij", "Yury", "Yuri", "Iouri"});
}

TEST(NamesRomanKeyTest, IotatedVowels) {
  ExpectAllSameKey({"Наталія", "Наталья", "Nataliia", "Natalya", "Nataliya", "Natalia"});
  ExpectAllSameKey({"Марія", "Мария", "Mariia", "Mariya", "Maria"});
  ExpectAllSameKey({"Андрієнко", "Андриенко", "Andriienko", "Andrienko", "Andriyenko"});
}

TEST(NamesRomanKeyTest, HAndGAndKh) {
  ExpectAllSameKey({"Григорій", "Григорий", "Hryhorii", "Grigoriy", "Grigorij"});
  ExpectAllSameKey({"Харченко", "Kharchenko", "KHARCHENKO"});
  EXPECT_NE(Key("Гарченко"), Key("Харченко"));
  ExpectAllSameKey({"Згурський", "Zghurskyi"});
  EXPECT_NE(Key("Згурський"), Key("Журський"));
}

TEST(NamesRomanKeyTest, TsAndX) {
  ExpectAllSameKey({"Кравець", "Kravets", "Kravetz", "Kravec"});
  ExpectAllSameKey({"Олександр", "Oleksandr", "Olexandr"});
  ExpectAllSameKey({"Ксенія", "Kseniia", "Xenia", "Ksenya"});
}

TEST(NamesRomanKeyTest, YoAndYe) {
  ExpectAllSameKey({"Фёдор", "Федор", "Fyodor", "Fedor", "Fiodor"});
  ExpectAllSameKey({"Пётр", "Петр", "Pyotr", "Petr"});
  ExpectAllSameKey({"Євген", "Yevhen", "Ievgen", "Evgen", "Jewgen"});
  // Ukrainian "ьо" and Russian "ье" differ by the dropped soft sign; the given-name table,
  // not the key, makes these patronymics equal.
  EXPECT_EQ(Key("Васильович"), Key("Vasylovych"));
  EXPECT_EQ(Key("Васильевич"), Key("Vasilyevich"));
}

TEST(NamesRomanKeyTest, ShchAndSh) {
  ExpectAllSameKey({"Щербак", "Shcherbak", "Scherbak", "Ščerbak", "Szczerbak"});
}

TEST(NamesRomanKeyTest, SoftSignsAndApostrophesDropped) {
  ExpectAllSameKey({"Мар'яна", "Марʼяна", "Марьяна", "Mariana", "Mar'iana", "Maryana"});
  ExpectAllSameKey({"Ковальчук", "Kovalchuk", "Koval'chuk", "Kowalczuk"});
}

// DOMAIN.md: "Surnames change letters, not roots: і→и, и→ы, є→е, ї→и, ґ→г, ' dropped or ъ/ь,
// -ський→-ский".
TEST(NamesRomanKeyTest, DomainSurnameLetterChanges) {
  ExpectAllSameKey({"Гнатишин", "Гнатышин"});    // и→ы
  ExpectAllSameKey({"Білик", "Билик"});          // і→и
  ExpectAllSameKey({"Євтушенко", "Евтушенко"});  // є→е
  ExpectAllSameKey({"Їжакевич", "Ижакевич"});    // ї→и
  ExpectAllSameKey({"Ґалаґан", "Галаган"});      // ґ→г
  ExpectAllSameKey({"Дем'яненко", "Демʼяненко", "Демьяненко", "Демъяненко", "Демяненко"});
  ExpectAllSameKey({"Вишневський", "Вишневский"});  // -ський→-ский
}

TEST(NamesRomanKeyTest, HomoglyphsRepairedBeforeRomanising) {
  // A Latin "C" inside a Cyrillic word must romanise as "с", not "ц"/"к".
  EXPECT_EQ(Key("Cергій"), Key("Сергій"));
  EXPECT_EQ(Key("BАСИЛЬ"), Key("ВАСИЛЬ"));
  EXPECT_EQ(Key("Petrоv"), "petrov");
}

TEST(NamesRomanKeyTest, WordsAndSeparators) {
  EXPECT_EQ(Key("Петренко-Ковальчук  Олена"), "petrenko kovalchuk olena");
  EXPECT_EQ(Key("Shevchenko, Dmytro O."), "shevchenko dmitro o");
  EXPECT_EQ(Key(""), "");
  EXPECT_EQ(Key(" - "), "");
}

TEST(NamesRomanKeyTest, DifferentNamesStayApart) {
  EXPECT_NE(Key("Шевченко"), Key("Шевчук"));
  EXPECT_NE(Key("Іванов"), Key("Іваненко"));
  EXPECT_NE(Key("Жук"), Key("Зук"));
  EXPECT_NE(Key("Юрій"), Key("Урій"));
  EXPECT_NE(Key("Чорний"), Key("Чарний"));
}

TEST(NamesRomanKeyTest, ForeignLettersGoThroughIcu) {
  EXPECT_EQ(Key("Grüßer"), "gruser");
  EXPECT_EQ(Key("Ørsted"), "orsted");
}

TEST(NamesRomanKeyTest, SafeFromManyThreads) {
  // Each thread builds its own ICU fallback transliterator; results must not interfere.
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (std::size_t t = 0; t < wrong.size(); ++t) {
    threads.emplace_back([t, &wrong] {
      for (int i = 0; i < 200; ++i) {
        if (RomanKey("Grüßer Ørsted Шевченко").value_or("") != "gruser orsted shevchenko") {
          ++wrong[t];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int w : wrong) EXPECT_EQ(w, 0);
}

TEST(NamesRomanKeyTest, RejectsInvalidUtf8) {
  auto k = RomanKey("Шевч\xC0\xAF");
  ASSERT_FALSE(k.has_value());
  EXPECT_EQ(k.error().code, ErrorCode::kInvalidInput);
}

TEST(NamesFoldLatinWordTest, Rules) {
  EXPECT_EQ(FoldLatinWord("khmelnytskyi"), "khmelnitski");
  EXPECT_EQ(FoldLatinWord("nicolai"), "nikolai");
  EXPECT_EQ(FoldLatinWord("victor"), "viktor");
  EXPECT_EQ(FoldLatinWord("philip"), "filip");
  EXPECT_EQ(FoldLatinWord("tchaikovsky"), "chaikovski");
}

// Differential check against ICU's own BGN/PCGN transliterators: whatever romanisation ICU
// produces for a Cyrillic name must fold to the key computed directly from the Cyrillic.
std::string IcuRomanise(const char* id, std::string_view cyrillic) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
  EXPECT_TRUE(U_SUCCESS(status)) << id;
  if (U_FAILURE(status)) return {};
  auto text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(cyrillic.data(), static_cast<int32_t>(cyrillic.size())));
  t->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

TEST(NamesRomanKeyDifferentialTest, RussianBgnFoldsToSameKey) {
  for (std::string_view name :
       {"Александр", "Юрьевич", "Щербаков", "Воробьёв", "Хмельницкий", "Наталья", "Евгений",
        "Фёдорович", "Лысенко", "Цыганков", "Жуковская", "Ерёменко", "Мария", "Ульяна"}) {
    const std::string latin = IcuRomanise("Russian-Latin/BGN", name);
    EXPECT_EQ(Key(latin), Key(name)) << name << " -> " << latin;
  }
}

TEST(NamesRomanKeyDifferentialTest, UkrainianBgnFoldsToSameKey) {
  for (std::string_view name :
       {"Олександр", "Юрійович", "Щербак", "Хмельницький", "Наталія", "Євген", "Григорій",
        "Їжакевич", "Марʼяна", "Ковальчук", "Андрієнко", "Гнатюк", "Ярослава", "Згурський"}) {
    const std::string latin = IcuRomanise("Ukrainian-Latin/BGN", name);
    EXPECT_EQ(Key(latin), Key(name)) << name << " -> " << latin;
  }
}

// One byte per Cyrillic letter: a slip on ч, ш, ц, я or ю is one edit, as the clerk typed it.
TEST(OneBytePerLetterTest, DigraphsOfOneCyrillicLetterAreOneByte) {
  EXPECT_EQ(OneBytePerLetter("shevchuk"), "SevCuk");
  EXPECT_EQ(OneBytePerLetter(*RomanKey("Бугай")).size(), 5u);
  EXPECT_EQ(
      EditDistance(OneBytePerLetter(*RomanKey("БЦГАЙ")), OneBytePerLetter(*RomanKey("Бугай"))), 1);
  EXPECT_EQ(
      EditDistance(OneBytePerLetter(*RomanKey("Рючук")), OneBytePerLetter(*RomanKey("Юрчук"))), 1);
  EXPECT_EQ(OneBytePerLetter(*RomanKey("Дяк")), "dAk");
  std::array<char, 4> small{};
  EXPECT_EQ(OneBytePerLetter("kovalenko", small), 0u) << "too long for the buffer";
  EXPECT_EQ(OneBytePerLetter("", small), 0u);
}

// A slip that doubles a letter, or lands beside a letter the key merges with its neighbour, is
// one edit in the letters as typed, where the key makes it two.
// A doubled letter written with two Latin letters merges as a doubled one-letter letter does.
TEST(RomanKeyTest, ADoubledGroupIsOneLetter) {
  EXPECT_EQ(*RomanKey("Юххим"), *RomanKey("Юхим"));
  EXPECT_EQ(*RomanKey("Шевччук"), *RomanKey("Шевчук"));
  EXPECT_EQ(*RomanKey("Еффим"), *RomanKey("Ефим"));
  EXPECT_EQ(*RomanLetters("Юххим"), "UKKim") << "the letters as typed keep both";
}

TEST(RomanLettersTest, KeepLettersTheKeyMerges) {
  EXPECT_EQ(*RomanLetters("Ббенко"), "bbenko");
  EXPECT_EQ(*RomanKey("Ббенко"), "benko");
  EXPECT_EQ(*RomanLetters("Мухіо"), "muKio");
  EXPECT_EQ(*RomanKey("Мухіо"), "mukhe");
  EXPECT_EQ(*RomanLetters("Дооош"), "doooS");
  EXPECT_EQ(*RomanLetters("Киьилюк"), "kiilUk") << "the soft sign is not a letter of the key";
  EXPECT_EQ(*RomanLetters("ЩУКА"), *RomanLetters("Щука"));
  EXPECT_EQ(*RomanLetters("Cавка"), "savka") << "look-alike Latin C repaired, as in the key";
  EXPECT_EQ(*RomanLetters("Бабенко"), OneBytePerLetter(*RomanKey("Бабенко")))
      << "where the key merges nothing, the two agree";
  EXPECT_EQ(*RomanLetters("Тзюба"), "tzUba") << "т + з stay two letters";
  EXPECT_EQ(*RomanLetters("Дзюба"), "dzUba");
  EXPECT_EQ(*RomanLetters("Щука"), "Suka") << "щ is one letter";
  EXPECT_EQ(*RomanLetters("Hryhorenko"), "grigorenko") << "a Latin word folds as the key does";
  EXPECT_EQ(*RomanLetters("Shevchenko"), "SevCenko");
  EXPECT_FALSE(RomanLetters("\xff").has_value());
}

}  // namespace
}  // namespace parley::names
