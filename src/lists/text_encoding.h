// parley/lists/text_encoding.h — detecting a list file's encoding and converting it to UTF-8.
//
// Bureaus send lists in UTF-8 (with or without a BOM), UTF-16 (from Excel's "Unicode text")
// and Windows-1251 (older Windows machines in Ukraine and Russia). DecodeToUtf8 decides which
// one a file is in and converts it with ICU; it never guesses silently:
//   1. a BOM decides (EF BB BF = UTF-8, FF FE = UTF-16LE, FE FF = UTF-16BE);
//   2. without a BOM, NUL bytes in every other position mean UTF-16 (LE or BE by their parity);
//   3. bytes that are valid UTF-8 are UTF-8;
//   4. otherwise count well-formed UTF-8 multibyte sequences (V) and ill-formed ones (I):
//      V > I      = broken UTF-8: an error naming the line and byte offset of the first bad
//                   byte (a UTF-8 file damaged by a bad copy, or a cp1251 line pasted in);
//      4V <= I    = Windows-1251;
//      in between = an error: the file mixes both and parley will not pick one silently.
// Why this is safe: Windows-1251 Cyrillic letters are 0xC0..0xFF, which UTF-8 reads as lead
// bytes, and a lead byte followed by another letter (not a 0x80..0xBF continuation) is
// ill-formed. So nearly every cp1251 word yields ill-formed sequences, while a UTF-8 file is
// all well-formed apart from its damage. The rule is a ratio, not "any well-formed sequence
// means UTF-8", because cp1251 *does* form well-formed pairs: an upper-case letter
// (0xC0..0xDF) followed by Ukrainian і ї є ґ or ’ (0xB2, 0xBF, 0xBA, 0xB4, 0x92, which are
// continuation bytes); the header "ПІБ" itself is CF B2 = U+03F2 in UTF-8. Measured on
// Ukrainian and Russian lists (mixed case and all capitals), V/I stays under 0.1 for cp1251,
// far from both thresholds; tests cover each branch.
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

// The reverse, for files written back to the person who sent one (the rejects file): `utf8`
// in `encoding` as DecodedText names it. "utf-8-bom" and both UTF-16 forms get their BOM, so
// Excel and parley recognise them again. A character Windows-1251 cannot hold becomes `?`
// (the text comes from a Windows-1251 file, so only parley's own words could hold one).
// An unknown encoding is kInternal: names come from DecodeToUtf8, never from a user.
[[nodiscard]] Result<std::string> EncodeFromUtf8(std::string_view utf8, std::string_view encoding);

}  // namespace parley
