// parley/names/romanise_key.h — the "skeleton" key: one comparable spelling for a name written
// in Ukrainian Cyrillic, Russian Cyrillic or any common romanisation of either.
//
// Why a skeleton and not a transliteration: the same person reaches us as "Юрій", "Юрий",
// "Yurii" (Ukraine 2010), "Iurii" (ICAO 9303, Russian passports since 2013), "Yuriy" (BGN/PCGN),
// "Jurij" (GOST 7.79 B, German, Polish habits) or "Yury". No single transliteration is right;
// what we need is a function under which all of these collide while different names stay
// apart. So the key romanises Cyrillic into a "wide" Latin spelling and then folds every Latin
// spelling (including that one) into a reduced alphabet where the systems' disagreements vanish.
//
// The folding, and why each rule exists (applied left to right, longest match first):
//   y, j, й, и, і, ї, ы  -> i    Ukrainian "и" is "y" in Ukraine 2010 but Russian "и" is "i";
//                                "й" is i / y / j by system; Ukrainian і/ї vs Russian и/ы is
//                                exactly the letter change DOMAIN.md lists for surnames.
//   runs of a letter     -> one  "ii" (-ий, -iy, -yi, -iia), "ss" (Lyssenko), "nn" (Anna/Ana);
//                                a doubled group too ("khkh", a doubled х, is "kh").
//   i + e                -> e    є/е/э and ye/ie/je all meet: Yevhen/Ievgen/Evgen, Andriienko/
//                                Andrienko; Russian initial "е" is "ye" (BGN) or "e" (ICAO).
//   consonant + i + o    -> e    "ё" is written "е" in most Russian texts and "yo"/"io"/"ë" in
//                                romanisations (Fyodor/Fedor, Pyotr/Petr); Ukrainian "ьо"
//                                (Васильович) then meets Russian "ье" (Васильевич).
//   h, g, gh, г, ґ       -> g    Ukrainian г is "h" (Ukraine 2010, BGN) and Russian г is "g";
//                                "zgh" is Ukraine 2010's way to keep зг apart from ж.
//   kh, х                -> kh   kept apart from g: Гарченко and Харченко are different names.
//   x                    -> ks   the old habit (Alexandr, Xenia); GOST B's x for х is rare in
//                                names and loses to the far commoner кс.
//   ts, tz, ц, c(e/i/y)  -> ts   ICAO/BGN ts, German tz, GOST/Polish c before front vowels
//   and word-final c             and at the end of a word (Kravec).
//   c elsewhere, ck, q   -> k    English habits: Nicolai, Victor.
//   ch, tch, tsch, cz, č -> ch
//   sh, sch, shch, szcz, š, ш, щ -> sh
//                                "sch" is ш in German and щ in old English-style spellings, so
//                                ш and щ cannot be told apart in Latin; they share one class.
//   zh, ž, ż             -> zh   w -> v, ph -> f, th -> t, ou -> u (French Iouri).
//   ь, ъ, apostrophes    -> dropped (Ukraine 2010 and ICAO drop ь; BGN writes ʹ).
// Before any of this the text is case-folded (NFKC_Casefold) and look-alike letters are
// repaired (homoglyphs.h), so "Cергій" with a Latin C keys as "Сергій". Letters with
// diacritics that no system above uses go through ICU "Any-Latin; Latin-ASCII".
//
// Why hand-written tables and not ICU's Russian-Latin/BGN and Ukrainian-Latin/BGN for the
// Cyrillic side: those need the language known in advance (we often do not know it: some
// Ukrainians carry Russian forms), cost about 2 µs per three-word name in rule matching (twice
// this whole key, normalisation and folding included: bench/names_bench.cpp), and whatever
// they output is folded by the table above anyway. The unit tests check that the keys
// of ICU's BGN output equal the keys computed here from Cyrillic (a differential test), so the
// hand table cannot silently drift from what ICU would give. ICU is still used for
// normalisation and for scripts and letters outside the tables, with one cached Transliterator
// per thread (ICU transliterators are not safe to share between threads).
//
// Contract: input is valid UTF-8 (else kInvalidInput). Output is lowercase ASCII a-z and
// digits; words are separated by one space (white space, hyphens, commas and full stops
// separate words; other punctuation inside a word is dropped). Deterministic, locale-free.
//
//   RomanKey("Шевченко")        == "shevchenko"    RomanKey("Ševčenko")      == "shevchenko"
//   RomanKey("Юрій") == RomanKey("Iurii") == RomanKey("Yuriy") == RomanKey("Jurij") == "iuri"
//   RomanKey("Петренко-Ковальчук Олена") == "petrenko kovalchuk olena"
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "core/error.h"

namespace parley::names {

// The skeleton key of a name or of any free text holding names.
[[nodiscard]] Result<std::string> RomanKey(std::string_view utf8);

// The same for code points already decoded and passed through RepairHomoglyphsInPlace (the
// parser holds words in that form; this spares a decode and a second repair per word). Fails
// only if ICU does.
[[nodiscard]] Result<std::string> RomanKeyOfRepaired(std::u32string text);

// The Latin half of the pipeline alone: folds one lowercase ASCII word (a-z only; other bytes
// are copied) into the reduced alphabet. Exposed for tests and for callers that already hold
// ASCII romanisations.
[[nodiscard]] std::string FoldLatinWord(std::string_view ascii_word);

// A skeleton key with each two-letter group that stands for one Cyrillic letter (ch, sh, zh,
// kh, ts; ia and iu for я and ю) written as one byte (an upper-case letter, which keys never
// hold), so that a slip on one Cyrillic letter (Бугай / БЦГАЙ, Шевчук / Евчук, Юрчук / Рючук)
// is one edit here, as in the text the clerk typed. Both sides must be folded alike: a group
// that was two letters in the original folds the same way on both. The span form writes into
// `out` without allocating (the comparator's per-pair use) and returns the length, or 0 when
// `out` is too short.
//
//   OneBytePerLetter("shevchuk") == "SevCuk"
[[nodiscard]] std::size_t OneBytePerLetter(std::string_view key, std::span<char> out);
[[nodiscard]] std::string OneBytePerLetter(std::string_view key);

// The name's letters as typed, in the key's alphabet and one byte per letter
// (OneBytePerLetter), with nothing merged: a Cyrillic word is folded letter by letter, so no
// run of a letter becomes one and no two letters become one group (т + з is not "ts"); a Latin
// word is folded whole but keeps its runs. The key merges those on purpose, but then a slip that
// doubles a letter or lands beside one is two edits or more from the name it spoils: "Ббенко"
// (а dropped) keys as "benko", two deletions from "babenko"; "Мухіо" (н for о) as "mukhe";
// "Тзюба" (т for д) as "tsiuba". Counted in these letters, each is one slip again. Fails only
// as RomanKey does.
//
//   RomanLetters("Ббенко") == "bbenko"    RomanLetters("Мухіо") == "muKio"
[[nodiscard]] Result<std::string> RomanLetters(std::string_view utf8);

}  // namespace parley::names
