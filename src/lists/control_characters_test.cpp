#include "lists/control_characters.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(ControlCharacters, FindsC0DelAndC1ByCharacterPosition) {
  auto esc = FirstControlCharacter("Ше\x1b[31mвченко");
  ASSERT_TRUE(esc);
  EXPECT_EQ(esc->code_point, 0x1Bu);
  EXPECT_EQ(esc->position, 3u);  // characters, not bytes: Ш and е are two bytes each
  auto nul = FirstControlCharacter(std::string_view("ab\0c", 4));
  ASSERT_TRUE(nul);
  EXPECT_EQ(nul->code_point, 0u);
  EXPECT_EQ(FirstControlCharacter("a\x7F")->code_point, 0x7Fu);
  auto csi = FirstControlCharacter(
      "ж\xC2\x9B"
      "31m");
  ASSERT_TRUE(csi);
  EXPECT_EQ(csi->code_point, 0x9Bu);
  EXPECT_EQ(csi->position, 2u);
}

TEST(ControlCharacters, TabsLineEndsAndOrdinaryTextAreKept) {
  for (const char* text :
       {"", "Шевченко Дмитро", "line one\r\nline two\n", "a\tb", "\xC2\xA0no-break space",
        "\xC2\xA9 2026", "قائمة\xE2\x80\x8F", "ua\xE2\x80\xAEtsil"}) {
    EXPECT_FALSE(FirstControlCharacter(text)) << text;
  }
}

TEST(ControlCharacters, Names) {
  EXPECT_EQ(ControlCharacterName(0x1B), "U+001B (ESC)");
  EXPECT_EQ(ControlCharacterName(0), "U+0000 (NUL)");
  EXPECT_EQ(ControlCharacterName(0x16), "U+0016 (SYN)");
  EXPECT_EQ(ControlCharacterName(0x7F), "U+007F (DEL)");
  EXPECT_EQ(ControlCharacterName(0x9B), "U+009B (CSI)");
  EXPECT_EQ(ControlCharacterName(0x85), "U+0085");
}

}  // namespace
}  // namespace parley
