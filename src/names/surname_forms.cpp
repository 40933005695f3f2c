#include "names/surname_forms.h"

#include <algorithm>
#include <array>
#include <string>

#include "names/romanise_key.h"
#include "names/string_similarity.h"

namespace parley::names {
namespace {

constexpr std::size_t kMinStem = 3;

bool IsConsonant(char c) {
  return c >= 'a' && c <= 'z' && c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u';
}

// Length of the ending to drop from one word (0: invariant).
std::size_t EndingToDrop(std::string_view w) {
  auto drop_if = [&](std::string_view ending, std::size_t drop) -> std::size_t {
    return w.ends_with(ending) && w.size() - drop >= kMinStem ? drop : 0;
  };
  for (std::string_view possessive : {"ova", "eva", "ina"}) {
    if (auto n = drop_if(possessive, 1)) return n;
  }
  if (auto n = drop_if("aia", 3)) return n;
  if (auto n = drop_if("oi", 2); n && IsConsonant(w[w.size() - 3])) return n;
  if (w.size() >= 2 && IsConsonant(w[w.size() - 2])) {
    if (auto n = drop_if("i", 1)) return n;
    if (auto n = drop_if("a", 1)) return n;
  }
  return 0;
}

}  // namespace

std::string SurnameVowelForm(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == 'e' || c == 'o') c = 'i';
    if (out.empty() || out.back() != c) out.push_back(c);
  }
  return out;
}

std::string SurnameStem(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  while (!key.empty()) {
    const std::size_t space = key.find(' ');
    std::string_view word = key.substr(0, space);
    word.remove_suffix(EndingToDrop(word));
    if (!out.empty()) out.push_back(' ');
    out.append(word);
    // Russian -ёв/-ев is Ukrainian -ов/-ьов after many stems (Ковалёв/Ковальов, Хрущёв/Хрущов,
    // Соловьёв/Соловйов): one possessive ending in the stem.
    if (word.size() >= 5 && word.ends_with("ev")) out[out.size() - 2] = 'o';
    if (space == std::string_view::npos) break;
    key.remove_prefix(space + 1);
  }
  return out;
}

namespace {
// The endings that tell a surname's sex; none ends another, so their order does not matter.
struct SexEnding {
  std::string_view ending;
  Sex sex;
};
constexpr SexEnding kSexEndings[] = {
    {"ova", Sex::kFemale}, {"eva", Sex::kFemale}, {"ina", Sex::kFemale}, {"ska", Sex::kFemale},
    {"aia", Sex::kFemale}, {"ov", Sex::kMale},    {"ev", Sex::kMale},    {"in", Sex::kMale},
    {"ski", Sex::kMale},   {"skoi", Sex::kMale}};
}  // namespace

Sex SurnameSex(std::string_view w) {
  for (const auto& [ending, sex] : kSexEndings) {
    if (w.ends_with(ending) && w.size() > ending.size() + 1) return sex;
  }
  return Sex::kUnknown;
}

Result<std::string> SurnameStemKey(std::string_view utf8) {
  auto key = RomanKey(utf8);
  if (!key) return key;
  return SurnameStem(*key);
}

namespace {
constexpr std::size_t kMinSlipLetters = 4;
}  // namespace

bool SurnamesOneSlipApart(const SurnameSpellings& a, const SurnameSpellings& b) {
  auto one_slip = [](std::string_view x, std::string_view y) {
    return std::min(x.size(), y.size()) >= kMinSlipLetters && EditDistance(x, y, 1) <= 1;
  };
  if (a.key.empty() || b.key.empty()) return false;
  std::array<char, 64> xs{};
  std::array<char, 64> ys{};
  const std::size_t nx = OneBytePerLetter(a.key, xs);
  const std::size_t ny = OneBytePerLetter(b.key, ys);
  if (nx == 0 || ny == 0) return false;  // a key of more than 64 letters is not a surname
  const std::string_view x(xs.data(), nx);
  const std::string_view y(ys.data(), ny);
  if (std::min(a.key.size(), b.key.size()) >= kMinSlipLetters &&
      (EditDistance(a.key, b.key, 1) <= 1 || EditDistance(x, y, 1) <= 1)) {
    return true;
  }
  if (!a.vowels.empty() && !b.vowels.empty() && one_slip(a.vowels, b.vowels)) return true;
  if (a.letters.empty() && b.letters.empty()) return false;
  return one_slip(a.letters.empty() ? x : a.letters, b.letters.empty() ? y : b.letters);
}

bool SurnamesOneKeystrokeApartInLatin(std::string_view a, std::string_view b) {
  auto lower_ascii = [](std::string_view text, std::string& out) {
    for (char c : text) {
      if (static_cast<unsigned char>(c) >= 0x80) return false;
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c >= 'a' && c <= 'z') out.push_back(c);
    }
    return out.size() >= kMinSlipLetters;
  };
  std::string x;
  std::string y;
  return lower_ascii(a, x) && lower_ascii(b, y) && x != y && EditDistance(x, y, 1) <= 1;
}

}  // namespace parley::names
