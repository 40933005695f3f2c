// parley/synth/utf8.h — the few UTF-8 code-point operations the generator needs.
//
// Names are Cyrillic, Latin or both, so every variation the generator injects (a typo, a
// homoglyph, upper-casing) must act on code points, never on bytes: a byte-level edit would
// produce broken UTF-8, which is not the kind of dirt real lists carry. The generator only ever
// feeds this file well-formed UTF-8 that it built itself, so decoding does not report errors; a
// malformed byte is passed through as U+FFFD.
//
// Case mapping covers exactly the scripts the generator writes (ASCII Latin, Russian and
// Ukrainian Cyrillic); it is a fixed table rather than ICU so that output bytes cannot change
// with the ICU version installed.
//
//   std::u32string cps = DecodeUtf8("Щербак");   // 6 code points
//   AppendUtf8(out, U'Ї');
//   ToUpper("Ковальська") == "КОВАЛЬСЬКА"
#pragma once

#include <string>
#include <string_view>

namespace parley::synth {

[[nodiscard]] std::u32string DecodeUtf8(std::string_view text);
void AppendUtf8(std::string& out, char32_t cp);
[[nodiscard]] std::string EncodeUtf8(std::u32string_view cps);

[[nodiscard]] char32_t ToLowerCp(char32_t cp);
[[nodiscard]] char32_t ToUpperCp(char32_t cp);
[[nodiscard]] bool IsUpperCp(char32_t cp);
[[nodiscard]] bool IsCyrillicCp(char32_t cp);
[[nodiscard]] std::string ToUpper(std::string_view text);
[[nodiscard]] std::string ToLower(std::string_view text);
// "шевченко-ПЕТРЕНКО" -> "Шевченко-Петренко": first letter of each word (after a space or
// hyphen) upper, the rest lower.
[[nodiscard]] std::string TitleCase(std::string_view text);

}  // namespace parley::synth
