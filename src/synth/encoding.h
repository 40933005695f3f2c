// parley/synth/encoding.h — re-encodes a written list the way some bureaus send theirs.
//
// DOMAIN.md: lists "arrive in UTF-8, Windows-1251 or UTF-16". With `legacy_encodings` the
// scenario writer first writes every list as UTF-8, then rewrites some of them in place in
// another encoding, so the importer's detection is exercised on data whose truth is known.
//
// Contract:
//  - kUtf8Bom prefixes EF BB BF.
//  - kWindows1251 maps ASCII, Russian and Ukrainian Cyrillic (Ё Є І Ї Ґ), № and ’ to their
//    code page bytes. A character the code page lacks (ʼ U+02BC, a BGN ë) becomes its closest
//    ASCII form (' or e), as Excel's "Save as CSV" would do, and is counted in `replaced`.
//  - kUtf16Le prefixes the BOM FF FE and writes little-endian code units (surrogate pairs for
//    characters outside the BMP).
// The table is written out rather than taken from ICU or iconv so that output bytes do not
// depend on the converter library installed.
//
//   std::uint64_t replaced = 0;
//   ToWindows1251("Київ", replaced) == "\xCA\xE8\xBF\xE2"
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.h"

namespace parley::synth {

enum class FileEncoding { kUtf8, kUtf8Bom, kWindows1251, kUtf16Le };

// "utf-8", "utf-8-bom", "windows-1251", "utf-16le".
[[nodiscard]] std::string_view FileEncodingName(FileEncoding encoding);

[[nodiscard]] std::string ToWindows1251(std::string_view utf8, std::uint64_t& replaced);
[[nodiscard]] std::string ToUtf16Le(std::string_view utf8);

// Rewrites the UTF-8 file at `path` in `encoding`; `replaced` counts characters the target
// cannot hold. kIoError when the file cannot be read or written.
[[nodiscard]] Result<void> ReencodeFile(const std::filesystem::path& path, FileEncoding encoding,
                                        std::uint64_t& replaced);

}  // namespace parley::synth
