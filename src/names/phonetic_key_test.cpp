#include "names/phonetic_key.h"

#include <gtest/gtest.h>

#include <vector>

namespace parley::names {
namespace {

std::string Phon(std::string_view s) {
  auto k = PhoneticSurnameKey(s);
  EXPECT_TRUE(k.has_value()) << s;
  return k.value_or("<error>");
}

void ExpectOneKey(const std::vector<std::string_view>& forms) {
  const std::string first = Phon(forms.front());
  for (auto f : forms) EXPECT_EQ(Phon(f), first) << f << " vs " << forms.front();
}

TEST(NamesPhoneticKeyTest, LysenkoFamily) {
  EXPECT_EQ(Phon("Лисенко"), "LSNK");
  ExpectOneKey({"Лисенко", "Лысенко", "Lysenko", "Lisenko", "Lyssenko"});
}

TEST(NamesPhoneticKeyTest, ShevchenkoFamily) {
  EXPECT_EQ(Phon("Шевченко"), "SFSNK");
  ExpectOneKey({"Шевченко", "Shevchenko", "Ševčenko", "Schewtschenko", "Szewczenko"});
}

TEST(NamesPhoneticKeyTest, CoarseOnPurpose) {
  // Typos and voicing confusions that the skeleton keeps apart still block together.
  EXPECT_EQ(Phon("Бондаренко"), Phon("Пондаренко"));
  EXPECT_EQ(Phon("Олександр"), Phon("Александр"));
  EXPECT_EQ(Phon("Іванов"), Phon("Иванова"));
}

TEST(NamesPhoneticKeyTest, DifferentSurnamesDiffer) {
  EXPECT_NE(Phon("Шевченко"), Phon("Шевчук"));
  EXPECT_NE(Phon("Лисенко"), Phon("Коваленко"));
}

TEST(NamesPhoneticKeyTest, AtMostSixClassesPerWord) {
  EXPECT_EQ(PhoneticKey("khmelnitsk"), "KNLNTS");
  EXPECT_LE(PhoneticKey("vishnevetsk dnipropetrovsk").size(), 13u);
  EXPECT_EQ(PhoneticKey("dnipropetrovsk"), "TNPRPT");
}

TEST(NamesPhoneticKeyTest, EmptyAndVowelOnly) {
  EXPECT_EQ(PhoneticKey(""), "");
  EXPECT_EQ(PhoneticKey("aia"), "");
}

}  // namespace
}  // namespace parley::names
