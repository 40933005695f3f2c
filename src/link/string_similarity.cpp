#include "link/string_similarity.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>

namespace parley::link {
namespace {

// A string as at most kMaxSimilarityLength code points, on the stack.
struct CodePoints {
  std::array<char32_t, kMaxSimilarityLength> cp{};
  int size = 0;
};

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
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

double JaroWinklerOn(const CodePoints& a, const CodePoints& b) {
  if (a.size == 0 && b.size == 0) return 1.0;
  if (a.size == 0 || b.size == 0) return 0.0;
  const int window = std::max(0, std::max(a.size, b.size) / 2 - 1);
  std::array<bool, kMaxSimilarityLength> a_matched{};
  std::array<bool, kMaxSimilarityLength> b_matched{};
  int matches = 0;
  for (int i = 0; i < a.size; ++i) {
    const int lo = std::max(0, i - window);
    const int hi = std::min(b.size - 1, i + window);
    for (int j = lo; j <= hi; ++j) {
      if (!b_matched[j] && a.cp[i] == b.cp[j]) {
        a_matched[i] = b_matched[j] = true;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  int transpositions = 0;
  for (int i = 0, j = 0; i < a.size; ++i) {
    if (!a_matched[i]) continue;
    while (!b_matched[j]) ++j;
    if (a.cp[i] != b.cp[j]) ++transpositions;
    ++j;
  }
  const double m = matches;
  const double jaro = (m / a.size + m / b.size + (m - transpositions / 2.0) / m) / 3.0;
  int prefix = 0;
  while (prefix < 4 && prefix < a.size && prefix < b.size && a.cp[prefix] == b.cp[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

}  // namespace

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  return JaroWinklerOn(ToCodePoints(a), ToCodePoints(b));
}

int EditDistance(std::string_view a_text, std::string_view b_text, int limit) {
  if (a_text == b_text) return 0;
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

}  // namespace parley::link
