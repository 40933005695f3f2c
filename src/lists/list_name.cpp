#include "lists/list_name.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>

namespace parley {
namespace {

constexpr std::string_view kRule =
    "a list name is 1 to 64 letters (any script), digits, '-', '_' or '.', not starting with "
    "'.' or '-', for example ua-request";

bool IsPunctuationAllowed(UChar32 c) { return c == '-' || c == '_' || c == '.'; }

bool IsMark(UChar32 c) { return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

bool IsAllowed(UChar32 c, bool first) {
  if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) return true;
  if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) return true;
  if (first) return false;
  return IsPunctuationAllowed(c) || IsMark(c);
}

// The name as it can be shown safely: printable characters as they are, anything a terminal
// would act on or hide (controls, format characters such as U+202E, spaces other than ' ')
// as U+XXXX.
std::string Printable(const icu::UnicodeString& name) {
  std::string out;
  for (int32_t i = 0; i < name.length();) {
    UChar32 c = name.char32At(i);
    i += U16_LENGTH(c);
    bool visible = c == ' ' || (u_isgraph(c) && u_charType(c) != U_FORMAT_CHAR);
    if (visible) {
      icu::UnicodeString(c).toUTF8String(out);
      continue;
    }
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    out += code;
  }
  return out;
}

std::string Describe(UChar32 c) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
  if (c == ' ') return "a space";
  if (u_isgraph(c) && u_charType(c) != U_FORMAT_CHAR) {
    std::string glyph;
    icu::UnicodeString(c).toUTF8String(glyph);
    return "'" + glyph + "' (" + code + ")";
  }
  return std::string("the invisible or control character ") + code;
}

std::unexpected<Error> Refuse(const std::string& shown, const std::string& why) {
  return Fail(ErrorCode::kInvalidInput,
              "list name '" + shown + "' is not allowed: " + why + "; " + std::string(kRule),
              Location{"", 0, 0, "list"});
}

}  // namespace

Result<std::string> CheckListName(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kInternal, std::string("ICU has no NFC: ") + u_errorName(status));
  }
  // Invalid UTF-8 becomes U+FFFD, which is not a letter: refused below like any symbol.
  icu::UnicodeString text = nfc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                               name.data(), static_cast<int32_t>(name.size()))),
                                           status);
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kInternal, std::string("ICU cannot normalise: ") + u_errorName(status));
  }
  int32_t length = text.countChar32();
  if (length == 0) return Refuse("", "it is empty");
  // Shown cut short: a 5,000-character name would drown the message.
  icu::UnicodeString head =
      text.tempSubString(0, text.moveIndex32(0, std::min<int32_t>(length, 80)));
  std::string shown = Printable(head) + (length > 80 ? "..." : "");
  if (static_cast<std::size_t>(length) > kMaxListNameLength) {
    return Refuse(shown, "it has " + std::to_string(length) + " characters");
  }
  int32_t position = 0;
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    ++position;
    if (!IsAllowed(c, position == 1)) {
      return Refuse(shown, Describe(c) + " at character " + std::to_string(position));
    }
  }
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace parley
