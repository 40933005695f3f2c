// parley/names/homoglyphs.h — repair of look-alike letters typed in the wrong script, and
// unification of the many apostrophes.
//
// Clerks type on whatever layout is active: "Шевчeнко" with a Latin "e", "CЕРГІЙ" with a Latin
// "C", "Petrоv" with a Cyrillic "о". Such a word compares unequal to its clean twin and, worse,
// romanises wrongly (Latin "C" in a Cyrillic word is "с", not "ц"). Ukrainian apostrophes come
// as ' ’ ʼ ` ‘ ´, and Russian-keyboard typists write "ъ" for the Ukrainian apostrophe.
//
// Contract:
//  - Works word by word (a word is a run of letters, combining marks and apostrophes), keeping
//    letter case, so the parser can still see "SHEVCHENKO"-style capitals.
//  - A word's script is decided by its *unambiguous* letters (those with no look-alike in the
//    other script: "г", "й", "ш" are surely Cyrillic; "s", "d", "g" surely Latin); only when
//    a word has none of those does the plain majority of its letters decide, and a tie takes
//    the script of the whole text. Look-alikes of the other script are then replaced.
//  - Every apostrophe variant becomes U+02BC (MODIFIER LETTER APOSTROPHE, the form Ukrainian
//    orthography prescribes, and a letter so that word segmentation keeps "Мар'яна" whole).
//    "ъ" becomes U+02BC in a word that is Ukrainian (contains і, ї, є or ґ) or when it stands
//    before є, ї or і, since Ukrainian has no "ъ" at all.
//  - Input must be valid UTF-8 (else kInvalidInput). No other change is made.
//
//   Result<std::string> r = RepairHomoglyphs("Шевчeнко Cергій Мар`яна");
//   // "Шевченко Сергій Марʼяна" (Cyrillic е, С and the apostrophe U+02BC)
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace parley::names {

inline constexpr char32_t kApostrophe = U'\u02BC';

enum class Script { kNone, kLatin, kCyrillic };

// The script a letter belongs to (kNone for digits, punctuation, other scripts).
[[nodiscard]] Script ScriptOf(char32_t cp);
// True for any of the apostrophe variants unified here (not for "ъ").
[[nodiscard]] bool IsApostrophe(char32_t cp);

// The code point form, for callers that already decoded (the key builders).
void RepairHomoglyphsInPlace(std::u32string& text);

[[nodiscard]] Result<std::string> RepairHomoglyphs(std::string_view utf8);

}  // namespace parley::names
