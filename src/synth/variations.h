// parley/synth/variations.h — the ways a clerk's hand changes a correct value.
//
// Each function takes a correct value and returns it as a dirty list would write it, drawing
// from the caller's Rng so the whole scenario stays reproducible. They are the catalogue of
// DOMAIN.md's "What goes wrong" for names and dates:
//   - typos on code points (substitution by a neighbouring key of the clerk's keyboard,
//     transposition of two neighbours, deletion, doubling), never on bytes, so output stays
//     valid UTF-8;
//   - Latin look-alikes typed inside Cyrillic words (А В Е К М Н О Р С Т Х and lower-case а е о
//     р с у х і), and the reverse: Cyrillic look-alikes inside a romanised name typed with the
//     keyboard still in Cyrillic layout;
//   - the three apostrophes of Ukrainian typing (' ’ ʼ);
//   - birth dates cut to the year or month.year, day and month swapped, year off by one.
// Contract for dates: every returned date is a valid calendar date no later than its input's
// year + 1 and never in the future relative to `latest`; a swap happens only when both day and
// month are ≤ 12 (so the swapped date is itself valid) and they differ.
//
// Why here, in one place: the summary counts each kind, and tests check that each kind really
// changes its input, so all of them are small pure functions of (value, rng).
//
//   Rng rng(1);
//   InjectTypo("Шевченко", rng, Keyboard::kUkrainian);   // e.g. "Шевчнко" or "Шевченуо"
//   InjectHomoglyph("Сергій", rng);     // e.g. "Cергій" (Latin C)
//   SwapDayMonth({1990, 3, 7});         // {1990, 7, 3}
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/partial_date.h"
#include "synth/rng.h"

namespace parley::synth {

// The keyboard a clerk types on: a typo never produces a letter his keyboard lacks (a Russian
// clerk cannot mistype є).
enum class Keyboard { kUkrainian, kRussian, kLatin };

// One typo; words of fewer than 3 letters are returned unchanged. A substitution is most often
// a neighbouring key of the ЙЦУКЕН (or QWERTY) layout, otherwise any letter of the keyboard.
[[nodiscard]] std::string InjectTypo(std::string_view word, Rng& rng, Keyboard keyboard);
// Replaces one (sometimes two) letters that have a look-alike in the other script (Cyrillic С by
// Latin C, Latin o by Cyrillic о); unchanged when the word has none.
[[nodiscard]] std::string InjectHomoglyph(std::string_view word, Rng& rng);
[[nodiscard]] bool HasApostrophe(std::string_view text);
// One of the apostrophes Ukrainian typists use: U+0027, U+2019 or U+02BC.
[[nodiscard]] char32_t PickApostrophe(Rng& rng);
// Replaces every apostrophe (any of the three) in `text` with `apostrophe`.
[[nodiscard]] std::string ReplaceApostrophes(std::string_view text, char32_t apostrophe);

// nullopt when the day or the month is unknown, either is > 12, or they are equal.
[[nodiscard]] std::optional<PartialDate> SwapDayMonth(PartialDate date);
// The same day one year earlier or later (29 February becomes the 28th); never after `latest`.
[[nodiscard]] PartialDate ShiftYear(PartialDate date, Rng& rng, PartialDate latest);

// "DD.MM.YYYY", "MM.YYYY", "YYYY" or "" as the date is known.
[[nodiscard]] std::string FormatDateDmy(PartialDate date);
// "YYYY-MM-DD", "YYYY-MM", "YYYY" or "".
[[nodiscard]] std::string FormatDateIso(PartialDate date);

}  // namespace parley::synth
