// parley/names/phonetic_key.h — a short, coarse key for blocking.
//
// Linking millions of records cannot compare every pair; records are first grouped ("blocked")
// by a key that true matches almost always share. This key is deliberately coarse: built on
// the skeleton key (so all scripts and romanisations already agree), it drops vowels (о/а in
// Олександр/Александр, и/і/ы), merges consonants that romanisations or typists confuse
// (b/p, v/f, g/k/kh, d/t, z/s/ts/zh/sh/ch, m/n), collapses repeats and keeps at most six
// classes. False collisions are fine (the comparator sorts them out); a true pair that
// differs here is a missed match, so every rule errs towards merging.
//
// Contract: PhoneticKey takes a skeleton key (lowercase ASCII, words separated by one space)
// and returns upper-case class letters per word, words separated by one space. Pass a surname
// through SurnameStem first so that Іванов and Іванова block together (PhoneticSurnameKey does).
//
//   PhoneticSurnameKey("Лисенко") == PhoneticSurnameKey("Lysenko") == "LSNK"
//   PhoneticSurnameKey("Шевченко") == PhoneticSurnameKey("Schewtschenko") == "SFSNK"
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace parley::names {

inline constexpr std::size_t kPhoneticKeyMaxClasses = 6;

[[nodiscard]] std::string PhoneticKey(std::string_view skeleton_key);

// RomanKey, SurnameStem, then PhoneticKey.
[[nodiscard]] Result<std::string> PhoneticSurnameKey(std::string_view utf8);

}  // namespace parley::names
