#include "lists/text_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace parley {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

std::int64_t LineAt(std::string_view text, std::size_t offset) {
  return 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
}

struct Utf8Scan {
  std::size_t valid_multibyte = 0;  // well-formed sequences of 2..4 bytes
  std::size_t invalid = 0;          // ill-formed sequences
  std::size_t first_invalid = std::string_view::npos;
};

// ICU's U8_NEXT does the decoding; we count well-formed multibyte and ill-formed sequences
// and remember where the first bad one is.
Utf8Scan ScanUtf8(std::string_view text) {
  Utf8Scan scan;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int64_t>(text.size());
  std::int64_t i = 0;
  while (i < length) {
    // ASCII fast path: most of a list is digits, punctuation and Latin.
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    std::int64_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c >= 0) {
      ++scan.valid_multibyte;
      continue;
    }
    ++scan.invalid;
    if (scan.first_invalid == std::string_view::npos) {
      scan.first_invalid = static_cast<std::size_t>(start);
    }
  }
  return scan;
}

// UTF-16 without a BOM: ASCII characters (digits, delimiters, newlines, Latin) have a zero
// high byte, so one parity of positions is full of NULs and the other has none. Cyrillic
// (U+04xx) has no NUL byte at all, but a list always has delimiters and line ends.
std::string_view DetectUtf16ByNuls(std::string_view bytes) {
  std::size_t n = std::min<std::size_t>(bytes.size(), 64 * 1024) & ~std::size_t{1};
  if (n < 4) return {};
  std::size_t even_zeros = 0;
  std::size_t odd_zeros = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    if (bytes[i] == '\0') ++even_zeros;
    if (bytes[i + 1] == '\0') ++odd_zeros;
  }
  std::size_t pairs = n / 2;
  if (odd_zeros * 10 >= pairs && even_zeros * 100 <= odd_zeros) return "utf-16le";
  if (even_zeros * 10 >= pairs && odd_zeros * 100 <= even_zeros) return "utf-16be";
  return {};
}

// The line of byte `offset` of the undecoded `bytes`, counted in the source's own code units.
// Not from the converted output: ICU converts through a pivot buffer, and on an error the text
// before it may not have reached the output yet (a small file's error then read as line 1).
std::int64_t SourceLineAt(std::string_view bytes, std::size_t offset, std::string_view icu_name) {
  offset = std::min(offset, bytes.size());
  if (icu_name != "UTF-16LE" && icu_name != "UTF-16BE") return LineAt(bytes, offset);
  std::size_t newline_byte = icu_name == "UTF-16LE" ? 0 : 1;  // where '\n' sits in its unit
  std::int64_t line = 1;
  for (std::size_t i = 0; i + 1 < offset; i += 2) {
    if (bytes[i + newline_byte] == '\n' && bytes[i + 1 - newline_byte] == '\0') ++line;
  }
  return line;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// ICU does the conversion; the STOP callback turns an unmappable or malformed sequence into
// an error instead of a silent U+FFFD, so a damaged UTF-16 or cp1251 file is refused.
// `skipped` is how many bytes (a BOM) came before `bytes` in the file, for the error's offset.
Result<std::string> ConvertWithIcu(std::string_view bytes, const char* icu_name,
                                   const std::string& file, std::size_t skipped = 0) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr source(ucnv_open(icu_name, &status));
  ConverterPtr target(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kInternal,
                std::string("ICU cannot open converter ") + icu_name + ": " + u_errorName(status));
  }
  ucnv_setToUCallBack(source.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  // Every source byte pair or byte becomes at most 3 UTF-8 bytes.
  std::string out(bytes.size() * 3 + 16, '\0');
  char* out_begin = out.data();
  char* out_pos = out_begin;
  const char* in_pos = bytes.data();
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  ucnv_convertEx(target.get(), source.get(), &out_pos, out_begin + out.size(), &in_pos,
                 bytes.data() + bytes.size(), pivot, &pivot_source, &pivot_target,
                 pivot + std::size(pivot), true, true, &status);
  if (U_FAILURE(status)) {
    std::size_t offset = static_cast<std::size_t>(in_pos - bytes.data());
    return Fail(ErrorCode::kInvalidInput,
                std::string("the file is not valid ") + icu_name + " near byte " +
                    std::to_string(offset + skipped) + " (" + u_errorName(status) +
                    "); re-save it as UTF-8",
                Location{file, SourceLineAt(bytes, offset, icu_name), 0, {}});
  }
  out.resize(static_cast<std::size_t>(out_pos - out_begin));
  return out;
}

Result<DecodedText> DecodeUtf8(std::string_view bytes, bool had_bom, const std::string& file) {
  Utf8Scan scan = ScanUtf8(bytes);
  if (scan.first_invalid != std::string_view::npos) {
    std::size_t offset = scan.first_invalid + (had_bom ? kUtf8Bom.size() : 0);
    std::int64_t line = LineAt(bytes, scan.first_invalid);
    return Fail(ErrorCode::kInvalidInput,
                "broken UTF-8 at byte " + std::to_string(offset) + " (line " +
                    std::to_string(line) +
                    "): the file mixes valid UTF-8 with invalid bytes; re-save it as UTF-8",
                Location{file, line, 0, {}});
  }
  return DecodedText{std::string(bytes), had_bom ? "utf-8-bom" : "utf-8"};
}

