#include "names/homoglyphs.h"

#include <gtest/gtest.h>

namespace parley::names {
namespace {

std::string Repair(std::string_view s) {
  auto r = RepairHomoglyphs(s);
  EXPECT_TRUE(r.has_value());
  return r.value_or("");
}

TEST(NamesHomoglyphsTest, LatinLettersInCyrillicWord) {
  EXPECT_EQ(Repair("Шевчeнко"), "Шевченко");  // Latin e
  EXPECT_EQ(Repair("CЕРГІЙ"), "СЕРГІЙ");      // Latin C
  EXPECT_EQ(Repair("ПETPEНKO"), "ПЕТРЕНКО");  // Latin E, T, P, K
  EXPECT_EQ(Repair("Bасиль"), "Василь");      // Latin B
  EXPECT_EQ(Repair("Mиxайлo"), "Михайло");    // Latin M, x, o
  EXPECT_EQ(Repair("Мiкола"), "Мікола");      // Latin i becomes Ukrainian і
}

TEST(NamesHomoglyphsTest, CyrillicLettersInLatinWord) {
  EXPECT_EQ(Repair("Petrоv"), "Petrov");          // Cyrillic о
  EXPECT_EQ(Repair("Shevсhenko"), "Shevchenko");  // Cyrillic с
  EXPECT_EQ(Repair("ОLEKSANDR"), "OLEKSANDR");    // Cyrillic О
}

TEST(NamesHomoglyphsTest, EachWordDecidesForItself) {
  EXPECT_EQ(Repair("Шевчeнко Petrоv"), "Шевченко Petrov");
}

TEST(NamesHomoglyphsTest, AllAmbiguousWordFollowsTheText) {
  // "OКO" (Latin O, Cyrillic К) has no letter that is surely one script; the text decides.
  EXPECT_EQ(Repair("Гнат OКO"), "Гнат ОКО");
  EXPECT_EQ(Repair("Hnat ОKО"), "Hnat OKO");
  // A pure word is left alone even in a text of the other script.
  EXPECT_EQ(Repair("Гнат OKO"), "Гнат OKO");
}

TEST(NamesHomoglyphsTest, CleanWordsAreUntouched) {
  EXPECT_EQ(Repair("Олександр Миколайович"), "Олександр Миколайович");
  EXPECT_EQ(Repair("Oleksandr Mykolaiovych"), "Oleksandr Mykolaiovych");
}

TEST(NamesHomoglyphsTest, ApostrophesAreUnified) {
  const std::string expected = "Марʼяна";
  EXPECT_EQ(Repair("Мар'яна"), expected);
  EXPECT_EQ(Repair("Мар’яна"), expected);
  EXPECT_EQ(Repair("Мар`яна"), expected);
  EXPECT_EQ(Repair("Мар‘яна"), expected);
  EXPECT_EQ(Repair("Марʼяна"), expected);
}

TEST(NamesHomoglyphsTest, HardSignAsUkrainianApostrophe) {
  EXPECT_EQ(Repair("Мар'їна Обʼєднана"), "Марʼїна Обʼєднана");
  EXPECT_EQ(Repair("Объєднана"), "Обʼєднана");  // before є: Ukrainian
  EXPECT_EQ(Repair("Субʼєктивні"), "Субʼєктивні");
  EXPECT_EQ(Repair("Підъярний"), "Підʼярний");  // word has і: Ukrainian
}

TEST(NamesHomoglyphsTest, RussianHardSignIsKept) { EXPECT_EQ(Repair("Подъячев"), "Подъячев"); }

TEST(NamesHomoglyphsTest, ScriptOfLetters) {
  EXPECT_EQ(ScriptOf(U'ж'), Script::kCyrillic);
  EXPECT_EQ(ScriptOf(U'Ґ'), Script::kCyrillic);
  EXPECT_EQ(ScriptOf(U'š'), Script::kLatin);
  EXPECT_EQ(ScriptOf(U'7'), Script::kNone);
}

TEST(NamesHomoglyphsTest, RejectsInvalidUtf8) {
  auto r = RepairHomoglyphs("Ш\xFF");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace parley::names
