// parley/names/latin_readings.h — a Latin-script name read by the spelling habits of another
// language: what a French, German, Polish or GOST clerk meant by the same letters.
//
// Why: the skeleton key (romanise_key.h) folds the spellings that agree on what a letter
// means (Ukraine 2010, ICAO, BGN/PCGN, most of English and Polish use). Some habits disagree
// with those and with each other, so no one fold can hold them all:
//   French   ch = ш, tch = ч, chtch = щ, j = ж, gu before e/i = г
//            ("Chevtchenko", "Jukov", "Guennadi");
//   German   ch = х, sh = ж, z = ц, s before a vowel = з, sch = ш, tsch = ч
//            ("Chmelenko", "Selena", "Trozenko", "Schewtschenko");
//   Polish   ch = х, rz = ж, cz = ч, sz = ш, c = ц ("Chmielnicki", "Grzegorz", "Bielecki");
//   GOST 7.79 B   cz = ц, x = х, shh = щ ("Kulchyczkyj", "Xarkiv", "Shhur");
//   Serbian and Croatian (and many an English clerk's ear)   h = х, c = ц, before k too
//            ("Mihajlo", "Cap", "Bileckyj");
//   Belarusian   -enka = -енко, ou/au/eu before a consonant = ов/ав/ев
//            ("Kavalenka", "Barsukou", "Paulichenka");
//   Turkish (the mediator's clerks)   ş = ш, ç = ч, c = дж, j = ж ("Şevçenko", "Curenko");
//   unaccented   a name written with marks (ISO 9 "Ševčenko", Czech, Croatian, Polish) where
//            marks cannot be typed ("Sevcenko"): the letters without their marks.
// In the common reading "ch" is ч, "z" is з, "x" is кс and "cz" is ч. So a Latin name is keyed
// as written and, where one of these habits would read it otherwise, also as respelled here in
// the common conventions; the matcher takes the best agreement (as with a name's other word
// order), and the respelling is what its explanation shows.
//
// Contract: the text is UTF-8. Only text with Latin letters and no Cyrillic is respelled; a word
// the given-name table knows as written is kept (Yauhen is Яўген already); the case of each
// replaced letter group follows the letters it replaces (capitals mark surnames).
// Pure, thread-safe.
//
//   RespellLatin("CHEVTCHENKO Guennadi", LatinHabit::kFrench) == "SHEVTCHENKO Gennadi"
//   RespellLatin("Selena Trozenko", LatinHabit::kGerman)      == "Zelena Trotsenko"
//   RespellLatin("Kulchyczkyj", LatinHabit::kGost)            == "Kulchytskyj"
//   RespellLatin("Shevchenko", LatinHabit::kGerman)           == std::nullopt  (nothing to read)
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace parley::names {

enum class LatinHabit : unsigned char {
  kFrench,
  kGerman,
  kPolish,
  kGost,
  kSerbianCroatian,
  kBelarusian,
  kTurkish,
  kUnaccented
};

inline constexpr std::array<LatinHabit, 8> kLatinHabits = {
    LatinHabit::kFrench,  LatinHabit::kGerman,          LatinHabit::kPolish,
    LatinHabit::kGost,    LatinHabit::kSerbianCroatian, LatinHabit::kBelarusian,
    LatinHabit::kTurkish, LatinHabit::kUnaccented};

// "French", "German", "Polish", "GOST 7.79 B", "Serbian/Croatian", "Belarusian", "Turkish",
// "unaccented": the habit's name in explanations.
[[nodiscard]] std::string_view LatinHabitName(LatinHabit habit);

// A name read by a habit, as explanations write it: "Kravchenko Vyacheslav (Turkish spelling)".
// The stored explanations of workspaces hold this text, so it stays as it is. Papers translate
// the note by SplitHabitNote (report/link_paper.cpp); the review page by the habit's name
// (web/src/components/weight_chart.tsx, spellingHabits): a new habit goes there too, or shows
// in English.
[[nodiscard]] std::string WithHabitNote(std::string_view name, LatinHabit habit);
struct NameWithHabit {
  std::string_view name;            // the text before the note (all of it without one)
  std::optional<LatinHabit> habit;  // the habit its note names, if it ends in one
};
[[nodiscard]] NameWithHabit SplitHabitNote(std::string_view text);

// The text respelled in the common conventions as `habit` reads it; nothing when the text is
// not Latin or reads the same.
[[nodiscard]] std::optional<std::string> RespellLatin(std::string_view utf8, LatinHabit habit);

}  // namespace parley::names
