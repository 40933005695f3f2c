#include "names/internal/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace parley::names::internal {

namespace {

// Calls `sink(cp)` for every code point; the error names the first malformed byte.
template <typename Sink>
Result<void> ForEachCodePoint(std::string_view utf8, Sink&& sink) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto length = static_cast<std::int32_t>(utf8.size());
  std::int32_t i = 0;
  while (i < length) {
    const std::int32_t start = i;
    UChar32 cp = 0;
    U8_NEXT(bytes, i, length, cp);
    if (cp < 0) {
      return Fail(ErrorCode::kInvalidInput,
                  "invalid UTF-8 at byte " + std::to_string(start + 1) + " of a name");
    }
    sink(static_cast<char32_t>(cp));
  }
  return {};
}

}  // namespace

Result<void> ValidateUtf8(std::string_view utf8) {
  return ForEachCodePoint(utf8, [](char32_t) {});
}

Result<std::u32string> DecodeUtf8(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  auto ok = ForEachCodePoint(utf8, [&out](char32_t cp) { out.push_back(cp); });
  if (!ok) return std::unexpected(ok.error());
  return out;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string EncodeUtf8(std::u32string_view cps) {
  std::string out;
  out.reserve(cps.size() * 2);
  for (char32_t cp : cps) AppendUtf8(cp, out);
  return out;
}

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace parley::names::internal
