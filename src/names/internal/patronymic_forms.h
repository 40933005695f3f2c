// parley/names/internal/patronymic_forms.h — the one table of how a patronymic ends.
//
// Both readers of a full name use it: the import splitter (names/full_name_split.h) matches
// case-folded words as written, the linkage parser (names/full_name_parser.h) matches skeleton
// keys. It is the union of what each recognised before they shared it, so neither lost a form:
// Cyrillic entries only ever match written words, and the Latin entries with "y" only written
// words too (the skeleton key folds y to i), so each reader sees exactly its old suffixes plus
// spellings it could not meet.
#pragma once

#include <string_view>

namespace parley::names::internal {

// Any match counts, so the order does not matter. Latin forms cover the Ukrainian 2010
// system, ICAO and older habits (-ovich, -ovna).
inline constexpr std::string_view kPatronymicSuffixes[] = {
    "ович",   "евич", "йович", "ьович",  "ич",    "івна",  "ївна",  "овна",
    "евна",   "ична", "ічна",  "инична", "ovych", "evych", "ovich", "evich",
    "yovych", "ivna", "ovna",  "evna",   "ichna", "ychna", "yivna"};

// Turkic patronymic particles written as a separate word: "Гусейн огли" = son of Huseyn.
inline constexpr std::string_view kPatronymicParticles[] = {"огли", "оглы", "оглу", "кизи", "кызы",
                                                            "ogly", "ogli", "oglu", "kyzy", "kizi"};

}  // namespace parley::names::internal
