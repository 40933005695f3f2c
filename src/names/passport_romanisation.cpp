#include "names/passport_romanisation.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <memory>

namespace parley::names {
namespace {

// The tables, on lower-case text. Word-initial є, ї, й, ю, я are handled before the rules
// run (InitialForm), so that the rules need no context. A longer match is written before the
// shorter one it contains (ICU refuses a rule masked by an earlier one).
constexpr const char16_t* kUkrainianRules =
    u"зг > zgh; а > a; б > b; в > v; г > h; ґ > g; д > d; е > e; є > ie; ж > zh; з > z; "
    u"и > y; і > i; ї > i; й > i; к > k; л > l; м > m; н > n; о > o; п > p; р > r; с > s; "
    u"т > t; у > u; ф > f; х > kh; ц > ts; ч > ch; ш > sh; щ > shch; ь > ; ю > iu; я > ia; "
    // Letters a Ukrainian list should not hold, read the Russian way rather than kept raw.
    u"ы > y; э > e; ё > e; ъ > ; "
    u"\\u0027 > ; \\u02BC > ; \\u2019 > ;";

constexpr const char16_t* kRussianRules =
    u"а > a; б > b; в > v; г > g; д > d; е > e; ё > e; ж > zh; з > z; и > i; й > i; к > k; "
    u"л > l; м > m; н > n; о > o; п > p; р > r; с > s; т > t; у > u; ф > f; х > kh; ц > ts; "
    u"ч > ch; ш > sh; щ > shch; ъ > ie; ы > y; ь > ; э > e; ю > iu; я > ia; "
    u"і > i; ї > i; є > ie; ґ > g; "
    u"\\u0027 > ; \\u02BC > ; \\u2019 > ;";

// One per thread: an ICU transliterator is not safe to share between threads.
const icu::Transliterator& Rules(NameLanguage language) {
  auto make = [](const char16_t* rules, const char* id) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError where;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
        icu::UnicodeString(id), icu::UnicodeString(rules), UTRANS_FORWARD, where, status));
    // The rules are constants of this file; a failure is a programming error that every test
    // of this file would show at once.
    if (U_FAILURE(status) || !t) std::abort();
    return t;
  };
  thread_local std::unique_ptr<icu::Transliterator> ukrainian =
      make(kUkrainianRules, "parley-uk-kmu2010");
  thread_local std::unique_ptr<icu::Transliterator> russian =
      make(kRussianRules, "parley-ru-icao9303");
  return language == NameLanguage::kUkrainian ? *ukrainian : *russian;
}

bool IsApostrophe(UChar32 c) { return c == 0x27 || c == 0x2BC || c == 0x2019; }

bool IsCyrillicLetter(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return u_isalpha(c) && uscript_getScript(c, &status) == USCRIPT_CYRILLIC;
}

// A word's first letter in the Ukrainian standard, where it differs from the letter inside a
// word; empty when it does not.
const char16_t* InitialForm(UChar32 lower) {
  switch (lower) {
    case u'є':
      return u"ye";
    case u'ї':
      return u"yi";
    case u'й':
      return u"y";
    case u'ю':
      return u"yu";
    case u'я':
      return u"ya";
    default:
      return nullptr;
  }
}

icu::UnicodeString RomaniseWord(const icu::UnicodeString& word, NameLanguage language) {
  const icu::Locale locale(language == NameLanguage::kUkrainian ? "uk" : "ru");
  icu::UnicodeString lower(word);
  lower.toLower(locale);
  icu::UnicodeString latin;
  if (language == NameLanguage::kUkrainian && !lower.isEmpty()) {
    if (const char16_t* initial = InitialForm(lower.char32At(0))) {
      latin = initial;
      lower.remove(0, U16_LENGTH(lower.char32At(0)));
    }
  }
  Rules(language).transliterate(lower);
  latin += lower;
  // Case per word, as the clerk wrote it: capitals stay capitals, a capital initial stays one.
  int letters = 0;
  int upper = 0;
  for (int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) {
    UChar32 c = word.char32At(i);
    if (!u_isalpha(c)) continue;
    ++letters;
    if (u_isupper(c)) ++upper;
  }
  if (letters > 1 && upper == letters) return latin.toUpper(icu::Locale::getRoot());
  if (upper > 0 && u_isupper(word.char32At(0)) && !latin.isEmpty()) {
    latin.replace(0, 1, static_cast<UChar>(u_toupper(latin.charAt(0))));
  }
  return latin;
}

}  // namespace

std::string_view RomanisationStandard(NameLanguage language) {
  return language == NameLanguage::kUkrainian ? "KMU 2010" : "ICAO 9303";
}

std::optional<NameLanguage> NameLanguageOf(std::span<const std::string_view> texts) {
  int ukrainian = 0;
  int russian = 0;
  for (std::string_view text : texts) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
      switch (u_tolower(u.char32At(i))) {
        case u'і':
        case u'ї':
        case u'є':
        case u'ґ':
          ++ukrainian;
          break;
        case u'ы':
        case u'э':
        case u'ё':
        case u'ъ':
          ++russian;
          break;
        default:
          break;
      }
    }
  }
  if (ukrainian > russian) return NameLanguage::kUkrainian;
  if (russian > ukrainian) return NameLanguage::kRussian;
  return std::nullopt;
}

bool HasCyrillic(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    if (IsCyrillicLetter(u.char32At(i))) return true;
  }
  return false;
}

std::string PassportRomanisation(std::string_view text, NameLanguage language) {
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  // Composed first: a й typed as и + breve is one letter to the tables.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString composed = nfc->normalize(in, status);
    if (U_SUCCESS(status)) in = composed;
  }
  icu::UnicodeString out;
  icu::UnicodeString word;
  // A word is a run of Cyrillic letters, with apostrophes inside it (Мар'яна); a hyphen or any
  // other character ends it, so each part of Іванова-Юрченко starts a word.
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    UChar32 c = in.char32At(i);
    if (IsCyrillicLetter(c) || (IsApostrophe(c) && !word.isEmpty())) {
      word.append(c);
      continue;
    }
    if (!word.isEmpty()) out += RomaniseWord(word, language);
    word.remove();
    out.append(c);
  }
  if (!word.isEmpty()) out += RomaniseWord(word, language);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

}  // namespace parley::names