Result<DecodedText> DecodeUtf16(std::string_view bytes, std::string_view name,
                                const std::string& file) {
  std::string_view bom = name == "utf-16le" ? kUtf16LeBom : kUtf16BeBom;
  std::size_t skipped = bytes.starts_with(bom) ? bom.size() : 0;
  bytes.remove_prefix(skipped);
  auto utf8 = ConvertWithIcu(bytes, name == "utf-16le" ? "UTF-16LE" : "UTF-16BE", file, skipped);
  if (!utf8) return Fail(utf8.error());
  return DecodedText{std::move(*utf8), std::string(name)};
}

Result<DecodedText> DecodeCp1251(std::string_view bytes, const std::string& file) {
  auto utf8 = ConvertWithIcu(bytes, "windows-1251", file);
  if (!utf8) return Fail(utf8.error());
  return DecodedText{std::move(*utf8), "windows-1251"};
}

Result<DecodedText> DecodeForced(std::string_view bytes, std::string_view forced,
                                 const std::string& file) {
  std::string name(forced);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (name == "utf-8" || name == "utf8" || name == "utf-8-bom") {
    bool bom = bytes.starts_with(kUtf8Bom);
    if (bom) bytes.remove_prefix(kUtf8Bom.size());
    return DecodeUtf8(bytes, bom, file);
  }
  if (name == "utf-16le" || name == "utf-16be") return DecodeUtf16(bytes, name, file);
  if (name == "windows-1251" || name == "cp1251") return DecodeCp1251(bytes, file);
  return Fail(ErrorCode::kInvalidInput,
              "unknown encoding '" + std::string(forced) +
                  "'; use utf-8, utf-16le, utf-16be or windows-1251",
              Location{file, 0, 0, {}});
}

Result<std::string> ConvertFromUtf8(std::string_view utf8, const char* icu_name) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr target(ucnv_open(icu_name, &status));
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kInternal,
                std::string("ICU cannot open converter ") + icu_name + ": " + u_errorName(status));
  }
  // UTF-16 can hold every character; a single-byte code page substitutes `?` (its bytes).
  if (ucnv_getMaxCharSize(target.get()) == 1) ucnv_setSubstChars(target.get(), "?", 1, &status);
  // Every UTF-8 byte becomes at most two bytes in UTF-16 or one in a single-byte code page.
  std::string out(utf8.size() * 2 + 16, '\0');
  int32_t length =
      ucnv_fromAlgorithmic(target.get(), UCNV_UTF8, out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kInternal,
                std::string("cannot convert text to ") + icu_name + ": " + u_errorName(status));
  }
  out.resize(static_cast<std::size_t>(length));
  return out;
}

}  // namespace

Result<std::string> EncodeFromUtf8(std::string_view utf8, std::string_view encoding) {
  if (encoding == "utf-8") return std::string(utf8);
  if (encoding == "utf-8-bom") return std::string(kUtf8Bom) + std::string(utf8);
  if (encoding == "utf-16le" || encoding == "utf-16be") {
    bool le = encoding == "utf-16le";
    auto text = ConvertFromUtf8(utf8, le ? "UTF-16LE" : "UTF-16BE");
    if (!text) return text;
    return std::string(le ? kUtf16LeBom : kUtf16BeBom) + *text;
  }
  if (encoding == "windows-1251") return ConvertFromUtf8(utf8, "windows-1251");
  return Fail(ErrorCode::kInternal, "no encoder for '" + std::string(encoding) + "'");
}

Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view forced,
                                 const std::string& file) {
  if (!forced.empty()) return DecodeForced(bytes, forced, file);
  if (bytes.starts_with(kUtf8Bom)) return DecodeUtf8(bytes.substr(kUtf8Bom.size()), true, file);
  if (bytes.starts_with(kUtf16LeBom)) return DecodeUtf16(bytes, "utf-16le", file);
  if (bytes.starts_with(kUtf16BeBom)) return DecodeUtf16(bytes, "utf-16be", file);
  if (std::string_view utf16 = DetectUtf16ByNuls(bytes); !utf16.empty()) {
    return DecodeUtf16(bytes, utf16, file);
  }
  Utf8Scan scan = ScanUtf8(bytes);
  if (scan.invalid == 0) return DecodedText{std::string(bytes), "utf-8"};
  // The thresholds and why they are safe: see the header.
  if (scan.valid_multibyte > scan.invalid) return DecodeUtf8(bytes, false, file);
  if (scan.valid_multibyte * 4 <= scan.invalid) return DecodeCp1251(bytes, file);
  std::int64_t line = LineAt(bytes, scan.first_invalid);
  return Fail(ErrorCode::kInvalidInput,
              "cannot tell the encoding: the file has " + std::to_string(scan.valid_multibyte) +
                  " UTF-8 characters and " + std::to_string(scan.invalid) +
                  " byte sequences that are not UTF-8 (the first at byte " +
                  std::to_string(scan.first_invalid) + ", line " + std::to_string(line) +
                  "); it may be UTF-8 with a Windows-1251 part. Re-save it in one encoding, or "
                  "pass --encoding",
              Location{file, line, 0, {}});
}

}  // namespace parley
