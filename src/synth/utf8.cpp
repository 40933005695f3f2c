#include "synth/utf8.h"

namespace parley::synth {

char32_t ToLowerCp(char32_t cp) {
  if (cp >= U'A' && cp <= U'Z') return cp + 0x20;
  if (cp >= 0x0410 && cp <= 0x042F) return cp + 0x20;  // А..Я
  if (cp >= 0x0400 && cp <= 0x040F) return cp + 0x50;  // Ѐ..Џ (Ё Є І Ї ...)
  if (cp == 0x0490) return 0x0491;                     // Ґ
  return cp;
}

char32_t ToUpperCp(char32_t cp) {
  if (cp >= U'a' && cp <= U'z') return cp - 0x20;
  if (cp >= 0x0430 && cp <= 0x044F) return cp - 0x20;
  if (cp >= 0x0450 && cp <= 0x045F) return cp - 0x50;
  if (cp == 0x0491) return 0x0490;
  return cp;
}

bool IsUpperCp(char32_t cp) { return ToLowerCp(cp) != cp; }

bool IsCyrillicCp(char32_t cp) { return cp >= 0x0400 && cp <= 0x04FF; }

std::string ToUpper(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : DecodeUtf8(text)) AppendUtf8(out, ToUpperCp(cp));
  return out;
}

std::string ToLower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : DecodeUtf8(text)) AppendUtf8(out, ToLowerCp(cp));
  return out;
}

std::string TitleCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool word_start = true;
  for (char32_t cp : DecodeUtf8(text)) {
    AppendUtf8(out, word_start ? ToUpperCp(cp) : ToLowerCp(cp));
    word_start = cp == U' ' || cp == U'-';
  }
  return out;
}

}  // namespace parley::synth
