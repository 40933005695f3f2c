#include "names/digits_as_letters.h"

#include <gtest/gtest.h>

namespace parley::names {
namespace {

// Digits typed for letters in one name cell, word by word; numbers are left alone.
TEST(DigitsAsLettersTest, DigitsInANameWordAreReadAsLetters) {
  EXPECT_EQ(*ReadDigitsAsLetters("В0ЛОШЕНКО"), "ВоЛОШЕНКО");
  EXPECT_EQ(*ReadDigitsAsLetters("Ig0r Sech1n"), "Igor Sechin");
  // The given-name table decides where it knows the word one way only.
  EXPECT_EQ(*ReadDigitsAsLetters("Miros1av-Tkach"), "Miroslav-Tkach");
  EXPECT_EQ(*ReadDigitsAsLetters("Mar1ia"), "Mariia");
  EXPECT_EQ(*ReadDigitsAsLetters("Гончаренк0-Б1лий"), "Гончаренко-Білий");
  EXPECT_EQ(*ReadDigitsAsLetters("Ivanov 2"), "Ivanov 2") << "a number is not a word of letters";
  EXPECT_EQ(*ReadDigitsAsLetters("АБ123456"), "АБ123456") << "a service number";
  EXPECT_EQ(*ReadDigitsAsLetters("Шевченко"), "Шевченко");
  EXPECT_FALSE(ReadDigitsAsLetters("\xff"
                                   "1")
                   .has_value());
}

}  // namespace
}  // namespace parley::names
