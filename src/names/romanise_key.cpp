#include "names/romanise_key.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <utility>

#include "core/try.h"
#include "names/homoglyphs.h"
#include "names/internal/utf8.h"
#include "names/normalise.h"

namespace parley::names {
namespace {

// а..я (U+0430..U+044F) in a "wide" romanisation that keeps every distinction the folding
// below may need (є as "ie", ё as "io", щ as "shch") so that FoldLatinWord is the only place
// where spellings are merged.
constexpr std::array<std::string_view, 32> kCyrillicBasic = {
    "a", "b", "v", "g", "d", "e",  "zh", "z",  "i",  "i",    "k", "l", "m", "n", "o",  "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",  "i", "",  "e", "iu", "ia",
};

// Latin letters with diacritics used by romanisation systems or by neighbours' spellings of
// these names (GOST 7.79 A, ISO 9, Czech/Slovak, Polish, German). Anything else goes to ICU.
std::string_view LatinDiacritic(char32_t cp) {
  switch (cp) {
    case U'š':
    case U'ś':
      return cp == U'š' ? "sh" : "s";
    case U'č':
    case U'ć':
    case U'ĉ':
      return "ch";
    case U'ž':
    case U'ż':
      return "zh";
    case U'ź':
      return "z";
    case U'ŝ':
      return "shch";
    case U'ł':
      return "l";
    case U'ń':
    case U'ñ':
      return "n";
    case U'ř':
      return "r";
    case U'á':
    case U'à':
    case U'ä':
    case U'ą':
    case U'ã':
    case U'å':
      return "a";
    case U'â':
      return "ia";  // GOST 7.79 A: я
    case U'é':
    case U'è':
    case U'ê':
    case U'ë':
    case U'ę':
    case U'ě':
      return "e";
    case U'í':
    case U'ì':
    case U'î':
    case U'ï':
    case U'ý':
    case U'ÿ':
      return "i";
    case U'ó':
    case U'ò':
    case U'ô':
    case U'ö':
    case U'õ':
    case U'ő':
      return "o";
    case U'ú':
    case U'ù':
    case U'ü':
    case U'ů':
    case U'ű':
      return "u";
    case U'û':
      return "iu";  // GOST 7.79 A: ю
    case U'ǵ':
    case U'ğ':
      return "g";
    case U'ď':
      return "d";
    case U'ť':
      return "t";
    case U'ň':
      return "n";
    case U'ľ':
    case U'ĺ':
      return "l";
    case U'ß':
      return "ss";
    default:
      return {};
  }
}

bool IsSeparator(char32_t cp) {
  switch (cp) {
    case U'-':
    case U'\u2010':
    case U'\u2011':
    case U'\u2012':
    case U'\u2013':
    case U'\u2014':
    case U',':
    case U'.':
    case U';':
    case U':':
    case U'/':
    case U'\\':
    case U'(':
    case U')':
    case U'[':
    case U']':
    case U'_':
    case U'+':
    case U'&':
      return true;
    default:
      return u_isUWhiteSpace(static_cast<UChar32>(cp));
  }
}

// One transliterator per thread, built on first use: construction parses rule sets and costs
// milliseconds, and ICU does not allow one instance to be used from two threads at once.
const icu::Transliterator* FallbackTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  return instance.get();
}

// Appends the ASCII romanisation of code points no table here knows (Greek, Georgian, rare
// Latin letters). Unknown to ICU as well means dropped: a key never holds non-ASCII bytes.
void AppendForeign(std::u32string_view run, std::string& wide) {
  const icu::Transliterator* t = FallbackTransliterator();
  if (t == nullptr) return;
  icu::UnicodeString text = icu::UnicodeString::fromUTF32(
      reinterpret_cast<const UChar32*>(run.data()), static_cast<std::int32_t>(run.size()));
  t->transliterate(text);
  for (std::int32_t i = 0; i < text.length(); ++i) {
    const char16_t u = text.charAt(i);
    if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')) wide.push_back(static_cast<char>(u));
  }
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }

// Appends to a key and applies the rules that look back (runs, i+e, consonant+i+o).
// With `as_typed`, every letter is kept as it comes (RomanLetters).
class KeyWriter {
 public:
  KeyWriter(std::string& out, bool as_typed) : out_(out), begin_(out.size()), as_typed_(as_typed) {}

