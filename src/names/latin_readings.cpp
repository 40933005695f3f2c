#include "names/latin_readings.h"

#include <algorithm>
#include <span>
#include <vector>

#include "names/given_names.h"

namespace parley::names {
namespace {

enum class When : unsigned char {
  kAlways,
  kBeforeFrontVowel,  // the next letter is e, i or y (French "gu": Guennadi)
  kVowelAround,       // a vowel follows, and a vowel or the word's start precedes (German s)
  kWordEnd,           // the word ends after it (Belarusian -enka)
  kNotBeforeVowel,    // a consonant or the word's end follows (Belarusian ou, au: ў)
};

// One respelling: `from` (lowercase ASCII) as the habit reads it, written as `to` in the
// common conventions. A rule with from == to only consumes its letters, so that a shorter
// rule does not read part of them ("tch" is kept whole before French "ch" = ш).
struct Rule {
  std::string_view from;
  std::string_view to;
  When when = When::kAlways;
  bool capital = false;  // `from` is a capital letter outside ASCII (Turkish Ş, Ç)
};

// Longest first within each habit; see latin_readings.h for why each rule exists.
constexpr Rule kFrench[] = {
    {"chtch", "shch"}, {"tch", "tch"}, {"ch", "sh"}, {"gu", "g", When::kBeforeFrontVowel},
    {"j", "zh"},
};
constexpr Rule kGerman[] = {
    {"tsch", "tsch"}, {"sch", "sch"}, {"ch", "kh"}, {"sh", "zh"},
    {"tz", "ts"},     {"z", "ts"},    {"ss", "ss"}, {"s", "z", When::kVowelAround},
};
constexpr Rule kPolish[] = {
    {"szcz", "szcz"}, {"sch", "sch"}, {"ch", "kh"}, {"rz", "zh"}, {"cz", "cz"}, {"c", "ts"},
};
constexpr Rule kSerbianCroatian[] = {
    {"ch", "ch"}, {"sh", "sh"}, {"zh", "zh"}, {"gh", "gh"}, {"th", "th"},
    {"ph", "ph"}, {"h", "kh"},  {"cz", "cz"}, {"c", "ts"},
};
// Belarusian (the national system of 2007, BGN/PCGN): the surname endings -енка and -оў of
// Russian and Ukrainian -енко and -ов, and ў after a vowel (Paulichenka: Павличенко). The
// rules are specific enough to need no mark of the habit's hand. Given names and patronymics
// (Uladzimir, Ryhoravich) are in the name table (internal/belarusian_forms_table.cpp). Akanye
// (a for an unstressed o: Kavalenka) is not respelled, as which a was an o cannot be read from
// the letters: the name comparator meets it (name_comparator.cpp, kAkanyeSurname), the linker
// leaves it to the spelling similarity.
constexpr Rule kBelarusian[] = {
    {"enka", "enko", When::kWordEnd},
    {"ou", "ov", When::kNotBeforeVowel},
    {"au", "av", When::kNotBeforeVowel},
    {"eu", "ev", When::kNotBeforeVowel},
};
// Turkish: ş = ш, ç = ч, c = дж, j = ж ("Şevçenko", "Kovalçuk", "Curenko", "Jukov"): how the
// mediator's own clerks write a name they hear. ı and ğ are left to the key, which reads them
// as i and g already.
constexpr Rule kTurkish[] = {
    {"\xc5\x9f", "sh"}, {"\xc5\x9e", "sh", When::kAlways, true},
    {"\xc3\xa7", "ch"}, {"\xc3\x87", "ch", When::kAlways, true},
    {"c", "dzh"},       {"j", "zh"},
};
constexpr Rule kGost[] = {
    {"shh", "shch"},
    {"cz", "ts"},
    {"x", "kh"},
};

// Letter groups a habit never writes: a text holding one was not written by it ("sh" is
// French for nothing, "kh" is nobody's but English-based systems'), so it is not respelled.
constexpr std::string_view kFrenchNever[] = {"sh", "zh", "kh", "w", "cz", "sz"};
constexpr std::string_view kGermanNever[] = {"kh", "zh", "cz", "sz"};
constexpr std::string_view kPolishNever[] = {"sh", "zh", "kh", "v"};
constexpr std::string_view kGostNever[] = {"kh", "ts", "w"};
constexpr std::string_view kSerbianCroatianNever[] = {"kh", "w", "x"};
constexpr std::string_view kBelarusianNever[] = {"w", "x", "q", "cz", "sz"};
constexpr std::string_view kTurkishNever[] = {"sh", "zh", "kh", "w", "x", "q"};

// French and German read the commonest English group otherwise (ch = ч in "-ovych",
// "Kovalchuk"; French ch = ш, German ch = х), so a text is read by them only when it shows
// their hand: French tch, ou, j, gu or accents; German sch, w, z, j or umlauts.
constexpr std::string_view kFrenchMarks[] = {"tch",    "ou",     "j",      "gu",     "\u00e9",
                                             "\u00e8", "\u00eb", "\u00ef", "\u00c9", "\u00cf"};
// Turkish writes its own letters for ш and ч, and c and j read otherwise only beside them.
constexpr std::string_view kTurkishMarks[] = {"\xc5\x9f", "\xc5\x9e", "\xc3\xa7", "\xc3\x87",
                                              "\xc4\x9f", "\xc4\x9e", "\xc4\xb1", "\xc4\xb0"};
constexpr std::string_view kGermanMarks[] = {
    "sch", "w", "z", "j", "\u00e4", "\u00f6", "\u00fc", "\u00df", "\u00c4", "\u00d6", "\u00dc"};

bool Contains(std::string_view text, std::string_view lower_group);

bool ShowsHandOf(LatinHabit habit, std::string_view text) {
  std::span<const std::string_view> marks;
  if (habit == LatinHabit::kFrench) marks = kFrenchMarks;
  if (habit == LatinHabit::kGerman) marks = kGermanMarks;
  if (habit == LatinHabit::kTurkish) marks = kTurkishMarks;
  return marks.empty() || std::any_of(marks.begin(), marks.end(),
                                      [&](std::string_view mark) { return Contains(text, mark); });
}

std::span<const std::string_view> NeverWrittenBy(LatinHabit habit) {
  switch (habit) {
    case LatinHabit::kFrench:
      return kFrenchNever;
    case LatinHabit::kGerman:
      return kGermanNever;
    case LatinHabit::kPolish:
      return kPolishNever;
    case LatinHabit::kGost:
      return kGostNever;
    case LatinHabit::kSerbianCroatian:
      return kSerbianCroatianNever;
    case LatinHabit::kBelarusian:
      return kBelarusianNever;
    case LatinHabit::kTurkish:
      return kTurkishNever;
  }
  return {};
}

std::span<const Rule> RulesOf(LatinHabit habit) {
  switch (habit) {
    case LatinHabit::kFrench:
      return kFrench;
    case LatinHabit::kGerman:
      return kGerman;
    case LatinHabit::kPolish:
      return kPolish;
    case LatinHabit::kGost:
      return kGost;
    case LatinHabit::kSerbianCroatian:
      return kSerbianCroatian;
    case LatinHabit::kBelarusian:
      return kBelarusian;
    case LatinHabit::kTurkish:
      return kTurkish;
  }
  return {};
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLetter(char c) { return Lower(c) >= 'a' && Lower(c) <= 'z'; }
// A letter of a word: ASCII, or any byte of a letter beyond it (Turkish ç, French é), so that
// a word is looked up whole.
bool IsWordByte(char c) { return IsAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80; }
bool IsVowel(char c) {
  const char l = Lower(c);
  return l == 'a' || l == 'e' || l == 'i' || l == 'o' || l == 'u' || l == 'y';
}

// Cyrillic (U+0400..U+04FF) begins with one of these lead bytes.
bool IsCyrillicLead(unsigned char b) { return b >= 0xD0 && b <= 0xD3; }

bool Applies(const Rule& rule, std::string_view text, std::size_t at) {
  if (at + rule.from.size() > text.size()) return false;
  for (std::size_t k = 0; k < rule.from.size(); ++k) {
    if (Lower(text[at + k]) != rule.from[k]) return false;
  }
  const std::size_t next = at + rule.from.size();
  switch (rule.when) {
    case When::kAlways:
      return true;
    case When::kBeforeFrontVowel: {
      const char n = next < text.size() ? Lower(text[next]) : '\0';
      return n == 'e' || n == 'i' || n == 'y';
    }
    case When::kVowelAround: {
      const bool vowel_after = next < text.size() && IsVowel(text[next]);
      const bool start = at == 0 || !IsAsciiLetter(text[at - 1]);
      return vowel_after && (start || IsVowel(text[at - 1]));
    }
    case When::kWordEnd:
      return next == text.size() || !IsAsciiLetter(text[next]);
    case When::kNotBeforeVowel:
      return next == text.size() || !IsVowel(text[next]);
  }
  return false;
}

bool IsKnownGivenName(std::string_view word) {
  const Result<std::vector<GivenNameHit>> hits = LookupGivenName(word);
  return hits && std::any_of(hits->begin(), hits->end(), [](const GivenNameHit& h) {
           return h.kind != NameFormKind::kPatronymic;
         });
}

bool Contains(std::string_view text, std::string_view lower_group) {
  return std::search(text.begin(), text.end(), lower_group.begin(), lower_group.end(),
                     [](char a, char b) { return Lower(a) == b; }) != text.end();
}

// `to` in the case of the letters `rule` replaces at `at` in `text`: a word in capitals stays in
// capitals (one capital letter counts as the word's when a neighbouring letter is a capital
// too), a capital first letter stays one.
void AppendInCaseOf(std::string_view text, std::size_t at, const Rule& rule, std::string& out) {
  const std::size_t length = rule.from.size();
  const std::string_view source = text.substr(at, length);
  const bool first_upper = rule.capital || IsUpper(source.front());
  bool all_upper = rule.capital || std::all_of(source.begin(), source.end(), IsUpper);
  if (all_upper && (length == 1 || rule.capital)) {
    const std::size_t next = at + length;
    const bool next_letter = next < text.size() && IsAsciiLetter(text[next]);
    const bool prev_letter = at > 0 && IsAsciiLetter(text[at - 1]);
    all_upper = next_letter ? IsUpper(text[next]) : prev_letter && IsUpper(text[at - 1]);
  }
  for (std::size_t k = 0; k < rule.to.size(); ++k) {
    const bool upper = all_upper || (k == 0 && first_upper);
    out.push_back(upper ? static_cast<char>(rule.to[k] - 'a' + 'A') : rule.to[k]);
  }
}

}  // namespace

std::string_view LatinHabitName(LatinHabit habit) {
  switch (habit) {
    case LatinHabit::kFrench:
      return "French";
    case LatinHabit::kGerman:
      return "German";
    case LatinHabit::kPolish:
      return "Polish";
    case LatinHabit::kGost:
      return "GOST 7.79 B";
    case LatinHabit::kSerbianCroatian:
      return "Serbian/Croatian";
    case LatinHabit::kBelarusian:
      return "Belarusian";
    case LatinHabit::kTurkish:
      return "Turkish";
  }
  return {};
}

std::optional<std::string> RespellLatin(std::string_view utf8, LatinHabit habit) {
  const bool cyrillic = std::any_of(utf8.begin(), utf8.end(), [](char c) {
    return IsCyrillicLead(static_cast<unsigned char>(c));
  });
  if (cyrillic || std::none_of(utf8.begin(), utf8.end(), IsAsciiLetter)) return std::nullopt;
  for (std::string_view never : NeverWrittenBy(habit)) {
    if (Contains(utf8, never)) return std::nullopt;
  }
  if (!ShowsHandOf(habit, utf8)) return std::nullopt;
  const std::span<const Rule> rules = RulesOf(habit);
  std::string out;
  out.reserve(utf8.size() + 8);
  bool changed = false;
  std::size_t i = 0;
  while (i < utf8.size()) {
    // A word the given-name table knows as written (Yauhen, Uladzislau, Sergej) is a name
    // already: respelling it would make it none ("Yavhen").
    if (IsWordByte(utf8[i]) && (i == 0 || !IsWordByte(utf8[i - 1]))) {
      std::size_t end = i;
      while (end < utf8.size() && IsWordByte(utf8[end])) ++end;
      if (IsKnownGivenName(utf8.substr(i, end - i))) {
        out.append(utf8.substr(i, end - i));
        i = end;
        continue;
      }
    }
    const auto rule = std::find_if(rules.begin(), rules.end(),
                                   [&](const Rule& r) { return Applies(r, utf8, i); });
    if (rule == rules.end()) {
      out.push_back(utf8[i++]);
      continue;
    }
    AppendInCaseOf(utf8, i, *rule, out);
    changed |= rule->from != rule->to;
    i += rule->from.size();
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace parley::names
