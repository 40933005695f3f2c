#include "synth/variations.h"

#include <array>
#include <cstdio>

#include "synth/utf8.h"

namespace parley::synth {
namespace {

constexpr std::u32string_view kCyrillicLower = U"абвгдежзийклмнопрстуфхцчшщьюяіїєы";
constexpr std::u32string_view kLatinLower = U"abcdefghijklmnopqrstuvwxyz";

struct LookAlike {
  char32_t cyrillic;
  char32_t latin;
};
constexpr std::array kLookAlikes = {
    LookAlike{U'А', U'A'}, LookAlike{U'В', U'B'}, LookAlike{U'Е', U'E'}, LookAlike{U'К', U'K'},
    LookAlike{U'М', U'M'}, LookAlike{U'Н', U'H'}, LookAlike{U'О', U'O'}, LookAlike{U'Р', U'P'},
    LookAlike{U'С', U'C'}, LookAlike{U'Т', U'T'}, LookAlike{U'Х', U'X'}, LookAlike{U'І', U'I'},
    LookAlike{U'а', U'a'}, LookAlike{U'е', U'e'}, LookAlike{U'о', U'o'}, LookAlike{U'р', U'p'},
    LookAlike{U'с', U'c'}, LookAlike{U'у', U'y'}, LookAlike{U'х', U'x'}, LookAlike{U'і', U'i'},
};

bool IsLetter(char32_t c) {
  return IsCyrillicCp(c) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

char32_t LatinFor(char32_t c) {
  for (const LookAlike& l : kLookAlikes) {
    if (l.cyrillic == c) return l.latin;
  }
  return 0;
}

char32_t RandomLetterLike(char32_t original, Rng& rng) {
  const bool cyrillic = IsCyrillicCp(original);
  const std::u32string_view alphabet = cyrillic ? kCyrillicLower : kLatinLower;
  const char32_t lower = ToLowerCp(original);
  char32_t pick = lower;
  while (pick == lower) pick = alphabet[rng.Below(alphabet.size())];
  return IsUpperCp(original) ? ToUpperCp(pick) : pick;
}

}  // namespace

std::string InjectTypo(std::string_view word, Rng& rng) {
  std::u32string cps = DecodeUtf8(word);
  if (cps.size() < 3) return std::string(word);
  // Clerks rarely mistype the first letter (they copy it carefully); keep it most of the time.
  const size_t first = rng.Chance(0.9) ? 1 : 0;
  const size_t pos = first + rng.Below(cps.size() - first);
  if (!IsLetter(cps[pos])) return std::string(word);
  switch (rng.Below(4)) {
    case 0:
      cps[pos] = RandomLetterLike(cps[pos], rng);
      break;
    case 1: {
      const size_t a = pos + 1 < cps.size() ? pos : pos - 1;
      if (cps[a] == cps[a + 1]) {
        cps[a] = RandomLetterLike(cps[a], rng);
      } else {
        std::swap(cps[a], cps[a + 1]);
        // Swapping the first letter would also swap its case: keep the word's shape.
        if (IsUpperCp(cps[a + 1]) && !IsUpperCp(cps[a])) {
          cps[a] = ToUpperCp(cps[a]);
          cps[a + 1] = ToLowerCp(cps[a + 1]);
        }
      }
      break;
    }
    case 2:
      if (pos == 0) {
        cps[0] = RandomLetterLike(cps[0], rng);
      } else {
        cps.erase(pos, 1);
      }
      break;
    default:
      cps.insert(pos, 1, IsUpperCp(cps[pos]) ? ToLowerCp(cps[pos]) : cps[pos]);
      break;
  }
  return EncodeUtf8(cps);
}

std::string InjectHomoglyph(std::string_view word, Rng& rng) {
  std::u32string cps = DecodeUtf8(word);
  size_t candidates = 0;
  for (char32_t c : cps) candidates += LatinFor(c) != 0 ? 1 : 0;
  if (candidates == 0) return std::string(word);
  const int replacements = candidates > 1 && rng.Chance(0.25) ? 2 : 1;
  for (int r = 0; r < replacements; ++r) {
    size_t target = rng.Below(candidates);
    for (char32_t& c : cps) {
      if (LatinFor(c) == 0) continue;
      if (target-- == 0) {
        c = LatinFor(c);
        --candidates;
        break;
      }
    }
    if (candidates == 0) break;
  }
  return EncodeUtf8(cps);
}

bool HasApostrophe(std::string_view text) {
  return text.find('\'') != std::string_view::npos ||
         text.find("\u2019") != std::string_view::npos ||
         text.find("\u02BC") != std::string_view::npos;
}

char32_t PickApostrophe(Rng& rng) {
  static constexpr std::array<char32_t, 3> kVariants = {U'\'', U'\u2019', U'\u02BC'};
  return kVariants[rng.Below(kVariants.size())];
}

std::string ReplaceApostrophes(std::string_view text, char32_t apostrophe) {
  std::string out;
  out.reserve(text.size() + 4);
  for (char32_t c : DecodeUtf8(text)) {
    AppendUtf8(out, c == U'\'' || c == U'\u2019' || c == U'\u02BC' ? apostrophe : c);
  }
  return out;
}

std::optional<PartialDate> SwapDayMonth(PartialDate date) {
  if (date.day == 0 || date.month == 0 || date.day > 12 || date.day == date.month) {
    return std::nullopt;
  }
  return PartialDate{date.year, date.day, date.month};
}

PartialDate ShiftYear(PartialDate date, Rng& rng, PartialDate latest) {
  PartialDate shifted = date;
  shifted.year += rng.Chance(0.5) ? 1 : -1;
  if (shifted > latest) shifted.year = date.year - 1;
  if (shifted.month == 2 && shifted.day == 29 && DaysInMonth(shifted.year, 2) == 28) {
    shifted.day = 28;
  }
  return shifted;
}

std::string FormatDateDmy(PartialDate d) {
  char buffer[48];
  if (d.year == 0) return "";
  if (d.month == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d", d.year);
  } else if (d.day == 0) {
    std::snprintf(buffer, sizeof buffer, "%02d.%04d", d.month, d.year);
  } else {
    std::snprintf(buffer, sizeof buffer, "%02d.%02d.%04d", d.day, d.month, d.year);
  }
  return buffer;
}

std::string FormatDateIso(PartialDate d) { return d.ToIso(); }

}  // namespace parley::synth
