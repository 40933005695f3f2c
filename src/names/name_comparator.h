// parley/names/name_comparator.h — how alike two full names are, in 0..1, across scripts,
// romanisations, word orders and Ukrainian/Russian forms.
//
// Both names are parsed (full_name_parser.h) and compared part by part. "Spelling" below is
// Jaro-Winkler rescaled from 0.8..1 to 0..1: raw Jaro-Winkler gives different surnames that
// share a root about 0.9 (Шевченко/Шевчук 0.92) and a one-letter typo about 0.98, so the raw
// scale would let a common given name and patronymic carry a different surname over the
// threshold.
//   surname     spelling of the skeleton keys and of the sex/language-neutral stems
//               (surname_forms.h), the higher of the two, and at least 0.85 when the two
//               are one typo apart anywhere (a letter inserted, dropped, replaced or two
//               swapped, in the keys or as written), which Jaro-Winkler punishes in the
//               first letters ("Евченко" for "Шевченко");
//   given name  1 when the given-name table puts both in one group (0.93 when only through a
//               diminutive, 0.95 when one side needs a one-letter typo allowed to find its
//               table group), a low score when the table knows both as different names
//               (Олександр/Олексій: a conflict, at most 0.2), spelling otherwise; an initial
//               agrees when the other name, or its Ukrainian or Russian official form, starts
//               with it (О. agrees with Александр through Олександр);
//   patronymic  the same, with the table's patronymic groups.
// Parts are weighted 0.45 / 0.35 / 0.20. A part missing on either side is left out and the
// weights renormalised, then the score is lowered a little for the missing evidence (x0.97
// without patronymic, x0.85 without given name). A sex conflict (Миколайович vs Миколаївна,
// Іванов vs Іванова, from patronymic, table or surname ending) multiplies by 0.6. When a
// parse is unsure (confidence < 0.75) the parser's second reading is tried too and the better
// score kept; when the two names were read in opposite orders, each is also read in the
// other's order ("Fuad Mohamed KHALAF" / "FUAD MOHAMED KHALAF": the capitals say given name
// first, the all-capitals row only leans towards surname first); names of four words or more
// are also compared with the surname moved between the ends ("Dupont Jean Pierre Marie" /
// "Jean Pierre Marie Dupont"). Middle names left out on one side ("Othman AL-GHAMDI" /
// "OTHMAN AHMED OTHMAN AL-GHAMDI": the shorter's words in order among the longer's, the same
// first and last words) score 0.95, as a missing patronymic nearly does.
// Jaro-Winkler is measured on code points (names/string_similarity.h; keys are ASCII).
//
// The default threshold, kDefaultMatchThreshold = 0.88, sits between the two cases that
// matter most (see name_comparator_test.cpp):
//   - the same person across scripts and systems scores >= 0.95 (a one-letter surname typo
//     still scores about 0.955, and at least 0.93 wherever it falls; one side without
//     patronymic 0.97);
//   - namesakes with different known patronymics, the commonest false match in a list of
//     8,000 men holding a dozen "Шевченко Дмитро", score at most 0.45 + 0.35 + 0.20 x 0.2 =
//     0.84 (0.80 for Олександрович/Миколайович); a contradicting initial 0.785; a different
//     surname sharing the root (Шевчук for Шевченко) 0.81; different given names <= 0.72.
// A match is only a candidate: every uncertain match goes to a human (DOMAIN.md).
//
//   Result<NameScore> s = CompareFullNames("Шевченко Дмитро Олександрович",
//                                          "SHEVCHENKO Dmitriy Aleksandrovich");
//   // s->score == 1.0, s->score >= kDefaultMatchThreshold
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "names/full_name_parser.h"

namespace parley::names {

inline constexpr double kDefaultMatchThreshold = 0.88;

// What decided a part's similarity: the review queue shows it to the analyst.
enum class PartEvidence : unsigned char {
  kNotCompared,      // missing on one side
  kSpelling,         // spelling of the keys (and stems, for surnames)
  kTableSame,        // one group in the given-name table
  kTableDiminutive,  // one group, but only through a diminutive
  kTableDifferent,   // both in the table, as different names: a conflict
  kTableNear,  // one group once a one-letter typo is allowed (Олекандр/Александр)
  kInitialAgrees,
  kInitialDisagrees,
};

struct NameScore {
  double score = 0.0;     // 0..1
  double surname = -1.0;  // part similarities; -1 when the part was not compared
  double given = -1.0;
  double patronymic = -1.0;
  PartEvidence given_evidence = PartEvidence::kNotCompared;
  PartEvidence patronymic_evidence = PartEvidence::kNotCompared;
  bool sex_conflict = false;
};

[[nodiscard]] NameScore CompareParsedNames(const ParsedName& a, const ParsedName& b);

// One line for a person: "surname 1.00 (by spelling); given name 1.00 (same name in the name
// table); patronymic 0.00 (different names in the name table)".
[[nodiscard]] std::string Explain(const NameScore& score);

// Parses both names and compares them; fails only when a name cannot be parsed (invalid
// UTF-8, no letters).
[[nodiscard]] Result<NameScore> CompareFullNames(std::string_view a, std::string_view b);

}  // namespace parley::names
