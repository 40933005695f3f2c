#include "link/comparison.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "names/military_rank.h"
#include "names/romanise_key.h"
#include "names/string_similarity.h"
#include "names/surname_forms.h"

namespace parley::link {
namespace {

// Names repeat: a register of a million men holds a few hundred given names and patronymics,
// and its surnames meet the same few neighbours in block after block, so the same two keys
// are compared again and again. A direct-mapped memo per thread (no locking, one allocation
// on a thread's first call, 768 KiB: at 4,096 entries the surnames of a million-row register
// missed so often that scoring took a third longer) answers most of those comparisons with
// one load. It caches a pure function of two interned ids of one pool (and returns the same
// float-rounded value on a hit or a miss, so results never depend on it); the pool's
// generation is part of the tag so that another pool can never read stale entries.
struct JwMemoEntry {
  std::uint64_t ids = ~std::uint64_t{0};
  std::uint64_t generation = 0;
  float jw = 0;
};
constexpr int kJwMemoBits = 15;
using JwMemo = std::array<JwMemoEntry, std::size_t{1} << kJwMemoBits>;

double MemoJaroWinkler(const StringPool& pool, std::uint32_t a, std::uint32_t b) {
  // On the heap, not in thread-local storage: every thread of the process (the server's too)
  // would carry it otherwise.
  thread_local std::unique_ptr<JwMemo> memo;
  if (!memo) memo = std::make_unique<JwMemo>();
  const std::uint64_t ids = (static_cast<std::uint64_t>(a) << 32) | b;
  JwMemoEntry& e = (*memo)[(ids * 0x9E3779B97F4A7C15ULL) >> (64 - kJwMemoBits)];
  if (e.ids == ids && e.generation == pool.Generation()) return e.jw;
  const double jw = names::JaroWinkler(pool.View(a), pool.View(b));
  e = {ids, pool.Generation(), static_cast<float>(jw)};
  return static_cast<float>(jw);
}

// Whether two codes hold the same digits in the same order, at least `min_digits` of them,
// whatever their letters ("ЖД814574" / "JD814574"). Walks both without allocating: the
// comparator never does.
bool SameDigits(std::string_view x, std::string_view y, std::size_t min_digits) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0;
  std::size_t j = 0;
  std::size_t count = 0;
  while (true) {
    while (i < x.size() && !digit(x[i])) ++i;
    while (j < y.size() && !digit(y[j])) ++j;
    if (i == x.size() || j == y.size()) {
      return i == x.size() && j == y.size() && count >= min_digits;
    }
    if (x[i++] != y[j++]) return false;
    ++count;
  }
}

std::uint8_t CompareCodes(const StringPool& pool, std::uint32_t a, std::uint32_t b,
                          bool by_edit_distance) {
  if (a == 0 || b == 0) return code_level::kMissing;
  if (a == b) return code_level::kExact;
  const std::string_view x = pool.View(a);
  const std::string_view y = pool.View(b);
  if (!by_edit_distance) {
    return MemoJaroWinkler(pool, a, b) >= kPlaceCloseJw ? code_level::kClose
                                                        : code_level::kDifferent;
  }
  if (names::EditDistance(x, y, 1) <= 1) return code_level::kClose;
  // The same number under letters romanised another way: French writes Ж as J ("JD 814574"
  // for ЖД814574), German Щ as SCHTSCH; no one form of the letters serves every habit. Six
  // digits alike are the number.
  return SameDigits(x, y, kServiceNumberDigits) ? code_level::kClose : code_level::kDifferent;
}

std::uint8_t CompareRanks(std::uint8_t a, std::uint8_t b) {
  if (a == names::kNoRankGrade || b == names::kNoRankGrade) return code_level::kMissing;
  if (a == b) return code_level::kExact;
  return names::RankGradesAdjacent(a, b) ? code_level::kClose : code_level::kDifferent;
}

bool AtLeastClose(std::uint8_t level) { return level >= name_level::kClose; }

}  // namespace

Pattern PatternCode(const ComparisonVector& v) {
  Pattern code = 0;
  for (int f = 0; f < kFieldCount; ++f) code = code * kLevelCount[f] + v[f];
  return code;
}

ComparisonVector FromPatternCode(Pattern code) {
  ComparisonVector v{};
  Pattern c = code;
  for (int f = kFieldCount - 1; f >= 0; --f) {
    v[f] = static_cast<std::uint8_t>(c % kLevelCount[f]);
    c /= kLevelCount[f];
  }
  return v;
}

