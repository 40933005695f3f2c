#include "names/normalise.h"

#include <gtest/gtest.h>

namespace parley::names {
namespace {

TEST(NamesNormaliseTest, ComposesDecomposedShortI) {
  // "и" + COMBINING BREVE is how some Mac and OCR exports write "й".
  auto nfc = Normalise("\u0418\u0306\u0432\u0430\u043d", NormalForm::kNfc);
  ASSERT_TRUE(nfc.has_value());
  EXPECT_EQ(*nfc, "Йван");
}

TEST(NamesNormaliseTest, ComposesDecomposedYo) {
  auto nfc = Normalise("Пе\u0308тр", NormalForm::kNfc);
  ASSERT_TRUE(nfc.has_value());
  EXPECT_EQ(*nfc, "Пётр");
}

TEST(NamesNormaliseTest, NfkcUnifiesFullwidthLatin) {
  auto nfkc = Normalise("\uFF29\uFF56\uFF41\uFF4E", NormalForm::kNfkc);
  ASSERT_TRUE(nfkc.has_value());
  EXPECT_EQ(*nfkc, "Ivan");
}

TEST(NamesNormaliseTest, NfcKeepsFullwidthLatin) {
  auto nfc = Normalise("\uFF29", NormalForm::kNfc);
  ASSERT_TRUE(nfc.has_value());
  EXPECT_EQ(*nfc, "\uFF29");
}

TEST(NamesNormaliseTest, CasefoldLowersCyrillicAndDropsSoftHyphen) {
  auto f = Normalise("ШЕВ\u00ADЧЕНКО", NormalForm::kNfkcCasefold);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(*f, "шевченко");
}

TEST(NamesNormaliseTest, AsciiFastPathLowersOnlyForCasefold) {
  EXPECT_EQ(*Normalise("SHEVCHENKO", NormalForm::kNfkcCasefold), "shevchenko");
  EXPECT_EQ(*Normalise("SHEVCHENKO", NormalForm::kNfc), "SHEVCHENKO");
}

TEST(NamesNormaliseTest, RejectsInvalidUtf8) {
  auto r = Normalise("\xD0\x28", NormalForm::kNfc);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
}

TEST(NamesNormaliseTest, RejectsTruncatedSequence) {
  auto r = CanonicalName("Шевч\xD0");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
}

TEST(NamesFoldCaseTest, FoldsUkrainianLetters) {
  auto f = FoldCase("ЇЖАК ҐЕНИК ЄВГЕН");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(*f, "їжак ґеник євген");
}

TEST(NamesFoldCaseTest, IsNotTurkishLocale) { EXPECT_EQ(*FoldCase("IVAN"), "ivan"); }

TEST(CanonicalNameTest, CollapsesAndTrimsWhiteSpace) {
  auto c = CanonicalName(" \tШЕВЧЕНКО \u00A0 Дми\u00ADтро  ");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(*c, "шевченко дмитро");
}

TEST(CanonicalNameTest, EmptyStaysEmpty) {
  EXPECT_EQ(*CanonicalName(""), "");
  EXPECT_EQ(*CanonicalName("   "), "");
}

}  // namespace
}  // namespace parley::names
