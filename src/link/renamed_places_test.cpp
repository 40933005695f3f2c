#include "link/renamed_places.h"

#include <gtest/gtest.h>

#include "link/prepared_list.h"
#include "names/romanise_key.h"

namespace parley::link {
namespace {

// A town's former name, in either language and with its settlement type, keys as the town.
TEST(RenamedPlacesTest, AFormerNameKeysAsTheTownItIsNow) {
  EXPECT_EQ(PlaceKey("м. Артемівськ"), PlaceKey("Бахмут"));
  EXPECT_EQ(PlaceKey("г. Артёмовск"), PlaceKey("м.Бахмут"));
  EXPECT_EQ(PlaceKey("Іллічівськ"), PlaceKey("Чорноморськ"));
  EXPECT_EQ(PlaceKey("Днепродзержинск"), PlaceKey("Кам'янське"));
  EXPECT_EQ(PlaceKey("Новоград-Волинський"), PlaceKey("Звягель"));
  EXPECT_EQ(PlaceKey("Дніпропетровськ"), PlaceKey("Дніпро"));
}

TEST(RenamedPlacesTest, OtherPlacesAreLeftAsTheyAre) {
  EXPECT_EQ(CurrentPlaceKey("kiiv"), "kiiv");
  EXPECT_NE(PlaceKey("Харків"), PlaceKey("Бахмут"));
  EXPECT_EQ(CurrentPlaceKey(""), "");
  // A former name that is also a town elsewhere is not taken for the Ukrainian one.
  for (const char* elsewhere : {"Дзержинськ", "Красноармейск", "Новомосковск", "Котовск"}) {
    EXPECT_EQ(PlaceKey(elsewhere), *names::RomanKey(elsewhere)) << elsewhere;
  }
}

}  // namespace
}  // namespace parley::link
