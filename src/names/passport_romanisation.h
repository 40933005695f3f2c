// parley/names/passport_romanisation.h — a Cyrillic name in Latin letters as the person's own
// passport would write it, for the reader who does not read Cyrillic (the mediator, an
// English-speaking page or document).
//
// Two standards, one per language, because the two states romanise differently and a
// mediator compares names with travel documents:
//   - Ukrainian: the national transliteration of 2010 (Cabinet of Ministers resolution 55),
//     used in Ukrainian passports: Шевченко Дмитро Олександрович → Shevchenko Dmytro
//     Oleksandrovych; Юлія → Yuliia; Згурський → Zghurskyi; є, ї, й, ю, я are Ye, Yi, Y, Yu, Ya
//     at the start of a word and ie, i, i, iu, ia elsewhere; the soft sign and apostrophe are
//     dropped.
//   - Russian: ICAO Doc 9303 (machine-readable travel documents), used in Russian passports
//     since 2014: Дмитрий Александрович → Dmitrii Aleksandrovich; Фёдор → Fedor; ъ → ie.
// ICU ships BGN/PCGN transforms, not these two, so the tables are written here as ICU rules
// and run by ICU's rule-based transliterator.
//
// Which language a name is in is decided by the letters of the whole record (its name and
// its other fields: a list is written in one language): і, ї, є, ґ are Ukrainian only; ы, э,
// ё, ъ Russian only. With no evidence either way the caller's default decides.
//
// Contract: input is UTF-8; letters outside Cyrillic pass through unchanged; case is kept
// per word (Шевченко → Shevchenko, ШЕВЧЕНКО → SHEVCHENKO). The result is for reading, never
// for matching (matching uses RomanKey, names/romanise_key.h).
//
//   NameLanguage lang = NameLanguageOf({"Ткаченко", "Іван"}).value_or(NameLanguage::kRussian);
//   std::string latin = PassportRomanisation("Ткаченко Іван", lang);  // "Tkachenko Ivan"
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace parley::names {

enum class NameLanguage { kUkrainian, kRussian };

// "KMU 2010" or "ICAO 9303": the standard PassportRomanisation follows for the language.
[[nodiscard]] std::string_view RomanisationStandard(NameLanguage language);

// The language the texts' letters show (see above); nullopt when they show neither, or both
// equally.
[[nodiscard]] std::optional<NameLanguage> NameLanguageOf(std::span<const std::string_view> texts);

// True when the text has at least one Cyrillic letter (only then is there anything to
// romanise).
[[nodiscard]] bool HasCyrillic(std::string_view text);

// The text with every Cyrillic word romanised by the language's passport standard.
[[nodiscard]] std::string PassportRomanisation(std::string_view text, NameLanguage language);

}  // namespace parley::names
