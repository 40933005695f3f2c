#include "lists/control_characters.h"

#include <cstdio>

namespace parley {
namespace {

bool IsRefused(char32_t c) {
  if (c == '\t' || c == '\n' || c == '\r') return false;
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

}  // namespace

std::optional<ControlCharacter> FirstControlCharacter(std::string_view text) {
  std::size_t position = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;  // a continuation byte: not a new character
    ++position;
    if (byte < 0x80) {
      if (IsRefused(byte)) return ControlCharacter{byte, position};
      continue;
    }
    // C1 controls are the only refused characters above ASCII: C2 80..C2 9F in UTF-8.
    if (byte == 0xC2 && i + 1 < text.size()) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return ControlCharacter{next, position};
    }
  }
  return std::nullopt;
}

std::string ControlCharacterName(char32_t code_point) {
  static constexpr const char* kC0[32] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL",
                                          "BS",  "TAB", "LF",  "VT",  "FF",  "CR",  "SO",  "SI",
                                          "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB",
                                          "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(code_point));
  std::string out = code;
  if (code_point < 0x20) return out + " (" + kC0[code_point] + ")";
  if (code_point == 0x7F) return out + " (DEL)";
  if (code_point == 0x9B) return out + " (CSI)";
  return out;
}

}  // namespace parley
