// parley/names/internal/utf8.h — UTF-8 <-> code point conversion for the name engine.
//
// Not API: the name engine works on code points (a Cyrillic letter is two UTF-8 bytes, and
// every distance in this module is measured in letters, not bytes). Decoding validates: a
// malformed sequence is an error, never silently replaced, because a list row with broken
// bytes must be reported to the clerk rather than matched on garbage.
//
//   Result<std::u32string> cps = DecodeUtf8("Шевченко");   // 8 code points
//   std::string back = EncodeUtf8(*cps);
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace parley::names::internal {

[[nodiscard]] Result<std::u32string> DecodeUtf8(std::string_view utf8);
// The same check as DecodeUtf8 without building the code points.
[[nodiscard]] Result<void> ValidateUtf8(std::string_view utf8);
void AppendUtf8(char32_t cp, std::string& out);
[[nodiscard]] std::string EncodeUtf8(std::u32string_view cps);
[[nodiscard]] bool IsAscii(std::string_view text);

}  // namespace parley::names::internal
