// parley/names/surname_forms.h — reduce a surname to a stem shared by its male and female,
// Ukrainian and Russian forms.
//
// Ukrainian and Russian surnames change their ending with the bearer's sex and the language of
// the list: Ковальський / Ковальська / Ковальский / Ковальская / Kovalskyi / Kovalska /
// Kovalskaya; Іванов / Іванова; Ільїн / Ільїна / Ilyin; Толстой / Толстая; Білий / Біла / Белый
// / Белая. Brothers and sisters, and one person written by two sides, must meet on one stem.
// Invariant endings (-енко, -ук/-юк, -ич, -их/-ых, -ко, -ів) are left alone.
//
// Contract: input is a skeleton key (RomanKey output: lowercase ASCII words separated by single
// spaces); every word is stemmed on its own (double surnames). Rules, first match wins, each
// applied only when at least three letters remain:
//   -ova -> -ov   -eva -> -ev   -ina -> -in          (Іванова, Ковалева/Ковальова, Ільїна)
//   -aia, -oi, consonant+i, consonant+a -> stem     (adjectival: -ська/-ский/-ская/-ской,
//                                                    -цький/-цкий, Біла/Белая/Белый)
// and then a final -ev becomes -ov: Russian -ёв/-ев is Ukrainian -ов/-ьов after many stems
// (Ковалёв/Ковальов, Хрущёв/Хрущов, Соловьёв/Соловйов).
// The last rule also merges rare nominal pairs such as Ворон/Ворона; the comparator therefore
// scores the full keys as well and takes the stem only as one piece of evidence.
//
//   SurnameStem("kovalska") == SurnameStem("kovalski") == "kovalsk"
//   SurnameStem("ivanova") == "ivanov";  SurnameStem("shevchenko") == "shevchenko"
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "names/given_names.h"

namespace parley::names {

[[nodiscard]] std::string SurnameStem(std::string_view key);

// The sex a surname's ending shows (Іванова: kFemale, Ковальський: kMale), kUnknown for
// invariant forms. Input is a skeleton key of one word.
[[nodiscard]] Sex SurnameSex(std::string_view key);

// The surname's key with the vowels Ukrainian and Russian spell differently made one: i, e and
// o all become i (then runs collapse), since Ukrainian і stands where Russian writes е or о
// (Білецький / Белецкий, Підгірський / Подгорский, Дяків / Дьяков). Two surnames with the same
// form here are one surname in the two languages, or differ only in those vowels; the
// comparator calls them equivalent and lets the model learn what that is worth. Input is a
// skeleton key (or a stem of one).
//
//   SurnameVowelForm("biletsk") == SurnameVowelForm("beletsk") == "bilitsk"
[[nodiscard]] std::string SurnameVowelForm(std::string_view key);

// RomanKey + SurnameStem, for callers holding text in any script.
[[nodiscard]] Result<std::string> SurnameStemKey(std::string_view utf8);

// The spellings of one surname that the one-slip test reads; views into the caller's storage.
struct SurnameSpellings {
  std::string_view key;      // a skeleton key; both sides alike (both stemmed, or neither)
  std::string_view letters;  // RomanLetters of the surname; empty: the key's own letters
  std::string_view vowels;   // SurnameVowelForm of the key; empty: not compared
};

// Two surnames one slip apart (a letter dropped, added or changed, or two neighbours swapped),
// counted where a slip shows as one: in the keys; in the keys one byte per letter (Бугай /
// БЦГАЙ: ц for у is "ts" for "u"); in the vowel forms (Білоу / Белоус: a slip beside a vowel
// the two languages write differently); in the letters as typed (Ббенко / Бабенко, where the
// key merged the doubled letter). Each form of at least four letters: a slip joins most
// shorter names. The one rule for `parley names` and for the linker (`parley names` also counts
// a keystroke in Latin text, below).
[[nodiscard]] bool SurnamesOneSlipApart(const SurnameSpellings& a, const SurnameSpellings& b);

// Two surnames written in ASCII Latin letters, one keystroke apart as typed, case aside
// (Arestovych / Arestovycvh): the key reads a stray letter with its neighbours as other sounds
// ("cvh": ц, в, х), so one slip of the keyboard can cost the key three. Needs the text, which
// `parley names` has and the linker does not keep (its Latin lists meet Cyrillic registers,
// where keystrokes are not comparable). Four letters at least, as above.
[[nodiscard]] bool SurnamesOneKeystrokeApartInLatin(std::string_view a, std::string_view b);

}  // namespace parley::names
