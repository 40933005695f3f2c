// parley/names/string_similarity.h — string similarity measures on code points, without allocation.
//
// Fellegi–Sunter needs graded agreement ("close", "similar") for names and places, computed
// for tens of millions of candidate pairs. General-purpose libraries compare bytes, so one
// Cyrillic typo counts as two edits; here every measure works on Unicode code points. The
// strings compared are usually the name engine's skeleton keys (lowercase ASCII, where a byte
// is a code point) and an ASCII fast path avoids decoding; anything else is decoded into a
// fixed stack buffer. Strings longer than kMaxSimilarityLength code points are compared on
// their first kMaxSimilarityLength code points: no name key is that long, and the bound is
// what keeps the functions allocation-free.
//
// Contract: pure functions, thread-safe, never allocate, never fail (invalid UTF-8 bytes are
// taken as U+FFFD one byte at a time).
//
//   JaroWinkler("shevchenko", "shevchenco") ≈ 0.96    EditDistance("AB123", "AB132") == 1
#pragma once

#include <string_view>

namespace parley::names {

inline constexpr int kMaxSimilarityLength = 64;

// Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4). Two empty strings: 1.
[[nodiscard]] double JaroWinkler(std::string_view a, std::string_view b);

// Optimal-string-alignment distance (insert, delete, substitute, swap of neighbours) in code
// points. Returns `limit + 1` as soon as the distance is known to exceed `limit`.
[[nodiscard]] int EditDistance(std::string_view a, std::string_view b, int limit = 8);

}  // namespace parley::names
