#include "link/service_number.h"

#include <cctype>

#include "names/romanise_key.h"

namespace parley::link {
namespace {

// Upper- and lowercase Cyrillic look-alikes of Latin capitals; other Cyrillic letters keep a
// stable stand-in so that "Ж123" and "123" stay different.
char MapCyrillic(char32_t cp) {
  switch (cp) {
    case U'А':
    case U'а':
      return 'A';
    case U'В':
    case U'в':
      return 'B';
    case U'Е':
    case U'е':
    case U'Є':
    case U'є':
      return 'E';
    case U'К':
    case U'к':
      return 'K';
    case U'М':
    case U'м':
      return 'M';
    case U'Н':
    case U'н':
      return 'H';
    case U'О':
    case U'о':
      return 'O';
    case U'Р':
    case U'р':
      return 'P';
    case U'С':
    case U'с':
      return 'C';
    case U'Т':
    case U'т':
      return 'T';
    case U'Х':
    case U'х':
      return 'X';
    case U'У':
    case U'у':
      return 'Y';
    case U'І':
    case U'і':
      return 'I';
    default:
      return static_cast<char>('a' + static_cast<int>(cp % 26));  // lowercase: no clash
  }
}

}  // namespace

std::string NormaliseServiceNumber(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (std::isalnum(b)) out.push_back(static_cast<char>(std::toupper(b)));
      ++i;
      continue;
    }
    if ((b >> 5) == 0x6 && i + 1 < text.size()) {  // two-byte sequences hold all of Cyrillic
      const char32_t cp = ((b & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
      if (cp >= 0x400 && cp <= 0x4FF) out.push_back(MapCyrillic(cp));
      i += 2;
      continue;
    }
    ++i;  // other scripts and symbols carry no identity here
  }
  return out;
}

std::string RomanServiceNumber(std::string_view text) {
  // The letters are romanised run by run and the digits kept as written: the name engine's
  // key folds a doubled character into one, which for digits would make 111111 and 999999
  // one edit apart ("1" / "9"). Separators carry no identity.
  std::string out;
  std::string letters;
  auto flush = [&out, &letters] {
    if (letters.empty()) return;
    if (auto key = names::RomanKey(letters)) {
      for (char c : *key) {
        if (std::isalnum(static_cast<unsigned char>(c))) out.push_back(c);
      }
    }
    letters.clear();
  };
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      flush();
      out.push_back(c);
    } else if (c != ' ' && c != '-' && c != '/' && c != '.' && c != '_') {
      letters.push_back(c);
    }
  }
  flush();
  return out;
}

}  // namespace parley::link