std::string_view FieldName(Field f) {
  static constexpr std::array<std::string_view, kFieldCount> kNames = {
      "surname", "given_name", "patronymic", "birth_date", "service_number", "birth_place", "rank"};
  return kNames[FieldIndex(f)];
}

std::string_view LevelName(Field f, std::uint8_t level) {
  static constexpr std::array<std::string_view, 6> kName = {"missing", "different",  "similar",
                                                            "close",   "equivalent", "exact"};
  static constexpr std::array<std::string_view, 9> kDate = {
      "missing",   "different", "year_only_near", "two_slips", "year_near",
      "same_year", "year_only", "swapped",        "exact"};
  static constexpr std::array<std::string_view, 4> kCode = {"missing", "different", "close",
                                                            "exact"};
  switch (f) {
    case Field::kSurname:
    case Field::kGivenName:
    case Field::kPatronymic:
      return level < kName.size() ? kName[level] : "?";
    case Field::kBirthDate:
      return level < kDate.size() ? kDate[level] : "?";
    case Field::kServiceNumber:
    case Field::kBirthPlace:
    case Field::kRank:
      return level < kCode.size() ? kCode[level] : "?";
  }
  return "?";
}

bool YearsOneSlipApart(int a, int b) {
  if (std::abs(a - b) <= 1) return true;
  const std::string x = std::to_string(a);
  const std::string y = std::to_string(b);
  if (x.size() != y.size()) return false;
  std::vector<std::size_t> differ;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i] != y[i]) differ.push_back(i);
  }
  // One digit other than the last (a decade or century off: 1975 / 1985); a last digit that
  // differs by more than one is just another year of the same decade.
  if (differ.size() == 1) return differ[0] + 1 < x.size();
  return differ.size() == 2 && differ[1] == differ[0] + 1 && x[differ[0]] == y[differ[1]] &&
         x[differ[1]] == y[differ[0]];
}

namespace {

// Days between two full dates; a large number for dates the calendar has not (31.02).
int CalendarDaysApart(PackedDate a, PackedDate b) {
  using namespace std::chrono;
  const year_month_day x{year{a.year}, month{a.month}, day{a.day}};
  const year_month_day y{year{b.year}, month{b.month}, day{b.day}};
  if (!x.ok() || !y.ok()) return std::numeric_limits<int>::max();
  return std::abs((sys_days{x} - sys_days{y}).count());
}

}  // namespace

std::uint8_t CompareDates(PackedDate a, PackedDate b) {
  if (a.year == 0 || b.year == 0) return date_level::kMissing;
  const bool a_full = a.day != 0;
  const bool b_full = b.day != 0;
  const int dy = std::abs(static_cast<int>(a.year) - static_cast<int>(b.year));
  if (a_full && b_full) {
    const bool same_md = a.month == b.month && a.day == b.day;
    if (dy == 0 && same_md) return date_level::kExact;
    if (dy == 0 && a.month == b.day && a.day == b.month) return date_level::kSwapped;
    const bool one_md_slip =
        a.month == b.month || a.day == b.day || (a.month == b.day && a.day == b.month);
    if (dy == 0 && one_md_slip) return date_level::kSameYear;
    // A day off across the end of a month or year (30.09 / 01.10, 31.12.2001 / 01.01.2002) is
    // the same slip as a day off within one: one date counted from the other day.
    if (dy <= 1 && CalendarDaysApart(a, b) == 1) return date_level::kSameYear;
    const bool year_slip = YearsOneSlipApart(a.year, b.year);
    if (year_slip && same_md) return date_level::kYearNear;
    // Each side's clerk may slip once: a day off (within a month or across its end) and a year
    // off, or the year off by one on each side.
    PackedDate b_in_a_year = b;
    b_in_a_year.year = a.year;
    const bool day_slip = one_md_slip || CalendarDaysApart(a, b_in_a_year) == 1;
    if ((year_slip && day_slip) || (dy == 2 && same_md)) return date_level::kTwoSlips;
    return date_level::kDifferent;
  }
  // At least one side knows less than the full date: compare what both know.
  const bool months_known = a.month != 0 && b.month != 0;
  const bool consistent = !months_known || a.month == b.month;
  if (dy == 0) return consistent ? date_level::kYearOnly : date_level::kSameYear;
  if (dy == 1 && consistent) return date_level::kYearOnlyNear;
  return date_level::kDifferent;
}

