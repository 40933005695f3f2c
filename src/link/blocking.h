// parley/link/blocking.h — which pairs are worth scoring: candidate generation by blocking.
//
// Comparing every request with every record of a million-row register is 3·10^11 pairs; the
// same person almost always shares *some* cheap key on both sides. A pair becomes a candidate
// when it agrees on at least one of these keys (a union of blocking rules):
//   1. surname phonetic key + birth year        (given name in another language, typos)
//   2. given-name group + full birth date       (surname misspelt beyond the phonetic key)
//   3. surname key + given-name group           (birth date wrong or missing)
//   4. service number                           (names garbled, number intact)
//   5. given-name group + patronymic group + birth year  (surname changed or swapped)
//   6. surname key + given-name group + birth year       (rule 3 made narrow enough for
//      "Шевченко Олександр", whose rule-3 block is capped in a large register)
//   7. surname's vowel form + given-name group + patronymic group  (the same, birth year
//      wrong or missing; the vowel form (names::SurnameVowelForm) joins the Ukrainian and
//      Russian spellings of one surname, Підгірський / Подгорский, whose keys differ in more
//      than one letter)
//   8. patronymic group + full birth date               (surname and given name both off)
//   9. given-name group + patronymic group + day and month, either order  (year wrong, and
//      the surname misspelt)
//  10. surname key + patronymic group                  (the given name a diminutive or a form
//      of another group, and the birth date wrong or missing)
//  11. surname and given name, either order + birth year  (the two written in each other's
//      column, row by row: "Тит | Науменко"; a rare given name the import cannot place, so
//      every other rule keys the wrong word)
//  12. surname and given name, either order + patronymic group  (the same, the birth date
//      wrong or missing on one side)
//  13. surname within one edit + given-name group      (a typo anywhere in the surname, even
//      its first letters, with the birth date wrong, swapped or missing)
//  14. surname within one edit + day and month, either order  (the same, the given name in a
//      form of another group or misspelt; the year may be wrong)
//  15. surname within one edit + patronymic group      (a surname typo, the given name off and
//      the birth date wrong or missing)
//
// Rules 13 to 15 give a record several keys: one per string made by deleting one character
// of its surname key, and the key itself (symmetric deletion: two surnames one insertion,
// deletion, substitution or transposition apart always share one). The key has one byte per
// Cyrillic letter (names::OneBytePerLetter), so the edit is the clerk's. They need the interned
// surnames (BlockingOptions::pool); without a pool only rules 1–12 run.
//
// No quadratic step: for each rule every record gets a 64-bit key (several under rules 13–15); the
// keys of each side are sorted once, equal runs are joined, and a pair found by rule k is dropped
// if an earlier rule j < k already produced it (keys equal under j and j's block was not capped),
// so the result is free of duplicates without sorting or hashing the pairs themselves. Rules run in
// parallel (first every rule's oversized blocks, then every rule's pairs); the output is
// concatenated in rule order, so it does not depend on the thread count.
//
// Oversized blocks: a block whose size (left × right, or n(n-1)/2 in dedupe) exceeds
// max_block_pairs is skipped for that rule. Its pairs are lost unless another rule finds them;
// this is what the cap costs in recall, and BlockingStats counts the pairs skipped so the cost
// is visible. A block is only that large for a very common name with an unknown birth date, or
// a rule key shared by thousands (e.g. "Шевченко Дмитро" with rule 3); rules 6 and 7 exist so
// that such people are still found by a narrower key.
//
//   BlockingStats stats;
//   std::vector<CandidatePair> pairs = GenerateCandidates(left, &right, {}, &stats);
//   // dedupe within one list: GenerateCandidates(list, nullptr, ...) gives pairs i < j
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "link/prepared_list.h"
#include "link/string_pool.h"

namespace parley::link {

inline constexpr int kExactKeyRuleCount = 12;  // rules with one key per record
inline constexpr int kBlockingRuleCount = 15;

struct CandidatePair {
  std::uint32_t left = 0;
  std::uint32_t right = 0;
  friend bool operator==(const CandidatePair&, const CandidatePair&) = default;
};

struct BlockingOptions {
  std::uint64_t max_block_pairs = 20000;
  int threads = 1;  // rules are sorted and joined in parallel, one rule per thread
  // The pool the lists' surname ids belong to, for the one-edit rules; null: they do not run.
  const StringPool* pool = nullptr;
};

struct BlockingStats {
  std::array<std::uint64_t, kBlockingRuleCount> pairs_by_rule{};  // new pairs each rule added
  std::array<std::uint64_t, kBlockingRuleCount> capped_blocks{};  // blocks skipped per rule
  std::array<std::uint64_t, kBlockingRuleCount> capped_pairs{};   // pairs those blocks held
};

[[nodiscard]] std::string_view BlockingRuleName(int rule);

// The rule's key of one record (rules 0 .. kExactKeyRuleCount - 1); 0 when the record lacks a
// part of it.
[[nodiscard]] std::uint64_t BlockingKey(int rule, const RecordKeys& k);

// True when two records agree on the rule's key (the same test as equal BlockingKey values,
// without hashing; false for the one-edit rules). Used to pick the pairs of an EM training
// session.
[[nodiscard]] bool RuleAgrees(int rule, const RecordKeys& a, const RecordKeys& b);

// Candidate pairs between `left` and `*right`, or within `left` (i < j) when right is null.
[[nodiscard]] std::vector<CandidatePair> GenerateCandidates(const PreparedList& left,
                                                            const PreparedList* right,
                                                            const BlockingOptions& options,
                                                            BlockingStats* stats);

// GenerateCandidates on every name of every record (PreparedList aliases): each alias is
// blocked like a record of its own and its pairs are mapped to its record, each record pair
// once. Exactly GenerateCandidates when neither list has an alias.
[[nodiscard]] std::vector<CandidatePair> GenerateCandidatesOnAllNames(
    const PreparedList& left, const PreparedList* right, const BlockingOptions& options,
    BlockingStats* stats);

}  // namespace parley::link
