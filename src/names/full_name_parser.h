// parley/names/full_name_parser.h — the one reader of a free-form full name: surname, given
// name and patronymic, for linkage and for the import alike.
//
// Lists often hold one "ПІБ"/"ФИО" cell, written "Шевченко Дмитро Олександрович" (surname
// first, the Ukrainian and Russian norm), "Дмитрий Александрович Шевченко", "SHEVCHENKO Dmytro"
// (passport style: the surname in capitals), "Shevchenko, Dmytro O." or "Шевченко Д.О.". The
// parser scores every plausible layout of the words (surname first or last, with or without a
// patronymic, a multi-word surname) by the evidence each word carries:
//   - the given-name table: a word that is a known given name is unlikely to be the surname;
//   - patronymic forms (names/internal/patronymic_forms.h): table hits (Миколайович,
//     Nikolaevna), endings (-ович, -евич, -івна, -ївна, -овна, -евна, -ична, -ovych, -ovich,
//     -ivna, -ovna ...) and a Turkic particle after the father's name ("Гусейн огли");
//   - surname endings (-енко, -ук, -ський, -ов, -ін ...) and capitals among mixed-case words;
//   - a comma: what stands before the first comma is the surname;
//   - position, under an order prior (NameOrderPrior):
//       none    the default: a lean towards surname first. Linkage reads every name so.
//       file    the order the rest of the list uses (an import's vote over its rows). A row
//               with evidence of its own (a patronymic form, a comma, capitals, initials) is
//               read by it, leaning towards the list's order: "Кирило Анатолійович
//               Бондаренко" and "Дитро Валерійович Кисілевич" (a patronymic in the table
//               before a surname ending like one) are given name first in a surname-first
//               list. A row without is held to the list's order unless the table says
//               clearly otherwise: "Dmytro Shevchenko" (a known given name beside a word that
//               is none) is given name first in a surname-first list, while "Коваль Валетин"
//               (a misspelt given name: only a surname-like ending) and "Роман Максим" (both
//               given names) keep the list's order.
//       forced  the order the user declared: only layouts in that order, unless the row marks
//               its parts itself (a comma, capitals, initials), as a clerk's marks outrank a
//               list-wide declaration. A patronymic form or the table never override it.
// The best layout wins; its confidence is the logistic of its margin over the runner-up (0.5
// means a coin toss between two layouts), and `reason` says in words what decided.
//
// Contract: input is valid UTF-8 with at least one letter (else kInvalidInput). Text fields
// hold the words normalised (NFC, look-alikes repaired, apostrophes unified); key fields hold
// their RomanKey; `written` says where each part stands in the input, as the clerk wrote it.
// An initial ("Д.", "O") has `*_is_initial` set and a one-letter key.
//
//   Result<ParsedName> p = ParseFullName("Shevchenko, Dmytro O.");
//   // p->surname == "Shevchenko", p->given == "Dmytro", p->patronymic == "O.",
//   // p->patronymic_is_initial, p->confidence > 0.9
//   auto q = ParseFullName("Кирило Анатолійович Бондаренко",
//                          NameOrderPrior::File(NameOrder::kSurnameFirst));
//   // q->surname == "Бондаренко": the patronymic outweighs the file's order
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "names/given_names.h"

namespace parley::names {

enum class NameOrder { kSurnameFirst, kGivenFirst };

// "surname-first" or "given-first".
[[nodiscard]] std::string_view NameOrderName(NameOrder order);

// The inverse of NameOrderName; an error names the accepted values.
[[nodiscard]] Result<NameOrder> ParseNameOrder(std::string_view text);

// What is known of a name's word order before its words are read (see the file comment).
struct NameOrderPrior {
  enum class Kind : unsigned char { kNone, kFile, kForced };
  Kind kind = Kind::kNone;
  NameOrder order = NameOrder::kSurnameFirst;  // unused for kNone

  [[nodiscard]] static constexpr NameOrderPrior None() { return {}; }
  [[nodiscard]] static constexpr NameOrderPrior File(NameOrder order) {
    return {Kind::kFile, order};
  }
  [[nodiscard]] static constexpr NameOrderPrior Forced(NameOrder order) {
    return {Kind::kForced, order};
  }
};

// Bytes [offset, offset + size) of the text that was parsed.
struct TextSpan {
  std::size_t offset = 0;
  std::size_t size = 0;
  [[nodiscard]] std::string_view In(std::string_view text) const {
    return text.substr(offset, size);
  }
};

// Where each part stands in the parsed text, as written: the same words as the parsed
// fields, before normalisation ("Шевчeнко" with its Latin e, "Мар’яна" with its apostrophe).
// Joined initials are cut where the parser cuts them: "Шевченко Д.О." has the given name
// "Д." and the patronymic "О.". A multi-word part spans its words and what lies between them
// as written; a missing part is empty.
struct WrittenParts {
  TextSpan surname;
  TextSpan given;
  TextSpan patronymic;
};

struct ParsedName {
  std::string surname;  // several words for a multi-word surname, joined by one space
  std::string given;
  std::string patronymic;  // with its particle, if any: "Гусейн огли"
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
  WrittenParts written;
  bool given_is_initial = false;
  bool patronymic_is_initial = false;
  bool surname_first = true;  // the order the text used
  Sex sex = Sex::kUnknown;    // from the patronymic, else the given name, else the surname
  double confidence = 0.0;    // 0..1
  std::string reason;
};

[[nodiscard]] Result<ParsedName> ParseFullName(std::string_view text,
                                               NameOrderPrior prior = NameOrderPrior::None());

// The best `max_layouts` readings, best first (at least one). The comparator uses the
// runner-up when the best reading is unsure.
[[nodiscard]] Result<std::vector<ParsedName>> ParseFullNameReadings(
    std::string_view text, std::size_t max_layouts, NameOrderPrior prior = NameOrderPrior::None());

// The best reading's parts as written: the same reading as ParseFullName(text, prior)->written
// without the typo look-ups and the fields it does not need, at the cost an import can pay per
// row.
[[nodiscard]] Result<WrittenParts> FindWrittenParts(std::string_view text, NameOrderPrior prior);

// What a name's words alone say about its order, for a vote over a list: a patronymic form
// last says surname first, a patronymic form second says given name first. Only names of
// three words or more without a comma vote; nothing when the words say neither or both, or
// when the text cannot be parsed.
[[nodiscard]] std::optional<NameOrder> PatronymicOrderEvidence(std::string_view text);

// True when one written word reads as a patronymic: a patronymic in the name table, or a
// patronymic ending (Олександрович, Ivanivna, ПЕТРОВИЧ; not Шевченко, Ич).
[[nodiscard]] bool LooksLikePatronymic(std::string_view word);

// True when a skeleton key of one word ends like a patronymic (-ovich, -evich, -ivna, -ovna,
// -evna, -ichna); the short -ich is not enough on its own (Петрович is also a surname).
[[nodiscard]] bool HasPatronymicSuffix(std::string_view key);

}  // namespace parley::names