// Surnames that differ in one vowel Ukrainian and Russian spell differently (і for е or о:
// Білецький / Белецкий, Дяків / Дьяков). One only: two such vowels join names that are not one
// (Кириленко / Короленко), and the rare surname with two (Підгірський / Подгорский) is still
// close in spelling.
bool Comparator::OneUkrainianRussianVowelApart(const RecordKeys& a, const RecordKeys& b) const {
  if (a.surname_vowels == 0 || a.surname_vowels != b.surname_vowels) return false;
  const std::string_view x = pool_->View(a.surname);
  const std::string_view y = pool_->View(b.surname);
  if (x.size() != y.size()) return false;
  int differ = 0;
  for (std::size_t i = 0; i < x.size(); ++i) differ += x[i] != y[i] ? 1 : 0;
  return differ == 1;
}

// Two surnames one slip apart (names::SurnamesOneSlipApart), read in the record's stem, its
// vowel form and its letters as typed where they are not the stem's own. Jaro–Winkler, which
// grades the rest, is low for a typo near the start of a short key (Сало / Мало: 0.83), where
// an edit is plainly one slip.
bool Comparator::OneTypoApart(const RecordKeys& a, const RecordKeys& b) const {
  auto spellings = [&](const RecordKeys& k) {
    return names::SurnameSpellings{pool_->View(k.surname), pool_->View(k.surname_letters),
                                   pool_->View(k.surname_vowels)};
  };
  return names::SurnamesOneSlipApart(spellings(a), spellings(b));
}

