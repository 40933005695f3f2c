// parley/link/renamed_places.h — Ukrainian towns written under a name they no longer bear.
//
// Many towns were renamed: by the 2016 decommunisation laws (Артемівськ is Бахмут,
// Дніпропетровськ is Дніпро, Кіровоград is Кропивницький), and since (Новоград-Волинський is
// Звягель, Червоноград is Шептицький). A person born in 1985 is "born in Artemivsk" on a
// Soviet-era document, a Russian register or a relative's letter, and "born in Bakhmut" on a
// Ukrainian list: one place, which the birth-place comparison must not count as a disagreement.
//
// Why a hand-written table: no package on this machine lists renamed settlements with their
// former names in both languages. Each former name is listed as Ukrainian and Russian write it
// (ё and е key alike). A former name that is also a town of its size or larger elsewhere is left
// out, since a birth place there would then agree with the Ukrainian town's new name:
// Дзержинськ, Орджонікідзе, Комсомольськ, Красноармійськ, Котовськ and Новомосковськ are also
// towns in Russia, and Червоноармійськ was two Ukrainian towns (Радивилів, Пулини). Kept
// knowingly: Артёмовск is also a small town (under 2,000 people) in the Krasnoyarsk region, far
// less likely in these lists than Бахмут's former name.
//
//   CurrentPlaceKey(PlaceKey("Артемівськ")) == PlaceKey("Бахмут")
#pragma once

#include <string_view>

namespace parley::link {

// The current town's place key for a former name's place key (both as PlaceKey makes them),
// else `key` itself.
[[nodiscard]] std::string_view CurrentPlaceKey(std::string_view key);

}  // namespace parley::link
