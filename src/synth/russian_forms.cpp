#include "synth/russian_forms.h"

#include <array>
#include <utility>

#include "synth/utf8.h"
#include "synth/vocabulary_names.h"

namespace parley::synth {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsVowel(char32_t c) {
  switch (c) {
    case U'а':
    case U'е':
    case U'є':
    case U'и':
    case U'і':
    case U'ї':
    case U'о':
    case U'у':
    case U'ю':
    case U'я':
    case U'ы':
    case U'э':
    case U'ё':
      return true;
    default:
      return false;
  }
}

// Consonants after which Russian writes и, never ы.
bool TakesI(char32_t c) {
  switch (c) {
    case U'к':
    case U'г':
    case U'х':
    case U'ж':
    case U'ч':
    case U'ш':
    case U'щ':
    case U'ц':
    case U'й':
    case U'ь':
      return true;
    default:
      return false;
  }
}

// Appends `replacement` (lower case) to `out`, upper-casing its first letter when the source
// letter was upper case.
void Put(std::u32string& out, std::u32string_view replacement, bool upper) {
  for (size_t i = 0; i < replacement.size(); ++i) {
    out.push_back(i == 0 && upper ? ToUpperCp(replacement[i]) : replacement[i]);
  }
}

bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'’' || c == U'ʼ'; }

std::string UkrainianToRussianLetters(std::string_view text, bool drop_apostrophe) {
  const std::u32string in = DecodeUtf8(text);
  std::u32string out;
  out.reserve(in.size() + 2);
  for (size_t i = 0; i < in.size(); ++i) {
    const char32_t c = ToLowerCp(in[i]);
    const bool upper = IsUpperCp(in[i]);
    const char32_t prev = i > 0 ? ToLowerCp(in[i - 1]) : 0;
    switch (c) {
      case U'і':
        Put(out, U"и", upper);
        break;
      case U'ї':
        Put(out, U"и", upper);
        break;
      case U'є':
        Put(out, U"е", upper);
        break;
      case U'ґ':
        Put(out, U"г", upper);
        break;
      case U'и':
        Put(out, prev != 0 && !IsVowel(prev) && !TakesI(prev) ? U"ы" : U"и", upper);
        break;
      default:
        if (IsApostrophe(c)) {
          if (!drop_apostrophe) out.push_back(U'ь');
        } else {
          out.push_back(in[i]);
        }
    }
  }
  return EncodeUtf8(out);
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kUaToRuEndings = {{
    {"ський", "ский"},
    {"цький", "цкий"},
    {"зький", "зкий"},
    {"ська", "ская"},
    {"цька", "цкая"},
    {"зька", "зкая"},
}};

}  // namespace

std::string RussianSurname(std::string_view ua, bool drop_apostrophe) {
  for (const auto& [from, to] : kUaToRuEndings) {
    if (EndsWith(ua, from)) {
      return UkrainianToRussianLetters(ua.substr(0, ua.size() - from.size()), drop_apostrophe) +
             std::string(to);
    }
  }
  return UkrainianToRussianLetters(ua, drop_apostrophe);
}

std::string RussianGivenName(std::string_view ua) {
  for (const MaleName& n : MaleNames()) {
    if (n.ua == ua) return std::string(n.ru);
  }
  for (const FemaleName& n : FemaleNames()) {
    if (n.ua == ua) return std::string(n.ru);
  }
  return UkrainianToRussianLetters(ua, false);
}

std::string RussianPatronymic(std::string_view ua) {
  for (const MaleName& n : MaleNames()) {
    if (n.ua_patronymic == ua) return std::string(n.ru_patronymic);
    if (FemininePatronymicUa(n.ua_patronymic) == ua) return FemininePatronymicRu(n.ru_patronymic);
  }
  return UkrainianToRussianLetters(ua, false);
}

std::string UkrainianLettersFromRussian(std::string_view ru) {
  std::string_view stem = ru;
  std::string_view ending;
  if (EndsWith(ru, "ский")) ending = "ський";
  if (EndsWith(ru, "цкий")) ending = "цький";
  if (EndsWith(ru, "ская")) ending = "ська";
  if (EndsWith(ru, "цкая")) ending = "цька";
  if (!ending.empty()) stem = ru.substr(0, ru.size() - std::string_view("ский").size());

  const std::u32string in = DecodeUtf8(stem);
  std::u32string out;
  out.reserve(in.size() + 2);
  for (size_t i = 0; i < in.size(); ++i) {
    const char32_t c = ToLowerCp(in[i]);
    const bool upper = IsUpperCp(in[i]);
    const char32_t prev = i > 0 ? ToLowerCp(in[i - 1]) : 0;
    const char32_t next = i + 1 < in.size() ? ToLowerCp(in[i + 1]) : 0;
    const bool after_vowel_or_start = prev == 0 || IsVowel(prev);
    switch (c) {
      case U'и':
        Put(out, U"і", upper);
        break;
      case U'ы':
        Put(out, U"и", upper);
        break;
      case U'э':
        Put(out, U"е", upper);
        break;
      case U'е':
        Put(out, after_vowel_or_start ? U"є" : U"е", upper);
        break;
      case U'ё':
        Put(out, after_vowel_or_start || prev == U'ь' ? U"йо" : U"ьо", upper);
        break;
      case U'ъ':
        out.push_back(U'\'');
        break;
      case U'ь':
        if (next == U'ё') break;  // Соловьёв -> Соловйов: the ё brings its own й
        if (next == U'и') {       // Ильин -> Ільїн
          out.push_back(in[i]);
          Put(out, U"ї", IsUpperCp(in[i + 1]));
          ++i;
        } else if (next == U'е') {  // Григорьев -> Григор'єв
          out.push_back(U'\'');
          Put(out, U"є", IsUpperCp(in[i + 1]));
          ++i;
        } else if (next == U'ю' || next == U'я') {  // Лукьянов -> Лук'янов
          out.push_back(U'\'');
        } else {
          out.push_back(in[i]);
        }
        break;
      default:
        out.push_back(in[i]);
    }
  }
  std::string result = EncodeUtf8(out);
  result += ending;
  return result;
}

std::string FeminineSurnameUa(std::string_view m) {
  for (std::string_view tail : {"ський", "цький", "зький"}) {
    if (EndsWith(m, tail)) return std::string(m.substr(0, m.size() - 4)) + "а";  // -ий -> -а
  }
  if (EndsWith(m, "ий")) return std::string(m.substr(0, m.size() - 4)) + "а";
  for (std::string_view tail : {"ов", "ев", "єв", "ін", "їн"}) {
    if (EndsWith(m, tail)) return std::string(m) + "а";
  }
  return std::string(m);
}

std::string FeminineSurnameRu(std::string_view m) {
  for (std::string_view tail : {"ский", "цкий", "зкий"}) {
    if (EndsWith(m, tail)) return std::string(m.substr(0, m.size() - 4)) + "ая";
  }
  if (EndsWith(m, "ый") || EndsWith(m, "ой")) return std::string(m.substr(0, m.size() - 4)) + "ая";
  for (std::string_view tail : {"ов", "ев", "ёв", "ин", "ын"}) {
    if (EndsWith(m, tail)) return std::string(m) + "а";
  }
  return std::string(m);
}

}  // namespace parley::synth
