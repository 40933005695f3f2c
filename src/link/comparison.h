// parley/link/comparison.h — comparison levels per field: how two records agree.
//
// Fellegi–Sunter does not score "similarity" directly; it asks, per field, which of a few
// discrete agreement levels a pair falls in, and learns how much more often true matches fall
// in each level than non-matches. The levels are chosen for how lists of prisoners really
// differ (DOMAIN.md): names written in another language are "equivalent", not "different";
// a birth date with day and month swapped is its own level, as is a year off by one and a row
// that knows only the year.
//
// Levels (0 is always "missing": one side has no value, so the field says nothing):
//   names (surname, given name, patronymic):
//     missing, different, similar (JW ≥ 0.85 on keys), close (JW ≥ 0.93),
//     equivalent (same equivalence group, e.g. Олександр/Александр; for surnames the same
//     but for the vowels Ukrainian and Russian spell differently, Білецький/Белецкий), exact
//   birth date: missing, different, year only and off by one (one side knows only the year, or
//     month and year: an age counted from the year, or a namesake born a year apart; weak
//     evidence, so not "year near"), two slips (two of the slips below at once: a year one
//     slip away and a day or month wrong, or a year two off with day and month right), year
//     near (full dates, day and month equal, one slip of the pen in the year: off by one, one
//     digit, two digits swapped), same year (day or month differs, or the dates are one day
//     apart across a month's or year's end: 31.12.2001 / 01.01.2002), year only (same year, the
//     rest unknown on one side), day/month swapped, exact
//   service number: missing, different, close (one edit, or the same six or more digits under
//     letters romanised another way: JD 814574 / ЖД814574), exact (after homoglyph repair)
//   birth place: missing, different, close (JW ≥ 0.90, or the same consonant skeleton:
//     Київ/Киев, Дніпро/Днепр), exact
//   rank: missing (no rank either side can read), different, close (next grade: a promotion
//     between the lists, or the two armies' nearest ranks), exact (one grade, names/
//     military_rank.h: "солдат" / "рядовой"; or civilian on both sides)
//
// Design for the workload: the comparator reads two 64-byte RecordKeys and the shared pool,
// compares ids first and computes Jaro–Winkler only when ids differ; it never allocates, so
// it can run at millions of pairs per second per core. A comparison vector packs into a
// pattern code (< kPatternCount) so that EM runs over a histogram of patterns, not over pairs.
//
//   Comparator cmp(pool);
//   ComparisonVector v = cmp.Compare(left.keys[i], right.keys[j]);
//   v[FieldIndex(Field::kBirthDate)] == date_level::kSwapped
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "link/prepared_list.h"
#include "link/string_pool.h"

namespace parley::link {

enum class Field : std::uint8_t {
  kSurname,
  kGivenName,
  kPatronymic,
  kBirthDate,
  kServiceNumber,
  kBirthPlace,
  kRank
};
inline constexpr int kFieldCount = 7;
inline constexpr int kMaxLevels = 9;
inline constexpr std::array<int, kFieldCount> kLevelCount = {6, 6, 6, 9, 4, 4, 4};
constexpr int FieldIndex(Field f) { return static_cast<int>(f); }

namespace name_level {
inline constexpr std::uint8_t kMissing = 0, kDifferent = 1, kSimilar = 2, kClose = 3,
                              kEquivalent = 4, kExact = 5;
}
namespace date_level {
inline constexpr std::uint8_t kMissing = 0, kDifferent = 1, kYearOnlyNear = 2, kTwoSlips = 3,
                              kYearNear = 4, kSameYear = 5, kYearOnly = 6, kSwapped = 7, kExact = 8;
}
namespace code_level {
inline constexpr std::uint8_t kMissing = 0, kDifferent = 1, kClose = 2, kExact = 3;
}
inline constexpr std::uint8_t kLevelMissing = 0;

using ComparisonVector = std::array<std::uint8_t, kFieldCount>;

// Mixed-radix code of a comparison vector, < kPatternCount.
using Pattern = std::uint32_t;
inline constexpr int kPatternCount = 6 * 6 * 6 * 9 * 4 * 4 * 4;
[[nodiscard]] Pattern PatternCode(const ComparisonVector& v);
[[nodiscard]] ComparisonVector FromPatternCode(Pattern code);

[[nodiscard]] std::string_view FieldName(Field f);
[[nodiscard]] std::string_view LevelName(Field f, std::uint8_t level);

// Thresholds on Jaro–Winkler of skeleton keys.
inline constexpr double kNameCloseJw = 0.93;
inline constexpr double kNameSimilarJw = 0.85;
inline constexpr double kPlaceCloseJw = 0.90;
// Service numbers whose digits agree, this many or more, are "close" whatever their letters.
inline constexpr std::size_t kServiceNumberDigits = 6;

[[nodiscard]] std::uint8_t CompareDates(PackedDate a, PackedDate b);
// Two birth years one slip of the pen apart (used to tell another birthday from a typo,
// MatchModel::DateAdjustment): off by one (an age counted from the year), one
// digit other than the last different (1975 / 1985), or two neighbouring digits swapped
// (1984 / 1948). 1990 / 1993 are not: that is another year of the same decade.
[[nodiscard]] bool YearsOneSlipApart(int a, int b);

// Which of their names two records were compared under (PreparedList::Name; 0 = listed).
struct NamePick {
  std::uint8_t left = 0;
  std::uint8_t right = 0;
};

// Names beyond this many per record are not compared (a record with dozens of aliases would
// make its pairs cost dozens squared); the linker blocks on them all the same.
inline constexpr std::uint32_t kMaxNamesCompared = 16;

class Comparator {
 public:
  explicit Comparator(const StringPool& pool) : pool_(&pool) {}

  [[nodiscard]] ComparisonVector Compare(const RecordKeys& a, const RecordKeys& b) const;

  // Records i of `left` and j of `right` under their best pair of names (aliases, earlier
  // spellings): the pair whose names agree best (a differing part counts against, a missing
  // one is neutral), the listed names on a tie. Equal to
  // Compare(left.keys[i], right.keys[j]) when neither has an alias.
  [[nodiscard]] ComparisonVector CompareBest(const PreparedList& left, std::uint32_t i,
                                             const PreparedList& right, std::uint32_t j,
                                             NamePick* pick) const;

  // Level of two name keys (ids into the pool) with their equivalence groups.
  [[nodiscard]] std::uint8_t CompareName(std::uint32_t a, std::uint32_t a_group, std::uint32_t b,
                                         std::uint32_t b_group) const;

  // Whether Compare read a's surname against b's given name and a's given name against b's
  // surname (written in each other's columns): the explanation says so, since its "surname"
  // and "given name" levels then compare cells of different columns.
  [[nodiscard]] bool NamesCrossed(const RecordKeys& a, const RecordKeys& b) const;

 private:
  // The three name fields of v (surname, given name, patronymic; crossed surname and given
  // name recognised, and reported through `crossed` when it is not null).
  void CompareNames(const RecordKeys& a, const RecordKeys& b, ComparisonVector& v,
                    bool* crossed = nullptr) const;
  [[nodiscard]] bool OneUkrainianRussianVowelApart(const RecordKeys& a, const RecordKeys& b) const;
  [[nodiscard]] bool StandsFor(std::uint32_t alternatives, std::uint32_t group) const;
  [[nodiscard]] bool OneTypoApart(const RecordKeys& a, const RecordKeys& b) const;

  const StringPool* pool_;
};

}  // namespace parley::link
