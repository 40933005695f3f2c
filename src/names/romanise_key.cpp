#include "names/romanise_key.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>

#include "names/homoglyphs.h"
#include "names/internal/utf8.h"
#include "names/normalise.h"

namespace parley::names {
namespace {

// а..я (U+0430..U+044F) in a "wide" romanisation that keeps every distinction the folding
// below may need (є as "ie", ё as "io", щ as "shch") so that FoldLatinWord is the only place
// where spellings are merged.
constexpr std::array<std::string_view, 32> kCyrillicBasic = {
    "a",  "b",  "v",  "g",    "d", "e", "zh", "z", "i", "i", "k", "l", "m",  "n",  "o",  "p",
    "r",  "s",  "t",  "u",    "f", "kh", "ts", "ch", "sh", "shch", "", "i", "", "e", "iu", "ia",
};

// Latin letters with diacritics used by romanisation systems or by neighbours' spellings of
// these names (GOST 7.79 A, ISO 9, Czech/Slovak, Polish, German). Anything else goes to ICU.
std::string_view LatinDiacritic(char32_t cp) {
  switch (cp) {
    case U'š': case U'ś': return cp == U'š' ? "sh" : "s";
    case U'č': case U'ć': case U'ĉ': return "ch";
    case U'ž': case U'ż': return "zh";
    case U'ź': return "z";
    case U'ŝ': return "shch";
    case U'ł': return "l";
    case U'ń': case U'ñ': return "n";
    case U'ř': return "r";
    case U'á': case U'à': case U'ä': case U'ą': case U'ã': case U'å': return "a";
    case U'â': return "ia";  // GOST 7.79 A: я
    case U'é': case U'è': case U'ê': case U'ë': case U'ę': case U'ě': return "e";
    case U'í': case U'ì': case U'î': case U'ï': case U'ý': case U'ÿ': return "i";
    case U'ó': case U'ò': case U'ô': case U'ö': case U'õ': case U'ő': return "o";
    case U'ú': case U'ù': case U'ü': case U'ů': case U'ű': return "u";
    case U'û': return "iu";  // GOST 7.79 A: ю
    case U'ǵ': case U'ğ': return "g";
    case U'ď': return "d";
    case U'ť': return "t";
    case U'ň': return "n";
    case U'ľ': case U'ĺ': return "l";
    case U'ß': return "ss";
    default: return {};
  }
}

bool IsSeparator(char32_t cp) {
  switch (cp) {
    case U'-': case U'\u2010': case U'\u2011': case U'\u2012': case U'\u2013': case U'\u2014':
    case U',': case U'.': case U';': case U':': case U'/': case U'\\': case U'(': case U')':
    case U'[': case U']': case U'_': case U'+': case U'&':
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
class KeyWriter {
 public:
  explicit KeyWriter(std::string& out) : out_(out), begin_(out.size()) {}

  void Put(char c) {
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
    for (char c : s) Put(c);
  }

 private:
  bool Consonant(std::size_t index_in_word) const {
    const char c = out_[begin_ + index_in_word];
    return IsLetter(c) && !IsVowel(c);
  }

  std::string& out_;
  std::size_t begin_;
};

void FoldInto(std::string_view w, std::string& out) {
  KeyWriter key(out);
  std::size_t i = 0;
  auto starts = [&](std::string_view p) { return w.substr(i).starts_with(p); };
  auto emit = [&](std::string_view token, std::size_t consumed) {
    key.Put(token);
    i += consumed;
  };
  while (i < w.size()) {
    const char c = w[i];
    const char next = i + 1 < w.size() ? w[i + 1] : '\0';
    switch (c) {
      case 's':
        if (starts("shtsch")) { emit("sh", 6); continue; }
        if (starts("shch") || starts("szcz")) { emit("sh", 4); continue; }
        if (starts("sch")) { emit("sh", 3); continue; }
        if (next == 'h' || next == 'z') { emit("sh", 2); continue; }
        break;
      case 't':
        if (starts("tsch")) { emit("ch", 4); continue; }
        if (starts("tch")) { emit("ch", 3); continue; }
        if (next == 's' || next == 'z') { emit("ts", 2); continue; }
        if (next == 'h') { emit("t", 2); continue; }
        break;
      case 'c':
        if (next == 'h' || next == 'z') { emit("ch", 2); continue; }
        if (next == 'k') { emit("k", 2); continue; }
        if (next == 'e' || next == 'i' || next == 'y' || next == '\0') { emit("ts", 1); continue; }
        emit("k", 1);
        continue;
      case 'z':
        if (next == 'h') { emit("zh", 2); continue; }
        break;
      case 'k':
        if (next == 'h') { emit("kh", 2); continue; }
        break;
      case 'p':
        if (next == 'h') { emit("f", 2); continue; }
        break;
      case 'g':
        if (next == 'h') { emit("g", 2); continue; }
        break;
      case 'h': emit("g", 1); continue;
      case 'x': emit("ks", 1); continue;
      case 'w': emit("v", 1); continue;
      case 'q': emit("k", 1); continue;
      case 'j': case 'y': emit("i", 1); continue;
      case 'o':
        if (next == 'u') { emit("u", 2); continue; }
        break;
      default:
        break;
    }
    if (!IsLetter(c) && !(c >= '0' && c <= '9')) {
      ++i;  // a digraph breaker such as BGN's middle dot ("z·h" is з+г, not ж)
      continue;
    }
    key.Put(c);
    ++i;
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

}  // namespace

std::string FoldLatinWord(std::string_view ascii_word) {
  std::string out;
  out.reserve(ascii_word.size());
  FoldInto(ascii_word, out);
  return out;
}

Result<std::string> RomanKey(std::string_view utf8) {
  // Look-alikes are repaired before case folding: folding would turn a Latin "B" typed for "В"
  // into "b", which no longer looks like any Cyrillic letter.
  auto raw = internal::DecodeUtf8(utf8);
  if (!raw) return std::unexpected(raw.error());
  RepairHomoglyphsInPlace(*raw);
  auto folded = Normalise(internal::EncodeUtf8(*raw), NormalForm::kNfkcCasefold);
  if (!folded) return std::unexpected(folded.error());
  auto cps = internal::DecodeUtf8(*folded);
  if (!cps) return std::unexpected(cps.error());

  std::string key;
  key.reserve(cps->size() + 4);
  std::string wide;
  const std::u32string_view text = *cps;
  std::size_t i = 0;
  while (i < text.size()) {
    if (IsSeparator(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !IsSeparator(text[end])) ++end;
    wide.clear();
    AppendWide(text.substr(i, end - i), wide);
    if (!wide.empty()) {
      if (!key.empty()) key.push_back(' ');
      const std::size_t before = key.size();
      FoldInto(wide, key);
      if (key.size() == before && before > 0) key.pop_back();
    }
    i = end;
  }
  return key;
}

}  // namespace parley::names
