#include "names/digits_as_letters.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <vector>

#include "names/given_names.h"
#include "names/homoglyphs.h"
#include "names/internal/utf8.h"
#include "names/romanise_key.h"

namespace parley::names {
namespace {

// The word (letters between hyphens, spaces or other marks) around position `at`.
std::pair<std::size_t, std::size_t> WordAround(const std::u32string& cps, std::size_t at) {
  auto in_word = [&](std::size_t i) { return u_isalpha(static_cast<UChar32>(cps[i])) != 0; };
  std::size_t begin = at;
  while (begin > 0 && in_word(begin - 1)) --begin;
  std::size_t end = at + 1;
  while (end < cps.size() && in_word(end)) ++end;
  return {begin, end};
}

bool KnownGivenName(std::u32string_view word) {
  const auto key = RomanKeyOfRepaired(std::u32string(word));
  return key && !LookupGivenNameKey(*key).empty();
}

void ReadOneAsTheTableKnowsIt(std::u32string& cps, std::size_t at) {
  const auto [begin, end] = WordAround(cps, at);
  std::u32string word = cps.substr(begin, end - begin);
  word[at - begin] = U'l';
  const bool as_l = KnownGivenName(word);
  word[at - begin] = U'i';
  const bool as_i = KnownGivenName(word);
  if (as_l != as_i) cps[at] = as_l ? U'l' : U'i';
}

}  // namespace

void ReadDigitsAsLettersInPlace(std::u32string& cps) {
  int letters = 0;
  int digits = 0;
  bool cyrillic = false;
  for (char32_t cp : cps) {
    if (u_isalpha(static_cast<UChar32>(cp))) {
      ++letters;
      cyrillic |= cp >= 0x400 && cp <= 0x4FF;
    } else if (cp >= U'0' && cp <= U'9') {
      ++digits;
    }
  }
  if (digits == 0 || digits > 2 || letters < 3) return;
  auto latin_vowel = [](char32_t c) {
    const char32_t l = c >= U'A' && c <= U'Z' ? c + 0x20 : c;
    return l == U'a' || l == U'e' || l == U'i' || l == U'o' || l == U'u' || l == U'y';
  };
  std::vector<std::size_t> ones;  // Latin 1s: l or i
  for (std::size_t i = 0; i < cps.size(); ++i) {
    char32_t& cp = cps[i];
    const bool after_vowel = i > 0 && latin_vowel(cps[i - 1]);
    if (cp == U'1' && !cyrillic) ones.push_back(i);
    if (cp == U'0') cp = cyrillic ? U'о' : U'o';
    if (cp == U'1') cp = cyrillic ? U'і' : (after_vowel ? U'l' : U'i');
    if (cp == U'3') cp = cyrillic ? U'з' : U'e';
    if (cp == U'5' && !cyrillic) cp = U's';
  }
  // Where the given-name table knows the word one way and not the other, that way wins over
  // the vowel rule: "Miros1av" is Miroslav, "Mar1ia" Mariia.
  for (std::size_t at : ones) ReadOneAsTheTableKnowsIt(cps, at);
}

Result<std::string> ReadDigitsAsLetters(std::string_view utf8) {
  if (std::none_of(utf8.begin(), utf8.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::string(utf8);
  }
  auto cps = internal::DecodeUtf8(utf8);
  if (!cps) return std::unexpected(cps.error());
  auto in_word = [](char32_t cp) {
    return u_isalpha(static_cast<UChar32>(cp)) || (cp >= U'0' && cp <= U'9') || IsApostrophe(cp);
  };
  std::u32string out;
  std::size_t i = 0;
  while (i < cps->size()) {
    std::size_t end = i;
    while (end < cps->size() && in_word((*cps)[end])) ++end;
    if (end == i) {
      out.push_back((*cps)[i++]);
      continue;
    }
    std::u32string word = cps->substr(i, end - i);
    ReadDigitsAsLettersInPlace(word);
    out += word;
    i = end;
  }
  return internal::EncodeUtf8(out);
}

}  // namespace parley::names
