#include "names/homoglyphs.h"

#include <unicode/uchar.h>

#include <array>
#include <utility>

#include "names/internal/utf8.h"

namespace parley::names {
namespace {

// Pairs that look the same in common fonts. Kept small on purpose: only letters a typist
// really confuses (the ones sharing a key or a glyph), never digits (a "3" for "З" is a
// different mistake that a human must see).
constexpr std::array<std::pair<char32_t, char32_t>, 26> kLatinCyrillic = {{
    {U'A', U'А'}, {U'a', U'а'}, {U'B', U'В'}, {U'C', U'С'}, {U'c', U'с'}, {U'E', U'Е'},
    {U'e', U'е'}, {U'H', U'Н'}, {U'K', U'К'}, {U'k', U'к'}, {U'M', U'М'}, {U'O', U'О'},
    {U'o', U'о'}, {U'P', U'Р'}, {U'p', U'р'}, {U'T', U'Т'}, {U'X', U'Х'}, {U'x', U'х'},
    {U'Y', U'У'}, {U'y', U'у'}, {U'I', U'І'}, {U'i', U'і'}, {U'Ï', U'Ї'}, {U'ï', U'ї'},
    {U'Ë', U'Ё'}, {U'ë', U'ё'},
}};

bool IsCyrillic(char32_t cp) { return (cp >= 0x0400 && cp <= 0x052F) || cp == 0x1C80; }

bool IsLatinLetter(char32_t cp) {
  if ((cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z')) return true;
  if (cp >= 0x00C0 && cp <= 0x024F) return cp != 0x00D7 && cp != 0x00F7;
  return cp >= 0x1E00 && cp <= 0x1EFF;
}

// Direct lookup tables built from the pairs at compile time: this runs on every letter of
// every name, and a linear search over the pairs was half the cost of a key.
constexpr char32_t kLatinTableSize = 0x100;
constexpr char32_t kCyrillicTableBase = 0x400;
constexpr char32_t kCyrillicTableSize = 0x60;

constexpr auto kLatinToCyrillic = [] {
  std::array<char32_t, kLatinTableSize> table{};
  for (auto [latin, cyrillic] : kLatinCyrillic) table[latin] = cyrillic;
  return table;
}();
constexpr auto kCyrillicToLatin = [] {
  std::array<char32_t, kCyrillicTableSize> table{};
  for (auto [latin, cyrillic] : kLatinCyrillic) table[cyrillic - kCyrillicTableBase] = latin;
  return table;
}();

// The Cyrillic twin of a Latin letter, or 0.
char32_t LatinLookAlike(char32_t cp) { return cp < kLatinTableSize ? kLatinToCyrillic[cp] : 0; }
// The Latin twin of a Cyrillic letter, or 0.
char32_t CyrillicLookAlike(char32_t cp) {
  return cp >= kCyrillicTableBase && cp < kCyrillicTableBase + kCyrillicTableSize
             ? kCyrillicToLatin[cp - kCyrillicTableBase]
             : 0;
}

bool IsWordChar(char32_t cp) {
  if (IsApostrophe(cp) || IsCyrillic(cp) || IsLatinLetter(cp)) return true;
  const auto c = static_cast<UChar32>(cp);
  return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

struct Votes {
  int sure_latin = 0;
  int sure_cyrillic = 0;
  int latin = 0;
  int cyrillic = 0;
};

Votes Count(std::u32string_view word) {
  Votes v;
  for (char32_t cp : word) {
    if (IsCyrillic(cp)) {
      ++v.cyrillic;
      if (CyrillicLookAlike(cp) == 0) ++v.sure_cyrillic;
    } else if (IsLatinLetter(cp)) {
      ++v.latin;
      if (LatinLookAlike(cp) == 0) ++v.sure_latin;
    }
  }
  return v;
}

Script Decide(const Votes& v, Script text_default) {
  if (v.sure_cyrillic != v.sure_latin) {
    return v.sure_cyrillic > v.sure_latin ? Script::kCyrillic : Script::kLatin;
  }
  // A mixed word without a single telling letter is a typing accident; the rest of the text
  // knows better than a count of two or three letters.
  if (text_default != Script::kNone && v.cyrillic > 0 && v.latin > 0) return text_default;
  if (v.cyrillic != v.latin) return v.cyrillic > v.latin ? Script::kCyrillic : Script::kLatin;
  return text_default;
}

bool IsUkrainianMarker(char32_t cp) {
  switch (cp) {
    case U'і':
    case U'І':
    case U'ї':
    case U'Ї':
    case U'є':
    case U'Є':
    case U'ґ':
    case U'Ґ':
      return true;
    default:
      return false;
  }
}

void RepairWord(std::u32string& text, std::size_t begin, std::size_t end, Script script) {
  bool ukrainian = false;
  for (std::size_t i = begin; i < end; ++i) {
    ukrainian = ukrainian || IsUkrainianMarker(text[i]);
  }
  for (std::size_t i = begin; i < end; ++i) {
    char32_t& cp = text[i];
    if (IsApostrophe(cp)) {
      cp = kApostrophe;
      continue;
    }
    if (script == Script::kCyrillic) {
      if (char32_t twin = LatinLookAlike(cp); twin != 0) cp = twin;
      if (cp == U'ъ' || cp == U'Ъ') {
        const char32_t next = i + 1 < end ? text[i + 1] : 0;
        if (ukrainian || IsUkrainianMarker(next)) cp = kApostrophe;
      }
    } else if (script == Script::kLatin) {
      if (char32_t twin = CyrillicLookAlike(cp); twin != 0) cp = twin;
    }
  }
}

}  // namespace

Script ScriptOf(char32_t cp) {
  if (IsCyrillic(cp)) return Script::kCyrillic;
  if (IsLatinLetter(cp)) return Script::kLatin;
  return Script::kNone;
}

bool IsApostrophe(char32_t cp) {
  switch (cp) {
    case U'\'':
    case U'`':
    case U'\u00B4':
    case U'\u02B9':
    case U'\u02BB':
    case U'\u02BC':
    case U'\u02BD':
    case U'\u2018':
    case U'\u2019':
    case U'\u201B':
    case U'\u2032':
      return true;
    default:
      return false;
  }
}

void RepairHomoglyphsInPlace(std::u32string& text) {
  const Votes whole = Count(text);
  const Script text_default = Decide(whole, Script::kNone);
  std::size_t i = 0;
  while (i < text.size()) {
    if (!IsWordChar(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && IsWordChar(text[end])) ++end;
    const Script script = Decide(Count(std::u32string_view(text).substr(i, end - i)), text_default);
    RepairWord(text, i, end, script);
    i = end;
  }
}

Result<std::string> RepairHomoglyphs(std::string_view utf8) {
  auto cps = internal::DecodeUtf8(utf8);
  if (!cps) return std::unexpected(cps.error());
  RepairHomoglyphsInPlace(*cps);
  return internal::EncodeUtf8(*cps);
}

}  // namespace parley::names
