#include "names/phonetic_key.h"

#include "names/romanise_key.h"
#include "names/surname_forms.h"

namespace parley::names {
namespace {

// Class of the consonant starting at w[i]; sets `consumed`. '\0' for vowels and anything else.
char ClassAt(std::string_view w, std::size_t i, std::size_t& consumed) {
  consumed = 1;
  const char c = w[i];
  const char next = i + 1 < w.size() ? w[i + 1] : '\0';
  if (next == 'h' && (c == 'k' || c == 'z' || c == 's' || c == 'c')) {
    consumed = 2;
    return c == 'k' ? 'K' : 'S';
  }
  switch (c) {
    case 'b':
    case 'p':
      return 'P';
    case 'v':
    case 'f':
      return 'F';
    case 'g':
    case 'k':
    case 'h':
      return 'K';
    case 'd':
    case 't':
      return 'T';
    case 'z':
    case 's':
    case 'c':
      return 'S';
    case 'l':
      return 'L';
    case 'm':
    case 'n':
      return 'N';
    case 'r':
      return 'R';
    default:
      return '\0';
  }
}

}  // namespace

std::string PhoneticKey(std::string_view key) {
  std::string out;
  out.reserve(kPhoneticKeyMaxClasses + 1);
  std::size_t word_start = 0;
  char last = '\0';
  std::size_t i = 0;
  while (i < key.size()) {
    if (key[i] == ' ') {
      if (out.size() > word_start) {
        out.push_back(' ');
        word_start = out.size();
      }
      last = '\0';
      ++i;
      continue;
    }
    std::size_t consumed = 1;
    const char cls = ClassAt(key, i, consumed);
    i += consumed;
    // Vowels do not break a run: "Ліллі" and "Лілі" both give "L".
    if (cls == '\0' || cls == last) continue;
    last = cls;
    if (out.size() - word_start < kPhoneticKeyMaxClasses) out.push_back(cls);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Result<std::string> PhoneticSurnameKey(std::string_view utf8) {
  auto stem = SurnameStemKey(utf8);
  if (!stem) return stem;
  return PhoneticKey(*stem);
}

}  // namespace parley::names
