#include "synth/romanisation.h"

#include <array>

#include "synth/utf8.h"

namespace parley::synth {
namespace {

// Letter slots: а..я (U+0430..U+044F) are 0..31, then ё є і ї ґ.
constexpr int kLetterCount = 37;
using Table = std::array<std::string_view, kLetterCount>;

int LetterIndex(char32_t lower) {
  if (lower >= 0x0430 && lower <= 0x044F) return static_cast<int>(lower - 0x0430);
  switch (lower) {
    case U'ё':
      return 32;
    case U'є':
      return 33;
    case U'і':
      return 34;
    case U'ї':
      return 35;
    case U'ґ':
      return 36;
    default:
      return -1;
  }
}

// Order: а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я | ё є і ї ґ
constexpr Table kUkraine2010 = {"a",  "b",  "v",  "h",  "d",  "e",    "zh", "z", "y", "i",
                                "k",  "l",  "m",  "n",  "o",  "p",    "r",  "s", "t", "u",
                                "f",  "kh", "ts", "ch", "sh", "shch", "",   "y", "",  "e",
                                "iu", "ia", "io", "ie", "i",  "i",    "g"};
constexpr Table kIcao9303 = {"a",  "b",  "v",  "g",  "d",  "e",    "zh", "z", "i", "i",
                             "k",  "l",  "m",  "n",  "o",  "p",    "r",  "s", "t", "u",
                             "f",  "kh", "ts", "ch", "sh", "shch", "ie", "y", "",  "e",
                             "iu", "ia", "e",  "ie", "i",  "i",    "g"};
constexpr Table kBgnPcgn = {"a",  "b",  "v",  "g",  "d",  "e",    "zh", "z", "i", "y",
                            "k",  "l",  "m",  "n",  "o",  "p",    "r",  "s", "t", "u",
                            "f",  "kh", "ts", "ch", "sh", "shch", "",   "y", "'", "e",
                            "yu", "ya", "ë",  "ye", "i",  "yi",   "g"};
constexpr Table kGost779B = {"a",  "b",  "v",  "g",  "d",  "e",   "zh", "z",  "i", "j",
                             "k",  "l",  "m",  "n",  "o",  "p",   "r",  "s",  "t", "u",
                             "f",  "x",  "cz", "ch", "sh", "shh", "``", "y'", "`", "e`",
                             "yu", "ya", "yo", "ye", "i'", "yi",  "g`"};
constexpr Table kLegacyEnglish = {"a",  "b",  "v",  "g",  "d",  "e",   "zh", "z", "i", "y",
                                  "k",  "l",  "m",  "n",  "o",  "p",   "r",  "s", "t", "u",
                                  "f",  "kh", "ts", "ch", "sh", "sch", "",   "y", "",  "e",
                                  "yu", "ya", "yo", "ye", "i",  "yi",  "g"};
constexpr Table kFrench = {"a",   "b",  "v",  "g",   "d",  "e",     "j", "z", "i", "i",
                           "k",   "l",  "m",  "n",   "o",  "p",     "r", "s", "t", "ou",
                           "f",   "kh", "ts", "tch", "ch", "chtch", "",  "y", "",  "e",
                           "iou", "ia", "io", "ie",  "i",  "i",     "g"};
constexpr Table kGerman = {"a",  "b",  "w",  "g",    "d",   "e",       "sh", "s", "i", "j",
                           "k",  "l",  "m",  "n",    "o",   "p",       "r",  "s", "t", "u",
                           "f",  "ch", "z",  "tsch", "sch", "schtsch", "",   "y", "",  "e",
                           "ju", "ja", "jo", "je",   "i",   "ji",      "g"};

const Table& TableFor(RomanisationSystem system) {
  switch (system) {
    case RomanisationSystem::kUkraine2010:
      return kUkraine2010;
    case RomanisationSystem::kIcao9303:
      return kIcao9303;
    case RomanisationSystem::kBgnPcgn:
      return kBgnPcgn;
    case RomanisationSystem::kGost779B:
      return kGost779B;
    case RomanisationSystem::kLegacyEnglish:
      return kLegacyEnglish;
    case RomanisationSystem::kFrench:
      return kFrench;
    case RomanisationSystem::kGerman:
      return kGerman;
  }
  return kIcao9303;
}

bool IsCyrillicVowel(char32_t c) {
  switch (c) {
    case U'а':
    case U'е':
    case U'ё':
    case U'и':
    case U'о':
    case U'у':
    case U'ы':
    case U'э':
    case U'ю':
    case U'я':
    case U'є':
    case U'і':
    case U'ї':
      return true;
    default:
      return false;
  }
}

bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'’' || c == U'ʼ'; }

// The contextual rules of each system, which a letter-for-letter table cannot express. Returns
// true (and writes `out`) when a rule applied; `skip_next` consumes the following letter.
bool ContextRule(RomanisationSystem system, char32_t c, char32_t prev, char32_t next,
                 bool word_start, std::string& out, bool& skip_next) {
  using S = RomanisationSystem;
  switch (system) {
    case S::kUkraine2010:
      if (word_start) {
        switch (c) {
          case U'є':
            out += "ye";
            return true;
          case U'ї':
            out += "yi";
            return true;
          case U'й':
            out += "y";
            return true;
          case U'ю':
            out += "yu";
            return true;
          case U'я':
            out += "ya";
            return true;
          default:
            break;
        }
      }
      if (c == U'г' && prev == U'з') {
        out += "gh";
        return true;
      }
      return false;
    case S::kBgnPcgn:
    case S::kLegacyEnglish:
      if ((c == U'е' || c == U'ё') &&
          (word_start || (system == S::kBgnPcgn && (IsCyrillicVowel(prev) || prev == U'й' ||
                                                    prev == U'ъ' || prev == U'ь')))) {
        out += c == U'е' ? "ye" : (system == S::kBgnPcgn ? "yë" : "yo");
        return true;
      }
      if (system == S::kLegacyEnglish && c == U'к' && next == U'с') {
        out += "x";
        skip_next = true;
        return true;
      }
      return false;
    case S::kGost779B:
      if (c == U'ц' && (next == U'е' || next == U'и' || next == U'ы' || next == U'й' ||
                        next == U'і' || next == U'є')) {
        out += "c";
        return true;
      }
      return false;
    case S::kFrench:
      if (c == U'к' && next == U'с') {
        out += "x";
        skip_next = true;
        return true;
      }
      return false;
    case S::kGerman:
      if (c == U'е' && word_start) {
        out += "je";
        return true;
      }
      return false;
    case S::kIcao9303:
      return false;
  }
  return false;
}

void RomaniseWord(std::u32string_view word, RomanisationSystem system, std::string& out) {
  const Table& table = TableFor(system);
  bool has_lower = false;
  int letters = 0;
  for (char32_t c : word) {
    if (IsCyrillicCp(c) || (c >= U'A' && c <= U'z')) ++letters;
    if (ToUpperCp(c) != c) has_lower = true;
  }
  const bool all_caps = !has_lower && letters > 1;
  const size_t start = out.size();
  bool capitalise_next = false;
  char32_t prev = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    const char32_t c = ToLowerCp(word[i]);
    const char32_t next = i + 1 < word.size() ? ToLowerCp(word[i + 1]) : 0;
    const bool word_start = prev == 0 || prev == U'-';
    const size_t piece = out.size();
    const bool upper = IsUpperCp(word[i]);
    bool skip_next = false;
    if (IsApostrophe(c)) {
      // Every system here drops the Ukrainian apostrophe.
    } else if (ContextRule(system, c, prev, next, word_start, out, skip_next)) {
    } else if (int idx = LetterIndex(c); idx >= 0) {
      out += table[static_cast<size_t>(idx)];
    } else {
      AppendUtf8(out, word[i]);
    }
    if ((upper || capitalise_next) && out.size() > piece) {
      out[piece] = static_cast<char>(out[piece] >= 'a' && out[piece] <= 'z' ? out[piece] - 'a' + 'A'
                                                                            : out[piece]);
      capitalise_next = false;
    } else if (upper) {
      capitalise_next = true;  // a letter with no Latin output (Ь): capitalise what follows
    }
    prev = c;
    if (skip_next) {
      prev = next;
      ++i;
    }
  }
  if (all_caps) {
    for (size_t i = start; i < out.size(); ++i) {
      if (out[i] >= 'a' && out[i] <= 'z') out[i] = static_cast<char>(out[i] - 'a' + 'A');
    }
  }
}

}  // namespace

