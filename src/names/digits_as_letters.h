// parley/names/digits_as_letters.h — digits typed for the letters they look like.
//
// "В0ЛОШЕНКО", "Gorbun0v", "ME1NYK", "Ig0r Sech1n", "5hevchenko": a clerk's or an OCR's digit
// for a letter. In a word of at least three letters and at most two digits, 0 is о/o, 3 is з
// in Cyrillic and e in Latin, 1 is і in Cyrillic, and a Latin 5 is s. A Latin 1 is l or i: the
// way the given-name table knows the word, where it knows it one way only ("Miros1av" is
// Miroslav), else l after a vowel ("A1eksandr") and i otherwise ("Sech1n"). A number (a service
// number, a date) has more digits than that and is left alone.
//
// Its own file, not the look-alike repair's (homoglyphs.h): it reads the given-name table,
// which the romanisation key, and so the repair beneath it, must not depend on. The full-name
// parser reads every word so; the linker reads each name cell so.
//
//   ReadDigitsAsLetters("В0ЛОШЕНКО Ig0r") == "ВоЛОШЕНКО Igor"
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace parley::names {

// One word, in place (code points as decoded; look-alikes not yet repaired).
void ReadDigitsAsLettersInPlace(std::u32string& word);

// The same over a text, word by word (a word: letters, digits and apostrophes). Fails only on
// invalid UTF-8.
[[nodiscard]] Result<std::string> ReadDigitsAsLetters(std::string_view utf8);

}  // namespace parley::names
