#include "synth/variations.h"

#include <array>
#include <cstdio>
#include <vector>

#include "synth/utf8.h"

namespace parley::synth {
namespace {

// Letter rows of each layout; a neighbour is the key to the left or right in the same row.
struct Layout {
  std::u32string_view rows[3];
  std::u32string_view letters;  // every letter the keyboard can type
};
constexpr Layout kUkrainianLayout = {{U"йцукенгшщзхї", U"фівапролджє", U"ячсмитьбю"},
                                     U"абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"};
constexpr Layout kRussianLayout = {{U"йцукенгшщзхъ", U"фывапролджэ", U"ячсмитьбю"},
                                   U"абвгдеёжзийклмнопрстуфхцчшщъыьэюя"};
constexpr Layout kLatinLayout = {{U"qwertyuiop", U"asdfghjkl", U"zxcvbnm"},
                                 U"abcdefghijklmnopqrstuvwxyz"};

const Layout& LayoutFor(Keyboard keyboard) {
  switch (keyboard) {
    case Keyboard::kUkrainian:
      return kUkrainianLayout;
    case Keyboard::kRussian:
      return kRussianLayout;
    case Keyboard::kLatin:
      return kLatinLayout;
  }
  return kLatinLayout;
}

struct LookAlike {
  char32_t cyrillic;
  char32_t latin;
};
constexpr std::array kLookAlikes = {
    LookAlike{U'А', U'A'}, LookAlike{U'В', U'B'}, LookAlike{U'Е', U'E'}, LookAlike{U'К', U'K'},
    LookAlike{U'М', U'M'}, LookAlike{U'Н', U'H'}, LookAlike{U'О', U'O'}, LookAlike{U'Р', U'P'},
    LookAlike{U'С', U'C'}, LookAlike{U'Т', U'T'}, LookAlike{U'Х', U'X'}, LookAlike{U'І', U'I'},
    LookAlike{U'У', U'Y'}, LookAlike{U'а', U'a'}, LookAlike{U'е', U'e'}, LookAlike{U'о', U'o'},
    LookAlike{U'р', U'p'}, LookAlike{U'с', U'c'}, LookAlike{U'у', U'y'}, LookAlike{U'х', U'x'},
    LookAlike{U'і', U'i'},
};

bool IsLetter(char32_t c) {
  return IsCyrillicCp(c) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

// The letter of the other script that looks the same, or 0.
char32_t LookAlikeFor(char32_t c) {
  for (const LookAlike& l : kLookAlikes) {
    if (l.cyrillic == c) return l.latin;
    if (l.latin == c) return l.cyrillic;
  }
  return 0;
}

char32_t MistypedLetter(char32_t original, Rng& rng, const Layout& layout) {
  const char32_t lower = ToLowerCp(original);
  char32_t pick = 0;
  if (rng.Chance(0.7)) {
    for (std::u32string_view row : layout.rows) {
      const size_t at = row.find(lower);
      if (at == std::u32string_view::npos) continue;
      const bool left = at > 0 && (at + 1 == row.size() || rng.Chance(0.5));
      pick = left ? row[at - 1] : row[at + 1];
      break;
    }
  }
  while (pick == 0 || pick == lower) pick = layout.letters[rng.Below(layout.letters.size())];
  return IsUpperCp(original) ? ToUpperCp(pick) : pick;
}

}  // namespace

std::string InjectTypo(std::string_view word, Rng& rng, Keyboard keyboard) {
  const Layout& layout = LayoutFor(keyboard);
  std::u32string cps = DecodeUtf8(word);
  if (cps.size() < 3) return std::string(word);
  // Clerks rarely mistype the first letter (they copy it carefully); keep it most of the time.
  const size_t first = rng.Chance(0.9) ? 1 : 0;
  const size_t pos = first + rng.Below(cps.size() - first);
  if (!IsLetter(cps[pos])) return std::string(word);
  switch (rng.Below(4)) {
    case 0:
      cps[pos] = MistypedLetter(cps[pos], rng, layout);
      break;
    case 1: {
      const size_t a = pos + 1 < cps.size() ? pos : pos - 1;
      if (cps[a] == cps[a + 1]) {
        cps[a] = MistypedLetter(cps[a], rng, layout);
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
        cps[0] = MistypedLetter(cps[0], rng, layout);
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
  std::vector<size_t> candidates;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (LookAlikeFor(cps[i]) != 0) candidates.push_back(i);
  }
  if (candidates.empty()) return std::string(word);
  // Each position changes at most once, so a second swap cannot undo the first.
  const int replacements = candidates.size() > 1 && rng.Chance(0.25) ? 2 : 1;
  for (int r = 0; r < replacements; ++r) {
    const size_t k = rng.Below(candidates.size());
    cps[candidates[k]] = LookAlikeFor(cps[candidates[k]]);
    candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(k));
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