  void Put(char c) {
    if (as_typed_) {
      out_.push_back(c);
      return;
    }
    const std::size_t n = out_.size() - begin_;
    if (n > 0 && out_.back() == c) return;
    if (n > 0 && out_.back() == 'i' && (c == 'e' || (c == 'o' && n >= 2 && Consonant(n - 2)))) {
      out_.pop_back();
      Put('e');
      return;
    }
    out_.push_back(c);
  }
  void Put(std::string_view s) {
    // A doubled letter written with two (хх as "khkh", чч as "chch") is one, as a doubled
    // letter written with one is.
    if (!as_typed_ && s.size() == 2 && out_.size() - begin_ >= 2 &&
        std::string_view(out_).substr(out_.size() - 2) == s) {
      return;
    }
    for (char c : s) Put(c);
  }

 private:
  bool Consonant(std::size_t index_in_word) const {
    const char c = out_[begin_ + index_in_word];
    return IsLetter(c) && !IsVowel(c);
  }

  std::string& out_;
  std::size_t begin_;
  bool as_typed_;
};

// The fold table, hand-written rather than an ICU rule set: each rule is one decision
// documented in romanise_key.h, the order is the longest match first, and only the rules
// sharing the current letter are tried, so a word folds in one pass without allocation. An
// ICU rule-based transliterator would run the same few rules through a general rule engine
// (ICU's BGN pass alone costs twice this whole key, see bench/names_bench.cpp). `$` in a
// pattern matches the end of the word; `consume` may be shorter than the pattern when the
// rest is context.
struct FoldRule {
  std::string_view pattern;
  std::size_t consume;
  std::string_view emit;
};

// clang-format off
constexpr auto kFoldRules = std::to_array<FoldRule>({
    {"shtsch", 6, "sh"}, {"shch", 4, "sh"}, {"szcz", 4, "sh"}, {"sch", 3, "sh"},   // ш, щ
    {"sh", 2, "sh"}, {"sz", 2, "sh"},
    {"tsch", 4, "ch"}, {"tch", 3, "ch"}, {"ch", 2, "ch"}, {"cz", 2, "ch"},         // ч
    {"ts", 2, "ts"}, {"tz", 2, "ts"},                                              // ц
    {"ce", 1, "ts"}, {"ci", 1, "ts"}, {"cy", 1, "ts"}, {"c$", 1, "ts"},
    {"ck", 2, "k"}, {"c", 1, "k"}, {"q", 1, "k"},                                  // к
    {"kh", 2, "kh"},                                                               // х
    {"gh", 2, "g"}, {"h", 1, "g"},                                                 // г
    {"zh", 2, "zh"}, {"th", 2, "t"}, {"ph", 2, "f"}, {"w", 1, "v"}, {"ou", 2, "u"},
    {"x", 1, "ks"},                                                                // кс
    {"j", 1, "i"}, {"y", 1, "i"},                                                  // й, и, ы
});
// clang-format on

// For each letter, the rules starting with it, in table order (longest first), so that
// folding a letter looks at two or three rules instead of all of them.
constexpr std::size_t kMaxRulesPerLetter = 8;
struct RulesOfLetter {
  std::array<std::uint8_t, kMaxRulesPerLetter> index{};
  std::uint8_t count = 0;
};
constexpr auto kRulesByLetter = [] {
  std::array<RulesOfLetter, 26> by_letter{};
  for (std::size_t r = 0; r < kFoldRules.size(); ++r) {
    auto& slot = by_letter[static_cast<std::size_t>(kFoldRules[r].pattern.front() - 'a')];
    slot.index[slot.count++] = static_cast<std::uint8_t>(r);
  }
  return by_letter;
}();

bool Matches(std::string_view w, std::size_t at, std::string_view pattern) {
  for (std::size_t k = 0; k < pattern.size(); ++k) {
    if (pattern[k] == '$') return at + k == w.size();
    if (at + k >= w.size() || w[at + k] != pattern[k]) return false;
  }
  return true;
}

void FoldInto(std::string_view w, std::string& out, bool as_typed = false) {
  KeyWriter key(out, as_typed);
  std::size_t i = 0;
  while (i < w.size()) {
    const char c = w[i];
    if (!IsLetter(c) && !(c >= '0' && c <= '9')) {
      ++i;  // a digraph breaker such as BGN's middle dot ("z·h" is з+г, not ж)
      continue;
    }
    const FoldRule* rule = nullptr;
    if (IsLetter(c)) {
      const RulesOfLetter& candidates = kRulesByLetter[static_cast<std::size_t>(c - 'a')];
      for (std::size_t k = 0; k < candidates.count; ++k) {
        const FoldRule& r = kFoldRules[candidates.index[k]];
        if (Matches(w, i, r.pattern)) {
          rule = &r;
          break;
        }
      }
    }
    if (rule == nullptr) {
      key.Put(c);
      ++i;
    } else {
      key.Put(rule->emit);
      i += rule->consume;
    }
  }
}

// Builds the wide romanisation of one word of repaired, case-folded code points.
void AppendWide(std::u32string_view word, std::string& wide) {
  std::size_t i = 0;
  while (i < word.size()) {
    char32_t cp = word[i];
    if (cp >= U'А' && cp <= U'Я') cp += 0x20;
    if ((cp >= U'a' && cp <= U'z') || (cp >= U'0' && cp <= U'9')) {
      wide.push_back(static_cast<char>(cp));
    } else if (cp >= U'A' && cp <= U'Z') {
      wide.push_back(static_cast<char>(cp - U'A' + U'a'));
    } else if (cp >= U'а' && cp <= U'я') {
      wide.append(kCyrillicBasic[cp - U'а']);
    } else if (cp == U'ё' || cp == U'Ё') {
      wide.append("io");
    } else if (cp == U'є' || cp == U'Є') {
      wide.append("ie");
    } else if (cp == U'і' || cp == U'ї' || cp == U'І' || cp == U'Ї') {
      wide.append("i");
    } else if (cp == U'ґ' || cp == U'Ґ') {
      wide.append("g");
    } else if (cp == U'ў' || cp == U'Ў') {
      wide.append("u");
    } else if (cp == U'\u00B7') {
      wide.push_back('|');
    } else if (auto d = LatinDiacritic(cp); !d.empty()) {
      wide.append(d);
    } else if (u_isalpha(static_cast<UChar32>(cp))) {
      std::size_t end = i + 1;
      while (end < word.size() && u_isalpha(static_cast<UChar32>(word[end])) &&
             ScriptOf(word[end]) == Script::kNone) {
        ++end;
      }
      AppendForeign(word.substr(i, end - i), wide);
      i = end;
      continue;
    }
    // Apostrophes, ь/ъ signs of other alphabets, combining marks, quotes: dropped.
    ++i;
  }
}

// Names are almost always plain Cyrillic and Latin letters that are already NFKC; for those,
// per-code-point simple case folding gives exactly what NFKC_Casefold would, without the
// UTF-8 round trips through ICU's normaliser (the single largest cost of a key). Anything else
// (combining marks, compatibility characters, invisible code points, other scripts) takes the
// ICU path. Apostrophe variants count as plain: repair turns them all into U+02BC.
bool IsPlainNfkc(std::u32string_view text) {
  for (char32_t cp : text) {
    const bool ascii = cp < 0x80;
    const bool latin1_letter = cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7;
    const bool latin_ext_a = cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x132 &&
                             cp != 0x133 && cp != 0x13F && cp != 0x140 && cp != 0x149 &&
                             cp != 0x17F;
    const bool cyrillic = cp >= 0x400 && cp <= 0x4FF;
    if (!(ascii || latin1_letter || latin_ext_a || cyrillic || IsApostrophe(cp))) return false;
  }
  return true;
}

void SimpleFold(std::u32string& text) {
  for (char32_t& cp : text) {
    if (cp >= U'A' && cp <= U'Z') {
      cp += 0x20;
    } else if (cp >= 0x80) {
      cp = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
    }
  }
}

Result<std::u32string> IcuFold(const std::u32string& text) {
  auto folded = Normalise(internal::EncodeUtf8(text), NormalForm::kNfkcCasefold);
  if (!folded) return std::unexpected(folded.error());
  return internal::DecodeUtf8(*folded);
}

// One word's letters as typed (RomanLetters). A Cyrillic word goes letter by letter, each
// letter folded alone and made one byte, so that no fold joins two letters the clerk typed
// (т + з is not "ts", с + ч is not "sh"); a Latin word is folded whole, as the key folds it
// (its "sh" is one letter), with no run merged.
void AppendLettersAsTyped(std::u32string_view word, std::string& out) {
  std::string wide;
  std::string folded;
  const bool cyrillic = std::any_of(word.begin(), word.end(),
                                    [](char32_t cp) { return ScriptOf(cp) == Script::kCyrillic; });
  auto append = [&](std::u32string_view letters, bool as_typed) {
    wide.clear();
    folded.clear();
    AppendWide(letters, wide);
    FoldInto(wide, folded, as_typed);
    out += OneBytePerLetter(folded);
  };
  if (!cyrillic) {
    append(word, true);
    return;
  }
  for (std::size_t i = 0; i < word.size(); ++i) append(word.substr(i, 1), false);
}

std::string RomaniseFolded(std::u32string_view text, bool as_typed) {
  std::string key;
  key.reserve(text.size() + 4);
  std::string wide;
  std::size_t i = 0;
  while (i < text.size()) {
    if (IsSeparator(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !IsSeparator(text[end])) ++end;
    if (as_typed) {
      if (!key.empty()) key.push_back(' ');
      const std::size_t before = key.size();
      AppendLettersAsTyped(text.substr(i, end - i), key);
      if (key.size() == before && before > 0) key.pop_back();
      i = end;
      continue;
    }
    wide.clear();
    AppendWide(text.substr(i, end - i), wide);
    if (!wide.empty()) {
      if (!key.empty()) key.push_back(' ');
      const std::size_t before = key.size();
      FoldInto(wide, key, as_typed);
      if (key.size() == before && before > 0) key.pop_back();
    }
    i = end;
  }
  return key;
}

Result<std::string> RomaniseRepaired(std::u32string text, bool as_typed) {
  if (IsPlainNfkc(text)) {
    SimpleFold(text);
    return RomaniseFolded(text, as_typed);
  }
  auto folded = IcuFold(text);
  if (!folded) return std::unexpected(folded.error());
  return RomaniseFolded(*folded, as_typed);
}

}  // namespace

std::string FoldLatinWord(std::string_view ascii_word) {
  std::string out;
  out.reserve(ascii_word.size());
  FoldInto(ascii_word, out);
  return out;
}

namespace {

Result<std::string> Romanise(std::string_view utf8, bool as_typed) {
  auto raw = internal::DecodeUtf8(utf8);
  if (!raw) return std::unexpected(raw.error());
  // Look-alikes are repaired on composed text (so that "č" written as c + caron votes like
  // "č") and before case folding (folding would turn a Latin "B" typed for "В" into "b", which
  // no longer looks like any Cyrillic letter).
  if (!IsPlainNfkc(*raw)) {
    auto nfc = Normalise(utf8, NormalForm::kNfc);
    if (!nfc) return std::unexpected(nfc.error());
    raw = internal::DecodeUtf8(*nfc);
    if (!raw) return std::unexpected(raw.error());
  }
  RepairHomoglyphsInPlace(*raw);
  return RomaniseRepaired(std::move(*raw), as_typed);
}

}  // namespace

Result<std::string> RomanKey(std::string_view utf8) { return Romanise(utf8, false); }

Result<std::string> RomanKeyOfRepaired(std::u32string text) {
  return RomaniseRepaired(std::move(text), false);
}

Result<std::string> RomanLetters(std::string_view utf8) { return Romanise(utf8, true); }

namespace {

constexpr std::array<std::pair<std::string_view, char>, 7> kOneLetterDigraphs = {
    {{"ch", 'C'}, {"sh", 'S'}, {"zh", 'Z'}, {"kh", 'K'}, {"ts", 'T'}, {"ia", 'A'}, {"iu", 'U'}}};

}  // namespace

std::size_t OneBytePerLetter(std::string_view key, std::span<char> out) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < key.size(); ++n) {
    if (n == out.size()) return 0;
    const std::string_view two = key.substr(i, 2);
    const auto* digraph = std::find_if(kOneLetterDigraphs.begin(), kOneLetterDigraphs.end(),
                                       [&](const auto& d) { return two == d.first; });
    if (digraph != kOneLetterDigraphs.end()) {
      out[n] = digraph->second;
      i += 2;
    } else {
      out[n] = key[i++];
    }
  }
  return n;
}

std::string OneBytePerLetter(std::string_view key) {
  std::string out(key.size(), '\0');
  out.resize(OneBytePerLetter(key, out));
  return out;
}

}  // namespace parley::names
