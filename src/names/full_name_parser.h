// parley/names/full_name_parser.h — split a free-form full name into surname, given name and
// patronymic.
//
// Lists often hold one "ПІБ"/"ФИО" cell, written "Шевченко Дмитро Олександрович" (surname
// first, the Ukrainian and Russian norm), "Дмитрий Александрович Шевченко", "SHEVCHENKO Dmytro"
// (passport style: the surname in capitals), "Shevchenko, Dmytro O." or "Шевченко Д.О.". The
// parser scores every plausible layout of the words (surname first or last, with or without a
// patronymic, a multi-word surname) by the evidence each word carries:
//   - the given-name table: a word that is a known given name is unlikely to be the surname;
//   - patronymic forms: table hits (Миколайович, Nikolaevna) and suffixes (-ович, -евич,
//     -івна, -ївна, -овна, -евна, -ична, -ovych, -ovich, -ivna, -ovna ...);
//   - surname endings (-енко, -ук, -ський, -ов, -ін ...) and capitals among mixed-case words;
//   - a comma: what stands before the first comma is the surname;
//   - position: surname first by default.
// The best layout wins; its confidence is the logistic of its margin over the runner-up (0.5
// means a coin toss between two layouts), and `reason` says in words what decided.
//
// Contract: input is valid UTF-8 with at least one letter (else kInvalidInput). Text fields
// hold the words as written (NFC, look-alikes repaired, apostrophes unified); key fields hold
// their RomanKey. An initial ("Д.", "O") has `*_is_initial` set and a one-letter key.
//
//   Result<ParsedName> p = ParseFullName("Shevchenko, Dmytro O.");
//   // p->surname == "Shevchenko", p->given == "Dmytro", p->patronymic == "O.",
//   // p->patronymic_is_initial, p->confidence > 0.9
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "names/given_names.h"

namespace parley::names {

struct ParsedName {
  std::string surname;  // several words for a multi-word surname, joined by one space
  std::string given;
  std::string patronymic;
  std::string surname_key;
  std::string given_key;
  std::string patronymic_key;
  std::string surname_stem;  // SurnameStem(surname_key)
  // Table hits of the given name and patronymic (empty for initials and unknown names); they
  // point into the process-lifetime index, so a ParsedName may be kept and compared often.
  std::span<const GivenNameHit> given_hits;
  std::span<const GivenNameHit> patronymic_hits;
  // When the exact lookup finds nothing: the table names one typo away (LookupGivenNameKeyNear),
  // found once here so that comparisons never search.
  std::vector<GivenNameHit> given_near_hits;
  std::vector<GivenNameHit> patronymic_near_hits;
  bool given_is_initial = false;
  bool patronymic_is_initial = false;
  bool surname_first = true;  // the order the text used
  Sex sex = Sex::kUnknown;    // from the patronymic, else the given name, else the surname
  double confidence = 0.0;    // 0..1
  std::string reason;
};

[[nodiscard]] Result<ParsedName> ParseFullName(std::string_view text);

// The best `max_layouts` readings, best first (at least one). The comparator uses the
// runner-up when the best reading is unsure.
[[nodiscard]] Result<std::vector<ParsedName>> ParseFullNameReadings(std::string_view text,
                                                                    std::size_t max_layouts);

// True when a skeleton key of one word ends like a patronymic (-ovich, -evich, -ivna, -ovna,
// -evna, -ichna); the short -ich is not enough on its own (Петрович is also a surname).
[[nodiscard]] bool HasPatronymicSuffix(std::string_view key);

}  // namespace parley::names
