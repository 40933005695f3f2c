#include "names/name_comparator.h"

#include <algorithm>
#include <array>
#include <vector>

#include "names/given_names.h"

namespace parley::names {
namespace {

constexpr double kSurnameWeight = 0.45;
constexpr double kGivenWeight = 0.35;
constexpr double kPatronymicWeight = 0.20;
constexpr double kNoPatronymicFactor = 0.97;
constexpr double kNoGivenFactor = 0.85;
constexpr double kSexConflictFactor = 0.6;
constexpr double kDiminutiveAgreement = 0.93;
constexpr double kKnownDifferentCap = 0.2;
constexpr double kInitialAgrees = 0.9;
constexpr double kInitialsAgree = 0.85;
constexpr double kInitialDisagrees = 0.1;
constexpr double kUnsureParse = 0.75;
constexpr double kSpellingFloor = 0.8;

// Raw Jaro-Winkler is a poor scale for names: different surnames that share a root score
// about 0.9 (shevchenko/shevchuk 0.92) while a one-letter typo scores about 0.98. Rescaling
// 0.8..1 to 0..1 makes a shared root count for little and keeps typos close to 1.
double Spelling(std::string_view a, std::string_view b) {
  return std::clamp((JaroWinklerAscii(a, b) - kSpellingFloor) / (1.0 - kSpellingFloor), 0.0,
                    1.0);
}

// Match flags live on the stack for names of ordinary length: no allocation per comparison.
constexpr std::size_t kStackLength = 64;

template <typename Char>
double Jaro(std::basic_string_view<Char> a, std::basic_string_view<Char> b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  std::array<bool, kStackLength> a_stack{};
  std::array<bool, kStackLength> b_stack{};
  std::vector<bool> a_heap;
  std::vector<bool> b_heap;
  const bool small = a.size() <= kStackLength && b.size() <= kStackLength;
  if (!small) {
    a_heap.assign(a.size(), false);
    b_heap.assign(b.size(), false);
  }
  auto a_matched = [&](std::size_t i) { return small ? a_stack[i] : bool(a_heap[i]); };
  auto b_matched = [&](std::size_t i) { return small ? b_stack[i] : bool(b_heap[i]); };
  auto set_a = [&](std::size_t i) { small ? void(a_stack[i] = true) : void(a_heap[i] = true); };
  auto set_b = [&](std::size_t i) { small ? void(b_stack[i] = true) : void(b_heap[i] = true); };

  const std::size_t longer = std::max(a.size(), b.size());
  const std::size_t window = longer / 2 > 0 ? longer / 2 - 1 : 0;
  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(b.size(), i + window + 1);
    for (std::size_t j = lo; j < hi; ++j) {
      if (b_matched(j) || a[i] != b[j]) continue;
      set_a(i);
      set_b(j);
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  std::size_t transpositions = 0;
  std::size_t j = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a_matched(i)) continue;
    while (!b_matched(j)) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  const double m = static_cast<double>(matches);
  return (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
          (m - static_cast<double>(transpositions) / 2.0) / m) /
         3.0;
}

template <typename Char>
double Winkler(std::basic_string_view<Char> a, std::basic_string_view<Char> b) {
  const double jaro = Jaro(a, b);
  if (jaro <= 0.7) return jaro;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
    ++prefix;
  }
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

// An initial's key agrees with a full name if the full name, or the official forms of its
// table group, start with it.
bool InitialAgrees(std::string_view initial, std::string_view full_key,
                   std::span<const GivenNameHit> hits, bool patronymic) {
  if (initial.empty()) return false;
  if (full_key.starts_with(initial)) return true;
  for (const auto& h : hits) {
    if ((h.kind == NameFormKind::kPatronymic) != patronymic) continue;
    const GivenNameGroup& g = GivenNameGroupOf(h.group);
    if (std::string_view(g.ukrainian_key).starts_with(initial) ||
        std::string_view(g.russian_key).starts_with(initial)) {
      return true;
    }
  }
  return false;
}

bool IsDiminutiveOnly(std::span<const GivenNameHit> a, std::span<const GivenNameHit> b) {
  for (const auto& x : a) {
    for (const auto& y : b) {
      if (x.group == y.group && x.kind != NameFormKind::kPatronymic &&
          y.kind != NameFormKind::kPatronymic && x.kind != NameFormKind::kDiminutive &&
          y.kind != NameFormKind::kDiminutive) {
        return false;
      }
    }
  }
  return true;
}

// Similarity of two given names (patronymic == false) or two patronymics; -1 if either is
// missing.
double PartSimilarity(std::string_view a_key, bool a_initial, std::string_view b_key,
                      bool b_initial, bool patronymic) {
  if (a_key.empty() || b_key.empty()) return -1.0;
  if (a_initial && b_initial) {
    return a_key.starts_with(b_key) || b_key.starts_with(a_key) ? kInitialsAgree
                                                                : kInitialDisagrees;
  }
  if (a_initial || b_initial) {
    const std::string_view initial = a_initial ? a_key : b_key;
    const std::string_view full = a_initial ? b_key : a_key;
    return InitialAgrees(initial, full, LookupGivenNameKey(full), patronymic) ? kInitialAgrees
                                                                               : kInitialDisagrees;
  }
  const auto a_hits = LookupGivenNameKey(a_key);
  const auto b_hits = LookupGivenNameKey(b_key);
  const double spelling = Spelling(a_key, b_key);
  if (patronymic ? SamePatronymic(a_hits, b_hits) : SameGivenName(a_hits, b_hits)) {
    if (!patronymic && IsDiminutiveOnly(a_hits, b_hits)) return std::max(kDiminutiveAgreement, spelling);
    return 1.0;
  }
  const NameFormKind kind = patronymic ? NameFormKind::kPatronymic : NameFormKind::kOfficial;
  const bool a_known = HasKind(a_hits, kind) || (!patronymic && !a_hits.empty());
  const bool b_known = HasKind(b_hits, kind) || (!patronymic && !b_hits.empty());
  if (a_known && b_known) return std::min(kKnownDifferentCap, spelling);
  return spelling;
}

double SurnameSimilarity(const ParsedName& a, const ParsedName& b) {
  if (a.surname_key.empty() || b.surname_key.empty()) return -1.0;
  double best = std::max(Spelling(a.surname_key, b.surname_key),
                         Spelling(a.surname_stem, b.surname_stem));
  // One side may carry one half of a double surname (Петренко-Ковальчук / Ковальчук).
  auto parts = [&](std::string_view two_words, std::string_view other) {
    if (two_words.find(' ') == std::string_view::npos) return;
    while (!two_words.empty()) {
      const std::size_t space = two_words.find(' ');
      best = std::max(best, 0.9 * Spelling(two_words.substr(0, space), other));
      if (space == std::string_view::npos) break;
      two_words.remove_prefix(space + 1);
    }
  };
  parts(a.surname_stem, b.surname_stem);
  parts(b.surname_stem, a.surname_stem);
  return best;
}

}  // namespace

double JaroWinkler(std::u32string_view a, std::u32string_view b) { return Winkler(a, b); }
double JaroWinklerAscii(std::string_view a, std::string_view b) { return Winkler(a, b); }

NameScore CompareParsedNames(const ParsedName& a, const ParsedName& b) {
  NameScore s;
  s.surname = SurnameSimilarity(a, b);
  s.given = PartSimilarity(a.given_key, a.given_is_initial, b.given_key, b.given_is_initial,
                           false);
  s.patronymic = PartSimilarity(a.patronymic_key, a.patronymic_is_initial, b.patronymic_key,
                                b.patronymic_is_initial, true);
  double weighted = 0.0;
  double weights = 0.0;
  for (auto [value, weight] : {std::pair{s.surname, kSurnameWeight},
                               std::pair{s.given, kGivenWeight},
                               std::pair{s.patronymic, kPatronymicWeight}}) {
    if (value < 0.0) continue;
    weighted += value * weight;
    weights += weight;
  }
  if (weights == 0.0) return s;
  double score = weighted / weights;
  if (s.patronymic < 0.0) score *= kNoPatronymicFactor;
  if (s.given < 0.0) score *= kNoGivenFactor;
  s.sex_conflict = a.sex != Sex::kUnknown && b.sex != Sex::kUnknown && a.sex != b.sex;
  if (s.sex_conflict) score *= kSexConflictFactor;
  s.score = std::clamp(score, 0.0, 1.0);
  return s;
}

Result<NameScore> CompareFullNames(std::string_view a, std::string_view b) {
  auto ra = ParseFullNameReadings(a, 2);
  if (!ra) return std::unexpected(ra.error());
  auto rb = ParseFullNameReadings(b, 2);
  if (!rb) return std::unexpected(rb.error());
  const std::size_t na = ra->front().confidence < kUnsureParse ? ra->size() : 1;
  const std::size_t nb = rb->front().confidence < kUnsureParse ? rb->size() : 1;
  NameScore best = CompareParsedNames(ra->front(), rb->front());
  for (std::size_t i = 0; i < na; ++i) {
    for (std::size_t j = 0; j < nb; ++j) {
      if (i == 0 && j == 0) continue;
      NameScore s = CompareParsedNames((*ra)[i], (*rb)[j]);
      if (s.score > best.score) best = s;
    }
  }
  return best;
}

}  // namespace parley::names
