// parley/names/titles.h — words that stand before a name but are not part of it: ranks,
// titles and honorifics.
//
// Why: registers write "рядовой Кузьменко Дмитро Артемович", mediators "мл. сержант Viktor
// Hlibovych Prysiazhniuk", "Sgt. Anna Iaremko" or "Mr. Oleksandr Shevchenko". Read as a name,
// the rank becomes the surname or the given name and the person is never found. The parser
// (full_name_parser.h) drops such words from the start of a name (TitleKind says how
// confidently): an abbreviation ("мл.", "Sgt.", "Mr") always, a full word ("рядовой",
// "сержант", "Captain") only when a whole name is left after it, because "Майор", "Солдат"
// and "Генерал" are also surnames.
//
// The words are matched by their RomanKey, so that Ukrainian, Russian and Latin spellings and
// any case meet ("рядовий", "рядовой", "Riadovyi"). Inflected forms are not listed: lists
// write ranks in the nominative. The rank words are the words of the rank ladder
// (names/military_rank.h, which the linker compares grades by), so a rank added there is
// dropped here too; this file lists only the civil titles and honorifics.
//
//   TitleKindOfKey(RomanKey("ст.")) == TitleKind::kAbbreviation
//   TitleKindOfKey(RomanKey("Сержант")) == TitleKind::kWord
//   TitleKindOfKey(RomanKey("Шевченко")) == TitleKind::kNone
#pragma once

#include <string_view>

namespace parley::names {

enum class TitleKind : unsigned char { kNone, kAbbreviation, kWord };

// `key` is a one-word RomanKey (no spaces); a trailing full stop is not part of it.
[[nodiscard]] TitleKind TitleKindOfKey(std::string_view key);

}  // namespace parley::names
