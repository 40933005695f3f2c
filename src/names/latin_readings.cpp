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
// Unaccented: a name of a system with marks (ISO 9 Ševčenko, Czech, Croatian or Polish
// spelling) typed where marks cannot be ("Sevcenko"): the letters without them, which the key
// then reads as any plain Latin name.
constexpr Rule kUnaccented[] = {
    {"\xc5\xa1", "s"},                       // š
    {"\xc5\xa0", "s", When::kAlways, true},  // Š
    {"\xc4\x8d", "c"},                       // č
    {"\xc4\x8c", "c", When::kAlways, true},  // Č
    {"\xc5\xbe", "z"},                       // ž
    {"\xc5\xbd", "z", When::kAlways, true},  // Ž
    {"\xc4\x87", "c"},                       // ć
    {"\xc4\x86", "c", When::kAlways, true},  // Ć
    {"\xc5\x9b", "s"},                       // ś
    {"\xc5\x9a", "s", When::kAlways, true},  // Ś
    {"\xc5\xba", "z"},                       // ź
    {"\xc5\xb9", "z", When::kAlways, true},  // Ź
    {"\xc5\xbc", "z"},                       // ż
    {"\xc5\xbb", "z", When::kAlways, true},  // Ż
    {"\xc5\x88", "n"},                       // ň
    {"\xc5\x87", "n", When::kAlways, true},  // Ň
    {"\xc5\x84", "n"},                       // ń
    {"\xc5\x83", "n", When::kAlways, true},  // Ń
    {"\xc5\x99", "r"},                       // ř
    {"\xc5\x98", "r", When::kAlways, true},  // Ř
    {"\xc4\x9b", "e"},                       // ě
    {"\xc4\x9a", "e", When::kAlways, true},  // Ě
    {"\xc5\xaf", "u"},                       // ů
    {"\xc5\xae", "u", When::kAlways, true},  // Ů
    {"\xc3\xbd", "y"},                       // ý
    {"\xc3\x9d", "y", When::kAlways, true},  // Ý
    {"\xc3\xa1", "a"},                       // á
    {"\xc3\x81", "a", When::kAlways, true},  // Á
    {"\xc3\xa9", "e"},                       // é
    {"\xc3\x89", "e", When::kAlways, true},  // É
    {"\xc3\xad", "i"},                       // í
    {"\xc3\x8d", "i", When::kAlways, true},  // Í
    {"\xc3\xb3", "o"},                       // ó
    {"\xc3\x93", "o", When::kAlways, true},  // Ó
    {"\xc3\xba", "u"},                       // ú
    {"\xc3\x9a", "u", When::kAlways, true},  // Ú
    {"\xc4\xbe", "l"},                       // ľ
    {"\xc4\xbd", "l", When::kAlways, true},  // Ľ
    {"\xc4\xba", "l"},                       // ĺ
    {"\xc4\xb9", "l", When::kAlways, true},  // Ĺ
    {"\xc5\x95", "r"},                       // ŕ
    {"\xc5\x94", "r", When::kAlways, true},  // Ŕ
    {"\xc5\x82", "l"},                       // ł
    {"\xc5\x81", "l", When::kAlways, true},  // Ł
    {"\xc4\x91", "d"},                       // đ
    {"\xc4\x90", "d", When::kAlways, true},  // Đ
    {"\xc5\x9d", "s"},                       // ŝ
    {"\xc5\x9c", "s", When::kAlways, true},  // Ŝ
    {"\xc3\xaa", "e"},                       // ê
    {"\xc3\x8a", "e", When::kAlways, true},  // Ê
    {"\xc3\xaf", "i"},                       // ï
    {"\xc3\x8f", "i", When::kAlways, true},  // Ï
    {"\xc3\xbb", "u"},                       // û
    {"\xc3\x9b", "u", When::kAlways, true},  // Û
    {"\xc3\xa2", "a"},                       // â
    {"\xc3\x82", "a", When::kAlways, true},  // Â
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
// Only a text with marks has them to drop.
constexpr std::string_view kUnaccentedMarks[] = {
    "\xc5\xa1", "\xc5\xa0", "\xc4\x8d", "\xc4\x8c", "\xc5\xbe", "\xc5\xbd", "\xc4\x87", "\xc4\x86",
    "\xc5\x9b", "\xc5\x9a", "\xc5\xba", "\xc5\xb9", "\xc5\xbc", "\xc5\xbb", "\xc5\x88", "\xc5\x87",
    "\xc5\x84", "\xc5\x83", "\xc5\x99", "\xc5\x98", "\xc4\x9b", "\xc4\x9a", "\xc5\xaf", "\xc5\xae",
    "\xc3\xbd", "\xc3\x9d", "\xc3\xa1", "\xc3\x81", "\xc3\xa9", "\xc3\x89", "\xc3\xad", "\xc3\x8d",
    "\xc3\xb3", "\xc3\x93", "\xc3\xba", "\xc3\x9a", "\xc4\xbe", "\xc4\xbd", "\xc4\xba", "\xc4\xb9",
    "\xc5\x95", "\xc5\x94", "\xc5\x82", "\xc5\x81", "\xc4\x91", "\xc4\x90", "\xc5\x9d", "\xc5\x9c",
    "\xc3\xaa", "\xc3\x8a", "\xc3\xaf", "\xc3\x8f", "\xc3\xbb", "\xc3\x9b", "\xc3\xa2", "\xc3\x82"};
constexpr std::string_view kGermanMarks[] = {
    "sch", "w", "z", "j", "\u00e4", "\u00f6", "\u00fc", "\u00df", "\u00c4", "\u00d6", "\u00dc"};

bool Contains(std::string_view text, std::string_view lower_group);

bool ShowsHandOf(LatinHabit habit, std::string_view text) {
  std::span<const std::string_view> marks;
  if (habit == LatinHabit::kFrench) marks = kFrenchMarks;
  if (habit == LatinHabit::kGerman) marks = kGermanMarks;
  if (habit == LatinHabit::kTurkish) marks = kTurkishMarks;
  if (habit == LatinHabit::kUnaccented) marks = kUnaccentedMarks;
  // Their marks are all letters beyond ASCII: a plain ASCII text (most of a Latin list) is
  // passed over without searching for each.
  const bool beyond_ascii_only = habit == LatinHabit::kTurkish || habit == LatinHabit::kUnaccented;
  if (beyond_ascii_only && std::none_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x80;
      })) {
    return false;
  }
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
    case LatinHabit::kUnaccented:
      return {};
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
    case LatinHabit::kUnaccented:
      return kUnaccented;
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
    case LatinHabit::kUnaccented:
      return "unaccented";
  }
  return {};
}

std::string WithHabitNote(std::string_view name, LatinHabit habit) {
  return std::string(name) + " (" + std::string(LatinHabitName(habit)) + " spelling)";
}

NameWithHabit SplitHabitNote(std::string_view text) {
  for (LatinHabit habit : kLatinHabits) {
    const std::string note = WithHabitNote("", habit);
    if (text.size() > note.size() && text.ends_with(note)) {
      return {text.substr(0, text.size() - note.size()), habit};
    }
  }
  return {text, std::nullopt};
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
