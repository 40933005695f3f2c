// Randomised robustness checks over the whole name engine: arbitrary mixtures of Cyrillic,
// Latin, combining marks, apostrophes, punctuation, invisible characters and broken UTF-8 must
// never crash, and every result must keep its contract. The generator is seeded, so a failure
// reproduces.
#include <gtest/gtest.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <array>
#include <random>
#include <string>

#include "names/full_name_parser.h"
#include "names/internal/utf8.h"
#include "names/name_comparator.h"
#include "names/phonetic_key.h"
#include "names/romanise_key.h"
#include "names/surname_forms.h"

namespace parley::names {
namespace {

constexpr std::array<char32_t, 40>
    kAlphabet =
        {
            U'а',  U'Б',      U'г',      U'Ґ',      U'є',      U'ї',      U'Й', U'щ',
            U'ь',  U'ъ',      U'ё',      U'Ы',      U'э',      U'я',      U'A', U'c',
            U'e',  U'h',      U'j',      U'x',      U'y',      U'Z',      U'š', U'č',
            U'ß',  U'ø',      U'ǵ',      U'\u0306', U'\u0308',  // combining breve and diaeresis
            U'\'', U'\u2019', U'\u02BC', U'`',                  // apostrophes
            U' ',  U',',      U'.',      U'-',      U'\u00AD', U'\u200D', U'Ω'};

std::string RandomText(std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> length(0, 24);
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  std::uniform_int_distribution<int> broken(0, 30);
  std::string out;
  const std::size_t n = length(rng);
  for (std::size_t i = 0; i < n; ++i) {
    if (broken(rng) == 0) {
      out.push_back(static_cast<char>(0xC0 + broken(rng)));  // a lead byte with no follower
      continue;
    }
    internal::AppendUtf8(kAlphabet[pick(rng)], out);
  }
  return out;
}

std::string Nfd(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfd->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                     nullptr, status);
  EXPECT_TRUE(U_SUCCESS(status));
  return out;
}

bool IsWellFormedKey(std::string_view key) {
  if (key.empty()) return true;
  if (key.front() == ' ' || key.back() == ' ') return false;
  for (std::size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ';
    if (!ok || (c == ' ' && key[i - 1] == ' ')) return false;
  }
  return true;
}

TEST(NamesRobustnessTest, KeysKeepTheirContract) {
  std::mt19937 rng(20260425);
  for (int i = 0; i < 3000; ++i) {
    const std::string text = RandomText(rng);
    auto key = RomanKey(text);
    if (!key) {
      EXPECT_EQ(key.error().code, ErrorCode::kInvalidInput) << text;
      continue;
    }
    EXPECT_TRUE(IsWellFormedKey(*key)) << text << " -> " << *key;
    // Decomposed and composed spellings of the same text key alike.
    EXPECT_EQ(RomanKey(Nfd(text)).value_or("<error>"), *key) << text;
    EXPECT_TRUE(IsWellFormedKey(SurnameStem(*key))) << *key;
    const std::string phonetic = PhoneticKey(*key);
    for (char c : phonetic) EXPECT_TRUE((c >= 'A' && c <= 'Z') || c == ' ') << phonetic;
  }
}

TEST(NamesRobustnessTest, ParserAndComparatorKeepTheirContract) {
  std::mt19937 rng(7);
  for (int i = 0; i < 1500; ++i) {
    const std::string a = RandomText(rng);
    const std::string b = RandomText(rng);
    auto parsed = ParseFullName(a);
    if (parsed) {
      EXPECT_GE(parsed->confidence, 0.0);
      EXPECT_LE(parsed->confidence, 1.0);
      EXPECT_FALSE(parsed->surname.empty() && parsed->given.empty()) << a;
    } else {
      EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput) << a;
    }
    auto ab = CompareFullNames(a, b);
    auto ba = CompareFullNames(b, a);
    ASSERT_EQ(ab.has_value(), ba.has_value()) << a << " | " << b;
    if (!ab) continue;
    EXPECT_GE(ab->score, 0.0);
    EXPECT_LE(ab->score, 1.0);
    EXPECT_NEAR(ab->score, ba->score, 1e-12) << a << " | " << b;
    auto self = CompareFullNames(a, a);
    ASSERT_TRUE(self.has_value());
    EXPECT_GE(self->score + 1e-12, ab->score) << a << " | " << b;
  }
}

}  // namespace
}  // namespace parley::names
