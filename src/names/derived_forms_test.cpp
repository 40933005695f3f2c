#include "names/derived_forms.h"

#include <gtest/gtest.h>

namespace parley::names {
namespace {

TEST(NamesDerivedForms, UkrainianRussianAndLatinSpellingsShareTheirForms) {
  DerivedNameForms ua = DeriveNameForms("Лисенко", "Олександр", "Миколайович");
  DerivedNameForms ru = DeriveNameForms("Лысенко", "Александр", "Николаевич");
  DerivedNameForms latin = DeriveNameForms("Lysenko", "Oleksandr", "");
  EXPECT_EQ(ua.surname_key, ru.surname_key);
  EXPECT_EQ(ua.surname_key, latin.surname_key);
  EXPECT_EQ(ua.surname_phonetic, "LSNK");
  EXPECT_EQ(ua.given_name_group, "Олександр/Александр");
  EXPECT_EQ(ru.given_name_group, ua.given_name_group);
  EXPECT_EQ(latin.given_name_group, ua.given_name_group);
  EXPECT_TRUE(latin.patronymic_key.empty());
}

TEST(NamesDerivedForms, UnknownGivenNamesHaveNoGroupAndEmptyPartsNoForms) {
  DerivedNameForms f = DeriveNameForms("", "Зузузу", "");
  EXPECT_TRUE(f.surname_key.empty());
  EXPECT_TRUE(f.surname_phonetic.empty());
  EXPECT_FALSE(f.given_name_key.empty());
  EXPECT_TRUE(f.given_name_group.empty());
}

}  // namespace
}  // namespace parley::names