std::string_view RomanisationSystemName(RomanisationSystem system) {
  switch (system) {
    case RomanisationSystem::kUkraine2010:
      return "ua2010";
    case RomanisationSystem::kIcao9303:
      return "icao9303";
    case RomanisationSystem::kBgnPcgn:
      return "bgn_pcgn";
    case RomanisationSystem::kGost779B:
      return "gost779b";
    case RomanisationSystem::kLegacyEnglish:
      return "legacy_en";
    case RomanisationSystem::kFrench:
      return "legacy_fr";
    case RomanisationSystem::kGerman:
      return "legacy_de";
  }
  return "unknown";
}

bool RomanisesUkrainianForm(RomanisationSystem system) {
  return system == RomanisationSystem::kUkraine2010;
}

std::string Romanise(std::string_view cyrillic, RomanisationSystem system) {
  const std::u32string in = DecodeUtf8(cyrillic);
  std::string out;
  out.reserve(cyrillic.size() + 8);
  size_t start = 0;
  for (size_t i = 0; i <= in.size(); ++i) {
    if (i == in.size() || in[i] == U' ') {
      RomaniseWord(std::u32string_view(in).substr(start, i - start), system, out);
      if (i < in.size()) out.push_back(' ');
      start = i + 1;
    }
  }
  return out;
}

}  // namespace parley::synth
