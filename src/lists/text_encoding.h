// parley/lists/text_encoding.h — detecting a list file's encoding and converting it to UTF-8.
//
// Bureaus send lists in UTF-8 (with or without a BOM), UTF-16 (from Excel's "Unicode text")
// and Windows-1251 (older Windows machines in Ukraine and Russia). DecodeToUtf8 decides which
// one a file is in and converts it with ICU; it never guesses silently:
//   1. a BOM decides (EF BB BF = UTF-8, FF FE = UTF-16LE, FE FF = UTF-16BE);
//   2. without a BOM, NUL bytes in every other position mean UTF-16 (LE or BE by their parity);
//   3. bytes that are valid UTF-8 are UTF-8;
//   4. otherwise, more well-formed UTF-8 multibyte sequences than ill-formed ones = broken
//      UTF-8: an error naming the line and byte offset of the first bad byte (a UTF-8 file
//      damaged by a bad copy, or a cp1251 line pasted into a UTF-8 file);
//   5. otherwise (bytes >= 0x80, mostly ill-formed as UTF-8) = Windows-1251.
// Why this is safe: Windows-1251 Cyrillic letters are 0xC0..0xFF, which UTF-8 reads as lead
// bytes, and a lead byte followed by another letter (not a 0x80..0xBF continuation) is
// ill-formed. So every run of cp1251 lower-case letters, i.e. nearly every word, yields
// ill-formed sequences. A UTF-8 file, by contrast, is all well-formed sequences apart from
// its damage. The rule is a majority, not "any well-formed sequence means UTF-8", because
// cp1251 *does* form well-formed pairs: an upper-case letter (0xC0..0xDF) followed by one of
// Ukrainian і ї є ґ or ’ (0xB2, 0xBF, 0xBA, 0xB4, 0x92: continuation bytes) — the header "ПІБ"
// itself is CF B2 = U+03F2 in UTF-8. Such pairs are rare next to the ill-formed lower-case
// words, so the majority still separates the two cases (tests cover both).
// The result records the encoding used so the import report can say it; `forced` skips
// detection ("utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1251").
//
//   auto text = DecodeToUtf8(bytes, "", "list.csv");
//   if (!text) return Fail(text.error());   // e.g. "list.csv: row 7: broken UTF-8 at byte 212"
//   use(text->utf8, text->encoding);         // encoding == "windows-1251"
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace parley {

struct DecodedText {
  std::string utf8;      // the text in UTF-8, without a BOM
  std::string encoding;  // "utf-8", "utf-8-bom", "utf-16le", "utf-16be" or "windows-1251"
};

// `file` only names the file in errors.
[[nodiscard]] Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view forced,
                                               const std::string& file);

}  // namespace parley
