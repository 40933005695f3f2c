#include "link/service_number.h"

#include <gtest/gtest.h>

namespace parley::link {
namespace {

TEST(ServiceNumberTest, CyrillicLookAlikesBecomeLatin) {
  EXPECT_EQ(NormaliseServiceNumber("АВ 123456"), "AB123456");  // Cyrillic А, В
  EXPECT_EQ(NormaliseServiceNumber("ab-123/456"), "AB123456");
  EXPECT_EQ(NormaliseServiceNumber("ав123456"), NormaliseServiceNumber("AB123456"));
}

TEST(ServiceNumberTest, OtherCyrillicLettersAreKeptApart) {
  EXPECT_NE(NormaliseServiceNumber("Ж123"), NormaliseServiceNumber("123"));
  EXPECT_NE(NormaliseServiceNumber("Ж123"), NormaliseServiceNumber("Ш123"));
  EXPECT_EQ(NormaliseServiceNumber(" - "), "");
}

TEST(ServiceNumberTest, RomanFormMeetsRomanisedLists) {
  EXPECT_EQ(RomanServiceNumber("ЩР-712343"), RomanServiceNumber("SHCHR712343"));
  EXPECT_EQ(RomanServiceNumber("ЩО 275441"), RomanServiceNumber("SCHO275441"));
  EXPECT_NE(RomanServiceNumber("ЩР712343"), RomanServiceNumber("ЩР712344"));
  // Digits are kept as written: repeated digits are not folded like doubled letters.
  EXPECT_EQ(RomanServiceNumber("АБ 111111"), RomanServiceNumber("AB111111"));
  EXPECT_NE(RomanServiceNumber("АБ111111"), RomanServiceNumber("АБ111"));
  EXPECT_EQ(RomanServiceNumber("АБ111111").size(), 8u);
  EXPECT_EQ(RomanServiceNumber(""), "");
}

}  // namespace
}  // namespace parley::link