// A given name of several groups ("#a3,17,40", NameKeys::given_alternatives) stands for the
// name of group `group` ("#g17"): Слава for Ярослав.
bool Comparator::StandsFor(std::uint32_t alternatives, std::uint32_t group) const {
  if (alternatives == 0 || group == 0) return false;
  const std::string_view g = pool_->View(group);
  if (!g.starts_with("#g")) return false;
  const std::string_view id = g.substr(2);
  std::string_view list = pool_->View(alternatives).substr(2);
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    if (list.substr(0, comma) == id) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

namespace {

constexpr std::size_t kDiminutivePrefix = 3;

bool SameFirstLetters(std::string_view a, std::string_view b, std::size_t n) {
  return a.size() >= n && b.size() >= n && a.substr(0, n) == b.substr(0, n);
}

}  // namespace

std::uint8_t Comparator::CompareName(std::uint32_t a, std::uint32_t a_group, std::uint32_t b,
                                     std::uint32_t b_group) const {
  if (a == 0 || b == 0) return name_level::kMissing;
  if (a == b) return name_level::kExact;
  if (a_group == b_group) return name_level::kEquivalent;
  // Graded similarity on the keys as written; group ids are tags, not text to compare.
  const double jw = MemoJaroWinkler(*pool_, a, b);
  if (jw >= kNameCloseJw) return name_level::kClose;
  if (jw >= kNameSimilarJw) return name_level::kSimilar;
  return name_level::kDifferent;
}

bool Comparator::NamesCrossed(const RecordKeys& a, const RecordKeys& b) const {
  ComparisonVector v{};
  bool crossed = false;
  CompareNames(a, b, v, &crossed);
  return crossed;
}

void Comparator::CompareNames(const RecordKeys& a, const RecordKeys& b, ComparisonVector& v,
                              bool* crossed) const {
  std::uint8_t surname = CompareName(a.surname, a.surname, b.surname, b.surname);
  if (surname != name_level::kMissing && surname < name_level::kEquivalent &&
      OneUkrainianRussianVowelApart(a, b)) {
    surname = name_level::kEquivalent;
  }
  if (surname == name_level::kDifferent && OneTypoApart(a, b)) {
    surname = name_level::kSimilar;
  }
  std::uint8_t given = CompareName(a.given, a.given_group, b.given, b.given_group);
  if (given != name_level::kMissing && given < name_level::kEquivalent &&
      (StandsFor(a.given_alternatives, b.given_group) ||
       StandsFor(b.given_alternatives, a.given_group))) {
    given = name_level::kEquivalent;
  }
  // Two names of the table, each standing for one name, of two groups: two names however alike
  // they are spelt (Олександр / Олексій, Валентин / Валерій), not a slip of one. Spelling
  // similarity would credit them as a near match; a brother is exactly that pair.
  if ((given == name_level::kClose || given == name_level::kSimilar) && a.given_is_known &&
      b.given_is_known) {
    given = name_level::kDifferent;
  }
  // A name the table does not know that begins as the known one does (Роба / Роберт, Нестя /
  // Нестор, Мирик / Мирослав) may be a diminutive the table lacks: a name far from the other in
  // spelling only because it is short, so similar rather than another name (which would weigh
  // kOtherGivenNameWeight against the pair). Three letters of the key: two begin too many names.
  if (given == name_level::kDifferent && a.given_is_known != b.given_is_known &&
      SameFirstLetters(pool_->View(a.given), pool_->View(b.given), kDiminutivePrefix)) {
    given = name_level::kSimilar;
  }
  // Surname and given name written in each other's place (a "Given Surname" list read as
  // surname-first, or a clerk's column swap): accept the crossed comparison only when both
  // crossed names are close. Each crossed pair of cells is compared as surnames, stemmed alike
  // (a given-name cell holding "Журба" keys as the surname cell does).
  if (surname <= name_level::kDifferent && given <= name_level::kDifferent &&
      surname != name_level::kMissing && given != name_level::kMissing) {
    const std::uint8_t s2 =
        CompareName(a.surname, a.surname, b.given_as_surname, b.given_as_surname);
    const std::uint8_t g2 =
        CompareName(a.given_as_surname, a.given_as_surname, b.surname, b.surname);
    if (AtLeastClose(s2) && AtLeastClose(g2)) {
      surname = s2;
      given = g2;
      if (crossed != nullptr) *crossed = true;
    }
  }
  v[FieldIndex(Field::kSurname)] = surname;
  v[FieldIndex(Field::kGivenName)] = given;
  v[FieldIndex(Field::kPatronymic)] =
      CompareName(a.patronymic, a.patronymic_group, b.patronymic, b.patronymic_group);
}

ComparisonVector Comparator::Compare(const RecordKeys& a, const RecordKeys& b) const {
  ComparisonVector v{};
  CompareNames(a, b, v);
  v[FieldIndex(Field::kBirthDate)] = CompareDates(a.birth, b.birth);
  v[FieldIndex(Field::kServiceNumber)] =
      std::max(CompareCodes(*pool_, a.service_number, b.service_number, /*by_edit_distance=*/true),
               CompareCodes(*pool_, a.service_roman, b.service_roman, /*by_edit_distance=*/true));
  std::uint8_t place = CompareCodes(*pool_, a.birth_place, b.birth_place, false);
  // Ukrainian and Russian place names differ in vowels (Київ/Киев, Дніпро/Днепр).
  if (place == code_level::kDifferent && a.place_phonetic == b.place_phonetic) {
    place = code_level::kClose;
  }
  v[FieldIndex(Field::kBirthPlace)] = place;
  v[FieldIndex(Field::kRank)] = CompareRanks(a.rank_grade, b.rank_grade);
  return v;
}

namespace {

// How well two names agree, for picking the best pair of names: a disagreement counts
// against (a name that differs is evidence, a missing part is none), agreement for, by level.
int NameAgreement(const ComparisonVector& v) {
  static constexpr std::array<int, 6> kScore = {0, -4, 1, 2, 3, 4};  // by name_level
  return kScore[v[FieldIndex(Field::kSurname)]] + kScore[v[FieldIndex(Field::kGivenName)]] +
         kScore[v[FieldIndex(Field::kPatronymic)]];
}

}  // namespace

ComparisonVector Comparator::CompareBest(const PreparedList& left, std::uint32_t i,
                                         const PreparedList& right, std::uint32_t j,
                                         NamePick* pick) const {
  ComparisonVector best = Compare(left.keys[i], right.keys[j]);
  if (pick != nullptr) *pick = {};
  const std::uint32_t nl = std::min(left.NameCount(i), kMaxNamesCompared);
  const std::uint32_t nr = std::min(right.NameCount(j), kMaxNamesCompared);
  if (nl == 1 && nr == 1) return best;
  int best_score = NameAgreement(best);
  for (std::uint32_t a = 0; a < nl; ++a) {
    for (std::uint32_t b = 0; b < nr; ++b) {
      if (a == 0 && b == 0) continue;
      // Only the names differ between a record's names: the other fields are compared once.
      ComparisonVector v = best;
      CompareNames(left.Name(i, a), right.Name(j, b), v);
      const int score = NameAgreement(v);
      if (score <= best_score) continue;
      best = v;
      best_score = score;
      if (pick != nullptr) *pick = {static_cast<std::uint8_t>(a), static_cast<std::uint8_t>(b)};
    }
  }
  return best;
}

}  // namespace parley::link
