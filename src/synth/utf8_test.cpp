#include "synth/utf8.h"

#include <gtest/gtest.h>

namespace parley::synth {
namespace {

TEST(Utf8Test, RoundTripsMixedScripts) {
  const std::string text = "Щербак Ґудзь Їжак O'Neil ʼ’ Ёж";
  EXPECT_EQ(EncodeUtf8(DecodeUtf8(text)), text);
  EXPECT_EQ(DecodeUtf8("Щербак").size(), 6u);
}

TEST(Utf8Test, MalformedBytesBecomeReplacementCharacters) {
  EXPECT_EQ(DecodeUtf8("a\xFF"), U"a\uFFFD");
  EXPECT_EQ(DecodeUtf8("\xD0"), U"\uFFFD");  // truncated two-byte sequence
}

TEST(Utf8Test, CaseMappingCoversUkrainianAndRussianLetters) {
  EXPECT_EQ(ToUpper("ковальська ґудзь їжак єва ілля ёж"), "КОВАЛЬСЬКА ҐУДЗЬ ЇЖАК ЄВА ІЛЛЯ ЁЖ");
  EXPECT_EQ(ToLower("ҐУДЗЬ ЇЖАК Є І Ё"), "ґудзь їжак є і ё");
  EXPECT_EQ(TitleCase("шевченко-ПЕТРЕНКО олег"), "Шевченко-Петренко Олег");
  EXPECT_TRUE(IsUpperCp(U'Ї'));
  EXPECT_FALSE(IsUpperCp(U'ї'));
  EXPECT_TRUE(IsCyrillicCp(U'ґ'));
  EXPECT_FALSE(IsCyrillicCp(U'g'));
}

}  // namespace
}  // namespace parley::synth
