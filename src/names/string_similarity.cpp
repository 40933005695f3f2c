#include "names/string_similarity.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>

namespace parley::names {
namespace {

// A string as at most kMaxSimilarityLength code points, on the stack.
struct CodePoints {
  std::array<char32_t, kMaxSimilarityLength> cp;  // only [0, size) is written
  int size = 0;
};

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Minimal UTF-8 decoding: the keys are produced by our own code and are valid; a stray byte
// becomes U+FFFD so that the function stays total.
CodePoints Decode(std::string_view s) {
  CodePoints out;
  std::size_t i = 0;
  while (i < s.size() && out.size < kMaxSimilarityLength) {
    const auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
      out.cp[out.size++] = U'\uFFFD';
      ++i;
      continue;
    }
    char32_t c = len == 1 ? b : (b & (0x7F >> len));
    for (int k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.cp[out.size++] = c;
    i += len;
  }
  return out;
}

CodePoints FromAscii(std::string_view s) {
  CodePoints out;
  out.size = static_cast<int>(std::min<std::size_t>(s.size(), kMaxSimilarityLength));
  for (int i = 0; i < out.size; ++i) out.cp[i] = static_cast<unsigned char>(s[i]);
  return out;
}

CodePoints ToCodePoints(std::string_view s) { return IsAscii(s) ? FromAscii(s) : Decode(s); }

// Jaro–Winkler over two sequences of at most 64 elements; matched flags are bit masks so that
// nothing is initialised per call beyond two words.
template <typename Seq>
double JaroWinklerOn(const Seq& a, int a_size, const Seq& b, int b_size) {
  if (a_size == 0 && b_size == 0) return 1.0;
  if (a_size == 0 || b_size == 0) return 0.0;
  const int window = std::max(0, std::max(a_size, b_size) / 2 - 1);
  std::uint64_t a_matched = 0;
  std::uint64_t b_matched = 0;
  int matches = 0;
  for (int i = 0; i < a_size; ++i) {
    const int lo = std::max(0, i - window);
    const int hi = std::min(b_size - 1, i + window);
    for (int j = lo; j <= hi; ++j) {
      if (!(b_matched >> j & 1) && a[i] == b[j]) {
        a_matched |= std::uint64_t{1} << i;
        b_matched |= std::uint64_t{1} << j;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  int transpositions = 0;
  for (int i = 0, j = 0; i < a_size; ++i) {
    if (!(a_matched >> i & 1)) continue;
    while (!(b_matched >> j & 1)) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  const double m = matches;
  const double jaro = (m / a_size + m / b_size + (m - transpositions / 2.0) / m) / 3.0;
  int prefix = 0;
  while (prefix < 4 && prefix < a_size && prefix < b_size && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

// True when a and b (bytes) are at most one insertion, deletion, substitution or swap of
// neighbours apart: the common case of service numbers, in one linear pass.
bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;  // equal, or one character appended
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);  // swap of neighbours
  }
  return a.substr(i) == b.substr(i + 1);  // deletion from b
}

}  // namespace

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  if (IsAscii(a) && IsAscii(b)) {
    const int na = static_cast<int>(std::min<std::size_t>(a.size(), kMaxSimilarityLength));
    const int nb = static_cast<int>(std::min<std::size_t>(b.size(), kMaxSimilarityLength));
    return JaroWinklerOn(a, na, b, nb);
  }
  const CodePoints x = Decode(a);
  const CodePoints y = Decode(b);
  return JaroWinklerOn(x.cp, x.size, y.cp, y.size);
}

int EditDistance(std::string_view a_text, std::string_view b_text, int limit) {
  if (a_text == b_text) return 0;
  if (limit == 1 && IsAscii(a_text) && IsAscii(b_text)) {
    return WithinOneEdit(a_text, b_text) ? 1 : 2;
  }
  const CodePoints a = ToCodePoints(a_text);
  const CodePoints b = ToCodePoints(b_text);
  if (std::abs(a.size - b.size) > limit) return limit + 1;
  // Three rolling rows of the OSA matrix.
  std::array<int, kMaxSimilarityLength + 1> prev2{};
  std::array<int, kMaxSimilarityLength + 1> prev{};
  std::array<int, kMaxSimilarityLength + 1> cur{};
  for (int j = 0; j <= b.size; ++j) prev[j] = j;
  for (int i = 1; i <= a.size; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= b.size; ++j) {
      const int cost = a.cp[i - 1] == b.cp[j - 1] ? 0 : 1;
      int d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a.cp[i - 1] == b.cp[j - 2] && a.cp[i - 2] == b.cp[j - 1]) {
        d = std::min(d, prev2[j - 2] + 1);
      }
      cur[j] = d;
      row_min = std::min(row_min, d);
    }
    if (row_min > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return std::min(prev[b.size], limit + 1);
}

}  // namespace parley::names
