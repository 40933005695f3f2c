// parley/core/utf8.h — UTF-8 <-> code points, for code that measures text in letters.
//
// Names are compared letter by letter (a Cyrillic letter is two UTF-8 bytes; an edit is one
// letter, not two bytes), so several modules work on code points. Decoding validates through
// ICU's U8_NEXT: a malformed sequence is an error naming the byte, never silently replaced,
// because a list row with broken bytes must reach the clerk rather than be matched on garbage.
// DecodeUtf8Lossy is only for text parley made itself (synthetic data).
//
//   Result<std::u32string> cps = DecodeUtf8("Шевченко");   // 8 code points
//   std::string back = EncodeUtf8(*cps);
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace parley {

[[nodiscard]] Result<std::u32string> DecodeUtf8(std::string_view utf8);
// The same check as DecodeUtf8 without building the code points.
[[nodiscard]] Result<void> ValidateUtf8(std::string_view utf8);
// Malformed bytes become U+FFFD. For trusted text only.
[[nodiscard]] std::u32string DecodeUtf8Lossy(std::string_view utf8);
void AppendUtf8(char32_t cp, std::string& out);
[[nodiscard]] std::string EncodeUtf8(std::u32string_view cps);
[[nodiscard]] bool IsAscii(std::string_view text);

}  // namespace parley
