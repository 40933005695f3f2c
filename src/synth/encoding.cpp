#include "synth/encoding.h"

#include <sstream>

#include "core/file_io.h"
#include "core/try.h"
#include "synth/utf8.h"

namespace parley::synth {
namespace {

// The Windows-1251 byte of `cp`, or 0 when the code page has no such character.
unsigned char Cp1251Byte(char32_t cp) {
  if (cp < 0x80) return static_cast<unsigned char>(cp);
  if (cp >= 0x0410 && cp <= 0x044F) return static_cast<unsigned char>(0xC0 + (cp - 0x0410));
  switch (cp) {
    case U'Ё':
      return 0xA8;
    case U'ё':
      return 0xB8;
    case U'Є':
      return 0xAA;
    case U'є':
      return 0xBA;
    case U'І':
      return 0xB2;
    case U'і':
      return 0xB3;
    case U'Ї':
      return 0xAF;
    case U'ї':
      return 0xBF;
    case U'Ґ':
      return 0xA5;
    case U'ґ':
      return 0xB4;
    case U'’':
      return 0x92;
    case U'‘':
      return 0x91;
    case U'№':
      return 0xB9;
    case U'«':
      return 0xAB;
    case U'»':
      return 0xBB;
    default:
      return 0;
  }
}

char AsciiFallback(char32_t cp) {
  switch (cp) {
    case U'ʼ':
      return '\'';
    case U'ë':
      return 'e';
    case U'Ë':
      return 'E';
    default:
      return '?';
  }
}

}  // namespace

std::string_view FileEncodingName(FileEncoding encoding) {
  switch (encoding) {
    case FileEncoding::kUtf8:
      return "utf-8";
    case FileEncoding::kUtf8Bom:
      return "utf-8-bom";
    case FileEncoding::kWindows1251:
      return "windows-1251";
    case FileEncoding::kUtf16Le:
      return "utf-16le";
  }
  return "utf-8";
}

std::string ToWindows1251(std::string_view utf8, std::uint64_t& replaced) {
  std::string out;
  out.reserve(utf8.size());
  for (char32_t cp : DecodeUtf8(utf8)) {
    const unsigned char b = Cp1251Byte(cp);
    if (b != 0 || cp == 0) {
      out.push_back(static_cast<char>(b));
    } else {
      out.push_back(AsciiFallback(cp));
      ++replaced;
    }
  }
  return out;
}

std::string ToUtf16Le(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size() * 2 + 2);
  out += "\xFF\xFE";
  auto unit = [&out](std::uint32_t u) {
    out.push_back(static_cast<char>(u & 0xFF));
    out.push_back(static_cast<char>((u >> 8) & 0xFF));
  };
  for (char32_t cp : DecodeUtf8(utf8)) {
    if (cp < 0x10000) {
      unit(cp);
    } else {
      const std::uint32_t v = cp - 0x10000;
      unit(0xD800 + (v >> 10));
      unit(0xDC00 + (v & 0x3FF));
    }
  }
  return out;
}

Result<void> ReencodeFile(const std::filesystem::path& path, FileEncoding encoding,
                          std::uint64_t& replaced) {
  if (encoding == FileEncoding::kUtf8) return {};
  PARLEY_ASSIGN_OR_RETURN(const std::string text, ReadWholeFile(path));
  std::string encoded;
  switch (encoding) {
    case FileEncoding::kUtf8Bom:
      encoded = "\xEF\xBB\xBF" + text;
      break;
    case FileEncoding::kWindows1251:
      encoded = ToWindows1251(text, replaced);
      break;
    case FileEncoding::kUtf16Le:
      encoded = ToUtf16Le(text);
      break;
    case FileEncoding::kUtf8:
      break;
  }
  return WriteFileAtomically(path, encoded);
}

}  // namespace parley::synth
