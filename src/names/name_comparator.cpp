#include "names/name_comparator.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "core/words.h"
#include "names/given_names.h"
#include "names/latin_readings.h"
#include "names/romanise_key.h"
#include "names/string_similarity.h"
#include "names/surname_forms.h"

namespace parley::names {
namespace {

constexpr double kSurnameWeight = 0.45;
constexpr double kGivenWeight = 0.35;
constexpr double kPatronymicWeight = 0.20;
constexpr double kNoPatronymicFactor = 0.97;
constexpr double kNoGivenFactor = 0.85;
constexpr double kSexConflictFactor = 0.6;
constexpr double kDiminutiveAgreement = 0.93;
// A given name or patronymic the table lacks, one typo from a name it has (Volodmyr): that name,
// nearly surely. Enough, beside a surname one typo off and nothing else, for a match (0.89): two
// slips in one name are common in a typed list, and another person's name would be a real name.
constexpr double kNearAgreement = 0.95;
constexpr double kKnownDifferentCap = 0.2;
constexpr double kInitialAgrees = 0.9;
constexpr double kInitialsAgree = 0.85;
constexpr double kInitialDisagrees = 0.1;
constexpr double kUnsureParse = 0.75;
constexpr double kSpellingFloor = 0.8;
// A surname one typo from the other: enough, with the given name and patronymic agreeing, for
// a match (0.45 x 0.85 + 0.55 = 0.93), and still short of one without a given name.
constexpr double kOneTypoSurname = 0.85;
constexpr std::size_t kOneTypoMinLength = 4;
// Surnames that differ only where one writes o and the other a (Морозов / Marozau, Коваленко /
// Каваленка): Belarusian spells an unstressed o as a, and a Russian ear hears it so. Short of
// the same spelling, and enough with the given name and patronymic agreeing.
constexpr double kAkanyeSurname = 0.9;
// One surname made of one given name in its Ukrainian and Russian forms (Опанасенко /
// Афанасенко: names::SurnamesOfOneGivenName): the same surname in the other language, as
// likely as akanye to be one person's.
constexpr double kOneGivenNameSurname = 0.9;

// Raw Jaro-Winkler is a poor scale for names: different surnames that share a root score
// about 0.9 (shevchenko/shevchuk 0.92) while a one-letter typo scores about 0.98. Rescaling
// 0.8..1 to 0..1 makes a shared root count for little and keeps typos close to 1.
double Spelling(std::string_view a, std::string_view b) {
  return std::clamp((JaroWinkler(a, b) - kSpellingFloor) / (1.0 - kSpellingFloor), 0.0, 1.0);
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

struct Part {
  double value = -1.0;
  PartEvidence evidence = PartEvidence::kNotCompared;
};

// Similarity of two given names (patronymic == false) or two patronymics.
Part PartSimilarity(std::string_view a_key, bool a_initial, std::span<const GivenNameHit> a_hits,
                    std::span<const GivenNameHit> a_near_hits, std::string_view b_key,
                    bool b_initial, std::span<const GivenNameHit> b_hits,
                    std::span<const GivenNameHit> b_near_hits, bool patronymic) {
  if (a_key.empty() || b_key.empty()) return {};
  if (a_initial && b_initial) {
    return a_key.starts_with(b_key) || b_key.starts_with(a_key)
               ? Part{kInitialsAgree, PartEvidence::kInitialAgrees}
               : Part{kInitialDisagrees, PartEvidence::kInitialDisagrees};
  }
  if (a_initial || b_initial) {
    const std::string_view initial = a_initial ? a_key : b_key;
    const std::string_view full = a_initial ? b_key : a_key;
    return InitialAgrees(initial, full, a_initial ? b_hits : a_hits, patronymic)
               ? Part{kInitialAgrees, PartEvidence::kInitialAgrees}
               : Part{kInitialDisagrees, PartEvidence::kInitialDisagrees};
  }
  // A double given name the table does not know whole (Богдан-Ігор) is each of its names: the
  // best of its words decides (Бодя, Ігор), as the linker reads it.
  if (!patronymic) {
    auto best_word = [&](std::string_view words, std::string_view other,
                         std::span<const GivenNameHit> other_hits,
                         std::span<const GivenNameHit> other_near) {
      Part best;
      for (std::string_view word : SpaceSeparatedWords(words)) {
        const Part p = PartSimilarity(word, false, LookupGivenNameKey(word), {}, other, false,
                                      other_hits, other_near, false);
        if (p.value > best.value) best = p;
      }
      return best;
    };
    // Only against one name: two sets of names that share one (Abdullah Mohammed / Abdullah
    // Ahmed) are two people.
    const bool a_several = a_key.find(' ') != std::string_view::npos;
    const bool b_several = b_key.find(' ') != std::string_view::npos;
    if (a_hits.empty() && a_several && !b_several) {
      return best_word(a_key, b_key, b_hits, b_near_hits);
    }
    if (b_hits.empty() && b_several && !a_several) {
      return best_word(b_key, a_key, a_hits, a_near_hits);
    }
  }
  const double spelling = Spelling(a_key, b_key);
  if (patronymic ? SamePatronymic(a_hits, b_hits) : SameGivenName(a_hits, b_hits)) {
    if (!patronymic && IsDiminutiveOnly(a_hits, b_hits)) {
      return {std::max(kDiminutiveAgreement, spelling), PartEvidence::kTableDiminutive};
    }
    return {1.0, PartEvidence::kTableSame};
  }
  // A side the table does not know may be a typo of a name it does know: weaker evidence,
  // and never a conflict.
  if (a_hits.empty() || b_hits.empty()) {
    const auto a_near = a_hits.empty() ? a_near_hits : a_hits;
    const auto b_near = b_hits.empty() ? b_near_hits : b_hits;
    if (patronymic ? SamePatronymic(a_near, b_near) : SameGivenName(a_near, b_near)) {
      return {std::max(kNearAgreement, spelling), PartEvidence::kTableNear};
    }
  }
  // Both known to the table, and not as one name: a conflict, whatever the spelling says
  // (Олександр/Олексій are close in letters and different people).
  auto known = [patronymic](std::span<const GivenNameHit> hits) {
    return std::any_of(hits.begin(), hits.end(), [patronymic](const GivenNameHit& h) {
      return (h.kind == NameFormKind::kPatronymic) == patronymic;
    });
  };
  if (known(a_hits) && known(b_hits)) {
    return {std::min(kKnownDifferentCap, spelling), PartEvidence::kTableDifferent};
  }
  return {spelling, PartEvidence::kSpelling};
}

// Whether two surnames are one slip apart (SurnamesOneSlipApart), wherever it falls:
// Jaro-Winkler forgives a typo at the end and punishes one in the first letters ("Охременко" /
// "Охрименко" is close, "Ернов" / "Чернов" is not).
bool OneTypoApart(const ParsedName& a, const ParsedName& b) {
  if (SurnamesOneKeystrokeApartInLatin(a.surname, b.surname)) return true;
  const std::string letters_a = RomanLetters(a.surname).value_or("");
  const std::string letters_b = RomanLetters(b.surname).value_or("");
  const std::string vowels_a = SurnameVowelForm(a.surname_key);
  const std::string vowels_b = SurnameVowelForm(b.surname_key);
  return SurnamesOneSlipApart({a.surname_key, letters_a, vowels_a},
                              {b.surname_key, letters_b, vowels_b});
}

// The key with every o written a (akanye: kAkanyeSurname).
std::string Akanye(std::string_view key) {
  std::string out(key);
  std::replace(out.begin(), out.end(), 'o', 'a');
  return out;
}

double SurnameSimilarity(const ParsedName& a, const ParsedName& b) {
  if (a.surname_key.empty() || b.surname_key.empty()) return -1.0;
  double best =
      std::max(Spelling(a.surname_key, b.surname_key), Spelling(a.surname_stem, b.surname_stem));
  if (best < kOneTypoSurname && OneTypoApart(a, b)) best = kOneTypoSurname;
  if (best < kAkanyeSurname && a.surname_key.size() >= kOneTypoMinLength &&
      (Akanye(a.surname_key) == Akanye(b.surname_key) ||
       Akanye(a.surname_stem) == Akanye(b.surname_stem))) {
    best = kAkanyeSurname;
  }
  if (best < kOneGivenNameSurname && SurnamesOfOneGivenName(a.surname_stem, b.surname_stem)) {
    best = kOneGivenNameSurname;
  }
  // One side may carry one half of a double surname (Петренко-Ковальчук / Ковальчук).
  auto parts = [&](std::string_view two_words, std::string_view other) {
    if (two_words.find(' ') == std::string_view::npos) return;
    for (std::string_view word : SpaceSeparatedWords(two_words)) {
      best = std::max(best, 0.9 * Spelling(word, other));
    }
  };
  parts(a.surname_stem, b.surname_stem);
  parts(b.surname_stem, a.surname_stem);
  return best;
}

// Names that string a father's and a grandfather's names between the given name and the
// surname (Arabic, Pashto, Somali): one list writes them all, another only some or none
// ("Othman AL-GHAMDI" / "OTHMAN AHMED OTHMAN AL-GHAMDI"). The shorter name's words, in order,
// among the longer's, with the same first and last words, leave the others out without
// contradicting them; another middle name ("Abdullah Mohammed" / "Abdullah Ahmed") still does.
// As strong as a patronymic missing on one side.
constexpr double kMiddleNamesLeftOut = 0.95;

std::vector<std::string_view> WordsGivenFirst(const ParsedName& p) {
  std::vector<std::string_view> words;
  for (const std::string* part : {&p.given_key, &p.patronymic_key, &p.surname_key}) {
    const std::vector<std::string_view> part_words = SpaceSeparatedWords(*part);
    words.insert(words.end(), part_words.begin(), part_words.end());
  }
  return words;
}

// The first and the last word of a name read given name first, without building the list:
// most pairs differ there, and CompareParsedNames runs for every pair a list compares.
std::string_view FirstWordGivenFirst(const ParsedName& p) {
  for (std::string_view part : {std::string_view(p.given_key), std::string_view(p.patronymic_key),
                                std::string_view(p.surname_key)}) {
    if (!part.empty()) return part.substr(0, part.find(' '));
  }
  return {};
}

std::string_view LastWordGivenFirst(const ParsedName& p) {
  for (std::string_view part : {std::string_view(p.surname_key), std::string_view(p.patronymic_key),
                                std::string_view(p.given_key)}) {
    if (part.empty()) continue;
    const std::size_t space = part.rfind(' ');
    return space == std::string_view::npos ? part : part.substr(space + 1);
  }
  return {};
}

bool MiddleNamesLeftOut(const ParsedName& a, const ParsedName& b) {
  if (a.given_is_initial || b.given_is_initial) return false;
  if (FirstWordGivenFirst(a) != FirstWordGivenFirst(b) ||
      LastWordGivenFirst(a) != LastWordGivenFirst(b)) {
    return false;
  }
  std::vector<std::string_view> shorter = WordsGivenFirst(a);
  std::vector<std::string_view> longer = WordsGivenFirst(b);
  if (shorter.size() > longer.size()) std::swap(shorter, longer);
  // The first and last words agree already (above).
  if (shorter.size() < 2 || shorter.size() == longer.size()) return false;
  std::size_t found = 0;
  for (std::string_view word : longer) {
    if (found < shorter.size() && word == shorter[found]) ++found;
  }
  return found == shorter.size();
}

}  // namespace

NameScore CompareParsedNames(const ParsedName& a, const ParsedName& b) {
  NameScore s;
  s.surname = SurnameSimilarity(a, b);
  const Part given =
      PartSimilarity(a.given_key, a.given_is_initial, a.given_hits, a.given_near_hits, b.given_key,
                     b.given_is_initial, b.given_hits, b.given_near_hits, false);
  const Part patronymic = PartSimilarity(
      a.patronymic_key, a.patronymic_is_initial, a.patronymic_hits, a.patronymic_near_hits,
      b.patronymic_key, b.patronymic_is_initial, b.patronymic_hits, b.patronymic_near_hits, true);
  s.given = given.value;
  s.given_evidence = given.evidence;
  s.patronymic = patronymic.value;
  s.patronymic_evidence = patronymic.evidence;
  double weighted = 0.0;
  double weights = 0.0;
  for (auto [value, weight] :
       {std::pair{s.surname, kSurnameWeight}, std::pair{s.given, kGivenWeight},
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
  if (score < kMiddleNamesLeftOut && !s.sex_conflict && MiddleNamesLeftOut(a, b)) {
    score = kMiddleNamesLeftOut;
  }
  s.score = std::clamp(score, 0.0, 1.0);
  return s;
}

namespace {

const char* EvidenceText(PartEvidence e) {
  switch (e) {
    case PartEvidence::kNotCompared:
      return "not compared (missing on one side)";
    case PartEvidence::kSpelling:
      return "by spelling";
    case PartEvidence::kTableSame:
      return "same name in the name table";
    case PartEvidence::kTableDiminutive:
      return "same name through a diminutive";
    case PartEvidence::kTableDifferent:
      return "different names in the name table";
    case PartEvidence::kTableNear:
      return "same name in the name table, allowing a one-letter typo";
    case PartEvidence::kInitialAgrees:
      return "initial agrees";
    case PartEvidence::kInitialDisagrees:
      return "initial contradicts";
  }
  return "";
}

void AppendPart(std::string& out, const char* label, double value, PartEvidence evidence) {
  char number[16];
  std::snprintf(number, sizeof number, "%.2f", value < 0.0 ? 0.0 : value);
  if (!out.empty()) out += "; ";
  out += label;
  if (evidence != PartEvidence::kNotCompared) {
    out += ' ';
    out += number;
  }
  out += " (";
  out += EvidenceText(evidence);
  out += ')';
}

}  // namespace

std::string Explain(const NameScore& s) {
  std::string out;
  AppendPart(out, "surname", s.surname,
             s.surname < 0.0 ? PartEvidence::kNotCompared : PartEvidence::kSpelling);
  AppendPart(out, "given name", s.given, s.given_evidence);
  AppendPart(out, "patronymic", s.patronymic, s.patronymic_evidence);
  if (s.sex_conflict) out += "; sexes differ";
  return out;
}

namespace {

// The best reading, and the runner-up too when the best is unsure. Most names are sure, so the
// second reading (and its typo lookups) is built only for the few that need it.
// A Latin name also as other languages' spelling habits read it (latin_readings.h).
Result<std::vector<ParsedName>> Readings(std::string_view text) {
  auto readings = ParseFullNameReadings(text, 1);
  if (readings && readings->front().confidence < kUnsureParse) {
    readings = ParseFullNameReadings(text, 2);
  }
  if (!readings) return readings;
  for (LatinHabit habit : kLatinHabits) {
    std::optional<std::string> respelled = RespellLatin(text, habit);
    if (!respelled) continue;
    auto parsed = ParseFullName(*respelled);
    if (parsed) readings->push_back(std::move(*parsed));
  }
  return readings;
}

// Names of four words or more (several given names, Arabic, Spanish and French names) written
// with the surname moved from one end to the other: "Dupont Jean Pierre Marie" / "Jean Pierre
// Marie Dupont". The layouts have no place for middle names, so the middle words land in
// different parts on the two sides; the same words turned back into the other's order are
// compared too. A comma already says where the surname is.
constexpr std::size_t kRotatedNameMinWords = 4;

std::string JoinWords(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// The text's words in every other rotation: a surname of one or two words moved between the
// ends ("Garcia Lopez Juan Carlos" / "Juan Carlos Garcia Lopez"). A rotation keeps the words'
// order around the circle, which two different people's names do not share by chance.
std::vector<std::string> SurnameMovedReadings(std::string_view text, std::size_t other_words) {
  std::vector<std::string_view> words = SpaceSeparatedWords(text);
  if (words.size() < kRotatedNameMinWords || words.size() != other_words ||
      text.find(',') != std::string_view::npos) {
    return {};
  }
  std::vector<std::string> readings;
  for (std::size_t k = 1; k < words.size(); ++k) {
    std::rotate(words.begin(), words.begin() + 1, words.end());
    readings.push_back(JoinWords(words));
  }
  return readings;
}

}  // namespace

Result<NameScore> CompareFullNames(std::string_view a, std::string_view b) {
  auto ra = Readings(a);
  if (!ra) return std::unexpected(ra.error());
  auto rb = Readings(b);
  if (!rb) return std::unexpected(rb.error());
  NameScore best = CompareParsedNames(ra->front(), rb->front());
  for (std::size_t i = 0; i < ra->size(); ++i) {
    for (std::size_t j = 0; j < rb->size(); ++j) {
      if (i == 0 && j == 0) continue;
      NameScore s = CompareParsedNames((*ra)[i], (*rb)[j]);
      if (s.score > best.score) best = s;
    }
  }
  // Where the two names were read in opposite orders, each is also read in the other's order:
  // one clerk's capitals ("Fuad Mohamed KHALAF") say the order, another's all-capitals or
  // plain row ("FUAD MOHAMED KHALAF") only leans, and the lean alone must not make the same
  // words two different people. A row's own marks (capitals, a comma) still decide its order.
  const ParsedName& a0 = ra->front();
  const ParsedName& b0 = rb->front();
  auto order = [](const ParsedName& p) {
    return NameOrderPrior::Forced(p.surname_first ? NameOrder::kSurnameFirst
                                                  : NameOrder::kGivenFirst);
  };
  if (a0.surname_first != b0.surname_first) {
    if (auto b_as_a = ParseFullName(b, order(a0))) {
      NameScore s = CompareParsedNames(a0, *b_as_a);
      if (s.score > best.score) best = s;
    }
    if (auto a_as_b = ParseFullName(a, order(b0))) {
      NameScore s = CompareParsedNames(*a_as_b, b0);
      if (s.score > best.score) best = s;
    }
  }
  for (const std::string& moved : SurnameMovedReadings(b, SpaceSeparatedWords(a).size())) {
    auto b_moved = ParseFullName(moved);
    if (!b_moved) continue;
    NameScore s = CompareParsedNames(a0, *b_moved);
    if (s.score > best.score) best = s;
    if (b_moved->surname_first == a0.surname_first) continue;
    if (auto a_as_moved = ParseFullName(a, order(*b_moved))) {
      s = CompareParsedNames(*a_as_moved, *b_moved);
      if (s.score > best.score) best = s;
    }
  }
  return best;
}

}  // namespace parley::names
